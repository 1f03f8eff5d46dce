//! `math`: floating-point functions over `libm` (the same code on every board), with CPython's
//! error rules: a NaN from a non-NaN argument is a domain error (ValueError), an infinite
//! result from finite arguments is OverflowError, except at poles (log(0), gamma(-1), ...)
//! where it is a domain error. `ceil`, `floor` and `trunc` return ints (big ints when needed).

use crate::{check_args, check_kw, check_pos, float_consts, kwarg};
use mpy_core::bigint::BigInt;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::new_tuple;
use mpy_core::obj::num::{
    as_f64, int_from_big, int_from_i64, is_int, new_float, num_error, small_of, to_big,
};
use mpy_core::obj::{Args, NativeFn};
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyErr, PyResult, Vm};

fn domain_error(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// A real-number argument as f64 (ints, bools, floats; TypeError otherwise).
fn real(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match as_f64(vm, v)? {
        Some(x) => Ok(x),
        None => {
            let msg = alloc::format!("must be real number, not {}", vm.type_name(v));
            Err(vm.type_error(&msg))
        }
    }
}

/// Check `r = f(args)` against CPython's rules; `pole`: an infinite result from finite
/// arguments means the function is undefined there (ValueError), not that it overflowed.
fn checked(vm: &mut Vm, r: f64, finite_args: bool, nan_args: bool, pole: bool) -> PyResult<Value> {
    if r.is_nan() && !nan_args {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && finite_args {
        return Err(if pole {
            domain_error(vm)
        } else {
            range_error(vm)
        });
    }
    new_float(vm, r)
}

/// A one-argument function: `f(x)` checked as above.
fn unary(vm: &mut Vm, args: &Args, name: &str, f: fn(f64) -> f64, pole: bool) -> PyResult<Value> {
    check_args(vm, args, 1, 1, name)?;
    let x = real(vm, args.pos[0])?;
    checked(vm, f(x), x.is_finite(), x.is_nan(), pole)
}

macro_rules! unary_fns {
    ($( $fname:ident = $name:literal, $f:expr, $pole:expr; )*) => {
        $(
            fn $fname(vm: &mut Vm, args: &Args) -> PyResult<Value> {
                unary(vm, args, $name, $f, $pole)
            }
        )*
    };
}

unary_fns! {
    math_sqrt = "sqrt", libm::sqrt, false;
    math_exp = "exp", libm::exp, false;
    math_expm1 = "expm1", libm::expm1, false;
    math_log1p = "log1p", libm::log1p, true;
    math_sin = "sin", libm::sin, false;
    math_cos = "cos", libm::cos, false;
    math_tan = "tan", libm::tan, false;
    math_asin = "asin", libm::asin, false;
    math_acos = "acos", libm::acos, false;
    math_atan = "atan", libm::atan, false;
    math_sinh = "sinh", libm::sinh, false;
    math_cosh = "cosh", libm::cosh, false;
    math_tanh = "tanh", libm::tanh, false;
    math_asinh = "asinh", libm::asinh, false;
    math_acosh = "acosh", libm::acosh, false;
    math_atanh = "atanh", libm::atanh, true;
    math_fabs = "fabs", libm::fabs, false;
    math_erf = "erf", libm::erf, false;
    math_erfc = "erfc", libm::erfc, false;
}

/// Non-positive integers are the poles of gamma and lgamma.
fn at_gamma_pole(x: f64) -> bool {
    x <= 0.0 && libm::floor(x) == x
}

fn math_gamma(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "gamma")?;
    let x = real(vm, args.pos[0])?;
    if at_gamma_pole(x) || x == f64::NEG_INFINITY {
        return Err(domain_error(vm));
    }
    checked(vm, libm::tgamma(x), x.is_finite(), x.is_nan(), false)
}

fn math_lgamma(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "lgamma")?;
    let x = real(vm, args.pos[0])?;
    if at_gamma_pole(x) {
        return Err(domain_error(vm));
    }
    checked(vm, libm::lgamma(x), x.is_finite(), x.is_nan(), false)
}

