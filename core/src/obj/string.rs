//! `str`, `bytes` and `bytearray`.
//!
//! A str is either a qstr (interned: names, short literals) or a `StrObj` in the heap: header,
//! cached hash, byte length, char length, then the UTF-8 bytes inline. `bytes` uses the same
//! layout. `bytearray` holds its bytes in a separate growable block (`ByteArrayObj`).

use super::{kind_of, obj, type_of, Args, Kind, NativeFn, ObjHeader};
use crate::obj::types::{BYTEARRAY_TYPE, BYTES_TYPE, MEMORYVIEW_TYPE, STR_TYPE};
use crate::qstr::{hash_bytes, q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

#[repr(C)]
pub struct StrObj {
    pub header: ObjHeader,
    pub hash: Cell<usize>,
    pub len: usize,
    pub char_len: usize,
    // followed by `len` bytes
}

#[repr(C)]
pub struct ByteArrayObj {
    pub header: ObjHeader,
    pub len: Cell<usize>,
    pub cap: Cell<usize>,
    pub data: Cell<*mut u8>,
}

fn data_ptr(o: &StrObj) -> *const u8 {
    // SAFETY: the bytes follow the StrObj header in the same allocation.
    unsafe { (o as *const StrObj).add(1) as *const u8 }
}

/// A new str with the text `s` (not interned).
pub fn new_str(vm: &mut Vm, s: &str) -> PyResult<Value> {
    if s.is_empty() {
        return Ok(Value::from_qstr(q::empty));
    }
    new_str_bytes(vm, &STR_TYPE, s.as_bytes(), s.chars().count())
}

/// Offset of the instance-dict slot of a str-subclass instance whose text is `len` bytes: the
/// first word boundary after the text.
pub fn str_dict_offset(len: usize) -> usize {
    let w = core::mem::size_of::<Value>();
    core::mem::size_of::<StrObj>() + len.div_ceil(w) * w
}

/// An instance of a Python subclass of str (type `ty`): the text, then the instance dict `dict`.
pub fn new_str_subclass(
    vm: &mut Vm,
    ty: &'static super::TypeObj,
    s: &str,
    dict: Value,
) -> PyResult<Value> {
    let off = str_dict_offset(s.len());
    let extra = off - core::mem::size_of::<StrObj>() + core::mem::size_of::<Value>();
    let header = ObjHeader { ty };
    let v = vm.alloc_obj(
        StrObj {
            header,
            hash: Cell::new(0),
            len: s.len(),
            char_len: s.chars().count(),
        },
        extra,
    )?;
    // SAFETY: the allocation has room for the text and, word-aligned after it, one Value.
    unsafe {
        let o = obj::<StrObj>(v);
        core::ptr::copy_nonoverlapping(s.as_ptr(), data_ptr(o) as *mut u8, s.len());
        (v.as_ptr::<u8>().add(off) as *mut Value).write(dict);
    }
    Ok(v)
}

pub fn new_bytes(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    new_str_bytes(vm, &BYTES_TYPE, b, b.len())
}

fn new_str_bytes(
    vm: &mut Vm,
    ty: &'static super::TypeObj,
    b: &[u8],
    char_len: usize,
) -> PyResult<Value> {
    let v = vm.alloc_obj(
        StrObj {
            header: header(ty),
            hash: Cell::new(0),
            len: b.len(),
            char_len,
        },
        b.len(),
    )?;
    // SAFETY: the allocation has b.len() bytes after the header.
    unsafe {
        let o = obj::<StrObj>(v);
        core::ptr::copy_nonoverlapping(b.as_ptr(), data_ptr(o) as *mut u8, b.len());
    }
    Ok(v)
}

/// The text of a str value (qstr or StrObj), or None if `v` is not a str.
///
/// The slice points into flash, the qstr pool or the object itself; an interior pointer on the
/// native stack keeps the object alive (see gc.rs), so it stays valid while in use.
pub fn str_of(vm: &Vm, v: Value) -> Option<&'static str> {
    if let Some(qs) = v.as_qstr() {
        return Some(vm.qstr_str(qs));
    }
    if v.is_obj() && kind_of(v) == Kind::Str {
        // SAFETY: kind Str has StrObj layout with `len` bytes of valid UTF-8 after it.
        unsafe {
            let o = obj::<StrObj>(v);
            let b = core::slice::from_raw_parts(data_ptr(o), o.len);
            return Some(core::str::from_utf8_unchecked(b));
        }
    }
    None
}

/// The bytes of a bytes or bytearray value (bytearray: valid until it is next resized).
pub fn bytes_of(v: Value) -> Option<&'static [u8]> {
    if !v.is_obj() {
        return None;
    }
    match kind_of(v) {
        // SAFETY: kind Bytes has StrObj layout with `len` bytes after it.
        Kind::Bytes => unsafe {
            let o = obj::<StrObj>(v);
            Some(core::slice::from_raw_parts(data_ptr(o), o.len))
        },
        // SAFETY: bytearray data points at `len` initialised bytes (or is null when empty).
        Kind::ByteArray => unsafe {
            let o = obj::<ByteArrayObj>(v);
            if o.len.get() == 0 {
                Some(&[])
            } else {
                Some(core::slice::from_raw_parts(o.data.get(), o.len.get()))
            }
        },
        Kind::MemoryView => {
            // SAFETY: kind MemoryView has MemoryViewObj layout.
            let m = unsafe { obj::<MemoryViewObj>(v) };
            let base = bytes_of(m.base).unwrap_or(&[]);
            // The base bytearray may have shrunk since the view was made: clamp.
            let lo = m.start.min(base.len());
            let hi = (m.start + m.len.get()).min(base.len());
            Some(&base[lo..hi])
        }
        _ => None,
    }
}

/// A `memoryview`: a window [start, start + len) onto a bytes or bytearray `base`.
#[repr(C)]
pub struct MemoryViewObj {
    pub header: ObjHeader,
    /// The bytes or bytearray viewed (never another memoryview: views of views are flattened).
    pub base: Value,
    pub start: usize,
    /// Set to 0 by `release()`.
    pub len: Cell<usize>,
    pub released: Cell<bool>,
}

fn mv_ref(v: Value) -> &'static MemoryViewObj {
    // SAFETY: callers check the kind is MemoryView.
    unsafe { obj::<MemoryViewObj>(v) }
}

pub fn is_memoryview(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::MemoryView
}

