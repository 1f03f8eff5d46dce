//! Embedding: compile-and-run entry points, traceback printing, and the board entry point
//! (`run`). The friendly/raw REPL state machine lives in `repl.rs`.

use crate::compile::{compile_boxed, CompileErrorKind, CompileMode};
use crate::obj::exc::{exc_ref, is_exception};
use crate::obj::list::{list_get, tuple_items};
use crate::obj::types::*;
use crate::obj::{is_subtype, type_of};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::string::String;

/// Compile `src` to a code object value, raising SyntaxError on bad input.
pub fn compile_to_code(
    vm: &mut Vm,
    src: &str,
    filename: &str,
    mode: CompileMode,
) -> PyResult<Value> {
    match compile_boxed(src, filename, mode) {
        Ok(raw) => crate::loader::load_code(vm, &raw),
        Err(e) => {
            let ty = match e.kind {
                CompileErrorKind::SyntaxError => &SYNTAX_ERROR_TYPE,
                CompileErrorKind::IndentationError => &INDENTATION_ERROR_TYPE,
            };
            let msg = vm.new_str(&e.msg)?;
            let exc = crate::obj::exc::new_exception_args(vm, ty, &[msg])?;
            let file = vm.intern(&e.filename)?;
            crate::obj::exc::add_traceback(vm, exc, file, e.line, crate::qstr::q::module_name);
            Err(PyErr(exc))
        }
    }
}

/// Compile and run source in the given namespaces (locals NULL: same as globals).
pub fn exec_source(
    vm: &mut Vm,
    src: &str,
    filename: &str,
    mode: CompileMode,
    globals: Value,
    locals: Value,
) -> PyResult<Value> {
    let code = compile_to_code(vm, src, filename, mode)?;
    crate::interp::exec_code(vm, code, globals, locals)
}

/// Print an exception with its traceback, MicroPython style, through `write`.
pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut out = String::new();
    if !is_exception(exc) {
        out.push_str("Exception: <non-exception raised>\n");
        return out;
    }
    let tb = exc_ref(exc).traceback.get();
    out.push_str("Traceback (most recent call last):\n");
    if !tb.is_null() {
        // Entries were appended innermost first while unwinding; print outermost first.
        let n = crate::obj::list::list_len(tb) / 3;
        for k in (0..n).rev() {
            let file = list_get(tb, 3 * k)
                .and_then(|v| v.as_qstr())
                .map(|q| vm.qstr_str(q))
                .unwrap_or("?");
            let line = list_get(tb, 3 * k + 1)
                .and_then(|v| v.as_small_int())
                .unwrap_or(0);
            let func = list_get(tb, 3 * k + 2)
                .and_then(|v| v.as_qstr())
                .map(|q| vm.qstr_str(q))
                .unwrap_or("?");
            out.push_str("  File \"");
            out.push_str(file);
            out.push_str("\", line ");
            crate::intword::push_decimal(line as i64, &mut out);
            out.push_str(", in ");
            out.push_str(func);
            out.push('\n');
        }
    }
    out.push_str(vm.type_name(exc));
    let mut msg = String::new();
    if ops::str_into(vm, exc, &mut msg).is_ok() && !msg.is_empty() {
        out.push_str(": ");
        out.push_str(&msg);
    }
    out.push('\n');
    out
}

/// If `exc` is SystemExit, its exit code (None -> 0, int -> int, else 1 after printing it).
pub fn system_exit_code(vm: &mut Vm, exc: Value) -> Option<i32> {
    if !is_subtype(type_of(exc), &SYSTEM_EXIT_TYPE) {
        return None;
    }
    let args = exc_ref(exc).args.get();
    let code = if args.is_null() {
        Value::NONE
    } else {
        tuple_items(args).first().copied().unwrap_or(Value::NONE)
    };
    if code.is_none() {
        return Some(0);
    }
    if let Some(i) = code.as_small_int() {
        return Some(i as i32);
    }
    let mut s = String::new();
    let _ = ops::str_into(vm, code, &mut s);
    s.push('\n');
    vm.write_out(s.as_bytes());
    Some(1)
}

/// What a board tells the interpreter: names for the banner, its native stack budget, and the
/// builtin modules it was built with.
pub struct BoardInfo {
    pub board_name: &'static str,
    pub mcu: &'static str,
    /// Bytes of native stack the interpreter may use (deeper recursion raises RuntimeError).
    pub stack_size: usize,
    pub modules: &'static [&'static crate::module::ModuleDef],
    /// Frozen modules (compiled into flash by xtask from the manifest's `frozen` list).
    pub frozen: &'static [crate::frozen::FrozenModule],
}

/// Print the banner MicroPython prints at start-up and on Ctrl-B (the console turns `\n` into
/// `\r\n`).
pub fn write_banner(vm: &mut Vm, board: &BoardInfo) {
    vm.write_out(
        concat!(
            "MicroPython-rs v",
            env!("CARGO_PKG_VERSION"),
            " on ",
            env!("MPY_BUILD_DATE"),
            "; "
        )
        .as_bytes(),
    );
    vm.write_out(board.board_name.as_bytes());
    vm.write_out(b" with ");
    vm.write_out(board.mcu.as_bytes());
    vm.write_out(b"\n");
    // MicroPython mentions help() only in builds that have it (MICROPY_PY_BUILTINS_HELP).
    #[cfg(feature = "repl-extras")]
    vm.write_out(b"Type \"help()\" for more information.\n");
}
