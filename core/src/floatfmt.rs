//! f64 → decimal digits, exactly: the shortest digits that read back as the same float (what
//! `repr` prints) and digits correctly rounded to a number of significant digits (`e`, `g`) or
//! of fraction digits (`f`, `%`, `round`), halfway cases to even on the exact binary value, as
//! CPython's dtoa (`'%.2f' % 2.675` is `2.67`: the double is 2.67499999...).
//!
//! One algorithm serves all three, for small code rather than speed (it replaces core::fmt's
//! float formatting, Grisu with a Dragon fallback and their tables, about 13 KB of Thumb code):
//! Steele & White's digit generation ("Dragon4"). The value and the two half-gaps to its
//! neighbouring floats are fractions `r/s`, `low/s`, `high/s` of integers held in a fixed array
//! of 32-bit limbs (no heap), scaled by a power of ten so that `r/s` is in [0.1, 1). Each digit
//! is `floor(10r/s)`. The shortest digits stop as soon as the digits so far, or them plus one
//! unit in the last place, lie inside the rounding interval; rounded digits stop at the asked
//! length and round on the remainder.

use alloc::vec::Vec;
use core::cmp::Ordering;

/// 36 limbs of 32 bits. `s` is at most 2^1076 (the smallest subnormals; 4 * 10^309 for the
/// largest floats), then normalized to 4 bits below a whole number of limbs: under 1090
/// bits. The widest number is `r + high`, below 11s: within 35 limbs.
const LIMBS: usize = 36;

/// An unsigned integer below 2^(32 * LIMBS), little-endian limbs, `len` without leading zeros.
#[derive(Clone, Copy)]
struct Big {
    len: usize,
    limbs: [u32; LIMBS],
}

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big {
            len: 2,
            limbs: [0; LIMBS],
        };
        b.limbs[0] = v as u32;
        b.limbs[1] = (v >> 32) as u32;
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    fn is_zero(&self) -> bool {
        self.len == 0
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.limbs[..self.len] {
            let t = *limb as u64 * m as u64 + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.limbs[self.len] = carry as u32;
            self.len += 1;
        }
    }

    fn mul_pow10(&mut self, mut k: u32) {
        while k >= 9 {
            self.mul_small(1_000_000_000);
            k -= 9;
        }
        self.mul_small(10u32.pow(k));
    }

    fn shl(&mut self, bits: u32) {
        if self.is_zero() {
            return;
        }
        let words = (bits / 32) as usize;
        let bits = bits % 32;
        let old = self.len;
        self.len += words + 1;
        for i in (0..=old).rev() {
            let hi = if i < old { self.limbs[i] << bits } else { 0 };
            let lo = if i > 0 && bits > 0 {
                self.limbs[i - 1] >> (32 - bits)
            } else {
                0
            };
            self.limbs[i + words] = hi | lo;
        }
        self.limbs[..words].fill(0);
        self.trim();
    }

    fn add(&mut self, o: &Big) {
        let n = self.len.max(o.len);
        let mut carry = 0u64;
        for i in 0..n {
            let t = self.limbs[i] as u64 + o.limbs[i] as u64 + carry;
            self.limbs[i] = t as u32;
            carry = t >> 32;
        }
        self.len = n;
        if carry != 0 {
            self.limbs[n] = 1;
            self.len += 1;
        }
    }

    /// `self -= q * o`; the product must not be larger.
    fn sub_mul(&mut self, o: &Big, q: u32) {
        let mut borrow = 0u64;
        for i in 0..self.len {
            let p = o.limbs[i] as u64 * q as u64 + borrow;
            let (v, under) = self.limbs[i].overflowing_sub(p as u32);
            self.limbs[i] = v;
            borrow = (p >> 32) + under as u64;
        }
        self.trim();
    }

    fn cmp(&self, o: &Big) -> Ordering {
        self.len.cmp(&o.len).then_with(|| {
            self.limbs[..self.len]
                .iter()
                .rev()
                .cmp(o.limbs[..o.len].iter().rev())
        })
    }
}

/// The next decimal digit of `r/s` (< 1): `floor(10r/s)`, leaving the remainder in `r`.
/// `s` is normalized (its top limb in [2^27, 2^28), see [`digits`]): 10r has no more limbs,
/// and the quotient of the top limbs, with the divisor rounded up, is the digit or one less.
fn next_digit(r: &mut Big, s: &Big) -> u8 {
    r.mul_small(10);
    let top = s.len - 1;
    let mut d = r.limbs[top] / (s.limbs[top] + 1);
    r.sub_mul(s, d);
    while r.cmp(s) != Ordering::Less {
        r.sub_mul(s, 1);
        d += 1;
    }
    d as u8
}

