//! File objects and the `open()` builtin.
//!
//! `open(path, mode)` returns a `TextIOWrapper` (text: `str` in and out, UTF-8) or a `FileIO`
//! (binary: `bytes`), both unbuffered over a VFS file (`vfs.rs`): every call goes to the
//! filesystem, as MicroPython's files do. `readline` reads a byte at a time (as MicroPython's
//! unbuffered streams do); positions (`seek`/`tell`) count bytes in both modes.
//!
//! A file object that becomes garbage without `close()` is not finalized (MicroPython only does
//! so when built with finalisers): its handle stays open in the filesystem until the filesystem
//! is unmounted or the interpreter ends, and data the filesystem caches may not reach the medium
//! before `os.sync()`/unmount. Close files (`with open(...)`).

use crate::obj::string::{
    bytearray_set, bytes_of, is_memoryview, memoryview_set, new_bytes, new_str, str_of,
};
use crate::obj::types::OBJECT_TYPE;
use crate::obj::{kind_of, obj, type_of, Args, Kind, NativeFn, NativeSlots, ObjHeader, TypeObj};
use crate::ops::{size_arg, to_index};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vfs::{os_error, Filesystem, FsResult, Handle, OpenFlags, Whence};
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

const READABLE: u8 = 1;
const WRITABLE: u8 = 2;
const CLOSED: u8 = 4;

/// An open (or closed) file.
#[repr(C)]
pub struct FileObj {
    header: ObjHeader,
    /// Which mounting of a filesystem the handle belongs to (`Vfs::file`).
    mount: u32,
    handle: Handle,
    state: Cell<u8>,
    /// The path and mode as given to `open()` (str values, for `name`, `mode` and repr).
    name: Value,
    mode: Value,
}

static FILE_SLOTS: NativeSlots = NativeSlots {
    repr: Some(file_repr),
    next: Some(file_next),
};

static FILE_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::read, &NativeFn::method(q::read, file_read)),
    (q::readinto, &NativeFn::method(q::readinto, file_readinto)),
    (q::readline, &NativeFn::method(q::readline, file_readline)),
    (
        q::readlines,
        &NativeFn::method(q::readlines, file_readlines),
    ),
    (q::write, &NativeFn::method(q::write, file_write)),
    (q::seek, &NativeFn::method(q::seek, file_seek)),
    (q::tell, &NativeFn::method(q::tell, file_tell)),
    (q::flush, &NativeFn::method(q::flush, file_flush)),
    (q::close, &NativeFn::method(q::close, file_close)),
    (q::__enter__, &NativeFn::method(q::__enter__, file_enter)),
    (q::__exit__, &NativeFn::method(q::__exit__, file_exit)),
];

/// Binary files (`open(p, 'rb')`).
pub static FILEIO_TYPE: TypeObj = TypeObj {
    slots: Some(&FILE_SLOTS),
    ..TypeObj::builtin(Kind::Native, q::FileIO, &OBJECT_TYPE, FILE_METHODS)
};

/// Text files (`open(p)`).
pub static TEXTIO_TYPE: TypeObj = TypeObj {
    slots: Some(&FILE_SLOTS),
    ..TypeObj::builtin(Kind::Native, q::TextIOWrapper, &OBJECT_TYPE, FILE_METHODS)
};

pub fn is_file(v: Value) -> bool {
    v.is_obj()
        && kind_of(v) == Kind::Native
        && (core::ptr::eq(type_of(v), &FILEIO_TYPE) || core::ptr::eq(type_of(v), &TEXTIO_TYPE))
}

fn is_text(v: Value) -> bool {
    core::ptr::eq(type_of(v), &TEXTIO_TYPE)
}

fn file_ref(vm: &mut Vm, v: Value) -> PyResult<&'static FileObj> {
    if is_file(v) {
        // SAFETY: values of the file types are FileObj allocations (`open`).
        return Ok(unsafe { obj::<FileObj>(v) });
    }
    let msg = alloc::format!("expected a file, not '{}'", vm.type_name(v));
    Err(vm.type_error(&msg))
}

