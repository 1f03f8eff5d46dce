//! Interpreter state (`Vm`), allocation and error construction. The bytecode loop is in
//! `interp.rs`, calls in `call.rs`, operators in `ops.rs`, attributes in `attr.rs`.

use crate::gc::Heap;
use crate::obj::types;
use crate::obj::{ObjHeader, TypeObj};
use crate::port::Port;
use crate::qstr::{Qstr, QstrPool};
use crate::value::Value;
use alloc::string::String;
use core::sync::atomic::{AtomicBool, Ordering};

/// A raised exception: the exception instance. `Err(PyErr)` propagates it.
#[derive(Copy, Clone, Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T = Value> = Result<T, PyErr>;

/// Set by a board's UART interrupt or the host's SIGINT handler when Ctrl-C arrives; the VM
/// checks it at backward jumps and raises KeyboardInterrupt.
pub static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// True while user code runs: only then is Ctrl-C on the console an interrupt (at the prompt it
/// is an ordinary key the REPL reads), as MicroPython's `mp_interrupt_char`.
pub static CTRL_C_INTERRUPTS: AtomicBool = AtomicBool::new(false);

/// For console receivers (a UART interrupt, the host's stdin reader): true if `byte` is a
/// Ctrl-C that interrupts running code, which then sees KeyboardInterrupt; the byte is consumed.
pub fn console_byte_interrupts(byte: u8) -> bool {
    if byte == 3 && CTRL_C_INTERRUPTS.load(Ordering::Relaxed) {
        INTERRUPT.store(true, Ordering::Relaxed);
        return true;
    }
    false
}

/// Fuzzing builds only: how many more interrupt checks (backward jumps, sleeps) and Python calls
/// may pass before every further one raises KeyboardInterrupt, so that any program ends, even
/// one that catches the interrupt and loops again. The fuzz harness sets it before each run.
#[cfg(feature = "exec-budget")]
pub static EXEC_BUDGET: core::sync::atomic::AtomicUsize =
    core::sync::atomic::AtomicUsize::new(usize::MAX);

/// Spend one unit of [`EXEC_BUDGET`]; false once it is used up.
#[cfg(feature = "exec-budget")]
fn spend_budget() -> bool {
    EXEC_BUDGET
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
        .is_ok()
}

/// Start-up configuration.
pub struct Config {
    /// Maximum Python call depth (before native-stack checks).
    pub max_depth: usize,
    /// Native stack bytes the interpreter may use below `stack_top` before raising
    /// "maximum recursion depth exceeded".
    pub stack_limit: usize,
}

/// The interpreter. Fields before `heap` are GC roots (scanned conservatively on collection).
#[repr(C)]
pub struct Vm {
    /// `builtins` module dict.
    pub builtins: Value,
    /// `sys.modules`.
    pub modules: Value,
    /// `sys.path` and `sys.argv` lists.
    pub sys_path: Value,
    pub sys_argv: Value,
    /// The exception currently being handled (`except` block), or NULL.
    pub handled_exc: Value,
    /// Pre-allocated MemoryError raised when the heap is exhausted.
    pub memory_error: Value,
    /// Value stack: frames' slots and operand stacks (its own region, not in the GC heap;
    /// scanned as a root up to `vsp`).
    pub vstack: *mut Value,
    pub vstack_len: usize,
    pub vsp: usize,
    /// Globals of the innermost running frame (for `globals()`, `exec`, `eval`).
    pub cur_globals: Value,
    /// `__main__` module dict.
    pub main_globals: Value,
    /// Scratch roots: values Rust code wants kept alive without holding them on the stack.
    pub scratch: [Value; 4],
    pub qstrs: QstrPool,
    pub depth: usize,
    pub max_depth: usize,
    pub stack_top: usize,
    pub stack_limit: usize,
    pub port: *mut dyn Port,
    pub modules_table: &'static [&'static crate::module::ModuleDef],
    /// The board's frozen modules (empty unless the embedder sets it after `new`).
    pub frozen: &'static [crate::frozen::FrozenModule],
    /// Set by `sys.exit` handling in embedders; last SystemExit code.
    pub heap: Heap,
    /// Mounted filesystems and the current directory (after `heap`: not a GC root; it holds
    /// no `Value`s).
    #[cfg(feature = "vfs")]
    pub vfs: crate::vfs::Vfs,
}