/// `memoryview(obj)` over bytes, bytearray or another memoryview.
pub fn new_memoryview(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_memoryview(v) {
        let m = mv_ref(v);
        check_released(vm, v)?;
        return memoryview_slice(vm, v, 0, m.len.get());
    }
    match bytes_of(v) {
        Some(b) => {
            let len = b.len();
            vm.alloc_obj(
                MemoryViewObj {
                    header: header(&MEMORYVIEW_TYPE),
                    base: v,
                    start: 0,
                    len: Cell::new(len),
                    released: Cell::new(false),
                },
                0,
            )
        }
        None => {
            let msg = alloc::format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(v)
            );
            Err(vm.type_error(&msg))
        }
    }
}

/// A view of bytes [lo, hi) of the memoryview `mv` (no copy).
pub fn memoryview_slice(vm: &mut Vm, mv: Value, lo: usize, hi: usize) -> PyResult<Value> {
    let m = mv_ref(mv);
    let hi = hi.min(m.len.get());
    let lo = lo.min(hi);
    vm.alloc_obj(
        MemoryViewObj {
            header: header(&MEMORYVIEW_TYPE),
            base: m.base,
            start: m.start + lo,
            len: Cell::new(hi - lo),
            released: Cell::new(false),
        },
        0,
    )
}

pub fn check_released(vm: &mut Vm, mv: Value) -> PyResult<()> {
    if mv_ref(mv).released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(())
}

/// Store byte `b` at index `i` of a memoryview (i < len): TypeError for read-only bases.
pub fn memoryview_set(vm: &mut Vm, mv: Value, i: usize, b: u8) -> PyResult<()> {
    check_released(vm, mv)?;
    let m = mv_ref(mv);
    if kind_of(m.base) != Kind::ByteArray {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    bytearray_set(m.base, m.start + i, b);
    Ok(())
}

fn mv_self(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(&v) if is_memoryview(v) => Ok(v),
        _ => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

fn mv_tobytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mv = mv_self(vm, args)?;
    check_released(vm, mv)?;
    let b = bytes_of(mv).unwrap_or(&[]);
    new_bytes(vm, b)
}

fn mv_tolist(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mv = mv_self(vm, args)?;
    check_released(vm, mv)?;
    let list = crate::obj::list::new_list(vm, &[])?;
    let mut i = 0;
    while let Some(&c) = bytes_of(mv).unwrap_or(&[]).get(i) {
        crate::obj::list::list_append(vm, list, Value::small_int(c as isize))?;
        i += 1;
    }
    Ok(list)
}

fn mv_release(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mv = mv_self(vm, args)?;
    let m = mv_ref(mv);
    m.released.set(true);
    m.len.set(0);
    Ok(Value::NONE)
}

pub fn char_len(vm: &Vm, v: Value) -> usize {
    if v.is_obj() {
        // SAFETY: callers pass str values; StrObj layout.
        unsafe { obj::<StrObj>(v).char_len }
    } else {
        str_of(vm, v).map(|s| s.chars().count()).unwrap_or(0)
    }
}

pub fn str_hash(vm: &Vm, v: Value) -> usize {
    if let Some(qs) = v.as_qstr() {
        return vm.qstrs.hash(qs);
    }
    // SAFETY: callers pass str or bytes values (StrObj layout).
    let o = unsafe { obj::<StrObj>(v) };
    let h = o.hash.get();
    if h != 0 {
        return h;
    }
    // SAFETY: `len` bytes follow the header.
    let h = hash_bytes(unsafe { core::slice::from_raw_parts(data_ptr(o), o.len) }).max(1);
    o.hash.set(h);
    h
}

/// `new_bytearray(b)`.
pub fn new_bytearray(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    let data = if b.is_empty() {
        core::ptr::null_mut()
    } else {
        vm.alloc_raw(b.len())?
    };
    // SAFETY: data has room for b.len() bytes.
    unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), data, b.len()) };
    vm.alloc_obj(
        ByteArrayObj {
            header: header(&BYTEARRAY_TYPE),
            len: Cell::new(b.len()),
            cap: Cell::new(b.len()),
            data: Cell::new(data),
        },
        0,
    )
}

pub fn bytearray_push(vm: &mut Vm, ba: Value, extra: &[u8]) -> PyResult<()> {
    // SAFETY: callers pass bytearray values.
    let o = unsafe { obj::<ByteArrayObj>(ba) };
    let len = o.len.get();
    if len + extra.len() > o.cap.get() {
        let new_cap = (len + extra.len()).max(o.cap.get() * 2).max(8);
        let p = vm.alloc_raw(new_cap)?;
        // SAFETY: old data has len bytes; p has new_cap >= len.
        unsafe {
            if len > 0 {
                core::ptr::copy_nonoverlapping(o.data.get(), p, len);
            }
        }
        o.data.set(p);
        o.cap.set(new_cap);
    }
    // SAFETY: capacity checked above.
    unsafe { core::ptr::copy_nonoverlapping(extra.as_ptr(), o.data.get().add(len), extra.len()) };
    o.len.set(len + extra.len());
    Ok(())
}

pub fn bytearray_set(ba: Value, i: usize, b: u8) {
    // SAFETY: callers check i < len.
    unsafe {
        let o = obj::<ByteArrayObj>(ba);
        if i < o.len.get() {
            *o.data.get().add(i) = b;
        }
    }
}

/// Truncate or keep a bytearray's length.
pub fn bytearray_set_len(ba: Value, n: usize) {
    // SAFETY: callers pass bytearray values.
    let o = unsafe { obj::<ByteArrayObj>(ba) };
    if n <= o.len.get() {
        o.len.set(n);
    }
}

/// Python `repr()` of a str.
pub fn repr_str(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = core::fmt::Write::write_fmt(out, format_args!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// Python `repr()` of bytes (`b'...'`).
pub fn repr_bytes(b: &[u8], out: &mut String) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = core::fmt::Write::write_fmt(out, format_args!("\\x{:02x}", c));
            }
        }
    }
    out.push(quote as char);
}

/// Byte offset of the `i`-th char (i <= char count).
pub fn char_offset(s: &str, i: usize) -> usize {
    if s.len() == s.chars().count() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map(|(o, _)| o).unwrap_or(s.len())
}

pub fn is_str(v: Value) -> bool {
    v.is_qstr() || (v.is_obj() && kind_of(v) == Kind::Str)
}

/// The str of a value that must be a str argument, or TypeError.
pub fn expect_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    match str_of(vm, v) {
        Some(s) => Ok(s),
        None => {
            let msg = alloc::format!("{} must be str, not {}", what, vm.type_name(v));
            Err(vm.type_error(&msg))
        }
    }
}

