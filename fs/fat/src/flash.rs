//! A [`BlockDevice`] on raw NOR flash, with transactions that survive power loss.
//!
//! # Layout
//! The flash region is a whole number of erase blocks: first the data blocks (the sectors the
//! filesystem sees), then `log_blocks` blocks of *log*, then one *spare* block.
//!
//! The log starts with a kill unit (one header unit, see below), then header slots, then
//! 512-byte data slots. A header unit is 16 bytes rounded up to the program size; a header is
//! `[tag u32][arg u32][extra u32][crc u32]` (little endian), the CRC-32 covering the first 12
//! bytes and, for a data record, the slot's 512 bytes.
//!
//! # Protocol
//! * `write(sector)`: program the data into the next free data slot, then a `DATA(sector, slot)`
//!   header. Reads look in the log first (latest slot wins), so the filesystem sees its writes.
//!   Nothing outside the log changes.
//! * `sync` (or a full log) commits: program a `COMMIT` header; then for every erase block that
//!   has logged sectors: erase the spare, copy the block's new image (old sectors merged with
//!   the logged ones) into it, program `SPARE(block, crc of the image)`, erase the target
//!   block, copy the spare into it, program `DONE(block)`. Finally program the kill unit (so
//!   a log whose erase is cut short is never taken for a live one) and erase the log.
//! * At start-up ([`FlashBlockDevice::new`]) the log is scanned up to the first blank header
//!   slot (a torn header, from a cut during its programming, is skipped and never reused).
//!   Without a `COMMIT` the transaction is discarded (rolled back). With one it is finished: a
//!   `SPARE` without `DONE` whose spare image passes its CRC is copied to its target again
//!   (the target may have been half erased); every other block without `DONE` is merged again
//!   from the log (idempotent: its target was not yet erased). Then the log is erased.
//!
//! # Guarantees
//! * Writes followed by a `sync` that returned `Ok` survive any later reset.
//! * A power loss at any point leaves the data blocks as they were after the last completed
//!   `sync`, or (once its `COMMIT` is programmed) as after the interrupted one: never a mix,
//!   and never a lost sector in a half-rewritten erase block. The filesystem syncs only at
//!   consistent points, so every file other than the one being saved stays intact and the
//!   volume stays consistent.
//! * If one transaction writes more sectors than the log holds ([`FlashBlockDevice::log_capacity`])
//!   it is committed in parts; each part is still atomic, so other files stay intact, but a
//!   power loss between parts can leave the file being saved empty or incomplete, with its
//!   new clusters lost (fsck.fat reports them; they are not reused until it reclaims them).
//!
//! # Sizing
//! [`reserved_bytes`] are taken from the end of the region, so the FAT image written for it
//! must be that much smaller than the region. A transaction holds
//! [`FlashBlockDevice::log_capacity`] sectors: `(log bytes - 17 * unit) / (512 + 4 * unit)`,
//! e.g. 13 for 8 KB of log with 16-byte units. A file save needs one sector per 512 bytes of
//! data, plus the FAT sector (once per FAT copy) and one or two directory sectors, so 8 KB of
//! log makes saves up to about 4.5 KB atomic. Suggested: 8 KB of log (nRF51: 8 x 1 KB, nRF52
//! and RP2040: 2 x 4 KB), i.e. 9 or 12 KB reserved. The device needs at least `log_blocks + 2`
//! erase blocks; a region of a few huge erase blocks (STM32F4's 128 KB sectors) wastes most of
//! itself on the log and spare.
//!
//! Flash requirements: erasing sets bytes to 0xFF; a program only clears bits and programming
//! 0xFF leaves bytes unchanged (true of NOR flash), so a chip that programs whole pages may
//! report a smaller `program_size` and pad with 0xFF. Each program unit is programmed at most
//! once between erases. RAM used: one 512-byte buffer and one `u32` per logged sector; no
//! erase-block-sized cache, because merging goes flash to flash through the spare (an erase
//! block can be 128 KB), and the filesystem above caches the sectors it reuses.

use alloc::vec;
use alloc::vec::Vec;

