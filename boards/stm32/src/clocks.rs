//! System clock setup.
//!
//! Hardware: HSE (pyboard: 12 MHz crystal) -> PLL -> 168 MHz SYSCLK, 48 MHz for USB,
//! APB1 = 42 MHz, APB2 = 84 MHz. QEMU's netduinoplus2 does not model RCC (reads give 0, writes
//! are dropped), so waiting for HSERDY/PLLRDY would hang; there the chip stays on its reset clock
//! and QEMU runs the core (and SysTick) at a fixed 168 MHz.

use crate::pac;

/// HSE crystal frequency of pyboard v1.x.
const HSE_HZ: u32 = 12_000_000;
/// Reset clock (internal RC oscillator).
const HSI_HZ: u32 = 16_000_000;
/// What QEMU's STM32F405 model clocks the core and SysTick with.
const QEMU_CORE_HZ: u32 = 168_000_000;
/// Polls of a ready flag before giving up on an oscillator (a few ms at 16 MHz).
const READY_POLLS: u32 = 100_000;

#[derive(Clone, Copy, Debug)]
pub struct Clocks {
    pub pclk1_hz: u32,
    pub pclk2_hz: u32,
    /// SysTick input (processor clock).
    pub systick_hz: u32,
}

impl Clocks {
    const RESET: Clocks = Clocks {
        pclk1_hz: HSI_HZ,
        pclk2_hz: HSI_HZ,
        systick_hz: HSI_HZ,
    };
}

pub fn init(rcc: &pac::RCC, flash: &pac::FLASH) -> Clocks {
    // On real silicon HSI is on and ready out of reset (CR reads 0x83); an all-zero CR means the
    // RCC is not modelled.
    if rcc.cr().read().hsirdy().bit_is_clear() {
        return Clocks {
            systick_hz: QEMU_CORE_HZ,
            ..Clocks::RESET
        };
    }
    rcc.cr().modify(|_, w| w.hseon().on());
    if !wait_for(|| rcc.cr().read().hserdy().is_ready()) {
        // No crystal fitted or it failed to start: stay on HSI so the console still works.
        rcc.cr().modify(|_, w| w.hseon().off());
        return Clocks::RESET;
    }
    // 12 MHz / M=12 = 1 MHz VCO input; x N=336 = 336 MHz; / P=2 = 168 MHz; / Q=7 = 48 MHz.
    rcc.pllcfgr().write(|w| {
        w.pllsrc().hse();
        w.pllp().div2();
        // SAFETY: M = 12, N = 336, Q = 7 are within the reference manual's ranges
        // (M 2..63, N 50..432, Q 2..15) and give the frequencies above.
        unsafe {
            w.pllm()
                .bits((HSE_HZ / 1_000_000) as u8)
                .plln()
                .bits(336)
                .pllq()
                .bits(7)
        }
    });
    rcc.cr().modify(|_, w| w.pllon().on());
    if !wait_for(|| rcc.cr().read().pllrdy().is_ready()) {
        rcc.cr().modify(|_, w| w.pllon().off().hseon().off());
        return Clocks::RESET;
    }
    // 168 MHz at 3.3 V needs 5 flash wait states; enable prefetch and caches.
    flash.acr().modify(|_, w| {
        w.latency().ws5();
        w.prften().enabled();
        w.icen().enabled();
        w.dcen().enabled()
    });
    while flash.acr().read().latency().bits() != 5 {}
    rcc.cfgr()
        .modify(|_, w| w.hpre().div1().ppre1().div4().ppre2().div2());
    rcc.cfgr().modify(|_, w| w.sw().pll());
    while !rcc.cfgr().read().sws().is_pll() {}
    Clocks {
        pclk1_hz: 42_000_000,
        pclk2_hz: 84_000_000,
        systick_hz: 168_000_000,
    }
}

fn wait_for(ready: impl Fn() -> bool) -> bool {
    (0..READY_POLLS).any(|_| ready())
}