/// Intern-or-lookup: a qstr for this str value (used for attribute names and kwargs).
pub fn to_qstr(vm: &mut Vm, v: Value) -> PyResult<Qstr> {
    if let Some(qs) = v.as_qstr() {
        return Ok(qs);
    }
    let s = expect_str(vm, v, "attribute name")?;
    vm.intern(s)
}

// ---- methods ----

fn self_str(vm: &mut Vm, args: &Args) -> PyResult<&'static str> {
    let v = args.pos.first().copied().unwrap_or(Value::NONE);
    expect_str(vm, v, "descriptor")
}

fn arg_str(vm: &mut Vm, args: &Args, i: usize) -> PyResult<Option<&'static str>> {
    match args.pos.get(i) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(&v) => match str_of(vm, v) {
            Some(s) => Ok(Some(s)),
            None => {
                let msg = alloc::format!(
                    "can't convert '{}' object to str implicitly",
                    vm.type_name(v)
                );
                Err(vm.type_error(&msg))
            }
        },
    }
}

fn str_join(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let sep = self_str(vm, args)?;
    let iterable = *args
        .pos
        .get(1)
        .ok_or_else(|| vm.type_error("join() takes exactly one argument"))?;
    let items = crate::ops::collect_iterable(vm, iterable)?;
    let mut out = String::new();
    for (i, &item) in crate::obj::list::list_items(items).iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match str_of(vm, item) {
            Some(s) => out.push_str(s),
            None => {
                let msg = alloc::format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    vm.type_name(item)
                );
                return Err(vm.type_error(&msg));
            }
        }
    }
    vm.new_string(out)
}

fn str_split_impl(vm: &mut Vm, args: &Args, from_right: bool) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let sep = arg_str(vm, args, 1)?;
    let mut maxsplit: isize = -1;
    if let Some(&m) = args.pos.get(2) {
        maxsplit = crate::ops::to_index(vm, m)?;
    }
    for pair in args.kw.chunks(2) {
        let name = str_of(vm, pair[0]).unwrap_or("");
        match name {
            "sep" => {
                if !pair[1].is_none() {
                    return Err(vm.type_error("split(sep=...) must be str or None"));
                }
            }
            "maxsplit" => maxsplit = crate::ops::to_index(vm, pair[1])?,
            _ => return Err(vm.type_error("split() got an unexpected keyword argument")),
        }
    }
    let mut parts: Vec<&str> = Vec::new();
    match sep {
        None => {
            let mut rest = if from_right {
                s.trim_end()
            } else {
                s.trim_start()
            };
            loop {
                if rest.is_empty() {
                    break;
                }
                if maxsplit >= 0 && parts.len() as isize == maxsplit {
                    parts.push(if from_right {
                        rest.trim_end()
                    } else {
                        rest.trim_start()
                    });
                    break;
                }
                if from_right {
                    match rest.rfind(char::is_whitespace) {
                        Some(i) => {
                            let ws_len = rest[i..].chars().next().map(char::len_utf8).unwrap_or(1);
                            parts.push(&rest[i + ws_len..]);
                            rest = rest[..i].trim_end();
                        }
                        None => {
                            parts.push(rest);
                            break;
                        }
                    }
                } else {
                    match rest.find(char::is_whitespace) {
                        Some(i) => {
                            parts.push(&rest[..i]);
                            rest = rest[i..].trim_start();
                        }
                        None => {
                            parts.push(rest);
                            break;
                        }
                    }
                }
            }
        }
        Some("") => return Err(vm.value_error("empty separator")),
        Some(sep) => {
            let mut rest = s;
            loop {
                if maxsplit >= 0 && parts.len() as isize == maxsplit {
                    parts.push(rest);
                    break;
                }
                let found = if from_right {
                    rest.rfind(sep)
                } else {
                    rest.find(sep)
                };
                match found {
                    Some(i) => {
                        if from_right {
                            parts.push(&rest[i + sep.len()..]);
                            rest = &rest[..i];
                        } else {
                            parts.push(&rest[..i]);
                            rest = &rest[i + sep.len()..];
                        }
                    }
                    None => {
                        parts.push(rest);
                        break;
                    }
                }
            }
        }
    }
    if from_right {
        parts.reverse();
    }
    let list = crate::obj::list::new_list(vm, &[])?;
    for p in parts {
        let v = new_str(vm, p)?;
        crate::obj::list::list_append(vm, list, v)?;
    }
    Ok(list)
}

fn str_split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    str_split_impl(vm, args, false)
}
fn str_rsplit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    str_split_impl(vm, args, true)
}

fn strip_impl(vm: &mut Vm, args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let chars = arg_str(vm, args, 1)?;
    let pred = |c: char| match chars {
        None => c.is_whitespace(),
        Some(set) => set.contains(c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    if r.len() == s.len() {
        return Ok(args.pos[0]);
    }
    new_str(vm, r)
}
fn str_strip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}
fn str_lstrip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}
fn str_rstrip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

fn affix_impl(vm: &mut Vm, args: &Args, prefix: bool) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let arg = *args
        .pos
        .get(1)
        .ok_or_else(|| vm.type_error("function takes at least 1 argument"))?;
    let (start, end) = slice_args(vm, args, 2, s.chars().count())?;
    if start > end {
        return Ok(Value::FALSE);
    }
    let s = &s[char_offset(s, start)..char_offset(s, end)];
    let test = |p: &str| {
        if prefix {
            s.starts_with(p)
        } else {
            s.ends_with(p)
        }
    };
    if let Some(p) = str_of(vm, arg) {
        return Ok(Value::from_bool(test(p)));
    }
    if arg.is_obj() && kind_of(arg) == Kind::Tuple {
        for &item in crate::obj::list::tuple_items(arg) {
            let p = expect_str(vm, item, "tuple item")?;
            if test(p) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    Err(vm.type_error("startswith first arg must be str or a tuple of str"))
}
fn str_startswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix_impl(vm, args, true)
}
fn str_endswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix_impl(vm, args, false)
}

/// Char index range [start, end) from optional start/end args at positions i, i+1.
/// A start past the end becomes `n + 1` (so `start > end`): CPython finds nothing there, not even
/// an empty string (`"abc".find("", 5) == -1`).
fn slice_args(vm: &mut Vm, args: &Args, i: usize, n: usize) -> PyResult<(usize, usize)> {
    let norm = |x: isize| -> usize {
        if x < 0 {
            (x + n as isize).max(0) as usize
        } else {
            (x as usize).min(n)
        }
    };
    let start = match args.pos.get(i) {
        Some(&v) if !v.is_none() => {
            let x = crate::ops::to_index(vm, v)?;
            if x > n as isize {
                n + 1
            } else {
                norm(x)
            }
        }
        _ => 0,
    };
    let end = match args.pos.get(i + 1) {
        Some(&v) if !v.is_none() => norm(crate::ops::to_index(vm, v)?),
        _ => n,
    };
    Ok((start, end))
}

