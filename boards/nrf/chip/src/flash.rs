//! Internal flash through the NVMC (non-volatile memory controller): page erase and word
//! programming, the primitives the filesystem's flash block device is built on.
//!
//! Both chips have the NVMC at the same address with the same registers used here (READY,
//! CONFIG, ERASEPAGE); pages are 1 KB on the nRF51 and 4 KB on the nRF52833. Flash reads are
//! plain memory reads. The CPU stalls while the NVMC erases or writes, so no other code touches
//! flash meanwhile; interrupts stay enabled (the UART keeps receiving into its queue).

const NVMC_BASE: usize = 0x4001_E000;
const READY: *const u32 = (NVMC_BASE + 0x400) as *const u32;
const CONFIG: *mut u32 = (NVMC_BASE + 0x504) as *mut u32;
const ERASEPAGE: *mut u32 = (NVMC_BASE + 0x508) as *mut u32;

const CONFIG_READ_ONLY: u32 = 0;
const CONFIG_WRITE: u32 = 1;
const CONFIG_ERASE: u32 = 2;

/// Erase unit in bytes.
#[cfg(feature = "nrf51")]
pub const PAGE_SIZE: usize = 1024;
#[cfg(feature = "nrf52833")]
pub const PAGE_SIZE: usize = 4096;

/// Why a flash operation was refused (nothing was written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashError {
    /// Address or length not aligned to what the operation needs.
    Misaligned,
}

fn wait_ready() {
    // SAFETY: READY is a read-only NVMC status register; reading it has no side effects.
    while unsafe { core::ptr::read_volatile(READY) } & 1 == 0 {}
}

fn set_config(mode: u32) {
    // SAFETY: CONFIG is the NVMC's mode register; the values written are the documented modes.
    unsafe { core::ptr::write_volatile(CONFIG, mode) };
    wait_ready();
}

/// Erase the page starting at `addr` (all bytes become 0xFF).
pub fn erase_page(addr: usize) -> Result<(), FlashError> {
    if !addr.is_multiple_of(PAGE_SIZE) {
        return Err(FlashError::Misaligned);
    }
    set_config(CONFIG_ERASE);
    // SAFETY: ERASEPAGE takes the address of a page to erase; erase mode is enabled above and
    // the address is page-aligned. The caller owns that page (the filesystem region).
    unsafe { core::ptr::write_volatile(ERASEPAGE, addr as u32) };
    wait_ready();
    set_config(CONFIG_READ_ONLY);
    Ok(())
}

/// Program `data` at `addr` (word-aligned, whole words). Programming can only clear bits, so
/// the words must be erased first.
pub fn program(addr: usize, data: &[u8]) -> Result<(), FlashError> {
    if !addr.is_multiple_of(4) || !data.len().is_multiple_of(4) {
        return Err(FlashError::Misaligned);
    }
    set_config(CONFIG_WRITE);
    for (i, word) in data.chunks_exact(4).enumerate() {
        let value = u32::from_le_bytes([word[0], word[1], word[2], word[3]]);
        // SAFETY: write mode is enabled; the target is a word-aligned flash address the caller
        // owns; the NVMC requires 32-bit writes, which this is.
        unsafe { core::ptr::write_volatile((addr + i * 4) as *mut u32, value) };
        wait_ready();
    }
    set_config(CONFIG_READ_ONLY);
    Ok(())
}

/// Copy flash at `addr` into `buf`.
pub fn read(addr: usize, buf: &mut [u8]) {
    // SAFETY: flash is memory-mapped and always readable; `addr..addr+len` lies in the flash
    // region the caller names (the filesystem region from the manifest).
    unsafe { core::ptr::copy_nonoverlapping(addr as *const u8, buf.as_mut_ptr(), buf.len()) };
}

/// The filesystem's flash region (from the manifest) as an `mpy_fat::Flash`.
pub struct FlashRegion {
    start: usize,
    len: usize,
}

impl FlashRegion {
    /// `start` and `len` must be page-aligned and inside the chip's flash, outside the firmware.
    pub fn new(start: usize, len: usize) -> Option<FlashRegion> {
        (start.is_multiple_of(PAGE_SIZE) && len.is_multiple_of(PAGE_SIZE) && len > 0)
            .then_some(FlashRegion { start, len })
    }
}

fn io_error(_: FlashError) -> mpy_fat::Error {
    mpy_fat::Error::Io
}

impl mpy_fat::Flash for FlashRegion {
    fn erase_size(&self) -> usize {
        PAGE_SIZE
    }
    fn program_size(&self) -> usize {
        4
    }
    fn capacity(&self) -> usize {
        self.len
    }
    fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), mpy_fat::Error> {
        if addr + buf.len() > self.len {
            return Err(mpy_fat::Error::Invalid);
        }
        read(self.start + addr, buf);
        Ok(())
    }
    fn erase(&mut self, block: usize) -> Result<(), mpy_fat::Error> {
        if (block + 1) * PAGE_SIZE > self.len {
            return Err(mpy_fat::Error::Invalid);
        }
        erase_page(self.start + block * PAGE_SIZE).map_err(io_error)
    }
    fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), mpy_fat::Error> {
        if addr + data.len() > self.len {
            return Err(mpy_fat::Error::Invalid);
        }
        program(self.start + addr, data).map_err(io_error)
    }
}
