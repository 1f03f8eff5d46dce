//! The `builtins` namespace: builtin functions, constructors of builtin types, `__build_class__`.

use crate::intword::radix_digits;
use crate::obj::list::{self, list_items, new_list, new_tuple, tuple_items};
use crate::obj::map::{self, map_set_qstr};
#[cfg(feature = "bigint")]
use crate::obj::num::to_big;
use crate::obj::num::{self, small_of};
#[cfg(feature = "float")]
use crate::obj::num::{float_of, is_float};
use crate::obj::string::{self, str_of};
use crate::obj::types::*;
use crate::obj::{is_subtype, is_type, kind_of, type_of, type_ref, Args, Kind, NativeFn, TypeObj};
use crate::ops;
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;

fn kwarg(vm: &Vm, args: &Args, name: &str) -> Option<Value> {
    args.kw
        .chunks(2)
        .find(|p| str_of(vm, p[0]) == Some(name))
        .map(|p| p[1])
}

fn check_no_kw(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(crate::obj::exc::type_error_from(
            vm,
            &[fname, "() takes no keyword arguments"],
        ));
    }
    Ok(())
}

fn nargs(vm: &mut Vm, args: &Args, min: usize, max: usize, fname: &str) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        return Err(arg_count_error(vm, n, min, max, fname));
    }
    Ok(())
}

/// TypeError "f() takes exactly / at least / at most N argument(s) (M given)", worded as
/// CPython's ("at most" is always followed by "arguments").
#[cold]
#[inline(never)]
fn arg_count_error(vm: &mut Vm, n: usize, min: usize, max: usize, fname: &str) -> PyErr {
    let (bound, count, plural) = if min == max {
        ("exactly ", min, min != 1)
    } else if n < min {
        ("at least ", min, min != 1)
    } else {
        ("at most ", max, true)
    };
    let count = radix_digits(count as u64, 10);
    let given = radix_digits(n as u64, 10);
    crate::obj::exc::type_error_from(
        vm,
        &[
            fname,
            "() takes ",
            bound,
            &count,
            if plural {
                " arguments ("
            } else {
                " argument ("
            },
            &given,
            " given)",
        ],
    )
}

// ---- printing ----

fn bi_print(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let sep = kwarg(vm, args, "sep").filter(|v| !v.is_none());
    let end = kwarg(vm, args, "end").filter(|v| !v.is_none());
    let file = kwarg(vm, args, "file").filter(|v| !v.is_none());
    let sep = match sep {
        Some(s) => string::expect_str(vm, s, "sep")?,
        None => " ",
    };
    let end = match end {
        Some(s) => string::expect_str(vm, s, "end")?,
        None => "\n",
    };
    let mut out = String::new();
    for (i, &a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        ops::str_into(vm, a, &mut out)?;
    }
    out.push_str(end);
    match file {
        Some(f) => {
            let s = vm.new_string(out)?;
            crate::attr::call_method(vm, f, q::write, &[s])?;
        }
        None => vm.write_out(out.as_bytes()),
    }
    Ok(Value::NONE)
}

// ---- introspection ----

fn bi_len(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "len")?;
    let n = ops::len(vm, args.pos[0])?;
    num::int_from_i64(vm, n as i64)
}

fn bi_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "repr")?;
    ops::repr(vm, args.pos[0])
}

fn bi_isinstance(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 2, 2, "isinstance")?;
    let t = type_of(args.pos[0]);
    Ok(Value::from_bool(class_check(
        vm,
        t,
        args.pos[1],
        "isinstance",
    )?))
}

fn bi_issubclass(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 2, 2, "issubclass")?;
    if !is_type(args.pos[0]) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::from_bool(class_check(
        vm,
        type_ref(args.pos[0]),
        args.pos[1],
        "issubclass",
    )?))
}

fn class_check(vm: &mut Vm, t: &'static TypeObj, cls: Value, fname: &str) -> PyResult<bool> {
    if list::is_tuple(cls) {
        for &c in tuple_items(cls) {
            if class_check(vm, t, c, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !is_type(cls) {
        return Err(crate::obj::exc::type_error_from(
            vm,
            &[fname, "() arg 2 must be a type or tuple of types"],
        ));
    }
    Ok(is_subtype(t, type_ref(cls)))
}

fn bi_id(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "id")?;
    num::int_from_i64(vm, args.pos[0].raw() as i64 & i64::MAX)
}

fn bi_hash(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "hash")?;
    let v = args.pos[0];
    if let Some(i) = small_of(v) {
        return num::int_from_i64(vm, crate::intword::hash_i64(i));
    }
    if num::is_bigint(v) {
        return num::int_from_i64(vm, num::int_hash(v));
    }
    #[cfg(feature = "float")]
    if is_float(v) {
        return num::int_from_i64(vm, crate::numfmt::hash_f64(float_of(v)));
    }
    #[cfg(feature = "complex")]
    if crate::obj::complex::is_complex(v) {
        return num::int_from_i64(vm, crate::obj::complex::hash(v));
    }
    let h = ops::hash(vm, v)?;
    num::int_from_i64(vm, (h as i64) & (i64::MAX >> 2))
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    v.is_obj()
        && (matches!(
            kind_of(v),
            Kind::Function | Kind::NativeFunction | Kind::BoundMethod | Kind::Type
        ) || (type_of(v).is_heap()
            && crate::attr::lookup_special(vm, v, q::__call__).is_some()))
}

fn bi_callable(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "callable")?;
    Ok(Value::from_bool(is_callable(vm, args.pos[0])))
}

fn attr_name(vm: &mut Vm, v: Value) -> PyResult<Qstr> {
    if !string::is_str(v) {
        let tname = vm.type_name(v);
        return Err(crate::obj::exc::type_error_from(
            vm,
            &["attribute name must be string, not '", tname, "'"],
        ));
    }
    string::to_qstr(vm, v)
}

