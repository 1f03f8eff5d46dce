//! Attributes: lookup through types and MROs, descriptor binding, setattr/delattr, special
//! method lookup, and class creation (`__build_class__`, C3 MRO, instance layout).

use crate::obj::exc::{exc_ref, is_exception};
use crate::obj::func::{func_ref, new_bound_method};
use crate::obj::list::{new_tuple, tuple_items};
use crate::obj::map::{self, map_get_qstr, map_set_qstr, new_dict};
use crate::obj::misc::{module_ref, property_ref, wrapped};
use crate::obj::types::*;
use crate::obj::{
    is_subtype, is_type, kind_of, type_of, type_ref, Args, Binding, InstanceObj, Kind, NativeFn,
    TypeObj,
};
use crate::obj::{TF_EXC, TF_GETATTR, TF_HEAP};
use crate::ops::message;
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header_dyn, PyResult, Vm};
use alloc::vec::Vec;
use core::cell::Cell;

/// Find `name` in a builtin type's method tables (walking builtin bases).
fn builtin_lookup(mut t: &'static TypeObj, name: Qstr) -> Option<Value> {
    loop {
        if let Some((_, f)) = t.methods.iter().find(|(n, _)| *n == name) {
            return Some(f.as_value());
        }
        match t.builtin_base() {
            Some(b) => t = b,
            None => {
                if !core::ptr::eq(t, &OBJECT_TYPE) {
                    t = &OBJECT_TYPE;
                } else {
                    return None;
                }
            }
        }
    }
}

/// Look `name` up in a type and its MRO (no binding).
pub fn class_lookup(vm: &Vm, t: &'static TypeObj, name: Qstr) -> Option<Value> {
    let mro = t.mro.get();
    if mro.is_null() {
        return builtin_lookup(t, name);
    }
    for &c in tuple_items(mro) {
        let ct = type_ref(c);
        if ct.is_heap() {
            if let Some(v) = map_get_qstr(vm, ct.dict.get(), name) {
                return Some(v);
            }
        } else if let Some((_, f)) = ct.methods.iter().find(|(n, _)| *n == name) {
            return Some(f.as_value());
        }
    }
    None
}

/// Look up a special method on the type of `obj` (never the instance).
pub fn lookup_special(vm: &Vm, obj: Value, name: Qstr) -> Option<Value> {
    class_lookup(vm, type_of(obj), name)
}

/// Call a special method of `obj`'s type if it has one.
pub fn call_special(
    vm: &mut Vm,
    obj: Value,
    name: Qstr,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let Some(m) = lookup_special(vm, obj, name) else {
        return Ok(None);
    };
    call_bound(vm, m, obj, args).map(Some)
}

/// Call attribute `m` found on `obj`'s class, binding `obj` as a method would be bound.
pub fn call_bound(vm: &mut Vm, m: Value, obj: Value, args: &[Value]) -> PyResult<Value> {
    if m.is_obj() {
        match kind_of(m) {
            Kind::Function => return crate::call::call_with_self(vm, m, obj, args, &[]),
            Kind::NativeFunction => {
                // SAFETY: kind NativeFunction values are NativeFn statics.
                let f = unsafe { crate::obj::obj::<NativeFn>(m) };
                match f.binding {
                    Binding::Method => return crate::call::call_with_self(vm, m, obj, args, &[]),
                    Binding::Class => {
                        return crate::call::call_with_self(
                            vm,
                            m,
                            type_of(obj).as_value(),
                            args,
                            &[],
                        )
                    }
                    Binding::Static => {}
                }
            }
            Kind::StaticMethod => return crate::call::call(vm, wrapped(m), args, &[]),
            Kind::ClassMethod => {
                return crate::call::call_with_self(
                    vm,
                    wrapped(m),
                    type_of(obj).as_value(),
                    args,
                    &[],
                )
            }
            _ => {}
        }
    }
    crate::call::call(vm, m, args, &[])
}

/// Call `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: Value, name: Qstr, args: &[Value]) -> PyResult<Value> {
    let (f, self_) = load_method(vm, obj, name)?;
    if self_.is_null() {
        crate::call::call(vm, f, args, &[])
    } else {
        crate::call::call_with_self(vm, f, self_, args, &[])
    }
}