/// `f(x)` for a logarithm `f` whose base has natural log `ln_base`: ints too large for a float
/// are scaled by a power of two first (CPython accepts `log(10**400)`).
fn log_of(vm: &mut Vm, v: Value, f: fn(f64) -> f64, ln_base: f64) -> PyResult<f64> {
    if is_int(v) && small_of(v).is_none() {
        if let Some(b) = to_big(v) {
            if b.signum() <= 0 {
                return Err(domain_error(vm));
            }
            if let Ok(x) = b.to_f64() {
                return Ok(f(x));
            }
            let shift = b.bit_length().saturating_sub(64) as i64;
            let top = b.shr(shift).map_err(|e| num_error(vm, e))?;
            let m = top.to_f64().map_err(|e| num_error(vm, e))?;
            return Ok((libm::log(m) + shift as f64 * core::f64::consts::LN_2) / ln_base);
        }
    }
    let x = real(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(f(x))
}

/// `log(x[, base])`.
fn math_log(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 2, "log")?;
    let mut r = log_of(vm, args.pos[0], libm::log, 1.0)?;
    if let Some(&b) = args.pos.get(1) {
        let lb = log_of(vm, b, libm::log, 1.0)?;
        if lb == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        r /= lb;
    }
    new_float(vm, r)
}

fn math_log2(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "log2")?;
    let r = log_of(vm, args.pos[0], libm::log2, core::f64::consts::LN_2)?;
    new_float(vm, r)
}

fn math_log10(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "log10")?;
    let r = log_of(vm, args.pos[0], libm::log10, core::f64::consts::LN_10)?;
    new_float(vm, r)
}

/// Two float arguments.
fn two_reals(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    check_args(vm, args, 2, 2, name)?;
    let x = real(vm, args.pos[0])?;
    let y = real(vm, args.pos[1])?;
    Ok((x, y))
}

fn math_pow(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (x, y) = two_reals(vm, args, "pow")?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain_error(vm));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && libm::floor(y) != y {
        return Err(domain_error(vm));
    }
    let r = libm::pow(x, y);
    checked(
        vm,
        r,
        x.is_finite() && y.is_finite(),
        x.is_nan() || y.is_nan(),
        false,
    )
}

fn math_atan2(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (y, x) = two_reals(vm, args, "atan2")?;
    new_float(vm, libm::atan2(y, x))
}

fn math_fmod(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (x, y) = two_reals(vm, args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return new_float(vm, x);
    }
    let r = mpy_core::fmod::fmod(x, y);
    checked(vm, r, true, x.is_nan() || y.is_nan(), false)
}

fn math_copysign(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (x, y) = two_reals(vm, args, "copysign")?;
    new_float(vm, libm::copysign(x, y))
}

fn math_degrees(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "degrees")?;
    let x = real(vm, args.pos[0])?;
    new_float(vm, x * (180.0 / core::f64::consts::PI))
}

fn math_radians(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "radians")?;
    let x = real(vm, args.pos[0])?;
    new_float(vm, x * (core::f64::consts::PI / 180.0))
}

/// `hypot(*coordinates)`: Euclidean norm, scaled by the largest magnitude to avoid overflow.
fn math_hypot(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "hypot")?;
    let mut max = 0.0f64;
    let mut any_nan = false;
    let mut any_inf = false;
    let mut xs = alloc::vec::Vec::with_capacity(args.pos.len());
    for &v in args.pos {
        let x = libm::fabs(real(vm, v)?);
        any_nan |= x.is_nan();
        any_inf |= x.is_infinite();
        max = max.max(x);
        xs.push(x);
    }
    if any_inf {
        return new_float(vm, f64::INFINITY);
    }
    if any_nan {
        return new_float(vm, f64::NAN);
    }
    if max == 0.0 || xs.len() == 1 {
        return new_float(vm, max);
    }
    let r = if xs.len() == 2 {
        libm::hypot(xs[0], xs[1])
    } else {
        let sum: f64 = xs.iter().map(|x| (x / max) * (x / max)).sum();
        max * libm::sqrt(sum)
    };
    checked(vm, r, true, false, false)
}

