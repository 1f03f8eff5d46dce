//! Arbitrary-precision integers with Python semantics.
//!
//! `BigInt` is sign + magnitude: little-endian `u32` limbs, always normalized (no high zero
//! limbs; zero is non-negative with an empty magnitude), so derived `Eq`/`Hash` are value
//! equality. Every operation follows CPython 3.11: floor division, infinite two's-complement
//! bitwise ops, arithmetic shifts, correctly rounded float conversions and true division.
//! Errors are returned as [`NumError`] carrying CPython's exact message.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;

pub use crate::intword::{
    floor_div_i64, hash_i64, invalid_literal_message, mod_i64, pow_i64, repr_str_into, NumError,
    ParseIntError,
};
use crate::intword::{for_each_digit, split_literal, HASH_MODULUS};

/// Arbitrary-precision signed integer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct BigInt {
    neg: bool,
    mag: Vec<u32>,
}

const HASH_BITS: u32 = 61;
const KARATSUBA_THRESHOLD: usize = 32;
/// 10^9: the largest power of ten fitting a limb; decimal conversion works in such chunks.
const DEC_CHUNK: u32 = 1_000_000_000;
const DEC_CHUNK_DIGITS: usize = 9;
/// Shifts producing more bits than this are refused rather than exhausting memory.
const MAX_SHIFT_BITS: u64 = 1 << 32;

// ---------------------------------------------------------------------------------------
// Magnitude helpers on little-endian limb slices.
// ---------------------------------------------------------------------------------------

fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

fn trimmed(s: &[u32]) -> &[u32] {
    let mut n = s.len();
    while n > 0 && s[n - 1] == 0 {
        n -= 1;
    }
    &s[..n]
}

/// Compares two magnitudes (high zero limbs allowed).
pub(crate) fn mag_cmp(a: &[u32], b: &[u32]) -> Ordering {
    let (a, b) = (trimmed(a), trimmed(b));
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

fn mag_add(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; a.len().max(b.len()) + 1];
    let len = mag_add_into(a, b, &mut out);
    out.truncate(len);
    out
}

/// out = a + b, where `out` has room for the longer operand plus a carry limb. Returns the
/// length of the result without high zero limbs.
pub(crate) fn mag_add_into(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut carry = 0u64;
    for (i, (o, &x)) in out.iter_mut().zip(long).enumerate() {
        let s = x as u64 + short.get(i).copied().unwrap_or(0) as u64 + carry;
        *o = s as u32;
        carry = s >> 32;
    }
    out[long.len()] = carry as u32;
    trimmed(&out[..=long.len()]).len()
}

/// a - b for a >= b.
fn mag_sub(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; a.len()];
    let len = mag_sub_into(a, b, &mut out);
    out.truncate(len);
    out
}

/// out = a - b for a >= b, where `out` has room for `a`. Returns the length of the result
/// without high zero limbs.
pub(crate) fn mag_sub_into(a: &[u32], b: &[u32], out: &mut [u32]) -> usize {
    let mut borrow = 0i64;
    for (i, (o, &x)) in out.iter_mut().zip(a).enumerate() {
        let t = x as i64 - b.get(i).copied().unwrap_or(0) as i64 + borrow;
        *o = t as u32;
        borrow = t >> 32;
    }
    trimmed(&out[..a.len()]).len()
}

/// out = a * m for a one-limb factor `m` (< 2^32), where `out` has room for `a` plus a carry
/// limb. Returns the length of the result without high zero limbs.
// Used by the big int objects (obj/num/big.rs).
#[cfg(any(feature = "bigint", test))]
pub(crate) fn mag_mul_small_into(a: &[u32], m: u64, out: &mut [u32]) -> usize {
    let mut carry = 0u64;
    for (o, &x) in out.iter_mut().zip(a) {
        let t = x as u64 * m + carry;
        *o = t as u32;
        carry = t >> 32;
    }
    out[a.len()] = carry as u32;
    trimmed(&out[..=a.len()]).len()
}

/// dst -= src, requiring dst >= src (as numbers).
fn sub_in_place(dst: &mut [u32], src: &[u32]) {
    let mut borrow = 0i64;
    for (i, d) in dst.iter_mut().enumerate() {
        if i >= src.len() && borrow == 0 {
            break;
        }
        let t = *d as i64 - src.get(i).copied().unwrap_or(0) as i64 + borrow;
        *d = t as u32;
        borrow = t >> 32;
    }
}

/// dst += src; dst must be long enough to absorb the carry.
fn add_in_place(dst: &mut [u32], src: &[u32]) {
    let mut carry = 0u64;
    for (i, d) in dst.iter_mut().enumerate() {
        if i >= src.len() && carry == 0 {
            break;
        }
        let s = *d as u64 + src.get(i).copied().unwrap_or(0) as u64 + carry;
        *d = s as u32;
        carry = s >> 32;
    }
}

fn mul_schoolbook(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut r = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        if x == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = x as u64 * y as u64 + r[i + j] as u64 + carry;
            r[i + j] = t as u32;
            carry = t >> 32;
        }
        r[i + b.len()] = carry as u32;
    }
    trim(&mut r);
    r
}

/// a * b (schoolbook below `KARATSUBA_THRESHOLD` limbs, Karatsuba above).
pub(crate) fn mag_mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = (trimmed(a), trimmed(b));
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return Vec::new();
    }
    if short.len() < KARATSUBA_THRESHOLD {
        return mul_schoolbook(long, short);
    }
    if short.len() * 2 <= long.len() {
        // Unbalanced: multiply `short` by slices of `long` of its own size.
        let mut r = vec![0u32; long.len() + short.len() + 1];
        for (k, chunk) in long.chunks(short.len()).enumerate() {
            let p = mag_mul(chunk, short);
            add_in_place(&mut r[k * short.len()..], &p);
        }
        trim(&mut r);
        return r;
    }
    karatsuba(long, short)
}

/// Karatsuba for long.len() / 2 < short.len() <= long.len().
fn karatsuba(long: &[u32], short: &[u32]) -> Vec<u32> {
    let m = long.len() / 2;
    let (a0, a1) = long.split_at(m);
    let (b0, b1) = short.split_at(m);
    let z0 = mag_mul(a0, b0);
    let z2 = mag_mul(a1, b1);
    let mut z1 = mag_mul(&mag_add(a0, a1), &mag_add(b0, b1));
    sub_in_place(&mut z1, &z0);
    sub_in_place(&mut z1, &z2);
    let mut r = vec![0u32; long.len() + short.len() + 1];
    add_in_place(&mut r, &z0);
    add_in_place(&mut r[m..], trimmed(&z1));
    add_in_place(&mut r[2 * m..], &z2);
    trim(&mut r);
    r
}

/// (a / d, a % d) for a single-limb divisor d != 0.
fn divmod_small(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut q = vec![0u32; a.len()];
    let rem = divmod_small_into(a, d, &mut q);
    trim(&mut q);
    (q, rem)
}

/// q = a / d (q has room for `a`), returning a % d, for a single-limb divisor d != 0.
pub(crate) fn divmod_small_into(a: &[u32], d: u32, q: &mut [u32]) -> u32 {
    let mut rem = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (rem << 32) | a[i] as u64;
        q[i] = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    rem as u32
}

/// Divides `a` in place by `d`, returning the remainder; `a` stays normalized.
fn div_small_in_place(a: &mut Vec<u32>, d: u32) -> u32 {
    let mut rem = 0u64;
    for limb in a.iter_mut().rev() {
        let cur = (rem << 32) | *limb as u64;
        *limb = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    trim(a);
    rem as u32
}

/// `div_small_in_place` by the constant 10^9, which compiles to multiplications.
fn div_dec_chunk_in_place(a: &mut Vec<u32>) -> u32 {
    let mut rem = 0u64;
    for limb in a.iter_mut().rev() {
        let cur = (rem << 32) | *limb as u64;
        *limb = (cur / DEC_CHUNK as u64) as u32;
        rem = cur % DEC_CHUNK as u64;
    }
    trim(a);
    rem as u32
}

/// a = a * m + add, in place.
fn mul_small_add_in_place(a: &mut Vec<u32>, m: u32, add: u32) {
    let mut carry = add as u64;
    for limb in a.iter_mut() {
        let t = *limb as u64 * m as u64 + carry;
        *limb = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        a.push(carry as u32);
    }
}

fn shl_bits_vec(a: &[u32], bits: u64) -> Vec<u32> {
    let limbs = (bits / 32) as usize;
    let b = (bits % 32) as u32;
    let mut out = vec![0u32; limbs];
    out.reserve(a.len() + 1);
    if b == 0 {
        out.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            out.push((x << b) | carry);
            carry = x >> (32 - b);
        }
        out.push(carry);
    }
    trim(&mut out);
    out
}

