//! Differential test corpus runner: every program under `tests/` (see `tests/README.md`) is run on the
//! `micropython` binary and its stdout and exit code are compared with the expected ones, which come from a
//! checked-in `<name>.py.exp` file when present and otherwise from running the same program on CPython.
//!
//! Environment:
//! - `MPY_TEST_BINARY`: interpreter to test instead of the freshly built `micropython` (e.g. `python3`).
//! - `MPY_TEST_FILTER`: only run tests whose path (relative to `tests/`) contains this substring, or with a
//!   leading `!`, only those whose path does not contain it.
//! - `MPY_TEST_SELFCHECK=1`: also run CPython a second time with a different hash seed and fail any test whose
//!   reference output changes, so nondeterministic tests are caught before they become flaky.
//! - `MPY_TEST_PYTHON`: the CPython used for reference outputs (default `python3`).

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Longest a single program may run (on either interpreter) before it counts as a failure.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Heap given to the interpreter under test; the corpus programs are small, so this is generous.
const HEAP_OPTION: &str = "heapsize=2m";
/// How many lines of a mismatch are shown from the first differing line on.
const DIFF_LINES: usize = 6;

/// What one run of a program produced.
struct RunOutput {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    exit_code: Option<i32>,
    timed_out: bool,
}

/// What a test is expected to print and return.
struct Expectation {
    stdout: Vec<u8>,
    exit_code: Option<i32>,
}

fn tests_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

/// A component is a helper (imported by tests, never run on its own) when its name ends in `_helper`
/// (a package directory) or `_helper.py` (a module).
fn is_helper(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.ends_with("_helper") || name.ends_with("_helper.py")
}

fn collect_tests(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|err| panic!("reading {}: {err}", dir.display()));
    for entry in entries {
        let entry = entry.expect("directory entry");
        let path = entry.path();
        if is_helper(&entry.file_name()) || entry.file_name() == "__pycache__" {
            continue;
        }
        if path.is_dir() {
            collect_tests(&path, found);
        } else if path.extension() == Some(OsStr::new("py")) {
            found.push(path);
        }
    }
}

/// Runs `program args... <file name>` in the file's folder, killing it after `TIMEOUT`.
fn run_program(
    program: &str,
    args: &[&str],
    test: &Path,
    extra_env: &[(&str, &str)],
) -> Result<RunOutput, String> {
    let folder = test.parent().expect("test file has a folder");
    let file_name = test.file_name().expect("test file has a name");
    let mut command = Command::new(program);
    command
        .args(args)
        .arg(file_name)
        .current_dir(folder)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Bytecode caches would litter the corpus folders with __pycache__ directories.
        .env("PYTHONDONTWRITEBYTECODE", "1");
    for (key, value) in extra_env {
        command.env(key, value);
    }
    let mut child = command
        .spawn()
        .map_err(|err| format!("cannot start {program}: {err}"))?;
    // Drain both pipes on their own threads so a chatty program cannot block on a full pipe while we wait.
    let mut stdout_pipe = child.stdout.take().expect("piped stdout");
    let mut stderr_pipe = child.stderr.take().expect("piped stderr");
    let stdout_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout_pipe.read_to_end(&mut bytes);
        bytes
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr_pipe.read_to_end(&mut bytes);
        bytes
    });
    let started = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child
            .try_wait()
            .map_err(|err| format!("waiting for {program}: {err}"))?
        {
            break (Some(status), false);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break (None, true);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok(RunOutput {
        stdout: stdout_reader.join().expect("stdout reader"),
        stderr: stderr_reader.join().expect("stderr reader"),
        exit_code: status.and_then(|status| status.code()),
        timed_out,
    })
}

