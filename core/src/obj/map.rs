//! `dict`, `set` and `frozenset`: one insertion-ordered hash table (CPython's compact layout).
//!
//! `entries` is an array of (hash, key, value) in insertion order; deleted entries keep a NULL
//! key. `index` is an open-addressing table of entry numbers + 1 (0 = empty, u32::MAX = deleted
//! slot). Sets use the same table with NULL values.

use super::{kind_of, obj, Args, Kind, NativeFn, ObjHeader, TypeObj};
use crate::obj::types::{DICT_TYPE, FROZENSET_TYPE, SET_TYPE};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
#[derive(Copy, Clone)]
pub struct Entry {
    pub hash: usize,
    pub key: Value,
    pub value: Value,
}

#[repr(C)]
pub struct MapObj {
    pub header: ObjHeader,
    /// Live entries.
    pub used: Cell<usize>,
    /// Entries written (live + deleted).
    pub filled: Cell<usize>,
    pub cap: Cell<usize>,
    pub entries: Cell<*mut Entry>,
    pub index: Cell<*mut u32>,
    pub index_cap: Cell<usize>,
}

const DELETED: u32 = u32::MAX;

fn new_map(vm: &mut Vm, ty: &'static TypeObj) -> PyResult<Value> {
    new_map_extra(vm, ty, 0)
}

/// An empty dict/set/frozenset of type `ty` with `extra` zeroed bytes after the `MapObj`
/// (instances of Python subclasses keep their instance dict there).
pub fn new_map_extra(vm: &mut Vm, ty: &'static TypeObj, extra: usize) -> PyResult<Value> {
    vm.alloc_obj(
        MapObj {
            header: header(ty),
            used: Cell::new(0),
            filled: Cell::new(0),
            cap: Cell::new(0),
            entries: Cell::new(core::ptr::null_mut()),
            index: Cell::new(core::ptr::null_mut()),
            index_cap: Cell::new(0),
        },
        extra,
    )
}

pub fn new_dict(vm: &mut Vm) -> PyResult<Value> {
    new_map(vm, &DICT_TYPE)
}
pub fn new_set(vm: &mut Vm) -> PyResult<Value> {
    new_map(vm, &SET_TYPE)
}
pub fn new_frozenset(vm: &mut Vm) -> PyResult<Value> {
    new_map(vm, &FROZENSET_TYPE)
}

pub fn map_obj(m: Value) -> &'static MapObj {
    // SAFETY: callers pass dict/set/frozenset values (MapObj layout).
    unsafe { obj::<MapObj>(m) }
}

pub fn is_dict(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::Dict
}
pub fn is_set_like(v: Value) -> bool {
    v.is_obj() && matches!(kind_of(v), Kind::Set | Kind::FrozenSet)
}

pub fn map_len(m: Value) -> usize {
    map_obj(m).used.get()
}

/// Entry `i` (in insertion order, including deleted ones: check `key.is_null()`).
pub fn entry_at(m: Value, i: usize) -> Option<Entry> {
    let o = map_obj(m);
    if i >= o.filled.get() {
        return None;
    }
    // SAFETY: i < filled <= cap.
    Some(unsafe { *o.entries.get().add(i) })
}

/// Number of entry positions to iterate over with `entry_at`.
pub fn map_filled(m: Value) -> usize {
    map_obj(m).filled.get()
}

/// Key equality with identity and str fast paths before the general `==`.
#[inline(always)]
fn keys_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    if (a.is_small_int() || a.is_qstr()) && (b.is_small_int() || b.is_qstr()) {
        return Ok(false);
    }
    crate::ops::eq(vm, a, b)
}