/// Shifts right by `bits`, returning the result and whether any 1 bit was shifted out.
fn shr_bits_vec(a: &[u32], bits: u64) -> (Vec<u32>, bool) {
    let limbs = (bits / 32) as usize;
    if limbs >= a.len() {
        return (Vec::new(), a.iter().any(|&x| x != 0));
    }
    let b = (bits % 32) as u32;
    let mut lost = a[..limbs].iter().any(|&x| x != 0);
    let src = &a[limbs..];
    let mut out = Vec::with_capacity(src.len());
    if b == 0 {
        out.extend_from_slice(src);
    } else {
        lost |= src[0] & ((1u32 << b) - 1) != 0;
        for i in 0..src.len() {
            let hi = src.get(i + 1).map_or(0, |&x| x << (32 - b));
            out.push((src[i] >> b) | hi);
        }
    }
    trim(&mut out);
    (out, lost)
}

/// v += 1; `v` must have room for the carry (a high zero limb when it is all ones).
pub(crate) fn increment(v: &mut [u32]) {
    for limb in v.iter_mut() {
        let (s, carry) = limb.overflowing_add(1);
        *limb = s;
        if !carry {
            return;
        }
    }
}

/// a % d for a single-limb divisor d != 0.
// Used by the big int objects (obj/num/big.rs).
#[cfg(any(feature = "bigint", test))]
pub(crate) fn rem_small(a: &[u32], d: u32) -> u32 {
    let mut rem = 0u64;
    for &limb in a.iter().rev() {
        rem = ((rem << 32) | limb as u64) % d as u64;
    }
    rem as u32
}

