//! `int`: small ints are immediate `Value`s; beyond that (cargo feature `bigint`) `BigIntObj`
//! with limbs inline, whose `+ - * // %` and comparisons work on the limbs in place (`big`);
//! the other operations convert to `bigint::BigInt`. Without `bigint` every int is a machine
//! word and those operations are `intword`'s. `float` (boxed f64, cargo feature `float`)
//! is in `float`.

#[cfg(feature = "bigint")]
mod big;
#[cfg(feature = "float")]
mod float;

#[cfg(feature = "float")]
pub use float::*;

use super::{kind_of, obj, Args, Kind, NativeFn, ObjHeader};
#[cfg(any(feature = "bigint", feature = "float"))]
use crate::bigint::BigInt;
use crate::bytecode::BinOp;
use crate::intword::{self, NumError};
#[cfg(feature = "bigint")]
use crate::obj::types::INT_TYPE;
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::string::String;

/// Without floats no value is one (type checks that reject floats need no cfg of their own).
#[cfg(not(feature = "float"))]
pub fn is_float(_: Value) -> bool {
    false
}

#[repr(C)]
pub struct BigIntObj {
    pub header: ObjHeader,
    pub neg: bool,
    pub len: usize,
    // followed by `len` u32 limbs, little-endian
}

pub fn is_int(v: Value) -> bool {
    v.is_small_int() || v.is_bool() || (v.is_obj() && kind_of(v) == Kind::Int)
}

pub fn is_bigint(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::Int
}

/// An int value from an i64 (small if it fits).
pub fn int_from_i64(vm: &mut Vm, i: i64) -> PyResult<Value> {
    match Value::try_small_int(i) {
        Some(v) => Ok(v),
        #[cfg(feature = "bigint")]
        None => int_from_big(vm, BigInt::from_i64(i)),
        #[cfg(not(feature = "bigint"))]
        None => Err(small_int_overflow(vm)),
    }
}

/// An int value from a u64 (small if it fits).
pub fn int_from_u64(vm: &mut Vm, u: u64) -> PyResult<Value> {
    match i64::try_from(u) {
        Ok(i) => int_from_i64(vm, i),
        #[cfg(feature = "bigint")]
        Err(_) => int_from_big(vm, BigInt::from_u64(u)),
        #[cfg(not(feature = "bigint"))]
        Err(_) => Err(small_int_overflow(vm)),
    }
}

/// An int from sign and little-endian u32 limbs of its magnitude.
pub fn int_from_limbs(vm: &mut Vm, neg: bool, limbs: &[u32]) -> PyResult<Value> {
    #[cfg(feature = "bigint")]
    return int_from_big(vm, BigInt::from_limbs(neg, limbs.to_vec()));
    #[cfg(not(feature = "bigint"))]
    match mag_u64(limbs).and_then(|m| intword::signed_from_magnitude(neg, m)) {
        Some(i) => int_from_i64(vm, i),
        None => Err(small_int_overflow(vm)),
    }
}

/// Little-endian u32 limbs as a u64, if they fit.
fn mag_u64(limbs: &[u32]) -> Option<u64> {
    let (low, high) = limbs.split_at(limbs.len().min(2));
    if high.iter().any(|&l| l != 0) {
        return None;
    }
    Some(low.iter().rev().fold(0u64, |m, &l| m << 32 | l as u64))
}

/// Calls `f` with the sign and the little-endian u32 limbs of the magnitude of an int-like
/// value (small int, bool, big int); None for other values.
pub fn with_int_limbs<R>(v: Value, f: impl FnOnce(bool, &[u32]) -> R) -> Option<R> {
    if is_bigint(v) {
        let (neg, limbs) = big_limbs(v);
        return Some(f(neg, limbs));
    }
    let i = small_of(v)?;
    let m = i.unsigned_abs();
    // Normalized, as a big int's: no high zero limbs.
    let len = (64 - m.leading_zeros() as usize).div_ceil(32);
    Some(f(i < 0, &[m as u32, (m >> 32) as u32][..len]))
}

/// The low 64 bits of an int in two's complement (what truncating packers store); None for
/// other values.
pub fn int_low_bits(v: Value) -> Option<u64> {
    with_int_limbs(v, |neg, limbs| {
        let lo = limbs.first().copied().unwrap_or(0) as u64
            | (limbs.get(1).copied().unwrap_or(0) as u64) << 32;
        if neg {
            lo.wrapping_neg()
        } else {
            lo
        }
    })
}

