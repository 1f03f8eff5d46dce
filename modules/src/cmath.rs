//! `cmath`: functions of complex numbers, ported from CPython 3.11's `cmathmodule.c` (the
//! same formulas, scalings and C99 Annex G special values for infinite and NaN parts) over
//! `libm`, so results agree with CPython wherever `libm` and the C library agree. Errors as
//! CPython: ValueError("math domain error") where C99 signals invalid / divide-by-zero,
//! OverflowError("math range error") on overflow.

use crate::{check_args, check_kw, check_pos, float_consts, kwarg};
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::complex::{c_abs, c_quot, coerce, new_complex, C64};
use mpy_core::obj::list::new_tuple;
use mpy_core::obj::num::{as_f64, new_float};
use mpy_core::obj::{Args, NativeFn};
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyErr, PyResult, Vm};

use core::f64::consts::{E, FRAC_PI_2, FRAC_PI_4, LN_10, LN_2, PI};

/// What C's errno would say after a cmath function.
#[derive(Copy, Clone, PartialEq)]
enum Errno {
    Ok,
    /// EDOM: ValueError.
    Domain,
    /// ERANGE: OverflowError.
    Range,
}

fn math_error(vm: &mut Vm, e: Errno) -> PyErr {
    if e == Errno::Range {
        vm.overflow_error("math range error")
    } else {
        vm.value_error("math domain error")
    }
}

// ---- special values (C99 Annex G), indexed by the kinds of the real and imaginary parts ----

/// Codes of the values that appear in the tables (one nibble each for real and imaginary).
const Z: u8 = 0;
const NZ: u8 = 1;
const ONE: u8 = 2;
const INF: u8 = 3;
const NINF: u8 = 4;
const N: u8 = 5;
const P: u8 = 6;
const NP: u8 = 7;
const P12: u8 = 8;
const NP12: u8 = 9;
const P14: u8 = 10;
const NP14: u8 = 11;
const P34: u8 = 12;
const NP34: u8 = 13;
/// A cell the functions never read (both parts finite): CPython's placeholder.
const U: u8 = (N << 4) | N;

const fn c(re: u8, im: u8) -> u8 {
    (re << 4) | im
}

fn code_value(code: u8) -> f64 {
    match code {
        Z => 0.0,
        NZ => -0.0,
        ONE => 1.0,
        INF => f64::INFINITY,
        NINF => f64::NEG_INFINITY,
        P => PI,
        NP => -PI,
        P12 => FRAC_PI_2,
        NP12 => -FRAC_PI_2,
        P14 => FRAC_PI_4,
        NP14 => -FRAC_PI_4,
        P34 => 0.75 * PI,
        NP34 => -0.75 * PI,
        _ => f64::NAN,
    }
}

type Table = [[u8; 7]; 7];

/// Row/column of a part: -inf, negative, -0, +0, positive, +inf, nan.
fn special_type(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d != 0.0 {
        if d > 0.0 {
            4
        } else {
            1
        }
    } else if d.is_sign_positive() {
        3
    } else {
        2
    }
}

fn special(table: &Table, z: C64) -> C64 {
    let code = table[special_type(z.re)][special_type(z.im)];
    C64::new(code_value(code >> 4), code_value(code & 15))
}

fn is_finite(z: C64) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

#[rustfmt::skip]
static EXP_SPECIAL: Table = [
    [c(Z,Z),     U, c(Z,NZ),   c(Z,Z),   U, c(Z,Z),   c(Z,Z)],
    [c(N,N),     U, U,         U,        U, c(N,N),   c(N,N)],
    [c(N,N),     U, c(ONE,NZ), c(ONE,Z), U, c(N,N),   c(N,N)],
    [c(N,N),     U, c(ONE,NZ), c(ONE,Z), U, c(N,N),   c(N,N)],
    [c(N,N),     U, U,         U,        U, c(N,N),   c(N,N)],
    [c(INF,N),   U, c(INF,NZ), c(INF,Z), U, c(INF,N), c(INF,N)],
    [c(N,N),     c(N,N), c(N,NZ), c(N,Z), c(N,N), c(N,N), c(N,N)],
];