/// Bind a class attribute found for instance `obj` (descriptor protocol).
fn bind(vm: &mut Vm, attr: Value, obj: Value, owner: &'static TypeObj) -> PyResult<Value> {
    if !attr.is_obj() {
        return Ok(attr);
    }
    match kind_of(attr) {
        Kind::Function => new_bound_method(vm, attr, obj),
        Kind::NativeFunction => {
            // SAFETY: NativeFn static.
            let f = unsafe { crate::obj::obj::<NativeFn>(attr) };
            match f.binding {
                Binding::Method => new_bound_method(vm, attr, obj),
                Binding::Class => new_bound_method(vm, attr, owner.as_value()),
                Binding::Static => Ok(attr),
            }
        }
        Kind::StaticMethod => Ok(wrapped(attr)),
        Kind::ClassMethod => new_bound_method(vm, wrapped(attr), owner.as_value()),
        Kind::Property => {
            let g = property_ref(attr).fget.get();
            if g.is_none() || g.is_null() {
                return Err(vm.attribute_error("unreadable attribute"));
            }
            crate::call::call(vm, g, &[obj], &[])
        }
        _ if type_of(attr).is_heap() => {
            // User descriptor with __get__.
            if let Some(get) = lookup_special(vm, attr, q::__get__) {
                return call_bound(vm, get, attr, &[obj, owner.as_value()]);
            }
            Ok(attr)
        }
        _ => Ok(attr),
    }
}

/// The instance dict of an object, if it has one.
pub fn instance_dict(v: Value) -> Option<Value> {
    if !v.is_obj() {
        return None;
    }
    let d = match kind_of(v) {
        // SAFETY: kind Object values have InstanceObj layout.
        Kind::Object => unsafe { crate::obj::obj::<InstanceObj>(v).dict.get() },
        Kind::List | Kind::Dict | Kind::Set | Kind::Str | Kind::Int | Kind::Tuple
            if type_of(v).is_heap() =>
        {
            let off = builtin_dict_offset(v);
            // SAFETY: instances of Python subclasses of these kinds are allocated by
            // `new_instance`/`new_str_subclass` with the dict Value at this offset.
            unsafe { *(v.as_ptr::<u8>().add(off) as *const Value) }
        }
        Kind::Exception if !is_type(v) => exc_ref(v).dict.get(),
        Kind::Function => func_ref(v).dict.get(),
        Kind::Module => module_ref(v).dict,
        _ => return None,
    };
    if d.is_null() {
        None
    } else {
        Some(d)
    }
}

/// Where the instance dict of a Python subclass of list/dict/set/str lives: one Value right
/// after the builtin layout (for str, after the text, word-aligned).
fn builtin_dict_offset(v: Value) -> usize {
    match kind_of(v) {
        Kind::List => core::mem::size_of::<crate::obj::list::ListObj>(),
        Kind::Tuple => crate::obj::list::tuple_dict_offset(crate::obj::list::tuple_items(v).len()),
        Kind::Dict | Kind::Set => core::mem::size_of::<crate::obj::map::MapObj>(),
        // SAFETY: kind Int objects have BigIntObj layout.
        Kind::Int => crate::obj::num::int_dict_offset(
            unsafe { crate::obj::obj::<crate::obj::num::BigIntObj>(v) }.len,
        ),
        // SAFETY: kind Str values have StrObj layout.
        _ => crate::obj::string::str_dict_offset(
            unsafe { crate::obj::obj::<crate::obj::string::StrObj>(v) }.len,
        ),
    }
}

/// AttributeError "module 'm' / type object 'T' / 'T' object has no attribute 'name'".
#[cold]
#[inline(never)]
fn attr_error(vm: &mut Vm, obj: Value, name: Qstr) -> crate::vm::PyErr {
    let (before, owner, after) = if kind_of(obj) == Kind::Module {
        ("module ", module_ref(obj).name, "")
    } else if is_type(obj) {
        ("type object ", type_ref(obj).name, "")
    } else {
        ("", type_of(obj).name, " object")
    };
    let msg = alloc::format!(
        "{before}'{}'{after} has no attribute '{}'",
        vm.qstr_str(owner),
        vm.qstr_str(name)
    );
    vm.attribute_error(&msg)
}

