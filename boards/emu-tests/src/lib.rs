//! Test harness for micropython-rs firmware in emulators.
//!
//! The boards, their memory maps and their emulators come from the board manifests only: the
//! tests boot what `cargo xtask run <board>` boots, so a manifest change cannot diverge from what
//! is tested.
//!
//! - [`xtask`]: runs `cargo xtask` commands and reads what they generated for a board.
//! - [`emulator`]: a `cargo xtask run <board>` session, talking to the emulated console.
//! - [`exchange`]: the console conversations the tests expect, as data.
//! - [`serial`]: a board's console as a pty device path, for mpremote.

pub mod emulator;
pub mod exchange;
pub mod serial;
pub mod xtask;

use std::path::PathBuf;

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}
