//! The FAT volume as the interpreter's filesystem (`mpy_core::vfs::Filesystem`), so `open()`,
//! `os` and `import` reach it: what a board mounts at `/` (feature `vfs`).
//!
//! Open files live in a small table here; a VFS handle is the table index + 1. Paths arrive
//! absolute and normalized from the mount table. Times: FAT counts from 2000-01-01, the VFS from
//! the Unix epoch.

use crate::{BlockDevice, Error, Fat, File, OpenMode};
use alloc::vec::Vec;
use mpy_core::vfs::{
    DirEntry, EntryKind, Errno, FsResult, Handle, OpenFlags, Stat, StatVfs, Whence,
};

/// Seconds from the Unix epoch to FAT's (and MicroPython's) 2000-01-01.
const EPOCH_2000: u64 = 946_684_800;

/// The longest long file name FAT allows.
const NAME_MAX: u64 = 255;

pub struct FatVfs<D: BlockDevice> {
    fat: Fat<D>,
    files: Vec<Option<File>>,
}

impl<D: BlockDevice> FatVfs<D> {
    pub fn new(fat: Fat<D>) -> FatVfs<D> {
        FatVfs {
            fat,
            files: Vec::new(),
        }
    }

    /// The volume back, after closing every file still open (so nothing written is lost).
    pub fn into_inner(mut self) -> Fat<D> {
        for h in 1..=self.files.len() as Handle {
            let _ = mpy_core::vfs::Filesystem::close(&mut self, h);
        }
        self.fat
    }

    /// Run `op` on open file `h` and the volume.
    fn with_file<T>(
        &mut self,
        h: Handle,
        op: impl FnOnce(&mut Fat<D>, &mut File) -> Result<T, Error>,
    ) -> FsResult<T> {
        let f = self
            .files
            .get_mut((h as usize).wrapping_sub(1))
            .and_then(Option::as_mut)
            .ok_or(Errno::EBADF)?;
        op(&mut self.fat, f).map_err(errno)
    }
}

fn errno(e: Error) -> Errno {
    Errno(e.errno() as u16)
}

fn kind(is_dir: bool) -> EntryKind {
    if is_dir {
        EntryKind::Dir
    } else {
        EntryKind::File
    }
}

impl<D: BlockDevice> mpy_core::vfs::Filesystem for FatVfs<D> {
    fn open(&mut self, path: &str, flags: OpenFlags) -> FsResult<Handle> {
        let mode = OpenMode {
            read: flags.read,
            write: flags.write,
            append: flags.append,
            create: flags.create,
            exclusive: flags.exclusive,
            truncate: flags.truncate,
        };
        let file = self.fat.open(path, mode).map_err(errno)?;
        let slot = match self.files.iter().position(Option::is_none) {
            Some(i) => i,
            None => {
                self.files.push(None);
                self.files.len() - 1
            }
        };
        self.files[slot] = Some(file);
        Ok(slot as Handle + 1)
    }

    fn read(&mut self, h: Handle, buf: &mut [u8]) -> FsResult<usize> {
        self.with_file(h, |fat, f| fat.read(f, buf))
    }

    fn write(&mut self, h: Handle, data: &[u8]) -> FsResult<usize> {
        self.with_file(h, |fat, f| fat.write(f, data))
    }

    fn seek(&mut self, h: Handle, offset: i64, whence: Whence) -> FsResult<u64> {
        self.with_file(h, |fat, f| {
            let base = match whence {
                Whence::Start => 0,
                Whence::Current => i64::from(f.tell()),
                Whence::End => i64::from(f.size()),
            };
            let pos = base
                .checked_add(offset)
                .filter(|p| (0..=i64::from(u32::MAX)).contains(p))
                .ok_or(Error::Invalid)?;
            fat.seek(f, pos as u32)?;
            Ok(pos as u64)
        })
    }

    fn flush(&mut self, h: Handle) -> FsResult<()> {
        self.with_file(h, |fat, f| fat.flush(f))
    }

    fn close(&mut self, h: Handle) -> FsResult<()> {
        let r = self.with_file(h, |fat, f| fat.close(f));
        // The handle is released even if the final flush failed: it can't be retried usefully.
        if let Some(slot) = self.files.get_mut((h as usize).wrapping_sub(1)) {
            *slot = None;
        }
        r
    }

    fn listdir(&mut self, path: &str) -> FsResult<Vec<DirEntry>> {
        let entries = self.fat.listdir(path).map_err(errno)?;
        Ok(entries
            .into_iter()
            .map(|e| DirEntry {
                name: e.name,
                stat: Stat {
                    kind: kind(e.is_dir),
                    size: u64::from(e.size),
                    inode: 0,
                    mtime: 0,
                },
            })
            .collect())
    }

    fn mkdir(&mut self, path: &str) -> FsResult<()> {
        self.fat.mkdir(path).map_err(errno)
    }

    fn rmdir(&mut self, path: &str) -> FsResult<()> {
        self.fat.rmdir(path).map_err(errno)
    }

    fn remove(&mut self, path: &str) -> FsResult<()> {
        self.fat.remove(path).map_err(errno)
    }

    fn rename(&mut self, from: &str, to: &str) -> FsResult<()> {
        self.fat.rename(from, to).map_err(errno)
    }

    fn stat(&mut self, path: &str) -> FsResult<Stat> {
        let s = self.fat.stat(path).map_err(errno)?;
        Ok(Stat {
            kind: kind(s.is_dir),
            size: u64::from(s.size),
            inode: 0,
            mtime: u64::from(s.mtime) + EPOCH_2000,
        })
    }

    fn statvfs(&mut self, _path: &str) -> FsResult<StatVfs> {
        let s = self.fat.statvfs().map_err(errno)?;
        Ok(StatVfs {
            bsize: u64::from(s.block_size),
            frsize: u64::from(s.block_size),
            blocks: u64::from(s.blocks),
            bfree: u64::from(s.free_blocks),
            bavail: u64::from(s.free_blocks),
            files: 0,
            ffree: 0,
            namemax: u64::from(s.max_name).min(NAME_MAX),
        })
    }

    fn sync(&mut self) -> FsResult<()> {
        // Open files first: their sizes and clusters reach the directory and FAT on flush.
        for i in 0..self.files.len() {
            if self.files[i].is_some() {
                self.flush(i as Handle + 1)?;
            }
        }
        self.fat.sync().map_err(errno)
    }
}