/// `self` of a method, which must be an open file with `need` (READABLE/WRITABLE, or 0).
fn open_file(vm: &mut Vm, args: &Args, need: u8, fname: &str) -> PyResult<&'static FileObj> {
    if !args.kw.is_empty() {
        let msg = alloc::format!("{}() takes no keyword arguments", fname);
        return Err(vm.type_error(&msg));
    }
    let Some(&this) = args.pos.first() else {
        return Err(vm.type_error("method needs a file"));
    };
    let f = file_ref(vm, this)?;
    if f.state.get() & CLOSED != 0 {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    if f.state.get() & need != need {
        // MicroPython: the filesystem refuses the operation on this handle.
        return Err(os_error(vm, crate::vfs::Errno::EBADF));
    }
    Ok(f)
}

/// Check a method's positional argument count (self included).
fn arity(vm: &mut Vm, args: &Args, min: usize, max: usize, fname: &str) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        let msg = alloc::format!(
            "{}() takes from {} to {} positional arguments but {} were given",
            fname,
            min.saturating_sub(1),
            max.saturating_sub(1),
            n.saturating_sub(1)
        );
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

/// Run `op` on the file's filesystem and handle; errors become OSError.
fn with_fs<T>(
    vm: &mut Vm,
    f: &FileObj,
    op: impl FnOnce(&mut dyn Filesystem, Handle) -> FsResult<T>,
) -> PyResult<T> {
    let r = vm.vfs.file(f.mount).and_then(|fs| op(fs, f.handle));
    r.map_err(|e| os_error(vm, e))
}

/// Read up to `n` bytes (fewer only at the end of the file).
fn read_bytes(vm: &mut Vm, f: &FileObj, n: usize, out: &mut Vec<u8>) -> PyResult<()> {
    let mut buf = [0u8; 256];
    let mut left = n;
    while left > 0 {
        let want = left.min(buf.len());
        let got = with_fs(vm, f, |fs, h| fs.read(h, &mut buf[..want]))?;
        if got == 0 {
            break;
        }
        out.extend_from_slice(&buf[..got]);
        left -= got;
    }
    Ok(())
}

/// Bytes still missing from a UTF-8 character cut off at the end of `b`.
fn missing_tail(b: &[u8]) -> usize {
    for back in 1..=b.len().min(4) {
        let c = b[b.len() - back];
        if c & 0xc0 != 0x80 {
            let len = match c {
                0xf0.. => 4,
                0xe0.. => 3,
                0xc0.. => 2,
                _ => 1,
            };
            return len - back.min(len);
        }
    }
    0
}

fn char_starts(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c & 0xc0 != 0x80).count()
}

/// Read up to `n` characters: whole UTF-8 sequences, as bytes.
fn read_chars(vm: &mut Vm, f: &FileObj, n: usize, out: &mut Vec<u8>) -> PyResult<()> {
    let mut chars = 0;
    while chars < n {
        let start = out.len();
        read_bytes(vm, f, (n - chars).min(256), out)?;
        if out.len() == start {
            break;
        }
        let tail = missing_tail(out);
        read_bytes(vm, f, tail, out)?;
        chars += char_starts(&out[start..]);
    }
    Ok(())
}

/// Everything up to the end of the file.
fn read_all(vm: &mut Vm, f: &FileObj, out: &mut Vec<u8>) -> PyResult<()> {
    loop {
        let start = out.len();
        read_bytes(vm, f, 256, out)?;
        if out.len() == start {
            return Ok(());
        }
    }
}

/// The next line through its `\n` (at most `limit` characters or bytes), a byte at a time so
/// the position ends right after it.
fn read_line(vm: &mut Vm, f: &FileObj, text: bool, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut count = 0;
    while limit.is_none_or(|l| count < l) {
        let start = out.len();
        read_bytes(vm, f, 1, &mut out)?;
        if out.len() == start {
            break;
        }
        if text {
            let tail = missing_tail(&out);
            read_bytes(vm, f, tail, &mut out)?;
        }
        count += 1;
        if out[start] == b'\n' {
            break;
        }
    }
    Ok(out)
}

