//! micropython-rs firmware for the BBC micro:bit v1 (nRF51822).
//!
//! Everything but the chip choice (the `mpy-board-nrf` feature in Cargo.toml) and the generated
//! board config is shared with the other micro:bit: see boards/nrf/chip/src/firmware.rs.
#![no_std]
#![no_main]

mpy_board_nrf::board_main!();
