//! `tuple` (items inline after the header) and `list` (items in a separate growable block).

use super::{kind_of, obj, Args, Kind, NativeFn, ObjHeader};
use crate::obj::types::{LIST_TYPE, TUPLE_TYPE};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct TupleObj {
    pub header: ObjHeader,
    pub len: usize,
    // followed by `len` Values
}

#[repr(C)]
pub struct ListObj {
    pub header: ObjHeader,
    pub len: Cell<usize>,
    pub cap: Cell<usize>,
    pub items: Cell<*mut Value>,
}

/// The empty tuple is a static, so `()` never allocates.
#[repr(C, align(16))]
struct StaticTuple(TupleObj);
// SAFETY: immutable static.
unsafe impl Sync for StaticTuple {}
static EMPTY_TUPLE: StaticTuple = StaticTuple(TupleObj {
    header: ObjHeader { ty: &TUPLE_TYPE },
    len: 0,
});

pub fn empty_tuple() -> Value {
    // SAFETY: a static TupleObj with a valid header.
    unsafe { Value::from_ptr(&EMPTY_TUPLE.0 as *const TupleObj) }
}

pub fn new_tuple(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    if items.is_empty() {
        return Ok(empty_tuple());
    }
    // Copy first: `items` may live in a block the allocation below could move? No: the GC never
    // moves; but `items` may be a view of a list another call could resize, so copy eagerly.
    let v = vm.alloc_obj(
        TupleObj {
            header: header(&TUPLE_TYPE),
            len: items.len(),
        },
        core::mem::size_of_val(items),
    )?;
    // SAFETY: the allocation has room for items.len() Values after the header.
    unsafe {
        let dst = (v.as_ptr::<TupleObj>()).add(1) as *mut Value;
        core::ptr::copy_nonoverlapping(items.as_ptr(), dst, items.len());
    }
    Ok(v)
}

/// Where the instance dict of a Python subclass of tuple lives: one Value after the items.
pub fn tuple_dict_offset(len: usize) -> usize {
    core::mem::size_of::<TupleObj>() + len * core::mem::size_of::<Value>()
}

/// An instance of a Python subclass `ty` of tuple with these items and instance dict.
pub fn new_tuple_subclass(
    vm: &mut Vm,
    ty: &'static super::TypeObj,
    items: &[Value],
    dict: Value,
) -> PyResult<Value> {
    let v = vm.alloc_obj(
        TupleObj {
            header: ObjHeader { ty },
            len: items.len(),
        },
        (items.len() + 1) * core::mem::size_of::<Value>(),
    )?;
    // SAFETY: the allocation has room for the items and, after them, one Value (the dict).
    unsafe {
        let dst = (v.as_ptr::<TupleObj>()).add(1) as *mut Value;
        core::ptr::copy_nonoverlapping(items.as_ptr(), dst, items.len());
        dst.add(items.len()).write(dict);
    }
    Ok(v)
}

/// A tuple of `n` items set to None, to be filled with `tuple_set` (before it is shared).
pub fn new_tuple_uninit(vm: &mut Vm, n: usize) -> PyResult<Value> {
    if n == 0 {
        return Ok(empty_tuple());
    }
    let v = vm.alloc_obj(
        TupleObj {
            header: header(&TUPLE_TYPE),
            len: n,
        },
        n * core::mem::size_of::<Value>(),
    )?;
    for i in 0..n {
        tuple_set(v, i, Value::NONE);
    }
    Ok(v)
}

pub fn tuple_set(t: Value, i: usize, x: Value) {
    // SAFETY: callers pass a tuple they just created with more than i items.
    unsafe {
        let o = obj::<TupleObj>(t);
        if i < o.len {
            *((t.as_ptr::<TupleObj>()).add(1) as *mut Value).add(i) = x;
        }
    }
}