#[rustfmt::skip]
static LOG_SPECIAL: Table = [
    [c(INF,NP34), c(INF,NP),  c(INF,NP),   c(INF,P),   c(INF,P),  c(INF,P34), c(INF,N)],
    [c(INF,NP12), U,          U,           U,          U,         c(INF,P12), c(N,N)],
    [c(INF,NP12), U,          c(NINF,NP),  c(NINF,P),  U,         c(INF,P12), c(N,N)],
    [c(INF,NP12), U,          c(NINF,NZ),  c(NINF,Z),  U,         c(INF,P12), c(N,N)],
    [c(INF,NP12), U,          U,           U,          U,         c(INF,P12), c(N,N)],
    [c(INF,NP14), c(INF,NZ),  c(INF,NZ),   c(INF,Z),   c(INF,Z),  c(INF,P14), c(INF,N)],
    [c(INF,N),    c(N,N),     c(N,N),      c(N,N),     c(N,N),    c(INF,N),   c(N,N)],
];

#[rustfmt::skip]
static SQRT_SPECIAL: Table = [
    [c(INF,NINF), c(Z,NINF),  c(Z,NINF),  c(Z,INF),  c(Z,INF),  c(INF,INF), c(N,INF)],
    [c(INF,NINF), U,          U,          U,         U,         c(INF,INF), c(N,N)],
    [c(INF,NINF), U,          c(Z,NZ),    c(Z,Z),    U,         c(INF,INF), c(N,N)],
    [c(INF,NINF), U,          c(Z,NZ),    c(Z,Z),    U,         c(INF,INF), c(N,N)],
    [c(INF,NINF), U,          U,          U,         U,         c(INF,INF), c(N,N)],
    [c(INF,NINF), c(INF,NZ),  c(INF,NZ),  c(INF,Z),  c(INF,Z),  c(INF,INF), c(INF,N)],
    [c(INF,NINF), c(N,N),     c(N,N),     c(N,N),    c(N,N),    c(INF,INF), c(N,N)],
];

#[rustfmt::skip]
static SINH_SPECIAL: Table = [
    [c(INF,N), U,      c(NINF,NZ), c(NINF,Z), U,      c(INF,N), c(INF,N)],
    [c(N,N),   U,      U,          U,         U,      c(N,N),   c(N,N)],
    [c(Z,N),   U,      c(NZ,NZ),   c(NZ,Z),   U,      c(Z,N),   c(Z,N)],
    [c(Z,N),   U,      c(Z,NZ),    c(Z,Z),    U,      c(Z,N),   c(Z,N)],
    [c(N,N),   U,      U,          U,         U,      c(N,N),   c(N,N)],
    [c(INF,N), U,      c(INF,NZ),  c(INF,Z),  U,      c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,NZ),    c(N,Z),    c(N,N), c(N,N),   c(N,N)],
];

#[rustfmt::skip]
static COSH_SPECIAL: Table = [
    [c(INF,N), U,      c(INF,Z),  c(INF,NZ), U,      c(INF,N), c(INF,N)],
    [c(N,N),   U,      U,         U,         U,      c(N,N),   c(N,N)],
    [c(N,Z),   U,      c(ONE,Z),  c(ONE,NZ), U,      c(N,Z),   c(N,Z)],
    [c(N,Z),   U,      c(ONE,NZ), c(ONE,Z),  U,      c(N,Z),   c(N,Z)],
    [c(N,N),   U,      U,         U,         U,      c(N,N),   c(N,N)],
    [c(INF,N), U,      c(INF,NZ), c(INF,Z),  U,      c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,Z),    c(N,Z),    c(N,N), c(N,N),   c(N,N)],
];

#[rustfmt::skip]
static RECT_SPECIAL: Table = [
    [c(INF,N), U,      c(NINF,Z), c(NINF,NZ), U,      c(INF,N), c(INF,N)],
    [c(N,N),   U,      U,         U,          U,      c(N,N),   c(N,N)],
    [c(Z,Z),   U,      c(NZ,Z),   c(NZ,NZ),   U,      c(Z,Z),   c(Z,Z)],
    [c(Z,Z),   U,      c(Z,NZ),   c(Z,Z),     U,      c(Z,Z),   c(Z,Z)],
    [c(N,N),   U,      U,         U,          U,      c(N,N),   c(N,N)],
    [c(INF,N), U,      c(INF,NZ), c(INF,Z),   U,      c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,Z),    c(N,Z),     c(N,N), c(N,N),   c(N,N)],
];