/// The plain int of an int-like value (bools and int-subclass instances become `int`); None
/// for other values.
pub fn int_plain(vm: &mut Vm, v: Value) -> Option<PyResult<Value>> {
    if let Some(i) = v.as_small_int() {
        return Some(Ok(Value::small_int(i)));
    }
    #[cfg(feature = "bigint")]
    return to_big(v).map(|b| int_from_big(vm, b));
    #[cfg(not(feature = "bigint"))]
    small_of(v).map(|i| int_from_i64(vm, i))
}

/// Python `int.bit_length()` of an int-like value; None for other values.
pub fn int_bit_length(v: Value) -> Option<u64> {
    with_int_limbs(v, |_, limbs| {
        let top = limbs.iter().rposition(|&l| l != 0);
        top.map_or(0, |t| {
            t as u64 * 32 + (32 - limbs[t].leading_zeros()) as u64
        })
    })
}

/// Python `int(text, base)`: ValueError for a bad base or literal.
pub fn int_from_str(vm: &mut Vm, text: &str, base: u32) -> PyResult<Value> {
    #[cfg(feature = "bigint")]
    let parsed = BigInt::parse(text, base).map(|b| int_from_big(vm, b));
    #[cfg(not(feature = "bigint"))]
    let parsed = intword::parse_i64(text, base).map(|i| match i {
        Some(i) => int_from_i64(vm, i),
        None => Err(small_int_overflow(vm)),
    });
    parsed.unwrap_or_else(|e| {
        let msg = e.message(text, base);
        Err(vm.value_error(&msg))
    })
}

/// An int value from a BigInt (small if it fits). Without the `bigint` feature a value beyond
/// the small-int range is an OverflowError.
#[cfg(any(feature = "bigint", feature = "float"))]
pub fn int_from_big(vm: &mut Vm, b: BigInt) -> PyResult<Value> {
    if let Some(i) = b.to_i64() {
        if let Some(v) = Value::try_small_int(i) {
            return Ok(v);
        }
    }
    #[cfg(feature = "bigint")]
    return big::new_int_from_mag(vm, b.is_negative(), b.limbs());
    #[cfg(not(feature = "bigint"))]
    Err(small_int_overflow(vm))
}

/// An int result beyond the small-int range in a build without big ints (MicroPython's
/// MICROPY_LONGINT_IMPL_NONE raises the same).
#[cfg(not(feature = "bigint"))]
pub fn small_int_overflow(vm: &mut Vm) -> PyErr {
    vm.overflow_error("small int overflow")
}

/// Offset of the instance-dict slot of an int-subclass instance with `len` limbs: the first
/// word boundary after the limbs.
pub fn int_dict_offset(len: usize) -> usize {
    let w = core::mem::size_of::<Value>();
    core::mem::size_of::<BigIntObj>() + (len * 4).div_ceil(w) * w
}

/// An instance of a Python subclass of int (type `ty`) with the value of the int `value`, then
/// the instance dict `dict`. Unlike builtin ints, it is a `BigIntObj` even for small values.
pub fn new_int_subclass(
    vm: &mut Vm,
    ty: &'static super::TypeObj,
    value: Value,
    dict: Value,
) -> PyResult<Value> {
    // Copied out: the allocation below may collect (`value` itself stays put).
    let (neg, limbs) =
        with_int_limbs(value, |neg, limbs| (neg, limbs.to_vec())).unwrap_or_default();
    let off = int_dict_offset(limbs.len());
    let extra = off - core::mem::size_of::<BigIntObj>() + core::mem::size_of::<Value>();
    let v = vm.alloc_obj(
        BigIntObj {
            header: ObjHeader { ty },
            neg,
            len: limbs.len(),
        },
        extra,
    )?;
    // SAFETY: the allocation has room for the limbs and, word-aligned after them, one Value.
    unsafe {
        let dst = (v.as_ptr::<BigIntObj>()).add(1) as *mut u32;
        core::ptr::copy_nonoverlapping(limbs.as_ptr(), dst, limbs.len());
        (v.as_ptr::<u8>().add(off) as *mut Value).write(dict);
    }
    Ok(v)
}