fn bi_getattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 2, 3, "getattr")?;
    let name = attr_name(vm, args.pos[1])?;
    if let Some(&default) = args.pos.get(2) {
        return Ok(crate::attr::getattr_opt(vm, args.pos[0], name)?.unwrap_or(default));
    }
    crate::attr::getattr(vm, args.pos[0], name)
}

fn bi_setattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 3, 3, "setattr")?;
    let name = attr_name(vm, args.pos[1])?;
    crate::attr::setattr(vm, args.pos[0], name, args.pos[2])?;
    Ok(Value::NONE)
}

fn bi_hasattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 2, 2, "hasattr")?;
    let name = attr_name(vm, args.pos[1])?;
    Ok(Value::from_bool(
        crate::attr::getattr_opt(vm, args.pos[0], name)?.is_some(),
    ))
}

fn bi_delattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 2, 2, "delattr")?;
    let name = attr_name(vm, args.pos[1])?;
    crate::attr::delattr(vm, args.pos[0], name)?;
    Ok(Value::NONE)
}

// ---- numbers ----

fn bi_abs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "abs")?;
    let v = args.pos[0];
    if let Some(i) = small_of(v) {
        return num::int_from_i64(vm, i.abs());
    }
    #[cfg(feature = "bigint")]
    if let Some(b) = to_big(v) {
        return num::int_from_big(vm, b.abs());
    }
    #[cfg(feature = "float")]
    if is_float(v) {
        return num::new_float(vm, float_of(v).abs());
    }
    #[cfg(feature = "complex")]
    if crate::obj::complex::is_complex(v) {
        return crate::obj::complex::abs(vm, v);
    }
    if let Some(r) = crate::attr::call_special(vm, v, q::__abs__, &[])? {
        return Ok(r);
    }
    let tname = vm.type_name(v);
    Err(crate::obj::exc::type_error_from(
        vm,
        &["bad operand type for abs(): '", tname, "'"],
    ))
}

fn bi_divmod(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 2, 2, "divmod")?;
    let (a, b) = (args.pos[0], args.pos[1]);
    let d = ops::binary_op(vm, crate::bytecode::BinOp::FloorDiv as u8, a, b)?;
    let m = ops::binary_op(vm, crate::bytecode::BinOp::Mod as u8, a, b)?;
    new_tuple(vm, &[d, m])
}

fn bi_pow(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 2, 3, "pow")?;
    // As MicroPython's builds without MICROPY_PY_BUILTINS_POW3 (any third argument).
    #[cfg(not(feature = "extra-builtins"))]
    if args.pos.len() == 3 {
        return Err(vm.new_error(&NOT_IMPLEMENTED_ERROR_TYPE, "3-arg pow() not supported"));
    }
    #[cfg(feature = "extra-builtins")]
    if let Some(&m) = args.pos.get(2) {
        let base = args.pos[0];
        if !m.is_none() && base.is_obj() && type_of(base).is_heap() {
            // A class's three-argument __pow__(exp, mod).
            if let Some(r) = crate::attr::call_special(vm, base, q::__pow__, &[args.pos[1], m])? {
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        if !m.is_none() {
            #[cfg(feature = "complex")]
            if args.pos[..2]
                .iter()
                .any(|&v| crate::obj::complex::is_complex(v))
            {
                return Err(vm.value_error("complex modulo"));
            }
            return pow_mod(vm, args.pos[0], args.pos[1], m);
        }
    }
    ops::binary_op(
        vm,
        crate::bytecode::BinOp::Pow as u8,
        args.pos[0],
        args.pos[1],
    )
}

/// `pow(b, e, m)` of three ints.
#[cfg(all(feature = "bigint", feature = "extra-builtins"))]
fn pow_mod(vm: &mut Vm, b: Value, e: Value, m: Value) -> PyResult<Value> {
    let (Some(b), Some(e), Some(m)) = (to_big(b), to_big(e), to_big(m)) else {
        return Err(pow_mod_type_error(vm));
    };
    let r = b.pow_mod(&e, &m).map_err(|e| num::num_error(vm, e))?;
    num::int_from_big(vm, r)
}

/// `pow(b, e, m)` of three ints (machine words).
#[cfg(all(not(feature = "bigint"), feature = "extra-builtins"))]
fn pow_mod(vm: &mut Vm, b: Value, e: Value, m: Value) -> PyResult<Value> {
    let (Some(b), Some(e), Some(m)) = (small_of(b), small_of(e), small_of(m)) else {
        return Err(pow_mod_type_error(vm));
    };
    let r = crate::intword::pow_mod_i64(b, e, m).map_err(|e| num::num_error(vm, e))?;
    num::int_from_i64(vm, r)
}

#[cfg(feature = "extra-builtins")]
fn pow_mod_type_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
}

/// `round(v, -n)` (n > 0) of an int: to a multiple of 10**n, half to even.
#[cfg(feature = "bigint")]
fn round_int(vm: &mut Vm, v: Value, n: u64) -> PyResult<Value> {
    use crate::bigint::BigInt;
    let p = BigInt::from_i64(10).pow(n);
    let b = to_big(v).unwrap_or_default();
    let (q, r) = b.divmod(&p).map_err(|e| num::num_error(vm, e))?;
    let twice = r.add(&r);
    let mut qq = q;
    match twice.cmp(&p) {
        core::cmp::Ordering::Greater => qq = qq.add(&BigInt::one()),
        // Half-way: round to even.
        core::cmp::Ordering::Equal if qq.limbs().first().is_some_and(|l| l & 1 == 1) => {
            qq = qq.add(&BigInt::one())
        }
        _ => {}
    }
    num::int_from_big(vm, qq.mul(&p))
}

