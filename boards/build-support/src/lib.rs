//! Shared `build.rs` logic of the board crates.
//!
//! `cargo xtask build <board>` writes `memory.x` and `board_config.rs` into a directory and passes
//! it as `MPY_GEN_DIR`. The board crate `include!`s the config and links with the memory map.

use std::path::PathBuf;

/// Files `cargo xtask` generates for every board build.
const GENERATED: [&str; 2] = ["memory.x", "board_config.rs"];

/// Checks `MPY_GEN_DIR`, puts it on the linker search path and registers rebuild triggers.
/// Exits the build with a clear message when it is missing or incomplete.
pub fn use_generated_dir() -> PathBuf {
    let dir = use_generated_config_only();
    println!("cargo:rustc-link-search={}", dir.display());
    dir
}

/// Like [`use_generated_dir`] but leaves the generated `memory.x` off the linker search path:
/// for the esp-hal chips, whose linker scripts (esp-hal's `linkall.x`) include esp-hal's own
/// memory.x.
pub fn use_generated_config_only() -> PathBuf {
    println!("cargo:rerun-if-env-changed=MPY_GEN_DIR");
    let Some(dir) = std::env::var_os("MPY_GEN_DIR").map(PathBuf::from) else {
        fail("MPY_GEN_DIR is not set: build boards with `cargo xtask build <board>`");
    };
    for file in GENERATED {
        let path = dir.join(file);
        if !path.is_file() {
            fail(&format!(
                "{} is missing (MPY_GEN_DIR={}): build boards with `cargo xtask build <board>`",
                path.display(),
                dir.display()
            ));
        }
        println!("cargo:rerun-if-changed={}", path.display());
    }
    dir
}

/// Links a Cortex-M firmware with cortex-m-rt's `link.x` (which includes `memory.x`).
pub fn link_cortex_m() {
    println!("cargo:rustc-link-arg-bins=--nmagic");
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}

/// Links an ESP firmware with esp-hal's linker scripts.
pub fn link_esp() {
    println!("cargo:rustc-link-arg-bins=-Tlinkall.x");
}

/// Links an ESP8266 firmware with xtensa-lx-rt's `link.x` (which includes `memory.x`) through
/// the Xtensa GCC driver. `-nostartfiles`: without it GCC adds its C start files (crt0.o,
/// crti.o, crtbegin.o...), whose start-up code this firmware does not use (esp8266-hal's
/// `.cargo/config` passes it for the same reason).
pub fn link_xtensa_lx_rt() {
    println!("cargo:rustc-link-arg-bins=-nostartfiles");
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
}