/// `getattr(obj, name)`, or None if absent (no exception).
pub fn getattr_opt(vm: &mut Vm, obj: Value, name: Qstr) -> PyResult<Option<Value>> {
    match getattr(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if is_subtype(type_of(e.0), &ATTRIBUTE_ERROR_TYPE) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn getattr(vm: &mut Vm, obj: Value, name: Qstr) -> PyResult<Value> {
    let t = type_of(obj);
    // Types: attributes through the MRO without instance binding.
    if t.kind == Kind::Type && is_type(obj) {
        return type_getattr(vm, type_ref(obj), name);
    }
    if t.kind == Kind::Module {
        let m = module_ref(obj);
        if let Some(v) = map_get_qstr(vm, m.dict, name) {
            return Ok(v);
        }
        return Err(attr_error(vm, obj, name));
    }
    if t.kind == Kind::Super {
        return super_getattr(vm, obj, name);
    }
    let found = instance_getattr(vm, obj, t, name);
    if t.flags.get() & TF_GETATTR != 0 {
        // `__getattr__` runs when normal lookup fails, including when a property or other
        // descriptor raises AttributeError (CPython's __getattribute__ fallback).
        let missing = match &found {
            Ok(None) => true,
            Err(e) => is_subtype(type_of(e.0), &ATTRIBUTE_ERROR_TYPE),
            Ok(Some(_)) => false,
        };
        if missing {
            if let Some(ga) = class_lookup(vm, t, q::__getattr__) {
                let n = Value::from_qstr(name);
                return call_bound(vm, ga, obj, &[n]);
            }
        }
    }
    match found {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(attr_error(vm, obj, name)),
        Err(e) => Err(e),
    }
}

/// Normal attribute lookup on an instance (not a type, module or super): data descriptors,
/// the instance dict, class attributes, builtin attributes; None if there is none.
fn instance_getattr(
    vm: &mut Vm,
    obj: Value,
    t: &'static TypeObj,
    name: Qstr,
) -> PyResult<Option<Value>> {
    let class_attr = class_lookup(vm, t, name);
    // Data descriptors (property, or user descriptors with __set__) win over the instance dict.
    if let Some(a) = class_attr {
        if a.is_obj()
            && (kind_of(a) == Kind::Property
                || (type_of(a).is_heap() && lookup_special(vm, a, q::__set__).is_some()))
        {
            return bind(vm, a, obj, t).map(Some);
        }
    }
    if let Some(d) = instance_dict(obj) {
        if let Some(v) = map_get_qstr(vm, d, name) {
            return Ok(Some(v));
        }
    }
    if let Some(a) = class_attr {
        return bind(vm, a, obj, t).map(Some);
    }
    builtin_attr(vm, obj, name)
}

/// Attributes builtin objects expose beyond methods.
fn builtin_attr(vm: &mut Vm, obj: Value, name: Qstr) -> PyResult<Option<Value>> {
    let t = type_of(obj);
    if name == q::__class__ {
        return Ok(Some(t.as_value()));
    }
    Ok(match t.kind {
        Kind::Exception => {
            let e = exc_ref(obj);
            match name {
                n if n == q::args => Some(e.args.get()),
                n if n == q::value && is_subtype(t, &STOP_ITERATION_TYPE) => {
                    Some(crate::obj::exc::first_arg(obj))
                }
                n if n == q::code && is_subtype(t, &SYSTEM_EXIT_TYPE) => {
                    // Several arguments: the code is the whole args tuple (CPython).
                    let args = e.args.get();
                    if !args.is_null() && tuple_items(args).len() > 1 {
                        Some(args)
                    } else {
                        Some(crate::obj::exc::first_arg(obj))
                    }
                }
                n if n == q::errno && is_subtype(t, &OS_ERROR_TYPE) => {
                    Some(crate::obj::exc::first_arg(obj))
                }
                n if n == q::__cause__ => Some(null_to_none(e.cause.get())),
                n if n == q::__context__ => Some(null_to_none(e.context.get())),
                n if n == q::__suppress_context__ => {
                    Some(Value::from_bool(e.suppress_context.get()))
                }
                n if n == q::__traceback__ => Some(Value::NONE),
                _ => None,
            }
        }
        #[cfg(feature = "vfs")]
        Kind::Native if crate::obj::file::is_file(obj) => crate::obj::file::file_attr(obj, name),
        Kind::Function => {
            let f = func_ref(obj);
            let code = crate::obj::func::code_ref(f.code);
            match name {
                n if n == q::__name__ => Some(if f.name.get().is_null() {
                    Value::from_qstr(code.name)
                } else {
                    f.name.get()
                }),
                n if n == q::__qualname__ => Some(Value::from_qstr(code.qualname)),
                n if n == q::__globals__ => Some(f.globals),
                n if n == q::__module__ => {
                    Some(map_get_qstr(vm, f.globals, q::__name__).unwrap_or(Value::NONE))
                }
                n if n == q::__defaults__ => Some(null_to_none(f.defaults)),
                n if n == q::__code__ => Some(f.code),
                n if n == q::__dict__ => {
                    if f.dict.get().is_null() {
                        let d = new_dict(vm)?;
                        f.dict.set(d);
                    }
                    Some(f.dict.get())
                }
                _ => None,
            }
        }
        Kind::NativeFunction if name == q::__name__ => {
            // SAFETY: NativeFn static.
            let f = unsafe { crate::obj::obj::<NativeFn>(obj) };
            Some(Value::from_qstr(f.name))
        }
        Kind::BoundMethod => {
            let b = crate::obj::func::bound_ref(obj);
            match name {
                n if n == q::__self__ => Some(b.self_),
                n if n == q::__func__ => Some(b.func),
                n if n == q::__name__ => Some(getattr(vm, b.func, q::__name__)?),
                _ => None,
            }
        }
        Kind::Object if name == q::__dict__ => instance_dict(obj),
        Kind::Module if name == q::__dict__ => instance_dict(obj),
        Kind::Range => {
            let r = crate::obj::misc::range_ref(obj);
            match name {
                n if n == q::start => Some(Value::small_int(r.start)),
                n if n == q::stop => Some(Value::small_int(r.stop)),
                n if n == q::step => Some(Value::small_int(r.step)),
                _ => None,
            }
        }
        Kind::Slice => {
            let s = crate::obj::misc::slice_ref(obj);
            match name {
                n if n == q::start => Some(s.start),
                n if n == q::stop => Some(s.stop),
                n if n == q::step => Some(s.step),
                _ => None,
            }
        }
        #[cfg(feature = "complex")]
        Kind::Complex => crate::obj::complex::attr(vm, obj, name)?,
        Kind::Int | Kind::Bool => match name {
            n if n == q::real || n == q::numerator => Some(obj),
            n if n == q::imag => Some(Value::small_int(0)),
            n if n == q::denominator => Some(Value::small_int(1)),
            _ => None,
        },
        #[cfg(feature = "float")]
        Kind::Float => match name {
            n if n == q::real => Some(obj),
            n if n == q::imag => Some(crate::obj::num::new_float(vm, 0.0)?),
            _ => None,
        },
        Kind::Property => {
            let p = property_ref(obj);
            match name {
                n if n == q::fget => Some(p.fget.get()),
                n if n == q::fset => Some(p.fset.get()),
                n if n == q::fdel => Some(p.fdel.get()),
                _ => None,
            }
        }
        Kind::StaticMethod | Kind::ClassMethod if name == q::__func__ => Some(wrapped(obj)),
        Kind::Generator if name == q::__name__ => {
            let g = crate::obj::func::gen_ref(obj);
            Some(Value::from_qstr(crate::obj::func::code_ref(g.code).name))
        }
        _ => None,
    })
}

fn null_to_none(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn type_getattr(vm: &mut Vm, t: &'static TypeObj, name: Qstr) -> PyResult<Value> {
    if let Some(a) = class_lookup(vm, t, name) {
        if a.is_obj() {
            match kind_of(a) {
                Kind::StaticMethod => return Ok(wrapped(a)),
                Kind::ClassMethod => return new_bound_method(vm, wrapped(a), t.as_value()),
                Kind::NativeFunction => {
                    // SAFETY: NativeFn static.
                    let f = unsafe { crate::obj::obj::<NativeFn>(a) };
                    if f.binding == Binding::Class {
                        return new_bound_method(vm, a, t.as_value());
                    }
                }
                _ if type_of(a).is_heap() && !is_type(a) => {
                    if let Some(get) = lookup_special(vm, a, q::__get__) {
                        return call_bound(vm, get, a, &[Value::NONE, t.as_value()]);
                    }
                }
                _ => {}
            }
        }
        return Ok(a);
    }
    match name {
        n if n == q::__name__ || n == q::__qualname__ => return Ok(Value::from_qstr(t.name)),
        n if n == q::__mro__ => return mro_of(vm, t.as_value()),
        n if n == q::__bases__ => {
            if t.is_heap() {
                return Ok(t.bases.get());
            }
            return match t.builtin_base() {
                Some(b) => new_tuple(vm, &[b.as_value()]),
                None => Ok(crate::obj::list::empty_tuple()),
            };
        }
        n if n == q::__dict__ && t.is_heap() => return Ok(t.dict.get()),
        n if n == q::__class__ => return Ok(TYPE_TYPE.as_value()),
        n if n == q::__module__ => return Ok(Value::from_qstr(q::builtins)),
        _ => {}
    }
    Err(attr_error(vm, t.as_value(), name))
}

fn super_getattr(vm: &mut Vm, sup: Value, name: Qstr) -> PyResult<Value> {
    let s = crate::obj::misc::super_ref(sup);
    let obj = s.obj;
    let start = type_ref(s.class);
    let obj_type: &'static TypeObj = if is_type(obj) && is_subtype(type_ref(obj), start) {
        type_ref(obj)
    } else {
        type_of(obj)
    };
    let mro = mro_of(vm, obj_type.as_value())?;
    let items = tuple_items(mro);
    let pos = items
        .iter()
        .position(|&c| core::ptr::eq(type_ref(c), start))
        .map(|p| p + 1)
        .unwrap_or(items.len());
    for &c in &items[pos..] {
        let ct = type_ref(c);
        let found = if ct.is_heap() {
            map_get_qstr(vm, ct.dict.get(), name)
        } else {
            ct.methods
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, f)| f.as_value())
        };
        if let Some(a) = found {
            if is_type(obj) && obj_type.as_value() == obj {
                // super() in a classmethod: bind to the class.
                if a.is_obj() && kind_of(a) == Kind::ClassMethod {
                    return new_bound_method(vm, wrapped(a), obj);
                }
                if name == q::__new__ || (a.is_obj() && kind_of(a) == Kind::Function) {
                    return Ok(a);
                }
            }
            return bind(vm, a, obj, obj_type);
        }
    }
    if name == q::__init__ {
        // object.__init__ accepts anything when reached through super().
        return bind(
            vm,
            builtin_lookup(&OBJECT_TYPE, q::__init__).unwrap_or(Value::NONE),
            obj,
            obj_type,
        );
    }
    Err(attr_error(vm, sup, name))
}