/// Bytes read from a file as the file's kind of value.
fn result_value(vm: &mut Vm, text: bool, b: &[u8]) -> PyResult<Value> {
    if !text {
        return new_bytes(vm, b);
    }
    match core::str::from_utf8(b) {
        Ok(s) => new_str(vm, s),
        Err(_) => Err(vm.new_error(
            &crate::obj::types::UNICODE_ERROR_TYPE,
            "'utf-8' codec can't decode the file's bytes",
        )),
    }
}

/// `read([n])`: up to `n` characters (text) or bytes (binary); all remaining by default.
fn file_read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 1, 2, "read")?;
    let f = open_file(vm, args, READABLE, "read")?;
    let text = is_text(args.pos[0]);
    let mut out = Vec::new();
    match size_arg(vm, args, 1)? {
        None => read_all(vm, f, &mut out)?,
        Some(n) if text => read_chars(vm, f, n, &mut out)?,
        Some(n) => read_bytes(vm, f, n, &mut out)?,
    }
    result_value(vm, text, &out)
}

/// `readinto(buf)`: fill a bytearray (or a memoryview of one); returns the count read.
fn file_readinto(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 2, 2, "readinto")?;
    let f = open_file(vm, args, READABLE, "readinto")?;
    let buf = args.pos[1];
    let writable = buf.is_obj() && (kind_of(buf) == Kind::ByteArray || is_memoryview(buf));
    let Some(len) = bytes_of(buf).filter(|_| writable).map(<[u8]>::len) else {
        let msg = alloc::format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        );
        return Err(vm.type_error(&msg));
    };
    let mut data = Vec::new();
    read_bytes(vm, f, len, &mut data)?;
    for (i, &b) in data.iter().enumerate() {
        if is_memoryview(buf) {
            memoryview_set(vm, buf, i, b)?;
        } else {
            bytearray_set(buf, i, b);
        }
    }
    Ok(Value::small_int(data.len() as isize))
}

fn file_readline(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 1, 2, "readline")?;
    let f = open_file(vm, args, READABLE, "readline")?;
    let limit = size_arg(vm, args, 1)?;
    let text = is_text(args.pos[0]);
    let line = read_line(vm, f, text, limit)?;
    result_value(vm, text, &line)
}

fn file_readlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 1, 1, "readlines")?;
    let f = open_file(vm, args, READABLE, "readlines")?;
    let text = is_text(args.pos[0]);
    let out = crate::obj::list::new_list(vm, &[])?;
    loop {
        let line = read_line(vm, f, text, None)?;
        if line.is_empty() {
            return Ok(out);
        }
        let v = result_value(vm, text, &line)?;
        crate::obj::list::list_append(vm, out, v)?;
    }
}

/// Iteration: the next line; the end of the file stops it.
fn file_next(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let f = open_file(vm, &Args::new(&[v]), READABLE, "__next__")?;
    let text = is_text(v);
    let line = read_line(vm, f, text, None)?;
    if line.is_empty() {
        return Ok(None);
    }
    result_value(vm, text, &line).map(Some)
}

/// `write(s)`: str for text files, bytes-like for binary ones; returns the characters or
/// bytes written.
fn file_write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 2, 2, "write")?;
    let f = open_file(vm, args, WRITABLE, "write")?;
    let v = args.pos[1];
    let (data, count) = if is_text(args.pos[0]) {
        match str_of(vm, v) {
            Some(s) => (s.as_bytes(), s.chars().count()),
            None => {
                let msg = alloc::format!("write() argument must be str, not {}", vm.type_name(v));
                return Err(vm.type_error(&msg));
            }
        }
    } else {
        match bytes_of(v) {
            Some(b) => (b, b.len()),
            None => {
                let msg =
                    alloc::format!("a bytes-like object is required, not '{}'", vm.type_name(v));
                return Err(vm.type_error(&msg));
            }
        }
    };
    let mut done = 0;
    while done < data.len() {
        let n = with_fs(vm, f, |fs, h| fs.write(h, &data[done..]))?;
        if n == 0 {
            return Err(os_error(vm, crate::vfs::Errno::ENOSPC));
        }
        done += n;
    }
    Ok(Value::small_int(count as isize))
}

