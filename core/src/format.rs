//! Formatting values: `format()`, f-string fields, `str.format` and `%`. The number and spec
//! logic is in `numfmt.rs` (pure functions); this module matches values to it.

use crate::numfmt::{self, FmtError, FmtErrorKind, FormatSpec, PercentCount, PercentSpec};
use crate::obj::list::{self, tuple_items};
use crate::obj::map;
use crate::obj::num::small_of;
#[cfg(feature = "float")]
use crate::obj::num::{float_of, is_float};
use crate::obj::string::{self, str_of};
use crate::obj::types::*;
use crate::obj::{kind_of, type_of, Kind};
use crate::ops;
use crate::qstr::q;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::string::String;

fn fmt_error(vm: &mut Vm, e: FmtError, v: Value) -> PyErr {
    let tname = vm.type_name(v);
    let msg = e.message(tname);
    let ty = match e.kind() {
        FmtErrorKind::MemoryError => return vm.memory_error_now(),
        FmtErrorKind::ValueError => &VALUE_ERROR_TYPE,
        FmtErrorKind::OverflowError => &OVERFLOW_ERROR_TYPE,
        FmtErrorKind::TypeError => &TYPE_ERROR_TYPE,
    };
    vm.new_error(ty, &msg)
}

/// `format(v, spec)`.
pub fn format_with_spec(vm: &mut Vm, v: Value, spec: &str, out: &mut String) -> PyResult<()> {
    if v.is_obj() && type_of(v).is_heap() {
        if let Some(r) = crate::attr::lookup_special(vm, v, q::__format__) {
            if !(r.is_obj() && kind_of(r) == Kind::NativeFunction) {
                let s = vm.new_str(spec)?;
                let r = crate::attr::call_bound(vm, r, v, &[s])?;
                out.push_str(string::expect_str(vm, r, "__format__ result")?);
                return Ok(());
            }
        }
    }
    if spec.is_empty() {
        return ops::str_into(vm, v, out);
    }
    let parsed = FormatSpec::parse(spec).map_err(|e| fmt_error(vm, e, v))?;
    #[cfg(feature = "complex")]
    if crate::obj::complex::is_complex(v) {
        let s = crate::obj::complex::format(vm, v, &parsed)?;
        out.push_str(&s);
        return Ok(());
    }
    let s = if v.is_bool() {
        // bool formats as the int it is once there is a spec (`format(True, ">3")` is "  1").
        numfmt::format_int_i64((v == Value::TRUE) as i64, &parsed)
    } else if let Some(r) = format_int(v, &parsed) {
        r
    } else if let Some(s) = format_if_float(v, &parsed) {
        s
    } else if let Some(t) = str_of(vm, v) {
        numfmt::format_str(t, &parsed)
    } else {
        let tname = vm.type_name(v);
        return Err(crate::obj::exc::type_error_from(
            vm,
            &["unsupported format string passed to ", tname, ".__format__"],
        ));
    };
    out.push_str(&s.map_err(|e| fmt_error(vm, e, v))?);
    Ok(())
}

/// `format(v, spec)` when `v` is a float; None for other values.
#[cfg(feature = "float")]
fn format_if_float(v: Value, spec: &numfmt::FormatSpec) -> Option<Result<String, FmtError>> {
    is_float(v).then(|| numfmt::format_float(float_of(v), spec))
}

#[cfg(not(feature = "float"))]
fn format_if_float(_: Value, _: &numfmt::FormatSpec) -> Option<Result<String, FmtError>> {
    None
}

/// An f-string field: conversion (0 none, 1 str, 2 repr, 3 ascii) then format spec.
pub fn format_value(vm: &mut Vm, v: Value, conv: u8, spec: Value) -> PyResult<Value> {
    let v = match conv {
        1 => ops::str(vm, v)?,
        2 | 3 => ops::repr(vm, v)?,
        _ => v,
    };
    let spec = if spec.is_null() {
        ""
    } else {
        str_of(vm, spec).unwrap_or("")
    };
    if spec.is_empty() && string::is_str(v) {
        return Ok(v);
    }
    let mut out = String::new();
    format_with_spec(vm, v, spec, &mut out)?;
    vm.new_string(out)
}

