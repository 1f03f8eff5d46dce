//! `sys`: interpreter state (argv, path, modules), exit, the console streams, and
//! implementation facts (version, maxsize, byteorder, platform).
//!
//! The console streams write to and read from the board's [`Port`](mpy_core::port::Port):
//! `stderr` goes through `Port::write_err` (the same console on boards, real stderr on the host).

use crate::{check_args, check_kw, check_pos};
use core::cell::Cell;
use mpy_core::attr;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::exc::{new_exception_args, type_error_from};
use mpy_core::obj::list::new_tuple;
use mpy_core::obj::map::{map_set, map_set_qstr, new_dict};
use mpy_core::obj::string::{bytes_of, new_str, new_str_fmt, str_of};
use mpy_core::obj::types::{OBJECT_TYPE, OS_ERROR_TYPE, SYSTEM_EXIT_TYPE};
use mpy_core::obj::{obj, type_of, Args, Kind, NativeFn, NativeSlots, ObjHeader, TypeObj};
use mpy_core::qstr::{q, Qstr};
use mpy_core::value::{Value, SMALL_INT_MAX};
use mpy_core::vm::{PyErr, PyResult, Vm};

/// `sys.implementation.version`: this interpreter's own version.
const IMPL_VERSION: (isize, isize, isize) = (0, 1, 0);
/// The Python language version MicroPython reports (`sys.version_info`).
const LANG_VERSION: (isize, isize, isize) = (3, 4, 0);

/// `sys.platform`: the host OS name when built for one (as the MicroPython Unix port reports);
/// boards pass their own name later, meanwhile they report the interpreter's name.
pub(crate) const PLATFORM: &str = if cfg!(target_os = "linux") {
    "linux"
} else if cfg!(target_os = "macos") {
    "darwin"
} else if cfg!(target_os = "windows") {
    "win32"
} else {
    "micropython-rs"
};

/// `sys.implementation._machine`: what the interpreter runs on.
pub(crate) const MACHINE: &str = if cfg!(target_os = "none") {
    "micropython-rs bare-metal board"
} else if cfg!(target_arch = "x86_64") {
    "micropython-rs host (x86_64)"
} else if cfg!(target_arch = "aarch64") {
    "micropython-rs host (aarch64)"
} else {
    "micropython-rs host"
};

/// A console stream: `fd` 0 is stdin, 1 stdout, 2 stderr.
#[repr(C)]
struct StreamObj {
    header: ObjHeader,
    fd: Cell<usize>,
}

const STREAM_NAME: Qstr = q::TextIOWrapper;

static STREAM_SLOTS: NativeSlots = NativeSlots {
    repr: Some(stream_repr),
    next: None,
};

static STREAM_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::write, &NativeFn::method(q::write, stream_write)),
    (q::read, &NativeFn::method(q::read, stream_read)),
    (q::readline, &NativeFn::method(q::readline, stream_readline)),
    (q::flush, &NativeFn::method(q::flush, stream_flush)),
];

/// The type of `sys.stdin` / `sys.stdout` / `sys.stderr`.
pub static STREAM_TYPE: TypeObj = TypeObj {
    slots: Some(&STREAM_SLOTS),
    ..TypeObj::builtin(Kind::Native, STREAM_NAME, &OBJECT_TYPE, STREAM_METHODS)
};

fn new_stream(vm: &mut Vm, fd: usize) -> PyResult<Value> {
    vm.alloc_obj(
        StreamObj {
            header: ObjHeader { ty: &STREAM_TYPE },
            fd: Cell::new(fd),
        },
        0,
    )
}

/// The stream behind `self`, or TypeError for anything else.
fn stream_ref(vm: &mut Vm, v: Value) -> PyResult<&'static StreamObj> {
    if v.is_obj() && core::ptr::eq(type_of(v), &STREAM_TYPE) {
        // SAFETY: values of STREAM_TYPE are StreamObj allocations (made by `new_stream`).
        return Ok(unsafe { obj::<StreamObj>(v) });
    }
    let parts = [
        "descriptor requires a 'TextIOWrapper' object, not '",
        vm.type_name(v),
        "'",
    ];
    Err(type_error_from(vm, &parts))
}

fn stream_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let fd = stream_ref(vm, v)?.fd.get();
    new_str_fmt(vm, format_args!("<io.TextIOWrapper {fd}>"))
}

