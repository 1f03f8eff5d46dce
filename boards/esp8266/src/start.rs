//! The firmware's entry point: where the ROM bootloader jumps after loading the image's RAM
//! segments (the ELF entry, set by `ENTRY(mpy_esp8266_start)` in the generated memory.x).
//!
//! Why not xtensa-lx-rt's own `Reset`: the ROM bootloader leaves the flash cache off, so code at
//! 0x4020_0000+ (irom0) cannot run yet, and xtensa-lx-rt 0.11 puts `Reset` in `.text`, which
//! its `link.x` places in ROTEXT, i.e. in flash. Its hook `__pre_init` (`#[pre_init]`) is
//! called from that `Reset`, so it is too late as well. This function lives in `.rwtext`
//! (IRAM, loaded by the ROM), turns the cache on by calling only mask-ROM code, and then calls
//! `Reset`, which zeroes .bss, initialises .data, sets VECBASE to the vectors and calls `main`.
//! esp8266-hal 0.5.1's `ESP8266Reset` is the same arrangement.
//!
//! The stack is the one the ROM bootloader runs on (top of the ROM's data RAM, below
//! 0x4000_0000); xtensa-lx-rt 0.11's `Reset` does not set one either. The manifest's
//! `stack_size` (8 KB, what MicroPython's ESP8266 port allows on the same stack) bounds how deep
//! the interpreter lets it grow.
//!
//! No PAC or xtensa-lx-rt item is named here (`Reset` is declared by its symbol), so
//! `boards/esp8266/host-check` type-checks this file.

use crate::rom_cache;

extern "C" {
    /// xtensa-lx-rt 0.11's reset handler (`src/lib.rs`: `#[no_mangle] pub unsafe extern "C"
    /// fn Reset() -> !`), in flash.
    fn Reset() -> !;
}

/// # Safety
/// Only the ROM bootloader calls this, once, with the flash cache off.
#[no_mangle]
#[link_section = ".rwtext"]
pub unsafe extern "C" fn mpy_esp8266_start() -> ! {
    // SAFETY: this runs from IRAM with the cache off, as map_first_megabyte requires, and the
    // ROM bootloader has finished its flash reads. Reset is called only once flash is mapped.
    unsafe {
        rom_cache::map_first_megabyte();
        Reset()
    }
}
