//! `collections`: `deque`, `OrderedDict` and `namedtuple`.
//!
//! - `deque` is a class built at import with the core's class machinery (`new_class`) and
//!   native methods; its items live in a list in the instance dict (`_items`, with `maxlen`),
//!   so the GC sees them and `len()`/iteration go through the class's special methods.
//! - `OrderedDict` instances are dicts (dicts keep insertion order) whose type is
//!   `ODICT_INST_TYPE`: dict layout, so every dict operation applies; its builtin base is the
//!   `OrderedDict` type (the module member), which constructs them and adds `move_to_end` and
//!   `popitem(last=)`; that type's base is `dict`, so `isinstance(od, (OrderedDict, dict))`.
//! - `namedtuple(name, fields)` allocates a class whose instances have tuple layout (so
//!   indexing, unpacking and `len` are the tuple's), with each field a read-only property.

use crate::{check_args, check_kw, check_pos, kwarg};
use alloc::string::String;
use core::cell::Cell;
use mpy_core::attr::{class_lookup, instance_dict, new_class, new_instance};
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::func::new_bound_method;
use mpy_core::obj::list::{
    is_tuple, list_append, list_get, list_insert, list_items, list_len, list_remove_at, new_list,
    new_tuple, new_tuple_subclass, tuple_items, tuple_set,
};
use mpy_core::obj::map::{
    entry_at, map_clear, map_delete, map_get_qstr, map_len, map_set, map_set_qstr, new_dict,
    next_entry,
};
use mpy_core::obj::misc::{new_property, new_wrapper};
use mpy_core::obj::num::int_from_i64;
use mpy_core::obj::string::str_of;
use mpy_core::obj::types::{DICT_TYPE, OBJECT_TYPE, TUPLE_TYPE, TYPE_TYPE};
use mpy_core::obj::{
    is_type, kind_of, type_of, type_ref, Args, Kind, NativeFn, ObjHeader, TypeObj, TF_HEAP,
};
use mpy_core::ops::{
    collect_iterable, dict_update, eq, extend_list, hash, iter, next, repr_into, to_index, truthy,
};
use mpy_core::qstr::{q, Qstr};
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

// ---------------------------------------------------------------- deque

/// The deque's item list and maxlen (None: unbounded) from its instance dict.
fn deque_parts(vm: &mut Vm, d: Value) -> PyResult<(Value, Option<usize>)> {
    let dict = instance_dict(d).filter(|_| kind_of(d) == Kind::Object);
    if let Some(dict) = dict {
        if let Some(items) = map_get_qstr(vm, dict, q::_items).filter(|v| kind_of(*v) == Kind::List)
        {
            let max = map_get_qstr(vm, dict, q::maxlen)
                .and_then(|m| m.as_small_int())
                .map(|m| m as usize);
            return Ok((items, max));
        }
    }
    let msg = alloc::format!(
        "descriptor requires a 'deque' object, not '{}'",
        vm.type_name(d)
    );
    Err(vm.type_error(&msg))
}

/// `deque(iterable=(), maxlen=None)`; MicroPython's `deque(iterable, maxlen[, flags])` too.
fn deque_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["iterable", "maxlen"], "deque")?;
    check_pos(vm, args, 1, 4, "deque")?;
    let cls = args.pos[0];
    let iterable = args
        .pos
        .get(1)
        .copied()
        .or_else(|| kwarg(vm, args, "iterable"));
    let maxlen = args
        .pos
        .get(2)
        .copied()
        .or_else(|| kwarg(vm, args, "maxlen"));
    let max = match maxlen.filter(|m| !m.is_none()) {
        Some(m) => {
            let n = to_index(vm, m)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Value::small_int(n)
        }
        None => Value::NONE,
    };
    let inst = new_instance(vm, type_ref(cls))?;
    let items = new_list(vm, &[])?;
    let Some(dict) = instance_dict(inst) else {
        return Err(vm.type_error("deque: bad class"));
    };
    map_set_qstr(vm, dict, q::_items, items)?;
    map_set_qstr(vm, dict, q::maxlen, max)?;
    // MicroPython's `flags`: bit 0 makes adding to a full deque raise IndexError.
    if let Some(&f) = args.pos.get(3) {
        let f = to_index(vm, f)?;
        map_set_qstr(vm, dict, q::flags, Value::small_int(f))?;
    }
    if let Some(it) = iterable.filter(|v| !v.is_none()) {
        extend(vm, inst, it, false)?;
    }
    Ok(inst)
}

