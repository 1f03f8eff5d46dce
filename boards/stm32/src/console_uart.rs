//! Console USART, selected by `CONSOLE_UART` (1, 2, 3 or 6) on the `CONSOLE_TX`/`CONSOLE_RX` pins.
//!
//! TX is polled (blocking). RX is interrupt-driven into [`RX`], so input typed while Python
//! runs is kept. Register access goes through the PAC (no HAL): the pin and USART are chosen
//! from board_config constants, which HAL's per-pin types cannot express without a table of
//! every combination.

use crate::board_config::{CONSOLE_RX, CONSOLE_TX, CONSOLE_UART};
use crate::clocks::Clocks;
use crate::gpio;
use crate::pac::{self, interrupt, usart1};
use mpy_board_common::rx_queue::SharedRxQueue;

/// Console baud rate (MicroPython's REPL default).
const BAUD: u32 = 115_200;

/// Bytes received but not yet read by the interpreter.
pub static RX: SharedRxQueue<256> = SharedRxQueue::new();

/// One of the USARTs that share the `usart1` register layout.
struct Usart {
    regs: *const usart1::RegisterBlock,
    irq: pac::Interrupt,
    /// On APB2 (else APB1).
    on_apb2: bool,
    /// Clock-enable bit in APBxENR.
    enable_bit: u8,
    /// GPIO alternate function of its TX/RX pins.
    af: u8,
}

const fn select(n: u8) -> Usart {
    match n {
        1 => Usart {
            regs: pac::USART1::ptr(),
            irq: pac::Interrupt::USART1,
            on_apb2: true,
            enable_bit: 4,
            af: 7,
        },
        2 => Usart {
            regs: pac::USART2::ptr(),
            irq: pac::Interrupt::USART2,
            on_apb2: false,
            enable_bit: 17,
            af: 7,
        },
        3 => Usart {
            regs: pac::USART3::ptr(),
            irq: pac::Interrupt::USART3,
            on_apb2: false,
            enable_bit: 18,
            af: 7,
        },
        6 => Usart {
            regs: pac::USART6::ptr(),
            irq: pac::Interrupt::USART6,
            on_apb2: true,
            enable_bit: 5,
            af: 8,
        },
        _ => panic!("CONSOLE_UART must be 1, 2, 3 or 6 (UART4/5 have another register layout)"),
    }
}

const CONSOLE: Usart = select(CONSOLE_UART);
const TX_PIN: gpio::Pin = gpio::parse(CONSOLE_TX);
const RX_PIN: gpio::Pin = gpio::parse(CONSOLE_RX);

fn regs() -> &'static usart1::RegisterBlock {
    // SAFETY: a fixed, always-mapped MMIO block; its registers are only accessed through the
    // PAC's volatile accessors.
    unsafe { &*CONSOLE.regs }
}

pub fn init(rcc: &pac::RCC, clocks: &Clocks) {
    let (enr, pclk) = if CONSOLE.on_apb2 {
        (rcc.apb2enr(), clocks.pclk2_hz)
    } else {
        // Same register layout trick is not possible (distinct types), so handle APB1 inline.
        rcc.apb1enr().modify(|r, w| {
            // SAFETY: sets only this USART's enable bit.
            unsafe { w.bits(r.bits() | (1 << CONSOLE.enable_bit)) }
        });
        return finish_init(rcc, clocks.pclk1_hz);
    };
    enr.modify(|r, w| {
        // SAFETY: sets only this USART's enable bit.
        unsafe { w.bits(r.bits() | (1 << CONSOLE.enable_bit)) }
    });
    finish_init(rcc, pclk)
}

fn finish_init(rcc: &pac::RCC, pclk_hz: u32) {
    gpio::set_alternate(rcc, TX_PIN, CONSOLE.af);
    gpio::set_alternate(rcc, RX_PIN, CONSOLE.af);
    let usart = regs();
    // Oversampling by 16: BRR = pclk / baud, mantissa in bits 4.., fraction in bits 0..4.
    let div = (pclk_hz + BAUD / 2) / BAUD;
    usart.brr().write(|w| {
        w.div_mantissa()
            .set((div >> 4) as u16)
            .div_fraction()
            .set((div & 0xf) as u8)
    });
    usart.cr1().write(|w| {
        w.ue()
            .enabled()
            .te()
            .enabled()
            .re()
            .enabled()
            .rxneie()
            .enabled()
    });
    // SAFETY: the handler only touches this USART and the RX queue (behind a critical section).
    unsafe { cortex_m::peripheral::NVIC::unmask(CONSOLE.irq) };
}

/// Writes `data`, waiting for the transmit register each byte. Works with interrupts off, so
/// the panic handler can use it.
pub fn write_blocking(data: &[u8]) {
    let usart = regs();
    for &byte in data {
        while usart.sr().read().txe().bit_is_clear() {}
        usart.dr().write(|w| w.dr().set(u16::from(byte)));
    }
}

/// Moves every received byte into [`RX`]. Reading SR then DR also clears an overrun.
fn on_interrupt() {
    let usart = regs();
    loop {
        let sr = usart.sr().read();
        if sr.rxne().bit_is_clear() && sr.ore().bit_is_clear() {
            break;
        }
        let byte = usart.dr().read().dr().bits() as u8;
        RX.push(byte);
    }
}

// Only the console USART's interrupt is unmasked; all four handlers route to the one driver.
#[interrupt]
fn USART1() {
    on_interrupt()
}
#[interrupt]
fn USART2() {
    on_interrupt()
}
#[interrupt]
fn USART3() {
    on_interrupt()
}
#[interrupt]
fn USART6() {
    on_interrupt()
}
