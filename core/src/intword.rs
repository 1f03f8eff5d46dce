//! Int operations on machine words, with Python semantics: what builds without big ints
//! (cargo feature `bigint` off, MicroPython's MICROPY_LONGINT_IMPL_NONE) use for `int(text,
//! base)`, bin/oct/hex, `round(int, -n)`, three-argument `pow`, `int.to_bytes`/`from_bytes`
//! and hashing, plus the pieces `bigint.rs` shares with them (literal syntax, error types,
//! the numeric hash). Values are i64; a result that does not fit is `None` (the caller raises
//! OverflowError "small int overflow", as the rest of such builds).

use alloc::string::String;
use alloc::vec::Vec;

/// An arithmetic error: Python exception class plus CPython's exact message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumError {
    ZeroDivision(&'static str),
    Overflow(&'static str),
    Value(&'static str),
}

impl NumError {
    /// The exception message, as CPython prints it.
    pub fn message(&self) -> &'static str {
        match *self {
            NumError::ZeroDivision(m) | NumError::Overflow(m) | NumError::Value(m) => m,
        }
    }

    /// The Python exception class name.
    pub fn exception_name(&self) -> &'static str {
        match self {
            NumError::ZeroDivision(_) => "ZeroDivisionError",
            NumError::Overflow(_) => "OverflowError",
            NumError::Value(_) => "ValueError",
        }
    }
}

/// Why `int(text, base)` failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseIntError {
    /// The base is not 0 or 2..=36.
    InvalidBase,
    /// The text is not a valid literal in that base.
    InvalidLiteral,
}

impl ParseIntError {
    /// CPython's ValueError message for this failure of `int(text, base)`.
    pub fn message(&self, text: &str, base: u32) -> String {
        match self {
            ParseIntError::InvalidBase => String::from("int() base must be >= 2 and <= 36, or 0"),
            ParseIntError::InvalidLiteral => invalid_literal_message(text, base),
        }
    }
}

/// CPython's "invalid literal for int() with base N: '...'" (repr truncated to 200 chars).
pub fn invalid_literal_message(text: &str, base: u32) -> String {
    let mut repr = String::new();
    repr_str_into(text, &mut repr);
    let mut out = String::from("invalid literal for int() with base ");
    push_radix_digits(base as u64, 10, &mut out);
    out.push_str(": ");
    out.extend(repr.chars().take(200));
    out
}