/// `seek(offset[, whence])`: whence 0 from the start, 1 from the position, 2 from the end;
/// returns the new position.
fn file_seek(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 2, 3, "seek")?;
    let f = open_file(vm, args, 0, "seek")?;
    let offset = to_index(vm, args.pos[1])? as i64;
    let whence = match args.pos.get(2) {
        Some(&w) => to_index(vm, w)?,
        None => 0,
    };
    let whence = match whence {
        // Binary files leave a negative position to the filesystem (EINVAL), as CPython's
        // FileIO does.
        0 if offset < 0 && is_text(args.pos[0]) => {
            let msg = alloc::format!("negative seek position {}", offset);
            return Err(vm.value_error(&msg));
        }
        0 => Whence::Start,
        1 => Whence::Current,
        2 => Whence::End,
        _ => {
            let msg = alloc::format!("invalid whence ({}, should be 0, 1 or 2)", whence);
            return Err(vm.value_error(&msg));
        }
    };
    let pos = with_fs(vm, f, |fs, h| fs.seek(h, offset, whence))?;
    crate::obj::num::int_from_i64(vm, pos as i64)
}

fn file_tell(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 1, 1, "tell")?;
    let f = open_file(vm, args, 0, "tell")?;
    let pos = with_fs(vm, f, |fs, h| fs.seek(h, 0, Whence::Current))?;
    crate::obj::num::int_from_i64(vm, pos as i64)
}

fn file_flush(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 1, 1, "flush")?;
    let f = open_file(vm, args, 0, "flush")?;
    with_fs(vm, f, |fs, h| fs.flush(h))?;
    Ok(Value::NONE)
}

/// `close()`: releases the handle; closing again does nothing.
fn file_close(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 1, 1, "close")?;
    let f = file_ref(vm, args.pos[0])?;
    if f.state.get() & CLOSED != 0 {
        return Ok(Value::NONE);
    }
    f.state.set(CLOSED);
    with_fs(vm, f, |fs, h| fs.close(h))?;
    Ok(Value::NONE)
}

fn file_enter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 1, 1, "__enter__")?;
    open_file(vm, args, 0, "__enter__")?;
    Ok(args.pos[0])
}

/// `__exit__(exc_type, exc, tb)`: close; an exception (if any) propagates.
fn file_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    arity(vm, args, 1, 4, "__exit__")?;
    file_close(vm, &Args::new(&args.pos[..1]))
}

fn file_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = file_ref(vm, v)?;
    let s = alloc::format!(
        "<io.{} name='{}' mode='{}'{}>",
        vm.qstr_str(type_of(v).name),
        str_of(vm, f.name).unwrap_or("?"),
        str_of(vm, f.mode).unwrap_or("?"),
        if f.state.get() & CLOSED != 0 {
            " closed"
        } else {
            ""
        }
    );
    vm.new_string(s)
}

/// Attributes beyond methods: `closed`, `name`, `mode`.
pub fn file_attr(v: Value, name: Qstr) -> Option<Value> {
    // SAFETY: callers check `is_file(v)`.
    let f = unsafe { obj::<FileObj>(v) };
    match name {
        n if n == q::closed => Some(Value::from_bool(f.state.get() & CLOSED != 0)),
        n if n == q::name => Some(f.name),
        n if n == q::mode => Some(f.mode),
        _ => None,
    }
}

/// A mode string decoded: what to open and whether the file is text.
struct Mode {
    flags: OpenFlags,
    text: bool,
}

/// Decode `open()`'s mode as CPython does (same checks, same messages).
fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwaxbt+".contains(c) || seen.contains(c) {
            let msg = alloc::format!("invalid mode: '{}'", mode);
            return Err(vm.value_error(&msg));
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    let kinds = ['r', 'w', 'a', 'x'].iter().filter(|&&c| has(c)).count();
    if kinds != 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if has('b') && has('t') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let plus = has('+');
    Ok(Mode {
        flags: OpenFlags {
            read: has('r') || plus,
            write: !has('r') || plus,
            append: has('a'),
            create: !has('r'),
            truncate: has('w'),
            exclusive: has('x'),
        },
        text: !has('b'),
    })
}

