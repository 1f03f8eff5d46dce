//! `cargo xtask bench [--filter TEXT] [--runs N] [--markdown FILE]`: times every `bench/*.py` program on the
//! release host binary (in a 256 KB heap) and on CPython, checks that both print the same output, and prints a
//! table of best-of-N wall times with the micropython-rs/CPython ratio and the geometric mean of the ratios.
//!
//! Environment overrides:
//! - `MPY_BENCH_BINARY`: interpreter to time instead of building `micropython` (e.g. `python3`).
//! - `MPY_BENCH_PYTHON`: the CPython to compare against (default `python3`).

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Heap given to micropython-rs: the benchmarks are written to fit a small microcontroller-sized heap.
const HEAP_OPTION: &str = "heapsize=256k";
/// A single run longer than this is abandoned and the benchmark reported as an error.
const RUN_TIMEOUT: Duration = Duration::from_secs(120);
const DEFAULT_RUNS: usize = 3;

struct Options {
    filter: Option<String>,
    runs: usize,
    markdown: Option<PathBuf>,
}

/// The outcome of one benchmark: best times in seconds, or why it could not be timed.
struct BenchResult {
    name: String,
    timing: Result<(f64, f64), String>,
}

impl BenchResult {
    fn ratio(&self) -> Option<f64> {
        self.timing
            .as_ref()
            .ok()
            .map(|(mpy, cpython)| mpy / cpython)
    }
}

const USAGE: &str = "usage: cargo xtask bench [--filter TEXT] [--runs N] [--markdown FILE]";

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        filter: None,
        runs: DEFAULT_RUNS,
        markdown: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--filter" => options.filter = Some(value("--filter")?),
            "--runs" => {
                let text = value("--runs")?;
                options.runs = text
                    .parse()
                    .map_err(|_| format!("--runs expects a number, got {text:?}"))?;
                if options.runs == 0 {
                    return Err("--runs must be at least 1".to_string());
                }
            }
            "--markdown" => options.markdown = Some(PathBuf::from(value("--markdown")?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(options)
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Extracts the string value of `"key":"..."` from one line of cargo's JSON messages, undoing JSON escapes.
fn json_string_field(line: &str, key: &str) -> Option<String> {
    let start = line.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let mut value = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(value),
            '\\' => match chars.next()? {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'u' => {
                    let code: String = chars.by_ref().take(4).collect();
                    value.push(char::from_u32(u32::from_str_radix(&code, 16).ok()?)?);
                }
                escaped => value.push(escaped),
            },
            c => value.push(c),
        }
    }
    None
}

/// Builds the host binary in release mode and returns the path cargo reports for it.
fn build_host_binary(root: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    eprintln!("bench: building the host binary (release)");
    let output = Command::new(cargo)
        .args([
            "build",
            "--release",
            "-p",
            "mpy-host",
            "--bin",
            "micropython",
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| format!("cannot run cargo: {err}"))?;
    if !output.status.success() {
        return Err("cargo build --release -p mpy-host failed".to_string());
    }
    let messages = String::from_utf8_lossy(&output.stdout);
    let executable = messages
        .lines()
        .filter(|line| line.contains("\"reason\":\"compiler-artifact\""))
        .filter(|line| json_string_field(line, "name").is_some_and(|name| name == "micropython"))
        .find_map(|line| json_string_field(line, "executable"));
    let path = match executable {
        Some(path) => PathBuf::from(path),
        None => {
            let target_dir = std::env::var_os("CARGO_TARGET_DIR")
                .map_or_else(|| root.join("target"), PathBuf::from);
            target_dir
                .join("release")
                .join(format!("micropython{}", std::env::consts::EXE_SUFFIX))
        }
    };
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!("built binary not found at {}", path.display()))
    }
}