/// An int for a float rounded by `round` (ints pass through unchanged).
fn to_int_rounded(vm: &mut Vm, args: &Args, name: &str, round: fn(f64) -> f64) -> PyResult<Value> {
    check_args(vm, args, 1, 1, name)?;
    let v = args.pos[0];
    if is_int(v) {
        return Ok(small_of(v)
            .map(|i| Value::small_int(i as isize))
            .unwrap_or(v));
    }
    let x = real(vm, v)?;
    let r = round(x);
    if r.abs() < 9.0e15 {
        return int_from_i64(vm, r as i64);
    }
    let b = BigInt::from_f64(r).map_err(|e| num_error(vm, e))?;
    int_from_big(vm, b)
}

fn math_ceil(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    to_int_rounded(vm, args, "ceil", libm::ceil)
}

fn math_floor(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    to_int_rounded(vm, args, "floor", libm::floor)
}

fn math_trunc(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    to_int_rounded(vm, args, "trunc", libm::trunc)
}

/// `modf(x)`: (fractional part, integral part), both with the sign of `x`.
fn math_modf(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "modf")?;
    let x = real(vm, args.pos[0])?;
    let (frac, int) = if x.is_infinite() {
        (libm::copysign(0.0, x), x)
    } else {
        libm::modf(x)
    };
    let a = new_float(vm, frac)?;
    let b = new_float(vm, int)?;
    new_tuple(vm, &[a, b])
}

/// `frexp(x)`: (m, e) with x == m * 2**e and 0.5 <= |m| < 1 (x itself, 0 for 0, inf, nan).
fn math_frexp(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "frexp")?;
    let x = real(vm, args.pos[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    let a = new_float(vm, m)?;
    new_tuple(vm, &[a, Value::small_int(e as isize)])
}

/// `ldexp(x, i)`: x * 2**i.
fn math_ldexp(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "ldexp")?;
    let x = real(vm, args.pos[0])?;
    let e = args.pos[1];
    if !is_int(e) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    // Exponents beyond i32 saturate: the result is 0 or overflows either way.
    let e = match small_of(e) {
        Some(i) => i.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
        None => {
            if to_big(e).map(|b| b.is_negative()).unwrap_or(false) {
                i32::MIN
            } else {
                i32::MAX
            }
        }
    };
    checked(vm, libm::scalbn(x, e), x.is_finite(), x.is_nan(), false)
}

fn float_predicate(vm: &mut Vm, args: &Args, name: &str, p: fn(f64) -> bool) -> PyResult<Value> {
    check_args(vm, args, 1, 1, name)?;
    let x = real(vm, args.pos[0])?;
    Ok(Value::from_bool(p(x)))
}

fn math_isfinite(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    float_predicate(vm, args, "isfinite", f64::is_finite)
}

fn math_isinf(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    float_predicate(vm, args, "isinf", f64::is_infinite)
}