/// `fmt.format(*args, **kw)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut auto = 0usize;
    let mut manual = false;
    let out = str_format_impl(vm, fmt, args, kw, &mut auto, &mut manual)?;
    vm.new_string(out)
}

/// The body of `str.format`: `auto`/`manual` carry the field numbering state into nested
/// spec fields (`"{:{}}"` takes the next automatic argument for the width).
fn str_format_impl(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kw: &[Value],
    auto: &mut usize,
    manual: &mut bool,
) -> PyResult<String> {
    let mut out = String::new();
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'}' {
            if b.get(i + 1) == Some(&b'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != b'{' {
            let start = i;
            while i < b.len() && b[i] != b'{' && b[i] != b'}' {
                i += 1;
            }
            out.push_str(&fmt[start..i]);
            continue;
        }
        if b.get(i + 1) == Some(&b'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the matching '}' (nested fields allowed in the spec).
        let start = i + 1;
        let mut depth = 1;
        let mut j = start;
        while j < b.len() && depth > 0 {
            match b[j] {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        if depth != 0 {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        let field = &fmt[start..j - 1];
        i = j;
        let (head, spec) = match find_byte(field, b":") {
            Some(k) => (&field[..k], &field[k + 1..]),
            None => (field, ""),
        };
        let (name, conv) = match find_byte(head, b"!") {
            Some(k) => (&head[..k], Some(&head[k + 1..])),
            None => (head, None),
        };
        // First part of the name selects the argument.
        let first_end = find_byte(name, b".[").unwrap_or(name.len());
        let key = &name[..first_end];
        let mut v = if key.is_empty() {
            if *manual {
                return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let v = *args
                .get(*auto)
                .ok_or_else(|| vm.index_error("tuple index out of range"))?;
            *auto += 1;
            v
        } else if let Some(n) = parse_index(key, false) {
            if *auto > 0 {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            *manual = true;
            *args
                .get(n as usize)
                .ok_or_else(|| vm.index_error("tuple index out of range"))?
        } else {
            match kw.chunks(2).find(|p| str_of(vm, p[0]) == Some(key)) {
                Some(p) => p[1],
                None => {
                    let k = vm.new_str(key)?;
                    return Err(vm.key_error(k));
                }
            }
        };
        // Attribute and index accessors.
        let mut rest = &name[first_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = find_byte(r, b".[").unwrap_or(r.len());
                let attr = vm.intern(&r[..end])?;
                v = crate::attr::getattr(vm, v, attr)?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = find_byte(r, b"]")
                    .ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
                let idx = &r[..end];
                let k = match parse_index(idx, true) {
                    Some(n) => Value::small_int(n as isize),
                    None => vm.new_str(idx)?,
                };
                v = ops::getitem(vm, v, k)?;
                rest = &r[end + 1..];
            } else {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
        v = match conv {
            None => v,
            Some("r") | Some("a") => ops::repr(vm, v)?,
            Some("s") => ops::str(vm, v)?,
            Some(_) => return Err(vm.value_error("Unknown conversion specifier")),
        };
        // Nested fields inside the spec.
        let spec = if spec.contains('{') {
            str_format_impl(vm, spec, args, kw, auto, manual)?
        } else {
            String::from(spec)
        };
        format_with_spec(vm, v, &spec, &mut out)?;
    }
    Ok(out)
}

/// The byte index of the first of the ASCII bytes `set` in `s` (a char boundary).
fn find_byte(s: &str, set: &[u8]) -> Option<usize> {
    s.bytes().position(|b| set.contains(&b))
}

/// A field name or index that is a number, as Rust's `usize` / `isize` (`signed`) parse reads
/// it: an optional sign ('+', or '-' when signed), then only digits, within range.
fn parse_index(s: &str, signed: bool) -> Option<i64> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'+') => (false, &s.as_bytes()[1..]),
        Some(b'-') if signed => (true, &s.as_bytes()[1..]),
        _ => (false, s.as_bytes()),
    };
    let limit = if signed {
        isize::MAX as usize + neg as usize
    } else {
        usize::MAX
    };
    let mut pos = 0;
    let n = numfmt::parse_digits(digits, &mut pos, limit).ok()??;
    if pos != digits.len() {
        return None;
    }
    Some(if neg {
        (n as i64).wrapping_neg()
    } else {
        n as i64
    })
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: Value) -> PyResult<Value> {
    let out = percent_format_impl(vm, fmt, args, false)?;
    vm.new_string(out)
}

/// `bytes % args`: formatted on a Latin-1 view of the bytes (one char per byte), where `%s`
/// takes bytes-like arguments as raw bytes, then encoded back.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: Value) -> PyResult<Value> {
    let f: String = fmt.iter().map(|&c| c as char).collect();
    let out = percent_format_impl(vm, &f, args, true)?;
    // Chars above 0xff can only come from %c with a large code: CPython rejects them too.
    let mut b = alloc::vec::Vec::with_capacity(out.len());
    for c in out.chars() {
        if c as u32 > 0xff {
            return Err(vm.value_error("%c arg not in range(256)"));
        }
        b.push(c as u8);
    }
    crate::obj::string::new_bytes(vm, &b)
}

/// `format(v, spec)` of an int; None for other values.
fn format_int(v: Value, spec: &numfmt::FormatSpec) -> Option<Result<String, numfmt::FmtError>> {
    if let Some(i) = small_of(v) {
        return Some(numfmt::format_int_i64(i, spec));
    }
    #[cfg(feature = "bigint")]
    if let Some(b) = crate::obj::num::to_big(v) {
        return Some(numfmt::format_bigint(&b, spec));
    }
    None
}

/// `%d`-style formatting of an int; None for other values.
fn percent_format_int(v: Value, spec: &numfmt::PercentSpec) -> Option<String> {
    if let Some(i) = small_of(v) {
        return Some(numfmt::percent_format_i64(i, spec));
    }
    #[cfg(feature = "bigint")]
    if let Some(b) = crate::obj::num::to_big(v) {
        return Some(numfmt::percent_format_bigint(&b, spec));
    }
    None
}

/// `%d` / `%i` / `%u` of a float, truncated to an int (not for `int_only` conversions); None
/// for other values.
#[cfg(feature = "float")]
fn percent_format_float_as_int(
    vm: &mut Vm,
    v: Value,
    spec: &numfmt::PercentSpec,
    int_only: bool,
) -> Option<PyResult<String>> {
    if !is_float(v) || int_only {
        return None;
    }
    Some(
        crate::bigint::BigInt::from_f64(float_of(v))
            .map(|b| numfmt::percent_format_bigint(&b, spec))
            .map_err(|e| crate::obj::num::num_error(vm, e)),
    )
}

#[cfg(not(feature = "float"))]
fn percent_format_float_as_int(
    _: &mut Vm,
    _: Value,
    _: &numfmt::PercentSpec,
    _: bool,
) -> Option<PyResult<String>> {
    None
}

fn percent_format_impl(vm: &mut Vm, fmt: &str, args: Value, bytes: bool) -> PyResult<String> {
    let is_mapping = map::is_dict(args);
    let items: &[Value] = if list::is_tuple(args) {
        tuple_items(args)
    } else {
        core::slice::from_ref(&args)
    };
    let mut next_arg = 0usize;
    let mut out = String::new();
    let mut i = 0;
    let b = fmt.as_bytes();
    while i < b.len() {
        if b[i] != b'%' {
            let start = i;
            while i < b.len() && b[i] != b'%' {
                i += 1;
            }
            out.push_str(&fmt[start..i]);
            continue;
        }
        let (mut spec, end) = PercentSpec::parse(fmt, i).map_err(|e| fmt_error(vm, e, args))?;
        i = end;
        if spec.conv == '%' {
            out.push('%');
            continue;
        }
        let has_key = spec.key.is_some();
        let mut take = |vm: &mut Vm| -> PyResult<Value> {
            if is_mapping && !has_key {
                return Ok(args);
            }
            let v = items.get(next_arg).copied();
            next_arg += 1;
            v.ok_or_else(|| fmt_error(vm, FmtError::NotEnoughArguments, args))
        };
        if spec.width == Some(PercentCount::Star) {
            let w = take(vm)?;
            let w = small_of(w).ok_or_else(|| fmt_error(vm, FmtError::StarWantsInt, w))?;
            if w.unsigned_abs() > crate::numfmt::MAX_FIELD_WIDTH as u64 {
                return Err(vm.memory_error_now());
            }
            spec.set_star_width(w);
        }
        if spec.precision == Some(PercentCount::Star) {
            let p = take(vm)?;
            let p = small_of(p).ok_or_else(|| fmt_error(vm, FmtError::StarWantsInt, p))?;
            spec.set_star_precision(p);
        }
        let v = match spec.key {
            Some(k) => {
                let heap_mapping = args.is_obj() && type_of(args).is_heap();
                if !(is_mapping || heap_mapping) {
                    return Err(fmt_error(vm, FmtError::RequiresMapping, args));
                }
                let key = vm.new_str(k)?;
                ops::getitem(vm, args, key)?
            }
            None => take(vm)?,
        };
        let s = match spec.conv {
            's' if bytes => match crate::obj::string::bytes_of(v) {
                Some(raw) => {
                    let t: String = raw.iter().map(|&c| c as char).collect();
                    numfmt::percent_format_str(&t, &spec)
                }
                None => {
                    let tname = vm.type_name(v);
                    return Err(crate::obj::exc::type_error_from(
                        vm,
                        &[
                            "%b requires a bytes-like object, or an object that implements \
                             __bytes__, not '",
                            tname,
                            "'",
                        ],
                    ));
                }
            },
            's' | 'r' | 'a' => {
                let sv = if spec.conv == 's' {
                    ops::str(vm, v)?
                } else {
                    ops::repr(vm, v)?
                };
                numfmt::percent_format_str(str_of(vm, sv).unwrap_or(""), &spec)
            }
            'c' => {
                if let Some(i) = small_of(v) {
                    let c = numfmt::char_from_code(i).map_err(|e| fmt_error(vm, e, v))?;
                    numfmt::percent_format_char(c, &spec)
                } else if let Some(t) = str_of(vm, v).filter(|t| t.chars().count() == 1) {
                    numfmt::percent_format_char(t.chars().next().unwrap_or(' '), &spec)
                } else if crate::obj::num::is_bigint(v) {
                    return Err(fmt_error(vm, FmtError::CharOutOfRange, v));
                } else if let Some(&[byte]) = crate::obj::string::bytes_of(v).filter(|_| bytes) {
                    // bytes formatting takes a one-byte bytes object too (`b"%c" % b"z"`).
                    numfmt::percent_format_char(byte as char, &spec)
                } else {
                    return Err(fmt_error(vm, FmtError::CharRequiresIntOrChar, v));
                }
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let int_only = matches!(spec.conv, 'o' | 'x' | 'X');
                if let Some(s) = percent_format_int(v, &spec) {
                    s
                } else if let Some(s) = percent_format_float_as_int(vm, v, &spec, int_only) {
                    s?
                } else if int_only {
                    return Err(fmt_error(vm, FmtError::IntegerRequired(spec.conv), v));
                } else {
                    return Err(fmt_error(vm, FmtError::RealNumberRequired(spec.conv), v));
                }
            }
            #[cfg(feature = "float")]
            _ => match crate::obj::num::as_f64(vm, v)? {
                Some(_) if spec.float_precision_too_big() => {
                    return Err(fmt_error(vm, FmtError::PrecisionTooBig, v));
                }
                Some(x) => numfmt::percent_format_f64(x, &spec),
                None => return Err(fmt_error(vm, FmtError::FloatRequired, v)),
            },
            // Not reached: without floats `PercentSpec::parse` rejects `%e %f %g`.
            #[cfg(not(feature = "float"))]
            _ => return Err(fmt_error(vm, FmtError::FloatRequired, v)),
        };
        out.push_str(&s);
    }
    if !is_mapping
        && next_arg < items.len()
        && !(args.is_obj() && type_of(args).is_heap() && !list::is_tuple(args))
    {
        return Err(fmt_error(vm, FmtError::NotAllConverted, args));
    }
    Ok(out)
}
