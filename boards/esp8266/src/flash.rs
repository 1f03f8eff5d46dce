//! The ESP8266's SPI flash through its mask ROM's flash routines: the [`WordRom`] under
//! `mpy_board_common::rom_flash`, which holds the logic (region and range checks, the aligned
//! bounce buffer, page splitting, read-back, error mapping), tested on the host against a
//! simulated ROM. This file only calls the ROM, and is NEVER COMPILED in this repository (no
//! Xtensa toolchain here).
//!
//! No PAC here (the board says whether the flash cache is on), so the host type-checks this
//! file: `boards/esp8266/host-check`.
//!
//! Sources (addresses and signatures; no code copied):
//! * addresses: `ld/eagle.rom.addr.v6.ld` of Espressif's ESP8266_NONOS_SDK (`SPIRead`
//!   0x40004b1c, `SPIWrite` 0x40004a4c, `SPIEraseSector` 0x40004a00, `SPIParamCfg`
//!   0x40004c2c, `Wait_SPI_Idle` 0x4000448c, `flashchip` 0x3fffc714; the cache switches are
//!   in `rom_cache.rs`);
//! * signatures: the SDK's `spi_flash.h` types (`SpiFlashChip`, `SpiFlashOpResult`) as
//!   declared by esp-open-rtos (`core/include/flashchip.h`) and pvvx's ROM-BIOS header
//!   `spiflash_bios.h` (which also gives the ROM routines' prototypes); `flashchip` is a
//!   pointer to the ROM's `SpiFlashChip` (`extern SpiFlashChip *flashchip` in that header, in
//!   NodeMCU's `flash_api.c` and in MicroPython's ESP8266 OTA start-up code);
//! * the sequence: the SDK start-up code (as reimplemented in esp-open-rtos
//!   `core/app_main.c`) sets the chip size the ROM routines check offsets against, and maps the
//!   first megabyte of flash with `Cache_Read_Enable(0, 0, 1)`; its flash operations
//!   (`core/spiflash.c`, also embox's ESP8266 flash driver) run with interrupts masked, between
//!   `Cache_Read_Disable()` and `Cache_Read_Enable(0, 0, 1)`, waiting with `Wait_SPI_Idle`
//!   before the cache comes back. esptool's flasher stub configures the ROM the same way with
//!   `SPIParamCfg(0, size, 64 KB, 4 KB, 256, 0xFFFF)`.
//!
//! Why the cache matters: the SPI0 controller both feeds the instruction cache (code at
//! 0x4020_0000 + flash offset, where xtask's image puts irom0) and runs the ROM's flash
//! commands. While a command runs the cache is off, so nothing may execute from or read
//! flash-mapped memory: the `iram_*` functions live in `.rwtext` (IRAM, per
//! xtensa-lx-rt's `link.x`), call nothing but ROM code, and run with interrupts masked (their
//! handlers may live in flash). Their arguments are computed before, in flash code; the data
//! buffers are the caller's RAM (the bounce buffers of `rom_flash`, on the stack).
//!
//! Not done: `SPIUnlock` (esptool's stub calls it before flashing). It rewrites the chip's status
//! register, a non-volatile write at every boot, and the SDK start-up code does not call it; a
//! chip with block protection set ignores programs, which the read-back in `rom_flash` turns
//! into EIO.

use alloc::boxed::Box;
use alloc::format;
use core::mem::transmute;

use mpy_board_common::flash_fs::{self, FsConfig};
use mpy_board_common::rom_flash::{
    rom_result, RomError, RomFlash, WordRom, PAGE_SIZE, SECTOR_SIZE,
};
use mpy_core::vfs::Filesystem;

use crate::rom_cache;

