//! Building a board crate the way `cargo xtask build` does, and measuring the result.

use crate::boards::Board;
use crate::{gen_dir, repo_root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where firmware builds go: `MPY_BOARDS_TARGET_DIR`, else `<repo>/target/boards`.
pub fn boards_target_dir() -> PathBuf {
    std::env::var_os("MPY_BOARDS_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/boards"))
}

/// Builds `board` (release, with its emulator features when `for_emulator`) and returns the ELF.
pub fn build(board: &Board, for_emulator: bool) -> Result<PathBuf, String> {
    let target_dir = boards_target_dir().join(board.id);
    let gen = target_dir.join("gen");
    gen_dir::write(board, &gen).map_err(|e| format!("writing {}: {e}", gen.display()))?;
    let mut features: Vec<&str> = board.features.to_vec();
    if for_emulator {
        features.extend_from_slice(board.emulator_features);
    }
    let manifest = repo_root().join(board.crate_dir).join("Cargo.toml");
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.arg("build")
        .arg("--release")
        .arg("--manifest-path")
        .arg(&manifest)
        .arg("--target")
        .arg(board.target)
        .arg("--target-dir")
        .arg(&target_dir)
        .env("MPY_GEN_DIR", &gen)
        // The board workspaces pick their own toolchain settings; do not inherit the test's.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR");
    if !features.is_empty() {
        cmd.arg("--features").arg(features.join(","));
    }
    let out = cmd.output().map_err(|e| format!("running cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "building {} failed ({:?}):\n{}",
            board.id,
            cmd,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(target_dir
        .join(board.target)
        .join("release")
        .join(board.bin))
}

/// Section sizes of a firmware ELF, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub text: u64,
    pub data: u64,
    pub bss: u64,
}

/// Runs `llvm-size` (Berkeley format: text includes read-only data and the vector table).
pub fn sizes(elf: &Path) -> Result<Sizes, String> {
    let tool = llvm_size()?;
    let out = Command::new(&tool)
        .arg(elf)
        .output()
        .map_err(|e| format!("running {}: {e}", tool.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    parse_berkeley(&text).ok_or_else(|| format!("unexpected llvm-size output:\n{text}"))
}

fn parse_berkeley(output: &str) -> Option<Sizes> {
    let line = output.lines().nth(1)?;
    let mut cols = line.split_whitespace().map(|c| c.parse::<u64>());
    Some(Sizes {
        text: cols.next()?.ok()?,
        data: cols.next()?.ok()?,
        bss: cols.next()?.ok()?,
    })
}

/// `llvm-size` from the toolchain's llvm-tools component.
fn llvm_size() -> Result<PathBuf, String> {
    let out = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("rustc: {e}"))?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let rustlib = sysroot.join("lib/rustlib");
    let entries = std::fs::read_dir(&rustlib).map_err(|e| format!("{}: {e}", rustlib.display()))?;
    entries
        .filter_map(Result::ok)
        .map(|e| e.path().join("bin/llvm-size"))
        .find(|p| p.is_file())
        .ok_or_else(|| "llvm-size not found: `rustup component add llvm-tools`".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_llvm_size_output() {
        let out = "   text\t   data\t    bss\t    dec\t    hex\tfilename\n   2396\t      0\t  33284\t  35680\t   8b60\tfw\n";
        assert_eq!(
            parse_berkeley(out),
            Some(Sizes {
                text: 2396,
                data: 0,
                bss: 33284
            })
        );
        assert_eq!(parse_berkeley("garbage"), None);
    }
}
