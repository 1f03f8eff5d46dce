//! Board support shared by every micropython-rs firmware.
//!
//! Each board crate brings up its clocks and console UART, implements [`mpy_core::port::Port`],
//! and then hands the port to the interpreter (`mpy_core::repl::run`). The pieces here are the
//! ones that do not depend on the chip: the interrupt-fed console input queue, the panic handler,
//! the Rust heap, the flash filesystem mount, and the host-tested logic of sector-erased flash
//! (STM32F4) and of flash behind ROM routines (ESP8266).
#![no_std]

pub mod generated;
#[cfg(feature = "flash-fs")]
extern crate alloc;

#[cfg(feature = "flash-fs")]
pub mod flash_fs;
#[cfg(all(test, any(feature = "sector-flash", feature = "rom-flash")))]
mod flash_test;
#[cfg(feature = "global-allocator")]
pub mod heap;
pub mod panic;
#[cfg(feature = "rom-flash")]
pub mod rom_flash;
pub mod rx_queue;
#[cfg(feature = "sector-flash")]
pub mod sector_flash;

pub use rx_queue::RxQueue;