/// Add `x` at the right (or left), dropping from the other end when full (IndexError
/// instead if the deque was made with flags bit 0 set).
fn push(vm: &mut Vm, d: Value, x: Value, left: bool) -> PyResult<()> {
    let (items, max) = deque_parts(vm, d)?;
    if max.is_some_and(|m| list_len(items) >= m) {
        let strict = instance_dict(d)
            .and_then(|dict| map_get_qstr(vm, dict, q::flags))
            .and_then(|f| f.as_small_int())
            .is_some_and(|f| f & 1 != 0);
        if strict {
            return Err(vm.index_error("full"));
        }
    }
    if max == Some(0) {
        return Ok(());
    }
    if left {
        list_insert(vm, items, 0, x)?;
    } else {
        list_append(vm, items, x)?;
    }
    if let Some(m) = max {
        if list_len(items) > m {
            let at = if left { list_len(items) - 1 } else { 0 };
            list_remove_at(items, at);
        }
    }
    Ok(())
}

fn extend(vm: &mut Vm, d: Value, iterable: Value, left: bool) -> PyResult<()> {
    // Snapshot first: `d.extend(d)` must not loop forever.
    let src = collect_iterable(vm, iterable)?;
    let mut i = 0;
    while let Some(x) = list_get(src, i) {
        push(vm, d, x, left)?;
        i += 1;
    }
    Ok(())
}

fn deque_append(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "append")?;
    push(vm, args.pos[0], args.pos[1], false)?;
    Ok(Value::NONE)
}

fn deque_appendleft(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "appendleft")?;
    push(vm, args.pos[0], args.pos[1], true)?;
    Ok(Value::NONE)
}

fn deque_extend(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "extend")?;
    extend(vm, args.pos[0], args.pos[1], false)?;
    Ok(Value::NONE)
}

fn deque_extendleft(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "extendleft")?;
    extend(vm, args.pos[0], args.pos[1], true)?;
    Ok(Value::NONE)
}

fn take(vm: &mut Vm, args: &Args, left: bool, name: &str) -> PyResult<Value> {
    check_args(vm, args, 1, 1, name)?;
    let (items, _) = deque_parts(vm, args.pos[0])?;
    let n = list_len(items);
    if n == 0 {
        return Err(vm.index_error("pop from an empty deque"));
    }
    Ok(list_remove_at(items, if left { 0 } else { n - 1 }).unwrap_or(Value::NONE))
}

fn deque_pop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    take(vm, args, false, "pop")
}

fn deque_popleft(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    take(vm, args, true, "popleft")
}

fn deque_clear(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "clear")?;
    let (items, _) = deque_parts(vm, args.pos[0])?;
    mpy_core::obj::list::list_clear(items);
    Ok(Value::NONE)
}

fn deque_len(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__len__")?;
    let (items, _) = deque_parts(vm, args.pos[0])?;
    Ok(Value::small_int(list_len(items) as isize))
}

fn deque_bool(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__bool__")?;
    let (items, _) = deque_parts(vm, args.pos[0])?;
    Ok(Value::from_bool(list_len(items) > 0))
}

fn deque_iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__iter__")?;
    let (items, _) = deque_parts(vm, args.pos[0])?;
    iter(vm, items)
}

fn deque_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "__getitem__")?;
    let (items, _) = deque_parts(vm, args.pos[0])?;
    let n = list_len(items) as isize;
    let i = to_index(vm, args.pos[1])?;
    let j = if i < 0 { i + n } else { i };
    match list_get(items, j.max(0) as usize).filter(|_| j >= 0) {
        Some(v) => Ok(v),
        None => Err(vm.index_error("deque index out of range")),
    }
}

/// Equality with another deque: the same items in order.
fn deque_eq(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "__eq__")?;
    let (a, _) = deque_parts(vm, args.pos[0])?;
    let Ok((b, _)) = deque_parts(vm, args.pos[1]) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::from_bool(eq(vm, a, b)?))
}

/// `deque([1, 2])` or `deque([1, 2], maxlen=3)` (CPython's form).
fn deque_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__repr__")?;
    let (items, max) = deque_parts(vm, args.pos[0])?;
    let mut out = String::from("deque(");
    repr_into(vm, items, &mut out)?;
    if let Some(m) = max {
        out.push_str(&alloc::format!(", maxlen={}", m));
    }
    out.push(')');
    vm.new_string(out)
}

