//! Native iterators: one layout (`IterObj`) with a `next` function and a few state words, so
//! each iterator kind is one small function instead of a type with a vtable.

use super::{obj, Args, Kind, NativeFn, ObjHeader, TypeObj};
use crate::obj::list::{list_get, tuple_items};
use crate::obj::map::{entry_at, next_entry};
use crate::obj::types::{DICT_ITEMS_TYPE, DICT_KEYS_TYPE, DICT_VALUES_TYPE, ITERATOR_TYPE};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use core::cell::Cell;

pub type NextFn = fn(&mut Vm, &IterObj) -> PyResult<Option<Value>>;

#[repr(C)]
pub struct IterObj {
    pub header: ObjHeader,
    pub next: NextFn,
    pub a: Cell<Value>,
    pub b: Cell<Value>,
    pub i: Cell<isize>,
    pub j: Cell<isize>,
}

pub fn iter_ref(v: Value) -> &'static IterObj {
    // SAFETY: callers pass values of kind Iterator (IterObj layout).
    unsafe { obj::<IterObj>(v) }
}

pub fn new_iter(
    vm: &mut Vm,
    next: NextFn,
    a: Value,
    b: Value,
    i: isize,
    j: isize,
) -> PyResult<Value> {
    vm.alloc_obj(
        IterObj {
            header: header(&ITERATOR_TYPE),
            next,
            a: Cell::new(a),
            b: Cell::new(b),
            i: Cell::new(i),
            j: Cell::new(j),
        },
        0,
    )
}

/// Advance a native iterator.
#[inline(always)]
pub fn iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let o = iter_ref(it);
    (o.next)(vm, o)
}

pub fn list_next(_vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let i = it.i.get();
    let r = list_get(it.a.get(), i as usize);
    if r.is_some() {
        it.i.set(i + 1);
    }
    Ok(r)
}

pub fn tuple_next(_vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let i = it.i.get() as usize;
    let r = tuple_items(it.a.get()).get(i).copied();
    if r.is_some() {
        it.i.set(i as isize + 1);
    }
    Ok(r)
}

/// str iteration: `i` is the byte offset.
pub fn str_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let s = crate::obj::string::str_of(vm, it.a.get()).unwrap_or("");
    let i = it.i.get() as usize;
    match s.get(i..).and_then(|r| r.chars().next()) {
        Some(c) => {
            it.i.set((i + c.len_utf8()) as isize);
            let mut buf = [0u8; 4];
            crate::obj::string::new_str(vm, c.encode_utf8(&mut buf)).map(Some)
        }
        None => Ok(None),
    }
}

pub fn bytes_next(_vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let b = crate::obj::string::bytes_of(it.a.get()).unwrap_or(&[]);
    let i = it.i.get() as usize;
    match b.get(i) {
        Some(&x) => {
            it.i.set(i as isize + 1);
            Ok(Some(Value::small_int(x as isize)))
        }
        None => Ok(None),
    }
}

/// range iteration: i = current, j = stop, b = step (small int).
pub fn range_next(_vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let cur = it.i.get();
    let stop = it.j.get();
    let step = it.b.get().small_int_value();
    if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
        it.i.set(cur + step);
        Ok(Some(Value::small_int(cur)))
    } else {
        Ok(None)
    }
}

/// dict/set iteration: a = map, i = entry position, j = which (0 keys, 1 values, 2 items),
/// b = the map's size at creation (changing size during iteration is an error).
pub fn map_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let m = it.a.get();
    if crate::obj::map::map_len(m) as isize != it.b.get().small_int_value() {
        return Err(vm.new_error(
            &crate::obj::types::RUNTIME_ERROR_TYPE,
            "dictionary changed size during iteration",
        ));
    }
    let mut pos = it.i.get() as usize;
    let e = next_entry(m, &mut pos);
    it.i.set(pos as isize);
    match e {
        None => Ok(None),
        Some(e) => match it.j.get() {
            0 => Ok(Some(e.key)),
            1 => Ok(Some(e.value)),
            _ => crate::obj::list::new_tuple(vm, &[e.key, e.value]).map(Some),
        },
    }
}

pub fn new_map_iter(vm: &mut Vm, m: Value, which: isize) -> PyResult<Value> {
    let n = Value::small_int(crate::obj::map::map_len(m) as isize);
    new_iter(vm, map_next, m, n, 0, which)
}

/// Generic iteration through a Python object's `__next__` (a = the iterator object): used to
/// wrap user iterators where a native iterator is expected.
pub fn call_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    crate::ops::next(vm, it.a.get())
}

