//! `cargo xtask dist`: every board into dist/, with progress over boards and steps.
//!
//! A board is rebuilt only when a hash over its inputs (manifests, filesystem and frozen files,
//! board crates, core, modules, toolchain pin, xtask's sources) differs from the one recorded
//! at its last successful build and its dist files still match their recorded sha256 — so a
//! second run with nothing changed only hashes files. Boards whose toolchain is missing are
//! reported with the install command. A board that fails (e.g. does not fit its flash) does not
//! stop the others; the run ends with a summary naming each failed board and its cause, and a
//! non-zero exit status.

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
    let shared = shared_inputs()?;
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
        let result = dist_board(id, &shared, &mut |step| bar.set_message(step.to_string()));
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
                failed.push((id.clone(), err));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let failed_ids: Vec<String> = failed.iter().map(|(id, _)| id.clone()).collect();
    println!(
        "dist: {} board(s), {} failed{}, {} not buildable here{}",
        ids.len(),
        failed.len(),
        list(&failed_ids),
        lacking.len(),
        list(&lacking)
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failure_summary(&failed))
    }
}

/// One line per failed board with the last line of its error (the cause: "firmware needs N bytes
/// of flash but ..." rather than cargo's preamble); the full errors were printed above.
fn failure_summary(failed: &[(String, String)]) -> String {
    let mut text = format!("{} board(s) failed to build:", failed.len());
    for (id, err) in failed {
        let cause = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        text.push_str(&format!("\n  {id}: {}", cause.trim()));
    }
    text
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" ({})", ids.join(", "))
    }
}

fn dist_board(id: &str, shared: &str, step: &mut dyn FnMut(&str)) -> Result<Outcome, String> {
    step("checking manifest");
    let board = build::load_valid(id)?;
    if let Some(missing) = toolchain::missing_for(&board) {
        return Ok(Outcome::NoToolchain(missing));
    }
    step("hashing inputs");
    let inputs = inputs_hash(&board, shared)?;
    let stamp = paths::firmware_dir(id).join("inputs.sha256");
    let previous = std::fs::read_to_string(&stamp).unwrap_or_default();
    if previous == inputs && dist_intact(id) {
        return Ok(Outcome::Unchanged);
    }
    let failure = FailureRecord::of(id);
    if let Some(err) = failure.same_inputs_error(&inputs) {
        // The note first: the summary quotes the error's last line, its cause.
        return Err(format!(
            "(not rebuilt: its inputs are unchanged since this failure; `cargo xtask build {id}` \
             retries)\n{err}"
        ));
    }
    let reason = if previous.is_empty() {
        "first build".to_string()
    } else if previous == inputs {
        format!("dist/{id}/ was changed or removed")
    } else {
        format!("{} changed", first_change(&previous, &inputs))
    };
    step(&format!("rebuilding ({reason})"));
    let built = build::build_firmware(&board, step).and_then(|elf| {
        step("packaging images");
        package::package(&board, &elf)
    });
    let summary = built.inspect_err(|err| failure.record(&inputs, err))?;
    failure.clear();
    std::fs::write(&stamp, &inputs)
        .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(Outcome::Built(format!("{summary} ({reason})")))
}

/// A board's last failed build: its inputs and error, so that a run with nothing changed reports
/// the failure again instead of repeating a build that fails the same way (re-linking a board
/// that does not fit takes longer than everything else in such a run).
struct FailureRecord {
    inputs: PathBuf,
    error: PathBuf,
}

impl FailureRecord {
    fn of(id: &str) -> FailureRecord {
        let dir = paths::firmware_dir(id);
        FailureRecord {
            inputs: dir.join("failed-inputs.sha256"),
            error: dir.join("failed-error.txt"),
        }
    }

    /// The recorded error, if the failed build had exactly these inputs.
    fn same_inputs_error(&self, inputs: &str) -> Option<String> {
        let recorded = std::fs::read_to_string(&self.inputs).ok()?;
        (recorded == inputs)
            .then(|| std::fs::read_to_string(&self.error).ok())
            .flatten()
    }

