//! Compile and run arbitrary bytes as a Python program.
//!
//! Each input runs in a fresh interpreter over the same fixed 64 KB heap, with every builtin
//! module, a console that swallows output (keeping only a count, so output is bounded), no
//! filesystem, and an execution budget (`mpy_core::vm::EXEC_BUDGET`): after `BUDGET` backward
//! jumps / calls every further one raises KeyboardInterrupt, so `while True: pass` ends.
//! Inputs of odd length run through the frozen-module path instead (compiled, serialized,
//! loaded in place from the bytes), so the frozen code format is fuzzed with every program too.
//! Python exceptions are expected results; a crash is a panic, an abort or a sanitizer report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpy_core::compile::CompileMode;
use mpy_core::port::Port;
use mpy_core::value::Value;
use mpy_core::vm::{Config, PyResult, Vm, EXEC_BUDGET};
use std::sync::atomic::Ordering;

const HEAP_BYTES: usize = 64 * 1024;
const VALUE_STACK_WORDS: usize = 2048;
/// Interrupt checks and calls per input: enough for real loops, small enough for ~1 ms runs.
const BUDGET: usize = 20_000;
/// Inputs longer than this are cut: long programs only slow the search down.
const MAX_SOURCE: usize = 4096;

/// A console without input that counts output bytes instead of keeping them.
struct FuzzPort {
    written: usize,
}

impl Port for FuzzPort {
    fn write(&mut self, data: &[u8]) {
        self.written = self.written.saturating_add(data.len());
    }
    fn read_byte(&mut self) -> Option<u8> {
        None
    }
    fn ticks_ms(&self) -> u32 {
        0
    }
    fn ticks_us(&self) -> u32 {
        0
    }
    fn delay_us(&mut self, _us: u32) {}
    fn at_eof(&self) -> bool {
        true
    }
}

/// The heap and value stack, reused by every run (one run at a time: libFuzzer is
/// single-threaded in-process).
struct Memory {
    heap: [u8; HEAP_BYTES],
    vstack: [Value; VALUE_STACK_WORDS],
    /// The serialized code of a frozen-path run.
    blob: Vec<u8>,
}

fn memory() -> &'static mut Memory {
    static mut MEMORY: Option<Memory> = None;
    // SAFETY: only `run` calls this, once per input, and the previous run's Vm (the only other
    // user of these buffers) was dropped before the next call; libFuzzer runs inputs one at a
    // time on one thread.
    unsafe {
        let m = &mut *core::ptr::addr_of_mut!(MEMORY);
        let m = m.get_or_insert_with(|| Memory {
            heap: [0; HEAP_BYTES],
            vstack: [Value::NULL; VALUE_STACK_WORDS],
            blob: Vec::new(),
        });
        m.heap.fill(0);
        m.vstack.fill(Value::NULL);
        m
    }
}

/// Compile `src`, serialize it into `blob` and run it in place from there.
fn exec_frozen(vm: &mut Vm, blob: &mut Vec<u8>, src: &str, globals: Value) -> PyResult<Value> {
    let Ok(raw) = mpy_core::compile::compile(src, "<fuzz>", CompileMode::File) else {
        return Ok(Value::NONE);
    };
    *blob = mpy_core::frozen::serialize(&raw);
    // SAFETY: the bytes stay unchanged until the next run replaces them, and this run's Vm
    // (the only user of the code objects pointing into them) is dropped before that.
    let bytes: &'static [u8] = unsafe { std::slice::from_raw_parts(blob.as_ptr(), blob.len()) };
    let code = mpy_core::loader::load_frozen(vm, bytes)?;
    mpy_core::interp::exec_code(vm, code, globals, Value::NULL)
}

#[inline(never)]
fn run(src: &str, frozen: bool) {
    let stack_marker = 0usize;
    let mem = memory();
    let mut port = FuzzPort { written: 0 };
    let port_ptr: *mut dyn Port = &mut port;
    let config = Config {
        max_depth: 200,
        stack_limit: 512 * 1024,
    };
    EXEC_BUDGET.store(BUDGET, Ordering::Relaxed);
    // SAFETY: the buffers are exclusively this run's (see `memory`); the port and the stack
    // marker are locals of this frame, which outlives the Vm and is above every frame that
    // runs Python code; the Vm is boxed so it does not move after `init`.
    let mut vm = Box::new(unsafe {
        Vm::new(
            &mut mem.heap,
            &mut mem.vstack,
            port_ptr,
            &stack_marker as *const usize as usize,
            &config,
            mpy_modules::ALL,
        )
    });
    if vm.init().is_ok() {
        let globals = vm.main_globals;
        let result = if frozen {
            exec_frozen(&mut vm, &mut mem.blob, src, globals)
        } else {
            mpy_core::embed::exec_source(
                &mut vm,
                src,
                "<fuzz>",
                CompileMode::File,
                globals,
                Value::NULL,
            )
        };
        if let Err(e) = result {
            // Formatting the exception runs str() on it: part of what is exercised.
            let _ = mpy_core::embed::format_exception(&mut vm, e.0);
        }
    }
    drop(vm);
    std::hint::black_box((&stack_marker, port.written));
}

fuzz_target!(|data: &[u8]| {
    let data = &data[..data.len().min(MAX_SOURCE)];
    run(&String::from_utf8_lossy(data), data.len() % 2 == 1);
});
