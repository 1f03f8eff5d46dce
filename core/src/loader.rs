//! Turn a compiled `RawCode` into a runtime code object in the GC heap: names interned,
//! constants made into values, arrays copied into heap blocks the code object owns.
//! (Frozen modules skip this: xtask emits the same layout as statics in flash.)

use crate::bytecode::{Const, ExcEntry, RawCode};
use crate::obj::func::CodeObj;
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
    let consts = crate::obj::list::new_tuple_uninit(vm, raw.consts.len())?;
    for (i, c) in raw.consts.iter().enumerate() {
        let v = load_const(vm, c)?;
        crate::obj::list::tuple_set(consts, i, v);
    }
    let bytecode = copy_bytes(vm, &raw.bytecode)?;
    let line_table = copy_bytes(vm, &raw.line_table)?;
    let names = intern_all(vm, &raw.names)?;
    let local_names = intern_all(vm, &raw.local_names)?;
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
    let name = vm.intern(&raw.name)?;
    let qualname = vm.intern(&raw.qualname)?;
    let filename = vm.intern(&raw.filename)?;
    vm.alloc_obj(
        CodeObj {
            header: header(&CODE_TYPE),
            bytecode,
            bytecode_len: raw.bytecode.len(),
            consts,
            names,
            n_names: raw.names.len(),
            local_names,
            line_table,
            line_table_len: raw.line_table.len(),
            exc_table,
            exc_table_len: raw.exc_table.len(),
            flags: raw.flags,
            n_pos: raw.n_pos,
            n_kwonly: raw.n_kwonly,
            n_locals: raw.n_locals,
            n_free: raw.n_free,
            stack_size: raw.stack_size + 1,
            first_line: raw.first_line,
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
        Const::BigInt(s) => match crate::bigint::BigInt::parse(s, 10) {
            Ok(b) => crate::obj::num::int_from_big(vm, b)?,
            Err(_) => return Err(vm.value_error("bad int constant")),
        },
        Const::Float(x) => crate::obj::num::new_float(vm, *x)?,
        #[cfg(feature = "complex")]
        Const::Complex(im) => {
            crate::obj::complex::new_complex(vm, crate::obj::complex::C64::new(0.0, *im))?
        }
        #[cfg(not(feature = "complex"))]
        Const::Complex(_) => return Err(vm.value_error("complex values not supported")),
        Const::Str(s) => {
            if s.len() <= INTERN_MAX {
                Value::from_qstr(vm.intern(s)?)
            } else {
                vm.new_str(s)?
            }
        }
        Const::Bytes(b) => crate::obj::string::new_bytes(vm, b)?,
        Const::Tuple(items) => {
            let t = crate::obj::list::new_tuple_uninit(vm, items.len())?;
            for (i, c) in items.iter().enumerate() {
                let v = load_const(vm, c)?;
                crate::obj::list::tuple_set(t, i, v);
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
