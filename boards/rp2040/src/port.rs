//! The interpreter's view of the board: console on UART + USB CDC, time from the 1 MHz timer,
//! the manifest's flash region (through the boot ROM) as the root filesystem.

use crate::{board_config, console_uart, flash, usb_console};
use alloc::boxed::Box;
use mpy_board_common::flash_fs::{self, FsConfig};
use mpy_core::port::Port;
use mpy_core::vfs::Filesystem;
use rp2040_hal::Timer;

const FS: FsConfig = mpy_board_common::fs_config!(board_config);

pub struct BoardPort {
    timer: Timer,
}

impl BoardPort {
    pub fn new(timer: Timer) -> Self {
        Self { timer }
    }

    fn now_us(&self) -> u64 {
        self.timer.get_counter().ticks()
    }
}

impl Port for BoardPort {
    fn write(&mut self, data: &[u8]) {
        console_uart::write_blocking(data);
        usb_console::write(data);
    }

    fn read_byte(&mut self) -> Option<u8> {
        usb_console::RX.pop()
    }

    fn ticks_ms(&self) -> u32 {
        (self.now_us() / 1000) as u32
    }

    fn ticks_us(&self) -> u32 {
        self.now_us() as u32
    }

    fn delay_us(&mut self, us: u32) {
        let start = self.now_us();
        while self.now_us() - start < u64::from(us) {}
    }

    fn root_filesystem(&mut self) -> Option<Box<dyn Filesystem>> {
        let Some(region) = flash::FlashRegion::new(FS.base, FS.size as usize) else {
            self.write(b"MPY: no filesystem: region not sector-aligned in flash\n");
            return None;
        };
        flash_fs::mount(region, &FS, &mut |line| self.write(line))
    }
}