static DEQUE_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::append, &NativeFn::method(q::append, deque_append)),
    (
        q::appendleft,
        &NativeFn::method(q::appendleft, deque_appendleft),
    ),
    (q::extend, &NativeFn::method(q::extend, deque_extend)),
    (
        q::extendleft,
        &NativeFn::method(q::extendleft, deque_extendleft),
    ),
    (q::pop, &NativeFn::method(q::pop, deque_pop)),
    (q::popleft, &NativeFn::method(q::popleft, deque_popleft)),
    (q::clear, &NativeFn::method(q::clear, deque_clear)),
    (q::__len__, &NativeFn::method(q::__len__, deque_len)),
    (q::__bool__, &NativeFn::method(q::__bool__, deque_bool)),
    (q::__iter__, &NativeFn::method(q::__iter__, deque_iter)),
    (
        q::__getitem__,
        &NativeFn::method(q::__getitem__, deque_getitem),
    ),
    (q::__repr__, &NativeFn::method(q::__repr__, deque_repr)),
    (q::__eq__, &NativeFn::method(q::__eq__, deque_eq)),
    // No `__contains__`: `in` falls back to iterating `__iter__`, which is the same test.
];

static DEQUE_NEW: NativeFn = NativeFn::new(q::__new__, deque_new);

/// Build the `deque` class (once per import of the module).
fn make_deque(vm: &mut Vm) -> PyResult<Value> {
    let dict = new_dict(vm)?;
    for (name, f) in DEQUE_METHODS {
        map_set_qstr(vm, dict, *name, f.as_value())?;
    }
    // A staticmethod: `call_class` calls a non-native `__new__` with the class first.
    let new = new_wrapper(vm, false, DEQUE_NEW.as_value())?;
    map_set_qstr(vm, dict, q::__new__, new)?;
    let bases = new_tuple(vm, &[])?;
    new_class(vm, q::deque, bases, dict)
}

// ---------------------------------------------------------------- OrderedDict

static ODICT_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::__new__, &NativeFn::new(q::__new__, odict_new)),
    (
        q::move_to_end,
        &NativeFn::method(q::move_to_end, odict_move_to_end),
    ),
    (q::popitem, &NativeFn::method(q::popitem, odict_popitem)),
];

/// The module's `OrderedDict`: constructs `ODICT_INST_TYPE` dicts, holds their extra methods.
pub static ORDERED_DICT_TYPE: TypeObj =
    TypeObj::builtin(Kind::Native, q::OrderedDict, &DICT_TYPE, ODICT_METHODS);

/// The type of OrderedDict instances: dict layout and behaviour.
pub static ODICT_INST_TYPE: TypeObj =
    TypeObj::builtin(Kind::Dict, q::OrderedDict, &ORDERED_DICT_TYPE, &[]);

/// `OrderedDict([mapping_or_pairs], **kw)`, as `dict(...)`.
fn odict_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_pos(vm, args, 1, 2, "OrderedDict")?;
    let empty = new_dict(vm)?;
    let d = mpy_core::obj::map::map_copy(vm, empty, &ODICT_INST_TYPE)?;
    if let Some(&src) = args.pos.get(1) {
        dict_update(vm, d, src)?;
    }
    for p in args.kw.chunks(2) {
        map_set(vm, d, p[0], p[1])?;
    }
    Ok(d)
}

fn odict_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_obj() && core::ptr::eq(type_of(v), &ODICT_INST_TYPE) {
        Ok(v)
    } else {
        let msg = alloc::format!("expected an OrderedDict, not '{}'", vm.type_name(v));
        Err(vm.type_error(&msg))
    }
}

fn last_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<bool> {
    match args.pos.get(i).copied().or_else(|| kwarg(vm, args, "last")) {
        Some(v) => truthy(vm, v),
        None => Ok(true),
    }
}

/// `move_to_end(key, last=True)`: KeyError if absent.
fn odict_move_to_end(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["last"], "move_to_end")?;
    check_pos(vm, args, 2, 3, "move_to_end")?;
    let d = odict_arg(vm, args.pos[0])?;
    let last = last_arg(vm, args, 2)?;
    let key = args.pos[1];
    let Some(v) = map_delete(vm, d, key)? else {
        return Err(vm.key_error(key));
    };
    if last {
        map_set(vm, d, key, v)?;
        return Ok(Value::NONE);
    }
    // To the front: re-insert the rest after it; the pairs wait in a heap list (GC-visible).
    let rest = new_list(vm, &[])?;
    let mut pos = 0;
    while let Some(e) = next_entry(d, &mut pos) {
        list_append(vm, rest, e.key)?;
        list_append(vm, rest, e.value)?;
    }
    map_clear(d);
    map_set(vm, d, key, v)?;
    let items = list_items(rest);
    let mut i = 0;
    while i + 1 < items.len() {
        let (k, x) = (list_items(rest)[i], list_items(rest)[i + 1]);
        map_set(vm, d, k, x)?;
        i += 2;
    }
    Ok(Value::NONE)
}

