//! The bytecode interpreter loop, frames, and generators.
//!
//! A call runs as: `call::call` -> `call_function` (slots carved from the value stack, args bound
//! by `call::bind_args`) -> `run_frame`, which loops over `execute` and, when an instruction
//! fails, looks the pc up in the code's exception table to jump to a handler or unwind. Python
//! calls recurse on the native stack (as MicroPython's do); `Vm::enter_call` bounds the depth by
//! both a call count and the native stack in use, raising RuntimeError instead of overflowing.
//!
//! Generator frames keep their slots and operand stack in a heap block owned by the `GenObj`,
//! so a suspended generator survives its caller; `gen_resume` re-enters `run_frame` on it.

use crate::bytecode::{self as bc, get_jump, get_sint, get_uint, Op};
use crate::obj::exc::{add_traceback, exc_ref, is_exception};
use crate::obj::func::{self, cell_ref, code_ref, func_ref, gen_ref, CodeObj, GenObj};
use crate::obj::list::{self, new_list, new_tuple, tuple_items};
use crate::obj::map::{self, map_get_qstr, map_set_qstr};
use crate::obj::types::*;
use crate::obj::{is_subtype, is_type, kind_of, type_of, type_ref, Kind};
use crate::ops;
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyErr, PyResult, Vm};
use core::cell::Cell;

/// How a frame stopped running.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

impl Exit {
    /// For `next()`/`send()`: a yield gives the value, a return raises StopIteration(value).
    pub fn into_next(self, vm: &mut Vm) -> PyResult<Value> {
        match self {
            Exit::Yield(v) => Ok(v),
            Exit::Return(v) => Err(vm.stop_iteration(v)),
        }
    }
    /// For iteration: a return ends it.
    pub fn into_option(self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        match self {
            Exit::Yield(v) => Ok(Some(v)),
            Exit::Return(_) => Ok(None),
        }
    }
}

pub struct Frame {
    pub code: &'static CodeObj,
    pub globals: Value,
    /// Locals dict for module and class bodies; NULL in functions.
    pub locals: Value,
    pub slots: *mut Value,
    pub stack: *mut Value,
    pub sp: usize,
    pub pc: usize,
    /// Start of the instruction being executed (for tracebacks and exception lookup).
    pub instr: usize,
}

/// Run a module-level (or `exec`) code object with the given namespaces.
pub fn exec_code(vm: &mut Vm, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
    let c = code_ref(code);
    let need = c.n_locals as usize + c.stack_size as usize;
    let base = vm.vsp;
    if base + need > vm.vstack_len {
        return Err(vm.new_error(&RUNTIME_ERROR_TYPE, "maximum recursion depth exceeded"));
    }
    // SAFETY: base + need <= vstack_len.
    let slots = unsafe { vm.vstack.add(base) };
    for i in 0..need {
        // SAFETY: i < need.
        unsafe { *slots.add(i) = Value::NULL };
    }
    vm.vsp = base + need;
    // SAFETY: n_locals <= need.
    let stack = unsafe { slots.add(c.n_locals as usize) };
    let mut f = Frame {
        code: c,
        globals,
        locals,
        slots,
        stack,
        sp: 0,
        pc: 0,
        instr: 0,
    };
    let saved = vm.handled_exc;
    let saved_globals = vm.cur_globals;
    vm.cur_globals = globals;
    let r = vm.enter_call().and_then(|_| {
        let r = run_frame(vm, &mut f);
        vm.leave_call();
        r
    });
    vm.handled_exc = saved;
    vm.cur_globals = saved_globals;
    vm.vsp = base;
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.new_error(&SYNTAX_ERROR_TYPE, "'yield' outside function")),
    }
}

/// Call a Python function. `self_` (if not NULL) is the first positional argument.
pub fn call_function(
    vm: &mut Vm,
    func: Value,
    self_: Value,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    run_function(vm, func, self_, args, kw, Value::NULL)
}

/// Call a function's code with an explicit locals dict (class bodies).
pub fn run_function(
    vm: &mut Vm,
    func: Value,
    self_: Value,
    args: &[Value],
    kw: &[Value],
    locals: Value,
) -> PyResult<Value> {
    let f = func_ref(func);
    let code = code_ref(f.code);
    let n_locals = code.n_locals as usize;
    let need = n_locals + code.stack_size as usize;
    if code.flags & (bc::FLAG_GENERATOR | bc::FLAG_COROUTINE | bc::FLAG_ASYNC_GENERATOR) != 0 {
        return new_generator(vm, func, self_, args, kw);
    }
    let base = vm.vsp;
    if base + need > vm.vstack_len {
        return Err(vm.new_error(&RUNTIME_ERROR_TYPE, "maximum recursion depth exceeded"));
    }
    // SAFETY: base + need <= vstack_len.
    let slots = unsafe { vm.vstack.add(base) };
    for i in 0..n_locals {
        // SAFETY: i < need.
        unsafe { *slots.add(i) = Value::NULL };
    }
    vm.vsp = base + need;
    let r = (|| {
        // SAFETY: `slots` is n_locals NULL words of the value stack, below vsp (rooted).
        unsafe { crate::call::bind_args(vm, func, slots, self_, args, kw)? };
        copy_closure(f, code, slots);
        // SAFETY: n_locals <= need.
        let stack = unsafe { slots.add(n_locals) };
        let mut frame = Frame {
            code,
            globals: f.globals,
            locals,
            slots,
            stack,
            sp: 0,
            pc: 0,
            instr: 0,
        };
        vm.enter_call()?;
        let saved = vm.handled_exc;
        let saved_globals = vm.cur_globals;
        vm.cur_globals = frame.globals;
        let r = run_frame(vm, &mut frame);
        vm.handled_exc = saved;
        vm.cur_globals = saved_globals;
        vm.leave_call();
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(vm.type_error("yield in a non-generator frame")),
        }
    })();
    vm.vsp = base;
    r
}

fn copy_closure(f: &func::FuncObj, code: &CodeObj, slots: *mut Value) {
    if f.closure.is_null() {
        return;
    }
    let cells = tuple_items(f.closure);
    let first = code.n_locals as usize - code.n_free as usize;
    for (i, &c) in cells.iter().take(code.n_free as usize).enumerate() {
        // SAFETY: first + i < n_locals.
        unsafe { *slots.add(first + i) = c };
    }
}

/// The type of the generator object a call of code with `flags` makes: `coroutine` for an
/// `async def`. Without the `async` feature there is no coroutine type (nor a compiler that sets
/// the flag; frozen code compiled elsewhere may), as in MicroPython, whose coroutines are
/// generators.
#[cfg(feature = "async")]
fn generator_type(flags: u16) -> &'static crate::obj::TypeObj {
    if flags & bc::FLAG_COROUTINE != 0 {
        &COROUTINE_TYPE
    } else {
        &GENERATOR_TYPE
    }
}

#[cfg(not(feature = "async"))]
fn generator_type(_flags: u16) -> &'static crate::obj::TypeObj {
    &GENERATOR_TYPE
}

