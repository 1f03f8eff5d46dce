//! Console bring-up check, used by every board until the interpreter's embedding entry point
//! (`mpy_core::embed::run`) is wired in.
//!
//! It prints the MicroPython-style banner and a `>>> ` prompt, echoes typed characters (with
//! backspace), and on Enter answers `echo: <line>`. This proves, on hardware or an emulator,
//! that console output, interrupt-fed input, line endings and the clock work.

use crate::board_info::BoardInfo;
use mpy_core::port::Port;

/// Longest line kept; further characters are ignored (not echoed) until Enter.
const LINE_CAPACITY: usize = 128;

/// What the line editor wants done after one input byte.
#[derive(Debug, PartialEq, Eq)]
enum Edit {
    /// Echo this byte.
    Echo(u8),
    /// Erase the last character on the terminal.
    Erase,
    /// The line is complete.
    Submit,
    /// Ignore the byte.
    None,
}

/// Minimal line editor: printable ASCII, backspace/delete, CR or LF ends a line (CR LF counts once).
struct LineEditor {
    buf: [u8; LINE_CAPACITY],
    len: usize,
    last_was_cr: bool,
}

impl LineEditor {
    const fn new() -> Self {
        Self {
            buf: [0; LINE_CAPACITY],
            len: 0,
            last_was_cr: false,
        }
    }

    fn feed(&mut self, byte: u8) -> Edit {
        let after_cr = core::mem::replace(&mut self.last_was_cr, byte == b'\r');
        match byte {
            b'\r' => Edit::Submit,
            b'\n' if after_cr => Edit::None,
            b'\n' => Edit::Submit,
            0x08 | 0x7f if self.len > 0 => {
                self.len -= 1;
                Edit::Erase
            }
            0x20..=0x7e if self.len < LINE_CAPACITY => {
                self.buf[self.len] = byte;
                self.len += 1;
                Edit::Echo(byte)
            }
            _ => Edit::None,
        }
    }

    fn take_line(&mut self) -> &[u8] {
        let len = core::mem::replace(&mut self.len, 0);
        &self.buf[..len]
    }
}

/// Prints the banner and serves an echo prompt forever.
///
/// Swap for `mpy_core::embed::run(port, heap, &info)` once the core's embedding API exists.
pub fn bringup_console_check(port: &mut dyn Port, info: &BoardInfo) -> ! {
    info.write_banner(|b| port.write(b));
    port.write(b"\r\nType \"help()\" for more information.\r\n>>> ");
    let mut editor = LineEditor::new();
    loop {
        let Some(byte) = port.read_byte() else {
            // Nothing typed: idle briefly rather than hammering the queue's critical section.
            port.delay_us(100);
            continue;
        };
        match editor.feed(byte) {
            Edit::Echo(b) => port.write(&[b]),
            Edit::Erase => port.write(b"\x08 \x08"),
            Edit::Submit => {
                port.write(b"\r\n");
                let line = editor.take_line();
                if !line.is_empty() {
                    port.write(b"echo: ");
                    port.write(line);
                    port.write(b"\r\n");
                }
                port.write(b">>> ");
            }
            Edit::None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8]) -> (std::vec::Vec<Edit>, std::vec::Vec<u8>) {
        extern crate std;
        let mut ed = LineEditor::new();
        let edits = input.iter().map(|b| ed.feed(*b)).collect();
        (edits, ed.buf[..ed.len].to_vec())
    }

    extern crate std;

    #[test]
    fn crlf_submits_once_and_backspace_erases() {
        let (edits, pending) = run(b"ab\x08c\r\n");
        assert_eq!(
            edits,
            [
                Edit::Echo(b'a'),
                Edit::Echo(b'b'),
                Edit::Erase,
                Edit::Echo(b'c'),
                Edit::Submit,
                Edit::None
            ]
        );
        assert_eq!(pending, b"ac");
    }

    #[test]
    fn lone_lf_submits_and_controls_are_ignored() {
        let (edits, _) = run(b"\x01\n\x08");
        assert_eq!(edits, [Edit::None, Edit::Submit, Edit::None]);
    }

    #[test]
    fn long_line_is_truncated_at_capacity() {
        let mut ed = LineEditor::new();
        for _ in 0..LINE_CAPACITY {
            assert_eq!(ed.feed(b'x'), Edit::Echo(b'x'));
        }
        assert_eq!(ed.feed(b'y'), Edit::None);
        assert_eq!(ed.take_line().len(), LINE_CAPACITY);
        assert!(ed.take_line().is_empty());
    }
}