/// Any int-like value (small int, bool, big int) as a BigInt.
#[cfg(any(feature = "bigint", feature = "float"))]
pub fn to_big(v: Value) -> Option<BigInt> {
    if let Some(i) = v.as_small_int() {
        return Some(BigInt::from_i64(i as i64));
    }
    if v.is_bool() {
        return Some(BigInt::from_i64((v == Value::TRUE) as i64));
    }
    if is_bigint(v) {
        let (neg, limbs) = big_limbs(v);
        return Some(BigInt::from_limbs(neg, limbs.to_vec()));
    }
    None
}

/// The value of an int object (big int, int-subclass instance) if it fits an i64.
fn int_obj_i64(v: Value) -> Option<i64> {
    let (neg, limbs) = big_limbs(v);
    intword::signed_from_magnitude(neg, mag_u64(limbs)?)
}

/// Small int or bool as i64.
#[inline(always)]
pub fn small_of(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        Some(i as i64)
    } else {
        bool_or_int_subclass_of(v)
    }
}

/// `small_of` for a value that is not a small int: out of line, as this chain inlined into
/// every `small_of` costs about a KB of flash.
#[inline(never)]
fn bool_or_int_subclass_of(v: Value) -> Option<i64> {
    if v.is_bool() {
        Some((v == Value::TRUE) as i64)
    } else if is_bigint(v) && super::type_of(v).is_heap() {
        // Int-subclass instances are BigIntObjs whatever their value.
        int_obj_i64(v).filter(|&i| Value::try_small_int(i).is_some())
    } else {
        None
    }
}

/// MemoryError for a big-int result of `bits` bits that could never fit in the GC heap. `**` and
/// `<<` are computed in the Rust heap before the result is copied to the GC heap; refusing up
/// front keeps them from running for minutes (or, on a board, exhausting the smaller Rust heap,
/// which aborts), like MicroPython, whose big ints fail as soon as the GC heap is full.
#[cfg(feature = "bigint")]
fn check_result_fits(vm: &mut Vm, bits: u64) -> PyResult<()> {
    if bits / 8 > vm.heap.total_bytes() as u64 {
        return Err(vm.new_error(
            &crate::obj::types::MEMORY_ERROR_TYPE,
            "int result too large for the heap",
        ));
    }
    Ok(())
}

pub fn num_error(vm: &mut Vm, e: NumError) -> PyErr {
    use crate::obj::types::*;
    let ty = match e {
        NumError::ZeroDivision(_) => &ZERO_DIVISION_ERROR_TYPE,
        NumError::Overflow(_) => &OVERFLOW_ERROR_TYPE,
        NumError::Value(_) => &VALUE_ERROR_TYPE,
    };
    vm.new_error(ty, e.message())
}

/// Limbs of a big int object (callers check `is_bigint`).
fn big_limbs(v: Value) -> (bool, &'static [u32]) {
    // SAFETY: kind Int objects have BigIntObj layout with `len` limbs after the header.
    unsafe {
        let o = obj::<BigIntObj>(v);
        (
            o.neg,
            core::slice::from_raw_parts((v.as_ptr::<BigIntObj>()).add(1) as *const u32, o.len),
        )
    }
}

/// int op int. Returns NotImplemented for ops that need the float path (TrueDiv handled here).
pub fn int_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        if let Some(r) = small_binop(vm, op, x, y)? {
            return Ok(r);
        }
        #[cfg(not(feature = "bigint"))]
        return small_result_beyond_range(vm, op, x, y);
    }
    #[cfg(not(feature = "bigint"))]
    return Ok(Value::NOT_IMPLEMENTED);
    #[cfg(feature = "bigint")]
    big_int_binop(vm, op, a, b)
}

/// `x op y` for two small ints whose result [`small_binop`] found outside the small-int range,
/// in a build without big ints: an OverflowError, except for `/` (a float quotient).
#[cfg(not(feature = "bigint"))]
fn small_result_beyond_range(vm: &mut Vm, op: BinOp, x: i64, y: i64) -> PyResult<Value> {
    #[cfg(feature = "float")]
    if op == BinOp::TrueDiv {
        return new_float(vm, x as f64 / y as f64);
    }
    let _ = (op, x, y);
    Err(small_int_overflow(vm))
}