/// The ROM routines and the ROM's flash descriptor (eagle.rom.addr.v6.ld).
mod rom {
    pub const SPI_READ: usize = 0x4000_4b1c;
    pub const SPI_WRITE: usize = 0x4000_4a4c;
    pub const SPI_ERASE_SECTOR: usize = 0x4000_4a00;
    pub const SPI_PARAM_CFG: usize = 0x4000_4c2c;
    pub const WAIT_SPI_IDLE: usize = 0x4000_448c;
    /// `SpiFlashChip *flashchip`: the descriptor the ROM routines use.
    pub const FLASHCHIP: usize = 0x3fff_c714;
}

/// The ROM's flash descriptor (`SpiFlashChip`: device id, chip size, block, sector and page
/// size, status mask); this firmware only hands the ROM's own pointer back to it.
#[repr(C)]
struct SpiFlashChip {
    _opaque: [u32; 0],
}

type ReadFn = unsafe extern "C" fn(u32, *mut u32, u32) -> u32;
type WriteFn = unsafe extern "C" fn(u32, *const u32, u32) -> u32;
type EraseFn = unsafe extern "C" fn(u32) -> u32;
type ParamCfgFn = unsafe extern "C" fn(u32, u32, u32, u32, u32, u32) -> u32;
type WaitIdleFn = unsafe extern "C" fn(*mut SpiFlashChip) -> u32;

/// Flash erase block (64 KB) and status mask for `SPIParamCfg`, the values esptool's stub uses.
const BLOCK_SIZE: u32 = 64 * 1024;
const STATUS_MASK: u32 = 0xFFFF;

/// Turns the flash cache off if it was on (`mapped`).
///
/// # Safety
/// Runs from IRAM with interrupts masked; after it, nothing may touch flash-mapped memory until
/// [`cache_on`].
#[inline(always)]
unsafe fn cache_off(mapped: bool) {
    if mapped {
        rom_cache::unmap();
    }
}

/// Waits for the flash chip to finish, then maps the first megabyte again: the mapping the
/// reset path made (`start.rs`), which the image's irom0 segment at 0x4020_0000 + offset needs.
///
/// # Safety
/// As [`cache_off`], which it ends.
#[inline(always)]
unsafe fn cache_on(mapped: bool) {
    let wait = transmute::<usize, WaitIdleFn>(rom::WAIT_SPI_IDLE);
    wait(*(rom::FLASHCHIP as *const *mut SpiFlashChip));
    if mapped {
        rom_cache::map_first_megabyte();
    }
}

// One straight-line function per ROM call rather than one taking a closure: a closure body is a
// function of its own, which the compiler would place in flash `.text`.

/// `SPIRead(offset, dst, bytes)` with the cache off.
///
/// # Safety
/// Interrupts masked; `dst` is word-aligned RAM for `bytes` (a multiple of 4) bytes.
#[inline(never)]
#[link_section = ".rwtext"]
unsafe fn iram_read(offset: u32, dst: *mut u32, bytes: u32, mapped: bool) -> u32 {
    cache_off(mapped);
    let read = transmute::<usize, ReadFn>(rom::SPI_READ);
    let result = read(offset, dst, bytes);
    cache_on(mapped);
    result
}

/// `SPIWrite(offset, src, bytes)` with the cache off.
///
/// # Safety
/// Interrupts masked; `src` is word-aligned RAM holding `bytes` (a multiple of 4) bytes.
#[inline(never)]
#[link_section = ".rwtext"]
unsafe fn iram_write(offset: u32, src: *const u32, bytes: u32, mapped: bool) -> u32 {
    cache_off(mapped);
    let write = transmute::<usize, WriteFn>(rom::SPI_WRITE);
    let result = write(offset, src, bytes);
    cache_on(mapped);
    result
}

/// `SPIEraseSector(sector)` with the cache off.
///
/// # Safety
/// Interrupts masked.
#[inline(never)]
#[link_section = ".rwtext"]
unsafe fn iram_erase(sector: u32, mapped: bool) -> u32 {
    cache_off(mapped);
    let erase = transmute::<usize, EraseFn>(rom::SPI_ERASE_SECTOR);
    let result = erase(sector);
    cache_on(mapped);
    result
}

