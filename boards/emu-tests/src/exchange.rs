//! The console conversations the emulator tests expect, as data.
//!
//! While the boards run the bring-up echo loop (`mpy_board_common::bringup_console_check`) the
//! tests use [`ECHO_EXCHANGES`]; once `mpy_core::embed::run` is wired in, switch
//! [`CONSOLE_EXCHANGES`] to [`REPL_EXCHANGES`].

/// Send `send` (may be empty), then wait until the console output contains `expect`.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub send: &'static str,
    pub expect: &'static str,
}

/// What the firmware prints on boot, before any input: the banner (board-specific tail added by
/// [`banner_tail`]) and the first prompt.
pub const BANNER_PREFIX: &str = "MicroPython-rs v0.1.0 on ";

/// Banner end for a board: `; <BOARD_NAME> with <MCU>`.
pub fn banner_tail(board_name: &str, mcu: &str) -> String {
    format!("; {board_name} with {mcu}\r\n")
}

pub const PROMPT: &str = ">>> ";

/// Bring-up check: typed characters are echoed, Enter answers `echo: <line>`, backspace edits.
pub const ECHO_EXCHANGES: &[Step] = &[
    Step {
        send: "hello\r",
        expect: "hello\r\necho: hello\r\n>>> ",
    },
    Step {
        send: "ab\x08c\r",
        expect: "echo: ac\r\n>>> ",
    },
    Step {
        send: "\r",
        expect: "\r\n>>> ",
    },
];

/// With the interpreter: evaluate and print.
pub const REPL_EXCHANGES: &[Step] = &[
    Step {
        send: "print(6*7)\r",
        expect: "print(6*7)\r\n42\r\n>>> ",
    },
    Step {
        send: "x = 'mpy'\r",
        expect: "\r\n>>> ",
    },
    Step {
        send: "print(x * 2)\r",
        expect: "mpympy\r\n>>> ",
    },
];

/// The exchange every emulated board is checked with.
pub const CONSOLE_EXCHANGES: &[Step] = REPL_EXCHANGES;
