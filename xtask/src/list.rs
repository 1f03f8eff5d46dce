//! `cargo xtask list`: the boards, their outputs, and what any of them lacks to be built here.

use std::path::Path;

use crate::manifest::{self, Board};
use crate::paths::MANIFESTS;
use crate::toolchain;

pub fn run(_args: &[String]) -> Result<(), String> {
    let dir = Path::new(MANIFESTS);
    for id in manifest::board_ids(dir)? {
        match manifest::load(dir, &id) {
            Ok(board) => {
                let status = match toolchain::missing_for(&board) {
                    None if board.build.crate_dir.value.join("Cargo.toml").is_file() => {
                        "buildable".to_string()
                    }
                    None => format!(
                        "board crate {} not written yet",
                        board.build.crate_dir.value.display()
                    ),
                    Some(missing) => missing,
                };
                println!(
                    "{:<18} {:<28} {:<28} {:<16} {}",
                    id,
                    board.identity.name,
                    board.build.target.value,
                    outputs(&board).join(","),
                    status
                );
            }
            Err(err) => println!(
                "{id:<18} invalid manifest: {}",
                err.lines().next().unwrap_or_default()
            ),
        }
    }
    Ok(())
}

pub fn outputs(board: &Board) -> Vec<&'static str> {
    let o = &board.outputs;
    let mut names = Vec::new();
    if o.uf2_family.is_some() {
        names.push("uf2");
    }
    if o.hex {
        names.push("hex");
    }
    if o.bin || o.esp_bin {
        names.push("bin");
    }
    names
}