fn find_impl(vm: &mut Vm, args: &Args, right: bool, raise: bool) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let sub = match arg_str(vm, args, 1)? {
        Some(x) => x,
        None => return Err(vm.type_error("must be str")),
    };
    let n = s.chars().count();
    let (start, end) = slice_args(vm, args, 2, n)?;
    let mut result: isize = -1;
    if start <= end {
        let (bs, be) = (char_offset(s, start), char_offset(s, end));
        let hay = &s[bs..be];
        let found = if right { hay.rfind(sub) } else { hay.find(sub) };
        if let Some(b) = found {
            result = (start + hay[..b].chars().count()) as isize;
        }
    }
    if result < 0 && raise {
        return Err(vm.value_error("substring not found"));
    }
    Ok(Value::small_int(result))
}
fn str_find(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    find_impl(vm, args, false, false)
}
fn str_rfind(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    find_impl(vm, args, true, false)
}
fn str_index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    find_impl(vm, args, false, true)
}
fn str_rindex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    find_impl(vm, args, true, true)
}

fn str_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let sub = arg_str(vm, args, 1)?.unwrap_or("");
    let n = s.chars().count();
    let (start, end) = slice_args(vm, args, 2, n)?;
    if start > end {
        return Ok(Value::small_int(0));
    }
    let hay = &s[char_offset(s, start)..char_offset(s, end)];
    let c = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(sub).count()
    };
    Ok(Value::small_int(c as isize))
}

fn str_replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let old = arg_str(vm, args, 1)?.unwrap_or("");
    let new = arg_str(vm, args, 2)?.unwrap_or("");
    let count = match args.pos.get(3) {
        Some(&v) => crate::ops::to_index(vm, v)?,
        None => -1,
    };
    let out = if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    vm.new_string(out)
}

fn map_chars(vm: &mut Vm, args: &Args, f: fn(&str) -> String) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let out = f(s);
    vm.new_string(out)
}
fn str_upper(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_chars(vm, args, |s| s.to_uppercase())
}
fn str_lower(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_chars(vm, args, |s| s.to_lowercase())
}

fn test_chars(vm: &mut Vm, args: &Args, f: fn(char) -> bool) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    Ok(Value::from_bool(!s.is_empty() && s.chars().all(f)))
}
fn str_isdigit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    test_chars(vm, args, |c| c.is_ascii_digit())
}
fn str_isalpha(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    test_chars(vm, args, char::is_alphabetic)
}
fn str_isspace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    test_chars(vm, args, char::is_whitespace)
}
fn str_isalnum(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    test_chars(vm, args, char::is_alphanumeric)
}

fn str_encode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    new_bytes(vm, s.as_bytes())
}

fn bytes_decode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let b = args.pos.first().and_then(|&v| bytes_of(v)).unwrap_or(&[]);
    match core::str::from_utf8(b) {
        Ok(s) => new_str(vm, s),
        Err(_) => Err(vm.new_error(&crate::obj::types::UNICODE_ERROR_TYPE, "invalid utf-8")),
    }
}

fn str_format(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    crate::format::str_format(vm, s, &args.pos[1..], args.kw)
}

fn pad_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, char)> {
    let width = match args.pos.get(1) {
        Some(&v) => crate::ops::to_index(vm, v)?.max(0) as usize,
        None => {
            let msg = alloc::format!("{} expected at least 1 argument, got 0", name);
            return Err(vm.type_error(&msg));
        }
    };
    let fill = match args.pos.get(2) {
        None => ' ',
        Some(&v) => {
            let f = expect_str(vm, v, "fill character")?;
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
    };
    Ok((width, fill))
}

/// center/ljust/rjust: `align` is '^', '<' (text left) or '>'.
fn justify(vm: &mut Vm, args: &Args, align: char, name: &str) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let (width, fill) = pad_args(vm, args, name)?;
    let n = s.chars().count();
    if width <= n {
        return Ok(args.pos[0]);
    }
    let pad = width - n;
    // CPython's center puts the extra pad char on the left when the pad is odd and the width
    // is odd too (left = pad/2 + (pad & width & 1)).
    let left = match align {
        '<' => 0,
        '>' => pad,
        _ => pad / 2 + (pad & width & 1),
    };
    let bytes = vm.check_alloc_size(fill.len_utf8(), pad)?;
    let mut out = String::with_capacity(s.len() + bytes);
    out.extend(core::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(core::iter::repeat_n(fill, pad - left));
    vm.new_string(out)
}
fn str_center(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, '^', "center")
}
fn str_ljust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, '<', "ljust")
}
fn str_rjust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, '>', "rjust")
}

fn str_zfill(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let width = match args.pos.get(1) {
        Some(&v) => crate::ops::to_index(vm, v)?.max(0) as usize,
        None => return Err(vm.type_error("zfill() takes exactly one argument (0 given)")),
    };
    let n = s.chars().count();
    if width <= n {
        return Ok(args.pos[0]);
    }
    let (sign, digits) = match s.as_bytes().first() {
        Some(b'+') | Some(b'-') => s.split_at(1),
        _ => ("", s),
    };
    vm.check_alloc_size(1, width)?;
    let mut out = String::from(sign);
    out.extend(core::iter::repeat_n('0', width - n));
    out.push_str(digits);
    vm.new_string(out)
}

