//! The ESP8266's memory map: the chip facts the linker script and the image writer (`esp.rs`)
//! share, the manifest checks they imply, and the `memory.x` that xtensa-lx-rt 0.11's `link.x`
//! includes.
//!
//! What xtensa-lx-rt 0.11 needs from `memory.x` (its `xtensa.in.x` and `exception-esp8266.x`,
//! read in full): the regions `ROTEXT` (.text), `RODATA` (.rodata and the load image of .data),
//! `RWDATA` (.data, .bss, .noinit), `RWTEXT` (.rwtext: code that must run from RAM) and
//! `vectors_seg` (.vectors, 0x80 bytes of exception vectors, whose start becomes VECBASE). Every
//! symbol its Reset and exception code uses (`_bss_start/_end`, `_data_start/_end`, `_sidata`,
//! `_init_start`) is defined by those scripts themselves, the hooks (`__pre_init`, `__zero_bss`,
//! `__init_data`, the exception handlers) are PROVIDEd with defaults, and 0.11 has no
//! `_stack_start`: its Reset keeps the stack it was called with.
//!
//! Facts, with their sources:
//! * IRAM is 0x4010_0000..0x4011_0000; `Cache_Read_Enable`'s third argument sizes the
//!   instruction cache, 1 = 32 KB and 0 = 16 KB (ESP8266 RTOS SDK, bootloader_support:
//!   `SOC_CACHE_SIZE`; the Arduino ESP8266 core's MMU code the same), and the cache takes the
//!   top of IRAM, so with 1 code in RAM has 0x4010_0000..0x4010_8000 (MicroPython's
//!   `iram1_0_seg` is the same 32 KB).
//! * Data RAM for the application is 0x3FFE_8000..0x3FFF_C000 (80 KB, MicroPython's
//!   `dram0_0_seg`); 0x3FFF_C000..0x4000_0000 belongs to the mask ROM (its data, e.g.
//!   `flashchip` at 0x3fff_c714 in eagle.rom.addr.v6.ld, and, at its top, the stack the ROM
//!   bootloader runs on and hands to the firmware; MicroPython's ESP8266 port keeps that stack:
//!   `mp_stack_set_top((void *)0x40000000)`, limit 8 KB).
//! * Flash is mapped for instruction fetch at 0x4020_0000 + offset, the first megabyte with
//!   `Cache_Read_Enable(0, 0, 1)` (what the SDK start-up code and the board's reset path use).
//!   Only aligned 32-bit loads work there (byte loads raise LoadStoreError), so .rodata stays in
//!   data RAM: esp8266-hal 0.5.1's ld/rom.x aliases RODATA to DRAM for this reason, and
//!   MicroPython's esp8266_common.ld moves rodata to irom0 only "for -mforce-l32" (a GCC option
//!   that turns byte loads into 32-bit ones; rustc has no counterpart we know of).
//! * The ROM bootloader loads the image's RAM segments from flash offset 0 (header, segments,
//!   checksum: `esp.rs`), so irom0 starts at the next 64 KB boundary, flash offset 0x1_0000.

use crate::chips::ImageKind;
use crate::manifest::Board;

/// Flash as the instruction cache maps it (`Cache_Read_Enable(0, 0, 1)`: the first megabyte).
pub const IROM_MAPPED: std::ops::Range<u32> = 0x4020_0000..0x4030_0000;
/// Flash offset of the irom0 segment; the ROM-loaded part of the image must end before it.
pub const IROM_FLASH_OFFSET: u32 = 0x1_0000;
/// Instruction RAM left to code next to the 32 KB instruction cache.
const IRAM: std::ops::Range<u32> = 0x4010_0000..0x4010_8000;
/// Exception vectors at the start of IRAM: `.vectors` of exception-esp8266.x ends at 0x80.
const VECTORS_SIZE: u32 = 0x80;
/// The application's data RAM; above it the mask ROM's data and stack.
const DRAM: std::ops::Range<u32> = 0x3FFE_8000..0x3FFF_C000;
/// The firmware's entry point (boards/esp8266/src/start.rs): maps flash, then xtensa-lx-rt's
/// `Reset`, which lives in flash and so cannot be the entry itself.
const ENTRY: &str = "mpy_esp8266_start";

/// The generated map's data RAM region, as the linker names it in overflow messages.
pub const DRAM_REGION: &str = "dram_seg";

/// What a data RAM overflow means on the ESP8266 (`build.rs` appends it to the linker's).
pub fn dram_overflow_hint(board: &Board) -> String {
    let m = &board.memory;
    format!(
        " (ram_size = {} bytes at {}, heap_size {} inside as .bss): the ESP8266 keeps .rodata \
         in this RAM too, since flash-mapped memory allows only 32-bit loads; lower heap_size \
         or drop modules",
        m.ram_size.value, m.ram_size.origin, m.heap_size.value
    )
}