/// Whether digits ending in `last` with the remainder `r/s` (of one unit in the last place)
/// round up: above one half, or exactly one half and `last` odd.
fn rounds_up(r: &Big, s: &Big, last: u8) -> bool {
    let mut twice = *r;
    twice.shl(1);
    match twice.cmp(s) {
        Ordering::Greater => true,
        Ordering::Equal => last % 2 == 1,
        Ordering::Less => false,
    }
}

/// Adds one unit in the last place of `digits`; trailing nines become zeros and are dropped.
fn increment(digits: &mut Vec<u8>, exp: &mut i32) {
    while let Some(last) = digits.pop() {
        if last < b'9' {
            digits.push(last + 1);
            return;
        }
    }
    digits.push(b'1');
    *exp += 1;
}

/// `floor(log10(2^e2))` for the binary exponents of finite doubles (exact there, see tests).
fn floor_log10_pow2(e2: i32) -> i32 {
    (e2 * 78913) >> 18
}

#[derive(Clone, Copy)]
enum Mode {
    Shortest,
    Significant(usize),
    Fraction(usize),
}

/// Decimal digits (ASCII) of finite |x| for `mode`, and the exponent `exp` of the first:
/// |x| ≈ d.ddd × 10^exp. A value rounding to zero gives zero digits with `exp` 0.
fn digits(x: f64, mode: Mode) -> (Vec<u8>, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // |x| = m * 2^e exactly.
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    let mut out = Vec::new();
    let mut exp = 0;
    if m != 0 {
        exp = floor_log10_pow2(e + 63 - m.leading_zeros() as i32);
        // The half-gaps to the neighbouring floats are both 2^(e-1), except at a power of two
        // (not the smallest normal), where the float below is half as far as the one above.
        let lower_closer = fraction == 0 && biased > 1;
        let shift = 1 + lower_closer as u32;
        let mut r = Big::from_u64(m);
        r.shl(shift + e.max(0) as u32);
        let mut s = Big::from_u64(1);
        s.shl(shift + (-e).max(0) as u32);
        let mut low = Big::from_u64(1);
        low.shl(e.max(0) as u32);
        // Scale so that r/s = x / 10^(exp+1), below 1 and at least 0.1.
        let scale = exp + 1;
        if scale >= 0 {
            s.mul_pow10(scale as u32);
        } else {
            r.mul_pow10(scale.unsigned_abs());
            low.mul_pow10(scale.unsigned_abs());
        }
        let mut high = low;
        high.shl(lower_closer as u32);
        while r.cmp(&s) != Ordering::Less {
            s.mul_small(10);
            exp += 1;
        }
        let top_bits = 32 - s.limbs[s.len - 1].leading_zeros();
        for b in [&mut r, &mut s, &mut low, &mut high] {
            b.shl((60 - top_bits) % 32);
        }
        let round_up = match mode {
            Mode::Shortest => shortest_digits(&mut r, &s, [low, high], m % 2 == 0, &mut out),
            Mode::Significant(n) => rounded_digits(&mut r, &s, n as i64, &mut out),
            Mode::Fraction(p) => rounded_digits(&mut r, &s, exp as i64 + 1 + p as i64, &mut out),
        };
        if round_up {
            increment(&mut out, &mut exp);
        }
        if out.is_empty() {
            exp = 0;
        }
    }
    let len = match mode {
        Mode::Shortest => 1,
        Mode::Significant(n) => n,
        Mode::Fraction(p) => (exp as i64 + 1 + p as i64) as usize,
    };
    if out.len() < len {
        out.resize(len, b'0');
    }
    (out, exp)
}