/// `LoadMethod`: (callable, self) or (callable, NULL), avoiding a bound-method allocation.
#[inline]
pub fn load_method(vm: &mut Vm, obj: Value, name: Qstr) -> PyResult<(Value, Value)> {
    let t = type_of(obj);
    match t.kind {
        Kind::Type | Kind::Module | Kind::Super => {}
        _ => {
            if t.is_heap() {
                if let Some(d) = instance_dict(obj) {
                    if let Some(v) = map_get_qstr(vm, d, name) {
                        return Ok((v, Value::NULL));
                    }
                }
                if let Some(a) = class_lookup(vm, t, name) {
                    if a.is_obj() && kind_of(a) == Kind::Function {
                        return Ok((a, obj));
                    }
                    let b = bind(vm, a, obj, t)?;
                    return Ok((b, Value::NULL));
                }
            } else if let Some(a) = builtin_lookup(t, name) {
                // SAFETY: builtin method tables hold NativeFn statics.
                let f = unsafe { crate::obj::obj::<NativeFn>(a) };
                return Ok(match f.binding {
                    Binding::Method => (a, obj),
                    Binding::Class => (a, t.as_value()),
                    Binding::Static => (a, Value::NULL),
                });
            }
        }
    }
    Ok((getattr(vm, obj, name)?, Value::NULL))
}

