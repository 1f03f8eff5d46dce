//! The whole `main` of an esp-hal firmware, shared by the ESP32-C3 and ESP32 board crates: they
//! differ only in the chip feature they select and the generated board config they are built with.

use crate::{console, port::EspPort};
use mpy_board_common::flash_fs::FsConfig;
use mpy_board_common::panic::PanicConsole;
use mpy_core::embed::BoardInfo;

/// Takes UART0 for the console on GPIOs `console_tx`/`console_rx` (numbers from
/// [`crate::pins::parse`]), then runs the interpreter in `heap` with the filesystem `fs` in the
/// SPI flash. Call after `esp_hal::init`.
pub fn run(
    uart0: esp_hal::peripherals::UART0<'static>,
    flash: esp_hal::peripherals::FLASH<'static>,
    console_tx: u8,
    console_rx: u8,
    fs: FsConfig,
    heap: &'static mut [u8],
    board: &BoardInfo,
) -> ! {
    if console::init(uart0, console_tx, console_rx).is_err() {
        // 115200 8N1 is always a valid UART configuration; nothing to report on without it.
        esp_hal::system::software_reset()
    }
    mpy_board_common::panic::set_console(PanicConsole {
        write: console::write_blocking,
        stop: || esp_hal::system::software_reset(),
    });
    mpy_board_common::heap::split_and_run_repl(&mut EspPort::with_filesystem(flash, fs), heap, board)
}

/// Expands to a board crate's ESP-IDF application descriptor, generated `board_config` module,
/// heap and `#[esp_hal::main]` function. The board crate must depend on `esp-hal`,
/// `esp-bootloader-esp-idf`, `mpy-core`, `mpy-modules` and `mpy-board-common` (features
/// `panic-handler`, `global-allocator`), and be built by `cargo xtask build` (`MPY_GEN_DIR`).
#[macro_export]
macro_rules! board_main {
    () => {
        // Application descriptor the ESP-IDF bootloader checks before starting the image.
        esp_bootloader_esp_idf::esp_app_desc!();

        ::mpy_board_common::generated_board!();

        // Parsed at compile time: a bad pin name in the manifest fails the build.
        const CONSOLE_TX: u8 = $crate::pins::parse(board_config::CONSOLE_TX);
        const CONSOLE_RX: u8 = $crate::pins::parse(board_config::CONSOLE_RX);
        const _: () = assert!(
            board_config::CONSOLE_UART == 0,
            "the ESP console is on UART0"
        );

        #[esp_hal::main]
        fn main() -> ! {
            let peripherals = esp_hal::init(esp_hal::Config::default());
            let (heap, board) = take_heap_and_board_info();
            let fs = ::mpy_board_common::fs_config!(board_config);
            $crate::firmware::run(
                peripherals.UART0,
                peripherals.FLASH,
                CONSOLE_TX,
                CONSOLE_RX,
                fs,
                heap,
                &board,
            )
        }
    };
}
