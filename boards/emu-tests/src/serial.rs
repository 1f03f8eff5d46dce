//! An emulated board's console as a serial device path, for tools that open a port (mpremote):
//! `cargo xtask run <board>` on pipes, bridged to a pseudo-terminal whose device path the tool
//! opens, as it would open `/dev/ttyACM0`.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct SerialBridge {
    child: Child,
    /// The device path a tool opens.
    pub path: String,
    /// Everything the board printed, for checks between tool runs.
    console: Arc<Mutex<Vec<u8>>>,
    to_board: Arc<Mutex<ChildStdin>>,
    /// Kept open so the pty stays usable between tool runs.
    _tool_side: OwnedFd,
}

fn openpty() -> Result<(OwnedFd, OwnedFd), String> {
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two fds into the provided ints; null name/termios/winsize.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if rc != 0 {
        return Err("openpty failed".into());
    }
    // SAFETY: both fds were just opened by openpty and are owned here.
    Ok(unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) })
}

/// A raw (serial-line-like) pty slave and its device path.
fn raw_slave_path(slave: &OwnedFd) -> Result<String, String> {
    // SAFETY: termios calls and ttyname on a valid, open pty fd.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(slave.as_raw_fd(), &mut t) != 0 {
            return Err("tcgetattr failed".into());
        }
        libc::cfmakeraw(&mut t);
        libc::tcsetattr(slave.as_raw_fd(), libc::TCSANOW, &t);
        let name = libc::ttyname(slave.as_raw_fd());
        if name.is_null() {
            return Err("ttyname failed".into());
        }
        Ok(std::ffi::CStr::from_ptr(name)
            .to_string_lossy()
            .into_owned())
    }
}

impl SerialBridge {
    /// Boots `board` with `cargo xtask run` and bridges its console to a new pty.
    pub fn start(board: &str) -> Result<SerialBridge, String> {
        let mut child = crate::xtask::command(&["run", board])
            .process_group(0)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("starting cargo xtask run {board}: {e}"))?;
        let (master, slave) = openpty()?;
        let path = raw_slave_path(&slave)?;
        let to_board = Arc::new(Mutex::new(child.stdin.take().expect("piped stdin")));
        let console = Arc::new(Mutex::new(Vec::new()));
        let mut from_board = child.stdout.take().expect("piped stdout");
        let mut to_tool = File::from(master.try_clone().map_err(|e| e.to_string())?);
        let seen = Arc::clone(&console);
        std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            while let Ok(n @ 1..) = from_board.read(&mut buf) {
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
                if to_tool.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
        });
        let mut from_tool = File::from(master);
        let board_in = Arc::clone(&to_board);
        std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            while let Ok(n @ 1..) = from_tool.read(&mut buf) {
                if board_in.lock().unwrap().write_all(&buf[..n]).is_err() {
                    break;
                }
            }
        });
        Ok(SerialBridge {
            child,
            path,
            console,
            to_board,
            _tool_side: slave,
        })
    }

    /// How many console bytes have arrived so far (a mark for [`Self::wait_for`]).
    pub fn mark(&self) -> usize {
        self.console.lock().unwrap().len()
    }

    /// Waits until the console output after `mark` contains `text`.
    pub fn wait_for(&self, mark: usize, text: &str, timeout: Duration) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            let seen = String::from_utf8_lossy(&self.console.lock().unwrap()[mark..]).into_owned();
            if seen.contains(text) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "the console never showed {text:?}; it showed {seen:?}"
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types `bytes` on the console directly (not through the tool).
    pub fn send(&self, bytes: &[u8]) -> Result<(), String> {
        let mut stdin = self.to_board.lock().unwrap();
        stdin
            .write_all(bytes)
            .and_then(|()| stdin.flush())
            .map_err(|e| format!("writing to the board: {e}"))
    }

    /// Runs `mpremote connect <path> <args>`; returns its stdout (CR LF turned into LF), or the
    /// whole output as the error if it failed.
    pub fn mpremote(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new("mpremote")
            .arg("connect")
            .arg(&self.path)
            .args(args)
            .output()
            .map_err(|e| {
                format!("cannot run mpremote ({e}): install it with `pip install mpremote` (ci/install-deps.sh does)")
            })?;
        let stdout = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
        if out.status.success() {
            Ok(stdout)
        } else {
            Err(format!(
                "mpremote {} failed: {stdout}{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }
}

impl Drop for SerialBridge {
    fn drop(&mut self) {
        // The whole group: cargo, xtask and the emulator.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}
