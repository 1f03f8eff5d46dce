//! The filesystem: sector cache, FAT chains, path lookup, directories and files.
//!
//! Write order inside an operation: data clusters, then the FAT, then the directory entry (a
//! truncating open empties the entry first); the device is synced only when the volume is
//! consistent again (file flush/close, mkdir, rmdir, remove, rename), so with a transactional
//! device an interrupted save never shows a half state.
//! A [`File`] is a plain value; the caller keeps it and passes it back to every file method.
//! Don't keep a file open across a `remove`/`rename` of that file (the handle would still point
//! at the old directory entry); the `os` layer above is expected to prevent that.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::block::{BlockDevice, SECTOR};
use crate::dir::{self, ATTR_DIR, ATTR_LFN, ATTR_VOLUME, DELETED, ENTRY};
use crate::layout::Geometry;
use crate::time;
use crate::Error;

mod file;
pub use file::{File, OpenMode};

const ENTRIES_PER_SECTOR: u32 = (SECTOR / ENTRY) as u32;
/// Sectors a directory may have: FAT allows 65536 entries; more means a looped chain.
const MAX_DIR_SECTORS: u32 = 65_536 / ENTRIES_PER_SECTOR;
/// Directory-tree depth limit for the rename-into-itself check (guards a damaged `..` loop).
const MAX_DEPTH: usize = 64;

/// One cached sector: slot 0 holds a FAT sector (written to every FAT copy on flush), slot 1
/// anything else, so file data does not keep evicting the FAT sector being extended.
struct Slot {
    sector: u32,
    dirty: bool,
    data: Box<[u8; SECTOR]>,
}

/// A mounted FAT12/FAT16 volume on block device `D`.
pub struct Fat<D: BlockDevice> {
    dev: D,
    g: Geometry,
    cache: [Slot; 2],
    free_hint: u32,
    clock: Option<fn() -> u32>,
}

/// One name in a directory listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub is_dir: bool,
    pub size: u32,
}

/// What `stat` reports; `mtime` counts seconds since 2000-01-01 (MicroPython's epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    pub size: u32,
    pub is_dir: bool,
    pub mtime: u32,
}

/// What `statvfs` reports: blocks are clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatVfs {
    pub block_size: u32,
    pub blocks: u32,
    pub free_blocks: u32,
    pub max_name: u32,
}

/// A directory entry found by a scan, with the index range of its slots (LFN ones first).
struct Found {
    e: [u8; ENTRY],
    first_index: u32,
    index: u32,
}

impl Found {
    fn is_dir(&self) -> bool {
        self.e[11] & ATTR_DIR != 0
    }
}

/// A path resolved: the root (which has no entry) or an entry in directory `dir`.
enum Node {
    Root,
    Entry(u32, Found),
}

