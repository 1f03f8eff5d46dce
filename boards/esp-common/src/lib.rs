//! ESP chip support shared by the ESP32-C3 and ESP32 board crates, on esp-hal.
//!
//! The board crates are thin: they call `esp_hal::init`, hand UART0 to [`console::init`] with
//! the pins from their board config, and start the interpreter with [`port::EspPort`]
//! (its filesystem on the SPI flash through [`flash`]).
#![no_std]

extern crate alloc;

pub mod console;
pub mod firmware;
pub mod flash;
pub mod pins;
pub mod port;