/// Find the entry number of `key`.
fn find(vm: &mut Vm, m: Value, key: Value, hash: usize) -> PyResult<Option<usize>> {
    let o = map_obj(m);
    let cap = o.index_cap.get();
    if cap == 0 {
        return Ok(None);
    }
    let mask = cap - 1;
    let mut slot = hash & mask;
    let mut perturb = hash;
    loop {
        // SAFETY: slot <= mask < index_cap.
        let e = unsafe { *o.index.get().add(slot) };
        if e == 0 {
            return Ok(None);
        }
        if e != DELETED {
            let i = (e - 1) as usize;
            // SAFETY: index entries point below `filled`.
            let ent = unsafe { *o.entries.get().add(i) };
            if ent.hash == hash && !ent.key.is_null() && keys_equal(vm, ent.key, key)? {
                return Ok(Some(i));
            }
            // `==` may have run Python code that resized the table: restart if so.
            if o.index_cap.get() != cap {
                return find(vm, m, key, hash);
            }
        }
        perturb >>= 5;
        slot = (slot * 5 + 1 + perturb) & mask;
    }
}

fn insert_index(o: &MapObj, i: usize, hash: usize) {
    let mask = o.index_cap.get() - 1;
    let mut slot = hash & mask;
    let mut perturb = hash;
    loop {
        // SAFETY: slot < index_cap; the table always has free slots (load <= 2/3).
        unsafe {
            let p = o.index.get().add(slot);
            if *p == 0 || *p == DELETED {
                *p = i as u32 + 1;
                return;
            }
        }
        perturb >>= 5;
        slot = (slot * 5 + 1 + perturb) & mask;
    }
}

/// Grow (or compact) so one more entry fits.
fn make_room(vm: &mut Vm, m: Value) -> PyResult<()> {
    let o = map_obj(m);
    if o.filled.get() < o.cap.get() {
        return Ok(());
    }
    let live = o.used.get();
    let new_cap = if live * 2 < o.cap.get() {
        o.cap.get()
    } else {
        (live * 2).max(4)
    };
    let mut index_cap = 8;
    while index_cap * 2 < new_cap * 3 {
        index_cap *= 2;
    }
    let entries = vm.alloc_raw(new_cap * core::mem::size_of::<Entry>())? as *mut Entry;
    // `entries` stays rooted by this native frame (conservative stack scan) while the index
    // is allocated.
    let index = vm.alloc_raw(index_cap * 4)? as *mut u32;
    let o = map_obj(m);
    let mut n = 0;
    for i in 0..o.filled.get() {
        // SAFETY: i < filled; old entries block is live (referenced by o).
        let e = unsafe { *o.entries.get().add(i) };
        if !e.key.is_null() {
            // SAFETY: n < live <= new_cap.
            unsafe { *entries.add(n) = e };
            n += 1;
        }
    }
    let old_entries = o.entries.get();
    let old_index = o.index.get();
    o.entries.set(entries);
    o.index.set(index);
    o.index_cap.set(index_cap);
    o.cap.set(new_cap);
    o.filled.set(n);
    for i in 0..n {
        // SAFETY: i < n.
        let h = unsafe { (*entries.add(i)).hash };
        insert_index(o, i, h);
    }
    if !old_entries.is_null() {
        vm.free(old_entries as *const u8);
        vm.free(old_index as *const u8);
    }
    Ok(())
}

pub fn map_get(vm: &mut Vm, m: Value, key: Value) -> PyResult<Option<Value>> {
    let h = crate::ops::hash(vm, key)?;
    Ok(find(vm, m, key, h)?
        .and_then(|i| entry_at(m, i))
        .map(|e| e.value))
}

/// Lookup with a precomputed hash (qstr keys: `vm.qstrs.hash`).
pub fn map_get_hashed(vm: &mut Vm, m: Value, key: Value, h: usize) -> PyResult<Option<Value>> {
    Ok(find(vm, m, key, h)?
        .and_then(|i| entry_at(m, i))
        .map(|e| e.value))
}

