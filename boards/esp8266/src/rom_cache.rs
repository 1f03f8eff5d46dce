//! The flash cache switches of the ESP8266 mask ROM: `Cache_Read_Enable` maps flash for
//! instruction fetch at 0x4020_0000, `Cache_Read_Disable` unmaps it. Used by the reset path
//! (`start.rs`: the ROM bootloader leaves the cache off) and around the ROM's flash commands
//! (`flash.rs`). No PAC here, so `boards/esp8266/host-check` type-checks this file.
//!
//! Sources: addresses from `ld/eagle.rom.addr.v6.ld` of Espressif's ESP8266_NONOS_SDK; the
//! arguments `(0, 0, 1)` are the SDK start-up code's (as reimplemented in esp-open-rtos
//! `core/app_main.c`: `Cache_Read_Enable(0, 0, 1)`, then "can load irom now"). The first two
//! select the first megabyte of flash (which 1 MB half of which 2 MB block), the third a 32 KB
//! instruction cache (ESP8266 RTOS SDK `SOC_CACHE_SIZE`: 1 = 32 KB, 0 = 16 KB), which takes
//! IRAM 0x4010_8000..0x4011_0000; the generated memory.x leaves code the 32 KB below it
//! (xtask/src/esp8266_map.rs).
//!
//! esp8266-hal 0.5.1 (`flash/cache.rs`) sets the DPORT/SPI0 cache registers itself instead; the
//! ROM routine is used here so that the reset path and the flash driver map flash the same way.

use core::mem::transmute;

/// `void Cache_Read_Enable(uint8 odd_even, uint8 mb_count, uint8 cache_size)`.
const CACHE_READ_ENABLE: usize = 0x4000_4678;
/// `void Cache_Read_Disable(void)`.
const CACHE_READ_DISABLE: usize = 0x4000_47f0;

type CacheEnableFn = unsafe extern "C" fn(u32, u32, u32);
type CacheDisableFn = unsafe extern "C" fn();

/// Maps the first megabyte of flash at 0x4020_0000 (where xtask's image puts irom0, at flash
/// offset 0x1_0000) through a 32 KB instruction cache.
///
/// # Safety
/// Called from IRAM code (`.rwtext`) while the cache is off; the SPI flash must be idle.
#[inline(always)]
pub unsafe fn map_first_megabyte() {
    let enable = transmute::<usize, CacheEnableFn>(CACHE_READ_ENABLE);
    enable(0, 0, 1);
}

/// Unmaps flash: until [`map_first_megabyte`], nothing may run from or read 0x4020_0000+.
///
/// # Safety
/// Called from IRAM code (`.rwtext`) with interrupts masked (their handlers may be in flash).
#[inline(always)]
pub unsafe fn unmap() {
    let disable = transmute::<usize, CacheDisableFn>(CACHE_READ_DISABLE);
    disable();
}
