//! The sector interface the FAT driver works on.

use crate::Error;

/// Bytes in a sector; the only sector size this crate supports (as the board images use).
pub const SECTOR: usize = 512;

/// A device of 512-byte sectors. Writes may be buffered until [`BlockDevice::sync`]; a write is
/// only guaranteed to survive a reset once `sync` has returned `Ok`.
pub trait BlockDevice {
    /// Number of sectors.
    fn sector_count(&self) -> u32;
    /// Reads sector `sector` into `buf`.
    fn read(&mut self, sector: u32, buf: &mut [u8; SECTOR]) -> Result<(), Error>;
    /// Writes `data` to sector `sector`.
    fn write(&mut self, sector: u32, data: &[u8; SECTOR]) -> Result<(), Error>;
    /// Makes every write so far durable, all of them or (after a power loss) none.
    fn sync(&mut self) -> Result<(), Error>;
}

impl<T: BlockDevice + ?Sized> BlockDevice for &mut T {
    fn sector_count(&self) -> u32 {
        (**self).sector_count()
    }
    fn read(&mut self, sector: u32, buf: &mut [u8; SECTOR]) -> Result<(), Error> {
        (**self).read(sector, buf)
    }
    fn write(&mut self, sector: u32, data: &[u8; SECTOR]) -> Result<(), Error> {
        (**self).write(sector, data)
    }
    fn sync(&mut self) -> Result<(), Error> {
        (**self).sync()
    }
}
