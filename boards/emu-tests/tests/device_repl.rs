//! The friendly REPL on an emulated board, typed key by key as a person would over the serial
//! console: cursor keys, history, Tab completion, auto-indent, Ctrl-C in a busy loop, paste
//! mode (Ctrl-E), Ctrl-B banner. The same REPL code runs on every board; the micro:bit (QEMU)
//! is the one booted here. The host port gets the same keys under a pty
//! (boards/host/tests/repl_terminal.rs).

use mpy_emu_tests::emulator::Session;
use mpy_emu_tests::exchange;
use std::time::Duration;

const BUILD_AND_BOOT_TIMEOUT: Duration = Duration::from_secs(900);
const STEP_TIMEOUT: Duration = Duration::from_secs(15);

#[test]
fn typing_at_the_emulated_microbit() {
    let board = "microbit-v1-qemu";
    let mut emu = Session::start(board).unwrap_or_else(|e| panic!("{board}: {e}"));
    let mut step = |send: &str, expect: &str, timeout: Duration| {
        emu.send(send).unwrap_or_else(|e| panic!("{e}"));
        emu.expect(expect, timeout)
            .unwrap_or_else(|e| panic!("{e}"))
    };
    step("", exchange::BANNER_PREFIX, BUILD_AND_BOOT_TIMEOUT);
    step("", exchange::PROMPT, STEP_TIMEOUT);

    // Home, Right, End and Left arrows fix typos in the middle of the line.
    step(
        "pint('fixd')\x1b[H\x1b[Cr\x1b[F\x1b[D\x1b[D\x1b[De\r",
        "\r\nfixed\r\n>>> ",
        STEP_TIMEOUT,
    );
    // Up arrow recalls the line.
    step("\x1b[A\r", "\r\nfixed\r\n>>> ", STEP_TIMEOUT);
    // Tab completes a keyword, then an attribute.
    step("impo\t", "import", STEP_TIMEOUT);
    step(" sys\r", ">>> ", STEP_TIMEOUT);
    step(
        "sys.imp\t\r",
        "sys.implementation\r\n(name='micropython'",
        STEP_TIMEOUT,
    );
    step("", ">>> ", STEP_TIMEOUT);
    // Auto-indent after a colon; an empty line ends the block.
    step("for i in range(3):\r", "...     ", STEP_TIMEOUT);
    step("print(i * 10)\r\r", "0\r\n10\r\n20\r\n>>> ", STEP_TIMEOUT);
    // Ctrl-C stops a busy loop through the UART receive interrupt.
    step("while True: pass\r", "... ", STEP_TIMEOUT);
    step("\r", "\r\n", STEP_TIMEOUT);
    std::thread::sleep(Duration::from_millis(500));
    step("\x03", "KeyboardInterrupt", STEP_TIMEOUT);
    step("", ">>> ", STEP_TIMEOUT);
    step("print('alive')\r", "alive\r\n>>> ", STEP_TIMEOUT);
    // Paste mode keeps indentation as typed.
    step(
        "\x05",
        "paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ",
        STEP_TIMEOUT,
    );
    step(
        "def f():\r    if True:\r        return 'pasted'\r    return 0\rprint(f())\r\x04",
        "pasted\r\n>>> ",
        STEP_TIMEOUT,
    );
    // Ctrl-B prints the banner again.
    step("\x02", exchange::BANNER_PREFIX, STEP_TIMEOUT);
    step("", ">>> ", STEP_TIMEOUT);
}