/// Generates the shortest digits of r/s inside (r - low, r + high)/s, the ends included when
/// `inclusive` (an even mantissa: reading rounds halfway cases to it). True when the last digit
/// must go up by one: the digits plus one unit are in the interval and are closer (or only they
/// are in it).
fn shortest_digits(
    r: &mut Big,
    s: &Big,
    [mut low, mut high]: [Big; 2],
    inclusive: bool,
    out: &mut Vec<u8>,
) -> bool {
    let within = |o: Ordering| o == Ordering::Less || (inclusive && o == Ordering::Equal);
    loop {
        let d = next_digit(r, s);
        out.push(b'0' + d);
        low.mul_small(10);
        high.mul_small(10);
        let down_ok = within(r.cmp(&low));
        let mut up_end = *r;
        up_end.add(&high);
        let up_ok = within(s.cmp(&up_end));
        match (down_ok, up_ok) {
            (true, true) => return rounds_up(r, s, d),
            (false, true) => return true,
            (true, false) => return false,
            (false, false) => {}
        }
    }
}

/// Generates up to `count` digits of r/s (fewer when the rest are zeros) and tells whether the
/// last must round up. A negative `count` asks for a position above the first digit: the value
/// is then below half a unit there and rounds to zero.
fn rounded_digits(r: &mut Big, s: &Big, count: i64, out: &mut Vec<u8>) -> bool {
    if count < 0 {
        return false;
    }
    while (out.len() as i64) < count && !r.is_zero() {
        let d = next_digit(r, s);
        out.push(b'0' + d);
    }
    let last = out.last().map_or(0, |d| d - b'0');
    rounds_up(r, s, last)
}

/// The shortest digits that read back as `x` (finite; the sign is ignored), the closest to `x`
/// of those, halfway cases to an even digit; and the decimal exponent of the first digit.
/// Zero gives `"0"`, exponent 0.
pub fn shortest(x: f64) -> (Vec<u8>, i32) {
    digits(x, Mode::Shortest)
}

/// |x| (finite) correctly rounded to `n` >= 1 significant digits: exactly `n` digits and the
/// decimal exponent of the first. Zero gives `n` zeros, exponent 0.
pub fn significant(x: f64, n: usize) -> (Vec<u8>, i32) {
    digits(x, Mode::Significant(n.max(1)))
}