/// Knuth algorithm D: (a / b, a % b) for b != 0.
pub(crate) fn mag_divmod(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let (a, b) = (trimmed(a), trimmed(b));
    if mag_cmp(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = divmod_small(a, b[0]);
        return (q, if r == 0 { Vec::new() } else { vec![r] });
    }
    let shift = b[b.len() - 1].leading_zeros() as u64;
    let v = shl_bits_vec(b, shift);
    let mut u = shl_bits_vec(a, shift);
    u.resize(a.len() + 1, 0);
    let n = v.len();
    let m = a.len() - n;
    let mut q = vec![0u32; m + 1];
    let vtop = v[n - 1] as u64;
    let vsec = v[n - 2] as u64;
    for j in (0..=m).rev() {
        let num = ((u[j + n] as u64) << 32) | u[j + n - 1] as u64;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >= 1 << 32 || qhat * vsec > ((rhat << 32) | u[j + n - 2] as u64) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= 1 << 32 {
                break;
            }
        }
        if submul_limbs(&mut u[j..=j + n], &v, qhat) {
            qhat -= 1;
            add_in_place_wrapping(&mut u[j..=j + n], &v);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    u.truncate(n);
    let (r, _) = shr_bits_vec(&u, shift);
    (q, r)
}

/// window -= v * qhat; returns true if the result went negative.
fn submul_limbs(window: &mut [u32], v: &[u32], qhat: u64) -> bool {
    let mut borrow = 0i64;
    let mut carry = 0u64;
    for (i, &vi) in v.iter().enumerate() {
        let p = qhat * vi as u64 + carry;
        carry = p >> 32;
        let t = window[i] as i64 - (p & 0xffff_ffff) as i64 + borrow;
        window[i] = t as u32;
        borrow = t >> 32;
    }
    let last = v.len();
    let t = window[last] as i64 - carry as i64 + borrow;
    window[last] = t as u32;
    t < 0
}

/// window += v, discarding the final carry (undoes an over-subtraction).
fn add_in_place_wrapping(window: &mut [u32], v: &[u32]) {
    let mut carry = 0u64;
    for (i, w) in window.iter_mut().enumerate() {
        let s = *w as u64 + v.get(i).copied().unwrap_or(0) as u64 + carry;
        *w = s as u32;
        carry = s >> 32;
    }
}

fn mag_bit_length(a: &[u32]) -> u64 {
    match a.last() {
        None => 0,
        Some(&top) => a.len() as u64 * 32 - top.leading_zeros() as u64,
    }
}

fn mag_to_u128(a: &[u32]) -> Option<u128> {
    if a.len() > 4 {
        return None;
    }
    Some(
        a.iter()
            .rev()
            .fold(0u128, |acc, &limb| (acc << 32) | limb as u128),
    )
}

fn mag_from_u128(v: u128) -> Vec<u32> {
    let mut m = vec![
        v as u32,
        (v >> 32) as u32,
        (v >> 64) as u32,
        (v >> 96) as u32,
    ];
    trim(&mut m);
    m
}

fn mag_from_u64(v: u64) -> Vec<u32> {
    let mut m = vec![v as u32, (v >> 32) as u32];
    trim(&mut m);
    m
}

// ---------------------------------------------------------------------------------------
// Float helpers (no libm in core).
// ---------------------------------------------------------------------------------------

/// 2^k as f64 for -1074 <= k <= 1023.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// Rounds `q >> drop` half-to-even, where `sticky` says nonzero bits lie below `q`.
fn round_shift(q: u64, drop: u32, sticky: bool) -> u64 {
    if drop == 0 {
        return q;
    }
    if drop >= 64 {
        return 0;
    }
    let kept = q >> drop;
    let rest = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    let round_up = rest > half || (rest == half && (sticky || kept & 1 == 1));
    kept + round_up as u64
}

/// Correctly rounded `q * 2^-scale` where `q` (< 2^64) plus `sticky` (nonzero bits below q)
/// is the exact value. Returns None on overflow.
fn scaled_to_f64(q: u64, scale: i64, sticky: bool) -> Option<f64> {
    if q == 0 {
        return Some(0.0);
    }
    let bits = 64 - q.leading_zeros() as i64;
    let top_exp = bits - 1 - scale;
    // Keep 53 bits when normal; in the subnormal range the last kept bit is 2^-1074.
    let drop = if top_exp >= -1022 {
        bits - 53
    } else {
        scale - 1074
    };
    let (m, exp) = if drop > 0 {
        (round_shift(q, drop.min(64) as u32, sticky), drop - scale)
    } else {
        (q, -scale)
    };
    if m == 0 {
        return Some(0.0);
    }
    let m_bits = 64 - m.leading_zeros() as i64;
    if m_bits - 1 + exp > 1023 {
        return None;
    }
    // m has at most 54 bits: split so each factor is exact and the product is exact.
    let (m, exp) = if m_bits > 53 {
        (m >> 1, exp + 1)
    } else {
        (m, exp)
    };
    Some(m as f64 * pow2(exp))
}

// ---------------------------------------------------------------------------------------
// BigInt
// ---------------------------------------------------------------------------------------

impl BigInt {
    fn from_parts(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    pub fn zero() -> BigInt {
        BigInt::default()
    }

    pub fn one() -> BigInt {
        BigInt::from_u64(1)
    }

    pub fn from_i64(v: i64) -> BigInt {
        BigInt::from_parts(v < 0, mag_from_u64(v.unsigned_abs()))
    }

    pub fn from_u64(v: u64) -> BigInt {
        BigInt::from_parts(false, mag_from_u64(v))
    }

    pub fn from_i128(v: i128) -> BigInt {
        BigInt::from_parts(v < 0, mag_from_u128(v.unsigned_abs()))
    }

    /// Builds from sign and little-endian limbs (normalizes).
    pub fn from_limbs(neg: bool, limbs: Vec<u32>) -> BigInt {
        BigInt::from_parts(neg, limbs)
    }

    /// Little-endian magnitude limbs (normalized).
    pub fn limbs(&self) -> &[u32] {
        &self.mag
    }

    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    pub fn is_negative(&self) -> bool {
        self.neg
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> i32 {
        if self.neg {
            -1
        } else if self.mag.is_empty() {
            0
        } else {
            1
        }
    }

    fn magnitude_u64(&self) -> Option<u64> {
        match self.mag.len() {
            0 => Some(0),
            1 => Some(self.mag[0] as u64),
            2 => Some(self.mag[0] as u64 | (self.mag[1] as u64) << 32),
            _ => None,
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        let m = self.magnitude_u64()?;
        if self.neg {
            if m <= 1 << 63 {
                Some((m as i64).wrapping_neg())
            } else {
                None
            }
        } else {
            i64::try_from(m).ok()
        }
    }

    pub fn to_u64(&self) -> Option<u64> {
        if self.neg {
            None
        } else {
            self.magnitude_u64()
        }
    }

    pub fn fits_i64(&self) -> bool {
        self.to_i64().is_some()
    }

    /// `int(x)` for a float: truncates toward zero.
    pub fn from_f64(x: f64) -> Result<BigInt, NumError> {
        if x.is_nan() {
            return Err(NumError::Value("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(NumError::Overflow(
                "cannot convert float infinity to integer",
            ));
        }
        let bits = x.to_bits();
        let neg = bits >> 63 == 1;
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        if biased == 0 {
            return Ok(BigInt::zero()); // zero or subnormal: |x| < 1
        }
        let mant = frac | (1u64 << 52);
        let exp = biased - 1075; // x = mant * 2^exp
        let mag = if exp >= 0 {
            shl_bits_vec(&mag_from_u64(mant), exp as u64)
        } else if exp > -64 {
            mag_from_u64(mant >> (-exp))
        } else {
            Vec::new()
        };
        Ok(BigInt::from_parts(neg, mag))
    }

    /// `float(self)`, correctly rounded (half to even).
    pub fn to_f64(&self) -> Result<f64, NumError> {
        let bits = mag_bit_length(&self.mag);
        let value = if bits <= 64 {
            let m = self.magnitude_u64().unwrap_or(0);
            Some(m as f64)
        } else {
            let (top, sticky) = shr_bits_vec(&self.mag, bits - 64);
            let q = top[0] as u64 | (top[1] as u64) << 32;
            scaled_to_f64(q, -((bits - 64) as i64), sticky)
        };
        match value {
            Some(v) if self.neg => Ok(-v),
            Some(v) => Ok(v),
            None => Err(NumError::Overflow("int too large to convert to float")),
        }
    }

    /// `self / other` (true division), correctly rounded like CPython.
    pub fn true_div(&self, other: &BigInt) -> Result<f64, NumError> {
        if other.is_zero() {
            return Err(NumError::ZeroDivision("division by zero"));
        }
        let neg = self.neg != other.neg;
        let na = mag_bit_length(&self.mag) as i64;
        let nb = mag_bit_length(&other.mag) as i64;
        if na <= 53 && nb <= 53 {
            // Both exact as floats: one IEEE division is correctly rounded.
            let a = self.magnitude_u64().unwrap_or(0) as f64;
            let b = other.magnitude_u64().unwrap_or(0) as f64;
            let q = a / b;
            return Ok(if neg { -q } else { q });
        }
        if na - nb < -1080 {
            // |a/b| < 2^-1079: below half the smallest subnormal.
            return Ok(if neg { -0.0 } else { 0.0 });
        }
        if na - nb > 1025 {
            return Err(NumError::Overflow(
                "integer division result too large for a float",
            ));
        }
        // Scale so the integer quotient has 55 or 56 bits, then round with a sticky bit.
        let scale = 55 - (na - nb);
        let (num, den) = if scale >= 0 {
            (shl_bits_vec(&self.mag, scale as u64), other.mag.clone())
        } else {
            (self.mag.clone(), shl_bits_vec(&other.mag, (-scale) as u64))
        };
        let (q, r) = mag_divmod(&num, &den);
        let q64 =
            q.first().copied().unwrap_or(0) as u64 | (q.get(1).copied().unwrap_or(0) as u64) << 32;
        match scaled_to_f64(q64, scale, !r.is_empty()) {
            Some(v) => Ok(if neg { -v } else { v }),
            None => Err(NumError::Overflow(
                "integer division result too large for a float",
            )),
        }
    }

    /// Python `int(text, base)`.
    pub fn parse(text: &str, base: u32) -> Result<BigInt, ParseIntError> {
        let lit = split_literal(text, base)?;
        let mag = parse_digits(lit.digits, lit.radix, lit.had_prefix)?;
        if lit.no_leading_zero && !mag.is_empty() && lit.digits.starts_with('0') {
            return Err(ParseIntError::InvalidLiteral);
        }
        Ok(BigInt::from_parts(lit.neg, mag))
    }

    /// Digits in `radix` (2..=36, lowercase), with a leading '-' when negative, no prefix.
    pub fn to_string_radix(&self, radix: u32) -> String {
        let radix = radix.clamp(2, 36);
        if radix == 10 {
            let mut out = String::new();
            write_decimal(self.neg, &self.mag, &mut out);
            return out;
        }
        let mut digits: Vec<u8> = Vec::new();
        if radix.is_power_of_two() {
            power_of_two_digits(&self.mag, radix.trailing_zeros(), &mut digits);
        } else {
            general_radix_digits(&self.mag, radix, &mut digits);
        }
        let mut out = String::with_capacity(digits.len() + 1);
        if self.neg {
            out.push('-');
        }
        out.extend(
            digits
                .iter()
                .rev()
                .map(|&d| char::from_digit(d as u32, radix).unwrap_or('?')),
        );
        out
    }

    /// Decimal digits of the magnitude (no sign).
    pub fn magnitude_decimal(&self) -> String {
        let mut out = String::new();
        write_decimal_magnitude(&self.mag, &mut out);
        out
    }

    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.neg, self.mag.clone())
    }

    pub fn abs(&self) -> BigInt {
        BigInt::from_parts(false, self.mag.clone())
    }

    fn add_signed(&self, other: &BigInt, other_neg: bool) -> BigInt {
        if self.neg == other_neg {
            return BigInt::from_parts(self.neg, mag_add(&self.mag, &other.mag));
        }
        match mag_cmp(&self.mag, &other.mag) {
            Ordering::Equal => BigInt::zero(),
            Ordering::Greater => BigInt::from_parts(self.neg, mag_sub(&self.mag, &other.mag)),
            Ordering::Less => BigInt::from_parts(other_neg, mag_sub(&other.mag, &self.mag)),
        }
    }

    pub fn add(&self, other: &BigInt) -> BigInt {
        self.add_signed(other, other.neg)
    }

    pub fn sub(&self, other: &BigInt) -> BigInt {
        self.add_signed(other, !other.neg && !other.is_zero())
    }

    pub fn mul(&self, other: &BigInt) -> BigInt {
        BigInt::from_parts(self.neg != other.neg, mag_mul(&self.mag, &other.mag))
    }

    /// Python `divmod(self, other)`: floor quotient and remainder with the divisor's sign.
    pub fn divmod(&self, other: &BigInt) -> Result<(BigInt, BigInt), NumError> {
        if other.is_zero() {
            return Err(NumError::ZeroDivision("integer division or modulo by zero"));
        }
        Ok(self.floor_divmod_nonzero(other))
    }

    fn floor_divmod_nonzero(&self, other: &BigInt) -> (BigInt, BigInt) {
        let (mut q, mut r) = match (mag_to_u128(&self.mag), mag_to_u128(&other.mag)) {
            // Up to 128 bits: native division avoids Knuth's scratch vectors.
            (Some(a), Some(b)) => (mag_from_u128(a / b), mag_from_u128(a % b)),
            _ => mag_divmod(&self.mag, &other.mag),
        };
        let signs_differ = self.neg != other.neg;
        if signs_differ && !r.is_empty() {
            // Floor rounding: |q| + 1, and the remainder |b| - |r| takes the divisor's sign.
            q.push(0);
            increment(&mut q);
            r = mag_sub(&other.mag, &r);
        }
        (
            BigInt::from_parts(signs_differ, q),
            BigInt::from_parts(other.neg, r),
        )
    }

    /// Python `self // other`.
    pub fn floordiv(&self, other: &BigInt) -> Result<BigInt, NumError> {
        if other.is_zero() {
            return Err(NumError::ZeroDivision("integer division or modulo by zero"));
        }
        Ok(self.floor_divmod_nonzero(other).0)
    }

    /// Python `self % other`.
    pub fn modulo(&self, other: &BigInt) -> Result<BigInt, NumError> {
        if other.is_zero() {
            return Err(NumError::ZeroDivision("integer modulo by zero"));
        }
        Ok(self.floor_divmod_nonzero(other).1)
    }

    /// `self ** exp` for a non-negative exponent.
    pub fn pow(&self, exp: u64) -> BigInt {
        if exp == 0 {
            return BigInt::one();
        }
        // Left to right: each step squares and then multiplies by the (usually small) base,
        // cheaper than right-to-left's products of two growing numbers.
        let mut result = self.clone();
        for i in (0..63 - exp.leading_zeros()).rev() {
            result = BigInt::from_parts(false, mag_mul(&result.mag, &result.mag));
            if exp >> i & 1 == 1 {
                result = BigInt::from_parts(false, mag_mul(&result.mag, &self.mag));
            }
        }
        result.neg = self.neg && exp & 1 == 1 && !result.mag.is_empty();
        result
    }

    /// Python's three-argument `pow(self, exp, modulus)`, including negative exponents
    /// (modular inverse) and the modulus's sign for the result.
    pub fn pow_mod(&self, exp: &BigInt, modulus: &BigInt) -> Result<BigInt, NumError> {
        if modulus.is_zero() {
            return Err(NumError::Value("pow() 3rd argument cannot be 0"));
        }
        let m = modulus.abs();
        let mut base = self.floor_divmod_nonzero(&m).1;
        if exp.neg {
            base = mod_inverse(&base, &m).ok_or(NumError::Value(
                "base is not invertible for the given modulus",
            ))?;
        }
        let mut result = mod_pow_window(&base, &exp.mag, &m);
        if modulus.neg && !result.is_zero() {
            result = result.sub(&m);
        }
        Ok(result)
    }

    /// `self << count`.
    pub fn shl(&self, count: i64) -> Result<BigInt, NumError> {
        if count < 0 {
            return Err(NumError::Value("negative shift count"));
        }
        if self.is_zero() {
            return Ok(BigInt::zero());
        }
        if count as u64 > MAX_SHIFT_BITS {
            return Err(NumError::Overflow("too many digits in integer"));
        }
        Ok(BigInt::from_parts(
            self.neg,
            shl_bits_vec(&self.mag, count as u64),
        ))
    }

    /// `self >> count`: arithmetic shift, rounding toward negative infinity.
    pub fn shr(&self, count: i64) -> Result<BigInt, NumError> {
        if count < 0 {
            return Err(NumError::Value("negative shift count"));
        }
        let (mag, lost) = shr_bits_vec(&self.mag, count as u64);
        let r = BigInt::from_parts(self.neg, mag);
        if self.neg && lost {
            Ok(r.sub(&BigInt::one()))
        } else {
            Ok(r)
        }
    }

    /// Two's-complement limbs, sign-extended to `len` limbs.
    fn twos_complement(&self, len: usize) -> Vec<u32> {
        let mut v = self.mag.clone();
        v.resize(len, 0);
        if self.neg {
            negate_twos(&mut v);
        }
        v
    }

    fn from_twos_complement(mut v: Vec<u32>) -> BigInt {
        let neg = v.last().is_some_and(|&top| top >> 31 == 1);
        if neg {
            negate_twos(&mut v);
        }
        BigInt::from_parts(neg, v)
    }

    fn bitwise(&self, other: &BigInt, op: impl Fn(u32, u32) -> u32) -> BigInt {
        let len = self.mag.len().max(other.mag.len()) + 1;
        let a = self.twos_complement(len);
        let b = other.twos_complement(len);
        BigInt::from_twos_complement(a.iter().zip(&b).map(|(&x, &y)| op(x, y)).collect())
    }

    pub fn bitand(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x & y)
    }

    pub fn bitor(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x | y)
    }

    pub fn bitxor(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x ^ y)
    }

    /// `~self` == -(self + 1).
    pub fn not(&self) -> BigInt {
        self.add(&BigInt::one()).neg()
    }

    /// Python `int.bit_length()`: bits of |self|.
    pub fn bit_length(&self) -> u64 {
        mag_bit_length(&self.mag)
    }

    /// Python `int.to_bytes(length, byteorder, signed=...)`.
    pub fn to_bytes(&self, length: usize, little: bool, signed: bool) -> Result<Vec<u8>, NumError> {
        if self.neg && !signed {
            return Err(NumError::Overflow("can't convert negative int to unsigned"));
        }
        let too_big = NumError::Overflow("int too big to convert");
        let bits = self.bit_length();
        let needed = if signed {
            // Negative powers of two need one bit less than their magnitude suggests.
            let min_neg = self.neg && self.is_power_of_two_magnitude();
            if min_neg {
                bits
            } else {
                bits + 1
            }
        } else {
            bits
        };
        if needed > length as u64 * 8 && !(self.is_zero()) {
            return Err(too_big);
        }
        let limbs = length.div_ceil(4) + 1;
        let tc = self.twos_complement(limbs);
        let mut out: Vec<u8> = (0..length)
            .map(|i| (tc[i / 4] >> ((i % 4) * 8)) as u8)
            .collect();
        if !little {
            out.reverse();
        }
        Ok(out)
    }

    fn is_power_of_two_magnitude(&self) -> bool {
        match self.mag.split_last() {
            Some((top, rest)) => top.is_power_of_two() && rest.iter().all(|&x| x == 0),
            None => false,
        }
    }

    /// Python `int.from_bytes(bytes, byteorder, signed=...)`.
    pub fn from_bytes(bytes: &[u8], little: bool, signed: bool) -> BigInt {
        let mut limbs = vec![0u32; bytes.len().div_ceil(4) + 1];
        for (i, &byte) in bytes.iter().enumerate() {
            let pos = if little { i } else { bytes.len() - 1 - i };
            limbs[pos / 4] |= (byte as u32) << ((pos % 4) * 8);
        }
        let negative = signed && !bytes.is_empty() && {
            let top = if little {
                bytes[bytes.len() - 1]
            } else {
                bytes[0]
            };
            top & 0x80 != 0
        };
        if negative {
            // Sign-extend the partial top limb(s) so the two's-complement value is right.
            let nbits = bytes.len() * 8;
            for (i, limb) in limbs.iter_mut().enumerate() {
                for bit in 0..32 {
                    if i * 32 + bit >= nbits {
                        *limb |= 1 << bit;
                    }
                }
            }
            BigInt::from_twos_complement(limbs)
        } else {
            BigInt::from_parts(false, limbs)
        }
    }

    /// Python `hash(int)`: value mod 2^61-1 with the sign; -1 becomes -2.
    pub fn py_hash(&self) -> i64 {
        let mut h = 0u64;
        for &limb in self.mag.iter().rev() {
            // h * 2^32 mod P is a 32-bit rotation within 61 bits, since 2^61 == 1 (mod P).
            h = ((h << 32) & HASH_MODULUS) | (h >> (HASH_BITS - 32));
            h += limb as u64;
            if h >= HASH_MODULUS {
                h -= HASH_MODULUS;
            }
        }
        let v = if self.neg { -(h as i64) } else { h as i64 };
        if v == -1 {
            -2
        } else {
            v
        }
    }

    /// Exact comparison with a float; None when `x` is NaN.
    pub fn cmp_f64(&self, x: f64) -> Option<Ordering> {
        if x.is_nan() {
            return None;
        }
        if x.is_infinite() {
            return Some(if x > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        let t = BigInt::from_f64(x).ok()?;
        match self.cmp(&t) {
            Ordering::Equal => {
                let has_fraction = t.to_f64().is_ok_and(|tf| tf != x);
                Some(if !has_fraction {
                    Ordering::Equal
                } else if x > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                })
            }
            ord => Some(ord),
        }
    }
}