/// Runs a program once; returns its stdout and wall time, or an error for a failure or timeout.
fn time_run(program: &Path, args: &[&str], script: &Path) -> Result<(Vec<u8>, f64), String> {
    let started = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .arg(script.file_name().expect("benchmark file name"))
        .current_dir(script.parent().expect("benchmark folder"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot start {}: {err}", program.display()))?;
    // Read stderr on a thread so neither pipe can fill up and stall the child while we wait.
    let mut stderr_pipe = child.stderr.take().expect("piped stderr");
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr_pipe.read_to_string(&mut text);
        text
    });
    let mut stdout_pipe = child.stdout.take().expect("piped stdout");
    let stdout_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout_pipe.read_to_end(&mut bytes);
        bytes
    });
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|err| format!("waiting: {err}"))? {
            break status;
        }
        if started.elapsed() > RUN_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "{} timed out after {}s",
                program.display(),
                RUN_TIMEOUT.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let elapsed = started.elapsed().as_secs_f64();
    let stdout = stdout_reader.join().expect("stdout reader");
    let stderr = stderr_reader.join().expect("stderr reader");
    if !status.success() {
        let last_line = stderr.lines().last().unwrap_or("").to_string();
        return Err(format!(
            "{} exited with {status}: {last_line}",
            program.display()
        ));
    }
    Ok((stdout, elapsed))
}

/// Best wall time over `runs` runs; every run must print `expected` (or the first run's output if `None`).
fn best_time(
    program: &Path,
    args: &[&str],
    script: &Path,
    runs: usize,
    expected: Option<&[u8]>,
) -> Result<(Vec<u8>, f64), String> {
    let mut best = f64::INFINITY;
    let mut first_output: Option<Vec<u8>> = None;
    for _ in 0..runs {
        let (output, seconds) = time_run(program, args, script)?;
        let reference = expected.or(first_output.as_deref());
        if let Some(reference) = reference {
            if output != reference {
                return Err(format!(
                    "output differs: expected {:?}, got {:?}",
                    String::from_utf8_lossy(reference).trim_end(),
                    String::from_utf8_lossy(&output).trim_end()
                ));
            }
        }
        first_output.get_or_insert(output);
        best = best.min(seconds);
    }
    Ok((first_output.unwrap_or_default(), best))
}

fn run_benchmark(
    script: &Path,
    binary: &Path,
    python: &Path,
    runs: usize,
) -> Result<(f64, f64), String> {
    let (cpython_output, cpython_seconds) =
        best_time(python, &[], script, runs, None).map_err(|err| format!("CPython: {err}"))?;
    if cpython_output.is_empty() {
        return Err("CPython printed nothing: a benchmark must print a checksum".to_string());
    }
    let (_, mpy_seconds) = best_time(
        binary,
        &["-X", HEAP_OPTION],
        script,
        runs,
        Some(&cpython_output),
    )
    .map_err(|err| format!("micropython-rs: {err}"))?;
    Ok((mpy_seconds, cpython_seconds))
}

fn geometric_mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let log_sum: f64 = values.iter().map(|value| value.ln()).sum();
    Some((log_sum / values.len() as f64).exp())
}

fn table_rows(results: &[BenchResult]) -> Vec<[String; 4]> {
    let mut rows: Vec<[String; 4]> = results
        .iter()
        .map(|result| match &result.timing {
            Ok((mpy, cpython)) => [
                result.name.clone(),
                format!("{mpy:.3}"),
                format!("{cpython:.3}"),
                format!("{:.2}", mpy / cpython),
            ],
            Err(_) => [
                result.name.clone(),
                "error".to_string(),
                "error".to_string(),
                "-".to_string(),
            ],
        })
        .collect();
    let ratios: Vec<f64> = results.iter().filter_map(BenchResult::ratio).collect();
    let mean = geometric_mean(&ratios).map_or_else(|| "-".to_string(), |mean| format!("{mean:.2}"));
    rows.push([
        "geometric mean".to_string(),
        String::new(),
        String::new(),
        mean,
    ]);
    rows
}

const HEADERS: [&str; 4] = ["benchmark", "micropython-rs s", "CPython s", "ratio"];

fn plain_table(rows: &[[String; 4]]) -> String {
    let mut widths = HEADERS.map(str::len);
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.len());
        }
    }
    let mut text = String::new();
    let header_cells = HEADERS.map(str::to_string);
    for row in std::iter::once(&header_cells).chain(rows) {
        let _ = writeln!(
            text,
            "{:<w0$}  {:>w1$}  {:>w2$}  {:>w3$}",
            row[0],
            row[1],
            row[2],
            row[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        );
    }
    text
}

