//! `gc`: control of the garbage collector over the core's mark-sweep heap.

use crate::check_args;
use core::sync::atomic::{AtomicIsize, Ordering};
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::num::int_from_i64;
use mpy_core::obj::{Args, NativeFn};
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

/// The value last given to `gc.threshold(n)`; -1 means "no threshold" (MicroPython's default).
/// The heap only collects when an allocation cannot be satisfied (or on `gc.collect()`), so the
/// threshold is recorded and reported but does not trigger collections (see the module report).
static THRESHOLD: AtomicIsize = AtomicIsize::new(-1);

/// `gc.collect()`: run a full collection now.
fn gc_collect(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "collect")?;
    vm.collect();
    Ok(Value::NONE)
}

/// `gc.mem_free()`: bytes of heap not in use.
fn gc_mem_free(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "mem_free")?;
    let free = vm.heap.stats().free;
    int_from_i64(vm, free as i64)
}

/// `gc.mem_alloc()`: bytes of heap in use.
fn gc_mem_alloc(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "mem_alloc")?;
    let used = vm.heap.stats().used;
    int_from_i64(vm, used as i64)
}

/// `gc.enable()`: collect automatically when an allocation does not fit.
fn gc_enable(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "enable")?;
    vm.heap.auto_collect = true;
    Ok(Value::NONE)
}

/// `gc.disable()`: no automatic collection (an allocation that does not fit raises
/// MemoryError); `gc.collect()` still works.
fn gc_disable(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "disable")?;
    vm.heap.auto_collect = false;
    Ok(Value::NONE)
}

fn gc_isenabled(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "isenabled")?;
    Ok(Value::from_bool(vm.heap.auto_collect))
}

/// `gc.threshold()` returns the threshold; `gc.threshold(n)` sets it (negative: none).
fn gc_threshold(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "threshold")?;
    match args.pos.first() {
        None => int_from_i64(vm, THRESHOLD.load(Ordering::Relaxed) as i64),
        Some(&v) => {
            let n = mpy_core::ops::to_index(vm, v)?;
            THRESHOLD.store(if n < 0 { -1 } else { n }, Ordering::Relaxed);
            Ok(Value::NONE)
        }
    }
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::gc,
    members: &[
        (
            q::collect,
            Member::Fn(&NativeFn::new(q::collect, gc_collect)),
        ),
        (
            q::mem_free,
            Member::Fn(&NativeFn::new(q::mem_free, gc_mem_free)),
        ),
        (
            q::mem_alloc,
            Member::Fn(&NativeFn::new(q::mem_alloc, gc_mem_alloc)),
        ),
        (q::enable, Member::Fn(&NativeFn::new(q::enable, gc_enable))),
        (
            q::disable,
            Member::Fn(&NativeFn::new(q::disable, gc_disable)),
        ),
        (
            q::isenabled,
            Member::Fn(&NativeFn::new(q::isenabled, gc_isenabled)),
        ),
        (
            q::threshold,
            Member::Fn(&NativeFn::new(q::threshold, gc_threshold)),
        ),
    ],
};
