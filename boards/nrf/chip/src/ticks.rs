//! Time since boot from TIMER0 at 1 MHz: a compare every 1000 counts (cleared by a shortcut)
//! interrupts to count milliseconds; a capture gives the microseconds within the millisecond.
//! nRF51 has no SysTick, so both chips use the timer.

use crate::pac::{self, interrupt};
use core::sync::atomic::{AtomicU32, Ordering};

static MILLIS: AtomicU32 = AtomicU32::new(0);

/// Compare channel that ends each millisecond.
const MS_CHANNEL: usize = 0;
/// Channel used to capture the running count.
const CAPTURE_CHANNEL: usize = 1;

fn timer() -> &'static pac::timer0::RegisterBlock {
    // SAFETY: TIMER0 is a fixed, always-mapped MMIO block owned by this module.
    unsafe { &*pac::TIMER0::ptr() }
}

pub fn start() {
    let t = timer();
    t.mode.write(|w| w.mode().timer());
    t.bitmode.write(|w| w.bitmode()._32bit());
    // SAFETY: 16 MHz / 2^4 = 1 MHz; PRESCALER accepts 0..9.
    t.prescaler.write(|w| unsafe { w.prescaler().bits(4) });
    // SAFETY: any 32-bit compare value is valid.
    t.cc[MS_CHANNEL].write(|w| unsafe { w.bits(1000) });
    t.shorts.write(|w| w.compare0_clear().enabled());
    t.intenset.write(|w| w.compare0().set());
    // SAFETY: the handler only touches TIMER0's compare event and an atomic counter.
    unsafe { cortex_m::peripheral::NVIC::unmask(pac::Interrupt::TIMER0) };
    // SAFETY: writing 1 to a TASKS register starts the task.
    t.tasks_clear.write(|w| unsafe { w.bits(1) });
    t.tasks_start.write(|w| unsafe { w.bits(1) });
}

#[interrupt]
fn TIMER0() {
    // SAFETY: writing 0 to an EVENTS register clears the event.
    timer().events_compare[MS_CHANNEL].write(|w| unsafe { w.bits(0) });
    // Load + store, not fetch_add: Cortex-M0 has no atomic read-modify-write, and this
    // handler is the only writer.
    MILLIS.store(
        MILLIS.load(Ordering::Relaxed).wrapping_add(1),
        Ordering::Relaxed,
    );
}

pub fn millis() -> u32 {
    MILLIS.load(Ordering::Relaxed)
}

/// Microseconds since boot (wrapping at 2^32).
pub fn micros() -> u32 {
    let t = timer();
    loop {
        let ms = MILLIS.load(Ordering::Relaxed);
        // SAFETY: writing 1 to a TASKS register starts the task (copy the counter into CC).
        t.tasks_capture[CAPTURE_CHANNEL].write(|w| unsafe { w.bits(1) });
        let within = t.cc[CAPTURE_CHANNEL].read().bits();
        // Retry if the millisecond interrupt ran between the two reads.
        if ms == MILLIS.load(Ordering::Relaxed) {
            return ms.wrapping_mul(1000).wrapping_add(within.min(999));
        }
    }
}

pub fn busy_wait_us(us: u32) {
    let start = micros();
    while micros().wrapping_sub(start) < us {}
}