/// int op int where an operand or the result is a big int.
#[cfg(feature = "bigint")]
fn big_int_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = big::big_binop(vm, op, a, b)? {
        return Ok(r);
    }
    let (Some(x), Some(y)) = (to_big(a), to_big(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = match op {
        BinOp::Add => x.add(&y),
        BinOp::Sub => x.sub(&y),
        BinOp::Mul => x.mul(&y),
        BinOp::FloorDiv => x.floordiv(&y).map_err(|e| num_error(vm, e))?,
        BinOp::Mod => x.modulo(&y).map_err(|e| num_error(vm, e))?,
        #[cfg(feature = "float")]
        BinOp::TrueDiv => {
            let f = x.true_div(&y).map_err(|e| num_error(vm, e))?;
            return new_float(vm, f);
        }
        #[cfg(not(feature = "float"))]
        BinOp::TrueDiv => return Ok(Value::NOT_IMPLEMENTED),
        BinOp::Pow => {
            if y.is_negative() {
                #[cfg(feature = "float")]
                {
                    let fx = x.to_f64().map_err(|e| num_error(vm, e))?;
                    return float_binop(vm, BinOp::Pow, fx, y.to_f64().unwrap_or(f64::MIN));
                }
                #[cfg(not(feature = "float"))]
                return Err(negative_power_error(vm));
            }
            match y.to_u64() {
                Some(e) if e <= u32::MAX as u64 => {
                    // At least (bits - 1) * e + 1 bits: exact for powers of two, and 0 / ±1
                    // stay small.
                    let bits = x.bit_length().saturating_sub(1).saturating_mul(e);
                    check_result_fits(vm, bits)?;
                    x.pow(e)
                }
                _ => return Err(vm.overflow_error("exponent too large")),
            }
        }
        BinOp::LShift | BinOp::RShift if y.is_negative() => {
            return Err(vm.value_error("negative shift count"));
        }
        BinOp::LShift => {
            let n = y
                .to_i64()
                .ok_or_else(|| vm.overflow_error("shift count too large"))?;
            if !x.is_zero() {
                check_result_fits(vm, x.bit_length().saturating_add(n.max(0) as u64))?;
            }
            x.shl(n).map_err(|e| num_error(vm, e))?
        }
        BinOp::RShift => {
            let n = y.to_i64().unwrap_or(i64::MAX);
            x.shr(n).map_err(|e| num_error(vm, e))?
        }
        BinOp::And => x.bitand(&y),
        BinOp::Or => x.bitor(&y),
        BinOp::Xor => x.bitxor(&y),
        BinOp::MatMul => return Ok(Value::NOT_IMPLEMENTED),
    };
    int_from_big(vm, r)
}

/// `x ** y` with a negative int `y` needs a float result: ValueError, as MicroPython says it.
#[cfg(not(feature = "float"))]
fn negative_power_error(vm: &mut Vm) -> PyErr {
    vm.value_error("negative power with no float support")
}

/// Fast path for two machine ints; None when the result needs a big int.
#[inline(always)]
pub fn small_binop(vm: &mut Vm, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            crate::intword::floor_div_i64(x, y)
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            crate::intword::mod_i64(x, y)
        }
        #[cfg(feature = "float")]
        BinOp::TrueDiv => {
            if y == 0 {
                return Err(vm.zero_division("division by zero"));
            }
            // Exact for |x|, |y| < 2**53; otherwise let the big path round correctly.
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return new_float(vm, x as f64 / y as f64).map(Some);
            }
            return Ok(None);
        }
        // Without floats `/` is not defined on ints (TypeError, as MicroPython).
        #[cfg(not(feature = "float"))]
        BinOp::TrueDiv => return Ok(Some(Value::NOT_IMPLEMENTED)),
        BinOp::Pow => {
            if y < 0 {
                #[cfg(feature = "float")]
                return float_binop(vm, BinOp::Pow, x as f64, y as f64).map(Some);
                #[cfg(not(feature = "float"))]
                return Err(negative_power_error(vm));
            }
            crate::intword::pow_i64(x, y as u64)
        }
        BinOp::LShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            if y < 63 && x.unsigned_abs() < (1u64 << (62 - y)) {
                Some(x << y)
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            })
        }
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::MatMul => return Ok(Some(Value::NOT_IMPLEMENTED)),
    };
    match r {
        Some(i) => Ok(Value::try_small_int(i)),
        None => Ok(None),
    }
}

/// `repr()` of an int.
pub fn int_repr(v: Value, out: &mut String) {
    if let Some(i) = small_of(v) {
        intword::push_decimal(i, out);
    } else {
        // Without big ints every int is small (int-subclass instances too).
        #[cfg(feature = "bigint")]
        big::write_int_decimal(v, out);
    }
}

