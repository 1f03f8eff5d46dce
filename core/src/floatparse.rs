//! Correctly rounded decimal text → f64, for the shapes the core itself produces or has already
//! validated: `[-]digits[.digits][(e|E)[+|-]digits]` with at least one mantissa digit (either
//! side of the point may be empty), ASCII only. `None` for anything else.
//!
//! It replaces `str::parse::<f64>`, whose Eisel-Lemire search with a decimal fallback is about
//! 6 KB of Thumb code plus a 10.4 KB table of powers of five. Here up to 15 digits with a
//! decimal exponent in -21..=19 take Clinger's fast path (one exact IEEE multiplication or
//! division), up to 19 digits in that range 128-bit integer arithmetic; the rest are computed
//! exactly with the core's big integers (`BigInt::true_div` / `to_f64` round correctly, ties to
//! even), which is slower but small.

use crate::bigint::BigInt;
use alloc::string::String;

/// Digits of an integer below 2^53, so that it converts to f64 exactly.
const FAST_DIGITS_MAX: usize = 15;
/// Digits of any u64.
const U64_DIGITS_MAX: usize = 19;
/// m * 10^19 < 2^128 for every u64 m.
const U128_MUL_POW10_MAX: i64 = 19;
/// 10^21 < 2^70, so (m << shift) / 10^21 keeps more than 57 bits: enough for 53 + rounding.
const U128_DIV_POW10_MAX: i64 = 21;
/// Exponents are clamped here while parsing: far beyond where every value is 0 or infinity,
/// and small enough that adding digit counts cannot overflow.
const EXP_CLAMP: i64 = 1 << 40;

/// The value of `text` rounded to the nearest f64 (ties to even); see the module docs.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let bytes = body.as_bytes();
    let mut digits = String::new();
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                // Leading zeros carry no value (but still count as fraction digits).
                if !(digits.is_empty() && b == b'0') {
                    digits.push(b as char);
                }
                if seen_point {
                    frac_digits += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    let mantissa_len = i - usize::from(seen_point);
    if mantissa_len == 0 {
        return None;
    }
    let mut exp = 0i64;
    if let Some(b'e' | b'E') = bytes.get(i) {
        exp = parse_exponent(bytes.get(i + 1..).unwrap_or(&[]))?;
    } else if i != bytes.len() {
        return None;
    }
    let magnitude = decimal_value(&mut digits, exp - frac_digits);
    Some(if neg { -magnitude } else { magnitude })
}

/// `[+|-]digits` (at least one digit), clamped to ±EXP_CLAMP.
fn parse_exponent(bytes: &[u8]) -> Option<i64> {
    let (neg, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: i64 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        value = (value * 10 + i64::from(b - b'0')).min(EXP_CLAMP);
    }
    Some(if neg { -value } else { value })
}

/// `digits` × 10^exp, correctly rounded; `digits` has no leading zeros (may be empty: zero).
fn decimal_value(digits: &mut String, mut exp: i64) -> f64 {
    while digits.ends_with('0') {
        digits.pop();
        exp += 1;
    }
    if digits.is_empty() {
        return 0.0;
    }
    let n = digits.len() as i64;
    // value < 10^(n+exp) and >= 10^(n+exp-1).
    if n + exp > 310 {
        return f64::INFINITY;
    }
    if n + exp < -324 {
        // Below 10^-324, under half the smallest subnormal (4.9e-324).
        return 0.0;
    }
    if digits.len() <= U64_DIGITS_MAX && (-U128_DIV_POW10_MAX..=U128_MUL_POW10_MAX).contains(&exp) {
        let m = digits
            .bytes()
            .fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
        if digits.len() > FAST_DIGITS_MAX {
            return u128_value(m, exp);
        }
        let mut p = 1.0f64;
        for _ in 0..exp.abs() {
            p *= 10.0;
        }
        // Both operands exact (m < 2^53, 10^|exp| <= 10^21): one IEEE operation rounds
        // correctly (Clinger's fast path).
        let m = m as f64;
        return if exp >= 0 { m * p } else { m / p };
    }
    let Ok(m) = BigInt::parse(digits, 10) else {
        return f64::NAN;
    };
    let scale = BigInt::from_u64(10).pow(exp.unsigned_abs());
    let value = if exp >= 0 {
        m.mul(&scale).to_f64()
    } else {
        m.true_div(&scale)
    };
    // The only error left is overflow past f64::MAX.
    value.unwrap_or(f64::INFINITY)
}