/// Items of a tuple (or tuple subclass instance).
pub fn tuple_items(t: Value) -> &'static [Value] {
    // SAFETY: callers pass tuples; `len` Values follow the header. The slice is rooted by
    // interior pointers while in use (see gc.rs).
    unsafe {
        let o = obj::<TupleObj>(t);
        core::slice::from_raw_parts((t.as_ptr::<TupleObj>()).add(1) as *const Value, o.len)
    }
}

pub fn new_list(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let list = vm.alloc_obj(
        ListObj {
            header: header(&LIST_TYPE),
            len: Cell::new(0),
            cap: Cell::new(0),
            items: Cell::new(core::ptr::null_mut()),
        },
        0,
    )?;
    if !items.is_empty() {
        reserve(vm, list, items.len())?;
        // SAFETY: reserve made room for items.len() Values.
        unsafe {
            core::ptr::copy_nonoverlapping(
                items.as_ptr(),
                obj::<ListObj>(list).items.get(),
                items.len(),
            );
        }
        // SAFETY: list is a ListObj.
        unsafe { obj::<ListObj>(list).len.set(items.len()) };
    }
    Ok(list)
}

fn list_obj(l: Value) -> &'static ListObj {
    // SAFETY: callers pass list values.
    unsafe { obj::<ListObj>(l) }
}

/// Items of a list. Valid until the list is next resized: callers that run Python code while
/// iterating must re-read by index.
pub fn list_items(l: Value) -> &'static [Value] {
    let o = list_obj(l);
    if o.len.get() == 0 {
        return &[];
    }
    // SAFETY: `items` holds `len` initialised Values.
    unsafe { core::slice::from_raw_parts(o.items.get(), o.len.get()) }
}

pub fn list_len(l: Value) -> usize {
    list_obj(l).len.get()
}

pub fn list_get(l: Value, i: usize) -> Option<Value> {
    list_items(l).get(i).copied()
}

pub fn list_set(l: Value, i: usize, x: Value) {
    let o = list_obj(l);
    if i < o.len.get() {
        // SAFETY: i < len <= cap.
        unsafe { *o.items.get().add(i) = x };
    }
}

/// Make room for `extra` more items.
pub fn reserve(vm: &mut Vm, l: Value, extra: usize) -> PyResult<()> {
    let o = list_obj(l);
    let need = o.len.get() + extra;
    if need <= o.cap.get() {
        return Ok(());
    }
    let new_cap = need.max(o.cap.get() + o.cap.get() / 2).max(4);
    let bytes = new_cap * core::mem::size_of::<Value>();
    let old = o.items.get();
    if !old.is_null() && vm.heap.realloc_in_place(old as *const u8, bytes) {
        o.cap.set(new_cap);
        return Ok(());
    }
    let p = vm.alloc_raw(bytes)? as *mut Value;
    // SAFETY: old holds len Values; p has room for new_cap >= len.
    unsafe {
        if !old.is_null() {
            core::ptr::copy_nonoverlapping(old, p, o.len.get());
        }
    }
    o.items.set(p);
    o.cap.set(new_cap);
    if !old.is_null() {
        // Only this list referred to the old block.
        vm.free(old as *const u8);
    }
    Ok(())
}

pub fn list_append(vm: &mut Vm, l: Value, x: Value) -> PyResult<()> {
    let o = list_obj(l);
    if o.len.get() == o.cap.get() {
        reserve(vm, l, 1)?;
    }
    // SAFETY: len < cap after reserve.
    unsafe { *o.items.get().add(o.len.get()) = x };
    o.len.set(o.len.get() + 1);
    Ok(())
}

pub fn list_insert(vm: &mut Vm, l: Value, i: usize, x: Value) -> PyResult<()> {
    reserve(vm, l, 1)?;
    let o = list_obj(l);
    let n = o.len.get();
    let i = i.min(n);
    // SAFETY: cap > n after reserve; the moved range is inside the items block.
    unsafe {
        let p = o.items.get();
        core::ptr::copy(p.add(i), p.add(i + 1), n - i);
        *p.add(i) = x;
    }
    o.len.set(n + 1);
    Ok(())
}

