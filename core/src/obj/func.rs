//! Functions, code objects, cells, bound methods and generators.

use super::{obj, Args, NativeFn, ObjHeader};
use crate::bytecode::ExcEntry;
use crate::obj::types::{BOUND_METHOD_TYPE, CELL_TYPE, FUNCTION_TYPE};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use core::cell::Cell;

/// A runtime code object. Its arrays live in the GC heap (compiled at run time) or in flash
/// (frozen): the VM only reads them through these pointers.
#[repr(C)]
pub struct CodeObj {
    pub header: ObjHeader,
    pub bytecode: *const u8,
    pub bytecode_len: usize,
    /// Constants as a tuple.
    pub consts: Value,
    /// Name operands (`names[i]`).
    pub names: *const Qstr,
    pub n_names: usize,
    /// Slot names (len n_locals).
    pub local_names: *const Qstr,
    pub line_table: *const u8,
    pub line_table_len: usize,
    pub exc_table: *const ExcEntry,
    pub exc_table_len: usize,
    pub flags: u16,
    pub n_pos: u16,
    pub n_kwonly: u16,
    pub n_locals: u16,
    pub n_free: u16,
    pub stack_size: u16,
    pub first_line: u32,
    pub name: Qstr,
    pub qualname: Qstr,
    pub filename: Qstr,
}

/// A slice from a code object's array pointer; empty arrays are stored as null pointers.
fn array<'a, T>(p: *const T, len: usize) -> &'a [T] {
    if p.is_null() || len == 0 {
        return &[];
    }
    // SAFETY: non-null array pointers of a code object point at `len` initialised items that
    // live as long as the code object (heap blocks it references, or flash).
    unsafe { core::slice::from_raw_parts(p, len) }
}

impl CodeObj {
    #[inline(always)]
    pub fn bytecode(&self) -> &'static [u8] {
        array(self.bytecode, self.bytecode_len)
    }
    #[inline(always)]
    pub fn name_at(&self, i: usize) -> Qstr {
        array(self.names, self.n_names)
            .get(i)
            .copied()
            .unwrap_or(q::empty)
    }
    pub fn local_name(&self, i: usize) -> Qstr {
        array(self.local_names, self.n_locals as usize)
            .get(i)
            .copied()
            .unwrap_or(q::empty)
    }
    pub fn line_table(&self) -> &'static [u8] {
        array(self.line_table, self.line_table_len)
    }
    pub fn exc_table(&self) -> &'static [ExcEntry] {
        array(self.exc_table, self.exc_table_len)
    }
    pub fn line_for(&self, pc: usize) -> u32 {
        crate::bytecode::line_for_offset(self.line_table(), self.first_line, pc)
    }
}

pub fn code_ref(v: Value) -> &'static CodeObj {
    // SAFETY: callers pass code objects (kind Code).
    unsafe { obj::<CodeObj>(v) }
}

#[repr(C)]
pub struct FuncObj {
    pub header: ObjHeader,
    pub code: Value,
    pub globals: Value,
    /// Tuple of positional defaults or NULL.
    pub defaults: Value,
    /// Dict of keyword-only defaults or NULL.
    pub kwdefaults: Value,
    /// Tuple of cells or NULL.
    pub closure: Value,
    /// Attribute dict (created on first `f.attr = ...`), NULL until then.
    pub dict: Cell<Value>,
    pub name: Cell<Value>,
}

pub fn func_ref(v: Value) -> &'static FuncObj {
    // SAFETY: callers pass function objects (kind Function).
    unsafe { obj::<FuncObj>(v) }
}

pub fn new_function(
    vm: &mut Vm,
    code: Value,
    globals: Value,
    defaults: Value,
    kwdefaults: Value,
    closure: Value,
) -> PyResult<Value> {
    vm.alloc_obj(
        FuncObj {
            header: header(&FUNCTION_TYPE),
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            dict: Cell::new(Value::NULL),
            name: Cell::new(Value::NULL),
        },
        0,
    )
}

#[repr(C)]
pub struct CellObj {
    pub header: ObjHeader,
    pub value: Cell<Value>,
}

pub fn new_cell(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.alloc_obj(
        CellObj {
            header: header(&CELL_TYPE),
            value: Cell::new(v),
        },
        0,
    )
}

pub fn cell_ref(v: Value) -> &'static CellObj {
    // SAFETY: callers pass cell objects.
    unsafe { obj::<CellObj>(v) }
}

#[repr(C)]
pub struct BoundMethodObj {
    pub header: ObjHeader,
    pub func: Value,
    pub self_: Value,
}

pub fn new_bound_method(vm: &mut Vm, func: Value, self_: Value) -> PyResult<Value> {
    vm.alloc_obj(
        BoundMethodObj {
            header: header(&BOUND_METHOD_TYPE),
            func,
            self_,
        },
        0,
    )
}

pub fn bound_ref(v: Value) -> &'static BoundMethodObj {
    // SAFETY: callers pass bound methods.
    unsafe { obj::<BoundMethodObj>(v) }
}

/// Generator state.
pub const GEN_CREATED: u8 = 0;
pub const GEN_SUSPENDED: u8 = 1;
pub const GEN_RUNNING: u8 = 2;
pub const GEN_DONE: u8 = 3;

/// A generator (or coroutine): its frame lives here between resumptions. `slots` holds the
/// frame's locals followed by its operand stack.
#[repr(C)]
pub struct GenObj {
    pub header: ObjHeader,
    pub func: Value,
    pub code: Value,
    pub globals: Value,
    pub slots: *mut Value,
    pub pc: Cell<usize>,
    /// Operand stack depth when suspended.
    pub sp: Cell<usize>,
    pub state: Cell<u8>,
    /// The exception being handled when the generator was suspended inside an except block.
    pub handled_exc: Cell<Value>,
}

pub fn gen_ref(v: Value) -> &'static GenObj {
    // SAFETY: callers pass generator objects (kind Generator).
    unsafe { obj::<GenObj>(v) }
}

fn gen_send(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let g = args.pos[0];
    let v = args.pos.get(1).copied().unwrap_or(Value::NONE);
    crate::interp::gen_resume(vm, g, v, Value::NULL)?.into_next(vm)
}

fn gen_throw(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let g = args.pos[0];
    let mut exc = args.arg(vm, 1, "throw expected at least 1 argument")?;
    if super::is_type(exc) {
        let arg = args.pos.get(2).copied();
        exc = crate::call::call(vm, exc, arg.as_slice(), &[])?;
    }
    crate::interp::gen_resume(vm, g, Value::NONE, exc)?.into_next(vm)
}

fn gen_close(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    crate::interp::gen_close(vm, args.pos[0])?;
    Ok(Value::NONE)
}

fn gen_next(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    crate::interp::gen_resume(vm, args.pos[0], Value::NONE, Value::NULL)?.into_next(vm)
}

fn gen_iter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(args.pos[0])
}

pub static GENERATOR_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::send, &NativeFn::method(q::send, gen_send)),
    (q::throw, &NativeFn::method(q::throw, gen_throw)),
    (q::close, &NativeFn::method(q::close, gen_close)),
    (q::__next__, &NativeFn::method(q::__next__, gen_next)),
    (q::__iter__, &NativeFn::method(q::__iter__, gen_iter)),
];
