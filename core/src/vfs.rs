//! The virtual filesystem: what `open()`, `os` and `import` see.
//!
//! A board (or the host) provides filesystems as [`Filesystem`] trait objects: the root one
//! through [`Port::root_filesystem`](crate::port::Port::root_filesystem), mounted at `/` when
//! the interpreter starts (and again after every soft reset); more through `os.mount`.
//! The mount table ([`Vfs`], one per `Vm`) owns them, keeps the current directory, turns every
//! path into an absolute one (resolving `.` and `..` lexically) and hands the part below the
//! longest matching mount point to that filesystem, always starting with `/`.
//!
//! Filesystems report errors as [`Errno`] values (MicroPython's numbers, the Linux ones);
//! [`os_error`] turns them into `OSError(errno)`, printed as `OSError: [Errno 2] ENOENT`.
//! Open files are `(mount id, handle)` pairs: a handle is the filesystem's own small number, and
//! the mount id (never reused) makes a file whose filesystem was unmounted raise EBADF instead
//! of reaching another filesystem.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

pub use crate::errno::{os_error, Errno};

pub type FsResult<T> = Result<T, Errno>;

/// A filesystem's number for one open file.
pub type Handle = u32;

/// How `open` opens a file (decoded from the mode string by `open()`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenFlags {
    pub read: bool,
    pub write: bool,
    /// Every write goes to the end of the file.
    pub append: bool,
    /// Create the file if it does not exist.
    pub create: bool,
    /// Empty an existing file.
    pub truncate: bool,
    /// Fail with EEXIST if the file exists (mode `x`).
    pub exclusive: bool,
}

/// Where a seek offset counts from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Whence {
    Start,
    Current,
    End,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
}

impl EntryKind {
    /// The `st_mode` / `ilistdir` type bits (S_IFREG, S_IFDIR).
    pub fn mode_bits(self) -> u32 {
        match self {
            EntryKind::File => 0x8000,
            EntryKind::Dir => 0x4000,
        }
    }
}

/// What `os.stat` reports about a file or directory.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Stat {
    pub kind: EntryKind,
    pub size: u64,
    /// 0 where the filesystem has no inode numbers (FAT).
    pub inode: u64,
    /// Modification time, seconds since the Unix epoch (0 if unknown).
    pub mtime: u64,
}

/// One directory entry (`os.ilistdir`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub stat: Stat,
}

/// What `os.statvfs` reports.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct StatVfs {
    pub bsize: u64,
    pub frsize: u64,
    pub blocks: u64,
    pub bfree: u64,
    pub bavail: u64,
    pub files: u64,
    pub ffree: u64,
    pub namemax: u64,
}

/// A mounted filesystem. Paths are absolute within the filesystem (`/`, `/lib/a.py`), already
/// normalized by the mount table (no `.`, `..` or repeated `/`).
pub trait Filesystem {
    fn open(&mut self, path: &str, flags: OpenFlags) -> FsResult<Handle>;
    /// Read up to `buf.len()` bytes; 0 at the end of the file.
    fn read(&mut self, h: Handle, buf: &mut [u8]) -> FsResult<usize>;
    /// Write `data` (all of it, or fail); returns the count written.
    fn write(&mut self, h: Handle, data: &[u8]) -> FsResult<usize>;
    /// Move the position; returns the new one.
    fn seek(&mut self, h: Handle, offset: i64, whence: Whence) -> FsResult<u64>;
    fn flush(&mut self, h: Handle) -> FsResult<()>;
    /// Release the handle (flushing first).
    fn close(&mut self, h: Handle) -> FsResult<()>;
    fn listdir(&mut self, path: &str) -> FsResult<Vec<DirEntry>>;
    fn mkdir(&mut self, path: &str) -> FsResult<()>;
    fn rmdir(&mut self, path: &str) -> FsResult<()>;
    fn remove(&mut self, path: &str) -> FsResult<()>;
    fn rename(&mut self, from: &str, to: &str) -> FsResult<()>;
    fn stat(&mut self, path: &str) -> FsResult<Stat>;
    fn statvfs(&mut self, path: &str) -> FsResult<StatVfs>;
    /// Write every cached block to the medium.
    fn sync(&mut self) -> FsResult<()>;
    /// The directory (absolute, in the VFS) to start in when this is the root filesystem:
    /// `/` on boards; the host's own current directory on the host.
    fn start_dir(&self) -> String {
        String::from("/")
    }
}

struct Mount {
    /// `/` or `/name[/name...]`, no trailing `/`.
    path: String,
    /// Distinguishes this mounting from any earlier or later one at the same path.
    id: u32,
    fs: Box<dyn Filesystem>,
}