/// Compares two ints by value without copying big ones; None when either is not an int.
#[cfg(feature = "bigint")]
pub fn int_cmp(a: Value, b: Value) -> Option<core::cmp::Ordering> {
    big::int_cmp(a, b)
}

/// Compares two ints by value; None when either is not an int.
#[cfg(not(feature = "bigint"))]
pub fn int_cmp(a: Value, b: Value) -> Option<core::cmp::Ordering> {
    Some(small_of(a)?.cmp(&small_of(b)?))
}

pub fn int_hash(v: Value) -> i64 {
    if let Some(i) = small_of(v) {
        return intword::hash_i64(i);
    }
    #[cfg(feature = "bigint")]
    if let Some(b) = to_big(v) {
        return b.py_hash();
    }
    0
}

// ---- methods ----

fn int_bit_length_method(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let bits =
        int_bit_length(args.pos[0]).ok_or_else(|| vm.type_error("bit_length needs an int"))?;
    int_from_i64(vm, bits as i64)
}

fn byteorder_arg(vm: &mut Vm, args: &Args, pos: usize) -> PyResult<(bool, bool)> {
    let mut little = None;
    let mut signed = false;
    if let Some(&v) = args.pos.get(pos) {
        little = Some(v);
    }
    for pair in args.kw.chunks(2) {
        match crate::obj::string::str_of(vm, pair[0]) {
            Some("byteorder") => little = Some(pair[1]),
            Some("signed") => signed = crate::ops::truthy(vm, pair[1])?,
            _ => return Err(vm.type_error("unexpected keyword argument")),
        }
    }
    let little = match little.and_then(|v| crate::obj::string::str_of(vm, v)) {
        Some("little") | None => true,
        Some("big") => false,
        Some(_) => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    };
    Ok((little, signed))
}

fn int_to_bytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = args.pos[0];
    if !is_int(v) {
        return Err(vm.type_error("to_bytes needs an int"));
    }
    let len = match args.pos.get(1) {
        Some(&v) => crate::ops::to_index(vm, v)?,
        None => 1,
    };
    if len < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    vm.check_alloc_size(1, len as usize)?;
    let (little, signed) = byteorder_arg(vm, args, 2)?;
    #[cfg(feature = "bigint")]
    let bytes = to_big(v)
        .unwrap_or_default()
        .to_bytes(len as usize, little, signed);
    #[cfg(not(feature = "bigint"))]
    let bytes = intword::to_bytes_i64(small_of(v).unwrap_or(0), len as usize, little, signed);
    let bytes = bytes.map_err(|e| num_error(vm, e))?;
    crate::obj::string::new_bytes(vm, &bytes)
}

fn int_from_bytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = args.arg(vm, 1, "from_bytes() missing required argument")?;
    let bytes = match crate::obj::string::bytes_of(data) {
        Some(b) => b,
        None => {
            let list = crate::ops::collect_iterable(vm, data)?;
            let mut v = alloc::vec::Vec::new();
            for &x in crate::obj::list::list_items(list) {
                v.push(crate::ops::to_index(vm, x)? as u8);
            }
            let b = crate::obj::string::new_bytes(vm, &v)?;
            crate::obj::string::bytes_of(b).unwrap_or(&[])
        }
    };
    let (little, signed) = byteorder_arg(vm, args, 2)?;
    #[cfg(feature = "bigint")]
    return int_from_big(vm, BigInt::from_bytes(bytes, little, signed));
    #[cfg(not(feature = "bigint"))]
    match intword::from_bytes_i64(bytes, little, signed) {
        Some(i) => int_from_i64(vm, i),
        None => Err(small_int_overflow(vm)),
    }
}

pub static INT_METHODS: &[(Qstr, &NativeFn)] = &[
    (
        q::__new__,
        &NativeFn::new(q::__new__, crate::attr::immutable_new),
    ),
    (
        q::bit_length,
        &NativeFn::method(q::bit_length, int_bit_length_method),
    ),
    (q::to_bytes, &NativeFn::method(q::to_bytes, int_to_bytes)),
    (
        q::from_bytes,
        &NativeFn::classmethod(q::from_bytes, int_from_bytes),
    ),
    (
        q::conjugate,
        &NativeFn::method(q::conjugate, real_conjugate),
    ),
];

/// `x.conjugate()` of a real number is the number itself (an int for bools).
fn real_conjugate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    crate::ops::unary_op(vm, crate::bytecode::UnOp::Pos as u8, args.pos[0])
}
