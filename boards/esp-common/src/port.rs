//! The interpreter's view of an ESP board: console UART, time from the system timer, and (with
//! [`EspPort::with_filesystem`]) the manifest's flash partition as the root filesystem.

use crate::console;
use crate::flash::FlashRegion;
use alloc::boxed::Box;
use esp_hal::delay::Delay;
use esp_hal::peripherals::FLASH;
use esp_hal::time::Instant;
use esp_storage::FlashStorage;
use mpy_board_common::flash_fs::{self, FsConfig};
use mpy_core::port::Port;
use mpy_core::vfs::Filesystem;

pub struct EspPort {
    delay: Delay,
    /// The filesystem region; `None`: no filesystem.
    fs: Option<FsConfig>,
    /// The FLASH peripheral until the first mount takes it.
    flash: Option<FLASH<'static>>,
}

impl EspPort {
    /// A port without a filesystem.
    pub fn new() -> Self {
        Self {
            delay: Delay::new(),
            fs: None,
            flash: None,
        }
    }

    /// A port that mounts the FAT volume in `fs` (flash offsets) at `/`.
    pub fn with_filesystem(flash: FLASH<'static>, fs: FsConfig) -> Self {
        Self {
            delay: Delay::new(),
            fs: Some(fs),
            flash: Some(flash),
        }
    }

    fn now_us(&self) -> u64 {
        Instant::now().duration_since_epoch().as_micros()
    }
}

impl Default for EspPort {
    fn default() -> Self {
        Self::new()
    }
}

impl Port for EspPort {
    fn write(&mut self, data: &[u8]) {
        console::poll_rx();
        console::write_blocking(data);
    }

    fn read_byte(&mut self) -> Option<u8> {
        console::poll_rx();
        console::RX.pop()
    }

    fn ticks_ms(&self) -> u32 {
        (self.now_us() / 1000) as u32
    }

    fn ticks_us(&self) -> u32 {
        self.now_us() as u32
    }

    fn delay_us(&mut self, us: u32) {
        self.delay.delay_micros(us);
    }

    fn root_filesystem(&mut self) -> Option<Box<dyn Filesystem>> {
        let fs = self.fs?;
        let flash = self.flash.take().unwrap_or_else(|| {
            // SAFETY: the only other user of FLASH was the previous interpreter's filesystem,
            // dropped by the soft reset before it asks for a new one.
            unsafe { FLASH::steal() }
        });
        let Some(region) = FlashRegion::new(FlashStorage::new(flash), fs.base, fs.size as usize)
        else {
            console::write_blocking(b"MPY: no filesystem: region not sector-aligned\n");
            return None;
        };
        flash_fs::mount(region, &fs, &mut console::write_blocking)
    }
}
