//! `str`, `bytes` and `bytearray`.
//!
//! A str is either a qstr (interned: names, short literals) or a `StrObj` in the heap: header,
//! cached hash, byte length, char length, then the UTF-8 bytes inline. `bytes` uses the same
//! layout. `bytearray` holds its bytes in a separate growable block (`ByteArrayObj`).

use super::{kind_of, obj, type_of, Args, Kind, NativeFn, ObjHeader};
use crate::obj::exc::type_error_from;
use crate::obj::types::{BYTEARRAY_TYPE, BYTES_TYPE, STR_TYPE};
#[cfg(feature = "extra-builtins")]
use crate::obj::{
    exc::error_fmt,
    types::{MEMORYVIEW_TYPE, VALUE_ERROR_TYPE},
};
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

/// A new str formatted from `args` (reprs of native objects; the formatting and the temporary
/// text's drop happen here, not at each call site).
#[inline(never)]
pub fn new_str_fmt(vm: &mut Vm, args: core::fmt::Arguments) -> PyResult<Value> {
    let s = alloc::fmt::format(args);
    new_str(vm, &s)
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
#[cfg(feature = "extra-builtins")]
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
            let parts = [
                "memoryview: a bytes-like object is required, not '",
                vm.type_name(v),
                "'",
            ];
            Err(type_error_from(vm, &parts))
        }
    }
}

/// A view of bytes [lo, hi) of the memoryview `mv` (no copy).
#[cfg(feature = "extra-builtins")]
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

#[cfg(feature = "extra-builtins")]
fn mv_self(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.receiver(
        vm,
        Kind::MemoryView,
        "descriptor requires a 'memoryview' object",
    )
}

#[cfg(feature = "extra-builtins")]
fn mv_tobytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mv = mv_self(vm, args)?;
    check_released(vm, mv)?;
    let b = bytes_of(mv).unwrap_or(&[]);
    new_bytes(vm, b)
}

#[cfg(feature = "extra-builtins")]
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

#[cfg(feature = "extra-builtins")]
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
    repr_quoted(s.as_bytes(), true, out);
}

/// Python `repr()` of bytes (`b'...'`).
pub fn repr_bytes(b: &[u8], out: &mut String) {
    repr_quoted(b, false, out);
}

/// The quoted, escaped text of a str (`text`: UTF-8, non-ASCII chars kept) or of bytes (`b`
/// prefix, bytes outside printable ASCII as `\xNN`).
fn repr_quoted(b: &[u8], text: bool, out: &mut String) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    if !text {
        out.push('b');
    }
    out.push(quote as char);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
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
            0x80.. if text => {
                // A run of non-ASCII chars, copied whole (it ends at a char boundary).
                let end = b[i..]
                    .iter()
                    .position(|x| x.is_ascii())
                    .map_or(b.len(), |n| i + n);
                out.push_str(core::str::from_utf8(&b[i..end]).unwrap_or("\u{fffd}"));
                i = end;
                continue;
            }
            c => {
                out.push_str("\\x");
                push_hex_byte(out, c);
            }
        }
        i += 1;
    }
    out.push(quote as char);
}

/// `c` as two lowercase hex digits (`repr` of bytes, `bytes.hex()`).
fn push_hex_byte(out: &mut String, c: u8) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push(DIGITS[(c >> 4) as usize] as char);
    out.push(DIGITS[(c & 15) as usize] as char);
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
            let parts = [what, " must be str, not ", vm.type_name(v)];
            Err(type_error_from(vm, &parts))
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
//
// Those str, bytes and bytearray share are in `shared.rs`; here are the ones only str, or only
// bytes-likes, have.

mod shared;
use shared::*;
pub use shared::{bfind, decode_utf8};

fn self_str(vm: &mut Vm, args: &Args) -> PyResult<&'static str> {
    let v = args.pos.first().copied().unwrap_or(Value::NONE);
    expect_str(vm, v, "descriptor")
}

fn str_encode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    new_bytes(vm, s.as_bytes())
}

fn bytes_decode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let b = self_bytes(vm, args)?;
    decode_utf8(vm, b)
}

fn str_format(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_str(vm, args)?;
    crate::format::str_format(vm, s, &args.pos[1..], args.kw)
}

#[cfg(feature = "extra-builtins")]
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

#[cfg(feature = "extra-builtins")]
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

fn self_bytes(vm: &mut Vm, args: &Args) -> PyResult<&'static [u8]> {
    match args.pos.first().and_then(|&v| bytes_of(v)) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires a bytes object")),
    }
}

