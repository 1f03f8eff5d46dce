//! The board console: MicroPython's friendly REPL and raw REPL over a `Port`, and the board
//! entry point `run`.
//!
//! Friendly REPL: `>>> ` / `... ` prompts, backspace, Ctrl-C (cancel the line), Ctrl-D (soft
//! reset on an empty line), Ctrl-B (banner), Ctrl-A (raw REPL).
//! Raw REPL (what mpremote, Thonny, rshell and ampy speak): on entry prints
//! `raw REPL; CTRL-B to exit\r\n>`; source bytes until Ctrl-D, then `OK`, the program's output,
//! `\x04`, the exception text if any, `\x04`, and `>` again. Ctrl-D on an empty buffer soft-resets,
//! Ctrl-B returns to the friendly REPL. Raw-paste mode (`\x05A\x01`, what mpremote uses first) is
//! accepted with `R\x01` and a window-size increment; the source then arrives with flow control
//! (`\x01` after each window consumed) up to `\x04`, which is echoed before the program runs with
//! the raw REPL's output framing.
//! Line editing (`readline.rs`) and paste mode (Ctrl-E) are in the friendly REPL below; with
//! cargo feature `repl-extras` also tab completion (`completion.rs`) and auto-indent
//! (MicroPython's MICROPY_HELPER_REPL and MICROPY_REPL_AUTO_INDENT, which its minimal ports
//! leave out: there Tab does nothing and a `... ` line starts empty).

use crate::compile::CompileMode;
#[cfg(feature = "repl-extras")]
use crate::completion::{complete, format_candidates, Completion};
use crate::embed::{format_exception, write_banner, BoardInfo};
use crate::port::Port;
use crate::readline::{is_blank, Event, LineEditor};
use crate::value::Value;
use crate::vm::{Config, Vm};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

const CTRL_A: u8 = 1;
const CTRL_B: u8 = 2;
const CTRL_C: u8 = 3;
const CTRL_D: u8 = 4;
const CTRL_E: u8 = 5;

/// A port wrapper that turns `\n` into `\r\n`, as a serial terminal expects (MicroPython's
/// "cooked" stdout).
struct Cooked<'a> {
    inner: &'a mut dyn Port,
}

impl Port for Cooked<'_> {
    fn write(&mut self, data: &[u8]) {
        let mut start = 0;
        for (i, &b) in data.iter().enumerate() {
            if b == b'\n' {
                self.inner.write(&data[start..i]);
                self.inner.write(b"\r\n");
                start = i + 1;
            }
        }
        self.inner.write(&data[start..]);
    }
    fn read_byte(&mut self) -> Option<u8> {
        self.inner.read_byte()
    }
    fn ticks_ms(&self) -> u32 {
        self.inner.ticks_ms()
    }
    fn ticks_us(&self) -> u32 {
        self.inner.ticks_us()
    }
    fn delay_us(&mut self, us: u32) {
        self.inner.delay_us(us)
    }
    fn unix_time(&self) -> Option<u64> {
        self.inner.unix_time()
    }
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        self.inner.read_file(path)
    }
    #[cfg(feature = "vfs")]
    fn root_filesystem(&mut self) -> Option<Box<dyn crate::vfs::Filesystem>> {
        self.inner.root_filesystem()
    }
    #[cfg(feature = "vfs")]
    fn posix_filesystem(&mut self, root: &str) -> Option<Box<dyn crate::vfs::Filesystem>> {
        self.inner.posix_filesystem(root)
    }
}

/// The next console byte, waiting for it; None once the input has ended for good (host only).
fn read_byte_blocking(vm: &mut Vm) -> Option<u8> {
    loop {
        if let Some(b) = vm.port().read_byte() {
            return Some(b);
        }
        if vm.port().at_eof() {
            return None;
        }
        vm.port().delay_us(200);
    }
}

/// Run `src` as typed at the friendly REPL (one statement, expression values printed).
fn run_friendly(vm: &mut Vm, src: &str) -> Option<ReplExit> {
    run_program(vm, src.as_bytes(), CompileMode::Single)
}

/// Run `src`, printing any uncaught exception; `SystemExit` ends the REPL (a soft reset on a
/// board, the process exit on the host).
fn run_program(vm: &mut Vm, src: &[u8], mode: CompileMode) -> Option<ReplExit> {
    let exit = run_reporting(vm, src, "<stdin>", mode, b"")?;
    crate::embed::system_exit_code(vm, exit).map(ReplExit::SystemExit)
}