// ---- the functions (CPython's cmath_*_impl) ----

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;

fn log_large_double() -> f64 {
    libm::log(LARGE_DOUBLE)
}

/// Overflow check shared by exp, cosh and sinh.
fn range_checked(r: C64) -> (C64, Errno) {
    let e = if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    (r, e)
}

/// `f(+-inf + iy)` for finite nonzero y (exp, cosh, sinh, rect): infinities or zeros whose
/// signs follow cos(y) and sin(y). `scale` is +-INF or 0.0, `re_sign` and `im_sign` flip them.
fn inf_with_angle(y: f64, scale: f64, re_sign: f64, im_sign: f64) -> C64 {
    C64::new(
        re_sign * scale.copysign(libm::cos(y)),
        im_sign * scale.copysign(libm::sin(y)),
    )
}

fn c_exp(z: C64) -> (C64, Errno) {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let scale = if z.re > 0.0 { f64::INFINITY } else { 0.0 };
            inf_with_angle(z.im, scale, 1.0, 1.0)
        } else {
            special(&EXP_SPECIAL, z)
        };
        let domain = z.im.is_infinite() && (z.re.is_finite() || z.re == f64::INFINITY);
        return (r, if domain { Errno::Domain } else { Errno::Ok });
    }
    let r = if z.re > log_large_double() {
        let l = libm::exp(z.re - 1.0);
        C64::new(l * libm::cos(z.im) * E, l * libm::sin(z.im) * E)
    } else {
        let l = libm::exp(z.re);
        C64::new(l * libm::cos(z.im), l * libm::sin(z.im))
    };
    range_checked(r)
}

type RealFn = fn(f64) -> f64;

/// cosh or sinh: they differ only in which of cosh/sinh goes to which part.
fn c_cosh_sinh(z: C64, is_sinh: bool) -> (C64, Errno) {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let neg = z.re < 0.0;
            // cosh(-inf + iy) flips the imaginary sign; sinh(-inf + iy) the real one.
            let (re_sign, im_sign) = match (neg, is_sinh) {
                (false, _) => (1.0, 1.0),
                (true, false) => (1.0, -1.0),
                (true, true) => (-1.0, 1.0),
            };
            inf_with_angle(z.im, f64::INFINITY, re_sign, im_sign)
        } else if is_sinh {
            special(&SINH_SPECIAL, z)
        } else {
            special(&COSH_SPECIAL, z)
        };
        let domain = z.im.is_infinite() && !z.re.is_nan();
        return (r, if domain { Errno::Domain } else { Errno::Ok });
    }
    let (f_re, f_im): (RealFn, RealFn) = if is_sinh {
        (libm::sinh, libm::cosh)
    } else {
        (libm::cosh, libm::sinh)
    };
    let r = if z.re.abs() > log_large_double() {
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        C64::new(
            libm::cos(z.im) * f_re(x_minus_one) * E,
            libm::sin(z.im) * f_im(x_minus_one) * E,
        )
    } else {
        C64::new(libm::cos(z.im) * f_re(z.re), libm::sin(z.im) * f_im(z.re))
    };
    range_checked(r)
}

fn c_log(z: C64) -> (C64, Errno) {
    if !is_finite(z) {
        return (special(&LOG_SPECIAL, z), Errno::Ok);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        libm::log(libm::hypot(ax / 2.0, ay / 2.0)) + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) would be subnormal: scale up by 2**53.
            libm::log(libm::hypot(libm::ldexp(ax, 53), libm::ldexp(ay, 53))) - 53.0 * LN_2
        } else {
            let r = C64::new(f64::NEG_INFINITY, libm::atan2(z.im, z.re));
            return (r, Errno::Domain);
        }
    } else {
        let h = libm::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            libm::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    (C64::new(re, libm::atan2(z.im, z.re)), Errno::Ok)
}

