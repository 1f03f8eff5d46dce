//! Panic reporting: print where the panic happened on the console, then stop.
//!
//! Only the location (file:line) is printed, not the message: formatting messages would keep
//! every panic site's message arguments and their `Debug` code alive (about 4 KB of .text and
//! 4.5 KB of .rodata on thumbv6m, measured with `cargo xtask size core`), and a panic is an
//! interpreter bug whose location is what one needs to find it.
//!
//! The board registers how to write to its console (a blocking writer that works with interrupts
//! disabled) and how to stop (halt or reset). With the `panic-handler` feature this crate provides
//! the firmware's `#[panic_handler]`.

use core::cell::Cell;
use core::fmt::{self, Write};
use critical_section::Mutex;

/// How a panic reaches the user.
#[derive(Clone, Copy)]
pub struct PanicConsole {
    /// Blocking console write; must not rely on interrupts.
    pub write: fn(&[u8]),
    /// What to do afterwards: halt for a debugger, or reset.
    pub stop: fn() -> !,
}

static CONSOLE: Mutex<Cell<Option<PanicConsole>>> = Mutex::new(Cell::new(None));

/// Registers the console a panic is reported on. Call as soon as the UART works.
pub fn set_console(console: PanicConsole) {
    critical_section::with(|cs| CONSOLE.borrow(cs).set(Some(console)));
}

struct Writer(fn(&[u8]));

impl Write for Writer {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        (self.0)(s.as_bytes());
        Ok(())
    }
}

/// Prints `info`'s location on the registered console (if any) and stops.
pub fn report_and_stop(info: &core::panic::PanicInfo) -> ! {
    let console = critical_section::with(|cs| CONSOLE.borrow(cs).get());
    match console {
        Some(console) => {
            let mut out = Writer(console.write);
            let _ = out.write_str("\r\nFATAL: panic");
            if let Some(loc) = info.location() {
                let _ = write!(out, " at {}:{}", loc.file(), loc.line());
            }
            let _ = out.write_str("\r\n");
            (console.stop)()
        }
        // Panicked before the console was up: nowhere to print; spin so a debugger can look.
        None => loop {
            core::hint::spin_loop();
        },
    }
}

#[cfg(all(feature = "panic-handler", not(test)))]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    report_and_stop(info)
}
