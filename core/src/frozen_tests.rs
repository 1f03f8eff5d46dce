//! Frozen code: serialize → load in place → run, compared with running the same source.

use super::*;
use crate::compile::{compile, CompileMode};
use crate::obj::func::code_ref;
use crate::port::Port;
use crate::value::Value;
use crate::vm::{Config, Vm};
use alloc::boxed::Box;
use alloc::string::String;
use std::vec;

/// A console that keeps what is written, and one file `m.py` with the text `M_SOURCE` holds
/// (for imports from source).
struct Capture(Vec<u8>);

/// A module shaped like a small driver: a class, methods, constants of every kind.
const M_SOURCE: &str = "\
ADDR = 0x3C
NAME = 'a sensor driver module name that is long'
SCALE = (0.5, 1.25, 2.0)
class Sensor:
    def __init__(self, bus, addr=ADDR):
        self.bus = bus
        self.addr = addr
        self.buf = bytearray(b'\\x00\\x00')
    def read(self, reg):
        try:
            return self.bus.read(self.addr, reg) * SCALE[0]
        except OSError as e:
            raise RuntimeError('read failed', reg) from e
    def readings(self, n):
        return [self.read(r) for r in range(n) if r % 2 == 0]
def crc8(data, poly=0x31):
    crc = 0xFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ poly if crc & 0x80 else crc << 1) & 0xFF
    return crc
";

impl Port for Capture {
    fn write(&mut self, data: &[u8]) {
        self.0.extend_from_slice(data);
    }
    fn read_byte(&mut self) -> Option<u8> {
        None
    }
    fn ticks_ms(&self) -> u32 {
        0
    }
    fn ticks_us(&self) -> u32 {
        0
    }
    fn delay_us(&mut self, _us: u32) {}
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        (path == "./m.py").then(|| M_SOURCE.as_bytes().to_vec())
    }
}

/// A fresh interpreter (leaked buffers: tests are short) with `frozen` as its frozen table;
/// `top` is the address of a local in a frame above every frame that runs Python code.
fn new_vm(frozen: &'static [FrozenModule], top: usize) -> (Box<Vm>, *mut Capture) {
    let port: *mut Capture = Box::leak(Box::new(Capture(Vec::new())));
    let heap: &'static mut [u8] = vec![0u8; 512 * 1024].leak();
    let vstack: &'static mut [Value] = vec![Value::NULL; 8192].leak();
    let config = Config {
        max_depth: 100,
        stack_limit: 1 << 20,
    };
    // SAFETY: leaked buffers and port live for the process; the Vm is boxed before `init`.
    let mut vm = Box::new(unsafe { Vm::new(heap, vstack, port, top, &config, &[]) });
    vm.frozen = frozen;
    vm.init().expect("heap large enough");
    crate::module::add_frozen_path(&mut vm).expect("heap large enough");
    (vm, port)
}

/// Run `src` as `__main__`; the console output, with an uncaught exception's last line.
pub(crate) fn run(frozen: &'static [FrozenModule], src: &str) -> String {
    let marker = 0usize;
    let (mut vm, port) = new_vm(frozen, &marker as *const usize as usize);
    let g = vm.main_globals;
    if let Err(e) =
        crate::embed::exec_source(&mut vm, src, "<t>", CompileMode::File, g, Value::NULL)
    {
        let text = crate::embed::format_exception(&mut vm, e.0);
        vm.write_out(text.lines().last().unwrap_or("").as_bytes());
    }
    drop(vm);
    std::hint::black_box(&marker);
    // SAFETY: the Vm that wrote through the port is gone.
    String::from_utf8_lossy(unsafe { &(*port).0 }).into_owned()
}

fn freeze(src: &str, file: &str) -> &'static [u8] {
    leak_aligned(&serialize(
        &compile(src, file, CompileMode::File).expect("compiles"),
    ))
}

