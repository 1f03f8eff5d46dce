//! Which boards this machine can build: rustup targets for Arm and RISC-V, the Xtensa toolchain
//! (espup) for ESP32 and ESP8266.

use std::process::Command;
use std::sync::OnceLock;

use crate::manifest::Board;

/// Why a board cannot be built here, with the command that fixes it; `None` when it can.
pub fn missing_for(board: &Board) -> Option<String> {
    let target = &board.build.target.value;
    if board.build.chip.xtensa {
        if xtensa_installed(target) {
            return None;
        }
        return Some(format!(
            "needs the Xtensa Rust toolchain for {target}: install with `cargo install espup && espup install`, \
             then `. ~/export-esp.sh`"
        ));
    }
    if installed_targets().iter().any(|t| t == target) {
        None
    } else {
        Some(format!(
            "needs the Rust target {target}: install with `rustup target add {target}`"
        ))
    }
}

/// Targets the active toolchain has a standard library for (asked once per run: `dist` asks for
/// every board).
pub fn installed_targets() -> &'static [String] {
    static TARGETS: OnceLock<Vec<String>> = OnceLock::new();
    TARGETS.get_or_init(read_installed_targets)
}

fn read_installed_targets() -> Vec<String> {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let Some(sysroot) = sysroot else {
        return Vec::new();
    };
    let lib = std::path::Path::new(&sysroot).join("lib").join("rustlib");
    std::fs::read_dir(lib)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().join("lib").is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// espup installs a rustup toolchain named `esp` whose rustc knows the Xtensa targets.
fn xtensa_installed(target: &str) -> bool {
    static TARGETS: OnceLock<Vec<String>> = OnceLock::new();
    TARGETS
        .get_or_init(xtensa_targets)
        .iter()
        .any(|t| t == target)
}

/// The `esp` toolchain's target list; empty without it.
fn xtensa_targets() -> Vec<String> {
    Command::new("rustc")
        .args(["+esp", "--print", "target-list"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}