/// `round(v, -n)` (n > 0) of an int (a machine word).
#[cfg(not(feature = "bigint"))]
fn round_int(vm: &mut Vm, v: Value, n: u64) -> PyResult<Value> {
    match crate::intword::round_i64(small_of(v).unwrap_or(0), n) {
        Some(r) => num::int_from_i64(vm, r),
        None => Err(num::small_int_overflow(vm)),
    }
}

fn bi_round(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 2, "round")?;
    let v = args.pos[0];
    let nd = args.pos.get(1).copied().filter(|x| !x.is_none());
    if num::is_int(v) {
        // round(True) is the int 1, not a bool.
        let v = if v.is_bool() {
            Value::small_int((v == Value::TRUE) as isize)
        } else {
            v
        };
        let Some(nd) = nd else { return Ok(v) };
        let n = ops::to_index(vm, nd)?;
        if n >= 0 {
            return Ok(v);
        }
        return round_int(vm, v, n.unsigned_abs() as u64);
    }
    #[cfg(feature = "float")]
    if is_float(v) {
        return round_float_value(vm, float_of(v), nd);
    }
    if let Some(r) =
        crate::attr::call_special(vm, v, q::__round__, args.pos.get(1..).unwrap_or(&[]))?
    {
        return Ok(r);
    }
    let tname = vm.type_name(v);
    Err(crate::obj::exc::type_error_from(
        vm,
        &["type ", tname, " doesn't define __round__ method"],
    ))
}

/// `round(x)` (an int) and `round(x, n)` (a float) of a float `x`.
#[cfg(feature = "float")]
fn round_float_value(vm: &mut Vm, x: f64, nd: Option<Value>) -> PyResult<Value> {
    match nd {
        None => {
            if !x.is_finite() {
                return Err(if x.is_nan() {
                    vm.value_error("cannot convert float NaN to integer")
                } else {
                    vm.overflow_error("cannot convert float infinity to integer")
                });
            }
            let r = libm::rint(x);
            let b = crate::bigint::BigInt::from_f64(r).map_err(|e| num::num_error(vm, e))?;
            num::int_from_big(vm, b)
        }
        Some(nd) => {
            let n = ops::to_index(vm, nd)?;
            let r = crate::numfmt::round_f64(x, n as i64).map_err(|e| num::num_error(vm, e))?;
            num::new_float(vm, r)
        }
    }
}

fn int_to_base(vm: &mut Vm, args: &Args, radix: u32, prefix: &str, fname: &str) -> PyResult<Value> {
    nargs(vm, args, 1, 1, fname)?;
    let v = args.pos[0];
    #[cfg(feature = "bigint")]
    if let Some(b) = to_big(v) {
        let digits = b.abs().to_string_radix(radix);
        let sign = if b.is_negative() { "-" } else { "" };
        return vm.new_string(crate::numfmt::concat(&[sign, prefix, &digits]));
    }
    let i = match small_of(v) {
        Some(i) => i,
        None => ops::to_index(vm, v)? as i64,
    };
    vm.new_string(crate::intword::to_prefixed_radix(i, radix, prefix))
}
fn bi_bin(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    int_to_base(vm, args, 2, "0b", "bin")
}
fn bi_oct(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    int_to_base(vm, args, 8, "0o", "oct")
}
fn bi_hex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    int_to_base(vm, args, 16, "0x", "hex")
}

fn bi_chr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "chr")?;
    if num::is_bigint(args.pos[0]) {
        return Err(vm.overflow_error("chr() arg too large"));
    }
    let i = ops::to_index(vm, args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            string::new_str(vm, c.encode_utf8(&mut buf))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn bi_ord(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "ord")?;
    let v = args.pos[0];
    let len = if let Some(s) = str_of(vm, v) {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(Value::small_int(c as isize));
        }
        s.chars().count()
    } else if let Some(b) = string::bytes_of(v) {
        if let [byte] = b {
            return Ok(Value::small_int(*byte as isize));
        }
        b.len()
    } else {
        let tname = vm.type_name(v);
        return Err(crate::obj::exc::type_error_from(
            vm,
            &["ord() expected string of length 1, but ", tname, " found"],
        ));
    };
    let len = radix_digits(len as u64, 10);
    Err(crate::obj::exc::type_error_from(
        vm,
        &[
            "ord() expected a character, but string of length ",
            &len,
            " found",
        ],
    ))
}

// ---- iteration helpers ----

fn bi_iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 2, "iter")?;
    if let Some(&sentinel) = args.pos.get(1) {
        if !is_callable(vm, args.pos[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return crate::obj::iter::new_iter(
            vm,
            crate::obj::iter::callable_next,
            args.pos[0],
            sentinel,
            0,
            0,
        );
    }
    ops::iter(vm, args.pos[0])
}

fn bi_next(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 2, "next")?;
    let it = args.pos[0];
    if it.is_obj() && kind_of(it) == Kind::Generator {
        return match crate::interp::gen_resume(vm, it, Value::NONE, Value::NULL)? {
            crate::interp::Exit::Yield(v) => Ok(v),
            crate::interp::Exit::Return(v) => match args.pos.get(1) {
                Some(&d) => Ok(d),
                None => Err(vm.stop_iteration(v)),
            },
        };
    }
    match ops::next(vm, it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(&d) => Ok(d),
            None => Err(vm.stop_iteration(Value::NONE)),
        },
    }
}

fn bi_enumerate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let start = match args
        .pos
        .get(1)
        .copied()
        .or_else(|| kwarg(vm, args, "start"))
    {
        Some(s) => ops::to_index(vm, s)?,
        None => 0,
    };
    let src = args.arg(vm, 0, "enumerate() missing required argument 'iterable'")?;
    let it = ops::iter(vm, src)?;
    crate::obj::iter::new_iter(
        vm,
        crate::obj::iter::enumerate_next,
        it,
        Value::NONE,
        start,
        0,
    )
}

