//! Files: opening (modes), reading, writing, seeking, truncating and flushing.

use super::{entry_size, set_cluster, stamp, Fat};
use crate::block::{BlockDevice, SECTOR};
use crate::dir::{ATTR_ARCHIVE, ENTRY};
use crate::Error;

/// How to open a file; [`OpenMode::parse`] takes Python's mode strings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenMode {
    pub read: bool,
    pub write: bool,
    /// Every write goes to the end.
    pub append: bool,
    /// Create the file if missing.
    pub create: bool,
    /// Fail with [`Error::Exists`] if the file exists.
    pub exclusive: bool,
    /// Empty the file on open.
    pub truncate: bool,
}

impl OpenMode {
    /// `r`, `w`, `a`, `x`, each optionally with `+`; `b` and `t` are accepted and ignored.
    pub fn parse(mode: &str) -> Result<OpenMode, Error> {
        let mut m = OpenMode::default();
        let mut kinds = 0;
        for c in mode.chars() {
            match c {
                'r' => m.read = true,
                'w' => (m.write, m.create, m.truncate) = (true, true, true),
                'a' => (m.write, m.create, m.append) = (true, true, true),
                'x' => (m.write, m.create, m.exclusive) = (true, true, true),
                '+' => (m.read, m.write) = (true, true),
                'b' | 't' => continue,
                _ => return Err(Error::Invalid),
            }
            kinds += usize::from(c != '+');
        }
        if kinds != 1 || mode.matches('+').count() > 1 {
            return Err(Error::Invalid);
        }
        Ok(m)
    }
}

/// An open file: where its directory entry is, its clusters, size and position.
/// Not `Clone`: two copies of one handle would disagree about the file's size and clusters.
#[derive(Debug)]
pub struct File {
    entry_sector: u32,
    entry_offset: usize,
    first: u32,
    size: u32,
    pos: u32,
    /// The cluster holding byte `clus_index * cluster bytes` (0: not known).
    clus: u32,
    clus_index: u32,
    mode: OpenMode,
    dirty: bool,
    open: bool,
}

impl File {
    /// Current position.
    pub fn tell(&self) -> u32 {
        self.pos
    }
    /// Current size in bytes.
    pub fn size(&self) -> u32 {
        self.size
    }
    /// Whether the file is still open.
    pub fn is_open(&self) -> bool {
        self.open
    }
}

impl<D: BlockDevice> Fat<D> {
    /// Opens `path`; see [`OpenMode`]. Creating or truncating is durable at the next flush.
    pub fn open(&mut self, path: &str, mode: OpenMode) -> Result<File, Error> {
        let (dir, leaf) = self.parent(path)?;
        if leaf.is_empty() || leaf == ".." {
            return Err(Error::IsDir);
        }
        let (entry_sector, entry_offset, e) = match self.find(dir, leaf)? {
            Some(_) if mode.exclusive => return Err(Error::Exists),
            Some(f) if f.is_dir() => return Err(Error::IsDir),
            Some(f) => {
                let (sector, at) = self.entry_location(dir, f.index)?;
                (sector, at, f.e)
            }
            None if !mode.create => return Err(Error::NotFound),
            None => {
                let template = self.new_template(ATTR_ARCHIVE, 0);
                let (sector, at) = self.add_entry(dir, leaf, &template)?;
                (sector, at, template)
            }
        };
        let mut f = File {
            entry_sector,
            entry_offset,
            first: self.start(&e)?,
            size: entry_size(&e),
            pos: 0,
            clus: 0,
            clus_index: 0,
            mode,
            dirty: false,
            open: true,
        };
        if mode.truncate && f.size > 0 {
            self.truncate(&mut f)?;
            // the entry must not keep pointing at the freed chain if a save too big for one
            // device transaction is committed in parts
            self.update_entry(&mut f)?;
        }
        Ok(f)
    }

    fn check(f: &File, write: bool) -> Result<(), Error> {
        let allowed = if write { f.mode.write } else { f.mode.read };
        if f.open && allowed {
            Ok(())
        } else {
            Err(Error::BadFile)
        }
    }

    /// Cluster number `index` of `f`'s chain, allocating missing ones if `grow`.
    fn file_cluster(&mut self, f: &mut File, index: u32, grow: bool) -> Result<u32, Error> {
        if f.first == 0 {
            if !grow {
                return Err(Error::Io);
            }
            f.first = self.alloc(0)?;
            f.dirty = true;
        }
        if f.clus == 0 || index < f.clus_index {
            (f.clus, f.clus_index) = (f.first, 0);
        }
        while f.clus_index < index {
            f.clus = match self.next(f.clus)? {
                Some(c) => c,
                None if grow => self.alloc(f.clus)?,
                None => return Err(Error::Io),
            };
            f.clus_index += 1;
        }
        Ok(f.clus)
    }

    /// The sector holding byte `f.pos` and the offset in it.
    fn file_sector(&mut self, f: &mut File, grow: bool) -> Result<(u32, usize), Error> {
        let cb = self.cluster_bytes();
        let c = self.file_cluster(f, f.pos / cb, grow)?;
        let sector = self.cluster_sector(c) + (f.pos % cb) / SECTOR as u32;
        Ok((sector, f.pos as usize % SECTOR))
    }