fn markdown_table(rows: &[[String; 4]], runs: usize) -> String {
    let mut text = String::from("# Benchmarks\n\n");
    let _ = writeln!(
        text,
        "Best of {runs} wall-clock runs of each `bench/*.py` program: micropython-rs (`-X {HEAP_OPTION}`) against \
         CPython; ratio = micropython-rs time / CPython time (lower is better). Generated by `cargo xtask bench`.\n"
    );
    let _ = writeln!(text, "| {} |", HEADERS.join(" | "));
    text.push_str("| --- | ---: | ---: | ---: |\n");
    for row in rows {
        let _ = writeln!(text, "| {} |", row.join(" | "));
    }
    text
}

/// Entry point of `cargo xtask bench`.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse_options(args)?;
    let root = workspace_root();
    let bench_dir = root.join("bench");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&bench_dir)
        .map_err(|err| format!("reading {}: {err}", bench_dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .filter(|path| {
            let name = path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            options
                .filter
                .as_ref()
                .is_none_or(|filter| name.contains(filter.as_str()))
        })
        .collect();
    scripts.sort();
    if scripts.is_empty() {
        return Err(format!(
            "no benchmarks in {} match the filter {:?}",
            bench_dir.display(),
            options.filter
        ));
    }

    let binary = match std::env::var_os("MPY_BENCH_BINARY") {
        Some(binary) => PathBuf::from(binary),
        None => build_host_binary(&root)?,
    };
    let python =
        PathBuf::from(std::env::var_os("MPY_BENCH_PYTHON").unwrap_or_else(|| "python3".into()));

    let mut results = Vec::new();
    for script in &scripts {
        let name = script
            .file_stem()
            .expect("benchmark name")
            .to_string_lossy()
            .into_owned();
        eprintln!("bench: {name}");
        let timing = run_benchmark(script, &binary, &python, options.runs);
        if let Err(err) = &timing {
            eprintln!("bench: {name}: error: {err}");
        }
        results.push(BenchResult { name, timing });
    }

    let rows = table_rows(&results);
    print!("{}", plain_table(&rows));
    if let Some(path) = &options.markdown {
        std::fs::write(path, markdown_table(&rows, options.runs))
            .map_err(|err| format!("writing {}: {err}", path.display()))?;
        eprintln!("bench: wrote {}", path.display());
    }
    let failed: Vec<&str> = results
        .iter()
        .filter(|result| result.timing.is_err())
        .map(|r| r.name.as_str())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} benchmark(s) failed: {}",
            failed.len(),
            failed.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_field_is_unescaped() {
        let line = r#"{"reason":"compiler-artifact","target":{"name":"micropython"},"executable":"/t/a\"b\\c"}"#;
        assert_eq!(
            json_string_field(line, "executable").as_deref(),
            Some("/t/a\"b\\c")
        );
        assert_eq!(
            json_string_field(line, "name").as_deref(),
            Some("micropython")
        );
        assert_eq!(json_string_field(line, "missing"), None);
    }

    #[test]
    fn geometric_mean_of_ratios() {
        let mean = geometric_mean(&[2.0, 8.0]).expect("non-empty");
        assert!((mean - 4.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[]), None);
    }

    #[test]
    fn options_parse_and_reject() {
        let args: Vec<String> = ["--filter", "fib", "--runs", "5"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let options = parse_options(&args).expect("valid options");
        assert_eq!(options.filter.as_deref(), Some("fib"));
        assert_eq!(options.runs, 5);
        assert!(parse_options(&["--runs".to_string(), "0".to_string()]).is_err());
        assert!(parse_options(&["--bogus".to_string()]).is_err());
    }

    #[test]
    fn failed_benchmark_shows_as_error_row() {
        let results = vec![
            BenchResult {
                name: "ok".to_string(),
                timing: Ok((2.0, 1.0)),
            },
            BenchResult {
                name: "bad".to_string(),
                timing: Err("mismatch".to_string()),
            },
        ];
        let rows = table_rows(&results);
        assert_eq!(rows[0][3], "2.00");
        assert_eq!(rows[1][1], "error");
        assert_eq!(
            rows[2],
            [
                "geometric mean".to_string(),
                String::new(),
                String::new(),
                "2.00".to_string()
            ]
        );
    }
}
