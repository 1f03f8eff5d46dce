//! critical-section implementation for the single-core ESP8266: mask all interrupts.

struct SingleCore;
critical_section::set_impl!(SingleCore);

// SAFETY: single core; `acquire` masks every interrupt level and `release` restores the exact
// previous state, so nothing can run inside the section.
unsafe impl critical_section::Impl for SingleCore {
    unsafe fn acquire() -> critical_section::RawRestoreState {
        // Clears INTENABLE and returns its previous value.
        xtensa_lx::interrupt::disable()
    }

    unsafe fn release(mask: critical_section::RawRestoreState) {
        // SAFETY: writes back exactly the INTENABLE value `acquire` saved.
        unsafe { xtensa_lx::interrupt::set_mask(mask) };
    }
}