/// |x| (finite) correctly rounded to `p` digits after the decimal point: the digits from the
/// first significant one (or from the units, for a value rounding to zero, which gives
/// exponent 0) down to 10^-p, and the decimal exponent of the first.
pub fn fraction(x: f64, p: usize) -> (Vec<u8>, i32) {
    digits(x, Mode::Fraction(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bigint::tests::Rng;
    use alloc::format;
    use alloc::string::String;

    /// Digits and exponent as Rust's `{:e}` writes them ("1.25e-7").
    fn sci(digits: &[u8], exp: i32) -> String {
        let mut s = String::new();
        s.push(digits[0] as char);
        if digits.len() > 1 {
            s.push('.');
            s.extend(digits[1..].iter().map(|&d| d as char));
        }
        format!("{}e{}", s, exp)
    }

    /// Digits of `fraction` as Rust's `{:.p}` writes them.
    fn fixed(digits: &[u8], exp: i32, p: usize) -> String {
        let mut all = String::new();
        if exp < 0 {
            all.extend(core::iter::repeat_n('0', (-exp) as usize));
        }
        all.extend(digits.iter().map(|&d| d as char));
        let int_len = all.len() - p;
        let (int, frac) = all.split_at(int_len);
        if p == 0 {
            String::from(int)
        } else {
            format!("{}.{}", int, frac)
        }
    }

    fn random_f64(rng: &mut Rng) -> f64 {
        let x = match rng.below(6) {
            0 => (rng.next() >> 11) as f64 / (1u64 << rng.below(20)) as f64,
            1 => f64::from_bits(rng.next() & 0x000f_ffff_ffff_ffff),
            2 => f64::from_bits(rng.next() & 0xfff0_0000_0000_0000),
            3 => (rng.below(100_000) as f64 + 0.5) / [1.0, 10.0, 100.0, 1e3][rng.below(4) as usize],
            _ => f64::from_bits(rng.next()),
        };
        if x.is_finite() {
            x.abs()
        } else {
            1.0
        }
    }

    #[test]
    fn floor_log10_pow2_is_exact_for_every_double_exponent() {
        for e2 in -1074..=1023 {
            let k = floor_log10_pow2(e2);
            // 10^k <= 2^e2 < 10^(k+1), compared as integers 10^a * 2^b.
            let (mut two, mut ten_k, mut ten_k1) =
                (Big::from_u64(1), Big::from_u64(1), Big::from_u64(1));
            if e2 >= 0 {
                two.shl(e2 as u32);
            } else {
                ten_k.shl((-e2) as u32);
                ten_k1.shl((-e2) as u32);
            }
            if k >= 0 {
                ten_k.mul_pow10(k as u32);
            } else {
                two.mul_pow10((-k) as u32);
            }
            if k + 1 >= 0 {
                ten_k1.mul_pow10((k + 1) as u32);
            }
            let mut two_k1 = Big::from_u64(1);
            if e2 >= 0 {
                two_k1.shl(e2 as u32);
            }
            if k + 1 < 0 {
                two_k1.mul_pow10((-k - 1) as u32);
            }
            assert_ne!(ten_k.cmp(&two), Ordering::Greater, "10^{} > 2^{}", k, e2);
            assert_eq!(
                two_k1.cmp(&ten_k1),
                Ordering::Less,
                "2^{} >= 10^{}",
                e2,
                k + 1
            );
        }
    }

    #[test]
    fn edge_values() {
        assert_eq!(shortest(0.0), (b"0".to_vec(), 0));
        assert_eq!(shortest(5e-324), (b"5".to_vec(), -324));
        assert_eq!(shortest(f64::MAX), (b"17976931348623157".to_vec(), 308));
        assert_eq!(shortest(1e23), (b"1".to_vec(), 23));
        assert_eq!(shortest(0.1), (b"1".to_vec(), -1));
        assert_eq!(significant(0.0, 3), (b"000".to_vec(), 0));
        assert_eq!(significant(9.96, 2), (b"10".to_vec(), 1));
        assert_eq!(significant(2.5, 1), (b"2".to_vec(), 0));
        assert_eq!(significant(3.5, 1), (b"4".to_vec(), 0));
        assert_eq!(fraction(2.675, 2), (b"267".to_vec(), 0));
        assert_eq!(fraction(0.5, 0), (b"0".to_vec(), 0));
        assert_eq!(fraction(1.5, 0), (b"2".to_vec(), 0));
        assert_eq!(fraction(0.05, 1), (b"1".to_vec(), -1));
        assert_eq!(fraction(0.04, 1), (b"00".to_vec(), 0));
        assert_eq!(fraction(9.999, 2), (b"1000".to_vec(), 1));
        assert_eq!(fraction(0.001, 0), (b"0".to_vec(), 0));
        let (d, e) = fraction(0.1, 20);
        assert_eq!(fixed(&d, e, 20), "0.10000000000000000555");
        // All 751 significant digits of the smallest subnormal, then zeros.
        let (d, e) = significant(5e-324, 760);
        assert_eq!(e, -324);
        assert!(d.starts_with(b"4940656458412465441765687928682213723650598026143247644255856825"));
        assert!(d[..751].ends_with(b"265533447265625"));
        assert!(d[751..].iter().all(|&c| c == b'0'));
    }

    /// Every digit count and precision against core::fmt (exact and ties-to-even as well) on
    /// random doubles, including subnormals and the extremes.
    #[test]
    fn differential_against_core_fmt() {
        let mut rng = Rng(0xf1_0a7f);
        for i in 0..100_000 {
            let x = random_f64(&mut rng);
            let (d, e) = shortest(x);
            let rust = format!("{:e}", x);
            if sci(&d, e) != rust {
                // A 16- or 17-digit tie: two candidates equally close, core::fmt may take the
                // upper one, CPython (and this module) the correctly rounded one.
                let mantissa = rust.split('e').next().unwrap_or("");
                let n = mantissa.bytes().filter(u8::is_ascii_digit).count();
                assert_eq!(d.len(), n, "shortest {:e}", x);
                assert_eq!(sci(&d, e), format!("{:.*e}", n - 1, x), "shortest {:e}", x);
                assert_eq!(crate::floatparse::parse_f64(&sci(&d, e)), Some(x));
            }
            // Every 64th case with hundreds of digits (all exact ones, then zeros).
            let long = i % 64 == 0;
            let n = 1 + rng.below(if long { 800 } else { 25 }) as usize;
            let (d, e) = significant(x, n);
            assert_eq!(
                sci(&d, e),
                format!("{:.*e}", n - 1, x),
                "{} digits of {:e}",
                n,
                x
            );
            let p = rng.below(if long { 1100 } else { 25 }) as usize;
            let (d, e) = fraction(x, p);
            assert_eq!(
                fixed(&d, e, p),
                format!("{:.*}", p, x),
                "{:.*e} to {}",
                3,
                x,
                p
            );
        }
    }
}
