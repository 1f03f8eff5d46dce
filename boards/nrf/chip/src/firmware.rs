//! The whole `main` of a micro:bit firmware, shared by the v1 and v2 board crates: they differ
//! only in the chip feature they select and the generated board config they are built with.

use crate::{console_uart, port::NrfPort, ticks};
use mpy_board_common::flash_fs::FsConfig;
use mpy_board_common::panic::PanicConsole;
use mpy_core::embed::BoardInfo;

/// Starts the timer and the console UART on pins `console_tx`/`console_rx` (numbers from
/// [`crate::pins::parse`]), then runs the interpreter in `heap` with the filesystem in `fs`.
pub fn run(
    console_tx: u8,
    console_rx: u8,
    fs: FsConfig,
    heap: &'static mut [u8],
    board: &BoardInfo,
) -> ! {
    ticks::start();
    console_uart::init(console_tx, console_rx);
    mpy_board_common::panic::set_console(PanicConsole {
        write: console_uart::write_blocking,
        stop: crate::reset,
    });
    mpy_board_common::heap::split_and_run_repl(&mut NrfPort::new(fs), heap, board)
}

/// Expands to a board crate's generated `board_config` module, its heap and its `#[entry]`
/// function. The board crate must depend on `cortex-m-rt`, `mpy-core`, `mpy-modules` and
/// `mpy-board-common` (features `panic-handler`, `global-allocator`), and be built by
/// `cargo xtask build`, which sets `MPY_GEN_DIR`.
#[macro_export]
macro_rules! board_main {
    () => {
        ::mpy_board_common::generated_board!();

        // Parsed at compile time: a bad pin name in the manifest fails the build.
        const CONSOLE_TX: u8 = $crate::pins::parse(board_config::CONSOLE_TX);
        const CONSOLE_RX: u8 = $crate::pins::parse(board_config::CONSOLE_RX);

        #[cortex_m_rt::entry]
        fn main() -> ! {
            let (heap, board) = take_heap_and_board_info();
            let fs = ::mpy_board_common::fs_config!(board_config);
            $crate::firmware::run(CONSOLE_TX, CONSOLE_RX, fs, heap, &board)
        }
    };
}
