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
    build_with(board, &[], "cargo", progress)
}

/// The firmware to boot in the board's emulator: built with the `[emulator] features` too, in
/// its own cargo target dir so that switching does not rebuild the release firmware. Without
/// such features it is the release firmware.
pub fn build_firmware_for_emulator(
    board: &Board,
    progress: &mut dyn FnMut(&str),
) -> Result<PathBuf, String> {
    match board.emulator.as_ref().map(|e| e.features.as_slice()) {
        Some(features) if !features.is_empty() => {
            build_with(board, features, "cargo-emulator", progress)
        }
        _ => build_firmware(board, progress),
    }
}

/// Builds the board crate with `extra_features` into `target/firmware/<id>/<target_subdir>`.
fn build_with(
    board: &Board,
    extra_features: &[String],
    target_subdir: &str,
    progress: &mut dyn FnMut(&str),
) -> Result<PathBuf, String> {
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
    let mut features = cargo_features(board)?;
    features.extend_from_slice(extra_features);
    progress("generating memory.x and board_config.rs");
    let gen_dir = absolute(&paths::gen_dir(&board.id))?;
    gen::write_all(board, &gen_dir)?;
    progress("compiling firmware");
    cargo_build_elf(&CargoBuild {
        label: &board.id,
        crate_dir: &crate_dir.value,
        triple: &board.build.target.value,
        target_dir: absolute(&paths::firmware_dir(&board.id).join(target_subdir))?,
        features,
        gen_dir: Some(gen_dir),
        xtensa: board.build.chip.xtensa,
        board: Some(board),
    })
}

/// One release build of a firmware crate (a board crate or the size probe).
pub struct CargoBuild<'a> {
    /// Names the build in messages (the board id).
    pub label: &'a str,
    pub crate_dir: &'a Path,
    pub triple: &'a str,
    pub target_dir: PathBuf,
    pub features: Vec<String>,
    /// The generated `memory.x` + `board_config.rs` (`MPY_GEN_DIR`), for board crates.
    pub gen_dir: Option<PathBuf>,
    /// Needs the `+esp` toolchain.
    pub xtensa: bool,
    /// The board whose manifest a linker overflow is explained against, for board crates.
    pub board: Option<&'a Board>,
}