/// `popitem(last=True)`: remove and return the last (or first) (key, value) pair.
fn odict_popitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["last"], "popitem")?;
    check_pos(vm, args, 1, 2, "popitem")?;
    let d = odict_arg(vm, args.pos[0])?;
    let last = last_arg(vm, args, 1)?;
    if map_len(d) == 0 {
        return Err(vm.key_error(Value::from_qstr(q::popitem)));
    }
    let mut found = None;
    let mut i = 0;
    while let Some(e) = entry_at(d, i) {
        if !e.key.is_null() {
            found = Some((e.key, e.value));
            if !last {
                break;
            }
        }
        i += 1;
    }
    let Some((k, v)) = found else {
        return Err(vm.key_error(Value::from_qstr(q::popitem)));
    };
    let pair = new_tuple(vm, &[k, v])?;
    map_delete(vm, d, k)?;
    Ok(pair)
}

// ---------------------------------------------------------------- namedtuple

/// The field-name tuple of a namedtuple class.
fn fields_of(vm: &mut Vm, cls: &'static TypeObj) -> PyResult<Value> {
    // Looked up through the MRO: Python subclasses of a namedtuple class share its fields.
    let f = if cls.is_heap() && cls.kind == Kind::Tuple {
        class_lookup(vm, cls, q::_fields)
    } else {
        None
    };
    match f.filter(|v| is_tuple(*v)) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("not a namedtuple class")),
    }
}

/// A tuple-layout instance of `cls` with `n` items (None until filled), laid out like every
/// instance of a Python tuple subclass (items, then the instance dict slot). Instances of the
/// namedtuple class itself have no dict (setting attributes fails, as in CPython); instances of
/// a Python subclass of it get one.
fn alloc_instance(vm: &mut Vm, cls: &'static TypeObj, n: usize) -> PyResult<Value> {
    let dict = if map_get_qstr(vm, cls.dict.get(), q::_fields).is_some() {
        Value::NULL
    } else {
        new_dict(vm)?
    };
    let none = alloc::vec![Value::NONE; n];
    new_tuple_subclass(vm, cls, &none, dict)
}

/// `Cls(*args, **kw)`: every field given exactly once.
fn nt_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some((&cls, vals)) = args.pos.split_first().filter(|(c, _)| is_type(**c)) else {
        return Err(vm.type_error("__new__() needs a type argument"));
    };
    let cls = type_ref(cls);
    let fields = fields_of(vm, cls)?;
    let names = tuple_items(fields);
    let tname = vm.qstr_str(cls.name);
    if vals.len() > names.len() {
        let msg = alloc::format!(
            "{}() takes {} positional arguments but {} were given",
            tname,
            names.len(),
            vals.len()
        );
        return Err(vm.type_error(&msg));
    }
    let t = alloc_instance(vm, cls, names.len())?;
    let mut set = alloc::vec![false; names.len()];
    for (i, &v) in vals.iter().enumerate() {
        tuple_set(t, i, v);
        set[i] = true;
    }
    for p in args.kw.chunks(2) {
        let k = str_of(vm, p[0]).unwrap_or("");
        let Some(i) = names.iter().position(|&n| str_of(vm, n) == Some(k)) else {
            let msg = alloc::format!("{}() got an unexpected keyword argument '{}'", tname, k);
            return Err(vm.type_error(&msg));
        };
        if set[i] {
            let msg = alloc::format!("{}() got multiple values for argument '{}'", tname, k);
            return Err(vm.type_error(&msg));
        }
        tuple_set(t, i, p[1]);
        set[i] = true;
    }
    if let Some(i) = set.iter().position(|s| !s) {
        let msg = alloc::format!(
            "{}() missing required argument: '{}'",
            tname,
            str_of(vm, names[i]).unwrap_or("")
        );
        return Err(vm.type_error(&msg));
    }
    Ok(t)
}

