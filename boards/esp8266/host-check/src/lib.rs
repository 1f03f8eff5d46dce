//! The ESP8266 firmware cannot be compiled here (no Xtensa toolchain), so this crate compiles its
//! PAC-free files for the host: the flash shim, the ROM cache switches and the reset entry.
//! `cargo clippy --manifest-path boards/esp8266/host-check/Cargo.toml` catches type errors and
//! lints in them (e.g. after a change to `rom_flash::WordRom`). It checks nothing
//! Xtensa-specific (ROM addresses, ABI, `.rwtext` placement) and must never be run or linked:
//! its functions jump to ESP8266 ROM addresses and `start` calls xtensa-lx-rt's `Reset`.
#![no_std]

extern crate alloc;

#[path = "../../src/flash.rs"]
mod flash;
#[path = "../../src/rom_cache.rs"]
mod rom_cache;
#[path = "../../src/start.rs"]
mod start;

pub use flash::{mount, Esp8266Rom};
pub use start::mpy_esp8266_start;