/// `base ** exp % m` for 0 <= base < m, m > 0, by left-to-right sliding-window
/// exponentiation (windows of up to 5 bits for long exponents save multiplications).
fn mod_pow_window(base: &BigInt, exp: &[u32], m: &BigInt) -> BigInt {
    let reduce = |x: BigInt| x.floor_divmod_nonzero(m).1;
    let bit = |i: u64| exp[(i / 32) as usize] >> (i % 32) & 1 == 1;
    let nbits = mag_bit_length(exp);
    let window: u64 = if nbits > 64 { 5 } else { 1 };
    // Odd powers base^1, base^3, ..., base^(2^window - 1).
    let base_sq = reduce(base.mul(base));
    let mut odd_powers = vec![base.clone()];
    for k in 1..(1usize << (window - 1)) {
        let next = reduce(odd_powers[k - 1].mul(&base_sq));
        odd_powers.push(next);
    }
    let mut result = reduce(BigInt::one());
    let mut i = nbits as i64 - 1;
    while i >= 0 {
        if !bit(i as u64) {
            result = reduce(result.mul(&result));
            i -= 1;
            continue;
        }
        // The window runs from bit i down to the lowest set bit within `window` bits.
        let mut low = (i - window as i64 + 1).max(0);
        while !bit(low as u64) {
            low += 1;
        }
        let mut value = 0usize;
        for j in (low..=i).rev() {
            result = reduce(result.mul(&result));
            value = value << 1 | bit(j as u64) as usize;
        }
        result = reduce(result.mul(&odd_powers[value >> 1]));
        i = low - 1;
    }
    result
}

/// Two's-complement negation in place (invert and add one).
fn negate_twos(v: &mut [u32]) {
    let mut carry = true;
    for limb in v.iter_mut() {
        let (s, c) = (!*limb).overflowing_add(carry as u32);
        *limb = s;
        carry = c;
    }
}