/// Fast lookup of a qstr key (names): no Python code can run.
pub fn map_get_qstr(vm: &Vm, m: Value, key: Qstr) -> Option<Value> {
    let o = map_obj(m);
    let cap = o.index_cap.get();
    if cap == 0 {
        return None;
    }
    let kv = Value::from_qstr(key);
    let hash = vm.qstrs.hash(key);
    let mask = cap - 1;
    let mut slot = hash & mask;
    let mut perturb = hash;
    loop {
        // SAFETY: slot < index_cap.
        let e = unsafe { *o.index.get().add(slot) };
        if e == 0 {
            return None;
        }
        if e != DELETED {
            // SAFETY: e - 1 < filled.
            let ent = unsafe { *o.entries.get().add((e - 1) as usize) };
            if ent.key == kv {
                return Some(ent.value);
            }
            if ent.hash == hash && !ent.key.is_qstr() && !ent.key.is_null() {
                // A non-interned str with the same text.
                if let Some(s) = crate::obj::string::str_of(vm, ent.key) {
                    if s == vm.qstr_str(key) {
                        return Some(ent.value);
                    }
                }
            }
        }
        perturb >>= 5;
        slot = (slot * 5 + 1 + perturb) & mask;
    }
}

pub fn map_set(vm: &mut Vm, m: Value, key: Value, value: Value) -> PyResult<()> {
    let h = crate::ops::hash(vm, key)?;
    map_set_hashed(vm, m, key, value, h)
}

pub fn map_set_hashed(vm: &mut Vm, m: Value, key: Value, value: Value, h: usize) -> PyResult<()> {
    if let Some(i) = find(vm, m, key, h)? {
        let o = map_obj(m);
        // SAFETY: i < filled.
        unsafe { (*o.entries.get().add(i)).value = value };
        return Ok(());
    }
    make_room(vm, m)?;
    let o = map_obj(m);
    let i = o.filled.get();
    // SAFETY: make_room guarantees filled < cap.
    unsafe {
        *o.entries.get().add(i) = Entry {
            hash: h,
            key,
            value,
        }
    };
    o.filled.set(i + 1);
    o.used.set(o.used.get() + 1);
    insert_index(o, i, h);
    Ok(())
}

pub fn map_set_qstr(vm: &mut Vm, m: Value, key: Qstr, value: Value) -> PyResult<()> {
    let h = vm.qstrs.hash(key);
    map_set_hashed(vm, m, Value::from_qstr(key), value, h)
}

/// Remove `key`; returns its value.
pub fn map_delete(vm: &mut Vm, m: Value, key: Value) -> PyResult<Option<Value>> {
    let h = crate::ops::hash(vm, key)?;
    let Some(i) = find(vm, m, key, h)? else {
        return Ok(None);
    };
    let o = map_obj(m);
    // Mark the index slot deleted.
    let mask = o.index_cap.get() - 1;
    let mut slot = h & mask;
    let mut perturb = h;
    loop {
        // SAFETY: slot < index_cap.
        unsafe {
            let p = o.index.get().add(slot);
            if *p == i as u32 + 1 {
                *p = DELETED;
                break;
            }
            if *p == 0 {
                break;
            }
        }
        perturb >>= 5;
        slot = (slot * 5 + 1 + perturb) & mask;
    }
    // SAFETY: i < filled.
    let old = unsafe {
        let e = &mut *o.entries.get().add(i);
        let v = e.value;
        e.key = Value::NULL;
        e.value = Value::NULL;
        v
    };
    o.used.set(o.used.get() - 1);
    Ok(Some(old))
}

pub fn map_clear(m: Value) {
    let o = map_obj(m);
    o.used.set(0);
    o.filled.set(0);
    o.cap.set(0);
    o.index_cap.set(0);
    o.entries.set(core::ptr::null_mut());
    o.index.set(core::ptr::null_mut());
}

/// Copy of a dict or set (same type as `ty`).
pub fn map_copy(vm: &mut Vm, m: Value, ty: &'static TypeObj) -> PyResult<Value> {
    let new = new_map(vm, ty)?;
    let mut i = 0;
    while let Some(e) = entry_at(m, i) {
        if !e.key.is_null() {
            map_set_hashed(vm, new, e.key, e.value, e.hash)?;
        }
        i += 1;
    }
    Ok(new)
}

