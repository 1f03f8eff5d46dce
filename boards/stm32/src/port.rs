//! The interpreter's view of this board: console, clocks, and the manifest's flash region as
//! the root filesystem.

use crate::{board_config, console_uart, flash, pac, ticks};
use alloc::boxed::Box;
use mpy_board_common::flash_fs::{self, FsConfig};
use mpy_board_common::sector_flash::SectorFlash;
use mpy_core::port::Port;
use mpy_core::vfs::Filesystem;

const FS: FsConfig = mpy_board_common::fs_config!(board_config);

/// Console on the configured USART, time from SysTick, files in the FLASH peripheral's sectors.
pub struct BoardPort {
    /// Taken by the first mount; every later one (soft reset) steals it back, see below.
    flash: Option<pac::FLASH>,
}

impl BoardPort {
    pub fn new(flash: pac::FLASH) -> BoardPort {
        BoardPort { flash: Some(flash) }
    }

    fn flash_registers(&mut self) -> pac::FLASH {
        self.flash.take().unwrap_or_else(|| {
            // SAFETY: the only other owner was the previous interpreter's filesystem, which
            // the soft reset dropped before asking for a new root filesystem; so there is
            // still exactly one user of the FLASH registers.
            unsafe { pac::FLASH::steal() }
        })
    }
}

impl Port for BoardPort {
    fn write(&mut self, data: &[u8]) {
        console_uart::write_blocking(data)
    }

    fn read_byte(&mut self) -> Option<u8> {
        console_uart::RX.pop()
    }

    fn ticks_ms(&self) -> u32 {
        ticks::millis()
    }

    fn ticks_us(&self) -> u32 {
        ticks::micros()
    }

    fn delay_us(&mut self, us: u32) {
        ticks::busy_wait_us(us)
    }

    fn root_filesystem(&mut self) -> Option<Box<dyn Filesystem>> {
        let controller = flash::Controller::new(self.flash_registers());
        let region = flash::sector_at(FS.base).and_then(|(first, size)| {
            SectorFlash::new(controller, FS.base, FS.size as usize, size as usize, first)
        });
        let Some(region) = region else {
            console_uart::write_blocking(b"MPY: no filesystem: region does not start a sector\n");
            return None;
        };
        flash_fs::mount(region, &FS, &mut console_uart::write_blocking)
    }
}
