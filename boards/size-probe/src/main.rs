//! Size probe: the smallest firmware a thumbv6m board could ship with the core's REPL and
//! compiler (REPL + compiler + VM + object model, modules sys, gc, micropython). Without
//! features it is the minimal profile (no float, no big ints, as MicroPython's minimal ports);
//! feature `full` adds float and bigint as the boards build them. `cargo xtask size core`
//! builds both with the release profile and reports their `.text` against the 160 KB target.
//!
//! The port talks to one UART-like register block so that nothing the interpreter does is
//! optimised away, but no chip HAL is linked: what is measured is the core.
#![no_std]
#![no_main]

use core::ptr::{addr_of_mut, read_volatile, write_volatile};
use cortex_m_rt::entry;
use mpy_board_common::panic::PanicConsole;
use mpy_core::port::Port;

/// A UART-like peripheral: transmit, receive-ready, receive and a free-running microsecond
/// counter (addresses of an nRF51's UART0 and TIMER0 capture, for realism only).
const TXD: *mut u32 = 0x4000_251C as *mut u32;
const RX_READY: *mut u32 = 0x4000_2108 as *mut u32;
const RXD: *mut u32 = 0x4000_2518 as *mut u32;
const MICROS: *mut u32 = 0x4000_8540 as *mut u32;

const HEAP_SIZE: usize = 16 * 1024;
const STACK_SIZE: usize = 8 * 1024;

static mut HEAP: [u8; HEAP_SIZE] = [0; HEAP_SIZE];

fn uart_write(data: &[u8]) {
    for &b in data {
        // SAFETY: TXD is the probe's fixed MMIO transmit register; a volatile word write is how
        // the peripheral is driven.
        unsafe { write_volatile(TXD, u32::from(b)) }
    }
}

fn micros() -> u32 {
    // SAFETY: MICROS is the probe's fixed MMIO counter register; reading it has no side effects.
    unsafe { read_volatile(MICROS) }
}

fn stop() -> ! {
    cortex_m::peripheral::SCB::sys_reset()
}

struct ProbePort;

impl Port for ProbePort {
    fn write(&mut self, data: &[u8]) {
        uart_write(data)
    }

    fn read_byte(&mut self) -> Option<u8> {
        // SAFETY: fixed MMIO registers of the probe's UART; reading RXD consumes the byte that
        // RX_READY announced.
        unsafe {
            if read_volatile(RX_READY) == 0 {
                return None;
            }
            write_volatile(RX_READY, 0);
            Some(read_volatile(RXD) as u8)
        }
    }

    fn ticks_ms(&self) -> u32 {
        micros() / 1000
    }

    fn ticks_us(&self) -> u32 {
        micros()
    }

    fn delay_us(&mut self, us: u32) {
        let start = micros();
        while micros().wrapping_sub(start) < us {}
    }
}

#[entry]
fn main() -> ! {
    mpy_board_common::panic::set_console(PanicConsole {
        write: uart_write,
        stop,
    });
    // SAFETY: `main` runs once and this is the only place HEAP is named, so the exclusive
    // 'static borrow is unique.
    let heap: &'static mut [u8] = unsafe { &mut *addr_of_mut!(HEAP) };
    let (rust_heap, interpreter_heap) = heap.split_at_mut(HEAP_SIZE / 4);
    mpy_board_common::heap::init(rust_heap);
    let board = mpy_core::embed::BoardInfo {
        board_name: "size probe",
        mcu: "thumbv6m",
        stack_size: STACK_SIZE,
        modules: mpy_modules::ALL,
        frozen: &[],
    };
    mpy_core::repl::run(&mut ProbePort, interpreter_heap, &board)
}
