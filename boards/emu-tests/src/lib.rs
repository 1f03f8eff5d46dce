//! Test harness for micropython-rs firmware in emulators.
//!
//! - [`boards`]: the firmware under test (crate, target, memory map, emulator).
//! - [`gen_dir`]: writes the `memory.x` / `board_config.rs` pair a board crate is built with.
//! - [`firmware`]: builds a board crate and measures its sections.
//! - [`emulator`]: starts QEMU or the rp2040js runner and talks to the emulated console.
//! - [`exchange`]: the console conversations the tests expect, as data.

pub mod boards;
pub mod emulator;
pub mod exchange;
pub mod firmware;
pub mod gen_dir;

use std::path::PathBuf;

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}