pub fn setattr(vm: &mut Vm, obj: Value, name: Qstr, v: Value) -> PyResult<()> {
    let t = type_of(obj);
    if t.is_heap() && t.kind != Kind::Type {
        if let Some(sa) = class_lookup(vm, t, q::__setattr__) {
            if !(sa.is_obj() && kind_of(sa) == Kind::NativeFunction) {
                let n = Value::from_qstr(name);
                call_bound(vm, sa, obj, &[n, v])?;
                return Ok(());
            }
        }
    }
    generic_setattr(vm, obj, name, v)
}

/// `object.__setattr__`: data descriptors, then the instance dict.
pub fn generic_setattr(vm: &mut Vm, obj: Value, name: Qstr, v: Value) -> PyResult<()> {
    let t = type_of(obj);
    if is_type(obj) {
        let ct = type_ref(obj);
        if ct.is_heap() {
            map_set_qstr(vm, ct.dict.get(), name, v)?;
            update_flags(vm, ct);
            return Ok(());
        }
        let name = vm.qstr_str(ct.name);
        let cant = "can't set attributes of built-in/extension type '";
        return Err(message::type_error(vm, &[cant, "'"], &[name]));
    }
    if t.is_heap() {
        if let Some(a) = class_lookup(vm, t, name) {
            if a.is_obj() && kind_of(a) == Kind::Property {
                let s = property_ref(a).fset.get();
                if s.is_none() || s.is_null() {
                    return Err(vm.attribute_error("can't set attribute"));
                }
                crate::call::call(vm, s, &[obj, v], &[])?;
                return Ok(());
            }
            if a.is_obj() && type_of(a).is_heap() {
                if let Some(set) = lookup_special(vm, a, q::__set__) {
                    call_bound(vm, set, a, &[obj, v])?;
                    return Ok(());
                }
            }
        }
    }
    if t.kind == Kind::Function {
        let f = func_ref(obj);
        if f.dict.get().is_null() {
            let d = new_dict(vm)?;
            f.dict.set(d);
        }
    }
    if t.kind == Kind::Exception && !is_type(obj) && name == q::args {
        // `e.args = ...` replaces the args that str(e) and e.args show (any iterable -> tuple).
        let items = crate::ops::collect_iterable(vm, v)?;
        let args = new_tuple(vm, crate::obj::list::list_items(items))?;
        exc_ref(obj).args.set(args);
        return Ok(());
    }
    if t.kind == Kind::Exception && !is_type(obj) && exc_ref(obj).dict.get().is_null() {
        let d = new_dict(vm)?;
        exc_ref(obj).dict.set(d);
    }
    match instance_dict(obj) {
        Some(d) => map_set_qstr(vm, d, name, v),
        None => Err(attr_error(vm, obj, name)),
    }
}

pub fn delattr(vm: &mut Vm, obj: Value, name: Qstr) -> PyResult<()> {
    let t = type_of(obj);
    if t.is_heap() {
        if let Some(da) = class_lookup(vm, t, q::__delattr__) {
            let n = Value::from_qstr(name);
            call_bound(vm, da, obj, &[n])?;
            return Ok(());
        }
    }
    generic_delattr(vm, obj, name)
}

