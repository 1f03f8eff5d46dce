//! `fmod` for f64 by binary long division on the significands (musl's classic algorithm).
//!
//! Rust's `%` on f64 links compiler-builtins' `fmod`, whose modular-reduction fast path is about
//! 3 KB of Thumb code; this one is about 300 bytes. It is exact like every correct `fmod` (the
//! remainder is always representable), only slower when the operands' exponents are far apart
//! (one shift-subtract step per bit of difference, at most about 2100).

const SIGN: u64 = 1 << 63;
const EXP_MASK: u64 = 0x7ff;
const IMPLICIT: u64 = 1 << 52;
const FRACTION: u64 = IMPLICIT - 1;

/// The exponent field, and the significand with its implicit bit, normalised so that bit 52 is
/// set (subnormals get an exponent below 1 to match).
fn unpack(bits: u64) -> (i32, u64) {
    let exp = ((bits >> 52) & EXP_MASK) as i32;
    if exp != 0 {
        return (exp, (bits & FRACTION) | IMPLICIT);
    }
    // Subnormal (never zero here): shift the highest set bit up to bit 52.
    let shift = (bits & FRACTION).leading_zeros() as i32 - 11;
    (1 - shift, (bits & FRACTION) << shift)
}

/// `x - n*y` for the integer `n` that truncates `x/y` towards zero; sign of `x`. NaN when `y` is
/// zero or `x` infinite or either is NaN.
pub fn fmod(x: f64, y: f64) -> f64 {
    let (xb, yb) = (x.to_bits(), y.to_bits());
    if yb << 1 == 0 || y.is_nan() || (xb >> 52) & EXP_MASK == EXP_MASK {
        return f64::NAN;
    }
    if xb << 1 <= yb << 1 {
        // |x| <= |y|: x itself, or a zero with x's sign when they are equal.
        return if xb << 1 == yb << 1 { 0.0 * x } else { x };
    }
    let (mut ex, mut mx) = unpack(xb);
    let (ey, my) = unpack(yb);
    // Long division: subtract where it fits, one bit of quotient per step.
    loop {
        if let Some(d) = mx.checked_sub(my) {
            if d == 0 {
                return 0.0 * x;
            }
            mx = d;
        }
        if ex == ey {
            break;
        }
        mx <<= 1;
        ex -= 1;
    }
    // Renormalise the remainder (it is below `my`, so possibly with leading zeros).
    let shift = mx.leading_zeros() as i32 - 11;
    mx <<= shift;
    ex -= shift;
    let magnitude = if ex > 0 {
        (mx - IMPLICIT) | (ex as u64) << 52
    } else {
        mx >> (1 - ex)
    };
    f64::from_bits(magnitude | (xb & SIGN))
}

#[cfg(test)]
mod tests {
    use super::fmod;

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    #[test]
    fn matches_std_on_edge_cases() {
        let specials = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            3.0,
            -7.25,
            1e300,
            -1e-300,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            2.5e-310,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            core::f64::consts::PI,
        ];
        for &x in &specials {
            for &y in &specials {
                assert!(same(fmod(x, y), x % y), "fmod({x:e}, {y:e})");
            }
        }
    }

    #[test]
    fn matches_std_on_random_bits() {
        // xorshift64: deterministic, covers subnormals, huge exponent gaps and both signs.
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for _ in 0..200_000 {
            let (x, y) = (f64::from_bits(next()), f64::from_bits(next()));
            assert!(same(fmod(x, y), x % y), "fmod({x:e}, {y:e})");
            // Close exponents too, where most real remainders are computed.
            let e = ((x.to_bits() >> 52) & 0x7ff).saturating_sub(next() % 64);
            let y = f64::from_bits((next() & !(0x7ff << 52)) | e << 52);
            assert!(same(fmod(x, y), x % y), "fmod({x:e}, {y:e})");
        }
    }
}
