//! Console on a UART through esp-hal, at 115200 8N1.
//!
//! RX is polled, not interrupt-driven: the ESP UARTs have a 128-byte hardware RX FIFO, which
//! [`poll_rx`] drains into [`RX`] whenever the interpreter reads or writes the console.

use core::cell::RefCell;
use critical_section::Mutex;
use esp_hal::gpio::AnyPin;
use esp_hal::uart::{self, Uart};
use esp_hal::Blocking;
use mpy_board_common::rx_queue::SharedRxQueue;

const BAUD: u32 = 115_200;

/// Bytes received but not yet read by the interpreter.
pub static RX: SharedRxQueue<256> = SharedRxQueue::new();

static CONSOLE: Mutex<RefCell<Option<Uart<'static, Blocking>>>> = Mutex::new(RefCell::new(None));

/// Takes `uart` for the console on GPIO `tx`/`rx`.
pub fn init(uart: impl uart::Instance + 'static, tx: u8, rx: u8) -> Result<(), uart::ConfigError> {
    // SAFETY: the console pins are named only in the board config and used only here, once, so
    // no other instance of them exists.
    let (tx, rx) = unsafe { (AnyPin::steal(tx), AnyPin::steal(rx)) };
    let uart = Uart::new(uart, uart::Config::default().with_baudrate(BAUD))?
        .with_tx(tx)
        .with_rx(rx);
    critical_section::with(|cs| CONSOLE.borrow_ref_mut(cs).replace(uart));
    Ok(())
}

/// Writes all of `data` (waits for FIFO room). Usable from the panic handler.
pub fn write_blocking(mut data: &[u8]) {
    critical_section::with(|cs| {
        let mut console = CONSOLE.borrow_ref_mut(cs);
        let Some(uart) = console.as_mut() else { return };
        while !data.is_empty() {
            match uart.write(data) {
                Ok(n) => data = &data[n..],
                Err(_) => return,
            }
        }
        let _ = uart.flush();
    });
}

/// Moves whatever the UART has received into [`RX`].
pub fn poll_rx() {
    critical_section::with(|cs| {
        let mut console = CONSOLE.borrow_ref_mut(cs);
        let Some(uart) = console.as_mut() else { return };
        let mut buf = [0u8; 32];
        // A framing/parity error drops that read; the next poll continues with fresh bytes.
        while let Ok(n) = uart.read_buffered(&mut buf) {
            if n == 0 {
                break;
            }
            for &b in &buf[..n] {
                RX.push(b);
            }
        }
    });
}
