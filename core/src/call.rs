//! Calling: dispatch on the callee's kind, and binding arguments to a Python function's slots.

use crate::obj::func::{bound_ref, code_ref, func_ref, CodeObj};
use crate::obj::list::tuple_items;
use crate::obj::map::{map_get_qstr, map_set};
use crate::obj::string::str_of;
use crate::obj::{is_type, kind_of, type_of, type_ref, Args, Kind, NativeFn};
use crate::ops::message;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Call `f(*args, **kw)`; `kw` holds (name, value) pairs.
pub fn call(vm: &mut Vm, f: Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if f.is_obj() {
        match kind_of(f) {
            Kind::Function => return crate::interp::call_function(vm, f, Value::NULL, args, kw),
            Kind::NativeFunction => {
                // SAFETY: kind NativeFunction values are NativeFn statics.
                let nf = unsafe { crate::obj::obj::<NativeFn>(f) };
                return (nf.f)(vm, &Args { pos: args, kw });
            }
            Kind::BoundMethod => {
                let b = bound_ref(f);
                return call_with_self(vm, b.func, b.self_, args, kw);
            }
            Kind::Type if is_type(f) => {
                let t = type_ref(f);
                if t.is_heap() {
                    return crate::attr::call_class(vm, t, args, kw);
                }
                return crate::builtins::construct(vm, t, args, kw);
            }
            _ => {}
        }
        if type_of(f).is_heap() {
            if let Some(c) = crate::attr::lookup_special(vm, f, crate::qstr::q::__call__) {
                return call_with_self(vm, c, f, args, kw);
            }
        }
    }
    Err(not_callable_error(vm, f))
}

/// TypeError "'T' object isn't callable" (out of line: keeps `call`'s frame small).
#[cold]
#[inline(never)]
fn not_callable_error(vm: &mut Vm, f: Value) -> crate::vm::PyErr {
    message::type_error_of(vm, "'", f, "' object isn't callable")
}

/// Call `f(self_, *args, **kw)` without building a bound method.
pub fn call_with_self(
    vm: &mut Vm,
    f: Value,
    self_: Value,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    if f.is_obj() && kind_of(f) == Kind::Function {
        return crate::interp::call_function(vm, f, self_, args, kw);
    }
    // Build [self, args...] on the value stack (a GC root) for the callee.
    let n = args.len() + 1;
    let base = vm.vsp;
    if base + n > vm.vstack_len {
        return Err(vm.new_error(
            &crate::obj::types::RUNTIME_ERROR_TYPE,
            "maximum recursion depth exceeded",
        ));
    }
    // SAFETY: base + n <= vstack_len, inside the value-stack block.
    let all = unsafe {
        let p = vm.vstack.add(base);
        *p = self_;
        core::ptr::copy_nonoverlapping(args.as_ptr(), p.add(1), args.len());
        core::slice::from_raw_parts(p, n)
    };
    vm.vsp = base + n;
    let r = call(vm, f, all, kw);
    vm.vsp = base;
    r
}

/// TypeError "f() takes N positional arguments but M were given" (`from L to N` when `L < N`,
/// some having defaults).
#[cold]
#[inline(never)]
fn arg_count_error(
    vm: &mut Vm,
    code: &CodeObj,
    least: usize,
    most: usize,
    given: usize,
) -> crate::vm::PyErr {
    let f = vm.qstr_str(code.name);
    let m = if least < most {
        alloc::format!(
            "{f}() takes from {least} to {most} positional arguments but {given} were given"
        )
    } else {
        alloc::format!("{f}() takes {most} positional arguments but {given} were given")
    };
    vm.type_error(&m)
}

/// TypeError "f() <problem>'<name>'" about one argument.
#[cold]
#[inline(never)]
fn named_arg_error(vm: &mut Vm, code: &CodeObj, problem: &str, name: &str) -> crate::vm::PyErr {
    let f = vm.qstr_str(code.name);
    message::type_error(vm, &["", "() ", "'", "'"], &[f, problem, name])
}