/// The mount table and current directory of one interpreter.
pub struct Vfs {
    mounts: Vec<Mount>,
    cwd: String,
    next_id: u32,
}

impl Default for Vfs {
    fn default() -> Self {
        Vfs::new()
    }
}

/// A dropped interpreter (soft reset, end of the host process) syncs its filesystems so that
/// nothing written stays in a filesystem's cache; errors have no one to go to.
impl Drop for Vfs {
    fn drop(&mut self) {
        let _ = self.sync();
    }
}

/// `path` made absolute against `cwd`, with `.`, `..` and empty components removed.
pub fn normalize(cwd: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let joined = if path.starts_with('/') { "" } else { cwd };
    for comp in joined.split('/').chain(path.split('/')) {
        match comp {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    let mut out = String::new();
    for p in &parts {
        out.push('/');
        out.push_str(p);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// The path inside a mount at `mount` of the absolute path `abs`, if `abs` is under it.
fn sub_path<'a>(mount: &str, abs: &'a str) -> Option<&'a str> {
    if mount == "/" {
        return Some(abs);
    }
    let rest = abs.strip_prefix(mount)?;
    if rest.is_empty() {
        Some("/")
    } else if rest.starts_with('/') {
        Some(rest)
    } else {
        None
    }
}

impl Vfs {
    pub const fn new() -> Vfs {
        Vfs {
            mounts: Vec::new(),
            cwd: String::new(),
            next_id: 1,
        }
    }

    /// True when nothing is mounted (files then come from `Port::read_file` only).
    pub fn is_empty(&self) -> bool {
        self.mounts.is_empty()
    }

    pub fn cwd(&self) -> &str {
        if self.cwd.is_empty() {
            "/"
        } else {
            &self.cwd
        }
    }

    /// `path` made absolute against the current directory.
    pub fn absolute(&self, path: &str) -> String {
        normalize(self.cwd(), path)
    }

    /// Mount `fs` at `path`; EPERM if something is mounted there already (MicroPython).
    pub fn mount(&mut self, path: &str, fs: Box<dyn Filesystem>) -> FsResult<()> {
        let path = self.absolute(path);
        if self.mounts.iter().any(|m| m.path == path) {
            return Err(Errno::EPERM);
        }
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1).max(1);
        self.mounts.push(Mount { path, id, fs });
        Ok(())
    }

    /// Mount the root filesystem and start in its start directory.
    pub fn mount_root(&mut self, fs: Box<dyn Filesystem>) -> FsResult<()> {
        let start = fs.start_dir();
        self.mount("/", fs)?;
        self.cwd = normalize("/", &start);
        Ok(())
    }

    /// Unmount the filesystem mounted at `path` (syncing it first); EINVAL if none is.
    pub fn umount(&mut self, path: &str) -> FsResult<()> {
        let path = self.absolute(path);
        let i = self
            .mounts
            .iter()
            .position(|m| m.path == path)
            .ok_or(Errno::EINVAL)?;
        let mut m = self.mounts.remove(i);
        m.fs.sync()
    }

    /// The mount holding absolute path `abs` (longest prefix) and the path inside it.
    fn lookup<'a>(&mut self, abs: &'a str) -> FsResult<(&mut Mount, &'a str)> {
        let mut best: Option<(usize, &'a str)> = None;
        for (i, m) in self.mounts.iter().enumerate() {
            if let Some(sub) = sub_path(&m.path, abs) {
                if best.is_none_or(|(b, _)| self.mounts[b].path.len() < m.path.len()) {
                    best = Some((i, sub));
                }
            }
        }
        let (i, sub) = best.ok_or(Errno::ENOENT)?;
        Ok((&mut self.mounts[i], sub))
    }

    /// Run `f` on the filesystem holding `path` with the path inside it.
    fn with_path<T>(
        &mut self,
        path: &str,
        f: impl FnOnce(&mut dyn Filesystem, &str) -> FsResult<T>,
    ) -> FsResult<T> {
        let abs = self.absolute(path);
        let (m, sub) = self.lookup(&abs)?;
        f(m.fs.as_mut(), sub)
    }

    /// Open a file: (mount id, handle) for [`Vfs::file`].
    pub fn open(&mut self, path: &str, flags: OpenFlags) -> FsResult<(u32, Handle)> {
        let abs = self.absolute(path);
        let (m, sub) = self.lookup(&abs)?;
        let h = m.fs.open(sub, flags)?;
        Ok((m.id, h))
    }

    /// The filesystem an open file belongs to; EBADF once it has been unmounted.
    pub fn file(&mut self, mount_id: u32) -> FsResult<&mut dyn Filesystem> {
        match self.mounts.iter_mut().find(|m| m.id == mount_id) {
            Some(m) => Ok(m.fs.as_mut()),
            None => Err(Errno::EBADF),
        }
    }

    /// Directory entries of `path`. With no filesystem at `/`, `/` lists the mount points.
    pub fn listdir(&mut self, path: &str) -> FsResult<Vec<DirEntry>> {
        let abs = self.absolute(path);
        if abs == "/" && !self.mounts.iter().any(|m| m.path == "/") {
            return Ok(self.mount_points());
        }
        self.with_path(&abs, |fs, p| fs.listdir(p))
    }

    /// The top-level mount points as directory entries.
    fn mount_points(&self) -> Vec<DirEntry> {
        self.mounts
            .iter()
            .map(|m| DirEntry {
                name: String::from(m.path.trim_start_matches('/')),
                stat: Stat {
                    kind: EntryKind::Dir,
                    size: 0,
                    inode: 0,
                    mtime: 0,
                },
            })
            .collect()
    }

    pub fn mkdir(&mut self, path: &str) -> FsResult<()> {
        self.with_path(path, |fs, p| fs.mkdir(p))
    }

    pub fn rmdir(&mut self, path: &str) -> FsResult<()> {
        self.with_path(path, |fs, p| fs.rmdir(p))
    }

    pub fn remove(&mut self, path: &str) -> FsResult<()> {
        self.with_path(path, |fs, p| fs.remove(p))
    }

    /// Rename within one filesystem; EXDEV across mounts.
    pub fn rename(&mut self, from: &str, to: &str) -> FsResult<()> {
        let (from, to) = (self.absolute(from), self.absolute(to));
        let to_mount = {
            let (m, sub) = self.lookup(&to)?;
            (m.id, String::from(sub))
        };
        let (m, sub) = self.lookup(&from)?;
        if m.id != to_mount.0 {
            return Err(Errno::EXDEV);
        }
        m.fs.rename(sub, &to_mount.1)
    }

    /// `stat`; a mount point with no filesystem above it is a directory.
    pub fn stat(&mut self, path: &str) -> FsResult<Stat> {
        let abs = self.absolute(path);
        match self.with_path(&abs, |fs, p| fs.stat(p)) {
            Err(Errno::ENOENT) if abs == "/" => Ok(Stat {
                kind: EntryKind::Dir,
                size: 0,
                inode: 0,
                mtime: 0,
            }),
            r => r,
        }
    }

    pub fn statvfs(&mut self, path: &str) -> FsResult<StatVfs> {
        self.with_path(path, |fs, p| fs.statvfs(p))
    }

    /// Sync every mounted filesystem; the first error wins.
    pub fn sync(&mut self) -> FsResult<()> {
        let mut r = Ok(());
        for m in &mut self.mounts {
            let s = m.fs.sync();
            if r.is_ok() {
                r = s;
            }
        }
        r
    }

    /// Change the current directory (ENOENT / ENOTDIR unless it is a directory).
    pub fn chdir(&mut self, path: &str) -> FsResult<()> {
        let abs = self.absolute(path);
        if self.stat(&abs)?.kind != EntryKind::Dir {
            return Err(Errno::ENOTDIR);
        }
        self.cwd = abs;
        Ok(())
    }

    /// The whole contents of a file (for `import`).
    pub fn read_all(&mut self, path: &str) -> FsResult<Vec<u8>> {
        let abs = self.absolute(path);
        let (m, sub) = self.lookup(&abs)?;
        let fs = m.fs.as_mut();
        if fs.stat(sub)?.kind == EntryKind::Dir {
            return Err(Errno::EISDIR);
        }
        let h = fs.open(
            sub,
            OpenFlags {
                read: true,
                ..OpenFlags::default()
            },
        )?;
        let mut out = Vec::new();
        let mut buf = [0u8; 256];
        let r = loop {
            match fs.read(h, &mut buf) {
                Ok(0) => break Ok(()),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => break Err(e),
            }
        };
        let closed = fs.close(h);
        r.and(closed).map(|_| out)
    }
}

/// A filesystem mounted with `readonly=True`: changes fail with EROFS.
pub struct ReadOnly(pub Box<dyn Filesystem>);

const EROFS: Errno = Errno(30);

impl Filesystem for ReadOnly {
    fn open(&mut self, path: &str, flags: OpenFlags) -> FsResult<Handle> {
        if flags.write || flags.create || flags.truncate || flags.append {
            return Err(EROFS);
        }
        self.0.open(path, flags)
    }
    fn read(&mut self, h: Handle, buf: &mut [u8]) -> FsResult<usize> {
        self.0.read(h, buf)
    }
    fn write(&mut self, _h: Handle, _data: &[u8]) -> FsResult<usize> {
        Err(EROFS)
    }
    fn seek(&mut self, h: Handle, offset: i64, whence: Whence) -> FsResult<u64> {
        self.0.seek(h, offset, whence)
    }
    fn flush(&mut self, h: Handle) -> FsResult<()> {
        self.0.flush(h)
    }
    fn close(&mut self, h: Handle) -> FsResult<()> {
        self.0.close(h)
    }
    fn listdir(&mut self, path: &str) -> FsResult<Vec<DirEntry>> {
        self.0.listdir(path)
    }
    fn mkdir(&mut self, _path: &str) -> FsResult<()> {
        Err(EROFS)
    }
    fn rmdir(&mut self, _path: &str) -> FsResult<()> {
        Err(EROFS)
    }
    fn remove(&mut self, _path: &str) -> FsResult<()> {
        Err(EROFS)
    }
    fn rename(&mut self, _from: &str, _to: &str) -> FsResult<()> {
        Err(EROFS)
    }
    fn stat(&mut self, path: &str) -> FsResult<Stat> {
        self.0.stat(path)
    }
    fn statvfs(&mut self, path: &str) -> FsResult<StatVfs> {
        self.0.statvfs(path)
    }
    fn sync(&mut self) -> FsResult<()> {
        Ok(())
    }
}

#[cfg(test)]
pub mod memfs;

#[cfg(test)]
mod tests {
    use super::memfs::MemFs;
    use super::*;

    #[test]
    fn normalize_resolves_dots_and_cwd() {
        assert_eq!(normalize("/", "a/./b/../c"), "/a/c");
        assert_eq!(normalize("/x/y", ".."), "/x");
        assert_eq!(normalize("/x", "../../.."), "/");
        assert_eq!(normalize("/x", "/abs//p/"), "/abs/p");
        assert_eq!(normalize("/", ""), "/");
    }

    #[test]
    fn longest_mount_prefix_wins() {
        let mut v = Vfs::new();
        v.mount("/", Box::new(MemFs::new())).unwrap();
        v.mount("/sd", Box::new(MemFs::new())).unwrap();
        v.mkdir("/sd/d").unwrap();
        assert_eq!(v.stat("/sd/d").unwrap().kind, EntryKind::Dir);
        // Not in the root filesystem, and /sdx is not under /sd.
        v.mkdir("/sdx").unwrap();
        assert_eq!(v.listdir("/sd").unwrap()[0].name, "d");
        assert_eq!(v.mount("/sd", Box::new(MemFs::new())), Err(Errno::EPERM));
        assert_eq!(v.rename("/sd/d", "/e"), Err(Errno::EXDEV));
        v.umount("/sd").unwrap();
        assert_eq!(v.umount("/sd"), Err(Errno::EINVAL));
    }

    #[test]
    fn chdir_and_relative_paths() {
        let mut v = Vfs::new();
        v.mount_root(Box::new(MemFs::new())).unwrap();
        v.mkdir("lib").unwrap();
        v.chdir("lib").unwrap();
        assert_eq!(v.cwd(), "/lib");
        let (id, h) = v
            .open(
                "m.py",
                OpenFlags {
                    write: true,
                    create: true,
                    ..OpenFlags::default()
                },
            )
            .unwrap();
        v.file(id).unwrap().write(h, b"x = 1").unwrap();
        v.file(id).unwrap().close(h).unwrap();
        v.chdir("..").unwrap();
        assert_eq!(v.read_all("lib/m.py").unwrap(), b"x = 1");
        assert_eq!(v.chdir("lib/m.py"), Err(Errno::ENOTDIR));
        assert_eq!(v.read_all("lib"), Err(Errno::EISDIR));
    }

    #[test]
    fn unmounted_file_is_ebadf() {
        let mut v = Vfs::new();
        v.mount("/m", Box::new(MemFs::new())).unwrap();
        assert_eq!(v.listdir("/").unwrap()[0].name, "m");
        let (id, _) = v
            .open(
                "/m/f",
                OpenFlags {
                    write: true,
                    create: true,
                    ..OpenFlags::default()
                },
            )
            .unwrap();
        v.umount("/m").unwrap();
        assert!(matches!(v.file(id), Err(Errno::EBADF)));
        assert_eq!(v.stat("/m/f"), Err(Errno::ENOENT));
    }
}
