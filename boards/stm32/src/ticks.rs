//! Time since boot from SysTick: a 1 kHz interrupt counts milliseconds, the current SysTick
//! value gives the microseconds within the millisecond.

use core::sync::atomic::{AtomicU32, Ordering};
use cortex_m::peripheral::{syst::SystClkSource, SYST};
use cortex_m_rt::exception;

static MILLIS: AtomicU32 = AtomicU32::new(0);
/// SysTick counts per microsecond (set once in `start`).
static TICKS_PER_US: AtomicU32 = AtomicU32::new(1);

pub fn start(syst: &mut SYST, core_hz: u32) {
    TICKS_PER_US.store((core_hz / 1_000_000).max(1), Ordering::Relaxed);
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(core_hz / 1000 - 1);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
}

#[exception]
fn SysTick() {
    MILLIS.fetch_add(1, Ordering::Relaxed);
}

pub fn millis() -> u32 {
    MILLIS.load(Ordering::Relaxed)
}

/// Microseconds since boot (wrapping at 2^32).
pub fn micros() -> u32 {
    let per_us = TICKS_PER_US.load(Ordering::Relaxed);
    let reload = SYST::get_reload();
    loop {
        let ms = MILLIS.load(Ordering::Relaxed);
        let current = SYST::get_current();
        // Retry if the millisecond interrupt ran between the two reads.
        if ms == MILLIS.load(Ordering::Relaxed) {
            return ms
                .wrapping_mul(1000)
                .wrapping_add((reload - current) / per_us);
        }
    }
}

pub fn busy_wait_us(us: u32) {
    let start = micros();
    while micros().wrapping_sub(start) < us {}
}
