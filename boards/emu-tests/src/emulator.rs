//! A `cargo xtask run <board>` session: the board's emulator (QEMU or rp2040js, as its manifest
//! says) with the console on piped stdin/stdout.

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
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

/// A running `cargo xtask run` (cargo, xtask and the emulator, in their own process group).
pub struct Session {
    child: Child,
    stdin: ChildStdin,
    stdout: SharedOutput,
    stderr: SharedOutput,
    /// Output before this offset has been matched already.
    cursor: usize,
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
    /// Starts `cargo xtask run <board>`, which builds the board's emulator firmware first (its
    /// progress goes to stderr, the console to stdout).
    pub fn start(board: &str) -> Result<Session, String> {
        let mut cmd: Command = crate::xtask::command(&["run", board]);
        // Its own process group, so that dropping the session stops the emulator too, not only
        // cargo (which would leave xtask and the emulator running).
        let mut child = cmd
            .process_group(0)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("starting cargo xtask run {board}: {e}"))?;
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
                    "cargo xtask run exited"
                } else {
                    "timed out"
                };
                return Err(format!(
                    "{why} after {:?} waiting for {needle:?}\nreceived since last match: {:?}\ncargo xtask run stderr (build steps, emulator messages): {}",
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
        // The group id is the child's pid (process_group(0) above).
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
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