fn partition_impl(vm: &mut Vm, args: &Args, right: bool) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let sep = match arg_str(vm, args, 1)? {
        Some(x) => x,
        None => return Err(vm.type_error("must be str, not NoneType")),
    };
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if right { s.rfind(sep) } else { s.find(sep) };
    let parts: [&str; 3] = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if right => ["", "", s],
        None => [s, "", ""],
    };
    let t = crate::obj::list::new_tuple_uninit(vm, 3)?;
    for (i, p) in parts.iter().enumerate() {
        let v = new_str(vm, p)?;
        crate::obj::list::tuple_set(t, i, v);
    }
    Ok(t)
}
fn str_partition(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
fn str_rpartition(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

/// `keepends` from the first positional argument or the `keepends=` keyword.
fn keepends_arg(vm: &mut Vm, args: &Args) -> PyResult<bool> {
    let mut v = args.pos.get(1).copied();
    for pair in args.kw.chunks(2) {
        if str_of(vm, pair[0]) == Some("keepends") {
            v = Some(pair[1]);
        } else {
            return Err(vm.type_error("splitlines() got an unexpected keyword argument"));
        }
    }
    match v {
        Some(v) => crate::ops::truthy(vm, v),
        None => Ok(false),
    }
}

/// Line boundaries for splitlines: (start, end of text, end including the line break).
fn line_spans(b: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((start, i, i + 1));
                i += 1;
                start = i;
            }
            b'\r' => {
                let end = if b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                out.push((start, i, end));
                i = end;
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < b.len() {
        out.push((start, b.len(), b.len()));
    }
    out
}

fn str_splitlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let keep = keepends_arg(vm, args)?;
    let list = crate::obj::list::new_list(vm, &[])?;
    for (a, e, k) in line_spans(s.as_bytes()) {
        let v = new_str(vm, &s[a..if keep { k } else { e }])?;
        crate::obj::list::list_append(vm, list, v)?;
    }
    Ok(list)
}

fn str_title(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_chars(vm, args, |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = c.is_alphabetic();
        }
        out
    })
}
fn str_capitalize(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_chars(vm, args, |s| {
        let mut out = String::with_capacity(s.len());
        let mut it = s.chars();
        if let Some(c) = it.next() {
            out.extend(c.to_uppercase());
        }
        for c in it {
            out.extend(c.to_lowercase());
        }
        out
    })
}
fn str_swapcase(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_chars(vm, args, |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

/// isupper/islower: at least one cased char, and no cased char of the other case.
fn case_test(vm: &mut Vm, args: &Args, upper: bool) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let mut cased = false;
    for c in s.chars() {
        if (upper && c.is_lowercase()) || (!upper && c.is_uppercase()) {
            return Ok(Value::FALSE);
        }
        cased |= c.is_uppercase() || c.is_lowercase();
    }
    Ok(Value::from_bool(cased))
}
fn str_isupper(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    case_test(vm, args, true)
}
fn str_islower(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    case_test(vm, args, false)
}
fn str_istitle(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::from_bool(any))
}

fn str_expandtabs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let tab = match args.pos.get(1) {
        Some(&v) => crate::ops::to_index(vm, v)?,
        None => 8,
    };
    let tabs = s.bytes().filter(|&b| b == b'\t').count();
    vm.check_alloc_size(tabs, tab.max(0) as usize)?;
    let mut out = String::with_capacity(s.len());
    let mut col = 0usize;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    out.extend(core::iter::repeat_n(' ', n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    vm.new_string(out)
}

fn strip_affix(vm: &mut Vm, args: &Args, prefix: bool) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    let a = match arg_str(vm, args, 1)? {
        Some(x) => x,
        None => return Err(vm.type_error("must be str, not NoneType")),
    };
    let r = if prefix {
        s.strip_prefix(a)
    } else {
        s.strip_suffix(a)
    };
    match r {
        Some(r) if !a.is_empty() => new_str(vm, r),
        _ => Ok(args.pos[0]),
    }
}
fn str_removeprefix(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_affix(vm, args, true)
}
fn str_removesuffix(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_affix(vm, args, false)
}

// ---- bytes / bytearray methods ----
//
// These work on the raw bytes; results of a bytearray method are bytearrays (as in CPython).
// Case and class tests are ASCII-only, as for CPython's bytes.

fn self_bytes(vm: &mut Vm, args: &Args) -> PyResult<&'static [u8]> {
    match args.pos.first().and_then(|&v| bytes_of(v)) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires a bytes object")),
    }
}

/// A bytes-like argument (bytes or bytearray).
fn arg_bytes(vm: &mut Vm, args: &Args, i: usize) -> PyResult<Option<&'static [u8]>> {
    match args.pos.get(i) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(&v) => match bytes_of(v) {
            Some(b) => Ok(Some(b)),
            None => {
                let msg =
                    alloc::format!("a bytes-like object is required, not '{}'", vm.type_name(v));
                Err(vm.type_error(&msg))
            }
        },
    }
}

/// A new bytes or bytearray (matching `like`'s kind) holding `b`.
fn new_like(vm: &mut Vm, like: Value, b: &[u8]) -> PyResult<Value> {
    if kind_of(like) == Kind::ByteArray {
        new_bytearray(vm, b)
    } else {
        new_bytes(vm, b)
    }
}

fn bfind(hay: &[u8], needle: &[u8], right: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    if right {
        (0..=last)
            .rev()
            .find(|&i| &hay[i..i + needle.len()] == needle)
    } else {
        (0..=last).find(|&i| &hay[i..i + needle.len()] == needle)
    }
}

/// The needle of find/count/index: bytes-like or an int in 0..256.
fn needle_arg(vm: &mut Vm, args: &Args) -> PyResult<(&'static [u8], u8)> {
    let v = *args
        .pos
        .get(1)
        .ok_or_else(|| vm.type_error("function takes at least 1 argument (0 given)"))?;
    if let Some(b) = bytes_of(v) {
        return Ok((b, 0));
    }
    if let Some(i) = v.as_small_int() {
        if (0..256).contains(&i) {
            return Ok((&[], i as u8));
        }
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    let msg = alloc::format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    );
    Err(vm.type_error(&msg))
}

fn bfind_impl(vm: &mut Vm, args: &Args, right: bool, raise: bool) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let (needle, byte) = needle_arg(vm, args)?;
    let one = [byte];
    let needle = if args.pos.get(1).is_some_and(|v| v.is_small_int()) {
        &one[..]
    } else {
        needle
    };
    let (start, end) = slice_args(vm, args, 2, b.len())?;
    let mut r = -1isize;
    if start <= end {
        if let Some(i) = bfind(&b[start..end], needle, right) {
            r = (start + i) as isize;
        }
    }
    if r < 0 && raise {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(Value::small_int(r))
}
fn bytes_find(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bfind_impl(vm, args, false, false)
}
fn bytes_rfind(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bfind_impl(vm, args, true, false)
}
fn bytes_index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bfind_impl(vm, args, false, true)
}
fn bytes_rindex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bfind_impl(vm, args, true, true)
}

fn bytes_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let (needle, byte) = needle_arg(vm, args)?;
    let one = [byte];
    let needle = if args.pos.get(1).is_some_and(|v| v.is_small_int()) {
        &one[..]
    } else {
        needle
    };
    let (start, end) = slice_args(vm, args, 2, b.len())?;
    if start > end {
        return Ok(Value::small_int(0));
    }
    let mut hay = &b[start..end];
    if needle.is_empty() {
        return Ok(Value::small_int(hay.len() as isize + 1));
    }
    let mut n = 0;
    while let Some(i) = bfind(hay, needle, false) {
        n += 1;
        hay = &hay[i + needle.len()..];
    }
    Ok(Value::small_int(n))
}