/// Modular inverse of `a` (0 <= a < m) modulo m > 0, via the extended Euclidean algorithm.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let (q, rem) = old_r.floor_divmod_nonzero(&r);
        old_r = core::mem::replace(&mut r, rem);
        let next_s = old_s.sub(&q.mul(&s));
        old_s = core::mem::replace(&mut s, next_s);
    }
    if old_r != BigInt::one() {
        // gcd != 1, except that everything is invertible modulo 1.
        return if m == &BigInt::one() {
            Some(BigInt::zero())
        } else {
            None
        };
    }
    Some(old_s.floor_divmod_nonzero(m).1)
}

/// The magnitude of `digits` in `base` (underscore rules of [`for_each_digit`]).
fn parse_digits(
    digits: &str,
    base: u32,
    allow_leading_underscore: bool,
) -> Result<Vec<u32>, ParseIntError> {
    // Largest power of `base` fitting a limb: digits are accumulated per chunk.
    let mut chunk_digits = 1u32;
    let mut chunk_mul = base;
    while (chunk_mul as u64) * (base as u64) <= u32::MAX as u64 {
        chunk_mul *= base;
        chunk_digits += 1;
    }
    let mut mag: Vec<u32> = Vec::with_capacity(digits.len() / 8 + 1);
    let (mut acc, mut acc_digits, mut acc_mul) = (0u32, 0u32, 1u32);
    for_each_digit(digits, base, allow_leading_underscore, |d| {
        acc = acc * base + d;
        acc_mul *= base;
        acc_digits += 1;
        if acc_digits == chunk_digits {
            mul_small_add_in_place(&mut mag, acc_mul, acc);
            (acc, acc_digits, acc_mul) = (0, 0, 1);
        }
    })?;
    if acc_digits > 0 {
        mul_small_add_in_place(&mut mag, acc_mul, acc);
    }
    trim(&mut mag);
    Ok(mag)
}

/// Least-significant-first digit values for a power-of-two radix (2^shift).
fn power_of_two_digits(mag: &[u32], shift: u32, out: &mut Vec<u8>) {
    let bits = mag_bit_length(mag);
    if bits == 0 {
        out.push(0);
        return;
    }
    let mask = (1u64 << shift) - 1;
    let mut pos = 0u64;
    while pos < bits {
        let limb = (pos / 32) as usize;
        let off = pos % 32;
        let mut window = mag[limb] as u64 >> off;
        if off + shift as u64 > 32 {
            window |= (mag.get(limb + 1).copied().unwrap_or(0) as u64) << (32 - off);
        }
        out.push((window & mask) as u8);
        pos += shift as u64;
    }
}

/// Least-significant-first digit values for any radix, by dividing by chunks of the radix.
fn general_radix_digits(mag: &[u32], radix: u32, out: &mut Vec<u8>) {
    if mag.is_empty() {
        out.push(0);
        return;
    }
    let mut chunk_digits = 1;
    let mut chunk = radix;
    while (chunk as u64) * (radix as u64) <= u32::MAX as u64 {
        chunk *= radix;
        chunk_digits += 1;
    }
    let mut n = mag.to_vec();
    while !n.is_empty() {
        let mut rem = div_small_in_place(&mut n, chunk);
        for _ in 0..chunk_digits {
            out.push((rem % radix) as u8);
            rem /= radix;
            if n.is_empty() && rem == 0 {
                break;
            }
        }
    }
    while out.len() > 1 && out.last() == Some(&0) {
        out.pop();
    }
}

/// Magnitudes above this many limbs are converted to decimal by divide and conquer.
const DEC_DC_THRESHOLD: usize = 60;

/// Appends `-` (when `neg` and nonzero) and the decimal digits of a magnitude.
pub(crate) fn write_decimal(neg: bool, mag: &[u32], out: &mut String) {
    let mag = trimmed(mag);
    if neg && !mag.is_empty() {
        out.push('-');
    }
    write_decimal_magnitude(mag, out);
}

/// Appends the decimal digits of a magnitude.
fn write_decimal_magnitude(mag: &[u32], out: &mut String) {
    if mag.len() <= 2 {
        let v = mag.first().copied().unwrap_or(0) as u64
            | (mag.get(1).copied().unwrap_or(0) as u64) << 32;
        push_u64_decimal(v, 0, out);
        return;
    }
    if mag.len() <= DEC_DC_THRESHOLD {
        write_decimal_chunks(mag, 0, out);
        return;
    }
    // powers[k] = 10^(9 * 2^k), up to about half the size of the number.
    let mut powers: Vec<Vec<u32>> = vec![vec![DEC_CHUNK]];
    while let Some(last) = powers.last() {
        if last.len() * 2 > mag.len() {
            break;
        }
        let next = mag_mul(last, last);
        powers.push(next);
    }
    write_decimal_dc(mag, &powers, powers.len() - 1, 0, out);
}

/// Divide and conquer: split by powers[k] into high and low halves; the low half is
/// zero-padded to exactly 9 * 2^k digits. `width` (when nonzero) zero-pads the whole.
fn write_decimal_dc(mag: &[u32], powers: &[Vec<u32>], k: usize, width: usize, out: &mut String) {
    let mut k = k;
    while k > 0 && mag_cmp(mag, &powers[k]) == Ordering::Less {
        k -= 1;
    }
    if k == 0 || mag.len() <= DEC_DC_THRESHOLD {
        write_decimal_chunks(mag, width, out);
        return;
    }
    let low_width = DEC_CHUNK_DIGITS << k;
    let (high, low) = mag_divmod(mag, &powers[k]);
    write_decimal_dc(&high, powers, k - 1, width.saturating_sub(low_width), out);
    write_decimal_dc(&low, powers, k - 1, low_width, out);
}

/// Appends decimal digits working in 10^9 chunks, zero-padded to `width` digits.
fn write_decimal_chunks(mag: &[u32], width: usize, out: &mut String) {
    let mut chunks: Vec<u32> = Vec::with_capacity(mag.len() * 32 / 29 + 1);
    let mut n = trimmed(mag).to_vec();
    while !n.is_empty() {
        chunks.push(div_dec_chunk_in_place(&mut n));
    }
    let first = chunks.pop().unwrap_or(0);
    let first_len = if first == 0 {
        1
    } else {
        first.ilog10() as usize + 1
    };
    let len = first_len + chunks.len() * DEC_CHUNK_DIGITS;
    push_u64_decimal(first as u64, width.saturating_sub(len) + first_len, out);
    for &c in chunks.iter().rev() {
        push_u64_decimal(c as u64, DEC_CHUNK_DIGITS, out);
    }
}

/// Appends `v` in decimal, zero-padded to `width` digits (without `core::fmt`, which costs
/// more than the digits themselves here).
fn push_u64_decimal(mut v: u64, width: usize, out: &mut String) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let digits = buf.len() - i;
    out.extend(core::iter::repeat_n('0', width.saturating_sub(digits)));
    out.extend(buf[i..].iter().map(|&d| d as char));
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        write_decimal(self.neg, &self.mag, &mut s);
        f.write_str(&s)
    }
}

impl Ord for BigInt {
    fn cmp(&self, other: &BigInt) -> Ordering {
        match (self.neg, other.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => mag_cmp(&self.mag, &other.mag),
            (true, true) => mag_cmp(&other.mag, &self.mag),
        }
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, other: &BigInt) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

// ---------------------------------------------------------------------------------------
// i64 helpers for the VM's small-int fast path.
// ---------------------------------------------------------------------------------------

/// Python `a / b` for two i64s, correctly rounded (ZeroDivisionError "division by zero").
pub fn true_div_i64(a: i64, b: i64) -> Result<f64, NumError> {
    const EXACT: u64 = 1 << 53;
    if b == 0 {
        return Err(NumError::ZeroDivision("division by zero"));
    }
    if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
        // Both operands are exact floats, so one IEEE division is correctly rounded.
        return Ok(a as f64 / b as f64);
    }
    BigInt::from_i64(a).true_div(&BigInt::from_i64(b))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::ToString;
    use std::io::Write as _;

    /// Deterministic splitmix64 generator for reproducible differential tests.
    pub(crate) struct Rng(pub u64);

    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        pub(crate) fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Runs one python3 process over `input` (written to a temp file whose path is argv[1])
    /// and returns its stdout lines.
    pub(crate) fn run_python(tag: &str, script: &str, input: &str) -> Vec<String> {
        let path =
            std::env::temp_dir().join(format!("mpy-numeric-{}-{}.txt", tag, std::process::id()));
        std::fs::File::create(&path)
            .and_then(|mut f| f.write_all(input.as_bytes()))
            .expect("cannot write the test case file");
        let output = std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&path)
            .output()
            .expect("python3 is required for the differential tests but could not be run");
        let _ = std::fs::remove_file(&path);
        assert!(
            output.status.success(),
            "python3 failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .expect("python3 output is not UTF-8")
            .lines()
            .map(|l| l.to_string())
            .collect()
    }

