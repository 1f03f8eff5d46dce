//! nRF51 / nRF52833 chip support shared by the micro:bit board crates (Tock-style: the board
//! crates are thin and only say which chip and pins; the drivers live here).
//!
//! Select the chip with exactly one feature: `nrf51` or `nrf52833`. Both chips have the legacy
//! UART0 and TIMER0 peripherals at the same addresses with the same registers (apart from pin
//! selection), so the drivers are shared; where the PACs differ, `cfg` picks the variant.
#![no_std]

extern crate alloc;

#[cfg(all(feature = "nrf51", feature = "nrf52833"))]
compile_error!("enable exactly one of the features `nrf51` and `nrf52833`");
#[cfg(not(any(feature = "nrf51", feature = "nrf52833")))]
compile_error!("enable one of the features `nrf51` or `nrf52833`");

#[cfg(feature = "nrf51")]
pub use nrf51_pac as pac;
#[cfg(feature = "nrf52833")]
pub use nrf52833_pac as pac;

pub mod console_uart;
pub mod firmware;
pub mod flash;
pub mod pins;
pub mod port;
pub mod ticks;

/// Resets the chip (after a panic message has been printed and the UART drained).
pub fn reset() -> ! {
    ticks::busy_wait_us(10_000);
    cortex_m::peripheral::SCB::sys_reset()
}