/// Runs `cargo build --release` for `build` and returns the path of the one executable it made.
pub fn cargo_build_elf(build: &CargoBuild) -> Result<PathBuf, String> {
    let label = build.label;
    let crate_dir = build.crate_dir;
    let root = absolute(Path::new("."))?;
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|h| Path::new(&h).join(".cargo")))
        .unwrap_or_default();
    let triple = build.triple;
    // Remapped source paths keep the build machine's directories out of panic messages, so the
    // image bytes do not depend on where the repository is checked out.
    let rustflags = format!(
        "target.{triple}.rustflags=[\"--remap-path-prefix={}=/mpy\", \"--remap-path-prefix={}=/cargo\"]",
        root.display(),
        cargo_home.display()
    );
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    if build.xtensa {
        cargo = Command::new("cargo");
        cargo.arg("+esp");
    }
    cargo
        .current_dir(crate_dir)
        .args([
            "build",
            "--release",
            "--message-format=json-render-diagnostics",
        ])
        .arg("--manifest-path")
        .arg(absolute(&crate_dir.join("Cargo.toml"))?)
        .args(["--target", triple])
        .arg("--target-dir")
        .arg(&build.target_dir)
        .arg("--config")
        .arg(&rustflags)
        .env("SOURCE_DATE_EPOCH", source_date_epoch())
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(gen_dir) = &build.gen_dir {
        cargo.env("MPY_GEN_DIR", gen_dir);
        // Names used by the frozen modules join the firmware's static qstr table.
        cargo.env("MPY_EXTRA_QSTRS", gen_dir.join(gen::FROZEN_QSTRS));
    }
    if !build.features.is_empty() {
        cargo.arg("--features").arg(build.features.join(","));
    }
    let mut child = cargo
        .spawn()
        .map_err(|e| format!("cannot run cargo for {}: {e}", label))?;
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
        .map_err(|e| format!("cargo for {} did not finish: {e}", label))?;
    let stderr_text = stderr_reader.join().unwrap_or_default();
    if !status.success() {
        let mut err = format!(
            "firmware build of {} failed (cargo build in {}):\n{}",
            label,
            crate_dir.display(),
            diagnostics_only(&stderr_text)
        );
        // The linker's overflow lines are buried in its invocation; end with them said plainly.
        for (region, over) in linker_overflows(&stderr_text) {
            err.push_str(&format!(
                "\nthe firmware does not fit: the linker's {region} region overflowed by {over} \
                 bytes{}",
                build
                    .board
                    .map(|b| region_hint(b, &region))
                    .unwrap_or_default()
            ));
        }
        return Err(err);
    }
    match executables.as_slice() {
        [elf] => Ok(elf.clone()),
        [] => Err(format!(
            "cargo built {} but reported no executable: the board crate needs a [[bin]] target",
            crate_dir.display()
        )),
        many => Err(format!(
            "cargo built several executables for {} ({}); a board crate must have exactly one binary",
            label,
            many.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// The largest overflow per memory region from the linker's lines, in order of first mention:
/// rust-lld's "section '.text' will not fit in region 'FLASH': overflowed by 101188 bytes" and
/// GNU ld's (the Xtensa GCC's) "region `dram_seg' overflowed by 4100 bytes".
pub(crate) fn linker_overflows(stderr: &str) -> Vec<(String, u64)> {
    let mut regions: Vec<(String, u64)> = Vec::new();
    for line in stderr.lines() {
        let found = line
            .split_once("will not fit in region '")
            .and_then(|(_, rest)| rest.split_once("': overflowed by "))
            .or_else(|| {
                line.split_once("region `")
                    .and_then(|(_, rest)| rest.split_once("' overflowed by "))
            });
        let Some((region, rest)) = found else {
            continue;
        };
        let Some(Ok(bytes)) = rest.split_whitespace().next().map(str::parse::<u64>) else {
            continue;
        };
        match regions.iter_mut().find(|(r, _)| r == region) {
            Some((_, max)) => *max = (*max).max(bytes),
            None => regions.push((region.to_string(), bytes)),
        }
    }
    regions
}

/// Which manifest size a generated memory.x region comes from, and what to do about it.
fn region_hint(board: &Board, region: &str) -> String {
    let m = &board.memory;
    match region {
        "FLASH" => format!(
            " (firmware_size = {} bytes at {}); drop modules or enlarge firmware_size",
            m.firmware_size.value, m.firmware_size.origin
        ),
        "RAM" => format!(
            " (ram_size = {} bytes at {}, heap_size {} inside); lower heap_size",
            m.ram_size.value, m.ram_size.origin, m.heap_size.value
        ),
        crate::esp8266_map::DRAM_REGION => crate::esp8266_map::dram_overflow_hint(board),
        _ => String::new(),
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
    fn linker_overflows_keep_the_largest_per_region() {
        let stderr = "  = note: rust-lld: error: section '.text' will not fit in region 'FLASH': overflowed by 101188 bytes\n\
                      rust-lld: error: section '.data' will not fit in region 'FLASH': overflowed by 216096 bytes\n\
                      rust-lld: error: section '.bss' will not fit in region 'RAM': overflowed by 12 bytes\n\
                      error: could not compile `fw`\n";
        assert_eq!(
            super::linker_overflows(stderr),
            [("FLASH".to_string(), 216096), ("RAM".to_string(), 12)]
        );
        assert!(super::linker_overflows("error: mismatched types").is_empty());
        let gnu = "ld: fw section `.bss' will not fit in region `dram_seg'\n\
                   ld: region `dram_seg' overflowed by 41000 bytes\n";
        assert_eq!(
            super::linker_overflows(gnu),
            [("dram_seg".to_string(), 41000)]
        );
    }

    #[test]
    fn progress_lines_are_dropped_from_build_errors() {
        let stderr = "   Compiling foo v1.0\nerror: bad thing\n  --> src/main.rs:1:1\n   Downloaded bar v2\n";
        assert_eq!(
            super::diagnostics_only(stderr),
            "error: bad thing\n  --> src/main.rs:1:1"
        );
    }
}
