//! `io`: in-memory streams. `StringIO` holds text, `BytesIO` bytes; both keep their contents
//! in a bytearray (UTF-8 for text) with a byte position, as MicroPython does, so `seek`/`tell`
//! count bytes. `read(n)` on a StringIO counts characters (the same for ASCII).
//!
//! `io.open` is the builtin `open()` (files on the VFS: `mpy_core::obj::file`).

use crate::{check_args, check_kw, check_pos, kwarg};
use core::cell::Cell;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{list_append, new_list};
use mpy_core::obj::string::{
    bytearray_push, bytearray_set, bytearray_set_len, bytes_of, new_bytearray, new_bytes, new_str,
    str_of,
};
use mpy_core::obj::types::OBJECT_TYPE;
use mpy_core::obj::{obj, type_of, Args, Kind, NativeFn, NativeSlots, ObjHeader, TypeObj};
use mpy_core::ops::size_arg;
use mpy_core::ops::to_index;
use mpy_core::qstr::{q, Qstr};
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

/// A StringIO or BytesIO.
#[repr(C)]
struct MemIoObj {
    header: ObjHeader,
    /// The contents: a bytearray (kept alive by this field: objects are scanned by the GC).
    buf: Cell<Value>,
    /// Byte offset of the next read or write (may be past the end after a seek).
    pos: Cell<usize>,
    closed: Cell<bool>,
}

static MEMIO_SLOTS: NativeSlots = NativeSlots {
    repr: None,
    next: Some(memio_next),
};

static MEMIO_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::write, &NativeFn::method(q::write, memio_write)),
    (q::read, &NativeFn::method(q::read, memio_read)),
    (q::readline, &NativeFn::method(q::readline, memio_readline)),
    (
        q::readlines,
        &NativeFn::method(q::readlines, memio_readlines),
    ),
    (q::getvalue, &NativeFn::method(q::getvalue, memio_getvalue)),
    (q::seek, &NativeFn::method(q::seek, memio_seek)),
    (q::tell, &NativeFn::method(q::tell, memio_tell)),
    (q::flush, &NativeFn::method(q::flush, memio_flush)),
    (q::close, &NativeFn::method(q::close, memio_close)),
    (q::__enter__, &NativeFn::method(q::__enter__, memio_enter)),
    (q::__exit__, &NativeFn::method(q::__exit__, memio_exit)),
    // `cls(*args)` once the core constructs `Kind::Native` types through `__new__`.
    (q::__new__, &NativeFn::new(q::__new__, memio_new)),
];

pub static STRINGIO_TYPE: TypeObj = TypeObj {
    slots: Some(&MEMIO_SLOTS),
    ..TypeObj::builtin(Kind::Native, q::StringIO, &OBJECT_TYPE, MEMIO_METHODS)
};

pub static BYTESIO_TYPE: TypeObj = TypeObj {
    slots: Some(&MEMIO_SLOTS),
    ..TypeObj::builtin(Kind::Native, q::BytesIO, &OBJECT_TYPE, MEMIO_METHODS)
};

fn is_text(v: Value) -> bool {
    core::ptr::eq(type_of(v), &STRINGIO_TYPE)
}

/// The stream behind `self` (TypeError for other objects).
fn memio_ref(vm: &mut Vm, v: Value) -> PyResult<&'static MemIoObj> {
    if v.is_obj()
        && (core::ptr::eq(type_of(v), &STRINGIO_TYPE) || core::ptr::eq(type_of(v), &BYTESIO_TYPE))
    {
        // SAFETY: values of the StringIO/BytesIO types are MemIoObj allocations (`new_memio`).
        return Ok(unsafe { obj::<MemIoObj>(v) });
    }
    let msg = alloc::format!("expected a StringIO or BytesIO, not '{}'", vm.type_name(v));
    Err(vm.type_error(&msg))
}

/// The stream behind `self`, which must still be open.
fn open_ref(vm: &mut Vm, v: Value) -> PyResult<&'static MemIoObj> {
    let s = memio_ref(vm, v)?;
    if s.closed.get() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(s)
}

fn contents(s: &MemIoObj) -> &'static [u8] {
    bytes_of(s.buf.get()).unwrap_or(&[])
}

/// Wrap bytes read from the stream as the stream's kind of value.
fn result_value(vm: &mut Vm, text: bool, b: &[u8]) -> PyResult<Value> {
    if text {
        match core::str::from_utf8(b) {
            Ok(s) => new_str(vm, s),
            // Only after seeking into the middle of a character.
            Err(_) => new_str(vm, &mpy_core::utf8_lossy::decode(b)),
        }
    } else {
        new_bytes(vm, b)
    }
}