fn c_sqrt(z: C64) -> C64 {
    if !is_finite(z) {
        return special(&SQRT_SPECIAL, z);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return C64::new(0.0, z.im);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Both parts subnormal: scale by 2**53, take the root, scale back by 2**-27.
        let ax = libm::ldexp(ax, 53);
        libm::ldexp(libm::sqrt(ax + libm::hypot(ax, libm::ldexp(ay, 53))), -27)
    } else {
        let ax = ax / 8.0;
        2.0 * libm::sqrt(ax + libm::hypot(ax, ay / 8.0))
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        C64::new(s, d.copysign(z.im))
    } else {
        C64::new(d, s.copysign(z.im))
    }
}

fn c_rect(r: f64, phi: f64) -> (C64, Errno) {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let sign = if r > 0.0 { 1.0 } else { -1.0 };
            inf_with_angle(phi, f64::INFINITY, sign, sign)
        } else {
            special(&RECT_SPECIAL, C64::new(r, phi))
        };
        let domain = r != 0.0 && !r.is_nan() && phi.is_infinite();
        return (z, if domain { Errno::Domain } else { Errno::Ok });
    }
    if phi == 0.0 {
        return (C64::new(r, r * phi), Errno::Ok);
    }
    (C64::new(r * libm::cos(phi), r * libm::sin(phi)), Errno::Ok)
}

// ---- Python bindings ----

/// A complex argument (int, float, complex, or a class with `__complex__` / `__float__` /
/// `__index__`).
fn complex_arg(vm: &mut Vm, v: Value) -> PyResult<C64> {
    match coerce(vm, v)? {
        Some(z) => Ok(z),
        None => {
            let msg = alloc::format!("must be real number, not {}", vm.type_name(v));
            Err(vm.type_error(&msg))
        }
    }
}

/// A real argument (int, bool, float).
fn real_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match as_f64(vm, v)? {
        Some(x) => Ok(x),
        None => {
            let msg = alloc::format!("must be real number, not {}", vm.type_name(v));
            Err(vm.type_error(&msg))
        }
    }
}

fn one_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<C64> {
    check_args(vm, args, 1, 1, name)?;
    complex_arg(vm, args.pos[0])
}

fn result(vm: &mut Vm, (z, e): (C64, Errno)) -> PyResult<Value> {
    if e != Errno::Ok {
        return Err(math_error(vm, e));
    }
    new_complex(vm, z)
}

/// iz, and back: sin(z) = -i sinh(iz), cos(z) = cosh(iz).
fn times_i(z: C64) -> C64 {
    C64::new(-z.im, z.re)
}

fn cmath_exp(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "exp")?;
    let r = c_exp(z);
    result(vm, r)
}

fn cmath_cosh(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "cosh")?;
    let r = c_cosh_sinh(z, false);
    result(vm, r)
}

fn cmath_sinh(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "sinh")?;
    let r = c_cosh_sinh(z, true);
    result(vm, r)
}

fn cmath_cos(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "cos")?;
    let r = c_cosh_sinh(times_i(z), false);
    result(vm, r)
}

fn cmath_sin(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "sin")?;
    let (s, e) = c_cosh_sinh(times_i(z), true);
    result(vm, (C64::new(s.im, -s.re), e))
}

fn cmath_sqrt(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "sqrt")?;
    new_complex(vm, c_sqrt(z))
}

fn cmath_log(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 2, "log")?;
    let z = complex_arg(vm, args.pos[0])?;
    let (mut r, mut e) = c_log(z);
    if let Some(&b) = args.pos.get(1) {
        let base = complex_arg(vm, b)?;
        // As in CPython, only the last step's errno counts.
        let (lb, eb) = c_log(base);
        (r, e) = match c_quot(r, lb) {
            Some(q) => (q, eb),
            None => (C64::new(0.0, 0.0), Errno::Domain),
        };
    }
    result(vm, (r, e))
}

fn cmath_log10(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "log10")?;
    let (r, e) = c_log(z);
    result(vm, (C64::new(r.re / LN_10, r.im / LN_10), e))
}