/// Run `src` in `__main__` (Ctrl-C interrupts it), write `after_run`, then the traceback of an
/// uncaught exception other than `SystemExit`. Returns the `SystemExit` if one ended the code.
/// `src` is the bytes as received (invalid UTF-8 becomes U+FFFD, here for every caller).
fn run_reporting(
    vm: &mut Vm,
    src: &[u8],
    filename: &str,
    mode: CompileMode,
    after_run: &[u8],
) -> Option<Value> {
    let src = crate::utf8_lossy::decode(src);
    let result = exec_interruptible(vm, &src, filename, mode);
    vm.write_out(after_run);
    let Err(e) = result else { return None };
    if crate::obj::is_subtype(
        crate::obj::type_of(e.0),
        &crate::obj::types::SYSTEM_EXIT_TYPE,
    ) {
        return Some(e.0);
    }
    let text = format_exception(vm, e.0);
    vm.write_out(text.as_bytes());
    None
}

/// Run `src` in `__main__` with Ctrl-C on the console raising KeyboardInterrupt.
fn exec_interruptible(
    vm: &mut Vm,
    src: &str,
    filename: &str,
    mode: CompileMode,
) -> crate::vm::PyResult<Value> {
    use core::sync::atomic::Ordering;
    let globals = vm.main_globals;
    crate::vm::CTRL_C_INTERRUPTS.store(true, Ordering::Relaxed);
    let result = crate::embed::exec_source(vm, src, filename, mode, globals, Value::NULL);
    crate::vm::CTRL_C_INTERRUPTS.store(false, Ordering::Relaxed);
    // A Ctrl-C that arrived as the code finished has nothing left to interrupt.
    crate::vm::INTERRUPT.store(false, Ordering::Relaxed);
    result
}

/// Why a REPL loop ended.
#[derive(Debug, PartialEq, Eq)]
enum ReplExit {
    /// Ctrl-D: a fresh interpreter, in raw mode again if `raw`.
    SoftReset {
        raw: bool,
    },
    InputEnded,
    /// `SystemExit` raised by code typed at the REPL, with its exit status.
    SystemExit(i32),
}

fn raw_repl(vm: &mut Vm) -> Option<ReplExit> {
    vm.write_out(b"raw REPL; CTRL-B to exit\n>");
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let Some(b) = read_byte_blocking(vm) else {
            return Some(ReplExit::InputEnded);
        };
        match b {
            CTRL_A => {
                // Already in raw mode: restart the prompt (tools send Ctrl-A to resync).
                buf.clear();
                vm.write_out(b"\n>");
            }
            CTRL_B => {
                vm.write_out(b"\n");
                return None;
            }
            CTRL_C => buf.clear(),
            CTRL_E if buf.is_empty() => {
                // Raw-paste request `\x05A\x01`.
                let (Some(a), Some(one)) = (read_byte_blocking(vm), read_byte_blocking(vm)) else {
                    return Some(ReplExit::InputEnded);
                };
                if a == b'A' && one == CTRL_A {
                    let Some(src) = receive_raw_paste(vm) else {
                        return Some(ReplExit::InputEnded);
                    };
                    run_raw(vm, &src);
                } else {
                    buf.extend_from_slice(&[CTRL_E, a, one]);
                }
            }
            CTRL_D => {
                if buf.is_empty() {
                    return Some(ReplExit::SoftReset { raw: true });
                }
                vm.write_out(b"OK");
                run_raw(vm, &buf);
                buf.clear();
            }
            _ => buf.push(b),
        }
    }
}

/// Run a raw-REPL program: its output, `\x04`, the exception text if any, `\x04`, then the
/// next `>` prompt.
fn run_raw(vm: &mut Vm, src: &[u8]) {
    if let Some(exit) = run_reporting(vm, src, "<stdin>", CompileMode::File, b"\x04") {
        // Prints a non-integer exit code, as the friendly REPL does.
        crate::embed::system_exit_code(vm, exit);
    }
    vm.write_out(b"\x04>");
}

/// Bytes the host may send before waiting for the next `\x01` in raw-paste mode; below every
/// board's console receive queue, so flow control keeps it from overflowing.
const RAW_PASTE_WINDOW: u16 = 128;