/// The `i`-th live entry at or after position `*pos`, advancing `*pos` (for iterators).
pub fn next_entry(m: Value, pos: &mut usize) -> Option<Entry> {
    while let Some(e) = entry_at(m, *pos) {
        *pos += 1;
        if !e.key.is_null() {
            return Some(e);
        }
    }
    None
}

// ---- dict methods ----

fn self_dict(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.receiver(vm, Kind::Dict, "descriptor requires a 'dict' object")
}

fn d_get(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    let key = args.arg(vm, 1, "get expected at least 1 argument")?;
    let default = args.pos.get(2).copied().unwrap_or(Value::NONE);
    Ok(map_get(vm, d, key)?.unwrap_or(default))
}

fn d_setdefault(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    let key = args.arg(vm, 1, "setdefault expected at least 1 argument")?;
    let default = args.pos.get(2).copied().unwrap_or(Value::NONE);
    if let Some(v) = map_get(vm, d, key)? {
        return Ok(v);
    }
    map_set(vm, d, key, default)?;
    Ok(default)
}

fn d_pop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    let key = args.arg(vm, 1, "pop expected at least 1 argument")?;
    match map_delete(vm, d, key)? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(&default) => Ok(default),
            None => Err(vm.key_error(key)),
        },
    }
}

fn d_popitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    let mut i = map_filled(d);
    while i > 0 {
        i -= 1;
        if let Some(e) = entry_at(d, i) {
            if !e.key.is_null() {
                map_delete(vm, d, e.key)?;
                return crate::obj::list::new_tuple(vm, &[e.key, e.value]);
            }
        }
    }
    Err(vm.new_error(
        &crate::obj::types::KEY_ERROR_TYPE,
        "popitem(): dictionary is empty",
    ))
}

fn d_clear(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = args
        .pos
        .first()
        .copied()
        .filter(|&v| is_dict(v) || is_set_like(v));
    let d = d.ok_or_else(|| vm.type_error("clear() needs a dict or set"))?;
    map_clear(d);
    Ok(Value::NONE)
}

fn d_copy(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = args.pos[0];
    let ty = crate::obj::type_of(d);
    let base: &'static TypeObj = match kind_of(d) {
        Kind::Dict => &DICT_TYPE,
        Kind::Set => &SET_TYPE,
        _ => {
            let _ = ty;
            &FROZENSET_TYPE
        }
    };
    map_copy(vm, d, base)
}

fn d_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    if let Some(&other) = args.pos.get(1) {
        crate::ops::dict_update(vm, d, other)?;
    }
    for pair in args.kw.chunks(2) {
        map_set(vm, d, pair[0], pair[1])?;
    }
    Ok(Value::NONE)
}

// `dict.__getitem__` etc., so that subclasses overriding them can call `super()`'s.

fn d_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    let k = args.arg(vm, 1, "__getitem__ expects 1 argument")?;
    if let Some(v) = map_get(vm, d, k)? {
        return Ok(v);
    }
    if crate::obj::type_of(d).is_heap() {
        if let Some(r) = crate::attr::call_special(vm, d, q::__missing__, &[k])? {
            return Ok(r);
        }
    }
    Err(vm.key_error(k))
}

fn d_setitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    let (Some(&k), Some(&v)) = (args.pos.get(1), args.pos.get(2)) else {
        return Err(vm.type_error("__setitem__ expects 2 arguments"));
    };
    map_set(vm, d, k, v)?;
    Ok(Value::NONE)
}

fn d_delitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    let k = args.arg(vm, 1, "__delitem__ expects 1 argument")?;
    match map_delete(vm, d, k)? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(k)),
    }
}

