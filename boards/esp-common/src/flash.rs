//! The filesystem region of the SPI flash (the "vfs" partition xtask writes) as an
//! `mpy_fat::Flash`, through esp-rs's `esp-storage` (the ROM's SPI flash functions).
//!
//! Offsets are flash offsets, not mapped addresses. `esp-storage`'s NOR interface erases 4 KB
//! sectors and programs 4-byte words, reads at word-aligned offsets: the flash block device
//! only ever asks for 16-byte headers and 512-byte sectors at aligned offsets.

use esp_storage::{FlashStorage, FlashStorageError};
use mpy_fat::Error;

/// Erase unit of the SPI flash (sector erase).
pub const SECTOR_SIZE: usize = FlashStorage::SECTOR_SIZE as usize;

pub struct FlashRegion {
    storage: FlashStorage<'static>,
    start: u32,
    len: usize,
}

impl FlashRegion {
    /// `start..start + len` (flash offsets), sector-aligned, or `None`.
    pub fn new(storage: FlashStorage<'static>, start: u32, len: usize) -> Option<FlashRegion> {
        ((start as usize).is_multiple_of(SECTOR_SIZE) && len.is_multiple_of(SECTOR_SIZE)).then_some(
            FlashRegion {
                storage,
                start,
                len,
            },
        )
    }

    /// The flash offset of region offset `addr`, if `addr..addr + len` lies in the region.
    fn offset(&self, addr: usize, len: usize) -> Result<u32, Error> {
        match addr.checked_add(len) {
            Some(end) if end <= self.len => Ok(self.start + addr as u32),
            _ => Err(Error::Invalid),
        }
    }
}

fn io_error(e: FlashStorageError) -> Error {
    match e {
        FlashStorageError::NotAligned | FlashStorageError::OutOfBounds => Error::Invalid,
        _ => Error::Io,
    }
}

impl mpy_fat::Flash for FlashRegion {
    fn erase_size(&self) -> usize {
        SECTOR_SIZE
    }
    fn program_size(&self) -> usize {
        FlashStorage::WORD_SIZE as usize
    }
    fn capacity(&self) -> usize {
        self.len
    }
    fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), Error> {
        let at = self.offset(addr, buf.len())?;
        self.storage.read_nor(at, buf).map_err(io_error)
    }
    fn erase(&mut self, block: usize) -> Result<(), Error> {
        let at = self.offset(block * SECTOR_SIZE, SECTOR_SIZE)?;
        self.storage
            .erase(at, at + SECTOR_SIZE as u32)
            .map_err(io_error)
    }
    fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), Error> {
        let at = self.offset(addr, data.len())?;
        self.storage.write_nor(at, data).map_err(io_error)
    }
}
