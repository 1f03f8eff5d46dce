//! The board console: MicroPython's friendly REPL and raw REPL over a `Port`, and the board
//! entry point `run`.
//!
//! Friendly REPL: `>>> ` / `... ` prompts, backspace, Ctrl-C (cancel the line), Ctrl-D (soft
//! reset on an empty line), Ctrl-B (banner), Ctrl-A (raw REPL).
//! Raw REPL (what mpremote, Thonny, rshell and ampy speak): on entry prints
//! `raw REPL; CTRL-B to exit\r\n>`; source bytes until Ctrl-D, then `OK`, the program's output,
//! `\x04`, the exception text if any, `\x04`, and `>` again. Ctrl-D on an empty buffer soft-resets,
//! Ctrl-B returns to the friendly REPL. Raw-paste mode (`\x05A\x01`) is declined with `R\x00`,
//! which makes tools fall back to the plain raw REPL (raw-paste is part of the device issue).
//! Line editing, history, tab completion, paste mode are the device issue's (issue 5).

use crate::compile::CompileMode;
use crate::embed::{banner, format_exception, BoardInfo};
use crate::port::Port;
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
const BACKSPACE: u8 = 8;
const DEL: u8 = 127;

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
}

fn read_byte_blocking(vm: &mut Vm) -> u8 {
    loop {
        if let Some(b) = vm.port().read_byte() {
            return b;
        }
        vm.port().delay_us(200);
    }
}

/// Run `src` and print any uncaught exception (friendly REPL semantics).
fn run_friendly(vm: &mut Vm, src: &str) {
    let globals = vm.main_globals;
    if let Err(e) = crate::embed::exec_source(vm, src, "<stdin>", CompileMode::Single, globals, Value::NULL) {
        if crate::embed::system_exit_code(vm, e.0).is_none() {
            let text = format_exception(vm, e.0);
            vm.write_out(text.as_bytes());
        }
    }
}

/// What the console asked for when a REPL loop ends.
enum ReplExit {
    SoftReset,
}

fn raw_repl(vm: &mut Vm) -> Option<ReplExit> {
    vm.write_out(b"raw REPL; CTRL-B to exit\n>");
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let b = read_byte_blocking(vm);
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
                // Raw-paste request `\x05A\x01`: decline so the tool uses plain raw mode.
                let a = read_byte_blocking(vm);
                let one = read_byte_blocking(vm);
                if a == b'A' && one == CTRL_A {
                    vm.port().write(b"R\x00");
                } else {
                    buf.extend_from_slice(&[CTRL_E, a, one]);
                }
            }
            CTRL_D => {
                if buf.is_empty() {
                    return Some(ReplExit::SoftReset);
                }
                vm.port().write(b"OK");
                let src = String::from_utf8_lossy(&buf).into_owned();
                buf.clear();
                let globals = vm.main_globals;
                let r = crate::embed::exec_source(vm, &src, "<stdin>", CompileMode::File, globals, Value::NULL);
                vm.port().write(b"\x04");
                if let Err(e) = r {
                    if crate::embed::system_exit_code(vm, e.0).is_none() {
                        let text = format_exception(vm, e.0);
                        vm.write_out(text.as_bytes());
                    }
                }
                vm.port().write(b"\x04>");
            }
            _ => buf.push(b),
        }
    }
}

fn friendly_repl(vm: &mut Vm, board: &BoardInfo) -> ReplExit {
    let mut line: Vec<u8> = Vec::new();
    let mut src = String::new();
    vm.write_out(b">>> ");
    loop {
        let b = read_byte_blocking(vm);
        match b {
            CTRL_A => {
                if let Some(exit) = raw_repl(vm) {
                    return exit;
                }
                vm.write_out(banner(board).replace('\r', "").as_bytes());
                vm.write_out(b">>> ");
            }
            CTRL_B => {
                vm.write_out(b"\n");
                vm.write_out(banner(board).replace('\r', "").as_bytes());
                line.clear();
                src.clear();
                vm.write_out(b">>> ");
            }
            CTRL_C => {
                line.clear();
                src.clear();
                vm.write_out(b"\nKeyboardInterrupt\n>>> ");
            }
            CTRL_D if line.is_empty() && src.is_empty() => {
                vm.write_out(b"\n");
                return ReplExit::SoftReset;
            }
            BACKSPACE | DEL => {
                if line.pop().is_some() {
                    vm.port().write(b"\x08 \x08");
                }
            }
            b'\r' | b'\n' => {
                vm.write_out(b"\n");
                if !src.is_empty() {
                    src.push('\n');
                }
                src.push_str(&String::from_utf8_lossy(&line));
                let blank = line.iter().all(|c| c.is_ascii_whitespace());
                line.clear();
                if !src.is_empty() && crate::lexer::needs_more_input(&src) && !(blank && src.contains('\n')) {
                    vm.write_out(b"... ");
                    continue;
                }
                if !src.trim().is_empty() {
                    let s = core::mem::take(&mut src);
                    run_friendly(vm, &s);
                }
                src.clear();
                vm.write_out(b">>> ");
            }
            c if c >= 0x20 || c == b'\t' => {
                line.push(c);
                vm.port().write(&[c]);
            }
            _ => {}
        }
    }
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
    loop {
        // SAFETY: the two sub-slices are disjoint parts of `heap`, which is 'static and ours;
        // the previous Vm (if any) was dropped before they are reused.
        let (vstack, gc_mem) = unsafe {
            let v = core::slice::from_raw_parts_mut(heap_ptr as *mut Value, words);
            for w in v.iter_mut() {
                *w = Value::NULL;
            }
            let g = core::slice::from_raw_parts_mut(heap_ptr.add(vstack_bytes), heap_len - vstack_bytes);
            (v, g)
        };
        let config = Config { max_depth: 64, stack_limit: board.stack_size.saturating_sub(1024).max(1024) };
        // SAFETY: heap and value stack are exclusively ours; the port outlives the Vm (see
        // above); stack_top is a local of this never-returning frame; the Vm is boxed.
        let mut vm = Box::new(unsafe { Vm::new(gc_mem, vstack, port_ptr, stack_top, &config, board.modules) });
        vm.write_out(banner(board).replace('\r', "").as_bytes());
        if vm.init().is_err() {
            vm.write_out(b"MemoryError: heap too small to start the interpreter\n");
            loop {
                vm.port().delay_us(1_000_000);
            }
        }
        match friendly_repl(&mut vm, board) {
            ReplExit::SoftReset => {
                vm.write_out(b"MPY: soft reboot\n");
            }
        }
        drop(vm);
        core::hint::black_box(&stack_marker);
    }
}
