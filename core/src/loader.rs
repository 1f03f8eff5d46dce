//! Turn compiled code into runtime code objects.
//!
//! - [`load_code`]: a `RawCode` compiled at run time. Names interned, constants made into
//!   values, bytecode / line table / exception table copied into heap blocks the code object
//!   owns.
//! - [`load_frozen`]: a frozen module's serialized code (`frozen.rs`), which lives in flash.
//!   It is run in place, nothing of it is copied:
//!   - **stays in flash**: bytecode, line table, exception table, the text of every name and str
//!     constant (names missing from the firmware's static qstr table are interned *pointing at*
//!     that text: a pool entry, no copy; xtask puts frozen modules' names into the static table,
//!     so normally not even that);
//!   - **allocated at import**, per code object (module body, each function, class body,
//!     comprehension): the `CodeObj` itself (72 bytes, 80 in 16-byte GC blocks, on 32-bit
//!     targets; 128 on 64-bit), one block with the qstr ids of its names and slot names
//!     (4 bytes each), its constants tuple when it has constants, and the constants that cannot
//!     be immediates: floats, big ints, bytes and tuples. Small ints, None/True/False/Ellipsis
//!     and strs (qstrs) need no heap.
//!
//!   Measured (GC heap still in use after the import and a collection): 64-bit host, the
//!   23-line module of `frozen_tests.rs`: 2736 bytes frozen, 3616 from source (names not in the
//!   static table in that test); loading a 200-line function (4947 bytes of bytecode): 832
//!   bytes frozen, 5696 from source. STM32F405 firmware under QEMU, a 10-line module: 1056 bytes
//!   either way: with small functions, what the body creates (module, class, functions, dicts)
//!   and the code objects dominate. Compiling source also needs the compiler's transient
//!   memory (Rust heap), which a frozen import does not.

use crate::bytecode::{Const, ExcEntry, RawCode};
use crate::frozen::{self, tag, CodeHeader, Reader};
use crate::obj::func::CodeObj;
use crate::obj::list::{new_tuple_uninit, tuple_set};
use crate::obj::types::CODE_TYPE;
use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};

/// Strings up to this length are interned (like MicroPython's qstr literals); longer ones are
/// ordinary str objects so they do not stay in the qstr pool forever.
const INTERN_MAX: usize = 32;

pub fn load_code(vm: &mut Vm, raw: &RawCode) -> PyResult<Value> {
    // Constants first: nested code objects are loaded recursively. The tuple is rooted by this
    // frame while the rest is built.
    let consts = new_tuple_uninit(vm, raw.consts.len())?;
    for (i, c) in raw.consts.iter().enumerate() {
        let v = load_const(vm, c)?;
        tuple_set(consts, i, v);
    }
    let exc_bytes = raw.exc_table.len() * core::mem::size_of::<ExcEntry>();
    let exc_table = if exc_bytes == 0 {
        core::ptr::null_mut()
    } else {
        vm.alloc_raw(exc_bytes)? as *mut ExcEntry
    };
    for (i, e) in raw.exc_table.iter().enumerate() {
        // SAFETY: exc_table has room for raw.exc_table.len() entries.
        unsafe { *exc_table.add(i) = *e };
    }
    let arrays = Arrays {
        bytecode: copy_bytes(vm, &raw.bytecode)?,
        bytecode_len: raw.bytecode.len(),
        line_table: copy_bytes(vm, &raw.line_table)?,
        line_table_len: raw.line_table.len(),
        exc_table,
        exc_table_len: raw.exc_table.len(),
        names: intern_all(vm, &raw.names)?,
        n_names: raw.names.len(),
        local_names: intern_all(vm, &raw.local_names)?,
    };
    let filename = vm.intern(&raw.filename)?;
    let name = vm.intern(&raw.name)?;
    let qualname = vm.intern(&raw.qualname)?;
    new_code(
        vm,
        &CodeHeader::of(raw),
        [name, qualname, filename],
        consts,
        arrays,
    )
}

/// Where a code object's arrays are (heap blocks or flash) and how long they are.
struct Arrays {
    bytecode: *const u8,
    bytecode_len: usize,
    line_table: *const u8,
    line_table_len: usize,
    exc_table: *const ExcEntry,
    exc_table_len: usize,
    names: *const Qstr,
    n_names: usize,
    local_names: *const Qstr,
}

/// Allocate the code object; `ids` are its name, qualified name and file name.
fn new_code(
    vm: &mut Vm,
    h: &CodeHeader<'_>,
    ids: [Qstr; 3],
    consts: Value,
    a: Arrays,
) -> PyResult<Value> {
    let [name, qualname, filename] = ids;
    vm.alloc_obj(
        CodeObj {
            header: header(&CODE_TYPE),
            bytecode: a.bytecode,
            bytecode_len: a.bytecode_len,
            consts,
            names: a.names,
            n_names: a.n_names,
            local_names: a.local_names,
            line_table: a.line_table,
            line_table_len: a.line_table_len,
            exc_table: a.exc_table,
            exc_table_len: a.exc_table_len,
            flags: h.flags,
            n_pos: h.n_pos,
            n_kwonly: h.n_kwonly,
            n_locals: h.n_locals,
            n_free: h.n_free,
            stack_size: h.stack_size + 1,
            first_line: h.first_line,
            name,
            qualname,
            filename,
        },
        0,
    )
}

