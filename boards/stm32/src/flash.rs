//! The STM32F405's internal flash through its FLASH interface: the register-level
//! [`SectorController`] under `mpy_board_common::sector_flash` (which holds the logic, tested on
//! the host against a simulated controller; QEMU does not model this peripheral).
//!
//! Sequence (RM0090 section 3.6): wait for BSY to clear, clear the error flags, unlock CR with
//! the two KEYR keys, then either SER + SNB + STRT (sector erase) or PG and one 32-bit write
//! (PSIZE x32: needs 2.7-3.6 V, the pyboard's 3.3 V), wait for BSY, check the error flags, lock
//! CR again. After an erase the ART data cache may still hold the old contents: it is reset.
//! The CPU stalls on flash reads while the interface is busy; code runs from flash throughout,
//! which the F4 allows (the erased sectors hold no code: they are the filesystem region).

use crate::pac;
use mpy_board_common::sector_flash::{ControllerError, SectorController};

const KEY1: u32 = 0x4567_0123;
const KEY2: u32 = 0xCDEF_89AB;
/// SR error flags: OPERR, WRPERR, PGAERR, PGPERR, PGSERR (write 1 to clear).
const SR_ERRORS: u32 = (1 << 1) | (0b1111 << 4);

/// The F405's sectors: 4 x 16 KB from 0x08000000, one of 64 KB, then 7 of 128 KB.
const SECTOR_MAP: [(u32, u32, u32); 3] = [
    (0x0800_0000, 16 * 1024, 4),
    (0x0801_0000, 64 * 1024, 1),
    (0x0802_0000, 128 * 1024, 7),
];

/// (sector number, sector size) of the sector starting at `addr`, if one does.
pub fn sector_at(addr: u32) -> Option<(u32, u32)> {
    let mut number = 0;
    for (start, size, count) in SECTOR_MAP {
        if addr >= start && addr < start + size * count {
            let offset = addr - start;
            return offset
                .is_multiple_of(size)
                .then_some((number + offset / size, size));
        }
        number += count;
    }
    None
}

/// The FLASH interface registers.
pub struct Controller {
    flash: pac::FLASH,
}

impl Controller {
    pub fn new(flash: pac::FLASH) -> Controller {
        Controller { flash }
    }

    fn wait_idle(&self) {
        while self.flash.sr().read().bsy().bit_is_set() {}
    }

    /// Clears stale error flags and unlocks CR (a no-op if it is unlocked).
    fn begin(&self) {
        self.wait_idle();
        // SAFETY: SR error flags are write-1-to-clear; no other bits are set.
        self.flash.sr().write(|w| unsafe { w.bits(SR_ERRORS) });
        if self.flash.cr().read().lock().bit_is_set() {
            // SAFETY: the documented unlock sequence; any other value locks CR until reset.
            self.flash.keyr().write(|w| unsafe { w.key().bits(KEY1) });
            // SAFETY: as above, second key.
            self.flash.keyr().write(|w| unsafe { w.key().bits(KEY2) });
        }
    }

    /// Waits for the operation, relocks CR and reports its error flags.
    fn finish(&self) -> Result<(), ControllerError> {
        self.wait_idle();
        let errors = self.flash.sr().read().bits() & SR_ERRORS;
        self.flash.cr().write(|w| w.lock().set_bit());
        if errors == 0 {
            Ok(())
        } else {
            Err(ControllerError(errors))
        }
    }
}

impl SectorController for Controller {
    fn erase_sector(&mut self, sector: u32) -> Result<(), ControllerError> {
        self.begin();
        self.flash.cr().write(|w| {
            // SAFETY: SNB takes a sector number 0..=11; `SectorFlash` only passes the
            // filesystem region's sectors.
            unsafe { w.snb().bits(sector as u8) };
            w.psize().psize32().ser().set_bit()
        });
        self.flash.cr().modify(|_, w| w.strt().set_bit());
        let result = self.finish();
        // The ART data cache may hold lines of the erased sector: reset it (with DCEN off).
        let was_on = self.flash.acr().read().dcen().bit_is_set();
        self.flash.acr().modify(|_, w| w.dcen().clear_bit());
        self.flash.acr().modify(|_, w| w.dcrst().set_bit());
        self.flash.acr().modify(|_, w| w.dcrst().clear_bit());
        self.flash.acr().modify(|_, w| w.dcen().bit(was_on));
        result
    }

    fn program_word(&mut self, addr: u32, word: u32) -> Result<(), ControllerError> {
        self.begin();
        self.flash
            .cr()
            .write(|w| w.psize().psize32().pg().set_bit());
        // SAFETY: PG is set with PSIZE x32, so one aligned 32-bit write programs the word;
        // `SectorFlash` checked that `addr` is word-aligned and inside the filesystem region.
        unsafe { core::ptr::write_volatile(addr as *mut u32, word) };
        self.finish()
    }

    fn read(&mut self, addr: u32, buf: &mut [u8]) {
        // SAFETY: flash is memory-mapped and readable; `SectorFlash` checked that the range is
        // inside the filesystem region.
        unsafe { core::ptr::copy_nonoverlapping(addr as *const u8, buf.as_mut_ptr(), buf.len()) };
    }
}