fn cmath_phase(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "phase")?;
    new_float(vm, libm::atan2(z.im, z.re))
}

fn cmath_polar(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = one_arg(vm, args, "polar")?;
    let phi = libm::atan2(z.im, z.re);
    let r = c_abs(z);
    if r.is_infinite() && is_finite(z) {
        return Err(math_error(vm, Errno::Range));
    }
    let r = new_float(vm, r)?;
    let phi = new_float(vm, phi)?;
    new_tuple(vm, &[r, phi])
}

fn cmath_rect(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "rect")?;
    let r = real_arg(vm, args.pos[0])?;
    let phi = real_arg(vm, args.pos[1])?;
    let z = c_rect(r, phi);
    result(vm, z)
}

fn predicate(vm: &mut Vm, args: &Args, name: &str, p: fn(f64, f64) -> bool) -> PyResult<Value> {
    let z = one_arg(vm, args, name)?;
    Ok(Value::from_bool(p(z.re, z.im)))
}

fn cmath_isfinite(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(vm, args, "isfinite", |re, im| {
        re.is_finite() && im.is_finite()
    })
}

fn cmath_isinf(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(vm, args, "isinf", |re, im| {
        re.is_infinite() || im.is_infinite()
    })
}

fn cmath_isnan(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(vm, args, "isnan", |re, im| re.is_nan() || im.is_nan())
}

fn cmath_isclose(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["rel_tol", "abs_tol"], "isclose")?;
    check_pos(vm, args, 2, 2, "isclose")?;
    let a = complex_arg(vm, args.pos[0])?;
    let b = complex_arg(vm, args.pos[1])?;
    let mut tol = [1e-9, 0.0];
    for (t, name) in tol.iter_mut().zip(["rel_tol", "abs_tol"]) {
        if let Some(v) = kwarg(vm, args, name) {
            *t = real_arg(vm, v)?;
        }
    }
    let [rel_tol, abs_tol] = tol;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    // Infinities are only close to themselves (caught by the equality above).
    if [a.re, a.im, b.re, b.im].iter().any(|x| x.is_infinite()) {
        return Ok(Value::FALSE);
    }
    let diff = c_abs(C64::new(a.re - b.re, a.im - b.im));
    let close = diff <= rel_tol * c_abs(b) || diff <= rel_tol * c_abs(a) || diff <= abs_tol;
    Ok(Value::from_bool(close))
}

fn make_infj(vm: &mut Vm) -> PyResult<Value> {
    new_complex(vm, C64::new(0.0, f64::INFINITY))
}

fn make_nanj(vm: &mut Vm) -> PyResult<Value> {
    new_complex(vm, C64::new(0.0, f64::NAN))
}

macro_rules! func {
    ($name:ident, $f:ident) => {
        Member::Fn(&NativeFn::new(q::$name, $f))
    };
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::cmath,
    members: &[
        (q::e, Member::Make(float_consts::e)),
        (q::pi, Member::Make(float_consts::pi)),
        (q::tau, Member::Make(float_consts::tau)),
        (q::inf, Member::Make(float_consts::inf)),
        (q::infj, Member::Make(make_infj)),
        (q::nan, Member::Make(float_consts::nan)),
        (q::nanj, Member::Make(make_nanj)),
        (q::exp, func!(exp, cmath_exp)),
        (q::log, func!(log, cmath_log)),
        (q::log10, func!(log10, cmath_log10)),
        (q::sqrt, func!(sqrt, cmath_sqrt)),
        (q::cos, func!(cos, cmath_cos)),
        (q::sin, func!(sin, cmath_sin)),
        (q::cosh, func!(cosh, cmath_cosh)),
        (q::sinh, func!(sinh, cmath_sinh)),
        (q::phase, func!(phase, cmath_phase)),
        (q::polar, func!(polar, cmath_polar)),
        (q::rect, func!(rect, cmath_rect)),
        (q::isfinite, func!(isfinite, cmath_isfinite)),
        (q::isinf, func!(isinf, cmath_isinf)),
        (q::isnan, func!(isnan, cmath_isnan)),
        (q::isclose, func!(isclose, cmath_isclose)),
    ],
};