/// The `open` builtin (also `io.open`).
pub static OPEN: NativeFn = NativeFn::new(q::open, builtin_open);

/// `open(file, mode='r', buffering=-1, encoding=None)`: a file on the VFS.
fn builtin_open(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mut params = [Value::NULL; 4];
    const NAMES: [&str; 4] = ["file", "mode", "buffering", "encoding"];
    if args.pos.len() > NAMES.len() {
        return Err(vm.type_error("open() takes at most 4 positional arguments"));
    }
    params[..args.pos.len()].copy_from_slice(args.pos);
    for pair in args.kw.chunks(2) {
        let key = str_of(vm, pair[0]).unwrap_or("");
        match NAMES.iter().position(|&n| n == key) {
            Some(i) if params[i].is_null() => params[i] = pair[1],
            Some(_) => {
                let msg = alloc::format!("open() got multiple values for argument '{}'", key);
                return Err(vm.type_error(&msg));
            }
            None => {
                let msg = alloc::format!("open() got an unexpected keyword argument '{}'", key);
                return Err(vm.type_error(&msg));
            }
        }
    }
    let [path_v, mode_v, _buffering, encoding] = params;
    let Some(path) = str_of(vm, path_v).filter(|_| !path_v.is_null()) else {
        let msg = alloc::format!(
            "open() path must be str, not {}",
            if path_v.is_null() {
                "nothing"
            } else {
                vm.type_name(path_v)
            }
        );
        return Err(vm.type_error(&msg));
    };
    let mode_v = if mode_v.is_null() {
        Value::from_qstr(q::r)
    } else {
        mode_v
    };
    let Some(mode_s) = str_of(vm, mode_v) else {
        let msg = alloc::format!("open() mode must be str, not {}", vm.type_name(mode_v));
        return Err(vm.type_error(&msg));
    };
    let mode = parse_mode(vm, mode_s)?;
    if !encoding.is_null() && !encoding.is_none() {
        if !mode.text {
            return Err(vm.value_error("binary mode doesn't take an encoding argument"));
        }
        let enc = str_of(vm, encoding).unwrap_or("").to_ascii_lowercase();
        if enc != "utf-8" && enc != "utf8" {
            let msg = alloc::format!("unknown encoding: {}", enc);
            return Err(vm.new_error(&crate::obj::types::LOOKUP_ERROR_TYPE, &msg));
        }
    }
    let (mount, handle) = vm.vfs.open(path, mode.flags).map_err(|e| os_error(vm, e))?;
    let mut state = 0;
    if mode.flags.read {
        state |= READABLE;
    }
    if mode.flags.write {
        state |= WRITABLE;
    }
    let ty = if mode.text {
        &TEXTIO_TYPE
    } else {
        &FILEIO_TYPE
    };
    let f = FileObj {
        header: ObjHeader { ty },
        mount,
        handle,
        state: Cell::new(state),
        name: path_v,
        mode: mode_v,
    };
    match vm.alloc_obj(f, 0) {
        Ok(v) => Ok(v),
        Err(e) => {
            // No object to close it later: release the handle now.
            if let Ok(fs) = vm.vfs.file(mount) {
                let _ = fs.close(handle);
            }
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_tail() {
        assert_eq!(missing_tail(b"ab"), 0);
        assert_eq!(missing_tail("é".as_bytes()), 0);
        assert_eq!(missing_tail(&"é".as_bytes()[..1]), 1);
        assert_eq!(missing_tail(&"€".as_bytes()[..1]), 2);
        assert_eq!(missing_tail(&"€".as_bytes()[..2]), 1);
        assert_eq!(missing_tail(&"😀".as_bytes()[..3]), 1);
        assert_eq!(missing_tail(b""), 0);
    }
}
