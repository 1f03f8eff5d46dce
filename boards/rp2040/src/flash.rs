//! The Pico's QSPI flash as an `mpy_fat::Flash`, erased and programmed through the RP2040 boot
//! ROM's flash functions (looked up with rp2040-hal's `rom_data`).
//!
//! While the ROM talks to the flash chip, execute-in-place (XIP) is off: nothing may run from
//! or read flash. So every operation gathers the ROM function pointers first (the lookup runs
//! from flash), copies boot2 (the first 256 bytes of flash, which sets up fast QSPI XIP) into a
//! RAM buffer, and then, with interrupts disabled, calls [`rom_operation`]: a function placed
//! in RAM (`.data` is copied there at start-up) that only calls ROM code and the RAM copy of
//! boot2. Data to program is copied into a RAM page buffer first. This is the sequence the
//! Pico SDK's `flash_range_erase` / `flash_range_program` use.
//!
//! Programs are whole 256-byte pages (what the ROM function takes), padded with 0xFF: NOR
//! flash leaves 0xFF bytes unchanged, so the block device's 16-byte headers can share a page.
//!
//! rp2040js (the emulator) has no boot ROM: without its "Mu" table at 0x10 every call would
//! jump to address 0, so operations fail with `Io` there instead (reads still work).

use mpy_fat::Error;
use rp2040_hal::rom_data;

/// Start of the memory-mapped flash (XIP).
const XIP_BASE: u32 = 0x1000_0000;
/// Erase unit: a 4 KB sector (flash command 0x20).
pub const SECTOR_SIZE: usize = 4096;
const SECTOR_ERASE_CMD: u8 = 0x20;
/// Program unit of the ROM function.
const PAGE: usize = 256;
/// boot2 occupies the first 256 bytes of flash.
const BOOT2_WORDS: usize = 64;

/// The ROM's functions, looked up while XIP still works.
struct Rom {
    connect_internal_flash: unsafe extern "C" fn(),
    flash_exit_xip: unsafe extern "C" fn(),
    flash_range_erase: unsafe extern "C" fn(u32, usize, u32, u8),
    flash_range_program: unsafe extern "C" fn(u32, *const u8, usize),
    flash_flush_cache: unsafe extern "C" fn(),
}

/// One flash operation for [`rom_operation`], on a flash offset.
enum Op<'a> {
    EraseSector(u32),
    ProgramPage(u32, &'a [u8; PAGE]),
}

/// True if the RP2040 boot ROM is there (its table starts with 'M', 'u', version 1 at 0x10).
fn rom_present() -> bool {
    // SAFETY: 0x10..0x13 is in the boot ROM's address range, always readable (in rp2040js
    // unpopulated memory reads as 0).
    let magic = unsafe { core::ptr::read_volatile(0x10 as *const [u8; 3]) };
    magic == [b'M', b'u', 1]
}

/// Runs `op` with XIP off, then restores XIP with the copy of boot2.
///
/// # Safety
/// Interrupts must be disabled and the other core idle; `boot2` must be a copy of boot2.
#[inline(never)]
#[link_section = ".data.ram_func"]
unsafe fn rom_operation(rom: &Rom, op: &Op, boot2: &[u32; BOOT2_WORDS]) {
    (rom.connect_internal_flash)();
    (rom.flash_exit_xip)();
    match op {
        Op::EraseSector(offset) => {
            (rom.flash_range_erase)(*offset, SECTOR_SIZE, SECTOR_SIZE as u32, SECTOR_ERASE_CMD)
        }
        Op::ProgramPage(offset, data) => (rom.flash_range_program)(*offset, data.as_ptr(), PAGE),
    }
    (rom.flash_flush_cache)();
    // Re-enter fast XIP by running boot2 from RAM (Thumb: address | 1).
    let boot2_entry: extern "C" fn() = core::mem::transmute((boot2.as_ptr() as usize) | 1);
    boot2_entry();
}

/// Performs `op` from RAM with interrupts off; `Io` without a boot ROM.
fn run(op: Op) -> Result<(), Error> {
    if !rom_present() {
        return Err(Error::Io);
    }
    let rom = Rom {
        connect_internal_flash: rom_data::connect_internal_flash::ptr(),
        flash_exit_xip: rom_data::flash_exit_xip::ptr(),
        flash_range_erase: rom_data::flash_range_erase::ptr(),
        flash_range_program: rom_data::flash_range_program::ptr(),
        flash_flush_cache: rom_data::flash_flush_cache::ptr(),
    };
    let mut boot2 = [0u32; BOOT2_WORDS];
    // SAFETY: XIP is on here; boot2 is the first 256 bytes of flash, word-aligned.
    unsafe {
        core::ptr::copy_nonoverlapping(XIP_BASE as *const u32, boot2.as_mut_ptr(), BOOT2_WORDS)
    };
    cortex_m::interrupt::free(|_| {
        // SAFETY: interrupts are off (their handlers live in flash) and core 1 is never
        // started by this firmware; `rom_operation` is in RAM, the pointers and the data are
        // in RAM (stack), and boot2 was copied above.
        unsafe { rom_operation(&rom, &op, &boot2) }
    });
    Ok(())
}

/// The filesystem region (flash offsets `start..start + len`) as an `mpy_fat::Flash`.
pub struct FlashRegion {
    start: u32,
    len: usize,
}

impl FlashRegion {
    /// `start` is an XIP address; region sector-aligned, or `None`.
    pub fn new(start: u32, len: usize) -> Option<FlashRegion> {
        let offset = start.checked_sub(XIP_BASE)?;
        ((offset as usize).is_multiple_of(SECTOR_SIZE) && len.is_multiple_of(SECTOR_SIZE))
            .then_some(FlashRegion { start: offset, len })
    }

    fn check(&self, addr: usize, len: usize) -> Result<(), Error> {
        match addr.checked_add(len) {
            Some(end) if end <= self.len => Ok(()),
            _ => Err(Error::Invalid),
        }
    }
}

impl mpy_fat::Flash for FlashRegion {
    fn erase_size(&self) -> usize {
        SECTOR_SIZE
    }
    fn program_size(&self) -> usize {
        4
    }
    fn capacity(&self) -> usize {
        self.len
    }
    fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), Error> {
        self.check(addr, buf.len())?;
        let from = (XIP_BASE + self.start) as usize + addr;
        // SAFETY: XIP maps the whole flash; the range was checked to lie in the region.
        unsafe { core::ptr::copy_nonoverlapping(from as *const u8, buf.as_mut_ptr(), buf.len()) };
        Ok(())
    }
    fn erase(&mut self, block: usize) -> Result<(), Error> {
        self.check(block * SECTOR_SIZE, SECTOR_SIZE)?;
        run(Op::EraseSector(self.start + (block * SECTOR_SIZE) as u32))
    }
    fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), Error> {
        self.check(addr, data.len())?;
        if !addr.is_multiple_of(4) || !data.len().is_multiple_of(4) {
            return Err(Error::Invalid);
        }
        let mut done = 0;
        while done < data.len() {
            let at = addr + done;
            let page_start = at - at % PAGE;
            let n = (PAGE - at % PAGE).min(data.len() - done);
            let mut page = [0xFF; PAGE];
            page[at % PAGE..at % PAGE + n].copy_from_slice(&data[done..done + n]);
            run(Op::ProgramPage(self.start + page_start as u32, &page))?;
            done += n;
        }
        Ok(())
    }
}
