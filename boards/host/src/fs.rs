//! The host's filesystem behind the VFS (MicroPython's `VfsPosix`): `root` (a host directory,
//! "" for the whole filesystem) is the VFS path `/`, so with `root` "" a VFS path is the host
//! path. Files are `std::fs::File`s (unbuffered, like MicroPython's unix port).

use mpy_core::vfs::{
    DirEntry, EntryKind, Errno, Filesystem, FsResult, Handle, OpenFlags, Stat, StatVfs, Whence,
};
use std::fs::{File, Metadata, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::MetadataExt;

pub struct HostFs {
    root: String,
    files: Vec<Option<File>>,
}

/// The MicroPython errno of a host I/O error (the host's number: both are Linux's).
fn errno(e: std::io::Error) -> Errno {
    match e.raw_os_error() {
        Some(n) if (1..=u16::MAX as i32).contains(&n) => Errno(n as u16),
        _ => match e.kind() {
            std::io::ErrorKind::NotFound => Errno::ENOENT,
            std::io::ErrorKind::AlreadyExists => Errno::EEXIST,
            std::io::ErrorKind::PermissionDenied => Errno::EACCES,
            _ => Errno::EIO,
        },
    }
}

fn stat_of(m: &Metadata) -> Stat {
    Stat {
        kind: if m.is_dir() {
            EntryKind::Dir
        } else {
            EntryKind::File
        },
        size: m.len(),
        inode: m.ino(),
        mtime: m.mtime().max(0) as u64,
    }
}

impl HostFs {
    pub fn new(root: &str) -> HostFs {
        HostFs {
            root: root.trim_end_matches('/').to_string(),
            files: Vec::new(),
        }
    }

    /// The host path of a VFS path (absolute, normalized, below `root`).
    fn host(&self, path: &str) -> String {
        format!("{}{}", self.root, path)
    }

    fn file(&mut self, h: Handle) -> FsResult<&mut File> {
        self.files
            .get_mut(h as usize)
            .and_then(Option::as_mut)
            .ok_or(Errno::EBADF)
    }
}

impl Filesystem for HostFs {
    fn open(&mut self, path: &str, flags: OpenFlags) -> FsResult<Handle> {
        let p = self.host(path);
        if std::fs::metadata(&p).is_ok_and(|m| m.is_dir()) {
            return Err(Errno::EISDIR);
        }
        let f = OpenOptions::new()
            .read(flags.read)
            .write(flags.write && !flags.append)
            .append(flags.append)
            .create(flags.create && !flags.exclusive)
            .create_new(flags.exclusive)
            .truncate(flags.truncate)
            .open(&p)
            .map_err(errno)?;
        // Reuse a free slot so handles stay small numbers.
        match self.files.iter().position(Option::is_none) {
            Some(i) => {
                self.files[i] = Some(f);
                Ok(i as Handle)
            }
            None => {
                self.files.push(Some(f));
                Ok((self.files.len() - 1) as Handle)
            }
        }
    }

    fn read(&mut self, h: Handle, buf: &mut [u8]) -> FsResult<usize> {
        self.file(h)?.read(buf).map_err(errno)
    }

    fn write(&mut self, h: Handle, data: &[u8]) -> FsResult<usize> {
        let f = self.file(h)?;
        f.write_all(data).map_err(errno)?;
        Ok(data.len())
    }

    fn seek(&mut self, h: Handle, offset: i64, whence: Whence) -> FsResult<u64> {
        let to = match whence {
            Whence::Start => SeekFrom::Start(u64::try_from(offset).map_err(|_| Errno::EINVAL)?),
            Whence::Current => SeekFrom::Current(offset),
            Whence::End => SeekFrom::End(offset),
        };
        self.file(h)?.seek(to).map_err(errno)
    }

    fn flush(&mut self, h: Handle) -> FsResult<()> {
        self.file(h)?.flush().map_err(errno)
    }

    fn close(&mut self, h: Handle) -> FsResult<()> {
        self.file(h)?;
        // Dropping the File closes it (std reports no close errors).
        self.files[h as usize] = None;
        Ok(())
    }

    fn listdir(&mut self, path: &str) -> FsResult<Vec<DirEntry>> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(self.host(path)).map_err(errno)? {
            let e = e.map_err(errno)?;
            let m = e.metadata().map_err(errno)?;
            out.push(DirEntry {
                name: e.file_name().to_string_lossy().into_owned(),
                stat: stat_of(&m),
            });
        }
        // read_dir's order is the directory's; sort so listings are reproducible.
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    fn mkdir(&mut self, path: &str) -> FsResult<()> {
        std::fs::create_dir(self.host(path)).map_err(errno)
    }

    fn rmdir(&mut self, path: &str) -> FsResult<()> {
        std::fs::remove_dir(self.host(path)).map_err(errno)
    }

    fn remove(&mut self, path: &str) -> FsResult<()> {
        std::fs::remove_file(self.host(path)).map_err(errno)
    }

    fn rename(&mut self, from: &str, to: &str) -> FsResult<()> {
        std::fs::rename(self.host(from), self.host(to)).map_err(errno)
    }

    fn stat(&mut self, path: &str) -> FsResult<Stat> {
        std::fs::metadata(self.host(path))
            .map(|m| stat_of(&m))
            .map_err(errno)
    }

    // The statvfs field types differ between platforms (u64 on 64-bit Linux).
    #[allow(clippy::unnecessary_cast)]
    fn statvfs(&mut self, path: &str) -> FsResult<StatVfs> {
        let p = std::ffi::CString::new(self.host(path)).map_err(|_| Errno::EINVAL)?;
        let mut st = std::mem::MaybeUninit::<libc::statvfs>::zeroed();
        // SAFETY: `p` is a NUL-terminated path and `st` points to a statvfs-sized buffer that
        // the call fills in completely on success (it was zeroed in any case).
        let (r, st) = unsafe { (libc::statvfs(p.as_ptr(), st.as_mut_ptr()), st.assume_init()) };
        if r != 0 {
            return Err(errno(std::io::Error::last_os_error()));
        }
        Ok(StatVfs {
            bsize: st.f_bsize as u64,
            frsize: st.f_frsize as u64,
            blocks: st.f_blocks as u64,
            bfree: st.f_bfree as u64,
            bavail: st.f_bavail as u64,
            files: st.f_files as u64,
            ffree: st.f_ffree as u64,
            namemax: st.f_namemax as u64,
        })
    }

    fn sync(&mut self) -> FsResult<()> {
        for f in self.files.iter().flatten() {
            f.sync_all().map_err(errno)?;
        }
        Ok(())
    }

    fn start_dir(&self) -> String {
        // The process's directory, as a VFS path (it must lie below `root`).
        let cwd = std::env::current_dir()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "/".to_string());
        match cwd.strip_prefix(&self.root) {
            Some(rest) if !self.root.is_empty() => format!("/{}", rest.trim_start_matches('/')),
            _ if self.root.is_empty() => cwd,
            _ => "/".to_string(),
        }
    }
}