fn new_generator(
    vm: &mut Vm,
    func: Value,
    self_: Value,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    let f = func_ref(func);
    let code = code_ref(f.code);
    let need = code.n_locals as usize + code.stack_size as usize;
    let slots = vm.alloc_raw(need.max(1) * core::mem::size_of::<Value>())? as *mut Value;
    // Zeroed memory is NULL values. Bind while `slots` is rooted by this native frame.
    // SAFETY: `slots` is a fresh zeroed (NULL) heap block of n_locals + stack_size words,
    // rooted by this native frame.
    unsafe { crate::call::bind_args(vm, func, slots, self_, args, kw)? };
    copy_closure(f, code, slots);
    let ty = generator_type(code.flags);
    vm.alloc_obj(
        GenObj {
            header: header(ty),
            func,
            code: f.code,
            globals: f.globals,
            slots,
            pc: Cell::new(0),
            sp: Cell::new(0),
            state: Cell::new(func::GEN_CREATED),
            handled_exc: Cell::new(Value::NULL),
        },
        0,
    )
}

/// Resume a generator, sending `send` or throwing `throw` (if not NULL) into it.
pub fn gen_resume(vm: &mut Vm, g: Value, send: Value, throw: Value) -> PyResult<Exit> {
    let gen = gen_ref(g);
    match gen.state.get() {
        func::GEN_RUNNING => return Err(vm.value_error("generator already executing")),
        func::GEN_DONE => {
            if !throw.is_null() {
                return Err(PyErr(make_exception(vm, throw)?));
            }
            return Ok(Exit::Return(Value::NONE));
        }
        func::GEN_CREATED if throw.is_null() && !send.is_none() => {
            return Err(vm.type_error("can't send non-None value to a just-started generator"));
        }
        _ => {}
    }
    let code = code_ref(gen.code);
    // SAFETY: the slots block has n_locals + stack_size Values.
    let stack = unsafe { gen.slots.add(code.n_locals as usize) };
    let mut f = Frame {
        code,
        globals: gen.globals,
        locals: Value::NULL,
        slots: gen.slots,
        stack,
        sp: gen.sp.get(),
        pc: gen.pc.get(),
        instr: gen.pc.get(),
    };
    let started = gen.state.get() != func::GEN_CREATED;
    gen.state.set(func::GEN_RUNNING);
    let saved = vm.handled_exc;
    if !gen.handled_exc.get().is_null() {
        vm.handled_exc = gen.handled_exc.get();
    }
    if let Err(e) = vm.enter_call() {
        gen.state.set(if started {
            func::GEN_SUSPENDED
        } else {
            func::GEN_CREATED
        });
        return Err(e);
    }
    let r = if !throw.is_null() {
        match make_exception(vm, throw) {
            Ok(exc) => {
                // Delegate to a sub-generator if suspended in `yield from`.
                let at = f.pc;
                if started && code.bytecode().get(at) == Some(&(Op::YieldFrom as u8)) {
                    // SAFETY: sp >= 1 at a suspended YieldFrom (the sub-iterator is on the stack).
                    let sub = unsafe { *f.stack.add(f.sp - 1) };
                    if sub.is_obj() && kind_of(sub) == Kind::Generator {
                        match gen_resume(vm, sub, Value::NONE, exc) {
                            Ok(Exit::Yield(v)) => {
                                vm.leave_call();
                                gen.state.set(func::GEN_SUSPENDED);
                                vm.handled_exc = saved;
                                return Ok(Exit::Yield(v));
                            }
                            Ok(Exit::Return(v)) => {
                                // Sub-generator finished: continue after YieldFrom with its value.
                                f.sp -= 1;
                                // SAFETY: sp < stack_size.
                                unsafe { *f.stack.add(f.sp) = v };
                                f.sp += 1;
                                f.pc = at + 1;
                                run_frame(vm, &mut f)
                            }
                            Err(e) => {
                                f.instr = at;
                                unwind_into(vm, &mut f, e)
                            }
                        }
                    } else {
                        f.instr = at;
                        unwind_into(vm, &mut f, PyErr(exc))
                    }
                } else {
                    f.instr = if started { at.saturating_sub(1) } else { 0 };
                    if !started {
                        Err(PyErr(exc))
                    } else {
                        unwind_into(vm, &mut f, PyErr(exc))
                    }
                }
            }
            Err(e) => Err(e),
        }
    } else {
        if started {
            // SAFETY: the suspended frame left room for the sent value (stack_size accounts
            // for the value a yield pushes back).
            unsafe { *f.stack.add(f.sp) = send };
            f.sp += 1;
        }
        run_frame(vm, &mut f)
    };
    vm.leave_call();
    gen.handled_exc.set(Value::NULL);
    match &r {
        Ok(Exit::Yield(_)) => {
            gen.pc.set(f.pc);
            gen.sp.set(f.sp);
            gen.state.set(func::GEN_SUSPENDED);
            if vm.handled_exc != saved {
                gen.handled_exc.set(vm.handled_exc);
            }
        }
        _ => gen.state.set(func::GEN_DONE),
    }
    vm.handled_exc = saved;
    match r {
        Err(e) if is_subtype(type_of(e.0), &STOP_ITERATION_TYPE) => {
            let err = vm.new_error(&RUNTIME_ERROR_TYPE, "generator raised StopIteration");
            // Chained like `raise RuntimeError(...) from stop` (PEP 479).
            if is_subtype(type_of(err.0), &RUNTIME_ERROR_TYPE) {
                exc_ref(err.0).cause.set(e.0);
            }
            Err(err)
        }
        r => r,
    }
}