fn reference_python() -> String {
    std::env::var("MPY_TEST_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Runs the reference CPython on a test; its output must be usable as an expectation.
fn run_reference(test: &Path, hash_seed: &str) -> Result<Expectation, String> {
    let output = run_program(
        &reference_python(),
        &[],
        test,
        &[("PYTHONHASHSEED", hash_seed)],
    )?;
    if output.timed_out {
        return Err(format!("CPython timed out after {}s", TIMEOUT.as_secs()));
    }
    Ok(Expectation {
        stdout: output.stdout,
        exit_code: output.exit_code,
    })
}

fn expectation_for(test: &Path, self_check: bool) -> Result<Expectation, String> {
    let mut exp_name = test.as_os_str().to_owned();
    exp_name.push(".exp");
    let exp_path = PathBuf::from(exp_name);
    let expected = if exp_path.exists() {
        // A checked-in expectation records a deliberate MicroPython difference; such programs exit normally.
        let stdout = std::fs::read(&exp_path)
            .map_err(|err| format!("reading {}: {err}", exp_path.display()))?;
        Expectation {
            stdout,
            exit_code: Some(0),
        }
    } else {
        let first = run_reference(test, "0")?;
        if self_check {
            let second = run_reference(test, "12345")?;
            if first.stdout != second.stdout || first.exit_code != second.exit_code {
                return Err(format!(
                    "nondeterministic under CPython (two runs differ)\n{}",
                    diff(&first.stdout, &second.stdout)
                ));
            }
        }
        first
    };
    if expected.stdout.is_empty() {
        return Err("expected output is empty: a test must print what it checks".to_string());
    }
    Ok(expected)
}

/// A short unified-style diff starting at the first differing line.
fn diff(expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let expected_lines: Vec<&str> = expected.split_inclusive('\n').collect();
    let actual_lines: Vec<&str> = actual.split_inclusive('\n').collect();
    let first_difference = expected_lines
        .iter()
        .zip(&actual_lines)
        .position(|(left, right)| left != right)
        .unwrap_or(expected_lines.len().min(actual_lines.len()));
    let mut text = format!("    @@ line {} @@\n", first_difference + 1);
    for (marker, lines) in [('-', &expected_lines), ('+', &actual_lines)] {
        let shown = lines.iter().skip(first_difference).take(DIFF_LINES);
        for line in shown {
            let line = line
                .strip_suffix('\n')
                .map_or_else(|| format!("{line}\\ no newline"), str::to_string);
            let _ = writeln!(text, "    {marker}{line}");
        }
        if lines.len() > first_difference + DIFF_LINES {
            let _ = writeln!(
                text,
                "    {marker}... ({} more lines)",
                lines.len() - first_difference - DIFF_LINES
            );
        }
    }
    text
}

fn first_lines(bytes: &[u8], count: usize) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .take(count)
        .map(|line| format!("    stderr: {line}\n"))
        .collect()
}

/// Runs one test with the interpreter options `options`; `Err` carries the failure report.
fn check_test(test: &Path, binary: &str, options: &[&str], self_check: bool) -> Result<(), String> {
    let expected = expectation_for(test, self_check)?;
    let mut args = vec!["-X", HEAP_OPTION];
    args.extend_from_slice(options);
    let actual = run_program(binary, &args, test, &[])?;
    if actual.timed_out {
        return Err(format!(
            "timed out after {}s\n{}",
            TIMEOUT.as_secs(),
            first_lines(&actual.stderr, 5)
        ));
    }
    let mut report = String::new();
    if actual.stdout != expected.stdout {
        report.push_str("stdout differs\n");
        report.push_str(&diff(&expected.stdout, &actual.stdout));
    }
    if actual.exit_code != expected.exit_code {
        let _ = writeln!(
            report,
            "exit code {:?}, expected {:?}",
            actual.exit_code, expected.exit_code
        );
    }
    if report.is_empty() {
        Ok(())
    } else {
        report.push_str(&first_lines(&actual.stderr, 5));
        Err(report)
    }
}

#[test]
fn corpus() {
    run_corpus(&[]);
}

/// The same programs as frozen code: each script is compiled, serialized in the frozen-module
/// format and run in place from those bytes (`-X frozen`), so every program checks the format
/// round trip (constants, names, line and exception tables) against the same expectations.
#[test]
fn corpus_as_frozen_code() {
    if std::env::var("MPY_TEST_BINARY").is_ok() {
        return; // another interpreter has no `-X frozen`
    }
    run_corpus(&["-X", "frozen"]);
}

/// Held while a program under `tests/files/` runs (with its CPython reference run): see
/// `run_corpus`.
static FILE_TESTS: Mutex<()> = Mutex::new(());

fn run_corpus(options: &[&str]) {
    let root = tests_root();
    let mut tests = Vec::new();
    collect_tests(&root, &mut tests);
    tests.sort();
    let relative = |test: &Path| {
        test.strip_prefix(&root)
            .unwrap_or(test)
            .display()
            .to_string()
    };
    if let Ok(filter) = std::env::var("MPY_TEST_FILTER") {
        // A leading `!` inverts the filter, e.g. `!micropython/` skips the MicroPython-only tests.
        match filter.strip_prefix('!') {
            Some(excluded) => tests.retain(|test| !relative(test).contains(excluded)),
            None => tests.retain(|test| relative(test).contains(&filter)),
        }
    }
    assert!(
        !tests.is_empty(),
        "no tests found under {} (filter: {:?})",
        root.display(),
        std::env::var("MPY_TEST_FILTER")
    );

    let binary = std::env::var("MPY_TEST_BINARY")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_micropython").to_string());
    let self_check = std::env::var("MPY_TEST_SELFCHECK").is_ok_and(|value| value == "1");
    let workers = std::thread::available_parallelism()
        .map_or(2, |count| count.get())
        .min(tests.len());

    let next_test = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = next_test.fetch_add(1, Ordering::Relaxed);
                let Some(test) = tests.get(index) else { break };
                // The file tests write in a scratch folder beside themselves: the same program
                // run by `corpus` and `corpus_as_frozen_code` at once (or by CPython for its
                // reference output) would remove the other's files.
                let _files = relative(test)
                    .starts_with("files/")
                    .then(|| FILE_TESTS.lock().unwrap_or_else(|e| e.into_inner()));
                if let Err(report) = check_test(test, &binary, options, self_check) {
                    failures
                        .lock()
                        .expect("failure list")
                        .push((relative(test), report));
                }
            });
        }
    });

    let mut failures = failures.into_inner().expect("failure list");
    failures.sort();
    // Known gaps are listed, with their reason, in tests/known_failures.txt. They still run:
    // an expected failure is reported as such, and a listed test that now passes is an error
    // (remove it from the list), so the list always says exactly what does not work yet.
    let known = known_failures(&root);
    let failed_names: Vec<&str> = failures.iter().map(|(n, _)| n.as_str()).collect();
    let mut unexpected = 0;
    for (name, report) in &failures {
        match known.iter().find(|(k, _)| k == name) {
            Some((_, why)) => println!("XFAIL {name} (known: {why})"),
            None => {
                unexpected += 1;
                println!("FAIL {name}: {}", report.trim_end());
            }
        }
    }
    let ran: Vec<String> = tests.iter().map(|t| relative(t)).collect();
    let mut fixed = Vec::new();
    for (name, _) in &known {
        if ran.contains(name) && !failed_names.contains(&name.as_str()) {
            println!("FIXED {name}: passes now; remove it from tests/known_failures.txt");
            fixed.push(name.clone());
        }
    }
    let passed = tests.len() - failures.len();
    let expected = failures.len() - unexpected;
    println!(
        "corpus: {} expected failures (tests/known_failures.txt)",
        expected
    );
    println!(
        "corpus: {passed} passed, {} failed",
        unexpected + fixed.len()
    );
    assert!(
        unexpected == 0 && fixed.is_empty(),
        "corpus: {} unexpected failures, {} listed as known failures but passing",
        unexpected,
        fixed.len()
    );
}

/// `tests/known_failures.txt`: `path  # reason` per line.
fn known_failures(root: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(root.join("known_failures.txt")) else {
        return Vec::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('#') {
            Some((path, why)) => (path.trim().to_string(), why.trim().to_string()),
            None => (l.to_string(), String::from("no reason given")),
        })
        .collect()
}