/// `set.__init__(iterable)`: refill (subclasses calling `super().__init__`).
fn s_init(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_set(vm, args)?;
    map_clear(s);
    if let Some(&it) = args.pos.get(1) {
        crate::ops::set_update(vm, s, it)?;
    }
    Ok(Value::NONE)
}

fn d_view(vm: &mut Vm, args: &Args, which: usize) -> PyResult<Value> {
    let d = self_dict(vm, args)?;
    crate::obj::iter::new_dict_view(vm, d, which)
}
fn d_keys(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    d_view(vm, args, 0)
}
fn d_values(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    d_view(vm, args, 1)
}
fn d_items(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    d_view(vm, args, 2)
}

fn d_fromkeys(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let keys = args.arg(vm, 1, "fromkeys expected at least 1 argument")?;
    let value = args.pos.get(2).copied().unwrap_or(Value::NONE);
    let d = new_dict(vm)?;
    let items = crate::ops::collect_iterable(vm, keys)?;
    let mut i = 0;
    while let Some(k) = crate::obj::list::list_get(items, i) {
        map_set(vm, d, k, value)?;
        i += 1;
    }
    Ok(d)
}

// ---- set methods ----

fn self_set(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(&v) if is_set_like(v) => Ok(v),
        _ => Err(vm.type_error("descriptor requires a 'set' object")),
    }
}

fn s_add(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_set(vm, args)?;
    let x = args.arg(vm, 1, "add() takes exactly one argument")?;
    map_set(vm, s, x, Value::NULL)?;
    Ok(Value::NONE)
}

fn s_discard(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_set(vm, args)?;
    let x = args.arg(vm, 1, "discard() takes exactly one argument")?;
    map_delete(vm, s, x)?;
    Ok(Value::NONE)
}

fn s_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_set(vm, args)?;
    let x = args.arg(vm, 1, "remove() takes exactly one argument")?;
    match map_delete(vm, s, x)? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(x)),
    }
}

fn s_pop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_set(vm, args)?;
    let mut pos = 0;
    match next_entry(s, &mut pos) {
        Some(e) => {
            map_delete(vm, s, e.key)?;
            Ok(e.key)
        }
        None => Err(vm.new_error(&crate::obj::types::KEY_ERROR_TYPE, "pop from an empty set")),
    }
}

fn s_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = self_set(vm, args)?;
    for &other in &args.pos[1..] {
        crate::ops::set_update(vm, s, other)?;
    }
    Ok(Value::NONE)
}

fn s_binop(vm: &mut Vm, args: &Args, op: crate::bytecode::BinOp) -> PyResult<Value> {
    let mut acc = self_set(vm, args)?;
    for &other in &args.pos[1..] {
        let other_set = as_set(vm, other)?;
        acc = crate::ops::set_binop(vm, op, acc, other_set)?;
    }
    if args.pos.len() == 1 {
        // A plain set/frozenset even for subclasses (as CPython): a Python subclass's layout
        // also carries an instance dict slot that map_copy would not allocate.
        let base: &'static TypeObj = if kind_of(acc) == Kind::Set {
            &SET_TYPE
        } else {
            &FROZENSET_TYPE
        };
        return map_copy(vm, acc, base);
    }
    Ok(acc)
}
fn s_union(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    s_binop(vm, args, crate::bytecode::BinOp::Or)
}
fn s_intersection(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    s_binop(vm, args, crate::bytecode::BinOp::And)
}
fn s_difference(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    s_binop(vm, args, crate::bytecode::BinOp::Sub)
}
fn s_symdiff(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    s_binop(vm, args, crate::bytecode::BinOp::Xor)
}

/// The `*_update` methods: compute `self op other...` and store it back into self.
fn s_update_op(vm: &mut Vm, args: &Args, op: crate::bytecode::BinOp) -> PyResult<Value> {
    let s = self_set(vm, args)?;
    let r = s_binop(vm, args, op)?;
    map_clear(s);
    crate::ops::set_update(vm, s, r)?;
    Ok(Value::NONE)
}
fn s_intersection_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    s_update_op(vm, args, crate::bytecode::BinOp::And)
}
fn s_difference_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    s_update_op(vm, args, crate::bytecode::BinOp::Sub)
}
fn s_symdiff_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    s_update_op(vm, args, crate::bytecode::BinOp::Xor)
}