use crate::block::{BlockDevice, SECTOR};
use crate::Error;

/// Raw flash region, addresses relative to its start.
pub trait Flash {
    /// Bytes per erase block (a multiple of 512).
    fn erase_size(&self) -> usize;
    /// Program granularity in bytes (a power of two, at most 512).
    fn program_size(&self) -> usize;
    /// Size of the region in bytes (a multiple of the erase size).
    fn capacity(&self) -> usize;
    /// Reads `buf.len()` bytes at `addr`.
    fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), Error>;
    /// Erases block number `block` (all bytes become 0xFF).
    fn erase(&mut self, block: usize) -> Result<(), Error>;
    /// Programs `data` at `addr`; both aligned to `program_size`, the range erased before.
    fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), Error>;
}

const TAG: u32 = 0x4A59_5000; // "\0PYJ" with the record kind in the low byte
const DATA: u32 = 1;
const COMMIT: u32 = 2;
const SPARE: u32 = 3;
const DONE: u32 = 4;

/// The power-loss-safe block device; see the module docs.
pub struct FlashBlockDevice<F: Flash> {
    flash: F,
    erase: usize,
    unit: usize,
    data_blocks: usize,
    log_start: usize,
    log_len: usize,
    header_slots: usize,
    data_slots: usize,
    /// Target sector of each used data slot.
    logged: Vec<u32>,
    headers_used: usize,
    buf: Vec<u8>,
}

/// Bytes at the end of a flash region that the log and spare take: a FAT image for a region of
/// `region` bytes must be made `region - reserved_bytes(..)` long.
pub const fn reserved_bytes(erase_size: usize, log_blocks: usize) -> usize {
    (log_blocks + 1) * erase_size
}