/// `object.__delattr__`: properties' deleters, then the instance (or class) dict.
pub fn generic_delattr(vm: &mut Vm, obj: Value, name: Qstr) -> PyResult<()> {
    let t = type_of(obj);
    if t.is_heap() {
        if let Some(a) = class_lookup(vm, t, name) {
            if a.is_obj() && kind_of(a) == Kind::Property {
                let d = property_ref(a).fdel.get();
                if d.is_none() || d.is_null() {
                    return Err(vm.attribute_error("can't delete attribute"));
                }
                crate::call::call(vm, d, &[obj], &[])?;
                return Ok(());
            }
            // A data descriptor defined in Python: its `__delete__`.
            if a.is_obj() && type_of(a).is_heap() && !is_type(a) {
                if let Some(del) = lookup_special(vm, a, q::__delete__) {
                    call_bound(vm, del, a, &[obj])?;
                    return Ok(());
                }
            }
        }
    }
    let d = if is_type(obj) && type_ref(obj).is_heap() {
        Some(type_ref(obj).dict.get())
    } else {
        instance_dict(obj)
    };
    if let Some(d) = d {
        if map::map_delete(vm, d, Value::from_qstr(name))?.is_some() {
            return Ok(());
        }
    }
    Err(attr_error(vm, obj, name))
}

// ---- classes ----

/// The MRO of a type as a tuple.
pub fn mro_of(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let tt = type_ref(t);
    if !tt.mro.get().is_null() {
        return Ok(tt.mro.get());
    }
    let mut v: Vec<Value> = Vec::new();
    let mut c: Option<&'static TypeObj> = Some(tt);
    while let Some(ct) = c {
        v.push(ct.as_value());
        c = ct.builtin_base();
    }
    if !core::ptr::eq(type_ref(*v.last().unwrap_or(&t)), &OBJECT_TYPE) {
        v.push(OBJECT_TYPE.as_value());
    }
    new_tuple(vm, &v)
}

/// The MRO of new class `t`: `t`, then the C3 linearization of its `bases`.
fn c3_mro(vm: &mut Vm, t: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    // The sequences to merge (each base's MRO, then the bases) laid end to end in `items`;
    // `seqs` holds each one's (start, end) in it. Taking a head advances its start.
    let mut items: Vec<Value> = Vec::new();
    let mut seqs: Vec<(usize, usize)> = Vec::new();
    for i in 0..=bases.len() {
        let start = items.len();
        match bases.get(i) {
            Some(&b) => {
                let m = mro_of(vm, b)?;
                items.extend_from_slice(tuple_items(m));
            }
            None => items.extend_from_slice(bases),
        }
        seqs.push((start, items.len()));
    }
    let mut out = alloc::vec![t];
    loop {
        // The first head that is in no sequence's tail.
        let in_a_tail = |head: Value| {
            seqs.iter()
                .any(|&(s, e)| s < e && items[s + 1..e].contains(&head))
        };
        let Some(c) = seqs
            .iter()
            .filter(|&&(s, e)| s < e)
            .map(|&(s, _)| items[s])
            .find(|&head| !in_a_tail(head))
        else {
            if seqs.iter().all(|&(s, e)| s == e) {
                return Ok(out);
            }
            return Err(vm.type_error("Cannot create a consistent method resolution order (MRO)"));
        };
        out.push(c);
        for (s, e) in seqs.iter_mut() {
            if *s < *e && items[*s] == c {
                *s += 1;
            }
        }
    }
}

fn update_flags(vm: &Vm, t: &'static TypeObj) {
    let mut f = t.flags.get() & !TF_GETATTR;
    if class_lookup(vm, t, q::__getattr__).is_some() {
        f |= TF_GETATTR;
    }
    t.flags.set(f);
}

/// Create a class from name, bases tuple and namespace dict (`type(name, bases, dict)`).
pub fn new_class(vm: &mut Vm, name: Qstr, bases: Value, dict: Value) -> PyResult<Value> {
    new_class_kw(vm, name, bases, dict, &[])
}

