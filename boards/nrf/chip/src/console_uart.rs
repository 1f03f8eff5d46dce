//! Console on UART0: TX polled, RX interrupt-driven into [`RX`] so bytes typed while Python
//! runs are kept (the hardware RX FIFO holds only 6 bytes).
//!
//! Plain PAC register access rather than nrf-hal's UART driver: the same code serves both
//! chips and runs in QEMU's micro:bit model, which needs the RXDRDY event cleared before RXD
//! is read (see the QEMU notes).

use crate::pac::{self, interrupt};
use crate::pins;
use mpy_board_common::rx_queue::SharedRxQueue;

/// Bytes received but not yet read by the interpreter.
pub static RX: SharedRxQueue<256> = SharedRxQueue::new();

#[cfg(feature = "nrf51")]
const UART_IRQ: pac::Interrupt = pac::Interrupt::UART0;
#[cfg(feature = "nrf52833")]
const UART_IRQ: pac::Interrupt = pac::Interrupt::UARTE0_UART0;

/// ENABLE value that selects the legacy UART.
const ENABLE_UART: u32 = 4;
/// Set in a PSEL register to leave the function disconnected.
#[cfg(feature = "nrf52833")]
const PSEL_DISCONNECTED: u32 = 1 << 31;

fn uart() -> &'static pac::uart0::RegisterBlock {
    // SAFETY: UART0 is a fixed, always-mapped MMIO block owned by this driver; registers are
    // accessed through the PAC's volatile accessors.
    unsafe { &*pac::UART0::ptr() }
}

/// Sets up UART0 at 115200 8N1 on `tx`/`rx` (absolute pin numbers, see [`pins::parse`]).
pub fn init(tx: u8, rx: u8) {
    pins::output_high(tx);
    pins::input_pull_up(rx);
    let uart = uart();
    #[cfg(feature = "nrf51")]
    {
        // SAFETY: pin numbers 0..31 (checked by pins::parse at compile time).
        uart.pseltxd.write(|w| unsafe { w.bits(u32::from(tx)) });
        uart.pselrxd.write(|w| unsafe { w.bits(u32::from(rx)) });
    }
    #[cfg(feature = "nrf52833")]
    {
        // SAFETY: PIN is bits 0..4, PORT bit 5: exactly `port * 32 + pin`; CONNECT (bit 31) clear.
        uart.psel.txd.write(|w| unsafe { w.bits(u32::from(tx)) });
        uart.psel.rxd.write(|w| unsafe { w.bits(u32::from(rx)) });
        // SAFETY: flow control pins unused: the documented "disconnected" value.
        uart.psel
            .rts
            .write(|w| unsafe { w.bits(PSEL_DISCONNECTED) });
        uart.psel
            .cts
            .write(|w| unsafe { w.bits(PSEL_DISCONNECTED) });
    }
    uart.baudrate.write(|w| w.baudrate().baud115200());
    // SAFETY: 4 is the documented ENABLE value for the UART.
    uart.enable.write(|w| unsafe { w.bits(ENABLE_UART) });
    clear_event(&uart.events_rxdrdy);
    uart.intenset.write(|w| w.rxdrdy().set_bit());
    trigger(&uart.tasks_starttx);
    trigger(&uart.tasks_startrx);
    // SAFETY: the handler only touches UART0 and the RX queue (behind a critical section).
    unsafe { cortex_m::peripheral::NVIC::unmask(UART_IRQ) };
}

/// Writes `data`, waiting for each byte to leave. Works with interrupts off, so the panic
/// handler can use it.
pub fn write_blocking(data: &[u8]) {
    let uart = uart();
    for &byte in data {
        clear_event(&uart.events_txdrdy);
        // SAFETY: TXD takes any 8-bit value.
        uart.txd.write(|w| unsafe { w.txd().bits(byte) });
        while uart.events_txdrdy.read().bits() == 0 {}
    }
}

fn on_interrupt() {
    let uart = uart();
    while uart.events_rxdrdy.read().bits() != 0 {
        // Clear the event before reading RXD: reading RXD pulls the next FIFO byte, which
        // raises RXDRDY again; clearing afterwards would lose that notification.
        clear_event(&uart.events_rxdrdy);
        RX.push(uart.rxd.read().rxd().bits());
    }
}

#[cfg(feature = "nrf51")]
#[interrupt]
fn UART0() {
    on_interrupt()
}

#[cfg(feature = "nrf52833")]
#[interrupt]
fn UARTE0_UART0() {
    on_interrupt()
}

/// Events and tasks are plain 32-bit registers; these helpers hide the PACs' differing writers.
fn clear_event<R>(event: &pac::generic::Reg<R>)
where
    R: pac::generic::RegisterSpec<Ux = u32> + pac::generic::Writable + pac::generic::Resettable,
{
    // SAFETY: writing 0 to an EVENTS register clears the event.
    event.write(|w| unsafe { w.bits(0) });
}

fn trigger<R>(task: &pac::generic::Reg<R>)
where
    R: pac::generic::RegisterSpec<Ux = u32> + pac::generic::Writable + pac::generic::Resettable,
{
    // SAFETY: writing 1 to a TASKS register starts the task.
    task.write(|w| unsafe { w.bits(1) });
}