    /// Best effort: without the record the next run just builds again.
    fn record(&self, inputs: &str, error: &str) {
        if let Some(dir) = self.inputs.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(&self.error, error);
        let _ = std::fs::write(&self.inputs, inputs);
    }

    fn clear(&self) {
        let _ = std::fs::remove_file(&self.inputs);
        let _ = std::fs::remove_file(&self.error);
    }
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

/// One line per input, `<sha256>  <path>`, over everything a board's images are made from: its
/// own files, then `shared` (from [`shared_inputs`]). It is stored as the board's stamp, so a
/// rebuild can say which input changed.
fn inputs_hash(board: &Board, shared: &str) -> Result<String, String> {
    let mut files: Vec<PathBuf> = board.manifest_chain.clone();
    files.extend(board.frozen.iter().map(|f| f.value.clone()));
    for (_, source) in &board.filesystem.files {
        collect_files(&source.value, &mut files);
    }
    let mut lines = hash_lines(files)?;
    lines.push_str(shared);
    Ok(lines)
}

/// The inputs every board has, hashed once per run: core, modules, the board crates, the
/// toolchain pin, and xtask's own sources with the lock file (the packaging code: a changed
/// xtask may write different images). Sources rather than the xtask binary, which is tens of MB
/// in the dev profile and would dominate a run with nothing to do.
fn shared_inputs() -> Result<String, String> {
    let mut files = Vec::new();
    for path in [
        "core",
        "modules",
        "boards",
        "rust-toolchain.toml",
        "xtask",
        "Cargo.lock",
    ] {
        collect_files(Path::new(path), &mut files);
    }
    let mut lines = hash_lines(files)?;
    // The board crates stamp their build date from it.
    lines.push_str(&format!(
        "SOURCE_DATE_EPOCH={}\n",
        std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default()
    ));
    Ok(lines)
}

/// `<sha256>  <path>` per file, sorted by path.
fn hash_lines(mut files: Vec<PathBuf>) -> Result<String, String> {
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
    use crate::test_support::{manifest_dir, TempDir, VALID};

    #[test]
    fn summary_names_each_failed_board_with_the_cause() {
        let failed = [
            (
                "microbit-v1".to_string(),
                "firmware build of microbit-v1 failed:\nerror: linking\n\nthe firmware does not \
                 fit: the linker's FLASH region overflowed by 216096 bytes\n"
                    .to_string(),
            ),
            (
                "other".to_string(),
                "manifests/other.toml:3: bad".to_string(),
            ),
        ];
        assert_eq!(
            failure_summary(&failed),
            "2 board(s) failed to build:\n  microbit-v1: the firmware does not fit: the linker's \
             FLASH region overflowed by 216096 bytes\n  other: manifests/other.toml:3: bad"
        );
    }

    #[test]
    fn a_failure_is_reported_again_only_for_the_same_inputs() {
        let dir = TempDir::new("failure");
        let record = FailureRecord {
            inputs: dir.path().join("board/failed-inputs.sha256"),
            error: dir.path().join("board/failed-error.txt"),
        };
        assert_eq!(record.same_inputs_error("a  core/x.rs\n"), None);
        record.record("a  core/x.rs\n", "firmware needs 300 bytes");
        assert_eq!(
            record.same_inputs_error("a  core/x.rs\n").as_deref(),
            Some("firmware needs 300 bytes")
        );
        assert_eq!(record.same_inputs_error("b  core/x.rs\n"), None);
        record.clear();
        assert_eq!(record.same_inputs_error("a  core/x.rs\n"), None);
    }

    #[test]
    fn inputs_hash_is_stable_and_sees_filesystem_changes() {
        let dir = manifest_dir(VALID);
        let board = crate::manifest::load(dir.path(), "testboard").expect("valid");
        let shared = "0123  core/src/lib.rs\n";
        let first = inputs_hash(&board, shared).expect("hash");
        assert!(first.ends_with(shared), "{first}");
        assert_eq!(
            first,
            inputs_hash(&board, shared).expect("hash"),
            "same inputs, same hash"
        );
        dir.write("fs/lib/util.py", "X = 2\n");
        assert_ne!(
            first,
            inputs_hash(&board, shared).expect("hash"),
            "a changed filesystem file is an input"
        );
    }
}
