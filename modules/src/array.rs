//! `array`: compact arrays of numbers, `array(typecode[, initializer])` with typecodes
//! `b B h H i I l L q Q f d` (native byte order; `l`/`L` are a machine word).
//!
//! `array` is a class built at import with the core's class machinery; an instance keeps its
//! `typecode` and its raw contents in a bytearray (`_data`) in the instance dict, so the GC
//! sees only ordinary objects. Integers are truncated to the item width (MicroPython's
//! behaviour). `bytes(arr)` needs buffer-protocol support in the core; `tobytes()` works.

use crate::check_args;
use mpy_core::attr::{instance_dict, new_class, new_instance};
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{list_append, new_list, new_tuple};
use mpy_core::obj::map::{map_get_qstr, map_set_qstr, new_dict};
use mpy_core::obj::misc::{new_wrapper, slice_indices};
#[cfg(feature = "float")]
use mpy_core::obj::num::{as_f64, new_float};
use mpy_core::obj::num::{int_from_i64, int_from_u64, int_low_bits, is_float};
use mpy_core::obj::string::{
    bytearray_push, bytearray_set, bytes_of, new_bytearray, new_bytes, str_of,
};
use mpy_core::obj::{kind_of, type_ref, Args, Kind, NativeFn};
use mpy_core::ops::{iter, next, repr_into, to_index};
use mpy_core::qstr::{q, Qstr};
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

/// Item size of a typecode (None: not a valid typecode).
fn item_size(code: u8) -> Option<usize> {
    Some(match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' => 4,
        b'l' | b'L' => core::mem::size_of::<usize>(),
        b'q' | b'Q' => 8,
        // Float typecodes only with floats (as MicroPython).
        #[cfg(feature = "float")]
        b'f' => 4,
        #[cfg(feature = "float")]
        b'd' => 8,
        _ => return None,
    })
}

/// An array instance's typecode and data bytearray.
fn parts(vm: &mut Vm, a: Value) -> PyResult<(u8, Value)> {
    if let Some(d) = instance_dict(a).filter(|_| kind_of(a) == Kind::Object) {
        let code = map_get_qstr(vm, d, q::typecode).and_then(|c| str_of(vm, c));
        let data = map_get_qstr(vm, d, q::_data).filter(|v| kind_of(*v) == Kind::ByteArray);
        if let (Some(c), Some(data)) = (code, data) {
            if let Some(&c) = c.as_bytes().first() {
                return Ok((c, data));
            }
        }
    }
    let msg = alloc::format!("expected an array, not '{}'", vm.type_name(a));
    Err(vm.type_error(&msg))
}

/// Encode `v` as one item of `code` (native byte order) into `out`.
fn encode(vm: &mut Vm, code: u8, v: Value, out: &mut [u8]) -> PyResult<()> {
    let size = out.len();
    let bits: u64 = match code {
        #[cfg(feature = "float")]
        b'f' | b'd' => {
            let Some(x) = as_f64(vm, v)? else {
                let msg = alloc::format!("must be real number, not {}", vm.type_name(v));
                return Err(vm.type_error(&msg));
            };
            if code == b'f' {
                (x as f32).to_bits() as u64
            } else {
                x.to_bits()
            }
        }
        _ => {
            if is_float(v) {
                return Err(vm.type_error("integer argument expected, got float"));
            }
            match int_low_bits(v) {
                Some(bits) => bits,
                None => {
                    let msg = alloc::format!("can't convert {} to int", vm.type_name(v));
                    return Err(vm.type_error(&msg));
                }
            }
        }
    };
    let ne = bits.to_ne_bytes();
    if cfg!(target_endian = "little") {
        out.copy_from_slice(&ne[..size]);
    } else {
        out.copy_from_slice(&ne[8 - size..]);
    }
    Ok(())
}

/// Decode one item of `code` from `b` (its size).
fn decode(vm: &mut Vm, code: u8, b: &[u8]) -> PyResult<Value> {
    let size = b.len();
    let mut ne = [0u8; 8];
    if cfg!(target_endian = "little") {
        ne[..size].copy_from_slice(b);
    } else {
        ne[8 - size..].copy_from_slice(b);
    }
    let bits = u64::from_ne_bytes(ne);
    match code {
        #[cfg(feature = "float")]
        b'f' => new_float(vm, f32::from_bits(bits as u32) as f64),
        #[cfg(feature = "float")]
        b'd' => new_float(vm, f64::from_bits(bits)),
        b'b' | b'h' | b'i' | b'l' | b'q' => {
            let shift = 64 - 8 * size as u32;
            int_from_i64(vm, ((bits << shift) as i64) >> shift)
        }
        _ => int_from_u64(vm, bits),
    }
}

