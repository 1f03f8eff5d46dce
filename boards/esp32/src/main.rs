//! micropython-rs firmware for ESP32 boards (Xtensa LX6), on esp-hal.
//!
//! Boot (after the ESP-IDF second-stage bootloader): esp-hal init (clocks, watchdogs) ->
//! console UART -> heap -> interpreter. All of it is shared with the ESP32-C3 crate: see
//! boards/esp-common/src/firmware.rs.
//!
//! Not buildable with the stable toolchain: Xtensa needs the esp Rust fork (`espup install`,
//! target `xtensa-esp32-none-elf`, `cargo +esp build`).
#![no_std]
#![no_main]

mpy_board_esp::board_main!();