/// `self` as a namedtuple instance: its class and items.
fn nt_self(vm: &mut Vm, v: Value) -> PyResult<(&'static TypeObj, Value)> {
    if v.is_obj() && kind_of(v) == Kind::Tuple && type_of(v).is_heap() {
        let cls = type_of(v);
        let f = fields_of(vm, cls)?;
        return Ok((cls, f));
    }
    let msg = alloc::format!("expected a namedtuple, not '{}'", vm.type_name(v));
    Err(vm.type_error(&msg))
}

/// Field getter: bound to the field's index, called by the field's property with the
/// instance (`pos` = [index, instance]).
fn nt_field(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "field")?;
    let i = args.pos[0].as_small_int().unwrap_or(0) as usize;
    let v = args.pos[1];
    match tuple_items_opt(v).and_then(|t| t.get(i)) {
        Some(&x) => Ok(x),
        None => {
            let msg = alloc::format!("expected a namedtuple, not '{}'", vm.type_name(v));
            Err(vm.type_error(&msg))
        }
    }
}

static NT_FIELD: NativeFn = NativeFn::new(q::field, nt_field);

fn tuple_items_opt(v: Value) -> Option<&'static [Value]> {
    is_tuple(v).then(|| tuple_items(v))
}

/// `Point(x=1, y=2)`.
fn nt_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__repr__")?;
    let (cls, fields) = nt_self(vm, args.pos[0])?;
    let mut out = String::from(vm.qstr_str(cls.name));
    out.push('(');
    for (i, &f) in tuple_items(fields).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(str_of(vm, f).unwrap_or(""));
        out.push('=');
        let item = tuple_items(args.pos[0])[i];
        repr_into(vm, item, &mut out)?;
    }
    out.push(')');
    vm.new_string(out)
}

/// A plain tuple with the same items (for comparison and hashing as a tuple).
fn plain(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_obj() && kind_of(v) == Kind::Tuple && type_of(v).is_heap() {
        new_tuple(vm, tuple_items(v))
    } else {
        Ok(v)
    }
}

/// Equality as tuples (the default object `__eq__` would compare identity).
fn nt_eq(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "__eq__")?;
    if !is_tuple(args.pos[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let a = plain(vm, args.pos[0])?;
    let b = plain(vm, args.pos[1])?;
    Ok(Value::from_bool(eq(vm, a, b)?))
}

fn nt_ne(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = nt_eq(vm, args)?;
    if r == Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    Ok(Value::from_bool(r == Value::FALSE))
}

fn nt_hash(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "__hash__")?;
    let t = plain(vm, args.pos[0])?;
    let h = hash(vm, t)?;
    int_from_i64(vm, h as i64)
}

/// `_asdict()`: {field: value} in field order.
fn nt_asdict(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "_asdict")?;
    let (_, fields) = nt_self(vm, args.pos[0])?;
    let d = new_dict(vm)?;
    for (i, &f) in tuple_items(fields).iter().enumerate() {
        map_set(vm, d, f, tuple_items(args.pos[0])[i])?;
    }
    Ok(d)
}

/// `_replace(**kw)`: a copy with some fields changed.
fn nt_replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_pos(vm, args, 1, 1, "_replace")?;
    let (cls, fields) = nt_self(vm, args.pos[0])?;
    let src = args.pos[0];
    let t = alloc_instance(vm, cls, tuple_items(src).len())?;
    for (i, &v) in tuple_items(src).iter().enumerate() {
        tuple_set(t, i, v);
    }
    for p in args.kw.chunks(2) {
        let k = str_of(vm, p[0]).unwrap_or("");
        let Some(i) = tuple_items(fields)
            .iter()
            .position(|&n| str_of(vm, n) == Some(k))
        else {
            let msg = alloc::format!("got unexpected field name: '{}'", k);
            return Err(vm.value_error(&msg));
        };
        tuple_set(t, i, p[1]);
    }
    Ok(t)
}

/// `Cls._make(iterable)`.
fn nt_make(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "_make")?;
    // [cls, *items] in a heap list (GC-visible), passed as the argument slice.
    let l = new_list(vm, &[args.pos[0]])?;
    extend_list(vm, l, args.pos[1])?;
    nt_new(vm, &Args::new(list_items(l)))
}