/// Bind `self_` (if not NULL), `args` and `kw` to the slots of `func`'s code.
///
/// # Safety
/// `slots` must point at `n_locals` writable `Value`s of `func`'s code, initialised to NULL, that
/// the GC can see (the value stack below `vsp`, or a heap block referenced from a root).
pub unsafe fn bind_args(
    vm: &mut Vm,
    func: Value,
    slots: *mut Value,
    self_: Value,
    args: &[Value],
    kw: &[Value],
) -> PyResult<()> {
    let f = func_ref(func);
    let code = code_ref(f.code);
    let n_pos = code.n_pos as usize;
    let n_kwonly = code.n_kwonly as usize;
    let has_varargs = code.flags & crate::bytecode::FLAG_VARARGS != 0;
    let has_varkw = code.flags & crate::bytecode::FLAG_VARKW != 0;
    let n_given = args.len() + (!self_.is_null()) as usize;
    let set = |i: usize, v: Value| {
        // SAFETY: callers allocate n_locals slots; i < n_pos + n_kwonly + 2 <= n_locals.
        unsafe { *slots.add(i) = v }
    };
    let get = |i: usize| -> Value {
        // SAFETY: as above.
        unsafe { *slots.add(i) }
    };
    // Positional.
    let mut i = 0;
    if !self_.is_null() {
        if n_pos == 0 && !has_varargs {
            return Err(arg_count_error(vm, code, 0, 0, n_given));
        }
        if n_pos > 0 {
            set(0, self_);
            i = 1;
        }
    }
    let mut extra_start = args.len();
    for (k, &a) in args.iter().enumerate() {
        if i >= n_pos {
            extra_start = k;
            break;
        }
        set(i, a);
        i += 1;
    }
    let var_slot = n_pos + n_kwonly;
    if has_varargs {
        let extra: &[Value] = if !self_.is_null() && n_pos == 0 {
            // self goes into *args too
            let t = crate::obj::list::new_tuple_uninit(vm, args.len() + 1)?;
            crate::obj::list::tuple_set(t, 0, self_);
            for (k, &a) in args.iter().enumerate() {
                crate::obj::list::tuple_set(t, k + 1, a);
            }
            set(var_slot, t);
            &[]
        } else {
            &args[extra_start.min(args.len())..]
        };
        if self_.is_null() || n_pos != 0 {
            let t = crate::obj::list::new_tuple(vm, extra)?;
            set(var_slot, t);
        }
    } else if extra_start < args.len() {
        let defaults = if f.defaults.is_null() {
            0
        } else {
            tuple_items(f.defaults).len()
        };
        return Err(arg_count_error(vm, code, n_pos - defaults, n_pos, n_given));
    }
    // Keywords.
    let kw_slot = var_slot + has_varargs as usize;
    if has_varkw {
        let d = crate::obj::map::new_dict(vm)?;
        set(kw_slot, d);
    }
    for pair in kw.chunks(2) {
        let name = str_of(vm, pair[0]).unwrap_or("");
        let mut found = None;
        for s in 0..n_pos + n_kwonly {
            if vm.qstr_str(code.local_name(s)) == name {
                found = Some(s);
                break;
            }
        }
        match found {
            Some(s) => {
                if !get(s).is_null() {
                    let problem = "got multiple values for argument ";
                    return Err(named_arg_error(vm, code, problem, name));
                }
                set(s, pair[1]);
            }
            None if has_varkw => {
                map_set(vm, get(kw_slot), pair[0], pair[1])?;
            }
            None => {
                let problem = "got an unexpected keyword argument ";
                return Err(named_arg_error(vm, code, problem, name));
            }
        }
    }
    // Defaults.
    if !f.defaults.is_null() {
        let d = tuple_items(f.defaults);
        let first = n_pos - d.len().min(n_pos);
        for (k, &dv) in d.iter().enumerate() {
            if first + k < n_pos && get(first + k).is_null() {
                set(first + k, dv);
            }
        }
    }
    for s in 0..n_pos {
        if get(s).is_null() {
            let name = vm.qstr_str(code.local_name(s));
            let problem = "missing required positional argument: ";
            return Err(named_arg_error(vm, code, problem, name));
        }
    }
    for s in n_pos..n_pos + n_kwonly {
        if get(s).is_null() {
            let name = code.local_name(s);
            if !f.kwdefaults.is_null() {
                if let Some(v) = map_get_qstr(vm, f.kwdefaults, name) {
                    set(s, v);
                    continue;
                }
            }
            let problem = "missing required keyword-only argument: ";
            return Err(named_arg_error(vm, code, problem, vm.qstr_str(name)));
        }
    }
    Ok(())
}