pub fn list_remove_at(l: Value, i: usize) -> Option<Value> {
    let o = list_obj(l);
    let n = o.len.get();
    if i >= n {
        return None;
    }
    // SAFETY: i < n; the moved range is inside the block.
    unsafe {
        let p = o.items.get();
        let x = *p.add(i);
        core::ptr::copy(p.add(i + 1), p.add(i), n - i - 1);
        *p.add(n - 1) = Value::NULL;
        o.len.set(n - 1);
        Some(x)
    }
}

pub fn list_clear(l: Value) {
    let o = list_obj(l);
    o.len.set(0);
}

/// Replace items [start, stop) with `new` (slice assignment / deletion).
pub fn list_splice(
    vm: &mut Vm,
    l: Value,
    start: usize,
    stop: usize,
    new: &[Value],
) -> PyResult<()> {
    let n = list_len(l);
    let stop = stop.clamp(start, n);
    let removed = stop - start;
    if new.len() > removed {
        reserve(vm, l, new.len() - removed)?;
    }
    let o = list_obj(l);
    // SAFETY: capacity covers n - removed + new.len(); ranges are within the block.
    unsafe {
        let p = o.items.get();
        core::ptr::copy(p.add(stop), p.add(start + new.len()), n - stop);
        core::ptr::copy_nonoverlapping(new.as_ptr(), p.add(start), new.len());
    }
    o.len.set(n - removed + new.len());
    Ok(())
}

pub fn is_list(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::List
}
pub fn is_tuple(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::Tuple
}

/// Items of a list or tuple.
pub fn seq_items(v: Value) -> Option<&'static [Value]> {
    if !v.is_obj() {
        return None;
    }
    match kind_of(v) {
        Kind::List => Some(list_items(v)),
        Kind::Tuple => Some(tuple_items(v)),
        _ => None,
    }
}

// ---- list methods ----

fn self_list(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.receiver(vm, Kind::List, "descriptor requires a 'list' object")
}

fn nargs(vm: &mut Vm, args: &Args, min: usize, max: usize, name: &str) -> PyResult<()> {
    let n = args.pos.len() - 1;
    if n < min || n > max || !args.kw.is_empty() {
        return Err(crate::obj::exc::error_fmt(
            vm,
            &crate::obj::types::TYPE_ERROR_TYPE,
            format_args!("{name}() takes {max} positional arguments but {n} were given"),
        ));
    }
    Ok(())
}

fn l_append(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    nargs(vm, args, 1, 1, "append")?;
    list_append(vm, l, args.pos[1])?;
    Ok(Value::NONE)
}

fn l_extend(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    nargs(vm, args, 1, 1, "extend")?;
    crate::ops::extend_list(vm, l, args.pos[1])?;
    Ok(Value::NONE)
}

fn l_pop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    nargs(vm, args, 0, 1, "pop")?;
    let n = list_len(l) as isize;
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let mut i = match args.pos.get(1) {
        Some(&v) => crate::ops::to_index(vm, v)?,
        None => n - 1,
    };
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(list_remove_at(l, i as usize).unwrap_or(Value::NONE))
}