/// OSError(EBADF) for an operation the stream does not support (MicroPython's behaviour).
fn bad_fd(vm: &mut Vm) -> PyErr {
    const EBADF: isize = 9;
    match new_exception_args(vm, &OS_ERROR_TYPE, &[Value::small_int(EBADF)]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// `stream.write(s)`: str or bytes-like; returns the number of characters (bytes for bytes).
fn stream_write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "write")?;
    let s = stream_ref(vm, args.pos[0])?;
    if s.fd.get() == 0 {
        return Err(bad_fd(vm));
    }
    let data = args.pos[1];
    let to_err = s.fd.get() == 2;
    let emit = |vm: &mut Vm, b: &[u8]| {
        if to_err {
            vm.port().write_err(b)
        } else {
            vm.write_out(b)
        }
    };
    let n = if let Some(text) = str_of(vm, data) {
        emit(vm, text.as_bytes());
        text.chars().count()
    } else if let Some(b) = bytes_of(data) {
        emit(vm, b);
        b.len()
    } else {
        let parts = ["write() argument must be str, not ", vm.type_name(data)];
        return Err(type_error_from(vm, &parts));
    };
    Ok(Value::small_int(n as isize))
}

fn stream_flush(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "flush")?;
    // Port::write hands every byte to the console before returning: nothing is buffered here.
    stream_ref(vm, args.pos[0])?;
    Ok(Value::NONE)
}

/// The next console input byte, waiting for one; None at end of input.
fn read_console_byte(vm: &mut Vm) -> PyResult<Option<u8>> {
    loop {
        if let Some(b) = vm.port().read_byte() {
            return Ok(Some(b));
        }
        if vm.port_eof() {
            return Ok(None);
        }
        // Boards return None when no byte is waiting yet: poll, letting Ctrl-C through.
        vm.check_interrupt()?;
        vm.port().delay_us(1000);
    }
}

fn stdin_of(vm: &mut Vm, v: Value) -> PyResult<()> {
    if stream_ref(vm, v)?.fd.get() != 0 {
        return Err(bad_fd(vm));
    }
    Ok(())
}

/// `stdin.read([n])`: `n` characters (all input until its end if `n` is absent or negative).
fn stream_read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 2, "read")?;
    stdin_of(vm, args.pos[0])?;
    let limit = match args.pos.get(1) {
        Some(v) if !v.is_none() => mpy_core::ops::to_index(vm, *v)?,
        _ => -1,
    };
    read_console(vm, limit, false)
}

/// `stdin.readline()`: one line including its `\n` ("" at end of input).
fn stream_readline(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "readline")?;
    stdin_of(vm, args.pos[0])?;
    read_console(vm, -1, true)
}

/// Console input as a str: up to `limit` characters (no limit if negative), ending early at
/// the end of input or, for a `line`, after its `\n`.
fn read_console(vm: &mut Vm, limit: isize, line: bool) -> PyResult<Value> {
    let mut buf = alloc::vec::Vec::new();
    let mut chars = 0isize;
    while limit < 0 || chars < limit {
        let Some(b) = read_console_byte(vm)? else {
            break;
        };
        buf.push(b);
        // A character is complete when the next byte would start a new one: count lead bytes,
        // then finish the multi-byte sequence the last lead byte began.
        if b & 0xc0 != 0x80 {
            chars += 1;
            let more = match b {
                0xf0..=0xff => 3,
                0xe0..=0xef => 2,
                0xc0..=0xdf => 1,
                _ => 0,
            };
            for _ in 0..more {
                match read_console_byte(vm)? {
                    Some(c) => buf.push(c),
                    None => break,
                }
            }
        }
        if line && buf.last() == Some(&b'\n') {
            break;
        }
    }
    let text = mpy_core::utf8_lossy::decode(&buf);
    new_str(vm, &text)
}

/// `sys.exit([code])`: raise SystemExit(code).
fn sys_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "exit")?;
    let exc = new_exception_args(vm, &SYSTEM_EXIT_TYPE, args.pos)?;
    Err(PyErr(exc))
}

/// `sys.print_exception(exc, file=sys.stdout)`: the traceback as the REPL prints it.
fn sys_print_exception(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["file"], "print_exception")?;
    check_pos(vm, args, 1, 2, "print_exception")?;
    let exc = args.pos[0];
    if !mpy_core::obj::exc::is_exception(exc) {
        let parts = [
            "print_exception() argument must be an exception, not ",
            vm.type_name(exc),
        ];
        return Err(type_error_from(vm, &parts));
    }
    // `check_kw` let only `file=` through, so a keyword's value is the file's.
    let file = args
        .pos
        .get(1)
        .or(args.kw.get(1))
        .copied()
        .filter(|f| !f.is_none());
    let text = mpy_core::embed::format_exception(vm, exc);
    match file {
        Some(f) => {
            let s = vm.new_string(text)?;
            attr::call_method(vm, f, q::write, &[s])?;
        }
        None => vm.write_out(text.as_bytes()),
    }
    Ok(Value::NONE)
}

