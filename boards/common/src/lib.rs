//! Board support shared by every micropython-rs firmware.
//!
//! Each board crate brings up its clocks and console UART, implements [`mpy_core::port::Port`],
//! and then hands the port to the interpreter (`mpy_core::repl::run`). The pieces here are the
//! ones that do not depend on the chip: the interrupt-fed console input queue, the panic handler,
//! and the Rust heap.
#![no_std]

pub mod generated;
#[cfg(feature = "global-allocator")]
pub mod heap;
pub mod panic;
pub mod rx_queue;

pub use rx_queue::RxQueue;