impl Vm {
    /// Create an interpreter over `heap_mem`.
    ///
    /// # Safety
    /// `heap_mem` must be exclusively ours for the life of the Vm; `port` must outlive it;
    /// `stack_top` must be an address at or above every native frame that runs Python code
    /// (e.g. a local of the embedder's outermost function). The Vm must not be moved after
    /// `init` (GC roots are read through its address; box or pin it).
    pub unsafe fn new(
        heap_mem: &'static mut [u8],
        value_stack: &'static mut [Value],
        port: *mut dyn Port,
        stack_top: usize,
        config: &Config,
        modules_table: &'static [&'static crate::module::ModuleDef],
    ) -> Vm {
        let heap = Heap::new(heap_mem.as_mut_ptr(), heap_mem.len(), stack_top);
        Vm {
            builtins: Value::NULL,
            modules: Value::NULL,
            sys_path: Value::NULL,
            sys_argv: Value::NULL,
            handled_exc: Value::NULL,
            memory_error: Value::NULL,
            vstack: value_stack.as_mut_ptr(),
            vstack_len: value_stack.len(),
            vsp: 0,
            cur_globals: Value::NULL,
            main_globals: Value::NULL,
            scratch: [Value::NULL; 4],
            qstrs: QstrPool::new(),
            depth: 0,
            max_depth: config.max_depth,
            stack_top,
            stack_limit: config.stack_limit,
            port,
            modules_table,
            frozen: &[],
            heap,
            #[cfg(feature = "vfs")]
            vfs: crate::vfs::Vfs::new(),
        }
    }

    /// Allocate the Vm's own structures (value stack, builtins, sys lists). Call once, after the
    /// Vm is at its final address.
    pub fn init(&mut self) -> PyResult<()> {
        self.memory_error = crate::obj::exc::new_exception_noargs(self, &types::MEMORY_ERROR_TYPE)?;
        self.modules = crate::obj::map::new_dict(self)?;
        self.sys_path = crate::obj::list::new_list(self, &[])?;
        self.sys_argv = crate::obj::list::new_list(self, &[])?;
        self.builtins = crate::builtins::make_builtins_dict(self)?;
        let main = crate::obj::misc::new_module(self, crate::qstr::q::__main__)?;
        self.main_globals = crate::obj::misc::module_ref(main).dict;
        let key = Value::from_qstr(crate::qstr::q::__main__);
        crate::obj::map::map_set(self, self.modules, key, main)?;
        // The board's filesystem, if it has one, at `/` (again after each soft reset: a fresh
        // Vm, as MicroPython remounts in `_boot.py`). A failed mount leaves the VFS empty.
        #[cfg(feature = "vfs")]
        if let Some(fs) = self.port().root_filesystem() {
            let _ = self.vfs.mount_root(fs);
        }
        Ok(())
    }

    /// Root ranges for a collection: every field before `heap` (including the qstr pool's
    /// block pointers), and the live part of the value stack.
    fn roots(&self) -> [(*const usize, usize); 2] {
        let start = self as *const Vm as *const usize;
        let words = core::mem::offset_of!(Vm, heap) / core::mem::size_of::<usize>();
        [(start, words), (self.vstack as *const usize, self.vsp)]
    }

    /// Allocate `bytes` zeroed bytes in the GC heap, collecting if needed.
    pub fn alloc_raw(&mut self, bytes: usize) -> PyResult<*mut u8> {
        let roots = self.roots();
        match self.heap.alloc(bytes, &roots) {
            Some(p) => Ok(p.as_ptr()),
            None => Err(self.memory_error_err()),
        }
    }

    /// Allocate an object of type `T` (a `#[repr(C)]` layout whose first field is ObjHeader)
    /// plus `extra` trailing bytes, initialised from `init`.
    pub fn alloc_obj<T>(&mut self, init: T, extra: usize) -> PyResult<Value> {
        debug_assert!(core::mem::align_of::<T>() <= crate::gc::BLOCK);
        let p = self.alloc_raw(core::mem::size_of::<T>() + extra)? as *mut T;
        // SAFETY: p is a fresh, zeroed, block-aligned allocation big enough for T + extra.
        unsafe {
            p.write(init);
            Ok(Value::from_ptr(p))
        }
    }

    pub fn free(&mut self, p: *const u8) {
        self.heap.free(p)
    }

    pub fn collect(&mut self) {
        let roots = self.roots();
        self.heap.collect(&roots);
    }

    /// `unit * count` bytes, or MemoryError if that can never fit in the heap. Checked before
    /// building a result whose size the program chooses (`'ab' * n`, `s.ljust(n)`,
    /// `bytearray(n)`): such a buffer is built outside the GC heap first, and a failed Rust
    /// allocation aborts instead of raising.
    pub fn check_alloc_size(&self, unit: usize, count: usize) -> PyResult<usize> {
        match unit.checked_mul(count) {
            Some(total) if total <= self.heap.total_bytes() => Ok(total),
            _ => Err(self.memory_error_now()),
        }
    }

    /// The MemoryError to raise now (a request that can never fit).
    pub fn memory_error_now(&self) -> PyErr {
        self.memory_error_err()
    }

    /// Globals of the running frame, or `__main__`'s.
    pub fn current_globals(&self) -> Value {
        if self.cur_globals.is_null() {
            self.main_globals
        } else {
            self.cur_globals
        }
    }

    /// True when the console input has ended (host stdin closed).
    pub fn port_eof(&mut self) -> bool {
        self.port().at_eof()
    }

    fn memory_error_err(&self) -> PyErr {
        if self.memory_error.is_null() {
            // Only before init: there is no exception object yet; the embedder reports it.
            PyErr(Value::NONE)
        } else {
            PyErr(self.memory_error)
        }
    }

    /// Intern a name.
    pub fn intern(&mut self, s: &str) -> PyResult<Qstr> {
        let roots = self.roots();
        match self.qstrs.intern(&mut self.heap, s, &roots) {
            Some(q) => Ok(q),
            None => Err(self.memory_error_err()),
        }
    }

    /// Intern text that lives for the program (frozen code): no copy of the text is made.
    pub fn intern_static(&mut self, s: &'static str) -> PyResult<Qstr> {
        let roots = self.roots();
        match self.qstrs.intern_static(&mut self.heap, s, &roots) {
            Some(q) => Ok(q),
            None => Err(self.memory_error_err()),
        }
    }

    /// The text of a qstr. The returned `&str` points into flash or the qstr pool, which lives
    /// as long as the Vm.
    pub fn qstr_str(&self, q: Qstr) -> &'static str {
        let s = self.qstrs.get(q);
        // SAFETY: qstr text is never freed or moved while the Vm lives (static table or pool
        // data blocks, which are only referenced, never reallocated).
        unsafe { &*(s as *const str) }
    }

    // ---- console ----

    pub fn write_out(&mut self, s: &[u8]) {
        // SAFETY: the port outlives the Vm (contract of `new`).
        unsafe { (*self.port).write(s) }
    }

    pub fn port(&mut self) -> &mut dyn Port {
        // SAFETY: see write_out.
        unsafe { &mut *self.port }
    }

    /// Check for a pending Ctrl-C.
    #[inline(always)]
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        #[cfg(feature = "exec-budget")]
        if !spend_budget() {
            return Err(self.new_error(&types::KEYBOARD_INTERRUPT_TYPE, ""));
        }
        if INTERRUPT.load(Ordering::Relaxed) {
            INTERRUPT.store(false, Ordering::Relaxed);
            return Err(self.new_error(&types::KEYBOARD_INTERRUPT_TYPE, ""));
        }
        Ok(())
    }

    /// Native-stack and depth check before running a Python frame.
    #[inline(always)]
    pub fn enter_call(&mut self) -> PyResult<()> {
        #[cfg(feature = "exec-budget")]
        self.check_interrupt()?;
        let here = &self as *const _ as usize;
        if self.depth >= self.max_depth || self.stack_top.wrapping_sub(here) > self.stack_limit {
            return Err(self.new_error(
                &types::RUNTIME_ERROR_TYPE,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        Ok(())
    }

    #[inline(always)]
    pub fn leave_call(&mut self) {
        self.depth -= 1;
    }

    // ---- errors ----

    /// A new exception of type `ty` with message `msg` (no args if empty), as an `Err` value.
    pub fn new_error(&mut self, ty: &'static TypeObj, msg: &str) -> PyErr {
        match crate::obj::exc::new_exception_msg(self, ty, msg) {
            Ok(e) => PyErr(e),
            Err(e) => e,
        }
    }

    pub fn type_error(&mut self, msg: &str) -> PyErr {
        self.new_error(&types::TYPE_ERROR_TYPE, msg)
    }
    pub fn value_error(&mut self, msg: &str) -> PyErr {
        self.new_error(&types::VALUE_ERROR_TYPE, msg)
    }
    pub fn index_error(&mut self, msg: &str) -> PyErr {
        self.new_error(&types::INDEX_ERROR_TYPE, msg)
    }
    pub fn overflow_error(&mut self, msg: &str) -> PyErr {
        self.new_error(&types::OVERFLOW_ERROR_TYPE, msg)
    }
    pub fn zero_division(&mut self, msg: &str) -> PyErr {
        self.new_error(&types::ZERO_DIVISION_ERROR_TYPE, msg)
    }
    pub fn attribute_error(&mut self, msg: &str) -> PyErr {
        self.new_error(&types::ATTRIBUTE_ERROR_TYPE, msg)
    }
    /// A new exception whose message is `parts` joined: for messages that name a value (a
    /// variable, a type, a count). Shared and out of line, and without core::fmt, which costs a
    /// `format!` call site and its string drop at every error site.
    #[cold]
    #[inline(never)]
    pub fn error_from_parts(&mut self, ty: &'static TypeObj, parts: &[&str]) -> PyErr {
        self.new_error(ty, &crate::numfmt::concat(parts))
    }
    pub fn name_error(&mut self, name: Qstr) -> PyErr {
        let name = self.qstr_str(name);
        self.error_from_parts(
            &types::NAME_ERROR_TYPE,
            &["name '", name, "' isn't defined"],
        )
    }
    pub fn key_error(&mut self, key: Value) -> PyErr {
        match crate::obj::exc::new_exception_args(self, &types::KEY_ERROR_TYPE, &[key]) {
            Ok(e) => PyErr(e),
            Err(e) => e,
        }
    }
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let r = if value.is_none() {
            crate::obj::exc::new_exception_noargs(self, &types::STOP_ITERATION_TYPE)
        } else {
            crate::obj::exc::new_exception_args(self, &types::STOP_ITERATION_TYPE, &[value])
        };
        match r {
            Ok(e) => PyErr(e),
            Err(e) => e,
        }
    }

    /// TypeError "can't convert X to Y" style helper naming the value's type.
    pub fn type_name(&self, v: Value) -> &'static str {
        self.qstr_str(crate::obj::type_of(v).name)
    }

    /// Wrap a Rust string as a Python str.
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        crate::obj::string::new_str(self, s)
    }

    pub fn new_string(&mut self, s: String) -> PyResult<Value> {
        crate::obj::string::new_str(self, &s)
    }
}

/// The header of a new object of type `ty`.
pub fn header(ty: &'static TypeObj) -> ObjHeader {
    ObjHeader { ty }
}

/// Header for an object whose type may be a heap class.
pub fn header_dyn(ty: *const TypeObj) -> ObjHeader {
    ObjHeader { ty }
}