/// `generator.close()`: throw GeneratorExit in; it must not yield again.
pub fn gen_close(vm: &mut Vm, g: Value) -> PyResult<()> {
    let gen = gen_ref(g);
    if gen.state.get() != func::GEN_SUSPENDED {
        gen.state.set(func::GEN_DONE);
        return Ok(());
    }
    match gen_resume(vm, g, Value::NONE, GENERATOR_EXIT_TYPE.as_value()) {
        Ok(Exit::Yield(_)) => {
            Err(vm.new_error(&RUNTIME_ERROR_TYPE, "generator ignored GeneratorExit"))
        }
        Ok(Exit::Return(_)) => Ok(()),
        Err(e)
            if is_subtype(type_of(e.0), &GENERATOR_EXIT_TYPE)
                || is_subtype(type_of(e.0), &STOP_ITERATION_TYPE) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// An exception instance from a class or instance (`raise X` / `raise X()`).
pub fn make_exception(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_exception(v) {
        return Ok(v);
    }
    if is_type(v) && is_subtype(type_ref(v), &BASE_EXCEPTION_TYPE) {
        let e = crate::call::call(vm, v, &[], &[])?;
        if is_exception(e) {
            return Ok(e);
        }
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

fn find_handler(code: &CodeObj, pc: usize) -> Option<bc::ExcEntry> {
    code.exc_table()
        .iter()
        .find(|e| (e.start as usize) <= pc && pc < (e.end as usize))
        .copied()
}

/// Route an exception raised at `f.instr` to a handler in this frame, then keep running.
fn unwind_into(vm: &mut Vm, f: &mut Frame, e: PyErr) -> PyResult<Exit> {
    match handle_error(vm, f, e) {
        Ok(()) => run_frame(vm, f),
        Err(e) => Err(e),
    }
}

/// Find a handler for `e` at `f.instr`: set up the frame to run it, or record the traceback
/// entry and return the error for the caller.
fn handle_error(vm: &mut Vm, f: &mut Frame, e: PyErr) -> Result<(), PyErr> {
    let exc = e.0;
    // Implicit chaining: an exception raised while handling another.
    if is_exception(exc) && !vm.handled_exc.is_null() && vm.handled_exc != exc {
        let er = exc_ref(exc);
        if er.context.get().is_null() {
            er.context.set(vm.handled_exc);
        }
    }
    match find_handler(f.code, f.instr) {
        Some(h) => {
            f.sp = h.depth as usize;
            // SAFETY: the compiler's exception table depths are within stack_size - 1.
            unsafe { *f.stack.add(f.sp) = exc };
            f.sp += 1;
            f.pc = h.handler as usize;
            Ok(())
        }
        None => {
            let line = f.code.line_for(f.instr);
            add_traceback(vm, exc, f.code.filename, line, f.code.name);
            Err(e)
        }
    }
}

pub fn run_frame(vm: &mut Vm, f: &mut Frame) -> PyResult<Exit> {
    loop {
        match execute(vm, f) {
            Ok(exit) => return Ok(exit),
            Err(e) => handle_error(vm, f, e)?,
        }
    }
}

/// A name to look up in globals then builtins.
#[inline(always)]
fn load_global(vm: &mut Vm, globals: Value, name: Qstr) -> PyResult<Value> {
    if let Some(v) = map_get_qstr(vm, globals, name) {
        return Ok(v);
    }
    if let Some(v) = map_get_qstr(vm, vm.builtins, name) {
        return Ok(v);
    }
    Err(vm.name_error(name))
}

fn unbound_local(vm: &mut Vm, code: &CodeObj, slot: usize) -> PyErr {
    let name = vm.qstr_str(code.local_name(slot));
    let parts = ["local variable '", name, "' referenced before assignment"];
    vm.error_from_parts(&UNBOUND_LOCAL_ERROR_TYPE, &parts)
}

/// ValueError for unpacking `got` values into `want` targets (`usize::MAX`: a starred target,
/// so too few).
fn unpack_count_error(vm: &mut Vm, got: usize, want: usize) -> PyErr {
    let (head, n, tail) = if got > want {
        ("too many values to unpack (expected ", want, ")")
    } else {
        ("need more than ", got, " values to unpack")
    };
    let digits = crate::intword::radix_digits(n as u64, 10);
    vm.error_from_parts(&VALUE_ERROR_TYPE, &[head, &digits, tail])
}

/// A call with keyword arguments (`CallFunctionKw` / `CallMethodKw`): `vals` ends with the
/// values of the keywords named by the `names` tuple; `self_` is NULL for a plain call.
fn call_kw(
    vm: &mut Vm,
    func: Value,
    self_: Value,
    vals: &[Value],
    names: Value,
) -> PyResult<Value> {
    let names = tuple_items(names);
    let n = names.len().min(vals.len());
    let pos = &vals[..vals.len() - n];
    let base = vm.vsp;
    if base + 2 * n > vm.vstack_len {
        return Err(vm.new_error(&RUNTIME_ERROR_TYPE, "maximum recursion depth exceeded"));
    }
    // SAFETY: base + 2n <= vstack_len.
    let pairs = unsafe {
        let p = vm.vstack.add(base);
        for i in 0..n {
            *p.add(2 * i) = names[i];
            *p.add(2 * i + 1) = vals[vals.len() - n + i];
        }
        core::slice::from_raw_parts(p, 2 * n)
    };
    vm.vsp = base + 2 * n;
    let r = if self_.is_null() {
        crate::call::call(vm, func, pos, pairs)
    } else {
        crate::call::call_with_self(vm, func, self_, pos, pairs)
    };
    vm.vsp = base;
    r
}

/// Kwargs pairs from a mapping, on the value stack.
fn with_mapping_pairs<R>(
    vm: &mut Vm,
    mapping: Value,
    body: impl FnOnce(&mut Vm, &[Value]) -> PyResult<R>,
) -> PyResult<R> {
    let d = if map::is_dict(mapping) {
        mapping
    } else {
        let d = map::new_dict(vm)?;
        ops::dict_update(vm, d, mapping)?;
        d
    };
    let n = map::map_len(d);
    let base = vm.vsp;
    if base + 2 * n > vm.vstack_len {
        return Err(vm.new_error(&RUNTIME_ERROR_TYPE, "maximum recursion depth exceeded"));
    }
    let mut pos = 0;
    let mut i = 0;
    while let Some(e) = map::next_entry(d, &mut pos) {
        if !crate::obj::string::is_str(e.key) {
            return Err(vm.type_error("keywords must be strings"));
        }
        // SAFETY: i < n and base + 2n <= vstack_len.
        unsafe {
            *vm.vstack.add(base + 2 * i) = e.key;
            *vm.vstack.add(base + 2 * i + 1) = e.value;
        }
        i += 1;
    }
    // SAFETY: the 2i words were just written.
    let pairs = unsafe { core::slice::from_raw_parts(vm.vstack.add(base), 2 * i) };
    vm.vsp = base + 2 * i;
    let r = body(vm, pairs);
    vm.vsp = base;
    r
}

/// Run instructions until the frame returns or yields, or an instruction fails (then `f.instr`
/// is that instruction's offset and `f.sp` the stack depth before it).
fn execute(vm: &mut Vm, f: &mut Frame) -> PyResult<Exit> {
    let code = f.code;
    let bytecode = code.bytecode();
    let consts = tuple_items(code.consts);
    let stack = f.stack;
    let slots = f.slots;
    let mut pc = f.pc;
    let mut sp = f.sp;

    macro_rules! push {
        ($v:expr) => {{
            let v = $v;
            // SAFETY: the compiler bounds the stack depth by stack_size (checked by verify()).
            unsafe { *stack.add(sp) = v };
            sp += 1;
        }};
    }
    macro_rules! pop {
        () => {{
            sp -= 1;
            // SAFETY: sp was > 0 (the compiler never pops an empty stack).
            unsafe { *stack.add(sp) }
        }};
    }
    macro_rules! top {
        () => {
            // SAFETY: sp > 0 where used.
            unsafe { *stack.add(sp - 1) }
        };
    }
    macro_rules! peek {
        ($n:expr) => {
            // SAFETY: sp > n where used.
            unsafe { *stack.add(sp - 1 - $n) }
        };
    }
    macro_rules! set_top {
        ($v:expr) => {{
            let v = $v;
            // SAFETY: sp > 0 where used.
            unsafe { *stack.add(sp - 1) = v };
        }};
    }
    macro_rules! slot {
        ($i:expr) => {
            // SAFETY: slot operands are < n_locals (compiler invariant, checked by verify()).
            unsafe { *slots.add($i) }
        };
    }
    macro_rules! set_slot {
        ($i:expr, $v:expr) => {{
            let v = $v;
            // SAFETY: as slot!.
            unsafe { *slots.add($i) = v };
        }};
    }
    macro_rules! stack_slice {
        ($n:expr) => {
            // SAFETY: the top n items are initialised stack entries.
            unsafe { core::slice::from_raw_parts(stack.add(sp - $n), $n) }
        };
    }

    loop {
        let start = pc;
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        f.instr = start;
                        f.sp = sp;
                        f.pc = pc;
                        return Err(e);
                    }
                }
            };
        }
        let Some(&opb) = bytecode.get(pc) else {
            return Ok(Exit::Return(Value::NONE));
        };
        pc += 1;
        let Some(op) = Op::from_u8(opb) else {
            f.instr = start;
            f.sp = sp;
            return Err(vm.new_error(&SYSTEM_ERROR_TYPE_ALIAS, "bad opcode"));
        };
        // Firmware decodes the leading varint operand here, once, instead of in each of the ~40
        // arms that take one: each inlined copy of the decoder is ~46 bytes of thumb code. The
        // host decodes it in the arm, which keeps operand-less opcodes one test faster.
        let pre = if PREDECODE && has_uint_operand(opb) {
            operand(bytecode, &mut pc)
        } else {
            0
        };
        // The `u` operand of this instruction (only in arms of opcodes that have one).
        macro_rules! arg {
            () => {{
                debug_assert!(has_uint_operand(opb));
                if PREDECODE {
                    pre
                } else {
                    get_uint(bytecode, &mut pc) as usize
                }
            }};
        }
        match op {
            Op::Nop | Op::Reserved88 => {}
            Op::LoadConst => {
                let i = arg!();
                push!(consts.get(i).copied().unwrap_or(Value::NONE));
            }
            Op::LoadSmallInt => {
                let v = get_sint(bytecode, &mut pc);
                push!(tri!(crate::obj::num::int_from_i64(vm, v)));
            }
            Op::LoadNone => push!(Value::NONE),
            Op::LoadTrue => push!(Value::TRUE),
            Op::LoadFalse => push!(Value::FALSE),
            Op::LoadFast => {
                let i = arg!();
                let v = slot!(i);
                if v.is_null() {
                    tri!(Err(unbound_local(vm, code, i)));
                }
                push!(v);
            }
            Op::StoreFast => {
                let i = arg!();
                let v = pop!();
                set_slot!(i, v);
            }
            Op::DeleteFast => {
                let i = arg!();
                if slot!(i).is_null() {
                    tri!(Err(unbound_local(vm, code, i)));
                }
                set_slot!(i, Value::NULL);
            }
            Op::LoadDeref => {
                let i = arg!();
                let v = cell_ref(slot!(i)).value.get();
                if v.is_null() {
                    let name = vm.qstr_str(code.local_name(i));
                    let parts = [
                        "free variable '",
                        name,
                        "' referenced before assignment in enclosing scope",
                    ];
                    tri!(Err(vm.error_from_parts(&NAME_ERROR_TYPE, &parts)));
                }
                push!(v);
            }
            Op::StoreDeref => {
                let i = arg!();
                let v = pop!();
                cell_ref(slot!(i)).value.set(v);
            }
            Op::DeleteDeref => {
                let i = arg!();
                cell_ref(slot!(i)).value.set(Value::NULL);
            }
            Op::LoadClosure => {
                let i = arg!();
                push!(slot!(i));
            }
            Op::MakeCell => {
                let i = arg!();
                let c = tri!(func::new_cell(vm, slot!(i)));
                set_slot!(i, c);
            }
            Op::LoadGlobal => {
                let name = code.name_at(arg!());
                let v = tri!(load_global(vm, f.globals, name));
                push!(v);
            }
            Op::StoreGlobal => {
                let name = code.name_at(arg!());
                let v = pop!();
                tri!(map_set_qstr(vm, f.globals, name, v));
            }
            Op::DeleteGlobal => {
                let name = code.name_at(arg!());
                if tri!(map::map_delete(vm, f.globals, Value::from_qstr(name))).is_none() {
                    tri!(Err(vm.name_error(name)));
                }
            }
            Op::LoadName => {
                let name = code.name_at(arg!());
                let local = if f.locals.is_null() {
                    None
                } else {
                    map_get_qstr(vm, f.locals, name)
                };
                let v = match local {
                    Some(v) => v,
                    None => tri!(load_global(vm, f.globals, name)),
                };
                push!(v);
            }
            Op::StoreName => {
                let name = code.name_at(arg!());
                let v = pop!();
                let ns = if f.locals.is_null() {
                    f.globals
                } else {
                    f.locals
                };
                tri!(map_set_qstr(vm, ns, name, v));
            }
            Op::DeleteName => {
                let name = code.name_at(arg!());
                let ns = if f.locals.is_null() {
                    f.globals
                } else {
                    f.locals
                };
                if tri!(map::map_delete(vm, ns, Value::from_qstr(name))).is_none() {
                    tri!(Err(vm.name_error(name)));
                }
            }
            Op::LoadAttr => {
                let name = code.name_at(arg!());
                let o = top!();
                let v = tri!(crate::attr::getattr(vm, o, name));
                set_top!(v);
            }
            Op::StoreAttr => {
                let name = code.name_at(arg!());
                let o = pop!();
                let v = pop!();
                tri!(crate::attr::setattr(vm, o, name, v));
            }
            Op::DeleteAttr => {
                let name = code.name_at(arg!());
                let o = pop!();
                tri!(crate::attr::delattr(vm, o, name));
            }
            Op::LoadMethod => {
                let name = code.name_at(arg!());
                let o = top!();
                let (m, s) = tri!(crate::attr::load_method(vm, o, name));
                set_top!(m);
                push!(s);
            }
            Op::LoadSubscr => {
                let k = pop!();
                let o = top!();
                // Fast path: list[int] (exact lists: subclasses may override __getitem__).
                let v = if let (true, Some(i)) =
                    (core::ptr::eq(type_of(o), &LIST_TYPE), k.as_small_int())
                {
                    let n = list::list_len(o) as isize;
                    let j = if i < 0 { i + n } else { i };
                    if j >= 0 && j < n {
                        list::list_items(o)[j as usize]
                    } else {
                        tri!(ops::getitem(vm, o, k))
                    }
                } else {
                    tri!(ops::getitem(vm, o, k))
                };
                set_top!(v);
            }
            Op::StoreSubscr => {
                let k = pop!();
                let o = pop!();
                let v = pop!();
                if let (true, Some(i)) = (core::ptr::eq(type_of(o), &LIST_TYPE), k.as_small_int()) {
                    let n = list::list_len(o) as isize;
                    if i >= 0 && i < n {
                        list::list_set(o, i as usize, v);
                        continue;
                    }
                }
                tri!(ops::setitem(vm, o, k, v));
            }
            Op::DeleteSubscr => {
                let k = pop!();
                let o = pop!();
                tri!(ops::delitem(vm, o, k));
            }
            Op::LoadBuildClass => push!(crate::builtins::BUILD_CLASS.as_value()),
            Op::Pop => {
                sp -= 1;
            }
            Op::Dup => {
                let v = top!();
                push!(v);
            }
            Op::Dup2 => {
                let (a, b) = (peek!(1), peek!(0));
                push!(a);
                push!(b);
            }
            Op::Rot2 => {
                let a = pop!();
                let b = pop!();
                push!(a);
                push!(b);
            }
            Op::Rot3 => {
                let c = pop!();
                let b = pop!();
                let a = pop!();
                push!(c);
                push!(a);
                push!(b);
            }
            Op::Rot4 => {
                let d = pop!();
                let c = pop!();
                let b = pop!();
                let a = pop!();
                push!(d);
                push!(a);
                push!(b);
                push!(c);
            }
            Op::BinaryOp => {
                let opn = bytecode.get(pc).copied().unwrap_or(0);
                pc += 1;
                let b = pop!();
                let a = top!();
                if a.is_small_int() && b.is_small_int() {
                    let (x, y) = (a.small_int_value() as i64, b.small_int_value() as i64);
                    let r = match opn % bc::INPLACE_OFFSET {
                        0 => Value::try_small_int(x + y),
                        1 => Value::try_small_int(x - y),
                        2 => x.checked_mul(y).and_then(Value::try_small_int),
                        _ => None,
                    };
                    if let Some(r) = r {
                        set_top!(r);
                        continue;
                    }
                }
                // Float fast path (float op float/int): no generic dispatch.
                #[cfg(feature = "float")]
                {
                    let (fa, fb) = (crate::obj::num::is_float(a), crate::obj::num::is_float(b));
                    let (num_a, num_b) = (fa || a.is_small_int(), fb || b.is_small_int());
                    if (fa || fb) && num_a && num_b {
                        let x = if fa {
                            crate::obj::num::float_of(a)
                        } else {
                            a.small_int_value() as f64
                        };
                        let y = if fb {
                            crate::obj::num::float_of(b)
                        } else {
                            b.small_int_value() as f64
                        };
                        let r = match opn % bc::INPLACE_OFFSET {
                            0 => Some(x + y),
                            1 => Some(x - y),
                            2 => Some(x * y),
                            4 if y != 0.0 => Some(x / y),
                            _ => None,
                        };
                        if let Some(r) = r {
                            let v = tri!(crate::obj::num::new_float(vm, r));
                            set_top!(v);
                            continue;
                        }
                    }
                }
                let r = tri!(ops::binary_op(vm, opn, a, b));
                set_top!(r);
            }
            Op::UnaryOp => {
                let opn = bytecode.get(pc).copied().unwrap_or(0);
                pc += 1;
                let a = top!();
                let r = tri!(ops::unary_op(vm, opn, a));
                set_top!(r);
            }
            Op::CompareOp => {
                let opn = bytecode.get(pc).copied().unwrap_or(0);
                pc += 1;
                let b = pop!();
                let a = top!();
                if a.is_small_int() && b.is_small_int() && opn <= bc::CmpOp::Ge as u8 {
                    let (x, y) = (a.small_int_value(), b.small_int_value());
                    let r = match opn {
                        0 => x < y,
                        1 => x <= y,
                        2 => x == y,
                        3 => x != y,
                        4 => x > y,
                        _ => x >= y,
                    };
                    set_top!(Value::from_bool(r));
                    continue;
                }
                #[cfg(feature = "float")]
                if opn <= bc::CmpOp::Ge as u8
                    && crate::obj::num::is_float(a)
                    && crate::obj::num::is_float(b)
                {
                    let (x, y) = (crate::obj::num::float_of(a), crate::obj::num::float_of(b));
                    let r = match opn {
                        0 => x < y,
                        1 => x <= y,
                        2 => x == y,
                        3 => x != y,
                        4 => x > y,
                        _ => x >= y,
                    };
                    set_top!(Value::from_bool(r));
                    continue;
                }
                let cmp = cmp_from_u8(opn);
                let r = tri!(ops::compare(vm, cmp, a, b));
                set_top!(r);
            }
            Op::Jump => {
                let t = get_jump(bytecode, &mut pc);
                if t < pc {
                    tri!(vm.check_interrupt());
                }
                pc = t;
            }
            Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                let t = get_jump(bytecode, &mut pc);
                let v = pop!();
                let b = if v == Value::TRUE {
                    true
                } else if v == Value::FALSE {
                    false
                } else {
                    tri!(ops::truthy(vm, v))
                };
                if b == (op == Op::PopJumpIfTrue) {
                    if t < pc {
                        tri!(vm.check_interrupt());
                    }
                    pc = t;
                }
            }
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                let t = get_jump(bytecode, &mut pc);
                let v = top!();
                let b = tri!(ops::truthy(vm, v));
                if b == (op == Op::JumpIfTrueOrPop) {
                    pc = t;
                } else {
                    sp -= 1;
                }
            }
            Op::GetIter => {
                let o = top!();
                let it = tri!(ops::iter(vm, o));
                set_top!(it);
            }
            Op::ForIter => {
                let t = get_jump(bytecode, &mut pc);
                let it = top!();
                let next = if it.is_obj() && kind_of(it) == Kind::Iterator {
                    tri!(crate::obj::iter::iter_next(vm, it))
                } else {
                    tri!(ops::next(vm, it))
                };
                match next {
                    Some(v) => push!(v),
                    None => {
                        sp -= 1;
                        pc = t;
                    }
                }
            }
            Op::BuildTuple => {
                let n = arg!();
                let t = tri!(new_tuple(vm, stack_slice!(n)));
                sp -= n;
                push!(t);
            }
            Op::BuildList => {
                let n = arg!();
                let l = tri!(new_list(vm, stack_slice!(n)));
                sp -= n;
                push!(l);
            }
            Op::BuildSet => {
                let n = arg!();
                let s = tri!(map::new_set(vm));
                for k in 0..n {
                    let x = stack_slice!(n)[k];
                    tri!(map::map_set(vm, s, x, Value::NULL));
                }
                sp -= n;
                push!(s);
            }
            Op::BuildMap => {
                let n = arg!();
                let d = tri!(map::new_dict(vm));
                for k in 0..n {
                    let items = stack_slice!(2 * n);
                    let (key, v) = (items[2 * k], items[2 * k + 1]);
                    tri!(map::map_set(vm, d, key, v));
                }
                sp -= 2 * n;
                push!(d);
            }
            Op::BuildSlice => {
                let n = arg!();
                let step = if n == 3 { pop!() } else { Value::NONE };
                let stop = pop!();
                let start = pop!();
                let s = tri!(crate::obj::misc::new_slice(vm, start, stop, step));
                push!(s);
            }
            Op::ListAppend | Op::SetAdd => {
                let i = arg!();
                let v = pop!();
                // CPython convention: the collection is the i-th item from the top (1 = top).
                let target = peek!(i.saturating_sub(1));
                if op == Op::ListAppend {
                    tri!(list::list_append(vm, target, v));
                } else {
                    tri!(map::map_set(vm, target, v, Value::NULL));
                }
            }
            Op::MapAdd => {
                let i = arg!();
                let v = pop!();
                let k = pop!();
                let target = peek!(i.saturating_sub(1));
                // `MapAdd 1` only builds call kwargs (comprehensions use depth >= 2), where a
                // keyword after a `**mapping` must not repeat one of its keys.
                if i == 1 && tri!(map::map_get(vm, target, k)).is_some() {
                    // Stack: [.., callable, args list, kwargs dict].
                    let fname = if sp >= 3 {
                        let f = peek!(2);
                        match tri!(crate::attr::getattr_opt(vm, f, q::__name__)) {
                            Some(n) => crate::obj::string::str_of(vm, n).unwrap_or("function"),
                            None => "function",
                        }
                    } else {
                        "function"
                    };
                    let key = crate::obj::string::str_of(vm, k).unwrap_or("?");
                    let parts = [
                        fname,
                        "() got multiple values for keyword argument '",
                        key,
                        "'",
                    ];
                    tri!(Err(vm.error_from_parts(&TYPE_ERROR_TYPE, &parts)));
                }
                tri!(map::map_set(vm, target, k, v));
            }
            Op::ListExtend => {
                let it = pop!();
                let l = top!();
                tri!(ops::extend_list(vm, l, it));
            }
            Op::SetUpdate => {
                let it = pop!();
                let s = top!();
                tri!(ops::set_update(vm, s, it));
            }
            Op::DictUpdate => {
                let m = pop!();
                let d = top!();
                let has_keys = m.is_obj() && crate::attr::lookup_special(vm, m, q::keys).is_some();
                if !(map::is_dict(m) || has_keys) {
                    let parts = ["'", vm.type_name(m), "' object is not a mapping"];
                    tri!(Err(vm.error_from_parts(&TYPE_ERROR_TYPE, &parts)));
                }
                tri!(ops::dict_update(vm, d, m));
            }
            Op::DictMerge => {
                let m = pop!();
                let d = top!();
                let src = if map::is_dict(m) {
                    m
                } else {
                    // Any mapping: copy it first, so its keys() / [] run once.
                    let c = tri!(map::new_dict(vm));
                    push!(c);
                    let r = ops::dict_update(vm, c, m);
                    sp -= 1;
                    tri!(r);
                    c
                };
                let mut pos = 0;
                while let Some(e) = map::next_entry(src, &mut pos) {
                    if tri!(map::map_get_hashed(vm, d, e.key, e.hash)).is_some() {
                        let name = crate::obj::string::str_of(vm, e.key).unwrap_or("?");
                        let parts = ["got multiple values for keyword argument '", name, "'"];
                        tri!(Err(vm.error_from_parts(&TYPE_ERROR_TYPE, &parts)));
                    }
                    tri!(map::map_set_hashed(vm, d, e.key, e.value, e.hash));
                }
            }
            Op::ListToTuple => {
                let l = top!();
                let t = tri!(new_tuple(vm, list::list_items(l)));
                set_top!(t);
            }
            Op::UnpackSequence => {
                let n = arg!();
                let seq = top!();
                let items = match list::seq_items(seq) {
                    Some(items) => items,
                    None => {
                        let l = tri!(ops::collect_iterable(vm, seq));
                        list::list_items(l)
                    }
                };
                if items.len() != n {
                    tri!(Err(unpack_count_error(vm, items.len(), n)));
                }
                sp -= 1;
                for k in (0..n).rev() {
                    push!(items[k]);
                }
            }
            Op::UnpackEx => {
                let before = arg!();
                let after = get_uint(bytecode, &mut pc) as usize;
                let seq = top!();
                let l = tri!(ops::collect_iterable(vm, seq));
                let items = list::list_items(l);
                if items.len() < before + after {
                    tri!(Err(unpack_count_error(vm, items.len(), usize::MAX)));
                }
                let n = items.len();
                let mid = tri!(new_list(vm, &list::list_items(l)[before..n - after]));
                sp -= 1;
                let items = list::list_items(l);
                for k in (n - after..n).rev() {
                    push!(items[k]);
                }
                push!(mid);
                for k in (0..before).rev() {
                    push!(items[k]);
                }
            }
            Op::MakeFunction => {
                let flags = bytecode.get(pc).copied().unwrap_or(0);
                pc += 1;
                let code_v = pop!();
                let closure = if flags & bc::MKFN_CLOSURE != 0 {
                    pop!()
                } else {
                    Value::NULL
                };
                let kwdefaults = if flags & bc::MKFN_KWDEFAULTS != 0 {
                    pop!()
                } else {
                    Value::NULL
                };
                let defaults = if flags & bc::MKFN_DEFAULTS != 0 {
                    pop!()
                } else {
                    Value::NULL
                };
                let fv = tri!(func::new_function(
                    vm, code_v, f.globals, defaults, kwdefaults, closure
                ));
                push!(fv);
            }
            Op::CallFunction => {
                let argc = arg!();
                let func = peek!(argc);
                let r = tri!(crate::call::call(vm, func, stack_slice!(argc), &[]));
                sp -= argc + 1;
                push!(r);
            }
            Op::CallFunctionKw => {
                let argc = arg!();
                let names = pop!();
                let func = peek!(argc);
                let r = tri!(call_kw(vm, func, Value::NULL, stack_slice!(argc), names));
                sp -= argc + 1;
                push!(r);
            }
            Op::CallFunctionEx => {
                let flags = bytecode.get(pc).copied().unwrap_or(0);
                pc += 1;
                let kwargs = if flags & 1 != 0 { pop!() } else { Value::NULL };
                let mut args = pop!();
                let func = top!();
                if list::seq_items(args).is_none() {
                    args = tri!(ops::collect_iterable(vm, args));
                    // keep rooted on the stack
                    push!(args);
                    sp -= 1;
                }
                let pos = list::seq_items(args).unwrap_or(&[]);
                let r = if kwargs.is_null() {
                    tri!(crate::call::call(vm, func, pos, &[]))
                } else {
                    // keep args rooted while kwargs are spread
                    push!(args);
                    push!(kwargs);
                    let r = with_mapping_pairs(vm, kwargs, |vm, kw| {
                        crate::call::call(vm, func, pos, kw)
                    });
                    sp -= 2;
                    tri!(r)
                };
                set_top!(r);
            }
            Op::CallMethod => {
                let argc = arg!();
                let meth = peek!(argc + 1);
                let self_ = peek!(argc);
                let args = stack_slice!(argc);
                let r = if self_.is_null() {
                    tri!(crate::call::call(vm, meth, args, &[]))
                } else if meth.is_obj() && kind_of(meth) == Kind::NativeFunction {
                    // [self, args...] are already contiguous on the stack.
                    tri!(crate::call::call(vm, meth, stack_slice!(argc + 1), &[]))
                } else {
                    tri!(crate::call::call_with_self(vm, meth, self_, args, &[]))
                };
                sp -= argc + 2;
                push!(r);
            }
            Op::CallMethodKw => {
                let argc = arg!();
                let names = pop!();
                let meth = peek!(argc + 1);
                let self_ = peek!(argc);
                let r = tri!(call_kw(vm, meth, self_, stack_slice!(argc), names));
                sp -= argc + 2;
                push!(r);
            }
            Op::Return => {
                let v = pop!();
                f.sp = sp;
                f.pc = pc;
                return Ok(Exit::Return(v));
            }
            Op::YieldValue => {
                let v = pop!();
                f.sp = sp;
                f.pc = pc;
                return Ok(Exit::Yield(v));
            }
            Op::YieldFrom => {
                let sent = pop!();
                let it = top!();
                let r = if it.is_obj() && kind_of(it) == Kind::Generator {
                    tri!(gen_resume(vm, it, sent, Value::NULL))
                } else if sent.is_none() {
                    match tri!(ops::next(vm, it)) {
                        Some(v) => Exit::Yield(v),
                        None => Exit::Return(Value::NONE),
                    }
                } else {
                    let v = tri!(crate::attr::call_method(vm, it, q::send, &[sent]));
                    Exit::Yield(v)
                };
                match r {
                    Exit::Yield(v) => {
                        // Stay on this instruction: the resumed value re-enters YieldFrom.
                        f.sp = sp;
                        f.pc = start;
                        return Ok(Exit::Yield(v));
                    }
                    Exit::Return(v) => set_top!(v),
                }
            }
            #[cfg(feature = "async")]
            Op::GetAwaitable => {
                let o = top!();
                if !(o.is_obj() && kind_of(o) == Kind::Generator) {
                    let it = match tri!(crate::attr::call_special(vm, o, q::__await__, &[])) {
                        Some(it) => it,
                        None => {
                            let parts = ["'", vm.type_name(o), "' object can't be awaited"];
                            tri!(Err(vm.error_from_parts(&TYPE_ERROR_TYPE, &parts)))
                        }
                    };
                    set_top!(it);
                }
            }
            #[cfg(feature = "async")]
            Op::GetAIter => {
                let o = top!();
                let it = match tri!(crate::attr::call_special(vm, o, q::__aiter__, &[])) {
                    Some(it) => it,
                    None => tri!(Err(
                        vm.type_error("'async for' requires an object with __aiter__ method")
                    )),
                };
                set_top!(it);
            }
            #[cfg(feature = "async")]
            Op::GetANext => {
                let it = top!();
                let aw = match tri!(crate::attr::call_special(vm, it, q::__anext__, &[])) {
                    Some(a) => a,
                    None => tri!(Err(vm.type_error(
                        "'async for' requires an iterator with __anext__ method"
                    ))),
                };
                let aw = if aw.is_obj() && kind_of(aw) == Kind::Generator {
                    aw
                } else {
                    match tri!(crate::attr::call_special(vm, aw, q::__await__, &[])) {
                        Some(x) => x,
                        None => aw,
                    }
                };
                push!(aw);
            }
            #[cfg(feature = "async")]
            Op::EndAsyncFor => {
                let t = get_jump(bytecode, &mut pc);
                let exc = pop!();
                if is_subtype(type_of(exc), &STOP_ASYNC_ITERATION_TYPE) {
                    sp -= 1; // the async iterator
                    pc = t;
                } else {
                    tri!(Err(PyErr(exc)));
                }
            }
            // Emitted only by a compiler with the `async` feature: frozen code compiled on a host
            // that has it reaches here on a build without it.
            #[cfg(not(feature = "async"))]
            Op::GetAwaitable
            | Op::GetAIter
            | Op::GetANext
            | Op::EndAsyncFor
            | Op::BeforeAsyncWith => {
                tri!(Err(vm.new_error(
                    &SYSTEM_ERROR_TYPE_ALIAS,
                    "async/await not enabled in this build"
                )))
            }
            Op::PushExcInfo => {
                let exc = pop!();
                push!(if vm.handled_exc.is_null() {
                    Value::NONE
                } else {
                    vm.handled_exc
                });
                push!(exc);
                vm.handled_exc = exc;
            }
            Op::PopExcept => {
                let prev = pop!();
                vm.handled_exc = if prev.is_none() { Value::NULL } else { prev };
            }
            Op::CheckExcMatch => {
                let ty = pop!();
                let exc = top!();
                let m = tri!(exception_matches(vm, exc, ty));
                push!(Value::from_bool(m));
            }
            Op::Reraise => {
                let exc = pop!();
                f.instr = start;
                f.sp = sp;
                f.pc = pc;
                return Err(PyErr(exc));
            }
            Op::Raise => {
                let n = arg!();
                let err = match n {
                    0 => {
                        if vm.handled_exc.is_null() {
                            vm.new_error(&RUNTIME_ERROR_TYPE, "No active exception to reraise")
                        } else {
                            PyErr(vm.handled_exc)
                        }
                    }
                    1 => {
                        let e = pop!();
                        PyErr(tri!(make_exception(vm, e)))
                    }
                    _ => {
                        let cause = pop!();
                        let e = pop!();
                        let exc = tri!(make_exception(vm, e));
                        let c = if cause.is_none() {
                            Value::NONE
                        } else {
                            tri!(make_exception(vm, cause))
                        };
                        exc_ref(exc).cause.set(c);
                        exc_ref(exc).suppress_context.set(true);
                        PyErr(exc)
                    }
                };
                f.instr = start;
                f.sp = sp;
                f.pc = pc;
                return Err(err);
            }
            Op::BeforeWith => {
                let mgr = top!();
                let exit = crate::attr::lookup_special(vm, mgr, q::__exit__);
                let enter = crate::attr::lookup_special(vm, mgr, q::__enter__);
                let (Some(exit), Some(enter)) = (exit, enter) else {
                    let parts = [
                        "'",
                        vm.type_name(mgr),
                        "' object does not support the context manager protocol",
                    ];
                    tri!(Err(vm.error_from_parts(&TYPE_ERROR_TYPE, &parts)))
                };
                let exit_bound = tri!(func::new_bound_method(vm, exit, mgr));
                set_top!(exit_bound);
                let r = tri!(crate::attr::call_bound(vm, enter, mgr, &[]));
                push!(r);
            }
            Op::WithExitNormal => {
                let exit = pop!();
                tri!(crate::call::call(
                    vm,
                    exit,
                    &[Value::NONE, Value::NONE, Value::NONE],
                    &[]
                ));
            }
            Op::WithExitExc => {
                let exc = top!();
                let exit = peek!(1);
                let ty = type_of(exc).as_value();
                // `exc` is being handled while __exit__ runs: what __exit__ raises gets it as
                // __context__.
                let saved = core::mem::replace(&mut vm.handled_exc, exc);
                let r = crate::call::call(vm, exit, &[ty, exc, Value::NONE], &[]);
                vm.handled_exc = saved;
                // The raw result: `async with` awaits it before testing it.
                let r = tri!(r);
                push!(r);
            }
            #[cfg(feature = "async")]
            Op::BeforeAsyncWith => {
                let mgr = top!();
                let exit = crate::attr::lookup_special(vm, mgr, q::__aexit__);
                let enter = crate::attr::lookup_special(vm, mgr, q::__aenter__);
                let (Some(exit), Some(enter)) = (exit, enter) else {
                    tri!(Err(vm.type_error(
                        "object does not support the asynchronous context manager protocol"
                    )))
                };
                let exit_bound = tri!(func::new_bound_method(vm, exit, mgr));
                set_top!(exit_bound);
                let aw = tri!(crate::attr::call_bound(vm, enter, mgr, &[]));
                push!(aw);
            }
            Op::ImportName => {
                let name = code.name_at(arg!());
                let fromlist = pop!();
                let level = pop!();
                if name == q::builtins && level.as_small_int() == Some(0) {
                    tri!(crate::builtins::ensure_builtins_module(vm));
                }
                let m = tri!(crate::module::import(vm, name, fromlist, level, f.globals));
                push!(m);
            }
            Op::ImportFrom => {
                let name = code.name_at(arg!());
                let m = top!();
                let v = match tri!(crate::attr::getattr_opt(vm, m, name)) {
                    Some(v) => v,
                    None => {
                        // A submodule not yet imported.
                        match crate::module::import_submodule(vm, m, name) {
                            Ok(v) => v,
                            Err(_) => {
                                let parts = ["cannot import name ", vm.qstr_str(name)];
                                tri!(Err(vm.error_from_parts(&IMPORT_ERROR_TYPE, &parts)))
                            }
                        }
                    }
                };
                push!(v);
            }
            Op::ImportStar => {
                let m = pop!();
                let ns = if f.locals.is_null() {
                    f.globals
                } else {
                    f.locals
                };
                tri!(crate::module::import_star(vm, m, ns));
            }
            #[cfg(feature = "fstrings")]
            Op::FormatValue => {
                let flags = bytecode.get(pc).copied().unwrap_or(0);
                pc += 1;
                let spec = if flags & bc::FMT_HAS_SPEC != 0 {
                    pop!()
                } else {
                    Value::NULL
                };
                let v = top!();
                let s = tri!(crate::format::format_value(vm, v, flags & 3, spec));
                set_top!(s);
            }
            #[cfg(feature = "fstrings")]
            Op::BuildString => {
                let n = arg!();
                let mut out = alloc::string::String::new();
                for &s in stack_slice!(n) {
                    out.push_str(crate::obj::string::str_of(vm, s).unwrap_or(""));
                }
                let s = tri!(vm.new_string(out));
                sp -= n;
                push!(s);
            }
            // Only f-strings compile to these (frozen code built by a compiler that has them).
            #[cfg(not(feature = "fstrings"))]
            Op::FormatValue | Op::BuildString => {
                f.instr = start;
                f.sp = sp;
                return Err(vm.new_error(&SYSTEM_ERROR_TYPE_ALIAS, "bad opcode"));
            }
            Op::LoadAssertionError => push!(ASSERTION_ERROR_TYPE.as_value()),
            Op::PrintExpr => {
                let v = top!();
                if !v.is_none() {
                    let r = tri!(ops::repr(vm, v));
                    let s = crate::obj::string::str_of(vm, r).unwrap_or("");
                    vm.write_out(s.as_bytes());
                    vm.write_out(b"\n");
                    let b = vm.builtins;
                    tri!(map_set_qstr(vm, b, q::underscore, v));
                }
            }
            Op::LoadSuperArgs => {
                let i = arg!();
                let class = cell_ref(slot!(i)).value.get();
                if class.is_null() || code.n_pos == 0 && code.flags & bc::FLAG_VARARGS == 0 {
                    tri!(Err(
                        vm.new_error(&RUNTIME_ERROR_TYPE, "super(): no arguments")
                    ));
                }
                let mut first = slot!(0);
                if first.is_obj() && kind_of(first) == Kind::Cell {
                    first = cell_ref(first).value.get();
                }
                push!(class);
                push!(first);
            }
            Op::BuildListFromIter => {
                let o = top!();
                let l = tri!(ops::collect_iterable(vm, o));
                set_top!(l);
            }
        }
    }
}

