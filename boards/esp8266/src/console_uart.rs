//! Console on UART0 (GPIO1 TX, GPIO3 RX: the pins the ROM bootloader uses), 115200 8N1.
//! RX is polled from the 128-byte hardware FIFO into [`RX`].

use esp8266::{uart0, UART0};
use mpy_board_common::rx_queue::SharedRxQueue;

/// APB clock feeding the UART after the ROM bootloader (80 MHz CPU / APB).
const APB_HZ: u32 = 80_000_000;
const BAUD: u32 = 115_200;
const TX_FIFO_DEPTH: u8 = 128;

/// Bytes received but not yet read by the interpreter.
pub static RX: SharedRxQueue<256> = SharedRxQueue::new();

fn uart() -> &'static uart0::RegisterBlock {
    // SAFETY: UART0 is a fixed, always-mapped MMIO block owned by this driver.
    unsafe { &*UART0::PTR }
}

pub fn init() {
    // The ROM leaves UART0 routed to GPIO1/GPIO3 at 74880 baud (26 MHz crystal); set 115200.
    // SAFETY: CLKDIV holds the APB-cycles-per-bit divider (20 bits); 80 MHz / 115200 = 694.
    uart()
        .uart_clkdiv
        .write(|w| unsafe { w.uart_clkdiv().bits(APB_HZ / BAUD) });
}

pub fn write_blocking(data: &[u8]) {
    let uart = uart();
    for &byte in data {
        while uart.uart_status.read().txfifo_cnt().bits() >= TX_FIFO_DEPTH {}
        // SAFETY: writing the FIFO register queues one byte for transmission.
        uart.uart_fifo
            .write(|w| unsafe { w.rxfifo_rd_byte().bits(byte) });
    }
}

pub fn poll_rx() {
    let uart = uart();
    while uart.uart_status.read().rxfifo_cnt().bits() > 0 {
        RX.push(uart.uart_fifo.read().rxfifo_rd_byte().bits());
    }
}