fn bsplit_impl(vm: &mut Vm, args: &Args, right: bool) -> PyResult<Value> {
    let me = args.pos[0];
    let b = self_bytes(vm, args)?;
    let sep = arg_bytes(vm, args, 1)?;
    let mut maxsplit: isize = -1;
    if let Some(&m) = args.pos.get(2) {
        maxsplit = crate::ops::to_index(vm, m)?;
    }
    for pair in args.kw.chunks(2) {
        match str_of(vm, pair[0]).unwrap_or("") {
            "maxsplit" => maxsplit = crate::ops::to_index(vm, pair[1])?,
            "sep" if pair[1].is_none() => {}
            _ => return Err(vm.type_error("split() got an unexpected keyword argument")),
        }
    }
    let mut parts: Vec<(usize, usize)> = Vec::new();
    match sep {
        Some([]) => return Err(vm.value_error("empty separator")),
        Some(sep) => {
            let (mut lo, mut hi) = (0, b.len());
            loop {
                if maxsplit >= 0 && parts.len() as isize == maxsplit {
                    parts.push((lo, hi));
                    break;
                }
                match bfind(&b[lo..hi], sep, right) {
                    Some(i) if right => {
                        parts.push((lo + i + sep.len(), hi));
                        hi = lo + i;
                    }
                    Some(i) => {
                        parts.push((lo, lo + i));
                        lo += i + sep.len();
                    }
                    None => {
                        parts.push((lo, hi));
                        break;
                    }
                }
            }
        }
        None => {
            let ws = |c: &u8| c.is_ascii_whitespace() || *c == 0x0b;
            let (mut lo, mut hi) = (0, b.len());
            loop {
                while lo < hi && ws(&b[lo]) {
                    lo += 1;
                }
                while lo < hi && ws(&b[hi - 1]) {
                    hi -= 1;
                }
                if lo >= hi {
                    break;
                }
                if maxsplit >= 0 && parts.len() as isize == maxsplit {
                    parts.push((lo, hi));
                    break;
                }
                if right {
                    match b[lo..hi].iter().rposition(ws) {
                        Some(i) => {
                            parts.push((lo + i + 1, hi));
                            hi = lo + i;
                        }
                        None => {
                            parts.push((lo, hi));
                            break;
                        }
                    }
                } else {
                    match b[lo..hi].iter().position(ws) {
                        Some(i) => {
                            parts.push((lo, lo + i));
                            lo += i;
                        }
                        None => {
                            parts.push((lo, hi));
                            break;
                        }
                    }
                }
            }
        }
    }
    if right {
        parts.reverse();
    }
    let list = crate::obj::list::new_list(vm, &[])?;
    for (lo, hi) in parts {
        let v = new_like(vm, me, &b[lo..hi])?;
        crate::obj::list::list_append(vm, list, v)?;
    }
    Ok(list)
}
fn bytes_split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bsplit_impl(vm, args, false)
}
fn bytes_rsplit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bsplit_impl(vm, args, true)
}

fn bytes_splitlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = args.pos[0];
    let b = self_bytes(vm, args)?;
    let keep = keepends_arg(vm, args)?;
    let list = crate::obj::list::new_list(vm, &[])?;
    for (a, e, k) in line_spans(b) {
        let v = new_like(vm, me, &b[a..if keep { k } else { e }])?;
        crate::obj::list::list_append(vm, list, v)?;
    }
    Ok(list)
}

fn bmap(vm: &mut Vm, args: &Args, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let out = f(b);
    new_like(vm, args.pos[0], &out)
}
fn bytes_upper(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bmap(vm, args, |b| b.to_ascii_uppercase())
}
fn bytes_lower(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bmap(vm, args, |b| b.to_ascii_lowercase())
}

/// `bytes.center(width[, fill])`, as str's (MicroPython has center for both, not ljust/rjust).
fn bytes_center(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let width = match args.pos.get(1) {
        Some(&v) => crate::ops::to_index(vm, v)?.max(0) as usize,
        None => return Err(vm.type_error("center() takes at least 1 argument (0 given)")),
    };
    let fill = match arg_bytes(vm, args, 2)? {
        None => b' ',
        Some(&[f]) => f,
        Some(_) => {
            return Err(vm.type_error("center() argument 2 must be a byte string of length 1"))
        }
    };
    if width <= b.len() {
        return new_like(vm, args.pos[0], b);
    }
    let pad = width - b.len();
    // The same split as str.center: the odd pad char goes left when the width is odd too.
    let left = pad / 2 + (pad & width & 1);
    let mut out = alloc::vec![fill; left];
    out.extend_from_slice(b);
    out.resize(width, fill);
    new_like(vm, args.pos[0], &out)
}

fn bytes_replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let old = arg_bytes(vm, args, 1)?.unwrap_or(&[]);
    let new = arg_bytes(vm, args, 2)?.unwrap_or(&[]);
    let mut count = match args.pos.get(3) {
        Some(&v) => crate::ops::to_index(vm, v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut rest = b;
    loop {
        if count == 0 {
            break;
        }
        if old.is_empty() {
            // Empty pattern: insert `new` before every byte and at the end.
            out.extend_from_slice(new);
            match rest.split_first() {
                Some((&c, r)) => {
                    out.push(c);
                    rest = r;
                }
                None => break,
            }
        } else {
            match bfind(rest, old, false) {
                Some(i) => {
                    out.extend_from_slice(&rest[..i]);
                    out.extend_from_slice(new);
                    rest = &rest[i + old.len()..];
                }
                None => break,
            }
        }
        count -= 1;
    }
    out.extend_from_slice(rest);
    new_like(vm, args.pos[0], &out)
}

fn bstrip_impl(vm: &mut Vm, args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let chars = arg_bytes(vm, args, 1)?;
    let pred = |c: u8| match chars {
        None => c.is_ascii_whitespace() || c == 0x0b,
        Some(set) => set.contains(&c),
    };
    let (mut lo, mut hi) = (0, b.len());
    if left {
        while lo < hi && pred(b[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && pred(b[hi - 1]) {
            hi -= 1;
        }
    }
    new_like(vm, args.pos[0], &b[lo..hi])
}
fn bytes_strip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bstrip_impl(vm, args, true, true)
}
fn bytes_lstrip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bstrip_impl(vm, args, true, false)
}
fn bytes_rstrip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bstrip_impl(vm, args, false, true)
}