fn push(vm: &mut Vm, code: u8, data: Value, v: Value) -> PyResult<()> {
    let mut buf = [0u8; 8];
    let size = item_size(code).unwrap_or(1);
    encode(vm, code, v, &mut buf[..size])?;
    bytearray_push(vm, data, &buf[..size])
}

/// Append every item of `iterable` (or the raw contents of bytes/bytearray).
fn extend(vm: &mut Vm, code: u8, data: Value, iterable: Value) -> PyResult<()> {
    let size = item_size(code).unwrap_or(1);
    if matches!(kind_of(iterable), Kind::Bytes | Kind::ByteArray) && iterable.is_obj() {
        let raw = bytes_of(iterable).unwrap_or(&[]);
        if !raw.len().is_multiple_of(size) {
            return Err(vm.value_error("bytes length not a multiple of item size"));
        }
        // Copy first: `iterable` may be this array's own bytearray.
        let copy = new_bytes(vm, raw)?;
        return bytearray_push(vm, data, bytes_of(copy).unwrap_or(&[]));
    }
    let it = iter(vm, iterable)?;
    while let Some(v) = next(vm, it)? {
        push(vm, code, data, v)?;
    }
    Ok(())
}

/// `array(typecode[, initializer])`.
fn array_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 3, "array")?;
    let tc = args.pos[1];
    let code = match str_of(vm, tc) {
        Some(s) if s.len() == 1 && item_size(s.as_bytes()[0]).is_some() => s.as_bytes()[0],
        _ => {
            return Err(
                vm.value_error("bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f or d)")
            )
        }
    };
    let inst = new_instance(vm, type_ref(args.pos[0]))?;
    let Some(d) = instance_dict(inst) else {
        return Err(vm.type_error("array: bad class"));
    };
    let data = new_bytearray(vm, &[])?;
    map_set_qstr(vm, d, q::typecode, tc)?;
    map_set_qstr(vm, d, q::_data, data)?;
    if let Some(&init) = args.pos.get(2) {
        extend(vm, code, data, init)?;
    }
    Ok(inst)
}

fn count(code: u8, data: Value) -> usize {
    bytes_of(data).map_or(0, |b| b.len()) / item_size(code).unwrap_or(1)
}

fn array_len(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__len__")?;
    let (code, data) = parts(vm, args.pos[0])?;
    Ok(Value::small_int(count(code, data) as isize))
}

fn array_append(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "append")?;
    let (code, data) = parts(vm, args.pos[0])?;
    push(vm, code, data, args.pos[1])?;
    Ok(Value::NONE)
}

fn array_extend(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "extend")?;
    let (code, data) = parts(vm, args.pos[0])?;
    // Another array: its raw contents if the typecode matches, else its items.
    let src = match parts(vm, args.pos[1]) {
        Ok((c2, d2)) if c2 == code => d2,
        Ok((c2, _)) if c2 != code => {
            return Err(vm.type_error("can only extend with array of same kind"))
        }
        _ => args.pos[1],
    };
    extend(vm, code, data, src)?;
    Ok(Value::NONE)
}

fn index(vm: &mut Vm, i: Value, n: usize) -> PyResult<usize> {
    let i = to_index(vm, i)?;
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j as usize >= n {
        return Err(vm.index_error("array index out of range"));
    }
    Ok(j as usize)
}

fn array_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "__getitem__")?;
    let (code, data) = parts(vm, args.pos[0])?;
    let size = item_size(code).unwrap_or(1);
    let n = count(code, data);
    let idx = args.pos[1];
    if idx.is_obj() && kind_of(idx) == Kind::Slice {
        let (start, _, step, len) = slice_indices(vm, idx, n)?;
        let tc = Value::from_qstr(vm.intern(core::str::from_utf8(&[code]).unwrap_or("b"))?);
        let cls = mpy_core::obj::type_of(args.pos[0]).as_value();
        let out = array_new(vm, &Args::new(&[cls, tc]))?;
        let (_, odata) = parts(vm, out)?;
        for k in 0..len {
            let i = (start + k as isize * step) as usize;
            let raw = bytes_of(data).unwrap_or(&[]);
            let mut item = [0u8; 8];
            item[..size].copy_from_slice(&raw[i * size..(i + 1) * size]);
            bytearray_push(vm, odata, &item[..size])?;
        }
        return Ok(out);
    }
    let i = index(vm, idx, n)?;
    let raw = bytes_of(data).unwrap_or(&[]);
    decode(vm, code, &raw[i * size..(i + 1) * size])
}

