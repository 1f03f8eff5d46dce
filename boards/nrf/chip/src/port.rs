//! The interpreter's view of an nRF board: console on UART0, time from TIMER0.

use crate::{console_uart, ticks};
use mpy_core::port::Port;

pub struct NrfPort;

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
}
