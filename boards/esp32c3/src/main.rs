//! micropython-rs firmware for ESP32-C3 boards (RISC-V), on esp-hal.
//!
//! Boot (after the ESP-IDF second-stage bootloader): esp-hal init (clocks, watchdogs) ->
//! console UART -> heap -> interpreter. All of it is shared with the ESP32 crate: see
//! boards/esp-common/src/firmware.rs.
#![no_std]
#![no_main]

mpy_board_esp::board_main!();