#[cfg(feature = "extra-builtins")]
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
        push_hex_byte(&mut out, *c);
    }
    vm.new_string(out)
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (class methods: args.pos[0] is the type).
#[cfg(feature = "extra-builtins")]
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
                return Err(error_fmt(
                    vm,
                    &VALUE_ERROR_TYPE,
                    format_args!("non-hexadecimal number found in fromhex() arg at position {i}"),
                ));
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

#[cfg(feature = "extra-builtins")]
fn is_type_value(v: Value, t: &super::TypeObj) -> bool {
    super::is_type(v) && super::is_subtype(super::type_ref(v), t)
}

// ---- bytearray mutation ----

fn self_ba(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.receiver(
        vm,
        Kind::ByteArray,
        "descriptor requires a 'bytearray' object",
    )
}

/// An int that must be a byte value.
pub fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = crate::ops::to_index(vm, v)?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

/// The bytes of a bytes-like `v` (copied: `v` may be a bytearray about to change), or of an
/// iterable of byte values.
pub fn bytes_from(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(v) {
        return Ok(b.to_vec());
    }
    let items = crate::ops::collect_iterable(vm, v)?;
    let mut out = Vec::new();
    for &x in crate::obj::list::list_items(items) {
        out.push(byte_value(vm, x)?);
    }
    Ok(out)
}

fn ba_append(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let v = args.arg(vm, 1, "append() takes exactly one argument (0 given)")?;
    let c = byte_value(vm, v)?;
    bytearray_push(vm, ba, &[c])?;
    Ok(Value::NONE)
}

fn ba_extend(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let v = args.arg(vm, 1, "extend() takes exactly one argument (0 given)")?;
    // A copy first: `v` may be `ba` itself, whose buffer the push reallocates.
    let new = bytes_from(vm, v)?;
    bytearray_push(vm, ba, &new)?;
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

#[cfg(feature = "extra-builtins")]
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

#[cfg(feature = "extra-builtins")]
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
    let c = byte_value(vm, args.pos[2])?;
    bytearray_splice(vm, ba, i, i, &[c])?;
    Ok(Value::NONE)
}