/// Raw-paste mode, after its `\x05A\x01` request: acknowledge, then take source with flow
/// control until `\x04`, which is echoed. None if input ended.
fn receive_raw_paste(vm: &mut Vm) -> Option<Vec<u8>> {
    let window = RAW_PASTE_WINDOW.to_le_bytes();
    vm.write_out(&[b'R', 1, window[0], window[1]]);
    let mut src: Vec<u8> = Vec::new();
    let mut left_in_window = RAW_PASTE_WINDOW;
    loop {
        let b = read_byte_blocking(vm)?;
        if b == CTRL_D {
            vm.write_out(b"\x04");
            return Some(src);
        }
        src.push(b);
        left_in_window -= 1;
        if left_in_window == 0 {
            // This window is consumed: the host may send another.
            vm.write_out(b"\x01");
            left_in_window = RAW_PASTE_WINDOW;
        }
    }
}

/// The friendly REPL; `start_raw` enters the raw REPL at once (after a soft reset from raw
/// mode, as MicroPython does: tools expect to stay in raw mode).
fn friendly_repl(vm: &mut Vm, board: &BoardInfo, start_raw: bool, ed: &mut LineEditor) -> ReplExit {
    // Source of the statement being entered: several lines for a compound statement.
    let mut src = String::new();
    if start_raw {
        if let Some(exit) = raw_repl(vm) {
            return exit;
        }
    }
    loop {
        src.clear();
        prompt(vm, ed, b">>> ", "");
        if let Some(exit) = read_statement(vm, board, ed, &mut src) {
            return exit;
        }
    }
}

/// Keys for one statement after its `>>> ` prompt, until it has run or a control key leaves
/// it (the caller then prompts again); `Some` ends the REPL.
fn read_statement(
    vm: &mut Vm,
    board: &BoardInfo,
    ed: &mut LineEditor,
    src: &mut String,
) -> Option<ReplExit> {
    loop {
        let Some(b) = read_byte_blocking(vm) else {
            return Some(ReplExit::InputEnded);
        };
        let Some(event) = ed.feed(vm.port(), b) else {
            continue;
        };
        let at_start = ed.is_empty() && src.is_empty();
        match event {
            Event::Control(c) if !ed.is_empty() && ed.emacs_key(vm.port(), c) => {}
            Event::Control(CTRL_A) if at_start => {
                let exit = raw_repl(vm);
                if exit.is_none() {
                    write_banner(vm, board);
                }
                return exit;
            }
            Event::Control(CTRL_B) if at_start => {
                vm.write_out(b"\n");
                write_banner(vm, board);
                return None;
            }
            Event::Control(CTRL_C) => {
                // As MicroPython: the line is dropped, no KeyboardInterrupt is shown.
                ed.clear();
                vm.write_out(b"\n");
                return None;
            }
            Event::Control(CTRL_D) if at_start => {
                vm.write_out(b"\n");
                return Some(ReplExit::SoftReset { raw: false });
            }
            Event::Control(CTRL_E) if at_start => return paste_mode(vm),
            Event::Control(_) => {}
            #[cfg(feature = "repl-extras")]
            Event::Tab => tab_complete(vm, ed, if src.is_empty() { b">>> " } else { b"... " }),
            Event::Enter => {
                let line = ed.take_line();
                let blank = is_blank(&line);
                if !src.is_empty() {
                    src.push('\n');
                }
                src.push_str(&line);
                if !src.is_empty()
                    && crate::lexer::needs_more_input(src)
                    && !(blank && src.as_bytes().contains(&b'\n'))
                {
                    let indent = if cfg!(feature = "repl-extras") && ed.echo {
                        auto_indent(&line)
                    } else {
                        String::new()
                    };
                    prompt(vm, ed, b"... ", &indent);
                    continue;
                }
                if is_blank(src) {
                    return None;
                }
                return run_friendly(vm, src);
            }
        }
    }
}

/// Print `text` and start a new line in the editor pre-filled with `indent`.
fn prompt(vm: &mut Vm, ed: &mut LineEditor, text: &[u8], indent: &str) {
    vm.write_out(text);
    ed.start(vm.port(), indent);
}

/// The indentation for the line after `line`: the same, one level deeper after a `:`, as
/// MicroPython's auto-indent does (`repl-extras`).
fn auto_indent(line: &str) -> String {
    let mut indent: String = line.chars().take_while(|&c| c == ' ').collect();
    if line.trim_end().ends_with(':') {
        indent.push_str("    ");
    }
    indent
}

#[cfg(feature = "repl-extras")]
fn tab_complete(vm: &mut Vm, ed: &mut LineEditor, prompt_text: &[u8]) {
    let before = crate::utf8_lossy::decode(ed.before_cursor());
    match complete(vm, &before) {
        Completion::None => {}
        Completion::Insert(text) => ed.insert(vm.port(), text.as_bytes()),
        Completion::Show(names) => {
            vm.write_out(format_candidates(&names).as_bytes());
            ed.redraw(vm.port(), prompt_text);
        }
    }
}

