//! The ESP8266 memory map (`esp8266_map.rs`) through the real linker: GNU ld for the lx106
//! (Debian's `gcc-xtensa-lx106`, the same GCC driver + ld the esp Rust toolchain links with)
//! runs xtensa-lx-rt 0.11's own `link.x` and `exception.x` with the generated `memory.x` on
//! stand-ins for the firmware's objects: one symbol or section of each kind the board crate and
//! xtensa-lx-rt define. Then xtask packages the ELF as it would the firmware. No Rust is
//! compiled for Xtensa here (no toolchain); what this checks is the scripts, the regions, the
//! entry point and the image layout.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::manifest::{self, Board};
use crate::test_support::TempDir;

const GCC: &str = "xtensa-lx106-elf-gcc";
const INSTALL: &str = "apt-get install gcc-xtensa-lx106";

/// Stand-ins, in the sections rustc and xtensa-lx-rt put them in: the board's entry in
/// `.rwtext` calling `Reset` in flash; xtensa-lx-rt's Reset, hooks, vectors and default
/// handlers; read-only data, data (with a `.data.rel.ro` vtable, as rustc emits), the heap in
/// .bss. `RODATA_BYTES` is replaced by the size of the read-only table, `VECTORS` by
/// [`vectors`].
const STAND_INS: &str = r#"
    .section .rwtext,"ax",@progbits
    .align 4
    .global mpy_esp8266_start
mpy_esp8266_start:
    call0 Reset
    .align 4
    .global __default_naked_exception, __default_naked_kernel_exception
    .global __default_naked_double_exception, __default_naked_nmi_exception
    .global __default_naked_debug_exception, __default_naked_alloc_exception
    .global __default_exception, __default_double_exception, __default_interrupt
__default_naked_exception:
__default_naked_kernel_exception:
__default_naked_double_exception:
__default_naked_nmi_exception:
__default_naked_debug_exception:
__default_naked_alloc_exception:
__default_exception:
__default_double_exception:
__default_interrupt:
    ret

    .section .text.Reset,"ax",@progbits
    .align 4
    .global Reset
Reset:
    call0 __pre_init
    call0 main
    .align 4
    .global DefaultPreInit, default_mem_hook, main
DefaultPreInit:
default_mem_hook:
main:
    ret

VECTORS
    .section .rodata.table,"a",@progbits
    .space RODATA_BYTES, 7
    .section .data.counter,"aw",@progbits
    .align 4
    .word 0x12345678
    .section .data.rel.ro.vtable,"aw",@progbits
    .align 4
    .word main
    .section .bss.HEAP,"aw",@nobits
    .align 4
    .space 40960
"#;

/// xtensa-lx-rt's exception vectors (src/exception/esp8266.rs), each in its own section: save
/// a0, jump to the handler.
fn vectors() -> String {
    [
        ("Debug", "debug"),
        ("NMI", "nmi"),
        ("Kernel", "kernel"),
        ("User", "user"),
        ("Double", "double"),
    ]
    .iter()
    .map(|(section, handler)| {
        format!(
            "    .section .{section}Exception.text,\"ax\",@progbits\n    \
             wsr a0, EXCSAVE1\n    call0 __naked_{handler}_exception\n"
        )
    })
    .collect()
}

fn esp8266() -> Board {
    manifest::load(&crate::paths::repo_root().join("manifests"), "esp8266")
        .expect("manifests/esp8266.toml loads")
}

/// xtensa-lx-rt 0.11's source folder, as cargo resolves it for the board crate.
fn xtensa_lx_rt_dir() -> PathBuf {
    let manifest = crate::paths::repo_root().join("boards/esp8266/Cargo.toml");
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(&manifest)
        .exec()
        .unwrap_or_else(|e| panic!("cargo metadata of {}: {e}", manifest.display()));
    let package = metadata
        .packages
        .iter()
        .find(|p| p.name.as_str() == "xtensa-lx-rt")
        .expect("the ESP8266 board crate depends on xtensa-lx-rt");
    assert_eq!(package.version.to_string(), "0.11.0");
    package
        .manifest_path
        .parent()
        .expect("crate folder")
        .as_std_path()
        .to_path_buf()
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(GCC)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {GCC} ({e}): install it with `{INSTALL}`"))
}

