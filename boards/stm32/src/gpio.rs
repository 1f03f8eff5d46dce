//! Pin names from the board config ("PB6") and alternate-function setup.

use crate::pac;

/// A GPIO pin: port index (A = 0) and pin number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pin {
    pub port: u8,
    pub pin: u8,
}

/// Parses "PB6" / "PA10". Used in const context, so a bad name in the board config is a
/// compile error.
pub const fn parse(name: &str) -> Pin {
    let b = name.as_bytes();
    assert!(
        b.len() >= 3 && b.len() <= 4 && b[0] == b'P',
        "pin name must look like PB6"
    );
    assert!(b[1] >= b'A' && b[1] <= b'I', "pin port must be A..I");
    let mut pin = 0u8;
    let mut i = 2;
    while i < b.len() {
        assert!(b[i].is_ascii_digit(), "pin number must be decimal");
        pin = pin * 10 + (b[i] - b'0');
        i += 1;
    }
    assert!(pin < 16, "pin number must be 0..15");
    Pin {
        port: b[1] - b'A',
        pin,
    }
}

/// Enables the port clock and puts `pin` in alternate function `af` (push-pull, high speed,
/// pull-up so an idle RX line reads as a stop bit).
pub fn set_alternate(rcc: &pac::RCC, pin: Pin, af: u8) {
    rcc.ahb1enr().modify(|r, w| {
        // SAFETY: sets only the port's GPIOxEN bit (bits 0..8); other bits keep their value.
        unsafe { w.bits(r.bits() | (1 << pin.port)) }
    });
    macro_rules! configure {
        ($gpio:expr) => {{
            let gpio = &$gpio;
            let n = pin.pin;
            gpio.ospeedr().modify(|_, w| w.ospeedr(n).high_speed());
            gpio.pupdr().modify(|_, w| w.pupdr(n).pull_up());
            if n < 8 {
                gpio.afrl().modify(|_, w| w.afr(n).set(af));
            } else {
                gpio.afrh().modify(|_, w| w.afr(n - 8).set(af));
            }
            gpio.moder().modify(|_, w| w.moder(n).alternate());
        }};
    }
    // SAFETY: the console pins belong to the console driver; each port's registers are
    // read-modify-written for that one pin only, before interrupts that touch GPIO exist.
    let dp = unsafe { pac::Peripherals::steal() };
    match pin.port {
        0 => configure!(dp.GPIOA),
        1 => configure!(dp.GPIOB),
        2 => configure!(dp.GPIOC),
        3 => configure!(dp.GPIOD),
        4 => configure!(dp.GPIOE),
        5 => configure!(dp.GPIOF),
        6 => configure!(dp.GPIOG),
        7 => configure!(dp.GPIOH),
        _ => configure!(dp.GPIOI),
    }
}