/// Paste mode (Ctrl-E): lines are taken as typed, without auto-indent, until Ctrl-D runs them
/// as one program or Ctrl-C cancels.
fn paste_mode(vm: &mut Vm) -> Option<ReplExit> {
    vm.write_out(b"\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== ");
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let Some(b) = read_byte_blocking(vm) else {
            return Some(ReplExit::InputEnded);
        };
        match b {
            CTRL_C => {
                vm.write_out(b"\n");
                return None;
            }
            CTRL_D => {
                vm.write_out(b"\n");
                return run_program(vm, &buf, CompileMode::File);
            }
            b'\r' | b'\n' => {
                buf.push(b'\n');
                vm.write_out(b"\n=== ");
            }
            _ => {
                buf.push(b);
                vm.write_out(&[b]);
            }
        }
    }
}

/// Run the script at `path` in `__main__` if the filesystem has it; an uncaught exception
/// (KeyboardInterrupt included: Ctrl-C stops the script) prints its traceback, SystemExit
/// just ends the script. Either way the caller goes on (to the REPL). Builds without `vfs`
/// have no filesystem to run scripts from.
#[cfg(feature = "vfs")]
fn run_script_if_present(vm: &mut Vm, path: &str) {
    let Some(src) = crate::module::read_source(vm, path) else {
        return;
    };
    // Ctrl-C on the console stops a script (e.g. a main.py loop) and gives the REPL.
    run_reporting(vm, &src, path, CompileMode::File, b"");
}

/// One interpreter lifetime after start-up or a soft reset: `sys.path` as on MicroPython
/// boards, `boot.py`, then `main.py` and the banner (not when the reset came from the raw REPL,
/// where a tool is in control, as MicroPython does), then the REPL.
fn boot_then_repl(vm: &mut Vm, board: &BoardInfo, raw: bool, ed: &mut LineEditor) -> ReplExit {
    for dir in ["", "/", "/lib"] {
        let ok = vm
            .new_str(dir)
            .and_then(|d| crate::obj::list::list_append(vm, vm.sys_path, d));
        if ok.is_err() {
            break;
        }
    }
    #[cfg(feature = "vfs")]
    run_script_if_present(vm, "boot.py");
    if !raw {
        #[cfg(feature = "vfs")]
        run_script_if_present(vm, "main.py");
        // After the scripts, as MicroPython prints it when the friendly REPL starts.
        write_banner(vm, board);
    }
    friendly_repl(vm, board, raw, ed)
}

/// The board entry point: a REPL on the console forever; Ctrl-D gives a fresh interpreter.
pub fn run(port: &mut dyn Port, heap: &'static mut [u8], board: &BoardInfo) -> ! {
    let stack_marker = 0usize;
    let stack_top = &stack_marker as *const usize as usize;
    let mut cooked = Cooked { inner: port };
    // SAFETY: this function never returns, so `cooked` (and the port it borrows) outlive every
    // use of the pointer the Vm keeps.
    let port_ptr: *mut dyn Port = unsafe {
        core::mem::transmute::<&mut dyn Port, &'static mut dyn Port>(&mut cooked as &mut dyn Port)
    };
    // The value stack takes 1/16 of the region (at least 256 words); the GC heap the rest.
    let words = (heap.len() / 16 / core::mem::size_of::<Value>()).max(256);
    let heap_ptr = heap.as_mut_ptr();
    let heap_len = heap.len();
    let vstack_bytes = words * core::mem::size_of::<Value>();
    let mut raw = false;
    // Kept across soft resets, so history survives Ctrl-D.
    let mut editor = LineEditor::new();
    loop {
        // SAFETY: the two sub-slices are disjoint parts of `heap`, which is 'static and ours;
        // the previous Vm (if any) was dropped before they are reused.
        let (vstack, gc_mem) = unsafe {
            let v = core::slice::from_raw_parts_mut(heap_ptr as *mut Value, words);
            for w in v.iter_mut() {
                *w = Value::NULL;
            }
            let g = core::slice::from_raw_parts_mut(
                heap_ptr.add(vstack_bytes),
                heap_len - vstack_bytes,
            );
            (v, g)
        };
        let config = Config {
            max_depth: 64,
            stack_limit: board.stack_size.saturating_sub(1024).max(1024),
        };
        // SAFETY: heap and value stack are exclusively ours; the port outlives the Vm (see
        // above); stack_top is a local of this never-returning frame; the Vm is boxed.
        let mut vm = Box::new(unsafe {
            Vm::new(gc_mem, vstack, port_ptr, stack_top, &config, board.modules)
        });
        vm.frozen = board.frozen;
        if vm.init().is_err() || crate::module::add_frozen_path(&mut vm).is_err() {
            vm.write_out(b"MemoryError: heap too small to start the interpreter\n");
            loop {
                vm.port().delay_us(1_000_000);
            }
        }
        let exit = boot_then_repl(&mut vm, board, raw, &mut editor);
        if matches!(exit, ReplExit::InputEnded) {
            // A board console never ends; if a port says so, wait rather than spin.
            loop {
                vm.port().delay_us(1_000_000);
            }
        }
        // A soft reset from the raw REPL stays in raw mode; `sys.exit()` at the REPL
        // soft-resets a board too (as in MicroPython), to the friendly REPL.
        raw = matches!(exit, ReplExit::SoftReset { raw: true });
        vm.write_out(b"MPY: soft reboot\n");
        drop(vm);
        core::hint::black_box(&stack_marker);
    }
}