/// The bytes `v` contributes to a stream of this kind (TypeError for the other kind).
fn data_of(vm: &mut Vm, text: bool, v: Value) -> PyResult<&'static [u8]> {
    let d = if text {
        str_of(vm, v).map(str::as_bytes)
    } else {
        bytes_of(v)
    };
    match d {
        Some(d) => Ok(d),
        None => {
            let want = if text { "str" } else { "a bytes-like object" };
            let msg = alloc::format!("{} expected, got '{}'", want, vm.type_name(v));
            Err(vm.type_error(&msg))
        }
    }
}

fn new_memio(vm: &mut Vm, ty: &'static TypeObj, init: &[u8]) -> PyResult<Value> {
    let buf = new_bytearray(vm, init)?;
    let s = MemIoObj {
        header: ObjHeader { ty },
        buf: Cell::new(buf),
        pos: Cell::new(0),
        closed: Cell::new(false),
    };
    vm.alloc_obj(s, 0)
}

/// `StringIO([initial])` / `BytesIO([initial])`; an int initial value is a size hint
/// (MicroPython's preallocation) and leaves the stream empty.
fn construct(
    vm: &mut Vm,
    args: &Args,
    ty: &'static TypeObj,
    kw_name: &str,
    fname: &str,
) -> PyResult<Value> {
    check_kw(vm, args, &[kw_name], fname)?;
    check_pos(vm, args, 0, 1, fname)?;
    let init = args
        .pos
        .first()
        .copied()
        .or_else(|| kwarg(vm, args, kw_name))
        .filter(|v| !v.is_none());
    let text = core::ptr::eq(ty, &STRINGIO_TYPE);
    let data: &[u8] = match init {
        None => &[],
        Some(v) if v.is_small_int() => &[],
        Some(v) => data_of(vm, text, v)?,
    };
    new_memio(vm, ty, data)
}

fn io_stringio(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    construct(vm, args, &STRINGIO_TYPE, "initial_value", "StringIO")
}

fn io_bytesio(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    construct(vm, args, &BYTESIO_TYPE, "initial_bytes", "BytesIO")
}

/// `__new__(cls, [initial])`: construction through the type.
fn memio_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some((&cls, rest)) = args.pos.split_first() else {
        return Err(vm.type_error("__new__() needs a type argument"));
    };
    let rest = Args {
        pos: rest,
        kw: args.kw,
    };
    if cls == STRINGIO_TYPE.as_value() {
        io_stringio(vm, &rest)
    } else if cls == BYTESIO_TYPE.as_value() {
        io_bytesio(vm, &rest)
    } else {
        let msg = alloc::format!(
            "__new__() argument 1 must be StringIO or BytesIO, not {}",
            vm.type_name(cls)
        );
        Err(vm.type_error(&msg))
    }
}

/// `write(s)`: overwrite from the position (zero-filling a gap left by seeking past the end),
/// extend as needed; returns the characters (StringIO) or bytes (BytesIO) written.
fn memio_write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "write")?;
    let s = open_ref(vm, args.pos[0])?;
    let text = is_text(args.pos[0]);
    let data = data_of(vm, text, args.pos[1])?;
    let count = if text {
        str_of(vm, args.pos[1])
            .map(|t| t.chars().count())
            .unwrap_or(0)
    } else {
        data.len()
    };
    let buf = s.buf.get();
    let pos = s.pos.get();
    let len = contents(s).len();
    // Zero-fill a gap left by seeking past the end, in chunks: the bytearray grows in the GC
    // heap (MemoryError when it cannot), never in a Rust-side buffer of the gap's size.
    let mut gap = pos.saturating_sub(len);
    if gap > vm.heap.total_bytes() {
        return Err(vm.memory_error_now());
    }
    while gap > 0 {
        const ZEROS: [u8; 64] = [0; 64];
        let n = gap.min(ZEROS.len());
        if let Err(e) = bytearray_push(vm, buf, &ZEROS[..n]) {
            // All or nothing: drop the part of the gap already added.
            bytearray_set_len(buf, len);
            return Err(e);
        }
        gap -= n;
    }
    let overlap = data.len().min(len.saturating_sub(pos));
    for (i, &b) in data[..overlap].iter().enumerate() {
        bytearray_set(buf, pos + i, b);
    }
    bytearray_push(vm, buf, &data[overlap..])?;
    s.pos.set(pos + data.len());
    Ok(Value::small_int(count as isize))
}