static NT_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::__repr__, &NativeFn::method(q::__repr__, nt_repr)),
    (q::__eq__, &NativeFn::method(q::__eq__, nt_eq)),
    (q::__ne__, &NativeFn::method(q::__ne__, nt_ne)),
    (q::__hash__, &NativeFn::method(q::__hash__, nt_hash)),
    (q::_asdict, &NativeFn::method(q::_asdict, nt_asdict)),
    (q::_replace, &NativeFn::method(q::_replace, nt_replace)),
    (q::_make, &NativeFn::classmethod(q::_make, nt_make)),
];

static NT_NEW: NativeFn = NativeFn::new(q::__new__, nt_new);

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some(c) if c == '_' || c.is_alphabetic())
        && cs.all(|c| c == '_' || c.is_alphanumeric())
}

/// `namedtuple(name, fields)`: fields as a list/tuple of str or one str split on commas and
/// whitespace. Extra keyword options (`rename`, `defaults`, `module`) are not supported.
fn collections_namedtuple(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "namedtuple")?;
    let Some(name) = str_of(vm, args.pos[0]) else {
        return Err(vm.type_error("namedtuple() name must be a str"));
    };
    let name = vm.intern(name)?;
    // Field names as a heap list of strs (GC-visible while the class is built).
    let names = new_list(vm, &[])?;
    if let Some(s) = str_of(vm, args.pos[1]) {
        for part in s.split(|c: char| c == ',' || c.is_whitespace()) {
            if !part.is_empty() {
                let v = vm.new_str(part)?;
                list_append(vm, names, v)?;
            }
        }
    } else {
        let it = iter(vm, args.pos[1])?;
        while let Some(v) = next(vm, it)? {
            if str_of(vm, v).is_none() {
                return Err(vm.value_error("Type names and field names must be valid identifiers"));
            }
            list_append(vm, names, v)?;
        }
    }
    let items = list_items(names);
    for (i, &n) in items.iter().enumerate() {
        let s = str_of(vm, n).unwrap_or("");
        if !is_identifier(s) || s.starts_with('_') {
            let msg = alloc::format!(
                "Field names must be valid identifiers not starting with '_': '{}'",
                s
            );
            return Err(vm.value_error(&msg));
        }
        if items[..i].iter().any(|&m| str_of(vm, m) == Some(s)) {
            let msg = alloc::format!("Encountered duplicate field name: '{}'", s);
            return Err(vm.value_error(&msg));
        }
    }
    let fields = new_tuple(vm, list_items(names))?;
    let dict = new_dict(vm)?;
    map_set_qstr(vm, dict, q::_fields, fields)?;
    for (n, f) in NT_METHODS {
        map_set_qstr(vm, dict, *n, f.as_value())?;
    }
    let new = new_wrapper(vm, false, NT_NEW.as_value())?;
    map_set_qstr(vm, dict, q::__new__, new)?;
    // Each field is a read-only property whose getter is `nt_field` bound to its index
    // (properties win over tuple methods, so a field may be named `count` or `index`).
    for (i, &f) in list_items(names).iter().enumerate() {
        let getter = new_bound_method(vm, NT_FIELD.as_value(), Value::small_int(i as isize))?;
        let prop = new_property(vm, getter, Value::NONE, Value::NONE)?;
        let fname = str_of(vm, f).unwrap_or("");
        let fq = vm.intern(fname)?;
        map_set_qstr(vm, dict, fq, prop)?;
    }
    map_set_qstr(vm, dict, q::__qualname__, Value::from_qstr(name))?;
    let bases = new_tuple(vm, &[TUPLE_TYPE.as_value()])?;
    // A heap class with tuple layout (the core's `new_class` only makes object-layout ones):
    // the MRO is fixed (cls, tuple, object).
    let t = vm.alloc_obj(
        TypeObj {
            header: ObjHeader { ty: &TYPE_TYPE },
            kind: Kind::Tuple,
            name,
            base: &TUPLE_TYPE,
            methods: &[],
            slots: None,
            dict: Cell::new(dict),
            bases: Cell::new(bases),
            mro: Cell::new(Value::NULL),
            flags: Cell::new(TF_HEAP),
        },
        0,
    )?;
    let mro = new_tuple(vm, &[t, TUPLE_TYPE.as_value(), OBJECT_TYPE.as_value()])?;
    type_ref(t).mro.set(mro);
    Ok(t)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::collections,
    members: &[
        (q::deque, Member::Make(make_deque)),
        (q::OrderedDict, Member::Type(&ORDERED_DICT_TYPE)),
        (
            q::namedtuple,
            Member::Fn(&NativeFn::new(q::namedtuple, collections_namedtuple)),
        ),
    ],
};
