//! Unmodified `mpremote` (from PyPI) driving the host REPL through a serial-like pty, as it
//! drives a board: raw REPL, soft reset, raw-paste mode with flow control, `exec`, `eval`,
//! `run`. The board firmware gets the same session in QEMU (boards/emu-tests).

mod common;

use common::openpty;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::process::{Child, Command, Stdio};

/// Copy bytes from `from` to `to` until either side closes.
fn pump(mut from: File, mut to: File) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 512];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 || to.write_all(&buf[..n]).is_err() {
                break;
            }
        }
    });
}

/// The host interpreter on one pty, relayed to a second pty whose device path mpremote opens.
struct SerialDevice {
    child: Child,
    path: String,
    _tool_side: OwnedFd,
}

impl SerialDevice {
    fn start() -> SerialDevice {
        let (dev_master, dev_slave) = openpty();
        let child = Command::new(env!("CARGO_BIN_EXE_micropython"))
            .stdin(Stdio::from(dev_slave.try_clone().unwrap()))
            .stdout(Stdio::from(dev_slave.try_clone().unwrap()))
            .stderr(Stdio::from(dev_slave))
            .spawn()
            .expect("start micropython");
        let (tool_master, tool_slave) = openpty();
        // SAFETY: termios of a valid pty fd, made raw like a serial line.
        let path = unsafe {
            use std::os::fd::AsRawFd;
            let mut t: libc::termios = std::mem::zeroed();
            libc::tcgetattr(tool_slave.as_raw_fd(), &mut t);
            libc::cfmakeraw(&mut t);
            libc::tcsetattr(tool_slave.as_raw_fd(), libc::TCSANOW, &t);
            std::ffi::CStr::from_ptr(libc::ttyname(tool_slave.as_raw_fd()))
                .to_string_lossy()
                .into_owned()
        };
        let dev = File::from(dev_master);
        let tool = File::from(tool_master);
        pump(dev.try_clone().unwrap(), tool.try_clone().unwrap());
        pump(tool, dev);
        SerialDevice {
            child,
            path,
            _tool_side: tool_slave,
        }
    }

    fn mpremote(&self, args: &[&str]) -> String {
        let out = Command::new("mpremote")
            .arg("connect")
            .arg(&self.path)
            .args(args)
            .output()
            .expect(
                "mpremote is not installed: run `pip install mpremote` (ci/install-deps.sh does)",
            );
        // The device sends CR LF line ends, as a board does.
        let stdout = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
        assert!(
            out.status.success(),
            "mpremote {args:?} failed: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    }
}

impl Drop for SerialDevice {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn mpremote_exec_eval_and_run_against_the_host_repl() {
    let dev = SerialDevice::start();
    assert_eq!(dev.mpremote(&["exec", "print(1+1)"]), "2\n");
    assert_eq!(dev.mpremote(&["eval", "6*7"]), "42\n");
    // Longer than several raw-paste windows, so flow control is exercised.
    let script = std::env::temp_dir().join(format!("mpremote_run_{}.py", std::process::id()));
    let mut src = String::from("total = 0\n");
    for i in 0..100 {
        src.push_str(&format!("total += {i}  # line {i}\n"));
    }
    src.push_str("print('total', total)\n");
    std::fs::write(&script, &src).unwrap();
    let out = dev.mpremote(&["run", script.to_str().unwrap()]);
    let _ = std::fs::remove_file(&script);
    assert_eq!(out, "total 4950\n");
    // An exception comes back as mpremote's error output, and the session goes on.
    let err = Command::new("mpremote")
        .args(["connect", &dev.path, "exec", "1/0"])
        .output()
        .expect("mpremote");
    assert!(!err.status.success());
    assert!(String::from_utf8_lossy(&err.stdout).contains("ZeroDivisionError"));
    assert_eq!(
        dev.mpremote(&["exec", "print('still here')"]),
        "still here\n"
    );
}
