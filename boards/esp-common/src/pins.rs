//! Pin names from the board config: "GPIO21".

/// Parses "GPIO0".."GPIO48" into the GPIO number. Used in const context, so a bad name in the
/// board config is a compile error (whether the chip has that GPIO is checked by esp-hal).
pub const fn parse(name: &str) -> u8 {
    let b = name.as_bytes();
    assert!(b.len() >= 5 && b.len() <= 6, "pin must look like GPIO21");
    assert!(
        b[0] == b'G' && b[1] == b'P' && b[2] == b'I' && b[3] == b'O',
        "pin must look like GPIO21"
    );
    let mut n = 0u8;
    let mut i = 4;
    while i < b.len() {
        assert!(b[i].is_ascii_digit(), "pin number must be decimal");
        n = n * 10 + (b[i] - b'0');
        i += 1;
    }
    assert!(n <= 48, "GPIO number out of range");
    n
}