fn array_setitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 3, 3, "__setitem__")?;
    let (code, data) = parts(vm, args.pos[0])?;
    let size = item_size(code).unwrap_or(1);
    let i = index(vm, args.pos[1], count(code, data))?;
    let mut buf = [0u8; 8];
    encode(vm, code, args.pos[2], &mut buf[..size])?;
    for (k, &b) in buf[..size].iter().enumerate() {
        bytearray_set(data, i * size + k, b);
    }
    Ok(Value::NONE)
}

/// The items as a list (iteration and repr go through it).
fn to_list(vm: &mut Vm, a: Value) -> PyResult<Value> {
    let (code, data) = parts(vm, a)?;
    let size = item_size(code).unwrap_or(1);
    let out = new_list(vm, &[])?;
    for i in 0..count(code, data) {
        let raw = bytes_of(data).unwrap_or(&[]);
        let v = decode(vm, code, &raw[i * size..(i + 1) * size])?;
        list_append(vm, out, v)?;
    }
    Ok(out)
}

/// Iterate over a snapshot of the items (like iterating a copy).
fn array_iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__iter__")?;
    let l = to_list(vm, args.pos[0])?;
    iter(vm, l)
}

fn array_tobytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "tobytes")?;
    let (_, data) = parts(vm, args.pos[0])?;
    let raw = bytes_of(data).unwrap_or(&[]);
    new_bytes(vm, raw)
}

/// `array('i', [1, 2])`; `array('i')` when empty (CPython's form).
fn array_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__repr__")?;
    let (code, data) = parts(vm, args.pos[0])?;
    let mut out = alloc::format!("array('{}'", code as char);
    if count(code, data) > 0 {
        out.push_str(", ");
        let l = to_list(vm, args.pos[0])?;
        repr_into(vm, l, &mut out)?;
    }
    out.push(')');
    vm.new_string(out)
}

/// Equality with another array: same items (typecodes may differ, as in CPython).
fn array_eq(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "__eq__")?;
    if parts(vm, args.pos[1]).is_err() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let a = to_list(vm, args.pos[0])?;
    let b = to_list(vm, args.pos[1])?;
    Ok(Value::from_bool(mpy_core::ops::eq(vm, a, b)?))
}

static ARRAY_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::append, &NativeFn::method(q::append, array_append)),
    (q::extend, &NativeFn::method(q::extend, array_extend)),
    (q::tobytes, &NativeFn::method(q::tobytes, array_tobytes)),
    (q::__len__, &NativeFn::method(q::__len__, array_len)),
    (
        q::__getitem__,
        &NativeFn::method(q::__getitem__, array_getitem),
    ),
    (
        q::__setitem__,
        &NativeFn::method(q::__setitem__, array_setitem),
    ),
    (q::__iter__, &NativeFn::method(q::__iter__, array_iter)),
    (q::__repr__, &NativeFn::method(q::__repr__, array_repr)),
    (q::__eq__, &NativeFn::method(q::__eq__, array_eq)),
];

static ARRAY_NEW: NativeFn = NativeFn::new(q::__new__, array_new);

/// Build the `array` class (once per import of the module).
fn make_array(vm: &mut Vm) -> PyResult<Value> {
    let dict = new_dict(vm)?;
    for (name, f) in ARRAY_METHODS {
        map_set_qstr(vm, dict, *name, f.as_value())?;
    }
    // A staticmethod: `call_class` calls a non-native `__new__` with the class first.
    let new = new_wrapper(vm, false, ARRAY_NEW.as_value())?;
    map_set_qstr(vm, dict, q::__new__, new)?;
    let bases = new_tuple(vm, &[])?;
    new_class(vm, q::array, bases, dict)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::array,
    members: &[(q::array, Member::Make(make_array))],
};