fn bi_zip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_no_kw(vm, args, "zip")?;
    let iters = list::new_tuple_uninit(vm, args.pos.len())?;
    for (i, &a) in args.pos.iter().enumerate() {
        let it = ops::iter(vm, a)?;
        list::tuple_set(iters, i, it);
    }
    crate::obj::iter::new_iter(vm, crate::obj::iter::zip_next, iters, Value::NONE, 0, 0)
}

fn bi_map(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let iters = list::new_tuple_uninit(vm, args.pos.len() - 1)?;
    for (i, &a) in args.pos[1..].iter().enumerate() {
        let it = ops::iter(vm, a)?;
        list::tuple_set(iters, i, it);
    }
    crate::obj::iter::new_iter(vm, crate::obj::iter::map_fn_next, args.pos[0], iters, 0, 0)
}

fn bi_filter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 2, 2, "filter")?;
    let it = ops::iter(vm, args.pos[1])?;
    crate::obj::iter::new_iter(vm, crate::obj::iter::filter_next, args.pos[0], it, 0, 0)
}

fn bi_reversed(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "reversed")?;
    let v = args.pos[0];
    if v.is_obj() && type_of(v).is_heap() {
        if let Some(r) = crate::attr::call_special(vm, v, q::__reversed__, &[])? {
            return Ok(r);
        }
    }
    // Only sequences (len + integer indexing) are reversible; sets would iterate by index.
    let not_seq = map::is_set_like(v)
        || (v.is_obj()
            && type_of(v).is_heap()
            && kind_of(v) == Kind::Object
            && crate::attr::lookup_special(vm, v, q::__getitem__).is_none());
    if not_seq {
        let tname = vm.type_name(v);
        return Err(crate::obj::exc::type_error_from(
            vm,
            &["'", tname, "' object is not reversible"],
        ));
    }
    if map::is_dict(v) {
        let keys = ops::collect_iterable(vm, v)?;
        let n = list::list_len(keys) as isize;
        return crate::obj::iter::new_iter(
            vm,
            crate::obj::iter::reversed_next,
            keys,
            Value::NONE,
            n - 1,
            0,
        );
    }
    let n = ops::len(vm, v)? as isize;
    crate::obj::iter::new_iter(
        vm,
        crate::obj::iter::reversed_next,
        v,
        Value::NONE,
        n - 1,
        0,
    )
}

fn bi_sorted(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "sorted")?;
    let l = ops::collect_iterable(vm, args.pos[0])?;
    let key = kwarg(vm, args, "key").unwrap_or(Value::NONE);
    let reverse = match kwarg(vm, args, "reverse") {
        Some(r) => ops::truthy(vm, r)?,
        None => false,
    };
    ops::sort_list(vm, l, key, reverse)?;
    Ok(l)
}

fn min_max(vm: &mut Vm, args: &Args, want_max: bool) -> PyResult<Value> {
    let fname = if want_max { "max" } else { "min" };
    let key = kwarg(vm, args, "key").filter(|k| !k.is_none());
    let default = kwarg(vm, args, "default");
    let items = match args.pos.len() {
        0 => {
            return Err(crate::obj::exc::type_error_from(
                vm,
                &[fname, " expected at least 1 argument, got 0"],
            ));
        }
        1 => ops::collect_iterable(vm, args.pos[0])?,
        _ if default.is_some() => {
            return Err(crate::obj::exc::type_error_from(
                vm,
                &[
                    "Cannot specify a default for ",
                    fname,
                    "() with multiple positional arguments",
                ],
            ));
        }
        _ => new_list(vm, args.pos)?,
    };
    let mut best = Value::NULL;
    let mut best_key = Value::NULL;
    let mut i = 0;
    while let Some(x) = list::list_get(items, i) {
        i += 1;
        let k = match key {
            Some(f) => crate::call::call(vm, f, &[x], &[])?,
            None => x,
        };
        if best.is_null() {
            best = x;
            best_key = k;
            continue;
        }
        let op = if want_max {
            crate::bytecode::CmpOp::Gt
        } else {
            crate::bytecode::CmpOp::Lt
        };
        let r = ops::compare(vm, op, k, best_key)?;
        if ops::truthy(vm, r)? {
            best = x;
            best_key = k;
        }
    }
    if best.is_null() {
        return match default {
            Some(d) => Ok(d),
            None => {
                Err(vm.error_from_parts(&VALUE_ERROR_TYPE, &[fname, "() arg is an empty sequence"]))
            }
        };
    }
    Ok(best)
}
fn bi_min(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    min_max(vm, args, false)
}
fn bi_max(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    min_max(vm, args, true)
}

fn bi_sum(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 2, "sum")?;
    let mut acc = args
        .pos
        .get(1)
        .copied()
        .or_else(|| kwarg(vm, args, "start"))
        .unwrap_or(Value::small_int(0));
    if str_of(vm, acc).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = ops::iter(vm, args.pos[0])?;
    while let Some(x) = ops::next(vm, it)? {
        acc = ops::binary_op(vm, crate::bytecode::BinOp::Add as u8, acc, x)?;
    }
    Ok(acc)
}

