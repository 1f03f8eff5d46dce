//! `micropython`: MicroPython-specific interpreter controls (const, heap lock, memory and qstr
//! reports, scheduling callbacks).

use crate::check_args;
use alloc::string::String;
use core::fmt::Write as _;
use core::sync::atomic::{AtomicIsize, Ordering};
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{list_append, list_len, list_remove_at, new_list};
use mpy_core::obj::map::{map_get, map_set};
use mpy_core::obj::misc::module_ref;
use mpy_core::obj::{Args, NativeFn};
use mpy_core::qstr::{q, Qstr, N_STATIC};
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

/// `micropython.opt_level()`: recorded for the compiler (which has one level today).
static OPT_LEVEL: AtomicIsize = AtomicIsize::new(0);
/// `micropython.kbd_intr(c)`: the character that raises KeyboardInterrupt (-1: none). The
/// ports detect Ctrl-C themselves; this records the request (see the module report).
static KBD_INTR: AtomicIsize = AtomicIsize::new(3);

/// Pending `schedule` calls, as MicroPython's MICROPY_SCHEDULER_DEPTH.
const SCHEDULE_DEPTH: usize = 8;
/// Key of the pending-call list in this module's dict: the list lives in the GC heap, reachable
/// from `sys.modules`, so the callbacks and their arguments stay alive until they run.
const QUEUE_KEY: &str = "_schedule_queue";

/// `const(x)`: `x` (the compiler may fold it; at run time it is the identity).
fn mp_const(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "const")?;
    Ok(args.pos[0])
}

fn mp_opt_level(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "opt_level")?;
    match args.pos.first() {
        None => Ok(Value::small_int(OPT_LEVEL.load(Ordering::Relaxed))),
        Some(&v) => {
            let level = mpy_core::ops::to_index(vm, v)?;
            OPT_LEVEL.store(level, Ordering::Relaxed);
            Ok(Value::NONE)
        }
    }
}

/// Bytes of native stack in use below the interpreter's entry point.
fn stack_used(vm: &Vm) -> usize {
    let here = 0u8;
    vm.stack_top.saturating_sub(&here as *const u8 as usize)
}

fn mp_stack_use(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "stack_use")?;
    let used = stack_used(vm);
    mpy_core::obj::num::int_from_i64(vm, used as i64)
}

/// `mem_info([verbose])`: stack and heap usage, in MicroPython's layout.
fn mp_mem_info(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "mem_info")?;
    let st = vm.heap.stats();
    let mut out = String::new();
    let _ = writeln!(out, "stack: {} out of {}", stack_used(vm), vm.stack_limit);
    let _ = writeln!(
        out,
        "GC: total: {}, used: {}, free: {}",
        st.total, st.used, st.free
    );
    let _ = writeln!(
        out,
        " No. of collections: {}, max free sz: {} (blocks of {} bytes)",
        vm.heap.collections,
        st.max_free_run / mpy_core::gc::BLOCK,
        mpy_core::gc::BLOCK
    );
    vm.write_out(out.as_bytes());
    Ok(Value::NONE)
}

/// `qstr_info([verbose])`: the run-time interned names (build-time ones live in flash).
fn mp_qstr_info(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "qstr_info")?;
    let verbose = match args.pos.first() {
        Some(&v) => mpy_core::ops::truthy(vm, v)?,
        None => false,
    };
    // The pool hands out ids N_STATIC.. in order and answers "" past its end (the empty
    // string is a static qstr, so it never appears in the pool).
    let mut n = 0u32;
    let mut data_bytes = 0usize;
    while !vm.qstrs.get(Qstr(N_STATIC + n)).is_empty() {
        data_bytes += vm.qstrs.get(Qstr(N_STATIC + n)).len();
        n += 1;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "qstr pool: n_pool={}, n_qstr={}, n_str_data_bytes={}, n_static={}",
        (n > 0) as u32,
        n,
        data_bytes,
        N_STATIC
    );
    if verbose {
        for i in 0..n {
            let _ = writeln!(out, "Q({})", vm.qstrs.get(Qstr(N_STATIC + i)));
        }
    }
    vm.write_out(out.as_bytes());
    Ok(Value::NONE)
}

/// `heap_lock()`: forbid heap allocation (MemoryError) until the matching `heap_unlock()`.
fn mp_heap_lock(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "heap_lock")?;
    vm.heap.locked += 1;
    Ok(Value::NONE)
}