/// CRC-32 (IEEE), bitwise: small code, speed is irrelevant next to flash programming.
fn crc32(mut crc: u32, data: &[u8]) -> u32 {
    crc = !crc;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

struct Scan {
    committed: bool,
    spare: Option<(u32, u32)>,
    done: Vec<u32>,
}

impl<F: Flash> FlashBlockDevice<F> {
    /// Takes the last `log_blocks + 1` erase blocks of `flash` for the log and spare, finishes
    /// or rolls back a transaction a power loss interrupted, and gives the remaining blocks as
    /// sectors. More log blocks let bigger saves be atomic (see [`Self::log_capacity`]).
    pub fn new(flash: F, log_blocks: usize) -> Result<Self, Error> {
        let erase = flash.erase_size();
        let unit = flash.program_size().max(16);
        let blocks = flash.capacity() / erase;
        if !erase.is_multiple_of(SECTOR)
            || !unit.is_power_of_two()
            || unit > SECTOR
            || log_blocks == 0
            || blocks < log_blocks + 2
        {
            return Err(Error::Invalid);
        }
        let data_blocks = blocks - log_blocks - 1;
        let log_len = log_blocks * erase;
        // header slots: one DATA per data slot, plus COMMIT and a SPARE and DONE per block,
        // plus room for the records of interrupted recoveries.
        let data_slots = (log_len - 17 * unit) / (SECTOR + 4 * unit);
        let mut dev = FlashBlockDevice {
            flash,
            erase,
            unit,
            data_blocks,
            log_start: data_blocks * erase,
            log_len,
            header_slots: 4 * data_slots + 16,
            data_slots,
            logged: Vec::new(),
            headers_used: 0,
            buf: vec![0; SECTOR],
        };
        if data_slots == 0 {
            return Err(Error::Invalid);
        }
        dev.recover()?;
        Ok(dev)
    }

    /// Sectors one transaction can hold before it is committed in parts.
    pub fn log_capacity(&self) -> usize {
        self.data_slots
    }

    /// The flash, e.g. to read its image back in tests.
    pub fn into_inner(self) -> F {
        self.flash
    }

    fn header_addr(&self, slot: usize) -> usize {
        self.log_start + self.unit * (1 + slot)
    }

    fn data_addr(&self, slot: usize) -> usize {
        self.log_start + self.unit * (1 + self.header_slots) + slot * SECTOR
    }

    fn spare_block(&self) -> usize {
        self.data_blocks + self.log_len / self.erase
    }

    fn sectors_per_block(&self) -> usize {
        self.erase / SECTOR
    }

    /// Appends a record header; the CRC also covers `data` (a DATA record's sector).
    fn append(&mut self, kind: u32, arg: u32, extra: u32, data: &[u8]) -> Result<(), Error> {
        if self.headers_used == self.header_slots {
            return Err(Error::Io);
        }
        let mut header = vec![0xFF; self.unit];
        header[0..4].copy_from_slice(&(TAG | kind).to_le_bytes());
        header[4..8].copy_from_slice(&arg.to_le_bytes());
        header[8..12].copy_from_slice(&extra.to_le_bytes());
        let crc = crc32(crc32(0, &header[0..12]), data);
        header[12..16].copy_from_slice(&crc.to_le_bytes());
        let addr = self.header_addr(self.headers_used);
        self.flash.program(addr, &header)?;
        self.headers_used += 1;
        Ok(())
    }

    /// Header `slot`: blank, torn (`Some(None)`) or a valid (kind, arg, extra).
    #[allow(clippy::type_complexity)]
    fn header(&mut self, slot: usize) -> Result<Option<Option<(u32, u32, u32)>>, Error> {
        let mut h = [0u8; 16];
        self.flash.read(self.header_addr(slot), &mut h)?;
        if h.iter().all(|&b| b == 0xFF) {
            return Ok(None);
        }
        let word = |i: usize| u32::from_le_bytes([h[i], h[i + 1], h[i + 2], h[i + 3]]);
        let (tag, arg, extra) = (word(0), word(4), word(8));
        let mut crc = crc32(0, &h[0..12]);
        if tag & 0xFF == DATA && (extra as usize) < self.data_slots {
            self.flash
                .read(self.data_addr(extra as usize), &mut self.buf)?;
            crc = crc32(crc, &self.buf);
        }
        let valid = tag & !0xFF == TAG && crc == word(12);
        Ok(Some(valid.then_some((tag & 0xFF, arg, extra))))
    }

    fn recover(&mut self) -> Result<(), Error> {
        let scan = self.scan()?;
        if scan.committed {
            let mut done = scan.done;
            if let Some((block, crc)) = scan.spare.filter(|(b, _)| !done.contains(b)) {
                if self.spare_crc()? == crc {
                    self.copy_spare_to(block as usize)?;
                    self.append(DONE, block, 0, &[])?;
                    done.push(block);
                }
            }
            self.apply(&done)?;
        } else if !self.log_blank()? {
            self.reset_log()?;
        }
        Ok(())
    }

    fn scan(&mut self) -> Result<Scan, Error> {
        let mut scan = Scan {
            committed: false,
            spare: None,
            done: Vec::new(),
        };
        let mut kill = vec![0u8; self.unit];
        self.flash.read(self.log_start, &mut kill)?;
        if kill.iter().any(|&b| b != 0xFF) {
            return Ok(scan);
        }
        while self.headers_used < self.header_slots {
            // A torn header (power lost while programming it) is skipped, not reused: its
            // unit cannot be programmed again before an erase.
            let Some(slot) = self.header(self.headers_used)? else {
                break;
            };
            self.headers_used += 1;
            let Some((kind, arg, extra)) = slot else {
                continue;
            };
            match kind {
                DATA if extra as usize == self.logged.len() && arg < self.sector_count() => {
                    self.logged.push(arg)
                }
                COMMIT => scan.committed = true,
                SPARE => scan.spare = Some((arg, extra)),
                DONE => scan.done.push(arg),
                _ => {}
            }
        }
        if !scan.committed {
            self.logged.clear();
            self.headers_used = 0;
        }
        Ok(scan)
    }

    fn log_blank(&mut self) -> Result<bool, Error> {
        for at in (0..self.log_len).step_by(SECTOR) {
            self.flash.read(self.log_start + at, &mut self.buf)?;
            if self.buf.iter().any(|&b| b != 0xFF) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn reset_log(&mut self) -> Result<(), Error> {
        let kill = vec![0u8; self.unit];
        let mut kill_unit_blank = vec![0u8; self.unit];
        self.flash.read(self.log_start, &mut kill_unit_blank)?;
        if kill_unit_blank.iter().all(|&b| b == 0xFF) {
            self.flash.program(self.log_start, &kill)?;
        }
        for block in 0..self.log_len / self.erase {
            self.flash.erase(self.log_start / self.erase + block)?;
        }
        self.logged.clear();
        self.headers_used = 0;
        Ok(())
    }

    /// Copies every erase block with logged sectors (except those in `done`) to its place
    /// through the spare, then clears the log. Expects a `COMMIT` already in the log.
    fn apply(&mut self, done: &[u32]) -> Result<(), Error> {
        let per = self.sectors_per_block() as u32;
        // each block once, in log order (no sort: its code would cost more than it saves)
        let mut blocks: Vec<u32> = Vec::new();
        for block in self.logged.iter().map(|s| s / per) {
            if !blocks.contains(&block) && !done.contains(&block) {
                blocks.push(block);
            }
        }
        for block in blocks {
            let spare = self.spare_block();
            self.flash.erase(spare)?;
            let mut crc = 0;
            for i in 0..per {
                self.read_into_buf(block * per + i)?;
                crc = crc32(crc, &self.buf);
                let addr = spare * self.erase + i as usize * SECTOR;
                self.flash.program(addr, &self.buf)?;
            }
            self.append(SPARE, block, crc, &[])?;
            self.copy_spare_to(block as usize)?;
            self.append(DONE, block, 0, &[])?;
        }
        self.reset_log()
    }

    fn spare_crc(&mut self) -> Result<u32, Error> {
        let base = self.spare_block() * self.erase;
        let mut crc = 0;
        for at in (0..self.erase).step_by(SECTOR) {
            self.flash.read(base + at, &mut self.buf)?;
            crc = crc32(crc, &self.buf);
        }
        Ok(crc)
    }

    fn copy_spare_to(&mut self, block: usize) -> Result<(), Error> {
        let spare = self.spare_block() * self.erase;
        self.flash.erase(block)?;
        for at in (0..self.erase).step_by(SECTOR) {
            self.flash.read(spare + at, &mut self.buf)?;
            self.flash.program(block * self.erase + at, &self.buf)?;
        }
        Ok(())
    }

    /// Current contents of `sector` (the latest logged copy, else the data block) into `buf`.
    fn read_into_buf(&mut self, sector: u32) -> Result<(), Error> {
        let addr = match self.logged.iter().rposition(|&s| s == sector) {
            Some(slot) => self.data_addr(slot),
            None => sector as usize * SECTOR,
        };
        self.flash.read(addr, &mut self.buf)
    }
}

impl<F: Flash> BlockDevice for FlashBlockDevice<F> {
    fn sector_count(&self) -> u32 {
        (self.data_blocks * self.sectors_per_block()) as u32
    }

    fn read(&mut self, sector: u32, buf: &mut [u8; SECTOR]) -> Result<(), Error> {
        if sector >= self.sector_count() {
            return Err(Error::Invalid);
        }
        self.read_into_buf(sector)?;
        buf.copy_from_slice(&self.buf);
        Ok(())
    }

    fn write(&mut self, sector: u32, data: &[u8; SECTOR]) -> Result<(), Error> {
        if sector >= self.sector_count() {
            return Err(Error::Invalid);
        }
        if self.logged.len() == self.data_slots {
            self.sync()?;
        }
        let slot = self.logged.len();
        self.flash.program(self.data_addr(slot), data)?;
        self.append(DATA, sector, slot as u32, data)?;
        self.logged.push(sector);
        Ok(())
    }

    fn sync(&mut self) -> Result<(), Error> {
        if self.logged.is_empty() {
            return Ok(());
        }
        self.append(COMMIT, 0, 0, &[])?;
        self.apply(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn crc32_matches_the_ieee_check_value() {
        assert_eq!(crc32(0, b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(crc32(0, b"1234"), b"56789"), 0xCBF4_3926);
    }
}
