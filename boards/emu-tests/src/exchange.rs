//! The console conversations the emulator tests expect, as data.

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

/// The exchange every emulated board is checked with: the REPL evaluates and prints, keeps
/// variables between lines, and backspace edits the line being typed.
pub const CONSOLE_EXCHANGES: &[Step] = &[
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
    Step {
        send: "y = 'ab\x08c'\r",
        expect: "\r\n>>> ",
    },
    Step {
        send: "print(y)\r",
        expect: "ac\r\n>>> ",
    },
];