fn u16_at(b: &[u8], at: usize) -> u32 {
    u32::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

fn entry_cluster(e: &[u8]) -> u32 {
    u16_at(e, 26)
}

fn entry_size(e: &[u8]) -> u32 {
    u32::from_le_bytes([e[28], e[29], e[30], e[31]])
}

fn set_cluster(e: &mut [u8], cluster: u32) {
    e[20..22].fill(0); // high half: FAT32 only
    e[26..28].copy_from_slice(&(cluster as u16).to_le_bytes());
}

/// Sets the write (and, for `created`, creation and access) timestamps of entry `e`.
fn stamp(e: &mut [u8], now: u32, created: bool) {
    let (date, t) = time::to_fat(now);
    e[22..24].copy_from_slice(&t.to_le_bytes());
    e[24..26].copy_from_slice(&date.to_le_bytes());
    if created {
        e[14..16].copy_from_slice(&t.to_le_bytes());
        e[16..18].copy_from_slice(&date.to_le_bytes());
        e[18..20].copy_from_slice(&date.to_le_bytes());
    }
}

/// Splits a path into its directory part and last component, skipping empty and `.` parts.
fn split_path(path: &str) -> (impl Iterator<Item = &str>, &str) {
    let mut parts = path.split('/').filter(|p| !p.is_empty() && *p != ".");
    let leaf = parts.next_back().unwrap_or("");
    (parts, leaf)
}

impl<D: BlockDevice> Fat<D> {
    /// Mounts the volume on `dev`; [`Error::NotFat`] if it holds none.
    pub fn mount(mut dev: D) -> Result<Self, Error> {
        let g = Self::probe(&mut dev)?;
        let slot = || Slot {
            sector: u32::MAX,
            dirty: false,
            data: Box::new([0; SECTOR]),
        };
        Ok(Fat {
            dev,
            g,
            cache: [slot(), slot()],
            free_hint: 2,
            clock: None,
        })
    }

    fn probe(dev: &mut D) -> Result<Geometry, Error> {
        let mut boot = [0u8; SECTOR];
        dev.read(0, &mut boot)?;
        Geometry::parse(&boot, dev.sector_count())
    }

    /// Writes a new empty volume over the whole device (FAT12 or FAT16 by size) and mounts it.
    pub fn format(mut dev: D, label: &str) -> Result<Self, Error> {
        let mut name = [b' '; 11];
        for (slot, b) in name
            .iter_mut()
            .zip(label.bytes().filter(u8::is_ascii_graphic))
        {
            *slot = b.to_ascii_uppercase();
        }
        let boot = Geometry::format_boot_sector(dev.sector_count(), &name, 0x4D50_5952)?;
        let g = Geometry::parse(&boot, dev.sector_count())?;
        let zero = [0u8; SECTOR];
        for s in 1..g.data_start {
            dev.write(s, &zero)?;
        }
        dev.write(0, &boot)?;
        let mut fs = Self::mount(dev)?;
        let eoc = fs.eoc();
        fs.fat_set(0, eoc & !7)?; // media byte 0xF8 in the low bits
        fs.fat_set(1, eoc)?;
        if !label.is_empty() {
            let mut e = [0u8; ENTRY];
            e[..11].copy_from_slice(&name);
            e[11] = ATTR_VOLUME;
            stamp(&mut e, 0, false);
            fs.write_sector(g.root_start)?[..ENTRY].copy_from_slice(&e);
        }
        fs.sync()?;
        Ok(fs)
    }

    /// Mounts `dev`, or if it holds no readable volume formats it and writes `files` (path,
    /// contents), e.g. a default `boot.py`. The flag says whether it formatted, so the board
    /// can say so on the console.
    pub fn mount_or_format(
        mut dev: D,
        label: &str,
        files: &[(&str, &[u8])],
    ) -> Result<(Self, bool), Error> {
        if Self::probe(&mut dev).is_ok() {
            return Ok((Self::mount(dev)?, false));
        }
        let mut fs = Self::format(dev, label)?;
        for (path, contents) in files {
            let mut f = fs.open(path, OpenMode::parse("w")?)?;
            fs.write(&mut f, contents)?;
            fs.close(&mut f)?;
        }
        Ok((fs, true))
    }

    /// Sets the clock used for timestamps (seconds since 2000-01-01); without one, files are
    /// stamped 2000-01-01 00:00.
    pub fn set_clock(&mut self, clock: fn() -> u32) {
        self.clock = Some(clock);
    }

    /// Writes every cached change and makes it durable.
    pub fn sync(&mut self) -> Result<(), Error> {
        self.flush_slot(0)?;
        self.flush_slot(1)?;
        self.dev.sync()
    }

    /// Syncs and gives the device back.
    pub fn unmount(mut self) -> Result<D, Error> {
        self.sync()?;
        Ok(self.dev)
    }

    fn now(&self) -> u32 {
        self.clock.map_or(0, |c| c())
    }

    // ---- sector cache ----

    fn slot_of(&self, sector: u32) -> usize {
        let fat = sector >= self.g.fat_start && sector < self.g.fat_start + self.g.fat_sectors;
        usize::from(!fat)
    }

    fn flush_slot(&mut self, i: usize) -> Result<(), Error> {
        let slot = &mut self.cache[i];
        if slot.dirty {
            let copies = if i == 0 { self.g.fats } else { 1 };
            for k in 0..copies {
                self.dev
                    .write(slot.sector + k * self.g.fat_sectors, &slot.data)?;
            }
            slot.dirty = false;
        }
        Ok(())
    }

    /// Puts `sector` in its cache slot, reading it unless `fresh` (about to be overwritten).
    fn load(&mut self, sector: u32, fresh: bool) -> Result<usize, Error> {
        let i = self.slot_of(sector);
        if self.cache[i].sector != sector {
            self.flush_slot(i)?;
            let slot = &mut self.cache[i];
            slot.sector = u32::MAX;
            if fresh {
                slot.data.fill(0);
            } else {
                self.dev.read(sector, &mut slot.data)?;
            }
            slot.sector = sector;
        }
        Ok(i)
    }

    fn read_sector(&mut self, sector: u32) -> Result<&[u8; SECTOR], Error> {
        let i = self.load(sector, false)?;
        Ok(&self.cache[i].data)
    }

    fn write_sector(&mut self, sector: u32) -> Result<&mut [u8; SECTOR], Error> {
        self.sector_for_write(sector, false)
    }

    fn sector_for_write(&mut self, sector: u32, fresh: bool) -> Result<&mut [u8; SECTOR], Error> {
        let i = self.load(sector, fresh)?;
        self.cache[i].dirty = true;
        Ok(&mut self.cache[i].data)
    }

    // ---- FAT ----

    fn eoc(&self) -> u32 {
        if self.g.fat16 {
            0xFFFF
        } else {
            0xFFF
        }
    }

    fn fat_offset(&self, cluster: u32) -> u32 {
        if self.g.fat16 {
            cluster * 2
        } else {
            cluster + cluster / 2
        }
    }

    fn fat_byte(&mut self, off: u32) -> Result<&mut u8, Error> {
        let sector = self.g.fat_start + off / SECTOR as u32;
        Ok(&mut self.write_sector(sector)?[off as usize % SECTOR])
    }

    fn fat_get(&mut self, cluster: u32) -> Result<u32, Error> {
        let off = self.fat_offset(cluster);
        let i = self.load(self.g.fat_start + off / SECTOR as u32, false)?;
        let lo = u32::from(self.cache[i].data[off as usize % SECTOR]);
        let i = self.load(self.g.fat_start + (off + 1) / SECTOR as u32, false)?;
        let v = lo | u32::from(self.cache[i].data[(off + 1) as usize % SECTOR]) << 8;
        Ok(match (self.g.fat16, cluster & 1) {
            (true, _) => v,
            (false, 0) => v & 0xFFF,
            (false, _) => v >> 4,
        })
    }

    fn fat_set(&mut self, cluster: u32, v: u32) -> Result<(), Error> {
        let off = self.fat_offset(cluster);
        let (lo, hi) = match (self.g.fat16, cluster & 1) {
            (true, _) => ((v as u8, 0xFF), ((v >> 8) as u8, 0xFF)),
            (false, 0) => ((v as u8, 0xFF), ((v >> 8) as u8 & 0x0F, 0x0F)),
            (false, _) => (((v << 4) as u8, 0xF0), ((v >> 4) as u8, 0xFF)),
        };
        for (at, (bits, mask)) in [(off, lo), (off + 1, hi)] {
            let b = self.fat_byte(at)?;
            *b = (*b & !mask) | bits;
        }
        Ok(())
    }

    /// The cluster after `cluster` in its chain, `None` at the end; a damaged chain is `Io`.
    fn next(&mut self, cluster: u32) -> Result<Option<u32>, Error> {
        let v = self.fat_get(cluster)?;
        if v >= self.eoc() - 7 {
            Ok(None)
        } else if v < 2 || v >= self.g.clusters + 2 {
            Err(Error::Io)
        } else {
            Ok(Some(v))
        }
    }

    /// Takes a free cluster, marks it end-of-chain and links it after `prev` (0: none).
    fn alloc(&mut self, prev: u32) -> Result<u32, Error> {
        let n = self.g.clusters;
        for i in 0..n {
            let c = 2 + (self.free_hint - 2 + i) % n;
            if self.fat_get(c)? == 0 {
                self.fat_set(c, self.eoc())?;
                if prev != 0 {
                    self.fat_set(prev, c)?;
                }
                self.free_hint = c;
                return Ok(c);
            }
        }
        Err(Error::NoSpace)
    }

    fn free_chain(&mut self, mut cluster: u32) -> Result<(), Error> {
        let mut steps = 0;
        while cluster != 0 {
            let next = self.next(cluster)?;
            self.fat_set(cluster, 0)?;
            cluster = next.unwrap_or(0);
            steps += 1;
            if steps > self.g.clusters {
                return Err(Error::Io); // a loop in a damaged chain
            }
        }
        Ok(())
    }

    /// The first cluster of entry `e` (0: none, or the root for `..`), checked to be on the volume.
    fn start(&self, e: &[u8]) -> Result<u32, Error> {
        match entry_cluster(e) {
            c if c == 1 || c >= self.g.clusters + 2 => Err(Error::Io),
            c => Ok(c),
        }
    }

    fn cluster_sector(&self, cluster: u32) -> u32 {
        self.g.data_start + (cluster - 2) * self.g.cluster_sectors
    }

    fn cluster_bytes(&self) -> u32 {
        self.g.cluster_sectors * SECTOR as u32
    }

    // ---- directories ----

    /// Sector `n` of directory `dir` (0: the root), `None` past its end.
    fn dir_sector(&mut self, dir: u32, n: u32) -> Result<Option<u32>, Error> {
        if dir == 0 {
            return Ok((n < self.g.root_sectors).then_some(self.g.root_start + n));
        }
        let mut c = dir;
        for _ in 0..n / self.g.cluster_sectors {
            match self.next(c)? {
                Some(next) => c = next,
                None => return Ok(None),
            }
        }
        Ok(Some(self.cluster_sector(c) + n % self.g.cluster_sectors))
    }

    fn entry_location(&mut self, dir: u32, index: u32) -> Result<(u32, usize), Error> {
        let sector = self
            .dir_sector(dir, index / ENTRIES_PER_SECTOR)?
            .ok_or(Error::Io)?;
        Ok((sector, (index % ENTRIES_PER_SECTOR) as usize * ENTRY))
    }

    /// The first entry of `dir` (skipping deleted slots and the volume label) for which `want`
    /// (given the display name and the short entry) is true. `dyn`, so the loop is compiled
    /// once rather than once per caller.
    fn scan(
        &mut self,
        dir: u32,
        want: &mut dyn FnMut(&str, &[u8; ENTRY]) -> bool,
    ) -> Result<Option<Found>, Error> {
        let mut lfn = dir::LfnCollector::default();
        let mut lfn_start = 0;
        let mut n = 0;
        while let Some(sector) = self.dir_sector(dir, n)? {
            if n == MAX_DIR_SECTORS {
                return Err(Error::Io);
            }
            for k in 0..ENTRIES_PER_SECTOR {
                let index = n * ENTRIES_PER_SECTOR + k;
                let mut e = [0u8; ENTRY];
                let at = k as usize * ENTRY;
                e.copy_from_slice(&self.read_sector(sector)?[at..at + ENTRY]);
                if e[0] == 0 {
                    return Ok(None);
                }
                if e[0] == DELETED {
                    lfn.reset();
                } else if e[11] == ATTR_LFN {
                    if e[0] & 0x40 != 0 {
                        lfn_start = index;
                    }
                    lfn.push(&e);
                } else if e[11] & ATTR_VOLUME != 0 {
                    lfn.reset();
                } else {
                    let long = lfn.take(&e);
                    let first_index = if long.is_some() { lfn_start } else { index };
                    let name = long.unwrap_or_else(|| dir::short_to_string(&e));
                    if want(&name, &e) {
                        return Ok(Some(Found {
                            e,
                            first_index,
                            index,
                        }));
                    }
                }
            }
            n += 1;
        }
        Ok(None)
    }

    fn find(&mut self, dir: u32, name: &str) -> Result<Option<Found>, Error> {
        // a name also matches an entry's short name (as on Windows), so creating "LONGNA~1.TXT"
        // next to "long name.txt" cannot give two entries the same short name
        let short = dir::exact_short(&name.to_ascii_uppercase());
        self.scan(dir, &mut |n, e| {
            n.eq_ignore_ascii_case(name) || short.is_some_and(|s| e[..11] == s)
        })
    }

    /// The directory cluster named `name` inside `dir` (0: the root).
    fn enter(&mut self, dir: u32, name: &str) -> Result<u32, Error> {
        if dir == 0 && name == ".." {
            return Ok(0);
        }
        match self.find(dir, name)? {
            None => Err(Error::NotFound),
            Some(f) if !f.is_dir() => Err(Error::NotDir),
            Some(f) => self.start(&f.e),
        }
    }

    /// The directory holding the last component of `path`, and that component ("" for the root).
    fn parent<'p>(&mut self, path: &'p str) -> Result<(u32, &'p str), Error> {
        let (parts, leaf) = split_path(path);
        let mut dir = 0;
        for part in parts {
            dir = self.enter(dir, part)?;
        }
        Ok((dir, leaf))
    }

    fn lookup(&mut self, path: &str) -> Result<Node, Error> {
        let (dir, leaf) = self.parent(path)?;
        let dir = match leaf {
            "" => dir,
            ".." => self.enter(dir, "..")?,
            _ => {
                let found = self.find(dir, leaf)?.ok_or(Error::NotFound)?;
                return Ok(Node::Entry(dir, found));
            }
        };
        if dir == 0 {
            return Ok(Node::Root);
        }
        // a directory reached through "..": its entry is in its own parent
        let grand = self.enter(dir, "..")?;
        let found = self.scan(grand, &mut |_, e| {
            e[11] & ATTR_DIR != 0 && entry_cluster(e) == dir
        })?;
        Ok(Node::Entry(grand, found.ok_or(Error::Io)?))
    }

    /// The directory cluster `path` names (0: the root).
    fn dir_cluster(&mut self, path: &str) -> Result<u32, Error> {
        match self.lookup(path)? {
            Node::Root => Ok(0),
            Node::Entry(_, f) if f.is_dir() => self.start(&f.e),
            Node::Entry(..) => Err(Error::NotDir),
        }
    }

    /// Index of the first of `need` consecutive free slots in `dir`, growing it if needed.
    fn free_slots(&mut self, dir: u32, need: u32) -> Result<u32, Error> {
        let mut run = 0;
        let mut n = 0;
        loop {
            let sector = match self.dir_sector(dir, n)? {
                Some(s) => s,
                None if dir == 0 || n >= MAX_DIR_SECTORS => return Err(Error::NoSpace),
                None => {
                    let mut last = dir;
                    for _ in 0..self.g.clusters {
                        match self.next(last)? {
                            Some(c) => last = c,
                            None => break,
                        }
                    }
                    self.new_cluster(last)?
                }
            };
            for k in 0..ENTRIES_PER_SECTOR as usize {
                let b = self.read_sector(sector)?[k * ENTRY];
                run = if b == 0 || b == DELETED { run + 1 } else { 0 };
                if run == need {
                    return Ok(n * ENTRIES_PER_SECTOR + k as u32 + 1 - need);
                }
            }
            n += 1;
        }
    }

    /// Allocates a zeroed cluster after `prev` (0: a new chain); returns its first sector.
    fn new_cluster(&mut self, prev: u32) -> Result<u32, Error> {
        let c = self.alloc(prev)?;
        let first = self.cluster_sector(c);
        for s in 0..self.g.cluster_sectors {
            self.sector_for_write(first + s, true)?;
        }
        Ok(first)
    }

    /// Writes an entry named `name` (LFN slots as needed) with the fields of `template`
    /// (bytes 11..32); returns where its short entry is.
    fn add_entry(
        &mut self,
        dir: u32,
        name: &str,
        template: &[u8; ENTRY],
    ) -> Result<(u32, usize), Error> {
        dir::validate(name)?;
        let (short, slots) = match dir::exact_short(name) {
            Some(short) => (short, Vec::new()),
            None => {
                let mut n = 1;
                let short = loop {
                    let short = dir::numbered_short(name, n);
                    if self.scan(dir, &mut |_, e| e[..11] == short)?.is_none() {
                        break short;
                    }
                    n += 1;
                    if n > 99_999 {
                        return Err(Error::NoSpace);
                    }
                };
                (short, dir::lfn_slots(name, &short))
            }
        };
        let start = self.free_slots(dir, slots.len() as u32 + 1)?;
        let mut e = *template;
        e[..11].copy_from_slice(&short);
        for (i, slot) in slots.iter().chain([&e]).enumerate() {
            let (sector, at) = self.entry_location(dir, start + i as u32)?;
            self.write_sector(sector)?[at..at + ENTRY].copy_from_slice(slot);
        }
        self.entry_location(dir, start + slots.len() as u32)
    }

    fn delete_entry(&mut self, dir: u32, found: &Found) -> Result<(), Error> {
        for index in found.first_index..=found.index {
            let (sector, at) = self.entry_location(dir, index)?;
            self.write_sector(sector)?[at] = DELETED;
        }
        Ok(())
    }

    fn new_template(&self, attr: u8, cluster: u32) -> [u8; ENTRY] {
        let mut e = [0u8; ENTRY];
        e[11] = attr;
        set_cluster(&mut e, cluster);
        stamp(&mut e, self.now(), true);
        e
    }

    /// The names in directory `path`, without `.` and `..`.
    pub fn listdir(&mut self, path: &str) -> Result<Vec<DirEntry>, Error> {
        let dir = self.dir_cluster(path)?;
        let mut out = Vec::new();
        self.scan(dir, &mut |name, e| {
            if name != "." && name != ".." {
                out.push(DirEntry {
                    name: name.into(),
                    is_dir: e[11] & ATTR_DIR != 0,
                    size: entry_size(e),
                });
            }
            false
        })?;
        Ok(out)
    }

    /// Creates directory `path`.
    pub fn mkdir(&mut self, path: &str) -> Result<(), Error> {
        let (dir, leaf) = self.parent(path)?;
        dir::validate(leaf).map_err(|_| {
            if leaf.is_empty() {
                Error::Exists
            } else {
                Error::Invalid
            }
        })?;
        if self.find(dir, leaf)?.is_some() {
            return Err(Error::Exists);
        }
        let first = self.new_cluster(0)?;
        let cluster = (first - self.g.data_start) / self.g.cluster_sectors + 2;
        let mut dot = self.new_template(ATTR_DIR, cluster);
        dot[..11].copy_from_slice(b".          ");
        let mut dotdot = self.new_template(ATTR_DIR, dir);
        dotdot[..11].copy_from_slice(b"..         ");
        let s = self.write_sector(first)?;
        s[..ENTRY].copy_from_slice(&dot);
        s[ENTRY..2 * ENTRY].copy_from_slice(&dotdot);
        let template = self.new_template(ATTR_DIR, cluster);
        self.add_entry(dir, leaf, &template)?;
        self.sync()
    }

    /// Removes the empty directory `path`.
    pub fn rmdir(&mut self, path: &str) -> Result<(), Error> {
        self.remove_node(path, true)
    }

    /// Removes the file `path`.
    pub fn remove(&mut self, path: &str) -> Result<(), Error> {
        self.remove_node(path, false)
    }

    fn remove_node(&mut self, path: &str, want_dir: bool) -> Result<(), Error> {
        let Node::Entry(dir, found) = self.lookup(path)? else {
            return Err(if want_dir {
                Error::Invalid
            } else {
                Error::IsDir
            });
        };
        let cluster = self.start(&found.e)?;
        match (found.is_dir(), want_dir) {
            (true, false) => return Err(Error::IsDir),
            (false, true) => return Err(Error::NotDir),
            (true, true)
                if self
                    .scan(cluster, &mut |n, _| n != "." && n != "..")?
                    .is_some() =>
            {
                return Err(Error::NotEmpty)
            }
            _ => {}
        }
        self.delete_entry(dir, &found)?;
        self.free_chain(cluster)?;
        self.sync()
    }

    /// Renames (or moves) `from` to `to`; an existing file at `to` is replaced (as
    /// MicroPython's FAT driver does), an existing directory is an error.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), Error> {
        let Node::Entry(old_dir, src) = self.lookup(from)? else {
            return Err(Error::Invalid);
        };
        let (new_dir, leaf) = self.parent(to)?;
        dir::validate(leaf)?;
        let cluster = self.start(&src.e)?;
        if src.is_dir() {
            // moving a directory into itself would detach it from the tree
            let mut d = new_dir;
            for _ in 0..MAX_DEPTH {
                if d == cluster {
                    return Err(Error::Invalid);
                }
                if d == 0 {
                    break;
                }
                d = self.enter(d, "..")?;
            }
        }
        if let Some(existing) = self.find(new_dir, leaf)? {
            let same = new_dir == old_dir && existing.index == src.index;
            if !same {
                if existing.is_dir() || src.is_dir() {
                    return Err(Error::Exists);
                }
                self.delete_entry(new_dir, &existing)?;
                self.free_chain(self.start(&existing.e)?)?;
            }
        }
        self.add_entry(new_dir, leaf, &src.e)?;
        self.delete_entry(old_dir, &src)?;
        if src.is_dir() && new_dir != old_dir {
            let sector = self.cluster_sector(cluster);
            set_cluster(&mut self.write_sector(sector)?[ENTRY..2 * ENTRY], new_dir);
        }
        self.sync()
    }

    /// Size, kind and modification time of `path`.
    pub fn stat(&mut self, path: &str) -> Result<Stat, Error> {
        Ok(match self.lookup(path)? {
            Node::Root => Stat {
                size: 0,
                is_dir: true,
                mtime: 0,
            },
            Node::Entry(_, f) => Stat {
                size: if f.is_dir() { 0 } else { entry_size(&f.e) },
                is_dir: f.is_dir(),
                mtime: time::from_fat(u16_at(&f.e, 24) as u16, u16_at(&f.e, 22) as u16),
            },
        })
    }

    /// Cluster size and counts (free ones counted in the FAT).
    pub fn statvfs(&mut self) -> Result<StatVfs, Error> {
        let mut free = 0;
        for c in 2..self.g.clusters + 2 {
            free += u32::from(self.fat_get(c)? == 0);
        }
        Ok(StatVfs {
            block_size: self.cluster_bytes(),
            blocks: self.g.clusters,
            free_blocks: free,
            max_name: 255,
        })
    }
}