/// `m` × 10^exp, correctly rounded, for -21 <= exp <= 19 in 128-bit integers (the result is
/// a normal float, so only one rounding happens).
fn u128_value(m: u64, exp: i64) -> f64 {
    let ten = 10u128.pow(exp.unsigned_abs() as u32);
    if exp >= 0 {
        // Exact product; the cast rounds to nearest, ties to even.
        return (u128::from(m) * ten) as f64;
    }
    // Put m's top bit at bit 127, divide, and fold a nonzero remainder into the lowest bit
    // (far below the rounding position) so that the cast rounds as the exact quotient would.
    let shift = m.leading_zeros() + 64;
    let num = u128::from(m) << shift;
    let q = (num / ten) | u128::from(!num.is_multiple_of(ten));
    // Scaling by 2^-shift (64..=127) is exact: the value stays a normal float.
    q as f64 * f64::from_bits((1023 - u64::from(shift)) << 52)
}

#[cfg(test)]
mod tests {
    use super::parse_f64;
    use crate::bigint::BigInt;
    use alloc::format;
    use alloc::string::String;

    fn check(text: &str) {
        let want: f64 = text.parse().unwrap();
        let got = parse_f64(text).unwrap_or_else(|| panic!("rejected {text}"));
        assert_eq!(got.to_bits(), want.to_bits(), "{text}");
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn shapes_and_rejections() {
        for t in [
            "0",
            "-0",
            "0.0",
            "1",
            "1.",
            ".5",
            "-.5",
            "00012.5000",
            "1e5",
            "1E+5",
            "1e-5",
            "1.5e308",
            "1.8e308",
            "2e-324",
            "3e-324",
            "5e-324",
            "1e-400",
            "1e400",
            "0e999999",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "123456789012345678901234567890",
            "0.000000000000000000000000000000000001",
            "9007199254740993",
            "4.9406564584124654e-324",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "0.1",
            "0.3",
            "1e22",
            "1e23",
        ] {
            check(t);
        }
        for t in [
            "", ".", "-", "e5", "1e", "1e+", "1.2.3", "1x", "+1", "1_0", " 1", "inf", "nan",
        ] {
            assert_eq!(parse_f64(t), None, "{t:?}");
        }
    }

    #[test]
    fn round_trips_formatted_floats() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let x = f64::from_bits(rng.next());
            if !x.is_finite() {
                continue;
            }
            check(&format!("{x:e}"));
            check(&format!("{:.*e}", (rng.next() % 25) as usize, x));
            if x.abs() < 1e30 {
                check(&format!("{:.*}", (rng.next() % 30) as usize, x));
            }
        }
    }

    #[test]
    fn random_digit_strings() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let n = 1 + (rng.next() % 30) as usize;
            let digits: String = (0..n)
                .map(|_| char::from(b'0' + (rng.next() % 10) as u8))
                .collect();
            let exp = (rng.next() % 700) as i64 - 350;
            check(&format!("{digits}e{exp}"));
            let point = (rng.next() as usize) % (n + 1);
            check(&format!("{}.{}e{exp}", &digits[..point], &digits[point..]));
        }
    }

    #[test]
    fn nineteen_digits_in_the_integer_range() {
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        for _ in 0..50_000 {
            let m = rng.next() >> (rng.next() % 64);
            let exp = (rng.next() % 41) as i64 - 21;
            check(&format!("{m}e{exp}"));
        }
        check("18446744073709551615e-21");
        check("18446744073709551615e19");
        check("9007199254740993e-21");
    }

    /// Exact decimal text of the midpoint between `x` and the next float up: the hardest
    /// inputs (ties go to the even neighbour), and one digit more or less either side.
    #[test]
    fn halfway_cases_round_to_even() {
        let mut rng = Rng(0xdead_beef_cafe_f00d);
        for _ in 0..3_000 {
            let x = f64::from_bits(rng.next() >> 1 >> (rng.next() % 12));
            if !x.is_finite() || x == 0.0 {
                continue;
            }
            let bits = x.to_bits();
            let exp = ((bits >> 52) & 0x7ff) as i64;
            let frac = bits & ((1 << 52) - 1);
            let (m, e) = if exp == 0 {
                (frac, -1074)
            } else {
                (frac | 1 << 52, exp - 1075)
            };
            // midpoint = (2m + 1) * 2^(e - 1) = digits * 10^-k
            let odd = BigInt::from_u64(2 * m + 1);
            let (digits, k) = if e >= 1 {
                (odd.shl(e - 1).unwrap().to_string_radix(10), 0)
            } else {
                let k = 1 - e;
                (
                    odd.mul(&BigInt::from_u64(5).pow(k as u64))
                        .to_string_radix(10),
                    k,
                )
            };
            check(&format!("{digits}e-{k}"));
            // A hair above the midpoint rounds up.
            check(&format!("{digits}1e-{}", k + 1));
        }
    }
}