/// Decode each instruction's varint operand before dispatch (see `execute`): on bare-metal
/// targets, where flash is scarce, and in this crate's unit tests, so that the host runs both
/// ways (the corpus runs the host's per-arm decoding).
const PREDECODE: bool = cfg!(any(target_os = "none", test));

/// A varint operand at `*pc`, advancing past it: the one-byte case inline, longer ones (and a
/// truncated code, read as 0 like [`get_uint`]) out of line.
#[inline(always)]
fn operand(code: &[u8], pc: &mut usize) -> usize {
    match code.get(*pc) {
        Some(&b) if b < 0x80 => {
            *pc += 1;
            b as usize
        }
        _ => long_operand(code, pc),
    }
}

#[inline(never)]
fn long_operand(code: &[u8], pc: &mut usize) -> usize {
    get_uint(code, pc) as usize
}

/// Bit `b` set when opcode `b`'s first operand is a varint (`u` in [`Op::operands`]).
const UINT_OPERAND: [u32; 8] = uint_operand_bits();

const fn uint_operand_bits() -> [u32; 8] {
    let mut bits = [0u32; 8];
    let mut b = 0;
    while b < 256 {
        if let Some(op) = Op::from_u8(b as u8) {
            let kinds = op.operands().as_bytes();
            if !kinds.is_empty() && kinds[0] == b'u' {
                bits[b / 32] |= 1 << (b % 32);
            }
        }
        b += 1;
    }
    bits
}