fn l_insert(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    nargs(vm, args, 2, 2, "insert")?;
    let n = list_len(l) as isize;
    let mut i = crate::ops::to_index(vm, args.pos[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    list_insert(vm, l, i as usize, args.pos[2])?;
    Ok(Value::NONE)
}

/// The first index in [i, stop) of an item of list or tuple `s` equal to `x` (the items are
/// read afresh each step: `==` runs Python code that may change a list).
fn position(vm: &mut Vm, s: Value, x: Value, mut i: usize, stop: usize) -> PyResult<Option<usize>> {
    while i < stop {
        let Some(item) = seq_items(s).and_then(|it| it.get(i).copied()) else {
            break;
        };
        if crate::ops::eq(vm, item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn l_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    nargs(vm, args, 1, 1, "remove")?;
    match position(vm, l, args.pos[1], 0, usize::MAX)? {
        Some(i) => {
            list_remove_at(l, i);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn seq_index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = args.pos[0];
    let x = args.arg(vm, 1, "index() takes at least 1 argument")?;
    let n = seq_items(s).map(|i| i.len()).unwrap_or(0);
    let norm = |v: isize| {
        if v < 0 {
            (v + n as isize).max(0) as usize
        } else {
            (v as usize).min(n)
        }
    };
    let start = match args.pos.get(2) {
        Some(&v) => norm(crate::ops::to_index(vm, v)?),
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(&v) => norm(crate::ops::to_index(vm, v)?),
        None => n,
    };
    if let Some(i) = position(vm, s, x, start, stop)? {
        return Ok(Value::small_int(i as isize));
    }
    let msg = if is_list(s) {
        "list.index(x): x not in list"
    } else {
        "tuple.index(x): x not in tuple"
    };
    Err(vm.value_error(msg))
}

fn seq_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = args.pos[0];
    let x = args.arg(vm, 1, "count() takes exactly one argument")?;
    let mut c = 0;
    let mut from = 0;
    while let Some(i) = position(vm, s, x, from, usize::MAX)? {
        c += 1;
        from = i + 1;
    }
    Ok(Value::small_int(c))
}

/// Reverses list `l` in place.
pub fn list_reverse(l: Value) {
    let n = list_len(l);
    for i in 0..n / 2 {
        let a = list_get(l, i).unwrap_or(Value::NONE);
        let b = list_get(l, n - 1 - i).unwrap_or(Value::NONE);
        list_set(l, i, b);
        list_set(l, n - 1 - i, a);
    }
}

fn l_reverse(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    list_reverse(l);
    Ok(Value::NONE)
}

fn l_clear(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    list_clear(l);
    Ok(Value::NONE)
}

fn l_copy(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    let items = list_items(l);
    new_list(vm, items)
}

fn l_sort(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    let mut kw = [None; 2];
    let unexpected = "sort() got an unexpected keyword argument";
    args.keywords(vm, &["key", "reverse"], &mut kw, unexpected)?;
    let key = kw[0].unwrap_or(Value::NONE);
    let reverse = match kw[1] {
        Some(v) => crate::ops::truthy(vm, v)?,
        None => false,
    };
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    crate::ops::sort_list(vm, l, key, reverse)?;
    Ok(Value::NONE)
}

macro_rules! methods {
    ($( $q:ident => $f:ident ),* $(,)?) => {
        &[ $( (q::$q, &NativeFn::method(q::$q, $f)) ),* ]
    };
}

/// `list.__init__(iterable)`: refill (subclasses calling `super().__init__`).
fn l_init(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = self_list(vm, args)?;
    nargs(vm, args, 0, 1, "list")?;
    list_clear(l);
    if let Some(&it) = args.pos.get(1) {
        crate::ops::extend_list(vm, l, it)?;
    }
    Ok(Value::NONE)
}

pub static LIST_METHODS: &[(Qstr, &NativeFn)] = methods![
    append => l_append, extend => l_extend, pop => l_pop, insert => l_insert, remove => l_remove,
    index => seq_index, count => seq_count, reverse => l_reverse, clear => l_clear, copy => l_copy,
    sort => l_sort, __init__ => l_init,
];

pub static TUPLE_METHODS: &[(Qstr, &NativeFn)] = &[
    // tuple is immutable: subclasses get their items in __new__, as str and int do.
    (
        q::__new__,
        &NativeFn::new(q::__new__, crate::attr::immutable_new),
    ),
    (q::index, &NativeFn::method(q::index, seq_index)),
    (q::count, &NativeFn::method(q::count, seq_count)),
];