fn copy_bytes(vm: &mut Vm, b: &[u8]) -> PyResult<*const u8> {
    if b.is_empty() {
        return Ok(core::ptr::null());
    }
    let p = vm.alloc_raw(b.len())?;
    // SAFETY: p has room for b.len() bytes.
    unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len()) };
    Ok(p)
}

fn intern_all(vm: &mut Vm, names: &[alloc::string::String]) -> PyResult<*const Qstr> {
    if names.is_empty() {
        return Ok(core::ptr::null());
    }
    let p = vm.alloc_raw(names.len() * core::mem::size_of::<Qstr>())? as *mut Qstr;
    for (i, n) in names.iter().enumerate() {
        let q = vm.intern(n)?;
        // SAFETY: i < names.len().
        unsafe { *p.add(i) = q };
    }
    Ok(p)
}

pub fn load_const(vm: &mut Vm, c: &Const) -> PyResult<Value> {
    Ok(match c {
        Const::Int(i) => crate::obj::num::int_from_i64(vm, *i)?,
        Const::BigInt(s) => big_int(vm, s)?,
        #[cfg(feature = "float")]
        Const::Float(x) => crate::obj::num::new_float(vm, *x)?,
        #[cfg(not(feature = "float"))]
        Const::Float(_) => return Err(float_unsupported(vm)),
        #[cfg(feature = "complex")]
        Const::Complex(im) => {
            crate::obj::complex::new_complex(vm, crate::obj::complex::C64::new(0.0, *im))?
        }
        #[cfg(not(feature = "complex"))]
        Const::Complex(_) => return Err(complex_unsupported(vm)),
        Const::Str(s) => {
            if s.len() <= INTERN_MAX {
                Value::from_qstr(vm.intern(s)?)
            } else {
                vm.new_str(s)?
            }
        }
        Const::Bytes(b) => crate::obj::string::new_bytes(vm, b)?,
        Const::Tuple(items) => {
            let t = new_tuple_uninit(vm, items.len())?;
            for (i, c) in items.iter().enumerate() {
                let v = load_const(vm, c)?;
                tuple_set(t, i, v);
            }
            t
        }
        Const::Code(raw) => load_code(vm, raw)?,
        Const::None => Value::NONE,
        Const::True => Value::TRUE,
        Const::False => Value::FALSE,
        Const::Ellipsis => Value::ELLIPSIS,
    })
}

#[cfg(feature = "bigint")]
fn big_int(vm: &mut Vm, digits: &str) -> PyResult<Value> {
    match crate::bigint::BigInt::parse(digits, 10) {
        Ok(b) => crate::obj::num::int_from_big(vm, b),
        Err(_) => Err(vm.value_error("bad int constant")),
    }
}

/// A big int constant is beyond i64 (the compiler makes the rest `Int`), so beyond a build
/// without big ints.
#[cfg(not(feature = "bigint"))]
fn big_int(vm: &mut Vm, _digits: &str) -> PyResult<Value> {
    Err(crate::obj::num::small_int_overflow(vm))
}

#[cfg(not(feature = "float"))]
fn float_unsupported(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("decimal numbers not supported")
}

#[cfg(not(feature = "complex"))]
fn complex_unsupported(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("complex values not supported")
}

/// Load a frozen module's serialized code (see [`crate::frozen`]) to run in place; see the
/// module docs for what is allocated. A malformed blob raises ImportError.
pub fn load_frozen(vm: &mut Vm, blob: &'static [u8]) -> PyResult<Value> {
    let loaded = match Reader::open(blob) {
        Some((mut r, file)) => {
            let file = vm.intern_static(file)?;
            frozen_code(vm, &mut r, file)?
        }
        None => None,
    };
    loaded.ok_or_else(|| vm.new_error(&crate::obj::types::IMPORT_ERROR_TYPE, "bad frozen code"))
}