    /// Compares line by line (python escapes '\n' and '\r' in its results, so `got` is
    /// escaped the same way) and fails listing the first mismatches.
    pub(crate) fn compare(cases: &[String], got: &[String], expected: &[String]) {
        let got: Vec<String> = got
            .iter()
            .map(|g| g.replace('\n', "\\n").replace('\r', "\\r"))
            .collect();
        assert_eq!(
            got.len(),
            expected.len(),
            "python returned a different number of results"
        );
        // Report the first few mismatches of each case kind (the first word of the case).
        let mut bad = Vec::new();
        let mut per_kind: std::collections::BTreeMap<&str, usize> = Default::default();
        let mut total = 0;
        for i in 0..got.len() {
            if got[i] != expected[i] {
                total += 1;
                let kind = cases[i].split(' ').next().unwrap_or("");
                let seen = per_kind.entry(kind).or_default();
                *seen += 1;
                if *seen <= 4 {
                    bad.push(format!(
                        "case {}: {}\n   got      {}\n   expected {}",
                        i, cases[i], got[i], expected[i]
                    ));
                }
            }
        }
        if total > 0 {
            panic!(
                "{} of {} cases differ (per kind: {:?}):\n{}",
                total,
                got.len(),
                per_kind,
                bad.join("\n")
            );
        }
    }

    fn random_bigint(rng: &mut Rng) -> BigInt {
        let size_class = rng.below(10);
        let limbs = match size_class {
            0 => 0,
            1..=4 => 1 + rng.below(4) as usize,
            5..=7 => 1 + rng.below(12) as usize,
            8 => 20 + rng.below(60) as usize,
            _ => 60 + rng.below(120) as usize,
        };
        let pattern = rng.below(6);
        let mag: Vec<u32> = (0..limbs)
            .map(|_| match pattern {
                0 => u32::MAX,
                1 => [0, u32::MAX, 1, 0x8000_0000][rng.below(4) as usize],
                _ => rng.next() as u32,
            })
            .collect();
        BigInt::from_parts(rng.below(2) == 0, mag)
    }

    /// Python-readable hex literal built straight from the limbs (independent of to_string).
    fn py_literal(v: &BigInt) -> String {
        let mut s = String::from(if v.neg { "-0x0" } else { "0x0" });
        for limb in v.mag.iter().rev() {
            s.push_str(&format!("{:08x}", limb));
        }
        s
    }

    fn err_name(e: NumError) -> String {
        e.exception_name().to_string()
    }

    fn result_str(r: Result<BigInt, NumError>) -> String {
        match r {
            Ok(v) => v.to_string(),
            Err(e) => err_name(e),
        }
    }

    fn float_bits(r: Result<f64, NumError>) -> String {
        match r {
            Ok(v) => format!("{:x}", v.to_bits()),
            Err(e) => err_name(e),
        }
    }

    const PY_BIGINT: &str = r#"
import sys, struct
sys.set_int_max_str_digits(0)
def fb(x): return '%x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def run(f):
    try: return f()
    except Exception as e: return type(e).__name__
def cmpf(a, f):
    return 'lt' if a < f else ('gt' if a > f else ('eq' if a == f else 'none'))
out = []
for line in open(sys.argv[1]):
    op, *args = line.split()
    v = [int(x, 16) if x.lstrip('-').startswith('0x') else x for x in args]
    a = v[0]
    b = v[1] if len(v) > 1 else None
    if op == 'add': r = a + b
    elif op == 'sub': r = a - b
    elif op == 'mul': r = a * b
    elif op == 'divmod': r = run(lambda: '%d %d' % divmod(a, b))
    elif op == 'floordiv': r = run(lambda: a // b)
    elif op == 'mod': r = run(lambda: a % b)
    elif op == 'pow': r = a ** int(b)
    elif op == 'powmod': r = run(lambda: pow(a, b, v[2]))
    elif op == 'shl': r = run(lambda: a << int(b))
    elif op == 'shr': r = run(lambda: a >> int(b))
    elif op == 'and': r = a & b
    elif op == 'or': r = a | b
    elif op == 'xor': r = a ^ b
    elif op == 'not': r = ~a
    elif op == 'str': r = '%s %x %o %s %s' % (a, a, a, bin(a).replace('0b', ''), a.bit_length())
    elif op == 'radix':
        base = int(b); digs = '0123456789abcdefghijklmnopqrstuvwxyz'; n = abs(a); s = ''
        while n: s = digs[n % base] + s; n //= base
        r = ('-' if a < 0 else '') + (s or '0')
    elif op == 'float': r = run(lambda: fb(float(a)))
    elif op == 'truediv': r = run(lambda: fb(a / b))
    elif op == 'hash': r = hash(a)
    elif op == 'cmpf': r = cmpf(a, struct.unpack('<d', struct.pack('<Q', int(b, 16)))[0])
    elif op == 'fromf': r = run(lambda: int(struct.unpack('<d', struct.pack('<Q', int(a, 16)))[0]))
    elif op == 'tobytes': r = run(lambda: a.to_bytes(int(b), v[2], signed=v[3] == 'T').hex())
    elif op == 'frombytes': r = int.from_bytes(bytes.fromhex(a) if a != '-' else b'', b, signed=v[2] == 'T')
    elif op == 'parse':
        t = bytes.fromhex(a).decode() if a != '-' else ''
        r = run(lambda: int(t, int(b)))
    out.append(str(r))
print('\n'.join(out))
"#;

    fn random_f64(rng: &mut Rng) -> f64 {
        match rng.below(6) {
            0 => f64::from_bits(rng.next()),
            1 => (rng.next() as i64 >> rng.below(64)) as f64,
            2 => (rng.next() as i64 >> rng.below(64)) as f64 + 0.5,
            3 => f64::from_bits(rng.next() & 0x000f_ffff_ffff_ffff),
            4 => [
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                1e308,
                -1e-310,
            ][rng.below(7) as usize],
            _ => (rng.next() as f64) * [1.0, 1e20, 1e100, 1e-5][rng.below(4) as usize],
        }
    }

    /// Hex of the UTF-8 bytes ("-" for empty) so any text survives the line format.
    /// A 54-bit odd mantissa (exactly halfway between two doubles) shifted, maybe nudged.
    fn near_halfway(rng: &mut Rng, shift: i64) -> BigInt {
        let m = ((rng.next() >> 11) | (1 << 53)) | 1;
        let v = BigInt::from_u64(m).shl(shift).unwrap_or_default();
        let nudge = BigInt::from_i64(rng.below(3) as i64 - 1);
        let v = if shift > 2 { v.add(&nudge) } else { v };
        if rng.below(2) == 0 {
            v
        } else {
            v.neg()
        }
    }

    fn hex_text(s: &str) -> String {
        if s.is_empty() {
            return "-".to_string();
        }
        s.bytes().map(|b| format!("{:02x}", b)).collect()
    }

    fn random_int_text(rng: &mut Rng) -> (String, u32) {
        let base = [0u32, 10, 16, 8, 2, 36, 7, 0, 10][rng.below(9) as usize];
        let pieces = [
            "0", "1", "9", "_", "x", "0x", "0o", "0b", "a", "f", "z", " ", "-", "+", "7", "00",
            "8", "2",
        ];
        let len = rng.below(8) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(pieces[rng.below(pieces.len() as u64) as usize]);
        }
        (s, base)
    }

