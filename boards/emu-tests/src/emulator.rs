//! Running a firmware in an emulator and talking to its console.

use crate::boards::{Board, Emulator};
use crate::repo_root;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Console output collected by a reader thread.
#[derive(Default)]
struct Output {
    bytes: Vec<u8>,
    closed: bool,
}

type SharedOutput = Arc<(Mutex<Output>, Condvar)>;

/// A running emulator with its console on stdin/stdout.
pub struct Session {
    child: Child,
    stdin: ChildStdin,
    stdout: SharedOutput,
    stderr: SharedOutput,
    /// Output before this offset has been matched already.
    cursor: usize,
}

/// The command that runs `elf` for `board`.
pub fn command(board: &Board, elf: &Path) -> Result<Command, String> {
    match board.emulator {
        Emulator::Qemu {
            machine,
            extra_args,
        } => {
            let mut cmd = Command::new("qemu-system-arm");
            cmd.args([
                "-M", machine, "-display", "none", "-monitor", "none", "-serial", "stdio",
            ])
            .args(extra_args)
            .arg("-kernel")
            .arg(elf);
            Ok(cmd)
        }
        Emulator::Rp2040js => {
            let dir = repo_root().join("boards/emu-tests/rp2040js");
            install_rp2040js(&dir)?;
            let mut cmd = Command::new("node");
            cmd.arg(dir.join("run.mjs"))
                .arg(elf)
                .args(["--uart", &board.console_uart.to_string()]);
            Ok(cmd)
        }
        Emulator::None => Err(format!("{} has no emulator", board.id)),
    }
}

/// `npm ci` in the rp2040js harness directory unless its node_modules are present.
fn install_rp2040js(dir: &Path) -> Result<(), String> {
    if dir.join("node_modules/rp2040js/package.json").is_file() {
        return Ok(());
    }
    let out = Command::new("npm")
        .arg("ci")
        .current_dir(dir)
        .output()
        .map_err(|e| format!("running npm (is node installed?): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "npm ci in {} failed:\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

fn spawn_reader(mut source: impl Read + Send + 'static) -> SharedOutput {
    let shared: SharedOutput = Arc::default();
    let sink = Arc::clone(&shared);
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        loop {
            let n = source.read(&mut buf).unwrap_or(0);
            let (lock, cond) = &*sink;
            let mut out = lock.lock().unwrap();
            if n == 0 {
                out.closed = true;
                cond.notify_all();
                return;
            }
            out.bytes.extend_from_slice(&buf[..n]);
            cond.notify_all();
        }
    });
    shared
}

impl Session {
    pub fn start(board: &Board, elf: &Path) -> Result<Session, String> {
        let mut cmd = command(board, elf)?;
        let program = cmd.get_program().to_string_lossy().into_owned();
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("starting {program}: {e} (is it installed?)"))?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = spawn_reader(child.stdout.take().expect("piped stdout"));
        let stderr = spawn_reader(child.stderr.take().expect("piped stderr"));
        Ok(Session {
            child,
            stdin,
            stdout,
            stderr,
            cursor: 0,
        })
    }

    pub fn send(&mut self, text: &str) -> Result<(), String> {
        self.stdin
            .write_all(text.as_bytes())
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("writing to the emulator: {e}"))
    }

    /// Waits until the output after the last match contains `needle`; returns the output up to
    /// and including it. On timeout or exit, the error shows what was received.
    pub fn expect(&mut self, needle: &str, timeout: Duration) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        let (lock, cond) = &*self.stdout;
        let mut out = lock.lock().unwrap();
        loop {
            let unmatched = &out.bytes[self.cursor..];
            if let Some(pos) = find(unmatched, needle.as_bytes()) {
                let end = self.cursor + pos + needle.len();
                let seen = String::from_utf8_lossy(&out.bytes[self.cursor..end]).into_owned();
                self.cursor = end;
                return Ok(seen);
            }
            let now = Instant::now();
            if out.closed || now >= deadline {
                let why = if out.closed {
                    "the emulator exited"
                } else {
                    "timed out"
                };
                return Err(format!(
                    "{why} after {:?} waiting for {needle:?}\nreceived since last match: {:?}\nemulator stderr: {:?}",
                    timeout,
                    String::from_utf8_lossy(unmatched),
                    self.stderr_text()
                ));
            }
            out = cond.wait_timeout(out, deadline - now).unwrap().0;
        }
    }

    fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr.0.lock().unwrap().bytes).into_owned()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len().max(1))
        .position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn finds_subslices() {
        assert_eq!(find(b">>> hello", b"hello"), Some(4));
        assert_eq!(find(b">>> ", b"hello"), None);
    }
}