fn table(name: &'static str, src: &str) -> &'static [FrozenModule] {
    let code = freeze(src, "m.py");
    Box::leak(Box::new([FrozenModule::new(name, code)]))
}

/// The index in [`PROGRAMS`] of the one with try/except/finally (exception tables).
const TRY_PROGRAM: usize = 8;

/// Programs covering every constant kind and code shape (closures, classes with `super()`,
/// generators, comprehensions, exception tables, keyword calls, nested functions).
const PROGRAMS: &[&str] = &[
    "x = 1 + 2\nprint(x, 'a' * 3, None, True, False, ...)\n",
    "print(-9223372036854775808, 9223372036854775807, 1 << 40, -(1 << 29), 536870912)\n",
    "print(3.25, 2 ** 100, -12345678901234567890123, b'by\\x00tes', (1, 'two', (3.0, b'4')))\n",
    "s = 'a long string constant that is certainly longer than thirty-two bytes'\nprint(s, len(s))\n",
    "def f(a, b=2, *args, c, d=4, **kw):\n    return (a, b, args, c, d, sorted(kw))\nprint(f(1, c=3), f(1, 2, 3, c=5, z=6))\n",
    "def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\ni = outer()\ni(); print(i(), outer()())\n",
    "class A:\n    def f(self):\n        return 'A'\nclass B(A):\n    def f(self):\n        return 'B' + super().f()\nprint(B().f(), B.__name__, B.f.__qualname__)\n",
    "def g(n):\n    for i in range(n):\n        yield i * i\nprint(list(g(5)), [x for x in g(4) if x], {x % 3 for x in range(9)}, {k: k * 2 for k in 'ab'})\n",
    "def h(v):\n    try:\n        try:\n            return 10 // v\n        finally:\n            print('fin', v)\n    except ZeroDivisionError as e:\n        print('caught', e)\n        return -1\nprint(h(2), h(0))\n",
    "class C:\n    def __enter__(self):\n        return 5\n    def __exit__(self, *a):\n        print('exit', a[0])\n        return True\nwith C() as c:\n    print(c)\n    raise KeyError\n",
    "def f():\n    raise ValueError('from frozen')\nf()\n",
    "print(sum(x for x in range(100)), (lambda q: q + 1)(1), f'{3.5:>8.2f}|{\"x\"!r}')\n",
];

#[test]
fn frozen_modules_print_what_their_source_prints() {
    assert!(PROGRAMS[TRY_PROGRAM].contains("finally"));
    for src in PROGRAMS {
        let full_build = cfg!(feature = "float") && cfg!(feature = "fstrings");
        if !full_build && compile(src, "m.py", CompileMode::File).is_err() {
            // Decimal literals need floats, f-strings `fstrings`; those programs are covered by
            // full builds.
            continue;
        }
        let from_source = run(&[], src);
        let as_module = run(table("m", src), "import m\n");
        assert_eq!(as_module, from_source, "program:\n{src}");
        assert!(!from_source.is_empty(), "{src}");
    }
}

#[test]
fn frozen_module_is_imported_once_and_found_after_builtins() {
    let out = run(
        table("m", "print('init')\nv = 7\n"),
        "import m\nimport m as m2\nfrom m import v\nprint(m is m2, v, m.__name__, m.__file__)\n",
    );
    assert_eq!(out, "init\nTrue 7 m m.py\n");
    let missing = run(table("m", "v = 1\n"), "import nope\n");
    assert_eq!(missing, "ImportError: no module named 'nope'");
}

#[test]
fn frozen_module_raising_at_import_is_not_registered() {
    let out = run(
        table("m", "x = 1\nraise OSError('boom')\n"),
        "for _ in range(2):\n    try:\n        import m\n    except OSError as e:\n        print('failed', e)\n",
    );
    // Not left half-initialised in sys.modules: the second import runs the body again.
    assert_eq!(out, "failed boom\nfailed boom\n");
}

/// Code of the function `f` defined by a frozen blob (the module's first code constant).
fn function_code(vm: &mut Vm, blob: &'static [u8]) -> Value {
    let module = crate::loader::load_frozen(vm, blob).expect("loads");
    let consts = code_ref(module).consts;
    *crate::obj::list::tuple_items(consts)
        .iter()
        .find(|c| crate::obj::kind_of(**c) == crate::obj::Kind::Code)
        .expect("a nested code object")
}

fn within(blob: &[u8], p: *const u8, len: usize) -> bool {
    let range = blob.as_ptr_range();
    len > 0 && range.contains(&p) && p as usize + len <= range.end as usize
}

#[test]
fn frozen_arrays_are_read_in_place_from_the_blob() {
    let blob = freeze(
        "def f(x):\n    try:\n        return 1 / x\n    except ZeroDivisionError:\n        return None\n",
        "m.py",
    );
    let marker = 0usize;
    let (mut vm, _) = new_vm(&[], &marker as *const usize as usize);
    let code = function_code(&mut vm, blob);
    let c = code_ref(code);
    assert!(within(blob, c.bytecode().as_ptr(), c.bytecode_len));
    assert!(within(blob, c.line_table().as_ptr(), c.line_table_len));
    let exc = c.exc_table();
    assert!(!exc.is_empty());
    assert!(within(
        blob,
        exc.as_ptr() as *const u8,
        core::mem::size_of_val(exc)
    ));
    assert_eq!(vm.qstr_str(c.name), "f");
    assert_eq!(vm.qstr_str(c.filename), "m.py");
}

fn heap_used(vm: &mut Vm) -> usize {
    vm.heap.stats().used
}

#[test]
fn loading_frozen_code_allocates_less_than_its_bytecode() {
    // A module with a lot of bytecode and no constants that need the heap.
    let mut src = String::from("def f(a, b):\n");
    for i in 0..200 {
        src.push_str(&alloc::format!("    a = a * {i} + b - (a // 7) ^ b\n"));
    }
    src.push_str("    return a\n");
    let raw = compile(&src, "big.py", CompileMode::File).unwrap();
    let blob = leak_aligned(&serialize(&raw));
    let marker = 0usize;
    let (mut vm, _) = new_vm(&[], &marker as *const usize as usize);
    let before = heap_used(&mut vm);
    let frozen = crate::loader::load_frozen(&mut vm, blob).unwrap();
    vm.scratch[0] = frozen;
    let frozen_cost = heap_used(&mut vm) - before;
    let from_source = crate::loader::load_code(&mut vm, &raw).unwrap();
    vm.scratch[1] = from_source;
    let source_cost = heap_used(&mut vm) - before - frozen_cost;
    let Some(Const::Code(f)) = raw.consts.first() else {
        panic!("f's code is the first constant")
    };
    let bytecode = f.bytecode.len() + raw.bytecode.len();
    std::eprintln!(
        "frozen load: {frozen_cost} heap bytes; source load: {source_cost}; bytecode {bytecode}"
    );
    assert!(bytecode > 1000, "{bytecode}");
    assert!(frozen_cost < bytecode / 4, "{frozen_cost} vs {bytecode}");
    assert!(frozen_cost < source_cost, "{frozen_cost} vs {source_cost}");
}

#[test]
fn malformed_blobs_raise_import_error_without_panicking() {
    let blob =
        serialize(&compile(PROGRAMS[TRY_PROGRAM], "m.py", CompileMode::File).expect("compiles"));
    let marker = 0usize;
    let (mut vm, _) = new_vm(&[], &marker as *const usize as usize);
    for cut in 0..blob.len() {
        let short = leak_aligned(&blob[..cut]);
        assert!(
            crate::loader::load_frozen(&mut vm, short).is_err(),
            "cut at {cut}"
        );
    }
    let mut wrong_version = blob.clone();
    wrong_version[MAGIC.len()] = VERSION + 1;
    assert!(crate::loader::load_frozen(&mut vm, leak_aligned(&wrong_version)).is_err());
    assert!(crate::loader::load_frozen(&mut vm, leak_aligned(&blob)).is_ok());
}

#[test]
fn unaligned_blobs_still_load() {
    let blob = serialize(&compile(PROGRAMS[TRY_PROGRAM], "m.py", CompileMode::File).unwrap());
    // An odd start address: the exception tables are decoded into the heap instead.
    let buf: &'static mut [u8] = vec![0u8; blob.len() + 1].leak();
    let start = 1 - buf.as_ptr() as usize % 2;
    buf[start..start + blob.len()].copy_from_slice(&blob);
    let odd: &'static [u8] = &buf[start..start + blob.len()];
    let code: &'static [FrozenModule] = Box::leak(Box::new([FrozenModule::new("m", odd)]));
    assert_eq!(
        run(code, "import m\n"),
        run(table("m", PROGRAMS[TRY_PROGRAM]), "import m\n")
    );
}

/// GC heap bytes still in use after `import m` (then a collection), minus before.
#[cfg(feature = "float")]
fn import_cost(frozen: &'static [FrozenModule]) -> usize {
    let marker = 0usize;
    let (mut vm, port) = new_vm(frozen, &marker as *const usize as usize);
    let dir = vm.new_str(".").unwrap();
    let path = vm.sys_path;
    crate::obj::list::list_append(&mut vm, path, dir).unwrap();
    // Warm up what any import creates once (qstr pool, module dict growth) with another name.
    let g = vm.main_globals;
    crate::embed::exec_source(&mut vm, "x = 1\n", "<t>", CompileMode::File, g, Value::NULL)
        .unwrap();
    vm.collect();
    let before = vm.heap.stats().used;
    crate::embed::exec_source(
        &mut vm,
        "import m\n",
        "<t>",
        CompileMode::File,
        g,
        Value::NULL,
    )
    .unwrap();
    vm.collect();
    let after = vm.heap.stats().used;
    // SAFETY: reading what the Vm wrote; the Vm is not writing now.
    assert!(unsafe { (*port).0.is_empty() });
    std::hint::black_box(&marker);
    after - before
}

#[test]
#[cfg(feature = "float")] // M_SOURCE has float constants
fn importing_a_frozen_module_costs_less_heap_than_its_source() {
    let frozen = import_cost(table("m", M_SOURCE));
    let source = import_cost(&[]);
    let raw = compile(M_SOURCE, "m.py", CompileMode::File).unwrap();
    std::eprintln!(
        "import m: frozen {frozen} heap bytes, from source {source}; serialized {} bytes",
        serialize(&raw).len()
    );
    // Both include what running the body creates (module dict, class, functions); the frozen
    // import saves the copies of bytecode, line and exception tables and of name texts.
    assert!(frozen < source, "frozen {frozen} vs source {source}");
}

#[test]
fn code_object_size_is_as_documented() {
    // loader.rs module docs: 72 bytes (80 in 16-byte blocks) on 32-bit, 120 (128) on 64-bit.
    let expected = if cfg!(target_pointer_width = "64") {
        120
    } else {
        72
    };
    assert_eq!(core::mem::size_of::<crate::obj::func::CodeObj>(), expected);
}

/// A table as xtask generates it: entries made by `FrozenModule::new` in a static initializer
/// (here with a blob that is not frozen code, which the loader the entry carries rejects).
static STATIC_TABLE: &[FrozenModule] = &[FrozenModule::new("not_code", b"MPYF")];

#[test]
fn static_table_entries_import_through_their_loader() {
    assert_eq!(
        run(STATIC_TABLE, "import not_code\n"),
        "ImportError: bad frozen code"
    );
    assert_eq!(
        run(STATIC_TABLE, "import other\n"),
        "ImportError: no module named 'other'"
    );
}
