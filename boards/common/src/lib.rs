//! Board support shared by every micropython-rs firmware.
//!
//! Each board crate brings up its clocks and console UART, implements [`mpy_core::port::Port`],
//! and then hands the port to the interpreter. The pieces here are the ones that do not depend on
//! the chip: the interrupt-fed console input queue, the board description printed in the banner,
//! the panic handler, and the Rust heap.
#![no_std]

pub mod board_info;
pub mod bringup;
#[cfg(feature = "global-allocator")]
pub mod heap;
pub mod panic;
pub mod rx_queue;

pub use board_info::BoardInfo;
pub use bringup::bringup_console_check;
pub use rx_queue::RxQueue;
