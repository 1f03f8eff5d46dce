//! Where things live. xtask runs from the repository root so that every path it prints
//! (manifests/pico.toml:12) is short and relative.

use std::path::{Path, PathBuf};

pub const MANIFESTS: &str = "manifests";
pub const DIST: &str = "dist";

/// The repository root: the parent of this crate's directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

pub fn enter_repo_root() -> Result<(), String> {
    let root = repo_root();
    std::env::set_current_dir(&root)
        .map_err(|e| format!("cannot enter the repository root {}: {e}", root.display()))
}

/// `target/firmware/<board>/`: generated sources, the board's cargo target dir, stamps.
pub fn firmware_dir(board: &str) -> PathBuf {
    Path::new("target").join("firmware").join(board)
}

pub fn gen_dir(board: &str) -> PathBuf {
    firmware_dir(board).join("gen")
}

pub fn dist_dir(board: &str) -> PathBuf {
    Path::new(DIST).join(board)
}
