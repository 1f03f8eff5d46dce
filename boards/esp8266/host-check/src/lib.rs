//! The ESP8266 firmware cannot be compiled here (no Xtensa toolchain), so this crate compiles its
//! flash shim for the host: `cargo clippy --manifest-path boards/esp8266/host-check/Cargo.toml`
//! catches type errors and lints in it (e.g. after a change to `rom_flash::WordRom`). It checks
//! nothing Xtensa-specific (ROM addresses, ABI, `.rwtext` placement) and must never be run: its
//! functions jump to ESP8266 ROM addresses.
#![no_std]

extern crate alloc;

#[path = "../../src/flash.rs"]
mod flash;

pub use flash::{mount, Esp8266Rom};