/// `heap_unlock()`: undo one `heap_lock()`; returns the remaining lock depth.
fn mp_heap_unlock(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "heap_unlock")?;
    vm.heap.locked = vm.heap.locked.saturating_sub(1);
    Ok(Value::small_int(vm.heap.locked as isize))
}

fn mp_kbd_intr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "kbd_intr")?;
    let c = mpy_core::ops::to_index(vm, args.pos[0])?;
    KBD_INTR.store(if c < 0 { -1 } else { c }, Ordering::Relaxed);
    Ok(Value::NONE)
}

/// `alloc_emergency_exception_buf(size)`: the VM pre-allocates the MemoryError it raises when
/// the heap is exhausted, so no extra buffer is needed; the size is still validated.
fn mp_alloc_emergency_exception_buf(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "alloc_emergency_exception_buf")?;
    mpy_core::ops::to_index(vm, args.pos[0])?;
    Ok(Value::NONE)
}

/// The pending-call list (flat: function, argument, ...), created on first use.
fn schedule_queue(vm: &mut Vm) -> PyResult<Value> {
    let globals = vm.main_globals;
    let m = mpy_core::module::import(
        vm,
        q::micropython,
        Value::NONE,
        Value::small_int(0),
        globals,
    )?;
    let d = module_ref(m).dict;
    let key = Value::from_qstr(vm.intern(QUEUE_KEY)?);
    if let Some(l) = map_get(vm, d, key)? {
        if mpy_core::obj::list::is_list(l) {
            return Ok(l);
        }
    }
    let l = new_list(vm, &[])?;
    map_set(vm, d, key, l)?;
    Ok(l)
}

/// `schedule(func, arg)`: call `func(arg)` later, from the main program flow. Calls run (in
/// order) when the program next waits in `time.sleep*`, as MicroPython's ports do while they
/// idle; running them between bytecodes needs a core hook (see the module report).
fn mp_schedule(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "schedule")?;
    let q = schedule_queue(vm)?;
    if list_len(q) / 2 >= SCHEDULE_DEPTH {
        return Err(vm.new_error(
            &mpy_core::obj::types::RUNTIME_ERROR_TYPE,
            "schedule queue full",
        ));
    }
    list_append(vm, q, args.pos[0])?;
    list_append(vm, q, args.pos[1])?;
    Ok(Value::NONE)
}

/// Run the calls `schedule` queued so far (not ones they schedule in turn: those wait for
/// the next opportunity). An exception from a callback propagates to the caller.
pub fn run_scheduled(vm: &mut Vm) -> PyResult<()> {
    let key_name = vm.qstrs.find(QUEUE_KEY);
    // Nothing was ever scheduled: the key was never interned.
    if key_name.is_none() {
        return Ok(());
    }
    let q = schedule_queue(vm)?;
    let mut n = list_len(q) / 2;
    while n > 0 {
        let (Some(f), Some(arg)) = (list_remove_at(q, 0), list_remove_at(q, 0)) else {
            break;
        };
        mpy_core::call::call(vm, f, &[arg], &[])?;
        n -= 1;
    }
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::micropython,
    members: &[
        (q::r#const, Member::Fn(&NativeFn::new(q::r#const, mp_const))),
        (
            q::opt_level,
            Member::Fn(&NativeFn::new(q::opt_level, mp_opt_level)),
        ),
        (
            q::mem_info,
            Member::Fn(&NativeFn::new(q::mem_info, mp_mem_info)),
        ),
        (
            q::qstr_info,
            Member::Fn(&NativeFn::new(q::qstr_info, mp_qstr_info)),
        ),
        (
            q::stack_use,
            Member::Fn(&NativeFn::new(q::stack_use, mp_stack_use)),
        ),
        (
            q::heap_lock,
            Member::Fn(&NativeFn::new(q::heap_lock, mp_heap_lock)),
        ),
        (
            q::heap_unlock,
            Member::Fn(&NativeFn::new(q::heap_unlock, mp_heap_unlock)),
        ),
        (
            q::kbd_intr,
            Member::Fn(&NativeFn::new(q::kbd_intr, mp_kbd_intr)),
        ),
        (
            q::schedule,
            Member::Fn(&NativeFn::new(q::schedule, mp_schedule)),
        ),
        (
            q::alloc_emergency_exception_buf,
            Member::Fn(&NativeFn::new(
                q::alloc_emergency_exception_buf,
                mp_alloc_emergency_exception_buf,
            )),
        ),
    ],
};