/// `new_class` with the class statement's keywords (alternating name, value) for the parent's
/// `__init_subclass__`.
pub fn new_class_kw(
    vm: &mut Vm,
    name: Qstr,
    bases: Value,
    dict: Value,
    class_kw: &[Value],
) -> PyResult<Value> {
    let base_items = tuple_items(bases);
    // The layout comes from the builtin "solid" base of the first base that has one.
    let mut layout: &'static TypeObj = &OBJECT_TYPE;
    for &b in base_items {
        if !is_type(b) {
            return Err(vm.type_error("bases must be types"));
        }
        let bt = type_ref(b);
        let mut solid = bt;
        while solid.is_heap() {
            solid = unsafe_base(solid);
        }
        if !core::ptr::eq(solid, &OBJECT_TYPE) {
            if !core::ptr::eq(layout, &OBJECT_TYPE)
                && !is_subtype(solid, layout)
                && !is_subtype(layout, solid)
            {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            if core::ptr::eq(layout, &OBJECT_TYPE) || is_subtype(solid, layout) {
                layout = solid;
            }
        }
    }
    let kind = match layout.kind {
        Kind::Object => Kind::Object,
        Kind::Exception => Kind::Exception,
        // Instances: the builtin layout plus an instance dict slot (see `instance_dict`).
        k @ (Kind::List | Kind::Dict | Kind::Set | Kind::Str | Kind::Int | Kind::Tuple) => k,
        other => {
            let _ = other;
            let name = vm.qstr_str(layout.name);
            let pieces = ["subclassing the builtin type '", "' isn't supported yet"];
            return Err(message::type_error(vm, &pieces, &[name]));
        }
    };
    let bases = if base_items.is_empty() {
        new_tuple(vm, &[OBJECT_TYPE.as_value()])?
    } else {
        bases
    };
    let t = vm.alloc_obj(
        TypeObj {
            header: header_dyn(&TYPE_TYPE),
            kind,
            name,
            base: layout,
            methods: &[],
            slots: None,
            dict: Cell::new(dict),
            bases: Cell::new(bases),
            mro: Cell::new(Value::NULL),
            flags: Cell::new(TF_HEAP | if kind == Kind::Exception { TF_EXC } else { 0 }),
        },
        0,
    )?;
    let mro = c3_mro(vm, t, tuple_items(bases))?;
    let mro_t = new_tuple(vm, &mro)?;
    let tt = type_ref(t);
    tt.mro.set(mro_t);
    update_flags(vm, tt);
    if map_get_qstr(vm, dict, q::__qualname__).is_none() {
        map_set_qstr(vm, dict, q::__qualname__, Value::from_qstr(name))?;
    }
    // Defining __eq__ without __hash__ makes instances unhashable, as in Python 3.
    if map_get_qstr(vm, dict, q::__eq__).is_some() && map_get_qstr(vm, dict, q::__hash__).is_none()
    {
        map_set_qstr(vm, dict, q::__hash__, Value::NONE)?;
    }
    // __set_name__ on descriptors, and __init_subclass__ on the parent.
    let mut pos = 0;
    while let Some(e) = map::next_entry(dict, &mut pos) {
        if e.value.is_obj() && type_of(e.value).is_heap() && !is_type(e.value) {
            if let Some(sn) = lookup_special(vm, e.value, q::__set_name__) {
                call_bound(vm, sn, e.value, &[t, e.key])?;
            }
        }
    }
    let parent_hook = match tuple_items(bases).first() {
        Some(&first) => class_lookup(vm, type_ref(first), q::__init_subclass__).filter(|isc| {
            isc.is_obj() && matches!(kind_of(*isc), Kind::Function | Kind::ClassMethod)
        }),
        None => None,
    };
    match parent_hook {
        Some(isc) => {
            let f = if kind_of(isc) == Kind::ClassMethod {
                wrapped(isc)
            } else {
                isc
            };
            crate::call::call(vm, f, &[t], class_kw)?;
        }
        // object.__init_subclass__ takes no keywords.
        None if !class_kw.is_empty() => {
            let name = vm.qstr_str(name);
            let pieces = ["", ".__init_subclass__() takes no keyword arguments"];
            return Err(message::type_error(vm, &pieces, &[name]));
        }
        None => {}
    }
    Ok(t)
}

fn unsafe_base(t: &'static TypeObj) -> &'static TypeObj {
    // SAFETY: heap classes always have a non-null builtin layout base.
    unsafe { &*t.base }
}

/// Allocate an uninitialised instance of class `t`.
pub fn new_instance(vm: &mut Vm, t: &'static TypeObj) -> PyResult<Value> {
    match t.kind {
        Kind::Object => {
            let d = if t.is_heap() {
                new_dict(vm)?
            } else {
                Value::NULL
            };
            vm.alloc_obj(
                InstanceObj {
                    header: header_dyn(t),
                    dict: Cell::new(d),
                },
                0,
            )
        }
        Kind::Exception => {
            let e = crate::obj::exc::new_exception_args(vm, t, &[])?;
            if t.is_heap() {
                let d = new_dict(vm)?;
                exc_ref(e).dict.set(d);
            }
            Ok(e)
        }
        Kind::Int if t.is_heap() => {
            let d = new_dict(vm)?;
            crate::obj::num::new_int_subclass(vm, t, Value::small_int(0), d)
        }
        Kind::List | Kind::Dict | Kind::Set | Kind::Str if t.is_heap() => {
            let d = new_dict(vm)?;
            let slot = core::mem::size_of::<Value>();
            let v = match t.kind {
                Kind::List => vm.alloc_obj(
                    crate::obj::list::ListObj {
                        header: header_dyn(t),
                        len: Cell::new(0),
                        cap: Cell::new(0),
                        items: Cell::new(core::ptr::null_mut()),
                    },
                    slot,
                )?,
                Kind::Str => return crate::obj::string::new_str_subclass(vm, t, "", d),
                _ => map::new_map_extra(vm, t, slot)?,
            };
            let off = builtin_dict_offset(v);
            // SAFETY: the allocation has `slot` bytes after the layout, at `off`.
            unsafe { (v.as_ptr::<u8>().add(off) as *mut Value).write(d) };
            Ok(v)
        }
        _ => {
            let name = vm.qstr_str(t.name);
            Err(message::type_error(
                vm,
                &["cannot create '", "' instances"],
                &[name],
            ))
        }
    }
}

/// Calling a class defined in Python: `__new__` then `__init__`.
pub fn call_class(
    vm: &mut Vm,
    t: &'static TypeObj,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    let new = class_lookup(vm, t, q::__new__);
    let obj = match new {
        Some(n) if n.is_obj() && kind_of(n) != Kind::NativeFunction => {
            let f = if kind_of(n) == Kind::StaticMethod {
                wrapped(n)
            } else {
                n
            };
            crate::call::call_with_self(vm, f, t.as_value(), args, kw)?
        }
        // str and int are immutable: the value comes from the constructor arguments (__new__).
        _ if matches!(t.kind, Kind::Str | Kind::Int | Kind::Tuple) => {
            new_immutable(vm, t, args, kw)?
        }
        _ => new_instance(vm, t)?,
    };
    if !is_subtype(type_of(obj), t) {
        return Ok(obj);
    }
    // str, int and tuple consumed the arguments in __new__; only a Python __init__ still runs.
    let immutable = matches!(t.kind, Kind::Str | Kind::Int | Kind::Tuple);
    if let Some(init) = class_lookup(vm, t, q::__init__) {
        let is_native_init = init.is_obj() && kind_of(init) == Kind::NativeFunction;
        if t.kind == Kind::Exception {
            // args come from the constructor call even when a Python __init__ does not pass
            // them on to the base class (CPython sets them in BaseException.__new__).
            let a = new_tuple(vm, args)?;
            exc_ref(obj).args.set(a);
        }
        if !is_native_init && (!immutable || init.is_obj()) {
            let r = crate::call::call_with_self(vm, init, obj, args, kw)?;
            if !r.is_none() {
                return Err(vm.type_error("__init__() should return None"));
            }
            return Ok(obj);
        }
        // From here on `init` is the builtin one (or, for str/int/tuple, not a function).
        if immutable {
            return Ok(obj);
        }
        if matches!(t.kind, Kind::List | Kind::Dict | Kind::Set) {
            // list/dict/set.__init__: fill the new instance like the builtin constructor would.
            if !args.is_empty() || !kw.is_empty() {
                let tmp = crate::builtins::construct(vm, unsafe_base(t), args, kw)?;
                match t.kind {
                    Kind::List => crate::ops::extend_list(vm, obj, tmp)?,
                    Kind::Dict => crate::ops::dict_update(vm, obj, tmp)?,
                    _ => crate::ops::set_update(vm, obj, tmp)?,
                }
            }
        } else if t.kind != Kind::Exception
            && (!args.is_empty() || !kw.is_empty())
            && new.map(|n| n.is_obj() && kind_of(n) != Kind::NativeFunction) != Some(true)
        {
            let name = vm.qstr_str(t.name);
            return Err(message::type_error(
                vm,
                &["", "() takes no arguments"],
                &[name],
            ));
        }
    }
    Ok(obj)
}

/// `str.__new__` / `int.__new__` for class `t` (a subtype of str or int): the builtin
/// constructor's value, as an instance of `t` when `t` is a Python class.
pub fn new_immutable(
    vm: &mut Vm,
    t: &'static TypeObj,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    let mut base = t;
    while base.is_heap() {
        base = unsafe_base(base);
    }
    let v = crate::builtins::construct(vm, base, args, kw)?;
    if !t.is_heap() {
        return Ok(v);
    }
    let d = new_dict(vm)?;
    match t.kind {
        Kind::Str => {
            let text = crate::obj::string::str_of(vm, v).unwrap_or("");
            crate::obj::string::new_str_subclass(vm, t, text, d)
        }
        Kind::Tuple => {
            crate::obj::list::new_tuple_subclass(vm, t, crate::obj::list::tuple_items(v), d)
        }
        _ => crate::obj::num::new_int_subclass(vm, t, v, d),
    }
}

/// The `__new__` of str and int: `args[0]` is the class.
pub fn immutable_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let cls = args.arg(vm, 0, "__new__(): not enough arguments")?;
    if !is_type(cls) || !matches!(type_ref(cls).kind, Kind::Str | Kind::Int | Kind::Tuple) {
        return Err(vm.type_error("__new__(X): X is not a subtype of str, int or tuple"));
    }
    new_immutable(vm, type_ref(cls), &args.pos[1..], args.kw)
}

/// Is `v` an exception instance or class (for `raise` and `except`)?
pub fn is_exception_class(v: Value) -> bool {
    is_type(v) && is_subtype(type_ref(v), &BASE_EXCEPTION_TYPE)
}

pub fn is_exception_instance(v: Value) -> bool {
    is_exception(v)
}
