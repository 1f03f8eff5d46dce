//! The interpreter's view of an ESP board: console UART, time from the system timer.

use crate::console;
use esp_hal::delay::Delay;
use esp_hal::time::Instant;
use mpy_core::port::Port;

pub struct EspPort {
    delay: Delay,
}

impl EspPort {
    pub fn new() -> Self {
        Self {
            delay: Delay::new(),
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
}