#[cfg(feature = "extra-builtins")]
fn ba_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let v = args.arg(vm, 1, "remove() takes exactly one argument (0 given)")?;
    let c = byte_value(vm, v)?;
    match bytes_of(ba).unwrap_or(&[]).iter().position(|&x| x == c) {
        Some(i) => {
            bytearray_splice(vm, ba, i, i + 1, &[])?;
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

#[cfg(feature = "extra-builtins")]
fn ba_reverse(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let mut v: Vec<u8> = bytes_of(ba).unwrap_or(&[]).to_vec();
    v.reverse();
    for (i, &c) in v.iter().enumerate() {
        bytearray_set(ba, i, c);
    }
    Ok(Value::NONE)
}

#[cfg(feature = "extra-builtins")]
fn ba_clear(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    bytearray_set_len(ba, 0);
    Ok(Value::NONE)
}

#[cfg(feature = "extra-builtins")]
fn ba_copy(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let ba = self_ba(vm, args)?;
    let b = bytes_of(ba).unwrap_or(&[]);
    new_bytearray(vm, b)
}

/// A method table: `name => fn` entries, each may carry attributes (`#[cfg(...)]`: the
/// methods MicroPython's minimal ports lack exist only with the `extra-builtins` feature).
macro_rules! methods {
    ($( $(#[$a:meta])* $q:ident => $f:ident ),* $(,)?) => {
        &[ $( $(#[$a])* (q::$q, &NativeFn::method(q::$q, $f)) ),* ]
    };
}

/// Like `methods!`, plus `__new__` (str is immutable: subclasses get their value there).
macro_rules! methods_with_new {
    ($( $(#[$a:meta])* $q:ident => $f:ident ),* $(,)?) => {
        &[
            (q::__new__, &NativeFn::new(q::__new__, crate::attr::immutable_new)),
            $( $(#[$a])* (q::$q, &NativeFn::method(q::$q, $f)) ),*
        ]
    };
}

pub static STR_METHODS: &[(Qstr, &NativeFn)] = methods_with_new![
    join => seq_join,
    split => seq_split,
    rsplit => seq_rsplit,
    strip => seq_strip,
    lstrip => seq_lstrip,
    rstrip => seq_rstrip,
    startswith => seq_startswith,
    endswith => seq_endswith,
    find => seq_find,
    rfind => seq_rfind,
    index => seq_index,
    rindex => seq_rindex,
    count => seq_count,
    replace => seq_replace,
    upper => seq_upper,
    lower => seq_lower,
    isdigit => seq_isdigit,
    isalpha => seq_isalpha,
    isspace => seq_isspace,
    #[cfg(feature = "extra-builtins")] isalnum => seq_isalnum,
    encode => str_encode,
    format => str_format,
    #[cfg(feature = "extra-builtins")] center => seq_center,
    #[cfg(feature = "extra-builtins")] ljust => seq_ljust,
    #[cfg(feature = "extra-builtins")] rjust => seq_rjust,
    #[cfg(feature = "extra-builtins")] zfill => str_zfill,
    #[cfg(feature = "extra-builtins")] partition => seq_partition,
    #[cfg(feature = "extra-builtins")] rpartition => seq_rpartition,
    #[cfg(feature = "extra-builtins")] splitlines => seq_splitlines,
    #[cfg(feature = "extra-builtins")] title => seq_title,
    #[cfg(feature = "extra-builtins")] capitalize => seq_capitalize,
    #[cfg(feature = "extra-builtins")] swapcase => seq_swapcase,
    isupper => seq_isupper,
    islower => seq_islower,
    #[cfg(feature = "extra-builtins")] istitle => seq_istitle,
    #[cfg(feature = "extra-builtins")] expandtabs => str_expandtabs,
    #[cfg(feature = "extra-builtins")] removeprefix => seq_removeprefix,
    #[cfg(feature = "extra-builtins")] removesuffix => seq_removesuffix,
];

macro_rules! bytes_methods {
    ($( $(#[$a:meta])* $q:ident => $f:ident ),* $(,)?) => {
        &[
            #[cfg(feature = "extra-builtins")]
            (q::fromhex, &NativeFn::classmethod(q::fromhex, bytes_fromhex)),
            $( $(#[$a])* (q::$q, &NativeFn::method(q::$q, $f)) ),*
        ]
    };
}

/// Methods shared by bytes and bytearray, then the type's own.
macro_rules! common_bytes_methods {
    ($( $(#[$a:meta])* $q:ident => $f:ident ),* $(,)?) => {
        bytes_methods![
            decode => bytes_decode,
            find => seq_find,
            rfind => seq_rfind,
            index => seq_index,
            rindex => seq_rindex,
            count => seq_count,
            split => seq_split,
            rsplit => seq_rsplit,
            upper => seq_upper,
            lower => seq_lower,
            replace => seq_replace,
            strip => seq_strip,
            lstrip => seq_lstrip,
            rstrip => seq_rstrip,
            startswith => seq_startswith,
            endswith => seq_endswith,
            join => seq_join,
            #[cfg(feature = "extra-builtins")] partition => seq_partition,
            #[cfg(feature = "extra-builtins")] rpartition => seq_rpartition,
            isdigit => seq_isdigit,
            isalpha => seq_isalpha,
            #[cfg(feature = "extra-builtins")] isalnum => seq_isalnum,
            isspace => seq_isspace,
            isupper => seq_isupper,
            islower => seq_islower,
            #[cfg(feature = "extra-builtins")] hex => bytes_hex,
            #[cfg(feature = "extra-builtins")] splitlines => seq_splitlines,
            #[cfg(feature = "extra-builtins")] center => seq_center,
            $( $(#[$a])* $q => $f ),*
        ]
    };
}

pub static BYTES_METHODS: &[(Qstr, &NativeFn)] = common_bytes_methods![];
/// bytearray's own: MicroPython's has `append` and `extend`; the CPython mutators after them
/// exist only with the `extra-builtins` feature.
pub static BYTEARRAY_METHODS: &[(Qstr, &NativeFn)] = common_bytes_methods![
    append => ba_append,
    extend => ba_extend,
    #[cfg(feature = "extra-builtins")] pop => ba_pop,
    #[cfg(feature = "extra-builtins")] insert => ba_insert,
    #[cfg(feature = "extra-builtins")] remove => ba_remove,
    #[cfg(feature = "extra-builtins")] reverse => ba_reverse,
    #[cfg(feature = "extra-builtins")] clear => ba_clear,
    #[cfg(feature = "extra-builtins")] copy => ba_copy,
];

/// memoryview's methods (without `extra-builtins` there is no memoryview, so none).
pub static MEMORYVIEW_METHODS: &[(Qstr, &NativeFn)] = methods![
    #[cfg(feature = "extra-builtins")] tobytes => mv_tobytes,
    #[cfg(feature = "extra-builtins")] tolist => mv_tolist,
    #[cfg(feature = "extra-builtins")] release => mv_release,
    #[cfg(feature = "extra-builtins")] hex => bytes_hex,
];

/// `str(v)` for str subclasses and values known to be str: the value itself.
pub fn is_str_type(v: Value) -> bool {
    core::ptr::eq(type_of(v), &STR_TYPE)
}
