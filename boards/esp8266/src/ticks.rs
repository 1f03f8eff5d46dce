//! Microseconds since boot from the CPU cycle counter (CCOUNT at 80 MHz), extended to 64 bits
//! in software. CCOUNT wraps every ~53 s, so a wrap is only seen if time is read at least that
//! often (the REPL's idle loop does).

use core::cell::Cell;
use critical_section::Mutex;

const CPU_HZ_PER_US: u64 = 80;

/// (last CCOUNT seen, cycles accumulated up to it)
static CLOCK: Mutex<Cell<(u32, u64)>> = Mutex::new(Cell::new((0, 0)));

pub fn micros64() -> u64 {
    critical_section::with(|cs| {
        let cell = CLOCK.borrow(cs);
        let (last, total) = cell.get();
        let now = xtensa_lx::timer::get_cycle_count();
        let total = total + u64::from(now.wrapping_sub(last));
        cell.set((now, total));
        total / CPU_HZ_PER_US
    })
}