fn baffix_impl(vm: &mut Vm, args: &Args, prefix: bool) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let arg = *args
        .pos
        .get(1)
        .ok_or_else(|| vm.type_error("function takes at least 1 argument"))?;
    let (start, end) = slice_args(vm, args, 2, b.len())?;
    if start > end {
        return Ok(Value::FALSE);
    }
    let b = &b[start..end];
    let test = |p: &[u8]| {
        if prefix {
            b.starts_with(p)
        } else {
            b.ends_with(p)
        }
    };
    if let Some(p) = bytes_of(arg) {
        return Ok(Value::from_bool(test(p)));
    }
    if arg.is_obj() && kind_of(arg) == Kind::Tuple {
        for &item in crate::obj::list::tuple_items(arg) {
            match bytes_of(item) {
                Some(p) if test(p) => return Ok(Value::TRUE),
                Some(_) => {}
                None => return Err(vm.type_error("a bytes-like object is required")),
            }
        }
        return Ok(Value::FALSE);
    }
    Err(vm.type_error("startswith first arg must be bytes or a tuple of bytes"))
}
fn bytes_startswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    baffix_impl(vm, args, true)
}
fn bytes_endswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    baffix_impl(vm, args, false)
}

fn bytes_join(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let sep = self_bytes(vm, args)?;
    let iterable = *args
        .pos
        .get(1)
        .ok_or_else(|| vm.type_error("join() takes exactly one argument"))?;
    let items = crate::ops::collect_iterable(vm, iterable)?;
    let mut out = Vec::new();
    for (i, &item) in crate::obj::list::list_items(items).iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        match bytes_of(item) {
            Some(b) => out.extend_from_slice(b),
            None => {
                let msg = alloc::format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i,
                    vm.type_name(item)
                );
                return Err(vm.type_error(&msg));
            }
        }
    }
    new_like(vm, args.pos[0], &out)
}

fn bpartition_impl(vm: &mut Vm, args: &Args, right: bool) -> PyResult<Value> {
    let me = args.pos[0];
    let b = self_bytes(vm, args)?;
    let sep = arg_bytes(vm, args, 1)?.unwrap_or(&[]);
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts: [&[u8]; 3] = match bfind(b, sep, right) {
        Some(i) => [&b[..i], sep, &b[i + sep.len()..]],
        None if right => [&[], &[], b],
        None => [b, &[], &[]],
    };
    let t = crate::obj::list::new_tuple_uninit(vm, 3)?;
    for (i, p) in parts.iter().enumerate() {
        let v = new_like(vm, me, p)?;
        crate::obj::list::tuple_set(t, i, v);
    }
    Ok(t)
}
fn bytes_partition(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bpartition_impl(vm, args, false)
}
fn bytes_rpartition(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bpartition_impl(vm, args, true)
}

fn btest(vm: &mut Vm, args: &Args, f: fn(&u8) -> bool) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    Ok(Value::from_bool(!b.is_empty() && b.iter().all(f)))
}
fn bytes_isdigit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    btest(vm, args, u8::is_ascii_digit)
}
fn bytes_isalpha(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    btest(vm, args, u8::is_ascii_alphabetic)
}
fn bytes_isalnum(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    btest(vm, args, u8::is_ascii_alphanumeric)
}
fn bytes_isspace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    btest(vm, args, |c| c.is_ascii_whitespace() || *c == 0x0b)
}
fn bcase_test(vm: &mut Vm, args: &Args, upper: bool) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let bad = b.iter().any(|c| {
        if upper {
            c.is_ascii_lowercase()
        } else {
            c.is_ascii_uppercase()
        }
    });
    let cased = b.iter().any(u8::is_ascii_alphabetic);
    Ok(Value::from_bool(cased && !bad))
}
fn bytes_isupper(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bcase_test(vm, args, true)
}
fn bytes_islower(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    bcase_test(vm, args, false)
}

fn bytes_hex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    let sep = match args.pos.get(1) {
        Some(&v) => Some(expect_str(vm, v, "sep")?),
        None => None,
    };
    let mut out = String::with_capacity(b.len() * 2);
    for (i, c) in b.iter().enumerate() {
        if i > 0 {
            if let Some(sep) = sep {
                out.push_str(sep);
            }
        }
        let _ = core::fmt::Write::write_fmt(&mut out, format_args!("{:02x}", c));
    }
    vm.new_string(out)
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (class methods: args.pos[0] is the type).
fn bytes_fromhex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = match args.pos.get(1) {
        Some(&v) => expect_str(vm, v, "fromhex() argument")?,
        None => return Err(vm.type_error("fromhex() takes exactly one argument (0 given)")),
    };
    let mut out = Vec::with_capacity(s.len() / 2);
    let digits = s.as_bytes();
    let mut i = 0;
    while i < digits.len() {
        if digits[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = (digits[i] as char).to_digit(16);
        let lo = digits.get(i + 1).and_then(|&c| (c as char).to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let msg = alloc::format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i
                );
                return Err(vm.value_error(&msg));
            }
        }
        i += 2;
    }
    let is_ba = args
        .pos
        .first()
        .is_some_and(|&t| is_type_value(t, &BYTEARRAY_TYPE));
    if is_ba {
        new_bytearray(vm, &out)
    } else {
        new_bytes(vm, &out)
    }
}

fn is_type_value(v: Value, t: &super::TypeObj) -> bool {
    super::is_type(v) && super::is_subtype(super::type_ref(v), t)
}

// ---- bytearray mutation ----