/// `SPIParamCfg(0, chip_size, 64 KB, 4 KB, 256, 0xFFFF)` with the cache off. It sets the ROM's
/// flash descriptor ("Set flashchip" in pvvx's ROM header); run like the other calls in case it
/// also talks to the chip.
///
/// # Safety
/// Interrupts masked.
#[inline(never)]
#[link_section = ".rwtext"]
unsafe fn iram_param_cfg(chip_size: u32, mapped: bool) -> u32 {
    cache_off(mapped);
    let param_cfg = transmute::<usize, ParamCfgFn>(rom::SPI_PARAM_CFG);
    let result = param_cfg(
        0,
        chip_size,
        BLOCK_SIZE,
        SECTOR_SIZE as u32,
        PAGE_SIZE as u32,
        STATUS_MASK,
    );
    cache_on(mapped);
    result
}

/// The ESP8266 mask ROM's flash routines.
pub struct Esp8266Rom {
    mapped: bool,
}

impl Esp8266Rom {
    /// Tells the ROM the chip's geometry (`chip_size`: the manifest's flash size; the ROM
    /// refuses offsets past it, and nothing else set it: the SDK start-up code that would is
    /// not in this firmware). `mapped`: the flash cache is on (code runs from irom0), so each
    /// call must turn it off and map it again after.
    pub fn attach(chip_size: u32, mapped: bool) -> Result<Esp8266Rom, RomError> {
        // SAFETY: interrupts are masked for the call; iram_param_cfg touches nothing in flash.
        let code = critical_section::with(|_| unsafe { iram_param_cfg(chip_size, mapped) });
        rom_result(code)?;
        Ok(Esp8266Rom { mapped })
    }
}

impl WordRom for Esp8266Rom {
    fn read(&mut self, offset: u32, words: &mut [u32]) -> Result<(), RomError> {
        let (dst, bytes, mapped) = (words.as_mut_ptr(), (words.len() * 4) as u32, self.mapped);
        // SAFETY: interrupts are masked for the call; `words` is a word-aligned RAM slice of
        // `bytes` bytes (rom_flash's stack buffer); iram_read touches nothing in flash.
        let code = critical_section::with(|_| unsafe { iram_read(offset, dst, bytes, mapped) });
        rom_result(code)
    }

    fn program(&mut self, offset: u32, words: &[u32]) -> Result<(), RomError> {
        let (src, bytes, mapped) = (words.as_ptr(), (words.len() * 4) as u32, self.mapped);
        // SAFETY: as in `read`; `words` is rom_flash's RAM copy of the data, never flash.
        let code = critical_section::with(|_| unsafe { iram_write(offset, src, bytes, mapped) });
        rom_result(code)
    }

    fn erase_sector(&mut self, sector: u32) -> Result<(), RomError> {
        let mapped = self.mapped;
        // SAFETY: interrupts are masked for the call; iram_erase touches nothing in flash.
        let code = critical_section::with(|_| unsafe { iram_erase(sector, mapped) });
        rom_result(code)
    }
}

/// The FAT volume in `config`'s region (flash offsets) of a `chip_size`-byte chip, mounted (or
/// formatted) as the root filesystem; `console` hears why there is none. `cache_mapped`: as in
/// [`Esp8266Rom::attach`].
pub fn mount(
    config: &FsConfig,
    chip_size: u32,
    cache_mapped: bool,
    console: &mut dyn FnMut(&[u8]),
) -> Option<Box<dyn Filesystem>> {
    let region = Esp8266Rom::attach(chip_size, cache_mapped)
        .map_err(|e| format!("the ROM refused the flash geometry ({e:?})"))
        .and_then(|rom| {
            RomFlash::new(rom, config.base, config.size as usize, chip_size)
                .map_err(|e| format!("{:#x}+{:#x}: {}", config.base, config.size, e.message()))
        });
    match region {
        Ok(region) => flash_fs::mount(region, config, console),
        Err(why) => {
            console(format!("MPY: no filesystem: {why}\n").as_bytes());
            None
        }
    }
}
