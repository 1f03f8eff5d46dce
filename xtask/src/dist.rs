//! `cargo xtask dist`: every board into dist/, with progress over boards and steps.
//!
//! A board is rebuilt only when a hash over its inputs (manifests, filesystem and frozen files,
//! board crates, core, modules, toolchain pin, this xtask binary) differs from the one recorded
//! at its last successful build and its dist files still match their recorded sha256 — so a
//! second run with nothing changed only hashes files. Boards whose toolchain is missing are
//! reported with the install command; the exit status is non-zero only if a buildable board failed.

use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use crate::manifest::Board;
use crate::{build, package, paths, toolchain};

enum Outcome {
    Built(String),
    Unchanged,
    NoToolchain(String),
}

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("dist takes no arguments (got '{extra}'); use `cargo xtask build <board>` for one board"));
    }
    let ids = crate::manifest::board_ids(Path::new(paths::MANIFESTS))?;
    let bar = ProgressBar::new(ids.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{prefix:>18} [{bar:30}] {pos}/{len} {msg}")
            .map_err(|e| format!("progress bar template: {e}"))?
            .progress_chars("=> "),
    );
    // Without a terminal the bar is hidden and so would be its println: print directly then.
    let say = |line: String| {
        if bar.is_hidden() {
            eprintln!("{line}");
        } else {
            bar.println(line);
        }
    };
    let mut failed = Vec::new();
    let mut lacking = Vec::new();
    for id in &ids {
        bar.set_prefix(id.clone());
        let result = dist_board(id, &mut |step| bar.set_message(step.to_string()));
        match result {
            Ok(Outcome::Built(summary)) => say(format!("built     {summary}")),
            Ok(Outcome::Unchanged) => {
                say(format!("unchanged {id}: inputs identical, dist/{id}/ kept"))
            }
            Ok(Outcome::NoToolchain(why)) => {
                say(format!("NOT BUILT {id}: {why}"));
                lacking.push(id.clone());
            }
            Err(err) => {
                say(format!("FAILED    {id}:\n{err}"));
                failed.push(id.clone());
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "dist: {} board(s), {} failed{}, {} not buildable here{}",
        ids.len(),
        failed.len(),
        list(&failed),
        lacking.len(),
        list(&lacking)
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed to build: {}", failed.join(", ")))
    }
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" ({})", ids.join(", "))
    }
}

fn dist_board(id: &str, step: &mut dyn FnMut(&str)) -> Result<Outcome, String> {
    step("checking manifest");
    let board = build::load_valid(id)?;
    if let Some(missing) = toolchain::missing_for(&board) {
        return Ok(Outcome::NoToolchain(missing));
    }
    step("hashing inputs");
    let inputs = inputs_hash(&board)?;
    let stamp = paths::firmware_dir(id).join("inputs.sha256");
    let previous = std::fs::read_to_string(&stamp).unwrap_or_default();
    if previous == inputs && dist_intact(id) {
        return Ok(Outcome::Unchanged);
    }
    let reason = if previous.is_empty() {
        "first build".to_string()
    } else if previous == inputs {
        format!("dist/{id}/ was changed or removed")
    } else {
        format!("{} changed", first_change(&previous, &inputs))
    };
    step(&format!("rebuilding ({reason})"));
    let elf = build::build_firmware(&board, step)?;
    step("packaging images");
    let summary = package::package(&board, &elf)?;
    std::fs::write(&stamp, &inputs)
        .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(Outcome::Built(format!("{summary} ({reason})")))
}

/// Every file listed in dist/<id>/<id>.sha256 exists with that hash.
fn dist_intact(id: &str) -> bool {
    let dir = paths::dist_dir(id);
    let Ok(sums) = std::fs::read_to_string(dir.join(format!("{id}.sha256"))) else {
        return false;
    };
    sums.lines().all(|line| {
        line.split_once("  ").is_some_and(|(hash, name)| {
            std::fs::read(dir.join(name)).is_ok_and(|data| package::sha256_hex(&data) == hash)
        })
    })
}

/// One line per input, `<sha256>  <path>`, over everything a board's images are made from. It is
/// stored as the board's stamp, so a rebuild can say which input changed.
fn inputs_hash(board: &Board) -> Result<String, String> {
    let mut files: Vec<PathBuf> = board.manifest_chain.clone();
    files.extend(board.frozen.iter().map(|f| f.value.clone()));
    for (_, source) in &board.filesystem.files {
        collect_files(&source.value, &mut files);
    }
    for dir in ["core", "modules", "boards", "rust-toolchain.toml"] {
        collect_files(Path::new(dir), &mut files);
    }
    // The packaging code itself is an input: a changed xtask may write different images.
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the xtask binary: {e}"))?;
    files.push(exe);
    files.sort();
    files.dedup();
    let mut lines = String::new();
    for file in &files {
        let data =
            std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        lines.push_str(&format!(
            "{}  {}\n",
            package::sha256_hex(&data),
            file.display()
        ));
    }
    // The board crates stamp their build date from it.
    lines.push_str(&format!(
        "SOURCE_DATE_EPOCH={}\n",
        std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default()
    ));
    Ok(lines)
}

/// The first input that differs from the stamp, for the progress message.
fn first_change(old: &str, new: &str) -> String {
    let old_lines: std::collections::BTreeSet<&str> = old.lines().collect();
    new.lines()
        .find(|line| !old_lines.contains(line))
        .map(|line| {
            line.split_once("  ")
                .map_or(line, |(_, path)| path)
                .to_string()
        })
        .unwrap_or_else(|| "an input was removed".to_string())
}

/// Files under `path` (or `path` itself), skipping build output and hidden folders.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name == "target" || name.starts_with('.') || name == "node_modules" {
            continue;
        }
        collect_files(&entry.path(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{manifest_dir, VALID};

    #[test]
    fn inputs_hash_is_stable_and_sees_filesystem_changes() {
        let dir = manifest_dir(VALID);
        let board = crate::manifest::load(dir.path(), "testboard").expect("valid");
        let first = inputs_hash(&board).expect("hash");
        assert_eq!(
            first,
            inputs_hash(&board).expect("hash"),
            "same inputs, same hash"
        );
        dir.write("fs/lib/util.py", "X = 2\n");
        assert_ne!(
            first,
            inputs_hash(&board).expect("hash"),
            "a changed filesystem file is an input"
        );
    }
}
