//! `heapq`: a binary min-heap kept in a list, ordered by `<` (so any comparable items, e.g.
//! tuples). MicroPython has heappush, heappop and heapify; heapreplace and heappushpop follow
//! CPython. The list is the only storage, so every item stays reachable for the GC.

use crate::check_args;
use mpy_core::bytecode::CmpOp;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{is_list, list_append, list_get, list_len, list_remove_at, list_set};
use mpy_core::obj::{Args, NativeFn};
use mpy_core::ops::{compare, truthy};
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

fn heap_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_list(v) {
        Ok(v)
    } else {
        Err(vm.type_error("heap must be a list"))
    }
}

fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let r = compare(vm, CmpOp::Lt, a, b)?;
    truthy(vm, r)
}

/// Item at `i`; the comparisons may run Python code that shrinks the list (IndexError then).
fn at(vm: &mut Vm, h: Value, i: usize) -> PyResult<Value> {
    list_get(h, i).ok_or_else(|| vm.index_error("list changed size during heap operation"))
}

/// Move the item at `pos` up towards the root (`start`) while it is smaller than its parent.
fn sift_down(vm: &mut Vm, h: Value, start: usize, mut pos: usize) -> PyResult<()> {
    let item = at(vm, h, pos)?;
    while pos > start {
        let parent = (pos - 1) / 2;
        let p = at(vm, h, parent)?;
        if !less(vm, item, p)? {
            break;
        }
        list_set(h, pos, p);
        pos = parent;
    }
    list_set(h, pos, item);
    Ok(())
}

/// Move the item at `pos` down to a leaf along smaller children, then back up (CPython's).
fn sift_up(vm: &mut Vm, h: Value, mut pos: usize) -> PyResult<()> {
    let end = list_len(h);
    let start = pos;
    let item = at(vm, h, pos)?;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (c, r) = (at(vm, h, child)?, at(vm, h, right)?);
            if !less(vm, c, r)? {
                child = right;
            }
        }
        let c = at(vm, h, child)?;
        list_set(h, pos, c);
        pos = child;
        child = 2 * pos + 1;
    }
    list_set(h, pos, item);
    sift_down(vm, h, start, pos)
}

fn heapq_heappush(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "heappush")?;
    let h = heap_arg(vm, args.pos[0])?;
    list_append(vm, h, args.pos[1])?;
    sift_down(vm, h, 0, list_len(h) - 1)?;
    Ok(Value::NONE)
}

fn heapq_heappop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "heappop")?;
    let h = heap_arg(vm, args.pos[0])?;
    let n = list_len(h);
    if n == 0 {
        return Err(vm.index_error("empty heap"));
    }
    let last = list_remove_at(h, n - 1).unwrap_or(Value::NONE);
    if n == 1 {
        return Ok(last);
    }
    let top = at(vm, h, 0)?;
    list_set(h, 0, last);
    // `top` is a local (a GC root) while the sift may allocate.
    sift_up(vm, h, 0)?;
    Ok(top)
}

fn heapq_heapify(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "heapify")?;
    let h = heap_arg(vm, args.pos[0])?;
    for i in (0..list_len(h) / 2).rev() {
        sift_up(vm, h, i)?;
    }
    Ok(Value::NONE)
}

/// `heapreplace(heap, item)`: pop the smallest, then push `item` (IndexError when empty).
fn heapq_heapreplace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "heapreplace")?;
    let h = heap_arg(vm, args.pos[0])?;
    if list_len(h) == 0 {
        return Err(vm.index_error("empty heap"));
    }
    let top = at(vm, h, 0)?;
    list_set(h, 0, args.pos[1]);
    sift_up(vm, h, 0)?;
    Ok(top)
}

/// `heappushpop(heap, item)`: push `item`, then pop the smallest (item itself if smallest).
fn heapq_heappushpop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "heappushpop")?;
    let h = heap_arg(vm, args.pos[0])?;
    let item = args.pos[1];
    if list_len(h) == 0 {
        return Ok(item);
    }
    let top = at(vm, h, 0)?;
    if !less(vm, top, item)? {
        return Ok(item);
    }
    list_set(h, 0, item);
    sift_up(vm, h, 0)?;
    Ok(top)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::heapq,
    members: &[
        (
            q::heappush,
            Member::Fn(&NativeFn::new(q::heappush, heapq_heappush)),
        ),
        (
            q::heappop,
            Member::Fn(&NativeFn::new(q::heappop, heapq_heappop)),
        ),
        (
            q::heapify,
            Member::Fn(&NativeFn::new(q::heapify, heapq_heapify)),
        ),
        (
            q::heapreplace,
            Member::Fn(&NativeFn::new(q::heapreplace, heapq_heapreplace)),
        ),
        (
            q::heappushpop,
            Member::Fn(&NativeFn::new(q::heappushpop, heapq_heappushpop)),
        ),
    ],
};