    fn one_bigint_case(rng: &mut Rng, cases: &mut Vec<String>, got: &mut Vec<String>) {
        let a = random_bigint(rng);
        let b = random_bigint(rng);
        let (la, lb) = (py_literal(&a), py_literal(&b));
        let small = rng.below(300) as i64;
        match rng.below(21) {
            0 => {
                cases.push(format!("add {} {}", la, lb));
                got.push(a.add(&b).to_string());
            }
            1 => {
                cases.push(format!("sub {} {}", la, lb));
                got.push(a.sub(&b).to_string());
            }
            2 => {
                cases.push(format!("mul {} {}", la, lb));
                got.push(a.mul(&b).to_string());
            }
            3 => {
                cases.push(format!("divmod {} {}", la, lb));
                got.push(match a.divmod(&b) {
                    Ok((q, r)) => format!("{} {}", q, r),
                    Err(e) => err_name(e),
                });
            }
            4 => {
                cases.push(format!("floordiv {} {}", la, lb));
                got.push(result_str(a.floordiv(&b)));
            }
            5 => {
                cases.push(format!("mod {} {}", la, lb));
                got.push(result_str(a.modulo(&b)));
            }
            6 => {
                let a = BigInt::from_i64(rng.next() as i64 >> rng.below(64));
                let e = rng.below(40);
                cases.push(format!("pow {} {}", py_literal(&a), e));
                got.push(a.pow(e).to_string());
            }
            7 => {
                let e = if rng.below(4) == 0 {
                    BigInt::from_i64(-(small % 5))
                } else {
                    b.clone()
                };
                let m = random_bigint(rng);
                let e = if e.mag.len() > 8 { e.abs() } else { e };
                let m = if m.mag.len() > 8 {
                    BigInt::from_parts(m.neg, m.mag[..8].to_vec())
                } else {
                    m
                };
                cases.push(format!(
                    "powmod {} {} {}",
                    la,
                    py_literal(&e),
                    py_literal(&m)
                ));
                got.push(result_str(a.pow_mod(&e, &m)));
            }
            8 => {
                let n = small - 5;
                cases.push(format!("shl {} {}", la, n));
                got.push(result_str(a.shl(n)));
            }
            9 => {
                let n = small * 20 - 5;
                cases.push(format!("shr {} {}", la, n));
                got.push(result_str(a.shr(n)));
            }
            10 => {
                cases.push(format!("and {} {}", la, lb));
                got.push(a.bitand(&b).to_string());
            }
            11 => {
                cases.push(format!("or {} {}", la, lb));
                got.push(a.bitor(&b).to_string());
            }
            12 => {
                cases.push(format!("xor {} {}", la, lb));
                got.push(a.bitxor(&b).to_string());
            }
            13 => {
                cases.push(format!("not {}", la));
                got.push(a.not().to_string());
            }
            14 => {
                cases.push(format!("str {}", la));
                got.push(format!(
                    "{} {} {} {} {}",
                    a,
                    a.to_string_radix(16),
                    a.to_string_radix(8),
                    a.to_string_radix(2),
                    a.bit_length()
                ));
                let radix = 2 + rng.below(35) as u32;
                cases.push(format!("radix {} {}", la, radix));
                got.push(a.to_string_radix(radix));
            }
            15 => {
                // Values near powers of two exercise float rounding.
                let a = match rng.below(3) {
                    0 => a,
                    1 => a
                        .add(&BigInt::from_i64(small - 150))
                        .shl(small)
                        .unwrap_or(a),
                    _ => near_halfway(rng, small),
                };
                cases.push(format!("float {}", py_literal(&a)));
                got.push(float_bits(a.to_f64()));
            }
            16 => {
                let b = if rng.below(3) == 0 {
                    BigInt::from_i64(small - 150)
                } else {
                    b
                };
                // Exact halfway quotients (and tiny or huge ones) test the final rounding.
                let a = match rng.below(3) {
                    0 => near_halfway(rng, small).mul(&b),
                    1 => near_halfway(rng, small).mul(&b).shr(1100).unwrap_or(a),
                    _ => a,
                };
                let la = py_literal(&a);
                cases.push(format!("truediv {} {}", la, py_literal(&b)));
                got.push(float_bits(a.true_div(&b)));
            }
            17 => {
                cases.push(format!("hash {}", la));
                got.push(a.py_hash().to_string());
            }
            18 => {
                let f = if rng.below(2) == 0 {
                    random_f64(rng)
                } else {
                    a.to_f64().unwrap_or(1.5)
                };
                cases.push(format!("cmpf {} {:x}", la, f.to_bits()));
                got.push(
                    match a.cmp_f64(f) {
                        Some(Ordering::Less) => "lt",
                        Some(Ordering::Greater) => "gt",
                        Some(Ordering::Equal) => "eq",
                        None => "none",
                    }
                    .to_string(),
                );
                let f = random_f64(rng);
                cases.push(format!("fromf {:x}", f.to_bits()));
                got.push(result_str(BigInt::from_f64(f)));
            }
            19 => {
                let a = BigInt::from_i64(rng.next() as i64 >> rng.below(64));
                let a = if rng.below(2) == 0 {
                    a
                } else {
                    a.shl(small).unwrap_or(a)
                };
                let len = rng.below(12) as usize;
                let little = rng.below(2) == 0;
                let signed = rng.below(2) == 0;
                let order = if little { "little" } else { "big" };
                let flag = if signed { "T" } else { "F" };
                cases.push(format!(
                    "tobytes {} {} {} {}",
                    py_literal(&a),
                    len,
                    order,
                    flag
                ));
                got.push(match a.to_bytes(len, little, signed) {
                    Ok(bytes) => bytes.iter().map(|b| format!("{:02x}", b)).collect(),
                    Err(e) => err_name(e),
                });
                let bytes: Vec<u8> = (0..rng.below(14)).map(|_| rng.next() as u8).collect();
                let hex: String = bytes.iter().map(|b| format!("{:02x}", b)).collect();
                let hex = if hex.is_empty() { "-".to_string() } else { hex };
                cases.push(format!("frombytes {} {} {}", hex, order, flag));
                got.push(BigInt::from_bytes(&bytes, little, signed).to_string());
            }
            _ => {
                let (text, base) = if rng.below(3) == 0 {
                    let radix = [2, 8, 10, 16, 36, 5][rng.below(6) as usize];
                    let mut s = a.to_string_radix(radix);
                    if rng.below(2) == 0 && s.len() > 2 {
                        s.insert(s.len() / 2, '_');
                    }
                    (s, radix)
                } else {
                    random_int_text(rng)
                };
                cases.push(format!("parse {} {}", hex_text(&text), base));
                got.push(result_str(
                    BigInt::parse(&text, base).map_err(|_| NumError::Value("")),
                ));
            }
        }
    }

    #[test]
    fn bigint_differential_against_cpython() {
        let mut rng = Rng(0x5eed_1234);
        let mut cases = Vec::new();
        let mut got = Vec::new();
        for _ in 0..20000 {
            one_bigint_case(&mut rng, &mut cases, &mut got);
        }
        // Decimal conversion of large numbers whose chunks are zero or all nines (the
        // divide-and-conquer path must zero-pad the low halves exactly).
        for exp in [540, 1152, 2000, 4608, 9216, 12345] {
            let p = BigInt::from_u64(10).pow(exp);
            for v in [
                p.clone(),
                p.sub(&BigInt::one()),
                p.add(&BigInt::one()),
                p.mul(&p).neg(),
                BigInt::from_u64(3).pow(exp),
            ] {
                cases.push(format!("str {}", py_literal(&v)));
                got.push(format!(
                    "{} {} {} {} {}",
                    v,
                    v.to_string_radix(16),
                    v.to_string_radix(8),
                    v.to_string_radix(2),
                    v.bit_length()
                ));
            }
        }
        let expected = run_python("bigint", PY_BIGINT, &(cases.join("\n") + "\n"));
        compare(&cases, &got, &expected);
    }

    fn big(s: &str) -> BigInt {
        BigInt::parse(s, 0).expect("test literal")
    }