/// Python's `repr(str)`: quote choice and escapes of control characters.
pub fn repr_str_into(text: &str, out: &mut String) {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(if (c as u32) < 0x10 { "\\x0" } else { "\\x" });
                push_radix_digits(c as u64, 16, out);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// Mersenne prime 2^61 - 1, the modulus of CPython's numeric hash.
pub(crate) const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's `hash(int)` for an i64.
pub fn hash_i64(v: i64) -> i64 {
    // |v| mod 2**61 - 1 without a 64-bit division: 2**61 is 1 modulo the Mersenne prime, so
    // folding the top bits onto the low ones leaves a value below 2 * HASH_MODULUS.
    let m = v.unsigned_abs();
    let folded = (m & HASH_MODULUS) + (m >> 61);
    let h = if folded >= HASH_MODULUS {
        folded - HASH_MODULUS
    } else {
        folded
    } as i64;
    let h = if v < 0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python `a // b`; None when b == 0 or the result overflows (i64::MIN // -1).
pub fn floor_div_i64(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Python `a % b` (sign of b); None when b == 0.
pub fn mod_i64(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    if b == -1 {
        return Some(0);
    }
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

/// `base ** exp`; None on overflow.
pub fn pow_i64(base: i64, exp: u64) -> Option<i64> {
    match base {
        0 => Some(if exp == 0 { 1 } else { 0 }),
        1 => Some(1),
        -1 => Some(if exp.is_multiple_of(2) { 1 } else { -1 }),
        _ => base.checked_pow(u32::try_from(exp).ok()?),
    }
}

/// An `int(text, base)` literal split into its parts (whitespace, sign and prefix removed).
pub(crate) struct Literal<'a> {
    pub neg: bool,
    pub radix: u32,
    /// The digits, underscores still in (see [`for_each_digit`]).
    pub digits: &'a str,
    /// A 0x/0o/0b prefix was present (an underscore may then precede the digits).
    pub had_prefix: bool,
    /// Base 0 without a prefix: a nonzero literal must not start with 0.
    pub no_leading_zero: bool,
}

/// Checks the base and splits `text` into a [`Literal`].
pub(crate) fn split_literal(text: &str, base: u32) -> Result<Literal<'_>, ParseIntError> {
    if base == 1 || base > 36 {
        return Err(ParseIntError::InvalidBase);
    }
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits, had_prefix) = split_radix_prefix(s, base);
    Ok(Literal {
        neg,
        radix: if radix == 0 { 10 } else { radix },
        digits,
        had_prefix,
        no_leading_zero: radix == 0,
    })
}

/// Splits an optional 0x/0o/0b prefix. Returns (base, digits, prefix_present); base 0 means
/// "base 0 with no prefix" (decimal with the no-leading-zero rule).
fn split_radix_prefix(s: &str, base: u32) -> (u32, &str, bool) {
    let b = s.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        let prefix_base = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if prefix_base != 0 && (base == 0 || base == prefix_base) {
            return (prefix_base, &s[2..], true);
        }
    }
    (base, s, false)
}

/// Calls `f` with each digit value of `digits` in `base`, most significant first. Single
/// underscores may separate digits (and, after a prefix, precede them); anything else that is
/// not a digit of `base`, and an empty or underscore-ended text, is an invalid literal.
pub(crate) fn for_each_digit(
    digits: &str,
    base: u32,
    allow_leading_underscore: bool,
    mut f: impl FnMut(u32),
) -> Result<(), ParseIntError> {
    let bytes = digits.as_bytes();
    if bytes.is_empty() || bytes[bytes.len() - 1] == b'_' {
        return Err(ParseIntError::InvalidLiteral);
    }
    if bytes[0] == b'_' && !allow_leading_underscore {
        return Err(ParseIntError::InvalidLiteral);
    }
    let mut prev_underscore = false;
    for &c in bytes {
        if c == b'_' {
            if prev_underscore {
                return Err(ParseIntError::InvalidLiteral);
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = (c as char)
            .to_digit(36)
            .filter(|&d| d < base)
            .ok_or(ParseIntError::InvalidLiteral)?;
        f(d);
    }
    Ok(())
}

/// Python `int(text, base)` on a machine word: `Ok(None)` when the (valid) literal's value
/// does not fit an i64.
pub fn parse_i64(text: &str, base: u32) -> Result<Option<i64>, ParseIntError> {
    let lit = split_literal(text, base)?;
    let radix = lit.radix as u64;
    let mut mag = Some(0u64);
    for_each_digit(lit.digits, lit.radix, lit.had_prefix, |d| {
        mag = mag.and_then(|m| m.checked_mul(radix)?.checked_add(d as u64));
    })?;
    if lit.no_leading_zero && mag != Some(0) && lit.digits.starts_with('0') {
        return Err(ParseIntError::InvalidLiteral);
    }
    Ok(mag.and_then(|m| signed_from_magnitude(lit.neg, m)))
}

/// `-m` or `m` as an i64, if it fits.
pub(crate) fn signed_from_magnitude(neg: bool, m: u64) -> Option<i64> {
    if neg {
        0i64.checked_sub_unsigned(m)
    } else {
        i64::try_from(m).ok()
    }
}

/// Digits of `m` in radix 2, 8, 10 or 16 (lowercase, no prefix).
pub fn radix_digits(m: u64, radix: u32) -> String {
    let mut out = String::new();
    push_radix_digits(m, radix, &mut out);
    out
}

/// Appends the digits of `m` in `radix` (2..=36, lowercase). Hand-written rather than through
/// `core::fmt`, whose per-radix u64 formatters and 64-bit division are large on 32-bit targets:
/// a value that fits 32 bits is divided as a u32, a wider one 16 bits at a time.
pub fn push_radix_digits(mut m: u64, radix: u32, out: &mut String) {
    let mut buf = [0u8; 64];
    let mut start = buf.len();
    loop {
        let digit = match u32::try_from(m) {
            // Decimal by a constant: hosts divide by multiplying (the `%d` path of benchmarks).
            Ok(small) if radix == 10 => {
                m = (small / 10) as u64;
                small % 10
            }
            Ok(small) => {
                m = (small / radix) as u64;
                small % radix
            }
            Err(_) => {
                let (q, r) = div_rem_small(m, radix);
                m = q;
                r
            }
        };
        start -= 1;
        buf[start] = b"0123456789abcdefghijklmnopqrstuvwxyz"[digit as usize];
        if m == 0 {
            break;
        }
    }
    out.push_str(core::str::from_utf8(&buf[start..]).unwrap_or(""));
}

/// Appends `v` in decimal (with a '-' when negative).
pub fn push_decimal(v: i64, out: &mut String) {
    if v < 0 {
        out.push('-');
    }
    push_radix_digits(v.unsigned_abs(), 10, out);
}

/// `m / d` and `m % d` for a divisor below 2**16, by schoolbook division on 16-bit pieces:
/// every step is a 32-bit division (no 64-bit division routine).
fn div_rem_small(m: u64, d: u32) -> (u64, u32) {
    let mut q = 0u64;
    let mut r = 0u32;
    for shift in [48, 32, 16, 0] {
        let cur = (r << 16) | ((m >> shift) as u32 & 0xffff);
        q |= ((cur / d) as u64) << shift;
        r = cur % d;
    }
    (q, r)
}

/// `bin()` / `oct()` / `hex()`: sign, `prefix`, digits of |v| in `radix`.
pub fn to_prefixed_radix(v: i64, radix: u32, prefix: &str) -> String {
    let mut out = String::new();
    if v < 0 {
        out.push('-');
    }
    out.push_str(prefix);
    push_radix_digits(v.unsigned_abs(), radix, &mut out);
    out
}

/// Python `v.to_bytes(length, byteorder, signed=...)`.
pub fn to_bytes_i64(
    v: i64,
    length: usize,
    little: bool,
    signed: bool,
) -> Result<Vec<u8>, NumError> {
    if v < 0 && !signed {
        return Err(NumError::Overflow("can't convert negative int to unsigned"));
    }
    // Bits needed: the magnitude's, plus a sign bit when signed (-2**k needs none extra).
    let needed = if signed {
        (64 - if v < 0 { !v } else { v }.leading_zeros()) as u64 + 1
    } else {
        (64 - v.leading_zeros()) as u64
    };
    if v != 0 && needed > length as u64 * 8 {
        return Err(NumError::Overflow("int too big to convert"));
    }
    // Two's complement, sign-extended past the 8 bytes of the word.
    let fill = if v < 0 { 0xff } else { 0 };
    let mut out: Vec<u8> = (0..length)
        .map(|i| if i < 8 { (v >> (i * 8)) as u8 } else { fill })
        .collect();
    if !little {
        out.reverse();
    }
    Ok(out)
}

/// Python `int.from_bytes(bytes, byteorder, signed=...)` on a machine word; `None` when the
/// value does not fit an i64.
pub fn from_bytes_i64(bytes: &[u8], little: bool, signed: bool) -> Option<i64> {
    let mut ordered: Vec<u8> = bytes.to_vec();
    if little {
        ordered.reverse();
    }
    // `ordered` is big-endian now.
    let negative = signed && ordered.first().is_some_and(|&b| b & 0x80 != 0);
    let fill = if negative { 0xff } else { 0 };
    // Leading bytes that are pure sign extension carry no value.
    let start = ordered
        .iter()
        .position(|&b| b != fill)
        .unwrap_or(ordered.len());
    let significant = &ordered[start..];
    if significant.len() > 8 {
        return None;
    }
    let mut v: u64 = if negative { u64::MAX } else { 0 };
    for &b in significant {
        v = (v << 8) | b as u64;
    }
    // A value fits when its sign survives the cut to 64 bits.
    let r = v as i64;
    (negative == (r < 0)).then_some(r)
}

/// Python `round(x, -n)` (n > 0): `x` rounded to a multiple of 10**n, half to even; `None`
/// when the result does not fit an i64. (u64 arithmetic: 128-bit division would pull large
/// runtime routines into thumbv6m firmware.)
pub fn round_i64(x: i64, n: u64) -> Option<i64> {
    // 10**n by a loop (`checked_pow` unrolls into many 64-bit multiplications on thumbv6m).
    let mut p = 1u64;
    for _ in 0..n {
        match p.checked_mul(10) {
            Some(next) => p = next,
            None => return Some(0), // 10**n > 2 * |x|.
        }
    }
    // Half to even is symmetric, so round the magnitude.
    let m = x.unsigned_abs();
    let (q, r) = (m / p, m % p);
    let up = r > p - r || (r == p - r && q % 2 == 1);
    let mag = (q + up as u64).checked_mul(p)?;
    signed_from_magnitude(x < 0, mag)
}

/// Python `pow(base, exp, modulus)` on machine words.
pub fn pow_mod_i64(base: i64, exp: i64, modulus: i64) -> Result<i64, NumError> {
    if modulus == 0 {
        return Err(NumError::Value("pow() 3rd argument cannot be 0"));
    }
    let m = modulus.unsigned_abs();
    // The floor remainder base % m, in 0..m.
    let mut b = base.unsigned_abs() % m;
    if base < 0 && b != 0 {
        b = m - b;
    }
    if exp < 0 {
        b = mod_inverse(b, m).ok_or(NumError::Value(
            "base is not invertible for the given modulus",
        ))?;
    }
    let mut e = exp.unsigned_abs();
    let mut result = 1 % m;
    while e > 0 {
        if e & 1 == 1 {
            result = mul_mod(result, b, m);
        }
        b = mul_mod(b, b, m);
        e >>= 1;
    }
    // A negative modulus gives a result in (modulus, 0]; |result| < |modulus| fits.
    Ok(if modulus < 0 && result != 0 {
        (result as i64).wrapping_sub(m as i64)
    } else {
        result as i64
    })
}

/// `a * b % m` for a, b < m <= 2**63 by doubling (no 128-bit division).
fn mul_mod(mut a: u64, mut b: u64, m: u64) -> u64 {
    let mut r = 0u64;
    while b > 0 {
        if b & 1 == 1 {
            r = add_mod(r, a, m);
        }
        a = add_mod(a, a, m);
        b >>= 1;
    }
    r
}

/// `(x + y) % m` for x, y < m <= 2**63: the sum cannot overflow and is below 2 * m, so one
/// subtraction reduces it (no 64-bit division).
fn add_mod(x: u64, y: u64, m: u64) -> u64 {
    let s = x + y;
    if s >= m {
        s - m
    } else {
        s
    }
}

/// The inverse of `a` modulo `m` (0 <= a < m), if gcd(a, m) == 1: the extended Euclidean
/// algorithm on magnitudes (its coefficients alternate in sign and stay <= m).
fn mod_inverse(a: u64, m: u64) -> Option<u64> {
    let (mut r0, mut r1) = (m, a);
    let (mut t0, mut t1) = (0u64, 1u64);
    // Whether t0 (as a signed coefficient) is negative; t1 has the other sign.
    let mut t0_negative = true;
    while r1 != 0 {
        let q = r0 / r1;
        (r0, r1) = (r1, r0 - q * r1);
        (t0, t1) = (t1, t0 + q * t1);
        t0_negative = !t0_negative;
    }
    if r0 != 1 {
        return None;
    }
    Some(if t0_negative && t0 != 0 {
        m - t0
    } else {
        t0 % m
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    const TOO_BIG: NumError = NumError::Overflow("int too big to convert");
    const NEGATIVE: NumError = NumError::Overflow("can't convert negative int to unsigned");

    #[test]
    fn parses_bases_prefixes_underscores_signs_and_whitespace() {
        let ok = [
            (" -0x_1f ", 0, -31),
            ("0b101", 0, 5),
            ("0o17", 8, 15),
            ("0x10", 16, 16),
            ("1_000", 10, 1000),
            ("000", 0, 0),
            ("0_0", 0, 0),
            ("z", 36, 35),
            ("Z", 36, 35),
            ("\t+7\n", 10, 7),
            ("0123", 10, 123),
            ("9223372036854775807", 10, i64::MAX),
            ("-9223372036854775808", 0, i64::MIN),
            ("-0x8000000000000000", 16, i64::MIN),
        ];
        for (text, base, want) in ok {
            assert_eq!(
                parse_i64(text, base),
                Ok(Some(want)),
                "{text:?} base {base}"
            );
        }
        for text in [
            "9223372036854775808",
            "-9223372036854775809",
            "1".repeat(40).as_str(),
        ] {
            assert_eq!(parse_i64(text, 10), Ok(None), "{text}");
        }
        let invalid = [
            ("1__0", 10),
            ("_1", 10),
            ("1_", 10),
            ("010", 0),
            ("9", 8),
            ("", 10),
            ("-", 10),
            ("0x", 16),
            ("0x10", 10),
            ("1 2", 10),
            ("--1", 10),
            // Invalid after the value has left the word: still an invalid literal.
            ("99999999999999999999x", 10),
        ];
        for (text, base) in invalid {
            assert_eq!(
                parse_i64(text, base),
                Err(ParseIntError::InvalidLiteral),
                "{text:?} base {base}"
            );
        }
        assert_eq!(parse_i64("1", 37), Err(ParseIntError::InvalidBase));
        assert_eq!(parse_i64("1", 1), Err(ParseIntError::InvalidBase));
    }

    #[test]
    fn prefixed_radix_of_negatives_and_edges() {
        assert_eq!(to_prefixed_radix(-5, 2, "0b"), "-0b101");
        assert_eq!(to_prefixed_radix(-8, 8, "0o"), "-0o10");
        assert_eq!(to_prefixed_radix(0, 2, "0b"), "0b0");
        assert_eq!(to_prefixed_radix(i64::MIN, 16, "0x"), "-0x8000000000000000");
        assert_eq!(to_prefixed_radix(i64::MAX, 16, "0x"), "0x7fffffffffffffff");
    }

    /// The hand-written digit loop (32-bit division, or 16 bits at a time above u32::MAX)
    /// agrees with `core::fmt` across the word range.
    #[test]
    fn radix_digits_match_core_fmt() {
        let mut values = alloc::vec![0, 9, 10, u32::MAX as u64, u32::MAX as u64 + 1, u64::MAX];
        // Powers of 3 up to 3**40 (< 2**64) and their neighbours.
        for k in 0..=40 {
            let m = 3u64.pow(k);
            values.extend([m - 1, m, m + 1, m.wrapping_mul(10)]);
        }
        for v in values {
            assert_eq!(radix_digits(v, 2), alloc::format!("{v:b}"));
            assert_eq!(radix_digits(v, 8), alloc::format!("{v:o}"));
            assert_eq!(radix_digits(v, 10), alloc::format!("{v}"));
            assert_eq!(radix_digits(v, 16), alloc::format!("{v:x}"));
        }
        for v in [0i64, 7, -7, i64::MAX, i64::MIN] {
            let mut out = String::from("=");
            push_decimal(v, &mut out);
            assert_eq!(out, alloc::format!("={v}"));
        }
        assert_eq!(radix_digits(35, 36), "z");
    }

    #[test]
    fn to_bytes_signed_unsigned_orders_and_errors() {
        assert_eq!(to_bytes_i64(-2, 2, false, true), Ok(vec![0xff, 0xfe]));
        assert_eq!(to_bytes_i64(1024, 3, true, false), Ok(vec![0, 4, 0]));
        assert_eq!(to_bytes_i64(-128, 1, true, true), Ok(vec![0x80]));
        assert_eq!(to_bytes_i64(255, 1, true, false), Ok(vec![0xff]));
        assert_eq!(to_bytes_i64(0, 0, true, false), Ok(vec![]));
        assert_eq!(to_bytes_i64(-1, 10, true, true), Ok(vec![0xff; 10]));
        let mut min = vec![0u8; 8];
        min[0] = 0x80;
        assert_eq!(to_bytes_i64(i64::MIN, 8, false, true), Ok(min));
        assert_eq!(to_bytes_i64(-129, 1, true, true), Err(TOO_BIG));
        assert_eq!(to_bytes_i64(128, 1, true, true), Err(TOO_BIG));
        assert_eq!(to_bytes_i64(256, 1, true, false), Err(TOO_BIG));
        assert_eq!(to_bytes_i64(1, 0, true, false), Err(TOO_BIG));
        assert_eq!(to_bytes_i64(-1, 2, true, false), Err(NEGATIVE));
    }

    #[test]
    fn from_bytes_signed_unsigned_orders_and_overflow() {
        assert_eq!(from_bytes_i64(&[0xff, 0xfe], false, true), Some(-2));
        assert_eq!(from_bytes_i64(&[0xfe, 0xff], true, false), Some(65534));
        assert_eq!(from_bytes_i64(&[], true, true), Some(0));
        assert_eq!(from_bytes_i64(&[0xff; 9], true, true), Some(-1));
        assert_eq!(from_bytes_i64(&[0xff; 9], true, false), None);
        let mut top = [0u8; 8];
        top[0] = 0x80;
        assert_eq!(from_bytes_i64(&top, false, true), Some(i64::MIN));
        assert_eq!(from_bytes_i64(&top, false, false), None);
        // -2**63 - 1 needs 65 bits.
        let mut below_min = [0xffu8; 9];
        below_min[1] = 0x7f;
        assert_eq!(from_bytes_i64(&below_min, false, true), None);
        let mut padded = [0u8; 12];
        padded[0] = 0x7f;
        assert_eq!(from_bytes_i64(&padded, true, true), Some(0x7f));
    }

    #[test]
    fn hash_wraps_at_the_mersenne_modulus() {
        let p = HASH_MODULUS as i64;
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(p), 0);
        assert_eq!(hash_i64(p + 1), 1);
        assert_eq!(hash_i64(-(p + 1)), -2);
        assert_eq!(hash_i64(i64::MIN), -4);
        // Multiples of the modulus and their neighbours (the fold's boundary cases).
        assert_eq!(hash_i64(p - 1), p - 1);
        assert_eq!(hash_i64(2 * p), 0);
        assert_eq!(hash_i64(2 * p + 5), 5);
        assert_eq!(hash_i64(3 * p), 0);
        assert_eq!(hash_i64(1 << 62), 2);
        assert_eq!(hash_i64(i64::MAX), 3);
        assert_eq!(hash_i64(-i64::MAX), -3);
    }

    #[test]
    fn round_to_negative_digits_half_to_even() {
        let cases = [
            (15, 1, Some(20)),
            (25, 1, Some(20)),
            (-15, 1, Some(-20)),
            (-25, 1, Some(-20)),
            (5, 1, Some(0)),
            (7, 100, Some(0)),
            (i64::MAX, 18, Some(9_000_000_000_000_000_000)),
            (i64::MAX, 19, None),
            (-5_000_000_000_000_000_000, 19, Some(0)),
            (i64::MIN, 19, None),
        ];
        for (x, n, want) in cases {
            assert_eq!(round_i64(x, n), want, "round({x}, -{n})");
        }
    }

    #[test]
    fn pow_mod_signs_inverses_and_errors() {
        assert_eq!(pow_mod_i64(2, 100, 1000), Ok(376));
        assert_eq!(pow_mod_i64(3, -1, 7), Ok(5));
        assert_eq!(pow_mod_i64(2, 3, -5), Ok(-2));
        assert_eq!(pow_mod_i64(-2, 3, 5), Ok(2));
        assert_eq!(pow_mod_i64(5, 0, 1), Ok(0));
        assert_eq!(pow_mod_i64(i64::MAX, i64::MAX, i64::MIN), Ok(-1));
        // Moduli near 2**63: the doubling in mul_mod reduces sums close to 2**64.
        assert_eq!(pow_mod_i64(i64::MAX - 1, 2, i64::MAX), Ok(1));
        assert_eq!(pow_mod_i64(3, 3, i64::MIN), Ok(-(i64::MAX - 26)));
        assert_eq!(pow_mod_i64(-(1 << 62), 2, i64::MAX), Ok(1 << 61));
        assert!(matches!(pow_mod_i64(2, -1, 4), Err(NumError::Value(_))));
        assert!(matches!(pow_mod_i64(2, 2, 0), Err(NumError::Value(_))));
    }

    /// The word paths agree with `BigInt` wherever the value fits a word.
    #[cfg(any(feature = "bigint", feature = "float"))]
    mod against_bigint {
        use super::super::*;
        use crate::bigint::tests::Rng;
        use crate::bigint::BigInt;

        /// Random i64s of every magnitude, and the edges.
        fn values(rng: &mut Rng) -> Vec<i64> {
            let mut v = alloc::vec![0, 1, -1, i64::MAX, i64::MIN, i64::MIN + 1];
            for _ in 0..2000 {
                v.push(rng.next() as i64 >> rng.below(64));
            }
            v
        }

        #[test]
        fn parse_radix_and_hash() {
            let mut rng = Rng(0x5eed_1234);
            for x in values(&mut rng) {
                let b = BigInt::from_i64(x);
                assert_eq!(hash_i64(x), b.py_hash(), "hash {x}");
                for radix in 2..=36 {
                    let text = b.to_string_radix(radix);
                    assert_eq!(parse_i64(&text, radix), Ok(Some(x)), "{text} base {radix}");
                }
                for (radix, prefix) in [(2, "0b"), (8, "0o"), (16, "0x")] {
                    let digits = b.abs().to_string_radix(radix);
                    let sign = if x < 0 { "-" } else { "" };
                    let want = alloc::format!("{sign}{prefix}{digits}");
                    assert_eq!(to_prefixed_radix(x, radix, prefix), want);
                }
            }
        }

        #[test]
        fn bytes_round_and_pow_mod() {
            let mut rng = Rng(0xb17e5);
            for x in values(&mut rng) {
                let b = BigInt::from_i64(x);
                for len in 0..=10 {
                    for (little, signed) in
                        [(true, true), (true, false), (false, true), (false, false)]
                    {
                        let bytes = to_bytes_i64(x, len, little, signed);
                        assert_eq!(bytes, b.to_bytes(len, little, signed), "{x} {len}");
                        if let Ok(bytes) = bytes {
                            let back = BigInt::from_bytes(&bytes, little, signed).to_i64();
                            assert_eq!(from_bytes_i64(&bytes, little, signed), back);
                        }
                    }
                }
                let n = rng.below(21);
                let p = BigInt::from_i64(10).pow(n);
                let (q, r) = b.divmod(&p).unwrap();
                let twice = r.add(&r);
                let odd = q.limbs().first().is_some_and(|l| l & 1 == 1);
                let q = match twice.cmp(&p) {
                    core::cmp::Ordering::Greater => q.add(&BigInt::one()),
                    core::cmp::Ordering::Equal if odd => q.add(&BigInt::one()),
                    _ => q,
                };
                assert_eq!(round_i64(x, n), q.mul(&p).to_i64(), "round({x}, -{n})");
                let (e, m) = (
                    rng.next() as i64 >> rng.below(64),
                    rng.next() as i64 >> rng.below(64),
                );
                let want = b.pow_mod(&BigInt::from_i64(e), &BigInt::from_i64(m));
                let want = want.map(|r| r.to_i64().unwrap());
                assert_eq!(pow_mod_i64(x, e, m), want, "pow({x}, {e}, {m})");
            }
            // Random byte strings, including ones beyond a word.
            for _ in 0..2000 {
                let len = rng.below(12) as usize;
                let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
                for (little, signed) in [(true, true), (false, false)] {
                    let want = BigInt::from_bytes(&bytes, little, signed).to_i64();
                    assert_eq!(from_bytes_i64(&bytes, little, signed), want, "{bytes:?}");
                }
            }
        }
    }
}