fn math_isnan(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    float_predicate(vm, args, "isnan", f64::is_nan)
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn math_isclose(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["rel_tol", "abs_tol"], "isclose")?;
    check_pos(vm, args, 2, 2, "isclose")?;
    let a = real(vm, args.pos[0])?;
    let b = real(vm, args.pos[1])?;
    let rel_tol = match kwarg(vm, args, "rel_tol") {
        Some(v) => real(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match kwarg(vm, args, "abs_tol") {
        Some(v) => real(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = libm::fabs(b - a);
    let close =
        diff <= libm::fabs(rel_tol * b) || diff <= libm::fabs(rel_tol * a) || diff <= abs_tol;
    Ok(Value::from_bool(close))
}

/// An int argument (bools count; floats do not), as a BigInt.
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match to_big(v) {
        Some(b) => Ok(b),
        None => {
            let msg = alloc::format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            );
            Err(vm.type_error(&msg))
        }
    }
}

/// `factorial(n)`: products in u64 while they fit, then big-int multiplication.
fn math_factorial(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "factorial")?;
    let n = int_arg(vm, args.pos[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 2**63 - 1"));
    };
    // n! has about n*log2(n) bits: refuse what could never fit in the heap before computing.
    let bits = n as f64 * libm::log2(n.max(2) as f64);
    if bits / 8.0 > vm.heap.total_bytes() as f64 {
        return Err(vm.memory_error_now());
    }
    let mut acc = BigInt::one();
    let mut chunk: u64 = 1;
    for k in 2..=n {
        match chunk.checked_mul(k) {
            Some(c) => chunk = c,
            None => {
                acc = acc.mul(&BigInt::from_u64(chunk));
                chunk = k;
            }
        }
        if k % 1024 == 0 {
            vm.check_interrupt()?;
        }
    }
    acc = acc.mul(&BigInt::from_u64(chunk));
    int_from_big(vm, acc)
}

/// `gcd(*integers)`: the greatest common divisor (0 for no arguments or all zeros).
fn math_gcd(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "gcd")?;
    let mut g = BigInt::zero();
    for &v in args.pos {
        let mut b = int_arg(vm, v)?.abs();
        let mut a = g;
        while !b.is_zero() {
            let r = a.modulo(&b).map_err(|e| num_error(vm, e))?;
            a = b;
            b = r;
        }
        g = a;
    }
    int_from_big(vm, g)
}

/// The module table.
macro_rules! math_module {
    ($( $name:ident => $member:expr, )*) => {
        pub static MODULE: ModuleDef = ModuleDef {
            name: q::math,
            members: &[ $( (q::$name, $member), )* ],
        };
    };
}

macro_rules! func {
    ($name:ident, $f:ident) => {
        Member::Fn(&NativeFn::new(q::$name, $f))
    };
}

math_module! {
    pi => Member::Make(float_consts::pi),
    e => Member::Make(float_consts::e),
    tau => Member::Make(float_consts::tau),
    inf => Member::Make(float_consts::inf),
    nan => Member::Make(float_consts::nan),
    sqrt => func!(sqrt, math_sqrt),
    exp => func!(exp, math_exp),
    expm1 => func!(expm1, math_expm1),
    log => func!(log, math_log),
    log2 => func!(log2, math_log2),
    log10 => func!(log10, math_log10),
    log1p => func!(log1p, math_log1p),
    pow => func!(pow, math_pow),
    sin => func!(sin, math_sin),
    cos => func!(cos, math_cos),
    tan => func!(tan, math_tan),
    asin => func!(asin, math_asin),
    acos => func!(acos, math_acos),
    atan => func!(atan, math_atan),
    atan2 => func!(atan2, math_atan2),
    sinh => func!(sinh, math_sinh),
    cosh => func!(cosh, math_cosh),
    tanh => func!(tanh, math_tanh),
    asinh => func!(asinh, math_asinh),
    acosh => func!(acosh, math_acosh),
    atanh => func!(atanh, math_atanh),
    ceil => func!(ceil, math_ceil),
    floor => func!(floor, math_floor),
    trunc => func!(trunc, math_trunc),
    fabs => func!(fabs, math_fabs),
    fmod => func!(fmod, math_fmod),
    modf => func!(modf, math_modf),
    frexp => func!(frexp, math_frexp),
    ldexp => func!(ldexp, math_ldexp),
    copysign => func!(copysign, math_copysign),
    isfinite => func!(isfinite, math_isfinite),
    isinf => func!(isinf, math_isinf),
    isnan => func!(isnan, math_isnan),
    isclose => func!(isclose, math_isclose),
    degrees => func!(degrees, math_degrees),
    radians => func!(radians, math_radians),
    hypot => func!(hypot, math_hypot),
    gamma => func!(gamma, math_gamma),
    lgamma => func!(lgamma, math_lgamma),
    erf => func!(erf, math_erf),
    erfc => func!(erfc, math_erfc),
    factorial => func!(factorial, math_factorial),
    gcd => func!(gcd, math_gcd),
}
