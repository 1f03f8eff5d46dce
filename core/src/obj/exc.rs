//! Exception objects: args tuple, traceback entries, cause/context, attribute dict (for
//! subclasses defined in Python and attributes like `errno`).

use super::{obj, Args, NativeFn, ObjHeader, TypeObj};
use crate::obj::list::{new_tuple, tuple_items};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header_dyn, PyErr, PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct ExcObj {
    pub header: ObjHeader,
    pub args: Cell<Value>,
    /// List of traceback entries: (filename qstr, line, function qstr) triples, innermost last.
    pub traceback: Cell<Value>,
    pub cause: Cell<Value>,
    pub context: Cell<Value>,
    pub suppress_context: Cell<bool>,
    pub dict: Cell<Value>,
}

pub fn exc_ref(v: Value) -> &'static ExcObj {
    // SAFETY: callers pass exception instances (kind Exception).
    unsafe { obj::<ExcObj>(v) }
}

pub fn is_exception(v: Value) -> bool {
    v.is_obj() && super::kind_of(v) == super::Kind::Exception && !super::is_type(v)
}

pub fn new_exception_args(vm: &mut Vm, ty: *const TypeObj, args: &[Value]) -> PyResult<Value> {
    let t = new_tuple(vm, args)?;
    vm.alloc_obj(
        ExcObj {
            header: header_dyn(ty),
            args: Cell::new(t),
            traceback: Cell::new(Value::NULL),
            cause: Cell::new(Value::NULL),
            context: Cell::new(Value::NULL),
            suppress_context: Cell::new(false),
            dict: Cell::new(Value::NULL),
        },
        0,
    )
}

pub fn new_exception_noargs(vm: &mut Vm, ty: &'static TypeObj) -> PyResult<Value> {
    new_exception_args(vm, ty, &[])
}

pub fn new_exception_msg(vm: &mut Vm, ty: &'static TypeObj, msg: &str) -> PyResult<Value> {
    if msg.is_empty() {
        return new_exception_noargs(vm, ty);
    }
    let s = vm.new_str(msg)?;
    new_exception_args(vm, ty, &[s])
}

/// [`Vm::error_from_parts`] for a TypeError, the most common case.
#[cold]
#[inline(never)]
pub fn type_error_from(vm: &mut Vm, parts: &[&str]) -> PyErr {
    vm.error_from_parts(&super::types::TYPE_ERROR_TYPE, parts)
}

/// An exception of type `ty` whose message is formatted from `args` (messages with numbers in
/// them; the formatting and the message's drop happen here, once, not at each call site).
#[cold]
#[inline(never)]
pub fn error_fmt(vm: &mut Vm, ty: &'static TypeObj, args: core::fmt::Arguments) -> PyErr {
    let msg = alloc::fmt::format(args);
    vm.new_error(ty, &msg)
}

/// Append a traceback entry (best effort: skipped if the heap is full).
pub fn add_traceback(vm: &mut Vm, exc: Value, file: Qstr, line: u32, func: Qstr) {
    if !is_exception(exc) || exc == vm.memory_error {
        return;
    }
    let e = exc_ref(exc);
    let mut tb = e.traceback.get();
    if tb.is_null() {
        match crate::obj::list::new_list(vm, &[]) {
            Ok(l) => {
                tb = l;
                e.traceback.set(l);
            }
            Err(_) => return,
        }
    }
    let _ = crate::obj::list::list_append(vm, tb, Value::from_qstr(file));
    let _ = crate::obj::list::list_append(vm, tb, Value::small_int(line as isize));
    let _ = crate::obj::list::list_append(vm, tb, Value::from_qstr(func));
}

/// First arg (or None) as the exception's `value` (StopIteration) / `code` (SystemExit).
pub fn first_arg(exc: Value) -> Value {
    let args = exc_ref(exc).args.get();
    if args.is_null() {
        return Value::NONE;
    }
    tuple_items(args).first().copied().unwrap_or(Value::NONE)
}

fn exc_init(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let e = args.pos[0];
    if is_exception(e) {
        let t = new_tuple(vm, &args.pos[1..])?;
        exc_ref(e).args.set(t);
    }
    Ok(Value::NONE)
}

fn exc_with_traceback(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(args.pos[0])
}

pub static EXC_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::__init__, &NativeFn::method(q::__init__, exc_init)),
    (
        q::with_traceback,
        &NativeFn::method(q::with_traceback, exc_with_traceback),
    ),
];