fn make_argv(vm: &mut Vm) -> PyResult<Value> {
    Ok(vm.sys_argv)
}

fn make_path(vm: &mut Vm) -> PyResult<Value> {
    Ok(vm.sys_path)
}

fn make_modules(vm: &mut Vm) -> PyResult<Value> {
    Ok(vm.modules)
}

fn make_stdin(vm: &mut Vm) -> PyResult<Value> {
    new_stream(vm, 0)
}

fn make_stdout(vm: &mut Vm) -> PyResult<Value> {
    new_stream(vm, 1)
}

fn make_stderr(vm: &mut Vm) -> PyResult<Value> {
    new_stream(vm, 2)
}

fn version_tuple(vm: &mut Vm, v: (isize, isize, isize)) -> PyResult<Value> {
    new_tuple(
        vm,
        &[
            Value::small_int(v.0),
            Value::small_int(v.1),
            Value::small_int(v.2),
        ],
    )
}

fn make_version_info(vm: &mut Vm) -> PyResult<Value> {
    version_tuple(vm, LANG_VERSION)
}

/// `repr(sys.implementation)`, in MicroPython's named-tuple style.
fn implementation_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__repr__")?;
    let (a, b, c) = IMPL_VERSION;
    let mut s = alloc::string::String::from("(name='micropython', version=(");
    for (k, n) in [a, b, c].into_iter().enumerate() {
        if k > 0 {
            s.push_str(", ");
        }
        mpy_core::intword::push_decimal(n as i64, &mut s);
    }
    s.push_str("), _machine='");
    s.push_str(MACHINE);
    s.push_str("')");
    vm.new_str(&s)
}

static IMPLEMENTATION_REPR: NativeFn = NativeFn::method(q::__repr__, implementation_repr);

/// `sys.implementation`: an instance of a small class holding name, version and _machine.
fn make_implementation(vm: &mut Vm) -> PyResult<Value> {
    let ns = new_dict(vm)?;
    map_set_qstr(vm, ns, q::__repr__, IMPLEMENTATION_REPR.as_value())?;
    let bases = new_tuple(vm, &[OBJECT_TYPE.as_value()])?;
    let class = attr::new_class(vm, q::implementation, bases, ns)?;
    let inst = mpy_core::call::call(vm, class, &[], &[])?;
    let d = attr::instance_dict(inst).ok_or_else(|| vm.type_error("implementation has no dict"))?;
    map_set_qstr(vm, d, q::name, Value::from_qstr(q::micropython))?;
    let v = version_tuple(vm, IMPL_VERSION)?;
    map_set_qstr(vm, d, q::version, v)?;
    // `_machine` may not be a build-time qstr yet: a dict key interned at run time works as well.
    let key = Value::from_qstr(vm.intern("_machine")?);
    let machine = vm.new_str(MACHINE)?;
    map_set(vm, d, key, machine)?;
    Ok(inst)
}

/// `sys.version`: the language version, then this implementation (MicroPython's format).
const VERSION: &str = "3.4.0; MicroPython-rs 0.1.0";

const BYTEORDER: &str = if cfg!(target_endian = "little") {
    "little"
} else {
    "big"
};

pub static MODULE: ModuleDef = ModuleDef {
    name: q::sys,
    members: &[
        (q::argv, Member::Make(make_argv)),
        (q::path, Member::Make(make_path)),
        (q::modules, Member::Make(make_modules)),
        (q::exit, Member::Fn(&NativeFn::new(q::exit, sys_exit))),
        (q::stdin, Member::Make(make_stdin)),
        (q::stdout, Member::Make(make_stdout)),
        (q::stderr, Member::Make(make_stderr)),
        (q::implementation, Member::Make(make_implementation)),
        (q::version, Member::Str(VERSION)),
        (q::version_info, Member::Make(make_version_info)),
        (q::maxsize, Member::Int(SMALL_INT_MAX)),
        (q::byteorder, Member::Str(BYTEORDER)),
        (q::platform, Member::Str(PLATFORM)),
        (
            q::print_exception,
            Member::Fn(&NativeFn::new(q::print_exception, sys_print_exception)),
        ),
    ],
};