/// Manifest problems that would make the generated map wrong (errors point at the key).
pub fn check(board: &Board, errors: &mut Vec<String>) {
    if board.build.chip.image != ImageKind::Esp8266 {
        return;
    }
    let m = &board.memory;
    if m.firmware_base.value != 0 {
        errors.push(m.firmware_base.error(
            "the ESP8266 ROM bootloader reads the image from flash offset 0; set firmware_base = 0",
        ));
    }
    if m.firmware_size.value <= IROM_FLASH_OFFSET {
        errors.push(m.firmware_size.error(format!(
            "the ESP8266 firmware's code starts at flash offset {IROM_FLASH_OFFSET:#x}; \
             make firmware_size larger than that (e.g. \"1M\")"
        )));
    }
    let (ram_start, ram_end) = (
        u64::from(m.ram_base.value),
        u64::from(m.ram_base.value) + u64::from(m.ram_size.value),
    );
    if ram_start < u64::from(DRAM.start) || ram_end > u64::from(DRAM.end) {
        errors.push(m.ram_base.error(format!(
            "the ESP8266's application data RAM is {:#x}..{:#x} (above it is the ROM's); \
             set ram_base = {:#x} and ram_size at most \"80K\"",
            DRAM.start, DRAM.end, DRAM.start
        )));
    }
}

/// `memory.x` for xtensa-lx-rt 0.11's `link.x`, from the manifest's RAM and firmware regions.
pub fn memory_x(board: &Board, header: &str) -> String {
    let m = &board.memory;
    let irom_start = IROM_MAPPED.start + IROM_FLASH_OFFSET;
    let firmware_end = u64::from(m.firmware_base.value) + u64::from(m.firmware_size.value);
    // Code past the mapped megabyte could not be fetched: the region stops there.
    let irom_end = (u64::from(IROM_MAPPED.start) + firmware_end).min(u64::from(IROM_MAPPED.end));
    let irom_len = irom_end.saturating_sub(u64::from(irom_start));
    format!(
        "{header}/* ESP8266 memory map for xtensa-lx-rt 0.11's link.x; the facts and their sources\n   \
         are in xtask/src/esp8266_map.rs. */\n\n\
         /* The ROM bootloader jumps here (IRAM): it maps flash, then calls xtensa-lx-rt's Reset.\n   \
         Overrides link.x's ENTRY(Reset), which comes before this file. */\n\
         ENTRY({ENTRY})\n\n\
         MEMORY\n{{\n  \
         vectors_seg (RX) : ORIGIN = {:#010x}, LENGTH = {VECTORS_SIZE:#x}\n  \
         iram_seg (RX) : ORIGIN = {:#010x}, LENGTH = {:#x}\n  \
         {DRAM_REGION} (RW) : ORIGIN = {:#010x}, LENGTH = {:#x}\n  \
         irom_seg (RX) : ORIGIN = {irom_start:#010x}, LENGTH = {irom_len:#x}\n}}\n\n\
         /* Code in mapped flash; code that must run with the cache off (.rwtext) in IRAM.\n   \
         .rodata in data RAM: flash-mapped memory allows only aligned 32-bit loads. .data's\n   \
         load image (AT > RODATA) is then in the same region, so the ROM loads it in place. */\n\
         REGION_ALIAS(\"ROTEXT\", irom_seg);\n\
         REGION_ALIAS(\"RWTEXT\", iram_seg);\n\
         REGION_ALIAS(\"RODATA\", {DRAM_REGION});\n\
         REGION_ALIAS(\"RWDATA\", {DRAM_REGION});\n",
        IRAM.start,
        IRAM.start + VECTORS_SIZE,
        IRAM.end - IRAM.start - VECTORS_SIZE,
        m.ram_base.value,
        m.ram_size.value,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest;

    fn esp8266() -> Board {
        let dir = crate::paths::repo_root().join("manifests");
        manifest::load(&dir, "esp8266").expect("manifests/esp8266.toml loads")
    }

    #[test]
    fn memory_x_gives_every_region_xtensa_lx_rt_places_sections_in() {
        let memory = memory_x(&esp8266(), "");
        for line in [
            "ENTRY(mpy_esp8266_start)",
            "vectors_seg (RX) : ORIGIN = 0x40100000, LENGTH = 0x80",
            "iram_seg (RX) : ORIGIN = 0x40100080, LENGTH = 0x7f80",
            "dram_seg (RW) : ORIGIN = 0x3ffe8000, LENGTH = 0x14000",
            // Flash offset 0x10000..0x100000 (the manifest's 1 MB firmware region).
            "irom_seg (RX) : ORIGIN = 0x40210000, LENGTH = 0xf0000",
            "REGION_ALIAS(\"ROTEXT\", irom_seg);",
            "REGION_ALIAS(\"RWTEXT\", iram_seg);",
            "REGION_ALIAS(\"RODATA\", dram_seg);",
            "REGION_ALIAS(\"RWDATA\", dram_seg);",
        ] {
            assert!(memory.contains(line), "missing `{line}` in:\n{memory}");
        }
    }

    #[test]
    fn irom_stops_at_the_mapped_megabyte() {
        let mut board = esp8266();
        board.memory.firmware_size.value = 0x20_0000;
        let memory = memory_x(&board, "");
        assert!(
            memory.contains("irom_seg (RX) : ORIGIN = 0x40210000, LENGTH = 0xf0000"),
            "{memory}"
        );
    }

    #[test]
    fn check_rejects_maps_the_rom_cannot_boot() {
        let mut errors = Vec::new();
        check(&esp8266(), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");

        let mut board = esp8266();
        board.memory.firmware_base.value = 0x1_0000;
        board.memory.firmware_size.value = 0x1_0000;
        board.memory.ram_size.value = 96 * 1024;
        check(&board, &mut errors);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("set firmware_base = 0"), "{}", errors[0]);
        assert!(
            errors[1].contains("make firmware_size larger"),
            "{}",
            errors[1]
        );
        assert!(
            errors[2].contains("ram_size at most \"80K\""),
            "{}",
            errors[2]
        );
    }
}