/// Links the stand-ins with `rodata_bytes` of read-only data: (the ELF, ld's messages).
fn link(board: &Board, rodata_bytes: u32) -> (Result<Vec<u8>, ()>, String) {
    let rt = xtensa_lx_rt_dir();
    let dir = TempDir::new("esp8266-link");
    // Where xtensa-lx-rt's build.rs puts them for its esp8266 feature.
    for (from, to) in [
        ("xtensa.in.x", "link.x"),
        ("exception-esp8266.x", "exception.x"),
    ] {
        std::fs::copy(rt.join(from), dir.path().join(to)).expect("copy xtensa-lx-rt script");
    }
    dir.write("memory.x", &crate::gen::memory_x(board));
    dir.write(
        "stand-ins.S",
        &STAND_INS
            .replace("RODATA_BYTES", &rodata_bytes.to_string())
            .replace("VECTORS", &vectors()),
    );
    // -mlongcalls: a direct call0 cannot reach flash from IRAM (1 MB apart), so calls go
    // through a literal, as the compiler's calls do.
    let assemble = run(
        dir.path(),
        &[
            "-mlongcalls",
            "-mtext-section-literals",
            "-c",
            "stand-ins.S",
        ],
    );
    assert!(
        assemble.status.success(),
        "{}",
        String::from_utf8_lossy(&assemble.stderr)
    );
    // The board's build.rs flags (build-support `link_xtensa_lx_rt`) plus rustc's own
    // `-nodefaultlibs` for targets without a C library.
    let linked = run(
        dir.path(),
        &[
            "-nostartfiles",
            "-nodefaultlibs",
            "-L.",
            "-Tlink.x",
            "stand-ins.o",
            "-o",
            "firmware.elf",
        ],
    );
    let messages = String::from_utf8_lossy(&linked.stderr).into_owned();
    if !linked.status.success() {
        return (Err(()), messages);
    }
    let elf = std::fs::read(dir.path().join("firmware.elf")).expect("ELF written");
    (Ok(elf), messages)
}

fn section<'a>(elf: &'a crate::elf::Elf, name: &str) -> &'a crate::elf::Section {
    elf.sections
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", elf.sections))
}

#[test]
fn links_with_xtensa_lx_rt_scripts_and_packages_for_the_rom_bootloader() {
    let board = esp8266();
    let (elf, messages) = link(&board, 5);
    let bytes = elf.unwrap_or_else(|()| panic!("link failed:\n{messages}"));
    let elf = crate::elf::read(&bytes).expect("ELF");

    // The entry is the board's IRAM start-up, not xtensa-lx-rt's Reset in flash.
    let rwtext = section(&elf, ".rwtext");
    assert!(
        (0x4010_0080..0x4010_8000).contains(&rwtext.addr),
        "{rwtext:?}"
    );
    assert!(
        (rwtext.addr..rwtext.addr + rwtext.size).contains(&elf.entry),
        "entry {:#x} outside .rwtext {rwtext:?}",
        elf.entry
    );
    assert_eq!(section(&elf, ".vectors").addr, 0x4010_0000);
    assert_eq!(section(&elf, ".text").addr, 0x4021_0000);
    let dram = 0x3FFE_8000..0x3FFF_C000;
    for name in [".rodata", ".data", ".bss"] {
        let s = section(&elf, name);
        assert!(dram.contains(&s.addr), "{name} outside data RAM: {s:?}");
    }
    // .data is loaded where it runs (LMA = VMA), so Reset's copy of it is a no-op.
    let data = section(&elf, ".data");
    assert!(elf
        .chunks
        .iter()
        .any(|c| c.addr <= data.addr && data.addr < c.addr + c.data.len() as u32));

    // Packaged as `cargo xtask build` does: the RAM segments (data RAM, vectors, .rwtext) in the
    // ROM-loaded header at offset 0, the code at flash offset 0x10000.
    let image = crate::esp::esp8266_image(&board, &elf, None).expect("image");
    assert_eq!(image[0], 0xE9, "ROM image magic");
    assert_eq!(image[1], 3, "RAM segments");
    assert_eq!(image[4..8], elf.entry.to_le_bytes(), "entry in the header");
    let text = elf
        .chunks
        .iter()
        .find(|c| c.addr == 0x4021_0000)
        .expect("irom0 segment");
    assert_eq!(image[0x1_0000..0x1_0000 + text.data.len()], text.data[..]);
}

#[test]
fn read_only_data_past_data_ram_fails_at_link_time() {
    let board = esp8266();
    let (elf, messages) = link(&board, 80 * 1024);
    assert!(elf.is_err(), "linked although .rodata + .bss exceed 80 KB");
    // xtask's build turns the linker's lines into "the firmware does not fit" + the hint.
    let overflows = crate::build::linker_overflows(&messages);
    assert!(
        matches!(overflows.as_slice(), [(region, bytes)] if region == crate::esp8266_map::DRAM_REGION && *bytes > 0),
        "{overflows:?} from:\n{messages}"
    );
}