/// One serialized code object; `Ok(None)` if the bytes are malformed.
fn frozen_code(vm: &mut Vm, r: &mut Reader, file: Qstr) -> PyResult<Option<Value>> {
    let Some(h) = r.header() else {
        return Ok(None);
    };
    let name = vm.intern_static(h.name)?;
    let qualname = vm.intern_static(h.qualname)?;
    let Some(n_names) = r.count() else {
        return Ok(None);
    };
    // Operand names then slot names, in one block (a block costs a 16-byte minimum).
    let total = n_names + h.n_locals as usize;
    let ids = if total == 0 {
        core::ptr::null_mut()
    } else {
        vm.alloc_raw(total * core::mem::size_of::<Qstr>())? as *mut Qstr
    };
    for i in 0..total {
        let Some(text) = r.str() else {
            return Ok(None);
        };
        let q = vm.intern_static(text)?;
        // SAFETY: the block has room for `total` ids; it stays alive while this frame holds
        // its pointer (the native stack is a GC root).
        unsafe { *ids.add(i) = q };
    }
    let (Some(bytecode), Some(line_table), Some(exc)) =
        (r.counted(), r.counted(), r.exc_table_bytes())
    else {
        return Ok(None);
    };
    let exc_len = exc.len() / core::mem::size_of::<ExcEntry>();
    let exc_table = match frozen::exc_entries_in_place(exc) {
        Some(entries) => entries.as_ptr(),
        None => copy_exc_entries(vm, exc)?,
    };
    let Some(consts) = frozen_tuple(vm, r, file)? else {
        return Ok(None);
    };
    let arrays = Arrays {
        bytecode: non_empty(bytecode),
        bytecode_len: bytecode.len(),
        line_table: non_empty(line_table),
        line_table_len: line_table.len(),
        exc_table,
        exc_table_len: exc_len,
        names: if n_names == 0 { core::ptr::null() } else { ids },
        n_names,
        // SAFETY: n_names <= total, so this is within (or one past the end of) the block.
        local_names: unsafe { ids.add(n_names) },
    };
    new_code(vm, &h, [name, qualname, file], consts, arrays).map(Some)
}

/// Empty arrays are stored as null pointers (see `CodeObj`).
fn non_empty(b: &'static [u8]) -> *const u8 {
    if b.is_empty() {
        core::ptr::null()
    } else {
        b.as_ptr()
    }
}

/// Exception entries that cannot be read in place (unaligned blob) are decoded into the heap.
fn copy_exc_entries(vm: &mut Vm, b: &[u8]) -> PyResult<*const ExcEntry> {
    if b.is_empty() {
        return Ok(core::ptr::null());
    }
    let p = vm.alloc_raw(b.len())? as *mut ExcEntry;
    for (i, e) in frozen::exc_entries(b).enumerate() {
        // SAFETY: the block holds b.len() / 8 entries.
        unsafe { *p.add(i) = e };
    }
    Ok(p)
}

/// One serialized constant; `Ok(None)` if the bytes are malformed.
fn frozen_const(vm: &mut Vm, r: &mut Reader, file: Qstr) -> PyResult<Option<Value>> {
    let Some(t) = r.byte() else {
        return Ok(None);
    };
    Ok(Some(match t {
        tag::NONE => Value::NONE,
        tag::TRUE => Value::TRUE,
        tag::FALSE => Value::FALSE,
        tag::ELLIPSIS => Value::ELLIPSIS,
        tag::INT => match r.sint() {
            Some(i) => crate::obj::num::int_from_i64(vm, i)?,
            None => return Ok(None),
        },
        tag::BIG_INT => match r.str() {
            Some(s) => big_int(vm, s)?,
            None => return Ok(None),
        },
        tag::FLOAT => match r.f64() {
            #[cfg(feature = "float")]
            Some(x) => crate::obj::num::new_float(vm, x)?,
            // A frozen module compiled where floats exist.
            #[cfg(not(feature = "float"))]
            Some(_) => return Err(float_unsupported(vm)),
            None => return Ok(None),
        },
        // The imaginary part of an imaginary literal (`2j`).
        tag::COMPLEX => match r.f64() {
            #[cfg(feature = "complex")]
            Some(im) => {
                crate::obj::complex::new_complex(vm, crate::obj::complex::C64::new(0.0, im))?
            }
            #[cfg(not(feature = "complex"))]
            Some(_) => return Err(complex_unsupported(vm)),
            None => return Ok(None),
        },
        // Frozen strs of any length are qstrs over their text in flash: no copy.
        tag::STR => match r.str() {
            Some(s) => Value::from_qstr(vm.intern_static(s)?),
            None => return Ok(None),
        },
        tag::BYTES => match r.counted() {
            Some(b) => crate::obj::string::new_bytes(vm, b)?,
            None => return Ok(None),
        },
        tag::TUPLE => return frozen_tuple(vm, r, file),
        tag::CODE => return frozen_code(vm, r, file),
        _ => return Ok(None),
    }))
}

/// A count, then that many constants, as a tuple (a code object's constants, or a tuple
/// constant); `Ok(None)` if the bytes are malformed.
fn frozen_tuple(vm: &mut Vm, r: &mut Reader, file: Qstr) -> PyResult<Option<Value>> {
    let Some(n) = r.count() else {
        return Ok(None);
    };
    let t = new_tuple_uninit(vm, n)?;
    for i in 0..n {
        let Some(v) = frozen_const(vm, r, file)? else {
            return Ok(None);
        };
        tuple_set(t, i, v);
    }
    Ok(Some(t))
}