#[inline(always)]
fn has_uint_operand(opb: u8) -> bool {
    UINT_OPERAND[(opb >> 5) as usize] >> (opb & 31) & 1 != 0
}

fn cmp_from_u8(b: u8) -> bc::CmpOp {
    use bc::CmpOp::*;
    match b {
        0 => Lt,
        1 => Le,
        2 => Eq,
        3 => Ne,
        4 => Gt,
        5 => Ge,
        6 => In,
        7 => NotIn,
        8 => Is,
        _ => IsNot,
    }
}

/// `except T:` test: T is an exception class or a tuple of them.
pub fn exception_matches(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<bool> {
    if list::is_tuple(ty) {
        for &t in tuple_items(ty) {
            if exception_matches(vm, exc, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !crate::attr::is_exception_class(ty) {
        return Err(
            vm.type_error("catching classes that do not inherit from BaseException is not allowed")
        );
    }
    Ok(is_subtype(type_of(exc), type_ref(ty)))
}

/// Alias used for internal errors (bad bytecode): MicroPython raises RuntimeError-like errors.
use crate::obj::types::RUNTIME_ERROR_TYPE as SYSTEM_ERROR_TYPE_ALIAS;

#[cfg(test)]
mod tests {
    use crate::bytecode::Op;
    use crate::frozen::tests::run;

    /// Messages built from parts (`Vm::error_from_parts`), as MicroPython words them.
    #[test]
    fn error_messages_name_the_value() {
        let cases = [
            (
                "a, b = [1, 2, 3]",
                "ValueError: too many values to unpack (expected 2)",
            ),
            (
                "a, b, c = [1, 2]",
                "ValueError: need more than 2 values to unpack",
            ),
            (
                "a, *b, c = [1]",
                "ValueError: need more than 1 values to unpack",
            ),
            (
                "def f():\n    print(x)\n    x = 1\nf()",
                "UnboundLocalError: local variable 'x' referenced before assignment",
            ),
            (
                "def f():\n    def g():\n        return x\n    g()\n    x = 1\nf()",
                "NameError: free variable 'x' referenced before assignment in enclosing scope",
            ),
            (
                "print(undefined_name)",
                "NameError: name 'undefined_name' isn't defined",
            ),
            (
                "def f(**k): pass\nf(**{'a': 1}, a=2)",
                "TypeError: f() got multiple values for keyword argument 'a'",
            ),
            (
                "def f(**k): pass\nf(**{'a': 1}, **{'a': 2})",
                "TypeError: got multiple values for keyword argument 'a'",
            ),
            ("d = {**1}", "TypeError: 'int' object is not a mapping"),
            (
                "with 1: pass",
                "TypeError: 'int' object does not support the context manager protocol",
            ),
            (
                "from builtins import nothing_here",
                "ImportError: cannot import name nothing_here",
            ),
        ];
        for (src, want) in cases {
            assert_eq!(run(&[], src), want, "{src}");
        }
    }

    /// Keyword calls (`CallFunctionKw`, `CallMethodKw`) and `**` spreading.
    #[test]
    fn keyword_calls() {
        let src = "def f(a, b=0, **k): print(a, b, sorted(k))\n\
                   f(1, b=2, c=3)\nf(a=4)\nf(5, **{'b': 6, 'z': 7})\n\
                   class A:\n    def m(self, x, y=1): return x - y\n\
                   print(A().m(10, y=3), A().m(x=4))";
        assert_eq!(run(&[], src), "1 2 ['c']\n4 0 []\n5 6 ['z']\n7 3\n");
    }

    /// Every opcode whose first operand is a varint is flagged for `execute`'s decoding.
    #[test]
    fn uint_operand_table_matches_the_opcode_table() {
        for b in 0..=255u8 {
            let want = Op::from_u8(b).is_some_and(|op| op.operands().starts_with('u'));
            assert_eq!(super::has_uint_operand(b), want, "opcode {b}");
        }
    }
}