/// A set-like value for a set operation's argument (any iterable is accepted, as CPython does).
fn as_set(vm: &mut Vm, other: Value) -> PyResult<Value> {
    if is_set_like(other) {
        Ok(other)
    } else {
        crate::ops::to_set(vm, other)
    }
}

/// `self` and the single argument, as sets, of `issubset` / `issuperset` / `isdisjoint`.
fn set_and_other(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    let s = self_set(vm, args)?;
    let Some(&other) = args.pos.get(1) else {
        let parts = [name, "() takes exactly one argument"];
        return Err(crate::obj::exc::type_error_from(vm, &parts));
    };
    Ok((s, as_set(vm, other)?))
}

fn s_issubset(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (s, other) = set_and_other(vm, args, "issubset")?;
    Ok(Value::from_bool(crate::ops::set_is_subset(vm, s, other)?))
}
fn s_issuperset(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (s, other) = set_and_other(vm, args, "issuperset")?;
    Ok(Value::from_bool(crate::ops::set_is_subset(vm, other, s)?))
}
fn s_isdisjoint(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (s, other) = set_and_other(vm, args, "isdisjoint")?;
    let inter = crate::ops::set_binop(vm, crate::bytecode::BinOp::And, s, other)?;
    Ok(Value::from_bool(map_len(inter) == 0))
}

macro_rules! methods {
    ($( $q:ident => $f:ident ),* $(,)?) => {
        &[ $( (q::$q, &NativeFn::method(q::$q, $f)) ),* ]
    };
}

pub static DICT_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::get, &NativeFn::method(q::get, d_get)),
    (
        q::setdefault,
        &NativeFn::method(q::setdefault, d_setdefault),
    ),
    (q::pop, &NativeFn::method(q::pop, d_pop)),
    (q::popitem, &NativeFn::method(q::popitem, d_popitem)),
    (q::clear, &NativeFn::method(q::clear, d_clear)),
    (q::copy, &NativeFn::method(q::copy, d_copy)),
    (q::update, &NativeFn::method(q::update, d_update)),
    (q::keys, &NativeFn::method(q::keys, d_keys)),
    (q::values, &NativeFn::method(q::values, d_values)),
    (q::items, &NativeFn::method(q::items, d_items)),
    (q::fromkeys, &NativeFn::classmethod(q::fromkeys, d_fromkeys)),
    (q::__init__, &NativeFn::method(q::__init__, d_update)),
    (q::__getitem__, &NativeFn::method(q::__getitem__, d_getitem)),
    (q::__setitem__, &NativeFn::method(q::__setitem__, d_setitem)),
    (q::__delitem__, &NativeFn::method(q::__delitem__, d_delitem)),
];

pub static SET_METHODS: &[(Qstr, &NativeFn)] = methods![
    add => s_add, discard => s_discard, remove => s_remove, pop => s_pop, update => s_update,
    clear => d_clear, copy => d_copy, union => s_union, intersection => s_intersection,
    difference => s_difference, symmetric_difference => s_symdiff, issubset => s_issubset,
    issuperset => s_issuperset, isdisjoint => s_isdisjoint,
    intersection_update => s_intersection_update, difference_update => s_difference_update,
    symmetric_difference_update => s_symdiff_update, __init__ => s_init,
];

pub static FROZENSET_METHODS: &[(Qstr, &NativeFn)] = methods![
    copy => d_copy, union => s_union, intersection => s_intersection, difference => s_difference,
    symmetric_difference => s_symdiff, issubset => s_issubset, issuperset => s_issuperset,
    isdisjoint => s_isdisjoint,
];