fn bi_all(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "all")?;
    let it = ops::iter(vm, args.pos[0])?;
    while let Some(x) = ops::next(vm, it)? {
        if !ops::truthy(vm, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn bi_any(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 1, 1, "any")?;
    let it = ops::iter(vm, args.pos[0])?;
    while let Some(x) = ops::next(vm, it)? {
        if ops::truthy(vm, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

// ---- namespaces and code ----

fn bi_globals(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(vm.current_globals())
}

fn bi_locals(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(vm.current_globals())
}

fn bi_dir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = new_list(vm, &[])?;
    let target = match args.pos.first() {
        Some(&v) => v,
        None => {
            let g = vm.current_globals();
            let keys = ops::collect_iterable(vm, g)?;
            ops::sort_list(vm, keys, Value::NONE, false)?;
            return Ok(keys);
        }
    };
    let s = map::new_set(vm)?;
    if let Some(d) = crate::attr::instance_dict(target) {
        ops::set_update(vm, s, d)?;
    }
    let t = if is_type(target) {
        type_ref(target)
    } else {
        type_of(target)
    };
    let mro = crate::attr::mro_of(vm, t.as_value())?;
    for &c in tuple_items(mro) {
        let ct = type_ref(c);
        if ct.is_heap() {
            ops::set_update(vm, s, ct.dict.get())?;
        } else {
            for (name, _) in ct.methods {
                map::map_set(vm, s, Value::from_qstr(*name), Value::NULL)?;
            }
        }
    }
    ops::extend_list(vm, l, s)?;
    ops::sort_list(vm, l, Value::NONE, false)?;
    Ok(l)
}

fn exec_eval(vm: &mut Vm, args: &Args, mode: crate::compile::CompileMode) -> PyResult<Value> {
    let src_v = args.arg(vm, 0, "exec() missing argument")?;
    let name = match mode {
        crate::compile::CompileMode::Eval => "eval",
        _ => "exec",
    };
    if args.pos.len() > 3 {
        return Err(arg_count_error(vm, args.pos.len(), 0, 3, name));
    }
    // The frame runs with these as its namespaces: anything but a dict would be read as one (a
    // fuzzer found `exec("a=1", ",")` crashing).
    let globals = match args.pos.get(1) {
        Some(&g) if !g.is_none() => {
            if !map::is_dict(g) {
                let tname = vm.type_name(g);
                return Err(crate::obj::exc::type_error_from(
                    vm,
                    &[name, "() globals must be a dict, not ", tname],
                ));
            }
            g
        }
        _ => vm.current_globals(),
    };
    let locals = match args.pos.get(2) {
        Some(&l) if !l.is_none() => {
            if !map::is_dict(l) {
                let tname = vm.type_name(l);
                return Err(crate::obj::exc::type_error_from(
                    vm,
                    &["locals must be a dict, not ", tname],
                ));
            }
            l
        }
        _ => Value::NULL,
    };
    if src_v.is_obj() && kind_of(src_v) == Kind::Code {
        return crate::interp::exec_code(vm, src_v, globals, locals);
    }
    let src = match str_of(vm, src_v) {
        Some(s) => s,
        None => match string::bytes_of(src_v).map(core::str::from_utf8) {
            Some(Ok(s)) => s,
            _ => return Err(vm.type_error("exec() arg 1 must be a string, bytes or code object")),
        },
    };
    // eval() ignores leading spaces and tabs of its expression (CPython: `eval(" 1")` is 1).
    let src = match mode {
        crate::compile::CompileMode::Eval => String::from(src.trim_start_matches([' ', '\t'])),
        _ => String::from(src),
    };
    crate::embed::exec_source(vm, &src, "<string>", mode, globals, locals)
}

fn bi_exec(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    exec_eval(vm, args, crate::compile::CompileMode::File)?;
    Ok(Value::NONE)
}

fn bi_eval(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    exec_eval(vm, args, crate::compile::CompileMode::Eval)
}

#[cfg(feature = "extra-builtins")]
fn bi_compile(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    nargs(vm, args, 3, 3, "compile")?;
    let src = String::from(string::expect_str(vm, args.pos[0], "compile() arg 1")?);
    let file = String::from(string::expect_str(vm, args.pos[1], "compile() arg 2")?);
    let mode = match str_of(vm, args.pos[2]) {
        Some("exec") => crate::compile::CompileMode::File,
        Some("eval") => crate::compile::CompileMode::Eval,
        Some("single") => crate::compile::CompileMode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    crate::embed::compile_to_code(vm, &src, &file, mode)
}

fn bi_import(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let name = args.arg(vm, 0, "__import__() missing argument")?;
    let q = string::to_qstr(vm, name)?;
    let fromlist = args.pos.get(3).copied().unwrap_or(Value::NONE);
    let level = args.pos.get(4).copied().unwrap_or(Value::small_int(0));
    let g = vm.current_globals();
    crate::module::import(vm, q, fromlist, level, g)
}

#[cfg(feature = "extra-builtins")]
fn bi_input(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let Some(&p) = args.pos.first() {
        let mut s = String::new();
        ops::str_into(vm, p, &mut s)?;
        vm.write_out(s.as_bytes());
    }
    let mut line = Vec::new();
    loop {
        match vm.port().read_byte() {
            Some(b'\r') | Some(b'\n') => break,
            Some(4) if line.is_empty() => return Err(vm.new_error(&EOF_ERROR_TYPE, "")),
            Some(b) => line.push(b),
            None => {
                if vm.port_eof() {
                    if line.is_empty() {
                        return Err(vm.new_error(&EOF_ERROR_TYPE, ""));
                    }
                    break;
                }
                vm.port().delay_us(1000);
            }
        }
    }
    let s = crate::utf8_lossy::decode(&line);
    vm.new_string(s)
}

fn bi_vars(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        None => Ok(vm.current_globals()),
        Some(&v) => match crate::attr::instance_dict(v).or_else(|| {
            if is_type(v) && type_ref(v).is_heap() {
                Some(type_ref(v).dict.get())
            } else {
                None
            }
        }) {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

/// `__build_class__(func, name, *bases, metaclass=None, **kw)`.
fn bi_build_class(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos[0];
    let name = string::to_qstr(vm, args.pos[1])?;
    let bases = new_tuple(vm, &args.pos[2..])?;
    let meta = kwarg(vm, args, "metaclass");
    let ns = map::new_dict(vm)?;
    let module =
        crate::obj::map::map_get_qstr(vm, crate::obj::func::func_ref(func).globals, q::__name__);
    if let Some(m) = module {
        map_set_qstr(vm, ns, q::__module__, m)?;
    }
    let cell = crate::interp::run_function(vm, func, Value::NULL, &[], &[], ns)?;
    let cls = match meta {
        Some(m) if !(is_type(m) && core::ptr::eq(type_ref(m), &TYPE_TYPE)) => {
            let n = Value::from_qstr(name);
            crate::call::call(vm, m, &[n, bases, ns], &[])?
        }
        _ => {
            // Class keywords other than `metaclass` go to the parent's `__init_subclass__`.
            let class_kw: Vec<Value> = args
                .kw
                .chunks(2)
                .filter(|p| str_of(vm, p[0]) != Some("metaclass"))
                .flatten()
                .copied()
                .collect();
            crate::attr::new_class_kw(vm, name, bases, ns, &class_kw)?
        }
    };
    if cell.is_obj() && kind_of(cell) == Kind::Cell {
        crate::obj::func::cell_ref(cell).value.set(cls);
    }
    Ok(cls)
}

pub static BUILD_CLASS: NativeFn = NativeFn::new(q::__build_class__, bi_build_class);

// ---- constructors of builtin types ----

/// Call of a builtin type: `int(x)`, `list(it)`, `type(x)`, exception classes, ...
pub fn construct(
    vm: &mut Vm,
    t: &'static TypeObj,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    let a = Args { pos: args, kw };
    if t.kind == Kind::Exception {
        let e = crate::obj::exc::new_exception_args(vm, t, args)?;
        return Ok(e);
    }
    let tname = vm.qstr_str(t.name);
    match t.kind {
        Kind::Type => {
            if args.len() == 1 {
                return Ok(type_of(args[0]).as_value());
            }
            if args.len() == 3 {
                // Checked here: new_class reads the bases as a tuple and copies a real dict.
                if !list::is_tuple(args[1]) {
                    return Err(vm.type_error("type() argument 2 must be tuple"));
                }
                if !map::is_dict(args[2]) {
                    return Err(vm.type_error("type() argument 3 must be dict"));
                }
                let name = string::to_qstr(vm, args[0])?;
                let ns = map::map_copy(vm, args[2], &DICT_TYPE)?;
                return crate::attr::new_class(vm, name, args[1], ns);
            }
            Err(vm.type_error("type() takes 1 or 3 arguments"))
        }
        Kind::Object => {
            if !args.is_empty() {
                return Err(vm.type_error("object() takes no arguments"));
            }
            crate::attr::new_instance(vm, t)
        }
        Kind::NoneType => Ok(Value::NONE),
        Kind::Bool => {
            nargs(vm, &a, 0, 1, "bool")?;
            match args.first() {
                Some(&v) => Ok(Value::from_bool(ops::truthy(vm, v)?)),
                None => Ok(Value::FALSE),
            }
        }
        Kind::Int => construct_int(vm, &a),
        #[cfg(feature = "float")]
        Kind::Float => construct_float(vm, &a),
        #[cfg(feature = "complex")]
        Kind::Complex => crate::obj::complex::construct(vm, &a),
        Kind::Str => {
            if args.is_empty() {
                return Ok(Value::from_qstr(q::empty));
            }
            if args.len() >= 2 || !kw.is_empty() {
                if let Some(b) = string::bytes_of(args[0]) {
                    return string::decode_utf8(vm, b);
                }
                return Err(vm.type_error("decoding to str: need a bytes-like object"));
            }
            let r = ops::str(vm, args[0])?;
            if string::is_str_type(r) {
                return Ok(r);
            }
            // `str(x)` of a str-subclass instance is a plain str.
            let text = str_of(vm, r).unwrap_or("");
            string::new_str(vm, text)
        }
        Kind::Bytes | Kind::ByteArray => {
            let bytes: Vec<u8> = match args.first() {
                None => Vec::new(),
                Some(&v) => {
                    if let Some(s) = str_of(vm, v) {
                        if args.len() < 2 {
                            return Err(vm.type_error("string argument without an encoding"));
                        }
                        Vec::from(s.as_bytes())
                    } else if let Some(n) = small_of(v) {
                        if n < 0 {
                            return Err(vm.value_error("negative count"));
                        }
                        vm.check_alloc_size(1, n as usize)?;
                        alloc::vec![0u8; n as usize]
                    } else if crate::obj::num::is_bigint(v) {
                        return Err(
                            vm.overflow_error("cannot fit 'int' into an index-sized integer")
                        );
                    } else {
                        string::bytes_from(vm, v)?
                    }
                }
            };
            if t.kind == Kind::Bytes {
                string::new_bytes(vm, &bytes)
            } else {
                string::new_bytearray(vm, &bytes)
            }
        }
        Kind::Tuple => match args.first() {
            None => Ok(list::empty_tuple()),
            // Exact tuples are immutable and returned as is; subclasses (namedtuples) are copied.
            Some(&v) if core::ptr::eq(type_of(v), &TUPLE_TYPE) => Ok(v),
            Some(&v) if list::is_tuple(v) => new_tuple(vm, tuple_items(v)),
            Some(&v) => {
                let l = ops::collect_iterable(vm, v)?;
                new_tuple(vm, list_items(l))
            }
        },
        Kind::List => match args.first() {
            None => new_list(vm, &[]),
            Some(&v) => ops::collect_iterable(vm, v),
        },
        Kind::Dict => {
            let d = map::new_dict(vm)?;
            if let Some(&v) = args.first() {
                ops::dict_update(vm, d, v)?;
            }
            for p in kw.chunks(2) {
                map::map_set(vm, d, p[0], p[1])?;
            }
            Ok(d)
        }
        Kind::Set | Kind::FrozenSet => {
            let s = if t.kind == Kind::Set {
                map::new_set(vm)?
            } else {
                map::new_frozenset(vm)?
            };
            if let Some(&v) = args.first() {
                ops::set_update(vm, s, v)?;
            }
            Ok(s)
        }
        Kind::Range => {
            nargs(vm, &a, 1, 3, "range")?;
            let mut v = [0isize; 3];
            for (i, &x) in args.iter().enumerate() {
                // Bounds are machine words, as in MicroPython (CPython ranges take big ints).
                #[cfg(feature = "bigint")]
                if num::is_bigint(x)
                    && to_big(x)
                        .and_then(|b| b.to_i64())
                        .is_none_or(|n| isize::try_from(n).is_err())
                {
                    return Err(vm.overflow_error("overflow converting long int to machine word"));
                }
                v[i] = ops::to_index(vm, x)?;
            }
            let (start, stop, step) = match args.len() {
                1 => (0, v[0], 1),
                2 => (v[0], v[1], 1),
                _ => (v[0], v[1], v[2]),
            };
            if step == 0 {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            crate::obj::misc::new_range(vm, start, stop, step)
        }
        Kind::Slice => {
            nargs(vm, &a, 1, 3, "slice")?;
            let (start, stop, step) = match args.len() {
                1 => (Value::NONE, args[0], Value::NONE),
                2 => (args[0], args[1], Value::NONE),
                _ => (args[0], args[1], args[2]),
            };
            crate::obj::misc::new_slice(vm, start, stop, step)
        }
        Kind::Property => {
            let get = |i: usize, name: &str| {
                args.get(i)
                    .copied()
                    .or_else(|| kwarg(vm, &a, name))
                    .unwrap_or(Value::NONE)
            };
            let (g, s, d) = (get(0, "fget"), get(1, "fset"), get(2, "fdel"));
            crate::obj::misc::new_property(vm, g, s, d)
        }
        Kind::StaticMethod | Kind::ClassMethod => {
            nargs(vm, &a, 1, 1, tname)?;
            crate::obj::misc::new_wrapper(vm, t.kind == Kind::ClassMethod, args[0])
        }
        Kind::Native => {
            // Native types construct through their `__new__(type, *args, **kw)` method.
            match t.methods.iter().find(|(n, _)| *n == q::__new__) {
                Some((_, f)) => {
                    crate::call::call_with_self(vm, f.as_value(), t.as_value(), args, kw)
                }
                None => Err(crate::obj::exc::type_error_from(
                    vm,
                    &["cannot create '", tname, "' instances"],
                )),
            }
        }
        #[cfg(feature = "extra-builtins")]
        Kind::MemoryView => match args {
            [v] if kw.is_empty() => string::new_memoryview(vm, *v),
            _ => Err(vm.type_error("memoryview() takes exactly one argument")),
        },
        Kind::Super => {
            if args.len() == 2 {
                return crate::obj::misc::new_super(vm, args[0], args[1]);
            }
            Err(vm.new_error(&RUNTIME_ERROR_TYPE, "super(): no arguments"))
        }
        _ => Err(crate::obj::exc::type_error_from(
            vm,
            &["cannot create '", tname, "' instances"],
        )),
    }
}

fn construct_int(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = a.pos.get(1).copied().or_else(|| kwarg(vm, a, "base"));
    let Some(&v) = a.pos.first() else {
        return Ok(Value::small_int(0));
    };
    let is_text = string::is_str(v) || string::bytes_of(v).is_some();
    let base = match base {
        Some(b) => ops::to_index(vm, b)? as u32,
        None if !is_text => return int_of_number(vm, v),
        None => 10,
    };
    // Copied out of the object: parsing may allocate (the result, an error message).
    let text = match str_of(vm, v) {
        Some(s) => String::from(s),
        None => match string::bytes_of(v) {
            Some(b) => crate::utf8_lossy::decode(b),
            None => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        },
    };
    num::int_from_str(vm, &text, base)
}

/// `int(v)` of a value that is not text: ints, floats, `__int__` / `__index__`.
fn int_of_number(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if num::is_int(v) {
        if v.is_bool() {
            return Ok(Value::small_int((v == Value::TRUE) as isize));
        }
        if type_of(v).is_heap() {
            // An int-subclass instance: a plain (normalised) int of the same value.
            return num::int_plain(vm, v).unwrap_or(Ok(v));
        }
        return Ok(v);
    }
    #[cfg(feature = "float")]
    if is_float(v) {
        let b = crate::bigint::BigInt::from_f64(float_of(v)).map_err(|e| num::num_error(vm, e))?;
        return num::int_from_big(vm, b);
    }
    if type_of(v).is_heap() {
        if let Some(r) = crate::attr::call_special(vm, v, q::__int__, &[])? {
            return Ok(r);
        }
        if let Some(r) = crate::attr::call_special(vm, v, q::__index__, &[])? {
            return Ok(r);
        }
    }
    let tname = vm.type_name(v);
    Err(crate::obj::exc::type_error_from(
        vm,
        &[
            "int() argument must be a string, a bytes-like object or a number, not '",
            tname,
            "'",
        ],
    ))
}

#[cfg(feature = "float")]
fn construct_float(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(&v) = a.pos.first() else {
        return num::new_float(vm, 0.0);
    };
    if is_float(v) {
        return Ok(v);
    }
    if let Some(x) = num::as_f64(vm, v)? {
        return num::new_float(vm, x);
    }
    let text = match str_of(vm, v) {
        Some(s) => Some(String::from(s)),
        None => string::bytes_of(v).map(crate::utf8_lossy::decode),
    };
    if let Some(t) = text {
        return match crate::numfmt::parse_float(&t) {
            Some(x) => num::new_float(vm, x),
            None => {
                let mut r = String::new();
                string::repr_str(&t, &mut r);
                Err(vm.error_from_parts(
                    &VALUE_ERROR_TYPE,
                    &["could not convert string to float: ", &r],
                ))
            }
        };
    }
    if type_of(v).is_heap() {
        if let Some(r) = crate::attr::call_special(vm, v, q::__float__, &[])? {
            return Ok(r);
        }
    }
    let tname = vm.type_name(v);
    Err(crate::obj::exc::type_error_from(
        vm,
        &[
            "float() argument must be a string or a number, not '",
            tname,
            "'",
        ],
    ))
}

/// `format(value, spec='')`: the value's `__format__`, as f-strings and `str.format` use it.
fn bi_format(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (&v, spec) = match args.pos {
        [v] => (v, Value::NULL),
        [v, spec] if crate::obj::string::is_str(*spec) => (v, *spec),
        [_, spec] => {
            let tname = vm.type_name(*spec);
            return Err(crate::obj::exc::type_error_from(
                vm,
                &["format() argument 2 must be str, not ", tname],
            ));
        }
        _ => return Err(vm.type_error("format expected 1 or 2 arguments")),
    };
    crate::format::format_value(vm, v, 0, spec)
}

// ---- the namespace ----

macro_rules! builtin_fns {
    ($( $(#[$a:meta])* $name:ident => $f:ident ),* $(,)?) => {
        &[ $( $(#[$a])* (q::$name, &NativeFn::new(q::$name, $f)) ),* ]
    };
}

static BUILTIN_FNS: &[(Qstr, &NativeFn)] = builtin_fns![
    print => bi_print, len => bi_len, repr => bi_repr, isinstance => bi_isinstance,
    issubclass => bi_issubclass, id => bi_id, hash => bi_hash, callable => bi_callable,
    getattr => bi_getattr, setattr => bi_setattr, hasattr => bi_hasattr, delattr => bi_delattr,
    abs => bi_abs, divmod => bi_divmod, pow => bi_pow, round => bi_round, bin => bi_bin,
    oct => bi_oct, hex => bi_hex, chr => bi_chr, ord => bi_ord, iter => bi_iter, next => bi_next,
    enumerate => bi_enumerate, zip => bi_zip, map => bi_map, filter => bi_filter,
    reversed => bi_reversed, sorted => bi_sorted, min => bi_min, max => bi_max, sum => bi_sum,
    all => bi_all, any => bi_any, globals => bi_globals, locals => bi_locals, dir => bi_dir,
    exec => bi_exec, eval => bi_eval,
    #[cfg(feature = "extra-builtins")] compile => bi_compile,
    __import__ => bi_import,
    #[cfg(feature = "extra-builtins")] input => bi_input,
    vars => bi_vars, __build_class__ => bi_build_class, format => bi_format,
];

static BUILTIN_TYPES: &[&TypeObj] = &[
    &TYPE_TYPE,
    &OBJECT_TYPE,
    &INT_TYPE,
    &BOOL_TYPE,
    #[cfg(feature = "float")]
    &FLOAT_TYPE,
    #[cfg(feature = "complex")]
    &COMPLEX_TYPE,
    &STR_TYPE,
    &BYTES_TYPE,
    &BYTEARRAY_TYPE,
    &TUPLE_TYPE,
    &LIST_TYPE,
    &DICT_TYPE,
    &SET_TYPE,
    &FROZENSET_TYPE,
    &RANGE_TYPE,
    &SLICE_TYPE,
    &PROPERTY_TYPE,
    &STATICMETHOD_TYPE,
    &CLASSMETHOD_TYPE,
    &SUPER_TYPE,
    #[cfg(feature = "extra-builtins")]
    &MEMORYVIEW_TYPE,
];

pub fn make_builtins_dict(vm: &mut Vm) -> PyResult<Value> {
    let d = map::new_dict(vm)?;
    for (name, f) in BUILTIN_FNS {
        map_set_qstr(vm, d, *name, f.as_value())?;
    }
    for t in BUILTIN_TYPES.iter().chain(BUILTIN_EXCEPTIONS.iter()) {
        map_set_qstr(vm, d, t.name, t.as_value())?;
    }
    // One object for `open` and `io.open`, as in MicroPython.
    #[cfg(feature = "vfs")]
    map_set_qstr(vm, d, q::open, crate::obj::file::OPEN.as_value())?;
    // Without it, as MicroPython's builds without MICROPY_PY_BUILTINS_HELP: a NameError.
    #[cfg(feature = "repl-extras")]
    map_set_qstr(vm, d, q::help, crate::help::HELP.as_value())?;
    map_set_qstr(vm, d, q::NotImplemented, Value::NOT_IMPLEMENTED)?;
    map_set_qstr(vm, d, q::Ellipsis, Value::ELLIPSIS)?;
    map_set_qstr(vm, d, q::EnvironmentError, OS_ERROR_TYPE.as_value())?;
    map_set_qstr(vm, d, q::IOError, OS_ERROR_TYPE.as_value())?;
    map_set_qstr(vm, d, q::__name__, Value::from_qstr(q::builtins))?;
    Ok(d)
}

/// `is_subtype` re-export for modules.
pub fn isinstance_of(v: Value, t: &TypeObj) -> bool {
    is_subtype(type_of(v), t)
}

/// Register the `builtins` module in `sys.modules` (first `import builtins`): a module object
/// over the interpreter's builtins dict itself, so `builtins.x = ...` is seen by every lookup.
pub fn ensure_builtins_module(vm: &mut Vm) -> PyResult<()> {
    let key = Value::from_qstr(q::builtins);
    if map::map_get(vm, vm.modules, key)?.is_some() {
        return Ok(());
    }
    let m = vm.alloc_obj(
        crate::obj::misc::ModuleObj {
            header: crate::vm::header(&MODULE_TYPE),
            name: q::builtins,
            dict: vm.builtins,
        },
        0,
    )?;
    map::map_set(vm, vm.modules, key, m)
}
