//! The interactive terminal for the host REPL: the same friendly/raw REPL as the boards
//! (`mpy_core::repl::run_host`), with the terminal in raw mode so the line editor sees every
//! key (arrows, Tab, Ctrl-A..E) and does its own echo, as MicroPython's Unix port does.
//!
//! Keys come from a reader thread: while Python code runs, a Ctrl-C byte becomes
//! KeyboardInterrupt (`console_byte_interrupts`) instead of input, exactly like a board's UART
//! interrupt. When stdin is not a terminal, input is read directly and not echoed.

use mpy_core::vm::Vm;
use std::io::{IsTerminal, Read};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Mutex, OnceLock};

/// Keys read by the reader thread, when the terminal is in raw mode.
static KEYS: OnceLock<Mutex<Receiver<u8>>> = OnceLock::new();

/// Next key from the terminal's reader thread: `None` when raw mode is not in use,
/// `Some(None)` when input has ended.
pub fn next_key() -> Option<Option<u8>> {
    let keys = KEYS.get()?;
    let rx = keys.lock().ok()?;
    Some(rx.recv().ok())
}

/// Raw mode for the controlling terminal, restored when dropped.
struct RawMode {
    saved: libc::termios,
}

impl RawMode {
    fn enter() -> Option<RawMode> {
        // SAFETY: tcgetattr/tcsetattr on fd 0 with a properly sized, initialised termios.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut t) != 0 {
                return None;
            }
            let saved = t;
            // No line buffering, echo, signal keys or CR→LF on input; output processing (LF →
            // CR LF) stays on.
            t.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
            t.c_iflag &= !(libc::IXON | libc::ICRNL);
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
            if libc::tcsetattr(0, libc::TCSANOW, &t) != 0 {
                return None;
            }
            Some(RawMode { saved })
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the attributes read from the same fd in `enter`.
        unsafe {
            libc::tcsetattr(0, libc::TCSANOW, &self.saved);
        }
    }
}

/// Start the reader thread (once per process).
fn start_reader() {
    let (tx, rx) = channel();
    if KEYS.set(Mutex::new(rx)).is_err() {
        return;
    }
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin();
        let mut b = [0u8; 1];
        while let Ok(1) = stdin.read(&mut b) {
            if mpy_core::vm::console_byte_interrupts(b[0]) {
                continue;
            }
            if tx.send(b[0]).is_err() {
                break;
            }
        }
    });
}

/// The REPL on stdin/stdout; returns the process exit status.
pub fn repl(vm: &mut Vm) -> u8 {
    let board = mpy_core::embed::BoardInfo {
        board_name: "linux",
        mcu: std::env::consts::ARCH,
        stack_size: crate::STACK_LIMIT,
        modules: mpy_modules::ALL,
        frozen: &[],
    };
    let interactive = std::io::stdin().is_terminal();
    let raw = if interactive { RawMode::enter() } else { None };
    if raw.is_some() {
        start_reader();
    }
    let code = mpy_core::repl::run_host(vm, &board, interactive);
    drop(raw);
    (code & 0xff) as u8
}
