//! `cargo xtask build <board>...` and the firmware build step every packaging command uses:
//! generate the board's config, run cargo on the board crate, find the ELF from cargo's JSON
//! messages, then package it into dist/.

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use cargo_metadata::Message;

use crate::manifest::Board;
use crate::{gen, package, paths, toolchain};

pub fn run(args: &[String]) -> Result<(), String> {
    if args.is_empty() {
        return Err("usage: cargo xtask build <board>... (see `cargo xtask list`)".into());
    }
    for id in args {
        let board = load_valid(id)?;
        let elf = build_firmware(&board, &mut |step| eprintln!("[{id}] {step}"))?;
        let summary = package::package(&board, &elf)?;
        println!("{summary}");
    }
    Ok(())
}

/// Loads a board's manifest and fails on any validation error.
pub fn load_valid(id: &str) -> Result<Board, String> {
    let board = crate::manifest::load(Path::new(paths::MANIFESTS), id)?;
    let errors = crate::validate::validate(&board);
    if errors.is_empty() {
        Ok(board)
    } else {
        Err(errors.join("\n"))
    }
}

/// Features the `mpy-modules` crate declares, from modules/Cargo.toml.
fn module_crate_features() -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string("modules/Cargo.toml")
        .map_err(|e| format!("cannot read modules/Cargo.toml: {e}"))?;
    let manifest: toml::Table =
        toml::from_str(&text).map_err(|e| format!("modules/Cargo.toml: {e}"))?;
    Ok(manifest
        .get("features")
        .and_then(|f| f.as_table())
        .map(|t| t.keys().cloned().collect())
        .unwrap_or_default())
}

/// The `--features` list: the board crate's own features and `mpy-modules/<module>` per module.
/// Every module must exist as a feature of the modules crate.
fn cargo_features(board: &Board) -> Result<Vec<String>, String> {
    let available = module_crate_features()?;
    let missing: Vec<&crate::manifest::Located<String>> = board
        .modules
        .iter()
        .filter(|m| !available.contains(&m.value))
        .collect();
    if let Some(first) = missing.first() {
        let names: Vec<&str> = missing.iter().map(|m| m.value.as_str()).collect();
        return Err(first.error(format!(
            "mpy-modules has no cargo feature for module(s) {} yet; add them to [features] in \
             modules/Cargo.toml, or remove them from [modules] include",
            names.join(", ")
        )));
    }
    let mut features: Vec<String> = board
        .build
        .features
        .iter()
        .map(|f| f.value.clone())
        .collect();
    features.extend(
        board
            .modules
            .iter()
            .map(|m| format!("mpy-modules/{}", m.value)),
    );
    Ok(features)
}

/// The commit time, for the board crates' build date (SOURCE_DATE_EPOCH): fixed per commit, so a
/// rebuild of the same sources gives the same bytes.
fn source_date_epoch() -> String {
    if let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") {
        return value;
    }
    Command::new("git")
        .args(["log", "-1", "--format=%ct"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "0".to_string())
}

fn absolute(path: &Path) -> Result<PathBuf, String> {
    std::path::absolute(path).map_err(|e| format!("cannot resolve {}: {e}", path.display()))
}

/// Generates the board's config, builds its crate and returns the firmware ELF's path.
pub fn build_firmware(board: &Board, progress: &mut dyn FnMut(&str)) -> Result<PathBuf, String> {
    if let Some(missing) = toolchain::missing_for(board) {
        return Err(format!("board {} {missing}", board.id));
    }
    let crate_dir = &board.build.crate_dir;
    if !crate_dir.value.join("Cargo.toml").is_file() {
        return Err(crate_dir.error(format!(
            "board crate {} has no Cargo.toml; create the crate or fix crate = in [build]",
            crate_dir.value.display()
        )));
    }
    let features = cargo_features(board)?;
    progress("generating memory.x and board_config.rs");
    let gen_dir = absolute(&paths::gen_dir(&board.id))?;
    gen::write_all(board, &gen_dir)?;
    progress("compiling firmware");
    let target_dir = absolute(&paths::firmware_dir(&board.id).join("cargo"))?;
    let root = absolute(Path::new("."))?;
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|h| Path::new(&h).join(".cargo")))
        .unwrap_or_default();
    let triple = &board.build.target.value;
    // Remapped source paths keep the build machine's directories out of panic messages, so the
    // image bytes do not depend on where the repository is checked out.
    let rustflags = format!(
        "target.{triple}.rustflags=[\"--remap-path-prefix={}=/mpy\", \"--remap-path-prefix={}=/cargo\"]",
        root.display(),
        cargo_home.display()
    );
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    if board.build.chip.xtensa {
        cargo = Command::new("cargo");
        cargo.arg("+esp");
    }
    cargo
        .current_dir(&crate_dir.value)
        .args([
            "build",
            "--release",
            "--message-format=json-render-diagnostics",
        ])
        .arg("--manifest-path")
        .arg(absolute(&crate_dir.value.join("Cargo.toml"))?)
        .args(["--target", triple])
        .arg("--target-dir")
        .arg(&target_dir)
        .arg("--config")
        .arg(&rustflags)
        .env("MPY_GEN_DIR", &gen_dir)
        .env("MPY_EXTRA_QSTRS", gen_dir.join(gen::FROZEN_QSTRS))
        .env("SOURCE_DATE_EPOCH", source_date_epoch())
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if !features.is_empty() {
        cargo.arg("--features").arg(features.join(","));
    }
    let mut child = cargo
        .spawn()
        .map_err(|e| format!("cannot run cargo for {}: {e}", board.id))?;
    let mut stderr = child.stderr.take();
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(stderr) = stderr.as_mut() {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    });
    let mut executables = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for message in Message::parse_stream(BufReader::new(stdout)).flatten() {
            if let Message::CompilerArtifact(artifact) = message {
                if let Some(exe) = artifact.executable {
                    executables.push(exe.into_std_path_buf());
                }
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo for {} did not finish: {e}", board.id))?;
    let stderr_text = stderr_reader.join().unwrap_or_default();
    if !status.success() {
        return Err(format!(
            "firmware build of {} failed (cargo build in {}):\n{}",
            board.id,
            crate_dir.value.display(),
            diagnostics_only(&stderr_text)
        ));
    }
    match executables.as_slice() {
        [elf] => Ok(elf.clone()),
        [] => Err(format!(
            "cargo built {} but reported no executable: the board crate needs a [[bin]] target",
            crate_dir.value.display()
        )),
        many => Err(format!(
            "cargo built several executables for {} ({}); a board crate must have exactly one binary",
            board.id,
            many.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// cargo's stderr without its progress lines ("Compiling x", "Downloaded y"), which would bury
/// the error.
fn diagnostics_only(stderr: &str) -> String {
    const PROGRESS: &[&str] = &[
        "Compiling ",
        "Downloaded ",
        "Downloading ",
        "Updating ",
        "Locking ",
        "Adding ",
        "Blocking ",
        "Fresh ",
        "Checking ",
    ];
    stderr
        .lines()
        .filter(|line| !PROGRESS.iter().any(|p| line.trim_start().starts_with(p)))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn progress_lines_are_dropped_from_build_errors() {
        let stderr = "   Compiling foo v1.0\nerror: bad thing\n  --> src/main.rs:1:1\n   Downloaded bar v2\n";
        assert_eq!(
            super::diagnostics_only(stderr),
            "error: bad thing\n  --> src/main.rs:1:1"
        );
    }
}
