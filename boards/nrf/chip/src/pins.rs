//! Pin names from the board config: "P0.24" (port 0, pin 24) or "P1.08".

/// Parses a pin name into the absolute pin number used by PSEL registers (port * 32 + pin).
/// Used in const context, so a bad name in the board config is a compile error.
pub const fn parse(name: &str) -> u8 {
    let b = name.as_bytes();
    assert!(
        b.len() >= 4 && b.len() <= 5 && b[0] == b'P' && b[2] == b'.',
        "pin must look like P0.24"
    );
    assert!(b[1] == b'0' || b[1] == b'1', "pin port must be 0 or 1");
    let mut pin = 0u8;
    let mut i = 3;
    while i < b.len() {
        assert!(b[i].is_ascii_digit(), "pin number must be decimal");
        pin = pin * 10 + (b[i] - b'0');
        i += 1;
    }
    assert!(pin < 32, "pin number must be 0..31");
    (b[1] - b'0') * 32 + pin
}

/// Configures `pin` as a push-pull output driven high (UART TX idles high).
pub fn output_high(pin: u8) {
    const OUTPUT_INPUT_DISCONNECTED: u32 = 0b11;
    configure(pin, OUTPUT_INPUT_DISCONNECTED, true);
}

/// Configures `pin` as an input with pull-up (an unconnected RX line reads idle).
pub fn input_pull_up(pin: u8) {
    const INPUT_CONNECTED_PULL_UP: u32 = 0b11 << 2;
    configure(pin, INPUT_CONNECTED_PULL_UP, false);
}

fn configure(pin: u8, pin_cnf: u32, set_high: bool) {
    // SAFETY: the console pins belong to the console driver, which configures them once before
    // enabling the UART; nothing else writes these PIN_CNF/OUTSET bits.
    let dp = unsafe { crate::pac::Peripherals::steal() };
    #[cfg(feature = "nrf51")]
    let port = &dp.GPIO;
    #[cfg(feature = "nrf52833")]
    let port = if pin >= 32 { &*dp.P1 } else { &*dp.P0 };
    let n = usize::from(pin % 32);
    if set_high {
        // SAFETY: OUTSET only sets the written bits; a single pin bit.
        port.outset.write(|w| unsafe { w.bits(1 << n) });
    }
    // SAFETY: DIR/INPUT/PULL bits as documented in the PIN_CNF register description.
    port.pin_cnf[n].write(|w| unsafe { w.bits(pin_cnf) });
}