/// Byte length of the first `n` characters of `b` (all of `b` if it has fewer).
fn chars_len(b: &[u8], n: usize) -> usize {
    let mut seen = 0;
    for (i, &c) in b.iter().enumerate() {
        if c & 0xc0 != 0x80 {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    b.len()
}

/// `read([n])`: up to `n` characters (StringIO) or bytes (BytesIO); all remaining by default.
fn memio_read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 2, "read")?;
    let s = open_ref(vm, args.pos[0])?;
    let text = is_text(args.pos[0]);
    let n = size_arg(vm, args, 1)?;
    let all = contents(s);
    let rest = all.get(s.pos.get()..).unwrap_or(&[]);
    let take = match n {
        None => rest.len(),
        Some(n) if text => chars_len(rest, n),
        Some(n) => n.min(rest.len()),
    };
    s.pos.set(s.pos.get() + take);
    result_value(vm, text, &rest[..take])
}

/// The next line (through its `\n`, at most `limit` bytes), advancing the position.
fn next_line(s: &MemIoObj, limit: Option<usize>) -> &'static [u8] {
    let all = contents(s);
    let rest = all.get(s.pos.get()..).unwrap_or(&[]);
    let mut end = rest
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| i + 1)
        .unwrap_or(rest.len());
    if let Some(l) = limit {
        end = end.min(l);
    }
    s.pos.set(s.pos.get() + end);
    &rest[..end]
}

fn memio_readline(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 2, "readline")?;
    let s = open_ref(vm, args.pos[0])?;
    let limit = size_arg(vm, args, 1)?;
    let line = next_line(s, limit);
    result_value(vm, is_text(args.pos[0]), line)
}

fn memio_readlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "readlines")?;
    let s = open_ref(vm, args.pos[0])?;
    let text = is_text(args.pos[0]);
    let out = new_list(vm, &[])?;
    loop {
        let line = next_line(s, None);
        if line.is_empty() {
            return Ok(out);
        }
        let v = result_value(vm, text, line)?;
        list_append(vm, out, v)?;
    }
}

/// Iteration: the next line, None at the end (`for line in stream`).
fn memio_next(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let s = open_ref(vm, v)?;
    let line = next_line(s, None);
    if line.is_empty() {
        return Ok(None);
    }
    result_value(vm, is_text(v), line).map(Some)
}

fn memio_getvalue(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "getvalue")?;
    let s = open_ref(vm, args.pos[0])?;
    result_value(vm, is_text(args.pos[0]), contents(s))
}

/// `seek(offset[, whence])`: whence 0 from the start, 1 from the position, 2 from the end.
fn memio_seek(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 3, "seek")?;
    let s = open_ref(vm, args.pos[0])?;
    let offset = to_index(vm, args.pos[1])?;
    let whence = match args.pos.get(2) {
        Some(&w) => to_index(vm, w)?,
        None => 0,
    };
    let base = match whence {
        0 => 0,
        1 => s.pos.get() as isize,
        2 => contents(s).len() as isize,
        _ => {
            let msg = alloc::format!("invalid whence ({}, should be 0, 1 or 2)", whence);
            return Err(vm.value_error(&msg));
        }
    };
    if whence == 0 && offset < 0 {
        let msg = alloc::format!("negative seek position {}", offset);
        return Err(vm.value_error(&msg));
    }
    // Relative seeks before the start stop at the start (MicroPython).
    let pos = base.saturating_add(offset).max(0) as usize;
    s.pos.set(pos);
    mpy_core::obj::num::int_from_i64(vm, pos as i64)
}

fn memio_tell(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "tell")?;
    let s = open_ref(vm, args.pos[0])?;
    mpy_core::obj::num::int_from_i64(vm, s.pos.get() as i64)
}

fn memio_flush(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "flush")?;
    // In-memory: every write is already in the buffer.
    open_ref(vm, args.pos[0])?;
    Ok(Value::NONE)
}

/// `close()`: later operations raise ValueError; the contents are released.
fn memio_close(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "close")?;
    let s = memio_ref(vm, args.pos[0])?;
    s.closed.set(true);
    s.buf.set(Value::NONE);
    Ok(Value::NONE)
}

fn memio_enter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__enter__")?;
    open_ref(vm, args.pos[0])?;
    Ok(args.pos[0])
}

/// `__exit__(exc_type, exc, tb)`: close; the exception (if any) propagates.
fn memio_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_pos(vm, args, 1, 4, "__exit__")?;
    memio_close(vm, &Args::new(&args.pos[..1]))
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::io,
    members: &[
        (q::StringIO, Member::Type(&STRINGIO_TYPE)),
        (q::BytesIO, Member::Type(&BYTESIO_TYPE)),
        #[cfg(feature = "vfs")]
        (q::open, Member::Fn(&mpy_core::obj::file::OPEN)),
    ],
};