fn self_ba(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(&v) if v.is_obj() && kind_of(v) == Kind::ByteArray => Ok(v),
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

/// An int argument that must be a byte value.
fn byte_arg(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = crate::ops::to_index(vm, v)?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

fn ba_append(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let v = *args
        .pos
        .get(1)
        .ok_or_else(|| vm.type_error("append() takes exactly one argument (0 given)"))?;
    let c = byte_arg(vm, v)?;
    bytearray_push(vm, ba, &[c])?;
    Ok(Value::NONE)
}

fn ba_extend(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let v = *args
        .pos
        .get(1)
        .ok_or_else(|| vm.type_error("extend() takes exactly one argument (0 given)"))?;
    if let Some(b) = bytes_of(v) {
        // Copy first: `v` may be `ba` itself, whose buffer the push reallocates.
        let tmp: Vec<u8> = b.to_vec();
        bytearray_push(vm, ba, &tmp)?;
        return Ok(Value::NONE);
    }
    let items = crate::ops::collect_iterable(vm, v)?;
    for &x in crate::obj::list::list_items(items) {
        let c = byte_arg(vm, x)?;
        bytearray_push(vm, ba, &[c])?;
    }
    Ok(Value::NONE)
}

/// Replace bytes [lo, hi) of a bytearray with `new`.
pub fn bytearray_splice(vm: &mut Vm, ba: Value, lo: usize, hi: usize, new: &[u8]) -> PyResult<()> {
    let cur = bytes_of(ba).unwrap_or(&[]);
    let hi = hi.min(cur.len());
    let lo = lo.min(hi);
    let mut v: Vec<u8> = Vec::with_capacity(cur.len() - (hi - lo) + new.len());
    v.extend_from_slice(&cur[..lo]);
    v.extend_from_slice(new);
    v.extend_from_slice(&cur[hi..]);
    bytearray_set_len(ba, 0);
    bytearray_push(vm, ba, &v)
}

fn ba_pop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let b = bytes_of(ba).unwrap_or(&[]);
    if b.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = b.len() as isize;
    let mut i = match args.pos.get(1) {
        Some(&v) => crate::ops::to_index(vm, v)?,
        None => -1,
    };
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let c = b[i as usize];
    bytearray_splice(vm, ba, i as usize, i as usize + 1, &[])?;
    Ok(Value::small_int(c as isize))
}

fn ba_insert(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    if args.pos.len() != 3 {
        return Err(vm.type_error("insert expected 2 arguments"));
    }
    let n = bytes_of(ba).unwrap_or(&[]).len() as isize;
    let mut i = crate::ops::to_index(vm, args.pos[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = (i.min(n)) as usize;
    let c = byte_arg(vm, args.pos[2])?;
    bytearray_splice(vm, ba, i, i, &[c])?;
    Ok(Value::NONE)
}

fn ba_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let v = *args
        .pos
        .get(1)
        .ok_or_else(|| vm.type_error("remove() takes exactly one argument (0 given)"))?;
    let c = byte_arg(vm, v)?;
    match bytes_of(ba).unwrap_or(&[]).iter().position(|&x| x == c) {
        Some(i) => {
            bytearray_splice(vm, ba, i, i + 1, &[])?;
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let mut v: Vec<u8> = bytes_of(ba).unwrap_or(&[]).to_vec();
    v.reverse();
    for (i, &c) in v.iter().enumerate() {
        bytearray_set(ba, i, c);
    }
    Ok(Value::NONE)
}

fn ba_clear(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    bytearray_set_len(ba, 0);
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let b = bytes_of(ba).unwrap_or(&[]);
    new_bytearray(vm, b)
}

macro_rules! methods {
    ($( $q:ident => $f:ident ),* $(,)?) => {
        &[ $( (q::$q, &NativeFn::method(q::$q, $f)) ),* ]
    };
}

/// Like `methods!`, plus `__new__` (str is immutable: subclasses get their value there).
macro_rules! methods_with_new {
    ($( $q:ident => $f:ident ),* $(,)?) => {
        &[
            (q::__new__, &NativeFn::new(q::__new__, crate::attr::immutable_new)),
            $( (q::$q, &NativeFn::method(q::$q, $f)) ),*
        ]
    };
}

pub static STR_METHODS: &[(Qstr, &NativeFn)] = methods_with_new![
    join => str_join, split => str_split, rsplit => str_rsplit, strip => str_strip,
    lstrip => str_lstrip, rstrip => str_rstrip, startswith => str_startswith,
    endswith => str_endswith, find => str_find, rfind => str_rfind, index => str_index,
    rindex => str_rindex, count => str_count, replace => str_replace, upper => str_upper,
    lower => str_lower, isdigit => str_isdigit, isalpha => str_isalpha, isspace => str_isspace,
    isalnum => str_isalnum, encode => str_encode, format => str_format, center => str_center,
    ljust => str_ljust, rjust => str_rjust, zfill => str_zfill, partition => str_partition,
    rpartition => str_rpartition, splitlines => str_splitlines, title => str_title,
    capitalize => str_capitalize, swapcase => str_swapcase, isupper => str_isupper,
    islower => str_islower, istitle => str_istitle, expandtabs => str_expandtabs,
    removeprefix => str_removeprefix, removesuffix => str_removesuffix,
];

macro_rules! bytes_methods {
    ($( $q:ident => $f:ident ),* $(,)?) => {
        &[
            (q::fromhex, &NativeFn::classmethod(q::fromhex, bytes_fromhex)),
            $( (q::$q, &NativeFn::method(q::$q, $f)) ),*
        ]
    };
}

/// Methods shared by bytes and bytearray, then the type's own.
macro_rules! common_bytes_methods {
    ($( $q:ident => $f:ident ),* $(,)?) => {
        bytes_methods![
            decode => bytes_decode, find => bytes_find, rfind => bytes_rfind, index => bytes_index,
            rindex => bytes_rindex, count => bytes_count, split => bytes_split,
            rsplit => bytes_rsplit, upper => bytes_upper, lower => bytes_lower,
            replace => bytes_replace, strip => bytes_strip, lstrip => bytes_lstrip,
            rstrip => bytes_rstrip, startswith => bytes_startswith, endswith => bytes_endswith,
            join => bytes_join, partition => bytes_partition, rpartition => bytes_rpartition,
            isdigit => bytes_isdigit, isalpha => bytes_isalpha, isalnum => bytes_isalnum,
            isspace => bytes_isspace, isupper => bytes_isupper, islower => bytes_islower,
            hex => bytes_hex, splitlines => bytes_splitlines, center => bytes_center,
            $( $q => $f ),*
        ]
    };
}

pub static BYTES_METHODS: &[(Qstr, &NativeFn)] = common_bytes_methods![];
pub static BYTEARRAY_METHODS: &[(Qstr, &NativeFn)] = common_bytes_methods![
    append => ba_append, extend => ba_extend, pop => ba_pop, insert => ba_insert,
    remove => ba_remove, reverse => ba_reverse, clear => ba_clear, copy => ba_copy,
];

pub static MEMORYVIEW_METHODS: &[(Qstr, &NativeFn)] =
    methods![tobytes => mv_tobytes, tolist => mv_tolist, release => mv_release, hex => bytes_hex];

/// `str(v)` for str subclasses and values known to be str: the value itself.
pub fn is_str_type(v: Value) -> bool {
    core::ptr::eq(type_of(v), &STR_TYPE)
}