/// The host port's interactive session on its own `Vm`: the same friendly and raw REPL as the
/// boards. `echo` is off when input is not a terminal (no echo, no auto-indent). Returns the
/// process exit status: 0 for Ctrl-D or end of input, `SystemExit`'s code otherwise.
pub fn run_host(vm: &mut Vm, board: &BoardInfo, echo: bool) -> i32 {
    write_banner(vm, board);
    let mut editor = LineEditor::new();
    editor.echo = echo;
    let mut raw = false;
    loop {
        match friendly_repl(vm, board, raw, &mut editor) {
            // Soft reset from raw mode (mpremote does one before its first command): the host
            // keeps its process, so `__main__` starts empty again; tools expect raw mode.
            ReplExit::SoftReset { raw: true } => {
                raw = true;
                let globals = vm.main_globals;
                crate::obj::map::map_clear(globals);
                let name = Value::from_qstr(crate::qstr::q::__main__);
                if crate::obj::map::map_set_qstr(vm, globals, crate::qstr::q::__name__, name)
                    .is_err()
                {
                    return 1;
                }
                vm.write_out(b"MPY: soft reboot\n");
            }
            ReplExit::SoftReset { raw: false } => return 0,
            ReplExit::InputEnded => {
                vm.write_out(b"\n");
                return 0;
            }
            ReplExit::SystemExit(code) => return code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::boxed::Box;
    use std::vec;

    /// A console fed from a byte string, capturing what the REPL writes.
    struct ScriptedPort {
        input: Vec<u8>,
        pos: usize,
        output: Vec<u8>,
        /// Files of the root filesystem (none: no filesystem).
        #[cfg_attr(not(feature = "vfs"), allow(dead_code))]
        files: &'static [(&'static str, &'static str)],
    }

    impl Port for ScriptedPort {
        fn write(&mut self, data: &[u8]) {
            self.output.extend_from_slice(data);
        }
        fn read_byte(&mut self) -> Option<u8> {
            let b = self.input.get(self.pos).copied();
            self.pos += 1;
            b
        }
        fn at_eof(&self) -> bool {
            self.pos >= self.input.len()
        }
        fn ticks_ms(&self) -> u32 {
            0
        }
        fn ticks_us(&self) -> u32 {
            0
        }
        fn delay_us(&mut self, _us: u32) {}
        #[cfg(feature = "vfs")]
        fn root_filesystem(&mut self) -> Option<Box<dyn crate::vfs::Filesystem>> {
            if self.files.is_empty() {
                return None;
            }
            Some(Box::new(crate::vfs::memfs::MemFs::with_files(self.files)))
        }
    }

    const BOARD: BoardInfo = BoardInfo {
        board_name: "test",
        mcu: "host",
        stack_size: 1 << 20,
        modules: &[],
        frozen: &[],
    };

    /// Runs the friendly REPL over `input` and returns the console output and how it ended.
    fn session(input: &[u8]) -> (String, ReplExit) {
        session_with_files(input, &[], None)
    }

    /// `session`, with the console output as raw bytes.
    fn session_bytes(input: &[u8]) -> (Vec<u8>, ReplExit) {
        session_bytes_with_files(input, &[], None)
    }

    /// A session on a board whose root filesystem holds `files`; `boot: Some(raw)` runs the
    /// start-up sequence (boot.py, main.py) before the REPL, as `run` does after a reset from
    /// the friendly (false) or raw (true) REPL.
    fn session_with_files(
        input: &[u8],
        files: &'static [(&'static str, &'static str)],
        boot: Option<bool>,
    ) -> (String, ReplExit) {
        let (out, exit) = session_bytes_with_files(input, files, boot);
        (String::from_utf8_lossy(&out).into_owned(), exit)
    }

    fn session_bytes_with_files(
        input: &[u8],
        files: &'static [(&'static str, &'static str)],
        boot: Option<bool>,
    ) -> (Vec<u8>, ReplExit) {
        let marker = 0usize;
        let port: &'static mut ScriptedPort = Box::leak(Box::new(ScriptedPort {
            input: input.to_vec(),
            pos: 0,
            output: Vec::new(),
            files,
        }));
        let port_ptr: *mut ScriptedPort = port;
        let heap: &'static mut [u8] = Box::leak(vec![0u8; 256 * 1024].into_boxed_slice());
        let vstack: &'static mut [Value] = Box::leak(vec![Value::NULL; 4096].into_boxed_slice());
        let config = Config {
            max_depth: 200,
            stack_limit: 1 << 20,
        };
        // SAFETY: leaked buffers live for the process; the marker is a local of this frame,
        // above every frame that runs Python code; the Vm is boxed and never moved.
        let mut vm = Box::new(unsafe {
            Vm::new(
                heap,
                vstack,
                port_ptr as *mut dyn Port,
                &marker as *const usize as usize,
                &config,
                &[],
            )
        });
        vm.init().expect("heap large enough");
        let mut editor = LineEditor::new();
        let exit = match boot {
            Some(raw) => boot_then_repl(&mut vm, &BOARD, raw, &mut editor),
            None => friendly_repl(&mut vm, &BOARD, false, &mut editor),
        };
        drop(vm);
        // SAFETY: the Vm that used the port is gone.
        let out = unsafe { std::mem::take(&mut (*port_ptr).output) };
        (out, exit)
    }

    #[test]
    fn friendly_repl_evaluates_lines_and_blocks() {
        let (out, exit) = session(b"print(6*7)\rdef f(x):\r  return x+1\r\rf(2)\r1//0\r\x04");
        assert!(out.contains("print(6*7)\n42\n>>> "), "{out:?}");
        assert!(out.contains("... "), "continuation prompt missing: {out:?}");
        assert!(out.contains("\n3\n>>> "), "{out:?}");
        assert!(
            out.contains("ZeroDivisionError: integer division or modulo by zero"),
            "{out:?}"
        );
        assert_eq!(exit, ReplExit::SoftReset { raw: false });
    }

    #[test]
    fn raw_repl_frames_output_and_errors_like_micropython() {
        // Ctrl-A enters raw mode; code, Ctrl-D runs it; Ctrl-B leaves.
        let (out, _) = session(b"\x01print(1+1)\x04raise ValueError('x')\x04\x02");
        assert!(out.contains("raw REPL; CTRL-B to exit\n>"), "{out:?}");
        assert!(
            out.contains("OK2\n\x04\x04>"),
            "normal run framing: {out:?}"
        );
        assert!(
            out.contains("OK\x04Traceback (most recent call last):"),
            "{out:?}"
        );
        assert!(
            out.contains("ValueError: x\n\x04>"),
            "error framing: {out:?}"
        );
    }

    #[test]
    fn raw_paste_mode_with_flow_control() {
        // 300 bytes of source: two full 128-byte windows, so two `\x01` grants.
        let mut input = b"\x01\x05A\x01".to_vec();
        let mut code = String::from("x = 6 * 7\n");
        while code.len() < 289 {
            code.push_str("# padding\n");
        }
        code.push_str("print(x)\n");
        input.extend_from_slice(code.as_bytes());
        input.extend_from_slice(b"\x04\x05A\x011/0\x04");
        let (out, _) = session_bytes(&input);
        let has = |needle: &[u8]| out.windows(needle.len()).any(|w| w == needle);
        assert!(has(b"raw REPL; CTRL-B to exit\n>R\x01\x80\x00"), "{out:?}");
        assert_eq!(code.len() / 128, 2);
        assert!(
            has(b"\x01\x01\x0442\n\x04\x04>"),
            "grants, end ack, output framing: {out:?}"
        );
        assert!(
            has(b">R\x01\x80\x00\x04\x04Traceback"),
            "an error is framed after the second \\x04: {out:?}"
        );
    }

    #[test]
    fn ctrl_d_in_raw_mode_on_empty_buffer_soft_resets() {
        let (_, exit) = session(b"\x01\x04");
        assert_eq!(exit, ReplExit::SoftReset { raw: true });
    }

    #[test]
    #[cfg(feature = "repl-extras")]
    fn tab_completes_names_and_attributes() {
        let (out, _) = session(b"value_one = 1\rprin\t(val\t)\r");
        assert!(out.contains("print(value_one)\n1\n"), "{out:?}");
        let (out, _) = session(b"class K:\ralpha_one = 1\ralpha_two = 2\r\rK.al\t\to\t\r");
        assert!(out.contains("K.alpha_"), "common prefix inserted: {out:?}");
        assert!(
            out.contains("\nalpha_one       alpha_two\n"),
            "candidates listed: {out:?}"
        );
        assert!(out.contains("K.alpha_one\n1\n"), "{out:?}");
    }

    #[test]
    #[cfg(feature = "repl-extras")]
    fn tab_candidates_are_sorted_and_distinct() {
        let (out, _) = session(b"zeta_b = 1\rzeta_a = 2\rzeta_\t\r");
        assert!(out.contains("\nzeta_a          zeta_b\n"), "{out:?}");
        // A global shadowing a builtin is one candidate: completed at once.
        let (out, _) = session(b"abs = 7\rab\t\r");
        assert!(out.contains(">>> abs\n7\n"), "{out:?}");
    }

    #[test]
    #[cfg(feature = "repl-extras")]
    fn tab_on_an_empty_line_indents() {
        let (out, _) = session(b"if 1:\r\x08\x08\x08\x08\tprint('in')\r\r");
        assert!(out.contains("in\n>>> "), "{out:?}");
    }

    #[test]
    #[cfg(feature = "repl-extras")]
    fn auto_indent_after_a_colon_and_blank_line_ends_the_block() {
        let (out, _) = session(b"for i in range(2):\rprint(i)\r\rprint('done')\r");
        assert!(out.contains("... "), "{out:?}");
        assert!(out.contains("0\n1\n>>> "), "{out:?}");
        assert!(out.contains("done"), "{out:?}");
    }

    #[test]
    fn paste_mode_runs_the_block_as_typed() {
        let (out, _) =
            session(b"\x05def f():\r    if 1:\r        return 5\r    return 0\rprint(f())\r\x04");
        assert!(
            out.contains("paste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== "),
            "{out:?}"
        );
        assert!(out.contains("\n5\n>>> "), "{out:?}");
        let (out, _) = session(b"\x05print('no')\x03print('yes')\r");
        assert!(!out.contains("no\n"), "Ctrl-C cancels paste mode: {out:?}");
        assert!(out.contains("yes\n"), "{out:?}");
    }

    #[test]
    fn history_recalls_the_previous_line() {
        let (out, _) = session(b"print(40+2)\r\x1b[A\r");
        assert_eq!(out.matches("42\n").count(), 2, "{out:?}");
    }

    #[test]
    #[cfg(not(feature = "repl-extras"))]
    fn without_repl_extras_tab_is_ignored_and_blocks_are_indented_by_hand() {
        let (out, _) = session(b"x = 1\rpri\tnt(x)\rfor i in range(2):\r  print(i)\r\r");
        assert!(out.contains(">>> print(x)\n1\n"), "{out:?}");
        assert!(
            out.contains(">>> for i in range(2):\n...   print(i)\n... \n0\n1\n"),
            "no auto-indent: {out:?}"
        );
    }

    #[test]
    fn help_is_offered_only_by_builds_that_have_it() {
        let (out, _) = session_with_files(b"help()\r", &[], Some(false));
        let offered = out.contains("Type \"help()\" for more information.\n");
        let welcome = out.contains("Welcome to MicroPython");
        if cfg!(feature = "repl-extras") {
            assert!(offered && welcome, "{out:?}");
        } else {
            assert!(!offered && !welcome, "{out:?}");
            assert!(
                out.contains("NameError: name 'help' isn't defined"),
                "as MicroPython without MICROPY_PY_BUILTINS_HELP: {out:?}"
            );
        }
    }

    #[test]
    fn system_exit_ends_the_repl_with_its_code() {
        let (_, exit) = session(b"raise SystemExit(3)\r");
        assert_eq!(exit, ReplExit::SystemExit(3));
    }

    #[test]
    fn ctrl_c_cancels_a_multiline_statement() {
        let (out, _) = session(b"if 1:\r\x03print('after')\r");
        // The `... ` line was auto-indented where the build has it.
        let cancelled = if cfg!(feature = "repl-extras") {
            "...     \n>>> print('after')"
        } else {
            "... \n>>> print('after')"
        };
        assert!(out.contains(cancelled), "{out:?}");
        assert!(out.contains("after\n"), "{out:?}");
    }

    #[test]
    #[cfg(feature = "vfs")]
    fn boot_py_then_main_py_then_repl_in_main_namespace() {
        static FILES: &[(&str, &str)] = &[
            ("/boot.py", "import libmod\nprint('boot', libmod.NAME)\n"),
            ("/lib/libmod.py", "NAME = 'from /lib'\n"),
            (
                "/main.py",
                "x = 5\nprint('main')\nraise ValueError('in main')\n",
            ),
        ];
        let (out, _) = session_with_files(b"print(x * 2)\r", FILES, Some(false));
        let boot = out.find("boot from /lib\n").expect(&out);
        let main = out.find("main\n").expect(&out);
        let banner = out.find("MicroPython-rs v").expect(&out);
        assert!(
            boot < main && main < banner,
            "boot.py, main.py, banner: {out:?}"
        );
        assert!(
            out.contains(
                "File \"main.py\", line 3, in <module>\nValueError: in main\nMicroPython-rs"
            ),
            "main.py's traceback, then the REPL: {out:?}"
        );
        assert!(
            out.contains("\n10\n"),
            "main.py's globals in the REPL: {out:?}"
        );
    }

    #[test]
    #[cfg(feature = "vfs")]
    fn interrupted_main_py_gives_the_repl_and_boot_py_errors_do_not_stop_main() {
        static FILES: &[(&str, &str)] = &[
            ("/boot.py", "1//0\n"),
            (
                "/main.py",
                "print('main')\nraise KeyboardInterrupt\nprint('never')\n",
            ),
        ];
        let (out, _) = session_with_files(b"print('repl')\r", FILES, Some(false));
        assert!(out.contains("ZeroDivisionError"), "{out:?}");
        assert!(out.contains("main\n"), "{out:?}");
        assert!(out.contains("KeyboardInterrupt"), "{out:?}");
        assert!(!out.contains("never"), "{out:?}");
        assert!(out.contains("\nrepl\n"), "{out:?}");
    }

    #[test]
    fn no_filesystem_boots_straight_to_the_repl() {
        let (out, _) = session_with_files(b"print(1)\r", &[], Some(false));
        assert!(out.starts_with("MicroPython-rs v"), "{out:?}");
        assert!(out.contains("\n>>> print(1)\n1\n"), "{out:?}");
    }

    #[test]
    #[cfg(not(feature = "vfs"))]
    fn without_vfs_open_is_a_name_error() {
        let (out, _) = session_with_files(b"open('x')\r", &[], Some(false));
        assert!(
            out.contains("NameError: name 'open' isn't defined"),
            "{out:?}"
        );
    }

    #[test]
    #[cfg(feature = "vfs")]
    fn import_through_the_vfs_from_the_repl() {
        static FILES: &[(&str, &str)] = &[("/other.py", "print('other')\n")];
        let (out, _) = session_with_files(b"import other\r", FILES, Some(false));
        assert!(out.starts_with("MicroPython-rs v"), "{out:?}");
        assert!(out.contains("other\n"), "import through the VFS: {out:?}");
    }

    #[test]
    #[cfg(feature = "vfs")]
    fn open_and_files_through_the_vfs() {
        static FILES: &[(&str, &str)] = &[("/data.txt", "h\u{e9}llo\nworld\n")];
        let src =
            b"f = open('data.txt')\rprint(f.read(3), f.tell(), f.readline(), f.readlines())\r\
f.close()\rprint(f.closed)\rf = open('/new.bin', 'wb')\rprint(f.write(b'ab'))\rf.close()\r\
print(open('new.bin', 'rb').read())\ropen('nope')\r";
        let (out, _) = session_with_files(src, FILES, None);
        assert!(out.contains("h\u{e9}l 4 lo\n ['world\\n']\n"), "{out:?}");
        assert!(out.contains("True\n"), "{out:?}");
        assert!(out.contains("\n2\n"), "{out:?}");
        assert!(out.contains("b'ab'\n"), "{out:?}");
        assert!(out.contains("OSError: [Errno 2] ENOENT\n"), "{out:?}");
    }

    #[test]
    #[cfg(feature = "vfs")]
    fn reset_from_raw_repl_runs_boot_py_but_not_main_py() {
        static FILES: &[(&str, &str)] = &[
            ("/boot.py", "print('boot')\n"),
            ("/main.py", "print('main')\n"),
        ];
        let (out, _) = session_with_files(b"\x02", FILES, Some(true));
        assert!(
            out.starts_with("boot\nraw REPL; CTRL-B to exit\n>"),
            "{out:?}"
        );
        assert!(!out.contains("main"), "{out:?}");
    }
}
