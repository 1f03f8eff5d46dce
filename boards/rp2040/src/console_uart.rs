//! Console UART (`CONSOLE_UART` 0 or 1 on the `CONSOLE_TX`/`CONSOLE_RX` pins, "GP0" style).
//!
//! TX is polled (blocking). RX is interrupt-driven into the shared console queue so input typed
//! while Python runs is kept. PAC register access: the UART and pins come from board_config
//! constants, which the HAL's per-pin types cannot take.

use crate::board_config::{CONSOLE_RX, CONSOLE_TX, CONSOLE_UART};
use crate::usb_console::RX;
use rp2040_hal::pac::{self, interrupt, uart0};

const BAUD: u32 = 115_200;
/// IO_BANK0 FUNCSEL value for UART on every GPIO.
const FUNCSEL_UART: u8 = 2;

struct Uart {
    regs: *const uart0::RegisterBlock,
    irq: pac::Interrupt,
}

const fn select(n: u8) -> Uart {
    match n {
        0 => Uart {
            regs: pac::UART0::PTR,
            irq: pac::Interrupt::UART0_IRQ,
        },
        1 => Uart {
            regs: pac::UART1::PTR,
            irq: pac::Interrupt::UART1_IRQ,
        },
        _ => panic!("CONSOLE_UART must be 0 or 1"),
    }
}

const CONSOLE: Uart = select(CONSOLE_UART);
const TX_PIN: usize = parse_gpio(CONSOLE_TX);
const RX_PIN: usize = parse_gpio(CONSOLE_RX);

/// Parses "GP0".."GP29". Used in const context: a bad name is a compile error.
const fn parse_gpio(name: &str) -> usize {
    let b = name.as_bytes();
    assert!(
        b.len() >= 3 && b.len() <= 4 && b[0] == b'G' && b[1] == b'P',
        "pin must look like GP0"
    );
    let mut n = 0usize;
    let mut i = 2;
    while i < b.len() {
        assert!(b[i].is_ascii_digit(), "pin number must be decimal");
        n = n * 10 + (b[i] - b'0') as usize;
        i += 1;
    }
    assert!(n < 30, "RP2040 has GP0..GP29");
    n
}

fn regs() -> &'static uart0::RegisterBlock {
    // SAFETY: a fixed, always-mapped MMIO block owned by this driver; registers are accessed
    // through the PAC's volatile accessors.
    unsafe { &*CONSOLE.regs }
}

pub fn init(resets: &pac::RESETS, io: &pac::IO_BANK0, pads: &pac::PADS_BANK0, clk_peri_hz: u32) {
    // Take the UART and the GPIO banks out of reset.
    resets.reset().modify(|_, w| {
        let w = w.io_bank0().clear_bit().pads_bank0().clear_bit();
        if CONSOLE_UART == 0 {
            w.uart0().clear_bit()
        } else {
            w.uart1().clear_bit()
        }
    });
    while resets.reset_done().read().io_bank0().bit_is_clear() || !uart_reset_done(resets) {}

    for pin in [TX_PIN, RX_PIN] {
        pads.gpio(pin)
            .modify(|_, w| w.ie().set_bit().od().clear_bit());
        // SAFETY: FUNCSEL 2 selects the UART function (RP2040 datasheet, GPIO function table).
        io.gpio(pin)
            .gpio_ctrl()
            .write(|w| unsafe { w.funcsel().bits(FUNCSEL_UART) });
    }

    let uart = regs();
    // Baud divisor in 1/64ths: 64 * clk / (16 * baud), rounded.
    let div64 = (8 * clk_peri_hz / BAUD).div_ceil(2);
    // SAFETY: IBRD is 16 bits, FBRD 6 bits; 125 MHz / 115200 gives IBRD 67, FBRD 52.
    uart.uartibrd()
        .write(|w| unsafe { w.baud_divint().bits((div64 >> 6) as u16) });
    uart.uartfbrd()
        .write(|w| unsafe { w.baud_divfrac().bits((div64 & 0x3f) as u8) });
    // 8N1 with FIFOs; writing LCR_H also latches the divisors.
    // SAFETY: WLEN 3 = 8 data bits.
    uart.uartlcr_h()
        .write(|w| unsafe { w.wlen().bits(3).fen().set_bit() });
    uart.uartcr()
        .write(|w| w.uarten().set_bit().txe().set_bit().rxe().set_bit());
    // RX level and RX timeout interrupts: bytes below the FIFO threshold still get picked up.
    uart.uartimsc()
        .write(|w| w.rxim().set_bit().rtim().set_bit());
    // SAFETY: the handler only touches this UART and the RX queue (behind a critical section).
    unsafe { cortex_m::peripheral::NVIC::unmask(CONSOLE.irq) };
}

fn uart_reset_done(resets: &pac::RESETS) -> bool {
    let done = resets.reset_done().read();
    if CONSOLE_UART == 0 {
        done.uart0().bit_is_set()
    } else {
        done.uart1().bit_is_set()
    }
}

/// Writes `data`, waiting while the TX FIFO is full. Works with interrupts off, so the panic
/// handler can use it.
pub fn write_blocking(data: &[u8]) {
    let uart = regs();
    for &byte in data {
        while uart.uartfr().read().txff().bit_is_set() {}
        // SAFETY: DATA takes any 8-bit value.
        uart.uartdr().write(|w| unsafe { w.data().bits(byte) });
    }
}

fn on_interrupt() {
    let uart = regs();
    while uart.uartfr().read().rxfe().bit_is_clear() {
        RX.push(uart.uartdr().read().data().bits());
    }
}

// Only the console UART's interrupt is unmasked; both handlers route to the one driver.
#[interrupt]
fn UART0_IRQ() {
    on_interrupt()
}
#[interrupt]
fn UART1_IRQ() {
    on_interrupt()
}