/// `iter(callable, sentinel)`: a = callable, b = sentinel.
pub fn callable_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    if it.i.get() != 0 {
        return Ok(None);
    }
    let v = crate::call::call(vm, it.a.get(), &[], &[])?;
    if crate::ops::eq(vm, v, it.b.get())? {
        it.i.set(1);
        return Ok(None);
    }
    Ok(Some(v))
}

/// enumerate: a = inner iterator, i = count.
pub fn enumerate_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    match crate::ops::next(vm, it.a.get())? {
        None => Ok(None),
        Some(v) => {
            let n = it.i.get();
            it.i.set(n + 1);
            let c = crate::obj::num::int_from_i64(vm, n as i64)?;
            crate::obj::list::new_tuple(vm, &[c, v]).map(Some)
        }
    }
}

/// zip: a = tuple of iterators.
pub fn zip_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let iters = it.a.get();
    let n = tuple_items(iters).len();
    if n == 0 {
        return Ok(None);
    }
    let t = crate::obj::list::new_tuple_uninit(vm, n)?;
    for k in 0..n {
        match crate::ops::next(vm, tuple_items(iters)[k])? {
            Some(v) => crate::obj::list::tuple_set(t, k, v),
            None => return Ok(None),
        }
    }
    Ok(Some(t))
}

/// map: a = function, b = tuple of iterators.
pub fn map_fn_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let iters = it.b.get();
    let n = tuple_items(iters).len();
    let args = crate::obj::list::new_list(vm, &[])?;
    for k in 0..n {
        match crate::ops::next(vm, tuple_items(iters)[k])? {
            Some(v) => crate::obj::list::list_append(vm, args, v)?,
            None => return Ok(None),
        }
    }
    let argv = crate::obj::list::list_items(args);
    crate::call::call(vm, it.a.get(), argv, &[]).map(Some)
}

/// filter: a = function or None, b = iterator.
pub fn filter_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    loop {
        let Some(v) = crate::ops::next(vm, it.b.get())? else {
            return Ok(None);
        };
        let f = it.a.get();
        let keep = if f.is_none() {
            v
        } else {
            crate::call::call(vm, f, &[v], &[])?
        };
        if crate::ops::truthy(vm, keep)? {
            return Ok(Some(v));
        }
    }
}

/// reversed over a sequence: a = sequence, i = next index (counting down).
pub fn reversed_next(vm: &mut Vm, it: &IterObj) -> PyResult<Option<Value>> {
    let i = it.i.get();
    if i < 0 {
        return Ok(None);
    }
    it.i.set(i - 1);
    let idx = Value::small_int(i);
    crate::ops::getitem(vm, it.a.get(), idx).map(Some)
}

fn iter_iter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(args.pos[0])
}

fn iter_next_method(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match iter_next(vm, args.pos[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

pub static ITERATOR_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::__iter__, &NativeFn::method(q::__iter__, iter_iter)),
    (
        q::__next__,
        &NativeFn::method(q::__next__, iter_next_method),
    ),
];

/// `dict.keys()` and friends: a live view of the dict.
#[repr(C)]
pub struct DictViewObj {
    pub header: ObjHeader,
    pub dict: Value,
}

pub fn new_dict_view(vm: &mut Vm, d: Value, which: usize) -> PyResult<Value> {
    let ty: &'static TypeObj = match which {
        0 => &DICT_KEYS_TYPE,
        1 => &DICT_VALUES_TYPE,
        _ => &DICT_ITEMS_TYPE,
    };
    vm.alloc_obj(
        DictViewObj {
            header: header(ty),
            dict: d,
        },
        0,
    )
}

/// (dict, which) of a view.
pub fn view_parts(v: Value) -> (Value, isize) {
    // SAFETY: callers pass values of kind DictView.
    let o = unsafe { obj::<DictViewObj>(v) };
    let t = super::type_of(v);
    let which = if core::ptr::eq(t, &DICT_KEYS_TYPE) {
        0
    } else if core::ptr::eq(t, &DICT_VALUES_TYPE) {
        1
    } else {
        2
    };
    (o.dict, which)
}

pub fn is_view(v: Value) -> bool {
    v.is_obj() && super::kind_of(v) == Kind::DictView
}

/// Entry accessor re-exported for views' `in` test.
pub fn view_entry(d: Value, i: usize) -> Option<crate::obj::map::Entry> {
    entry_at(d, i)
}