    /// Reads from the position into `buf`; returns the byte count (0 at the end).
    pub fn read(&mut self, f: &mut File, buf: &mut [u8]) -> Result<usize, Error> {
        Self::check(f, false)?;
        let len = buf.len().min(f.size.saturating_sub(f.pos) as usize);
        let mut done = 0;
        while done < len {
            let (sector, at) = self.file_sector(f, false)?;
            let n = (SECTOR - at).min(len - done);
            buf[done..done + n].copy_from_slice(&self.read_sector(sector)?[at..at + n]);
            done += n;
            f.pos += n as u32;
        }
        Ok(done)
    }

    /// Writes `data` at the position (at the end in append mode), filling a gap left by a seek
    /// past the end with zeros; returns the byte count.
    pub fn write(&mut self, f: &mut File, data: &[u8]) -> Result<usize, Error> {
        Self::check(f, true)?;
        if f.mode.append {
            f.pos = f.size;
        }
        if f.pos.checked_add(data.len() as u32).is_none() || data.len() > u32::MAX as usize {
            return Err(Error::NoSpace);
        }
        let target = f.pos;
        if f.pos > f.size {
            f.pos = f.size;
            while f.pos < target {
                let n = (target - f.pos).min(SECTOR as u32) as usize;
                self.write_at_pos(f, &[0; SECTOR][..n])?;
            }
        }
        self.write_at_pos(f, data)?;
        Ok(data.len())
    }

    fn write_at_pos(&mut self, f: &mut File, data: &[u8]) -> Result<(), Error> {
        let mut done = 0;
        while done < data.len() {
            let (sector, at) = self.file_sector(f, true)?;
            let n = (SECTOR - at).min(data.len() - done);
            // a whole sector, or one past the end of the file: no need to read it first
            let fresh = n == SECTOR || (at == 0 && f.pos >= f.size);
            self.sector_for_write(sector, fresh)?[at..at + n]
                .copy_from_slice(&data[done..done + n]);
            done += n;
            f.pos += n as u32;
            f.size = f.size.max(f.pos);
            f.dirty = true;
        }
        Ok(())
    }

    /// Moves the position (past the end is allowed; a later write fills the gap with zeros).
    pub fn seek(&mut self, f: &mut File, pos: u32) -> Result<(), Error> {
        if !f.open {
            return Err(Error::BadFile);
        }
        f.pos = pos;
        Ok(())
    }

    /// Cuts (or extends with zeros) the file to the current position.
    pub fn truncate(&mut self, f: &mut File) -> Result<(), Error> {
        Self::check(f, true)?;
        if f.pos >= f.size {
            let append = f.mode.append;
            f.mode.append = false;
            let r = self.write(f, &[]);
            f.mode.append = append;
            return r.map(drop);
        }
        let keep = f.pos.div_ceil(self.cluster_bytes());
        if keep == 0 {
            self.free_chain(f.first)?;
            f.first = 0;
        } else {
            let last = self.file_cluster(f, keep - 1, false)?;
            if let Some(rest) = self.next(last)? {
                self.fat_set(last, self.eoc())?;
                self.free_chain(rest)?;
            }
        }
        f.size = f.pos;
        f.clus = 0;
        f.dirty = true;
        Ok(())
    }

    /// Writes the file's directory entry (size, first cluster, time) and syncs the device.
    pub fn flush(&mut self, f: &mut File) -> Result<(), Error> {
        if !f.open {
            return Err(Error::BadFile);
        }
        self.update_entry(f)?;
        self.sync()
    }

    /// Puts `f`'s first cluster, size and time into its directory entry, if they changed.
    fn update_entry(&mut self, f: &mut File) -> Result<(), Error> {
        if f.dirty {
            let now = self.now();
            let e = &mut self.write_sector(f.entry_sector)?[f.entry_offset..f.entry_offset + ENTRY];
            set_cluster(e, f.first);
            e[28..32].copy_from_slice(&f.size.to_le_bytes());
            e[11] |= ATTR_ARCHIVE;
            stamp(e, now, false);
            f.dirty = false;
        }
        Ok(())
    }

    /// Flushes and closes `f`; closing a closed file does nothing.
    pub fn close(&mut self, f: &mut File) -> Result<(), Error> {
        if !f.open {
            return Ok(());
        }
        let r = self.flush(f);
        f.open = false;
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_modes() {
        let w = OpenMode::parse("wb").unwrap();
        assert!(w.write && w.create && w.truncate && !w.read);
        let a = OpenMode::parse("a+").unwrap();
        assert!(a.read && a.write && a.append && !a.truncate);
        let x = OpenMode::parse("x").unwrap();
        assert!(x.exclusive);
        assert!(OpenMode::parse("r").unwrap().read);
        for bad in ["", "rw", "q", "r++", "b"] {
            assert_eq!(OpenMode::parse(bad), Err(Error::Invalid), "{bad}");
        }
    }
}
