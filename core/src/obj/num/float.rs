//! `float` (boxed f64): the object, its arithmetic and methods. Compiled only with the `float`
//! feature (MicroPython's MICROPY_FLOAT_IMPL_NONE leaves the type out the same way).

use super::super::{kind_of, obj, Args, Kind, NativeFn, ObjHeader};
use super::{num_error, real_conjugate, small_of, to_big};
use crate::bytecode::BinOp;
use crate::obj::types::FLOAT_TYPE;
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use alloc::string::String;

#[repr(C)]
pub struct FloatObj {
    pub header: ObjHeader,
    pub value: f64,
}

pub fn new_float(vm: &mut Vm, x: f64) -> PyResult<Value> {
    vm.alloc_obj(
        FloatObj {
            header: header(&FLOAT_TYPE),
            value: x,
        },
        0,
    )
}

pub fn is_float(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::Float
}

/// The f64 of a float value.
#[inline(always)]
pub fn float_of(v: Value) -> f64 {
    // SAFETY: callers check `is_float`.
    unsafe { obj::<FloatObj>(v).value }
}

/// Python float modulo (sign of the divisor).
fn float_mod(x: f64, y: f64) -> f64 {
    let mut m = crate::fmod::fmod(x, y);
    if m != 0.0 && ((m < 0.0) != (y < 0.0)) {
        m += y;
    } else if m == 0.0 {
        m = 0.0f64.copysign(y);
    }
    m
}

pub fn floor(x: f64) -> f64 {
    let t = x as i64 as f64;
    if x.abs() >= 4503599627370496.0 || x.is_nan() {
        return x;
    }
    if t > x {
        t - 1.0
    } else {
        t
    }
}

pub fn float_binop(vm: &mut Vm, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            let m = float_mod(x, y);
            let d = (x - m) / y;
            // Round the quotient to the nearest integer to absorb rounding error.
            let f = floor(d);
            if d == 0.0 {
                // A zero quotient keeps the sign of x / y (CPython: -0.0 // 3 == -0.0).
                libm::copysign(0.0, x / y)
            } else if d - f > 0.5 {
                f + 1.0
            } else {
                f
            }
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            float_mod(x, y)
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && x.is_finite() && y.is_finite() && floor(y) != y {
                // A complex result; MicroPython without complex raises.
                #[cfg(feature = "complex")]
                return crate::obj::complex::pow(vm, (x, 0.0).into(), (y, 0.0).into());
                #[cfg(not(feature = "complex"))]
                return Err(vm.value_error("math domain error"));
            }
            float_pow(x, y)
        }
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    new_float(vm, r)
}

/// `x ** y` for floats. libm's pow is within one ulp but not always correctly rounded
/// (`10.0 ** -5` came out as 9.999999999999999e-06): when `x ** -y` is an exact integer (an
/// integral x, a negative integral y, the power below 2**53), one division by that exact value
/// rounds correctly.
fn float_pow(x: f64, y: f64) -> f64 {
    if y < 0.0 && floor(y) == y && floor(x) == x && x != 0.0 {
        let positive = libm::pow(x, -y);
        if libm::fabs(positive) <= 9_007_199_254_740_992.0 {
            return 1.0 / positive;
        }
    }
    libm::pow(x, y)
}

/// A number as f64 for mixed arithmetic (int or float), or None.
pub fn as_f64(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if is_float(v) {
        return Ok(Some(float_of(v)));
    }
    if let Some(i) = small_of(v) {
        return Ok(Some(i as f64));
    }
    if let Some(b) = to_big(v) {
        return b.to_f64().map(Some).map_err(|e| num_error(vm, e));
    }
    Ok(None)
}

pub fn float_repr(x: f64, out: &mut String) {
    crate::numfmt::float_repr(x, out)
}

fn float_is_integer(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = args.pos[0];
    if !is_float(v) {
        return Err(vm.type_error("is_integer needs a float"));
    }
    let x = float_of(v);
    Ok(Value::from_bool(x.is_finite() && floor(x) == x))
}

pub static FLOAT_METHODS: &[(Qstr, &NativeFn)] = &[
    (
        q::is_integer,
        &NativeFn::method(q::is_integer, float_is_integer),
    ),
    (
        q::conjugate,
        &NativeFn::method(q::conjugate, real_conjugate),
    ),
];
