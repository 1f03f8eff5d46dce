//! The interpreter's view of an nRF board: console on UART0, time from TIMER0, the manifest's
//! flash region (through the NVMC) as the root filesystem.

use crate::flash::FlashRegion;
use crate::{console_uart, ticks};
use alloc::boxed::Box;
use mpy_board_common::flash_fs::{self, FsConfig};
use mpy_core::port::Port;
use mpy_core::vfs::Filesystem;

pub struct NrfPort {
    fs: FsConfig,
}

impl NrfPort {
    /// `fs`: the filesystem region from the board's generated config.
    pub const fn new(fs: FsConfig) -> NrfPort {
        NrfPort { fs }
    }
}

impl Port for NrfPort {
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
        let Some(region) = FlashRegion::new(self.fs.base as usize, self.fs.size as usize) else {
            console_uart::write_blocking(b"MPY: no filesystem: region not page-aligned\n");
            return None;
        };
        flash_fs::mount(region, &self.fs, &mut console_uart::write_blocking)
    }
}