    #[test]
    fn bigint_edge_cases() {
        assert_eq!(
            BigInt::from_i64(i64::MIN).to_string(),
            "-9223372036854775808"
        );
        assert_eq!(BigInt::from_i64(i64::MIN).to_i64(), Some(i64::MIN));
        assert_eq!(big("9223372036854775808").to_i64(), None);
        assert_eq!(big("-9223372036854775809").to_i64(), None);
        assert_eq!(BigInt::zero().to_string(), "0");
        assert_eq!(BigInt::zero().to_string_radix(2), "0");
        assert_eq!(big("-0").to_string(), "0");
        assert_eq!(big("0_0"), BigInt::zero());
        assert_eq!(big("0x_1f").to_i64(), Some(31));
        assert_eq!(BigInt::parse("010", 0), Err(ParseIntError::InvalidLiteral));
        assert_eq!(BigInt::parse("010", 10).map(|v| v.to_i64()), Ok(Some(10)));
        assert_eq!(
            BigInt::parse("1__0", 10),
            Err(ParseIntError::InvalidLiteral)
        );
        assert_eq!(BigInt::parse("_1", 10), Err(ParseIntError::InvalidLiteral));
        assert_eq!(
            BigInt::parse(" \t-0b101\n", 0).map(|v| v.to_i64()),
            Ok(Some(-5))
        );
        assert_eq!(BigInt::parse("1", 37), Err(ParseIntError::InvalidBase));
        assert_eq!(BigInt::parse("1", 1), Err(ParseIntError::InvalidBase));
        assert_eq!(
            ParseIntError::InvalidLiteral.message("12a", 10),
            "invalid literal for int() with base 10: '12a'"
        );
        assert_eq!(
            ParseIntError::InvalidLiteral.message("it's", 0),
            "invalid literal for int() with base 0: \"it's\""
        );
        assert_eq!(
            BigInt::from_f64(f64::NAN).unwrap_err().message(),
            "cannot convert float NaN to integer"
        );
        assert_eq!(
            BigInt::from_f64(f64::INFINITY).unwrap_err(),
            NumError::Overflow("cannot convert float infinity to integer")
        );
        assert_eq!(
            BigInt::from_f64(-1e20).map(|v| v.to_string()),
            Ok("-100000000000000000000".into())
        );
        assert_eq!(
            BigInt::from_f64(-0.9).map(|v| v.to_string()),
            Ok("0".into())
        );
        let huge = BigInt::one().shl(1024).unwrap();
        assert_eq!(
            huge.to_f64(),
            Err(NumError::Overflow("int too large to convert to float"))
        );
        assert_eq!(
            huge.sub(&BigInt::one()).to_f64(),
            Err(NumError::Overflow("int too large to convert to float"))
        );
        assert_eq!(
            BigInt::one().shl(1023).unwrap().to_f64(),
            Ok(8.98846567431158e307)
        );
        assert_eq!(
            huge.true_div(&BigInt::one()),
            Err(NumError::Overflow(
                "integer division result too large for a float"
            ))
        );
        assert_eq!(BigInt::one().true_div(&huge), Ok(5.562684646268003e-309));
        assert_eq!(
            BigInt::one().true_div(&BigInt::zero()),
            Err(NumError::ZeroDivision("division by zero"))
        );
        assert_eq!(
            BigInt::one().divmod(&BigInt::zero()).unwrap_err().message(),
            "integer division or modulo by zero"
        );
        assert_eq!(
            BigInt::one().modulo(&BigInt::zero()).unwrap_err().message(),
            "integer modulo by zero"
        );
        assert_eq!(
            BigInt::one()
                .pow_mod(&BigInt::one(), &BigInt::zero())
                .unwrap_err()
                .message(),
            "pow() 3rd argument cannot be 0"
        );
        assert_eq!(big("3").pow_mod(&big("-1"), &big("7")), Ok(big("5")));
        assert_eq!(big("2").pow_mod(&big("0"), &big("-3")), Ok(big("-2")));
        assert_eq!(
            big("2")
                .pow_mod(&big("-1"), &big("4"))
                .unwrap_err()
                .message(),
            "base is not invertible for the given modulus"
        );
        assert_eq!(
            BigInt::one().shl(-1).unwrap_err().message(),
            "negative shift count"
        );
        assert_eq!(big("-1").shr(1000), Ok(big("-1")));
        assert_eq!(big("-5").shr(1), Ok(big("-3")));
        assert_eq!(big("-1").py_hash(), -2);
        assert_eq!(big("2305843009213693951").py_hash(), 0);
        assert_eq!(big("-2305843009213693952").py_hash(), -2);
        assert_eq!(
            big("128").to_bytes(1, false, true).unwrap_err().message(),
            "int too big to convert"
        );
        assert_eq!(
            big("-1").to_bytes(1, false, false).unwrap_err().message(),
            "can't convert negative int to unsigned"
        );
        assert_eq!(big("-128").to_bytes(1, false, true), Ok(vec![0x80]));
        assert_eq!(
            BigInt::from_bytes(&[0xff, 0x7f], true, true).to_i64(),
            Some(0x7fff)
        );
        assert_eq!(
            BigInt::from_bytes(&[0xff, 0x7f], false, true).to_i64(),
            Some(-129)
        );
        let p = big("1152921504606846977"); // 2^60 + 1
        assert_eq!(p.cmp_f64(1152921504606846976.0), Some(Ordering::Greater));
        assert_eq!(p.cmp_f64(f64::NAN), None);
        assert_eq!(big("-3").cmp_f64(-2.5), Some(Ordering::Less));
        assert_eq!(big("2").cmp_f64(2.0), Some(Ordering::Equal));
        assert_eq!(big("2").cmp_f64(f64::NEG_INFINITY), Some(Ordering::Greater));
    }

    /// The limb kernels `obj::num::big` builds on agree with the `BigInt` operations (which
    /// the differential test checks against CPython), at limb and carry boundaries too.
    #[test]
    fn limb_kernels_match_bigint_ops() {
        let mut rng = Rng(0xb16_1e55);
        for _ in 0..3000 {
            let a = random_bigint(&mut rng).abs();
            let d = match rng.below(4) {
                0 => u32::MAX,
                1 => 1 + rng.below(10) as u32,
                _ => (rng.next() as u32).max(1),
            };
            let big_d = BigInt::from_u64(d as u64);
            let rem = rem_small(&a.mag, d);
            assert_eq!(BigInt::from_u64(rem as u64), a.modulo(&big_d).unwrap());
            let mut q = vec![0u32; a.mag.len() + 1];
            assert_eq!(divmod_small_into(&a.mag, d, &mut q), rem);
            assert_eq!(
                BigInt::from_limbs(false, q.clone()),
                a.floordiv(&big_d).unwrap()
            );
            increment(&mut q);
            let q1 = a.floordiv(&big_d).unwrap().add(&BigInt::one());
            assert_eq!(BigInt::from_limbs(false, q), q1);
            let mut p = vec![0u32; a.mag.len() + 1];
            let len = mag_mul_small_into(&a.mag, d as u64, &mut p);
            assert!(p[len..].iter().all(|&l| l == 0));
            assert_eq!(BigInt::from_limbs(false, p), a.mul(&big_d));
            let b = random_bigint(&mut rng).abs();
            let mut sum = vec![0u32; a.mag.len().max(b.mag.len()) + 1];
            let len = mag_add_into(&a.mag, &b.mag, &mut sum);
            assert_eq!(&sum[..len], a.add(&b).limbs());
            let (hi, lo) = if a >= b { (&a, &b) } else { (&b, &a) };
            let mut diff = vec![0u32; hi.mag.len()];
            let len = mag_sub_into(&hi.mag, &lo.mag, &mut diff);
            assert_eq!(&diff[..len], hi.sub(lo).limbs());
        }
        let mut all_ones = vec![u32::MAX; 5];
        all_ones.push(0);
        increment(&mut all_ones);
        assert_eq!(all_ones, [0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn i64_helpers_match_python() {
        assert_eq!(true_div_i64(1, 3), Ok(1.0 / 3.0));
        assert_eq!(true_div_i64(-7, 2), Ok(-3.5));
        assert_eq!(true_div_i64(i64::MAX, 3), Ok(3074457345618258602.0));
        assert_eq!(
            true_div_i64(1, 0),
            Err(NumError::ZeroDivision("division by zero"))
        );
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(i64::MIN), BigInt::from_i64(i64::MIN).py_hash());
        assert_eq!(hash_i64(i64::MAX), BigInt::from_i64(i64::MAX).py_hash());
        assert_eq!(floor_div_i64(-7, 2), Some(-4));
        assert_eq!(floor_div_i64(7, -2), Some(-4));
        assert_eq!(floor_div_i64(-8, 2), Some(-4));
        assert_eq!(floor_div_i64(1, 0), None);
        assert_eq!(floor_div_i64(i64::MIN, -1), None);
        assert_eq!(mod_i64(-7, 2), Some(1));
        assert_eq!(mod_i64(7, -2), Some(-1));
        assert_eq!(mod_i64(i64::MIN, -1), Some(0));
        assert_eq!(mod_i64(5, 0), None);
        assert_eq!(pow_i64(-2, 63), Some(i64::MIN));
        assert_eq!(pow_i64(2, 63), None);
        assert_eq!(pow_i64(-1, u64::MAX), Some(-1));
        assert_eq!(pow_i64(3, 0), Some(1));
        assert_eq!(pow_i64(0, 0), Some(1));
        let mut rng = Rng(7);
        for _ in 0..2000 {
            let a = rng.next() as i64 >> rng.below(64);
            let b = rng.next() as i64 >> rng.below(64);
            if b == 0 {
                continue;
            }
            let (q, r) = BigInt::from_i64(a).divmod(&BigInt::from_i64(b)).unwrap();
            assert_eq!(
                floor_div_i64(a, b).map(BigInt::from_i64),
                if q.fits_i64() { Some(q) } else { None }
            );
            assert_eq!(mod_i64(a, b).map(BigInt::from_i64), Some(r));
            assert_eq!(hash_i64(a), BigInt::from_i64(a).py_hash());
            assert_eq!(
                true_div_i64(a, b),
                BigInt::from_i64(a).true_div(&BigInt::from_i64(b))
            );
        }
    }
}
