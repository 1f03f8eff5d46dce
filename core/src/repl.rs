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

/// Run `src` and print any uncaught exception (friendly REPL semantics).
fn run_friendly(vm: &mut Vm, src: &str) {
    let globals = vm.main_globals;
    if let Err(e) = crate::embed::exec_source(
        vm,
        src,
        "<stdin>",
        CompileMode::Single,
        globals,
        Value::NULL,
    ) {
        if crate::embed::system_exit_code(vm, e.0).is_none() {
            let text = format_exception(vm, e.0);
            vm.write_out(text.as_bytes());
        }
    }
}

/// Why a REPL loop ended.
#[derive(Debug, PartialEq, Eq)]
enum ReplExit {
    /// Ctrl-D: a fresh interpreter, in raw mode again if `raw`.
    SoftReset {
        raw: bool,
    },
    InputEnded,
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
                // Raw-paste request `\x05A\x01`: decline so the tool uses plain raw mode.
                let (Some(a), Some(one)) = (read_byte_blocking(vm), read_byte_blocking(vm)) else {
                    return Some(ReplExit::InputEnded);
                };
                if a == b'A' && one == CTRL_A {
                    vm.port().write(b"R\x00");
                } else {
                    buf.extend_from_slice(&[CTRL_E, a, one]);
                }
            }
            CTRL_D => {
                if buf.is_empty() {
                    return Some(ReplExit::SoftReset { raw: true });
                }
                vm.port().write(b"OK");
                let src = String::from_utf8_lossy(&buf).into_owned();
                buf.clear();
                let globals = vm.main_globals;
                let r = crate::embed::exec_source(
                    vm,
                    &src,
                    "<stdin>",
                    CompileMode::File,
                    globals,
                    Value::NULL,
                );
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

/// The friendly REPL; `start_raw` enters the raw REPL at once (after a soft reset from raw
/// mode, as MicroPython does: tools expect to stay in raw mode).
fn friendly_repl(vm: &mut Vm, board: &BoardInfo, start_raw: bool) -> ReplExit {
    let mut line: Vec<u8> = Vec::new();
    let mut src = String::new();
    if start_raw {
        if let Some(exit) = raw_repl(vm) {
            return exit;
        }
    }
    vm.write_out(b">>> ");
    loop {
        let Some(b) = read_byte_blocking(vm) else {
            return ReplExit::InputEnded;
        };
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
                return ReplExit::SoftReset { raw: false };
            }
            BACKSPACE | DEL if line.pop().is_some() => vm.port().write(b"\x08 \x08"),
            // Nothing to erase: ignore the key (it must not reach the printable arm below).
            BACKSPACE | DEL => {}
            b'\r' | b'\n' => {
                vm.write_out(b"\n");
                if !src.is_empty() {
                    src.push('\n');
                }
                src.push_str(&String::from_utf8_lossy(&line));
                let blank = line.iter().all(|c| c.is_ascii_whitespace());
                line.clear();
                if !src.is_empty()
                    && crate::lexer::needs_more_input(&src)
                    && !(blank && src.contains('\n'))
                {
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
    let mut raw = false;
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
        if !raw {
            vm.write_out(banner(board).replace('\r', "").as_bytes());
        }
        vm.frozen = board.frozen;
        if vm.init().is_err() || crate::module::add_frozen_path(&mut vm).is_err() {
            vm.write_out(b"MemoryError: heap too small to start the interpreter\n");
            loop {
                vm.port().delay_us(1_000_000);
            }
        }
        match friendly_repl(&mut vm, board, raw) {
            ReplExit::SoftReset { raw: r } => {
                raw = r;
                vm.write_out(b"MPY: soft reboot\n");
            }
            // A board console never ends; if a port says so, wait rather than spin.
            ReplExit::InputEnded => loop {
                vm.port().delay_us(1_000_000);
            },
        }
        drop(vm);
        core::hint::black_box(&stack_marker);
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
        let marker = 0usize;
        let port: &'static mut ScriptedPort = Box::leak(Box::new(ScriptedPort {
            input: input.to_vec(),
            pos: 0,
            output: Vec::new(),
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
        let exit = friendly_repl(&mut vm, &BOARD, false);
        drop(vm);
        // SAFETY: the Vm that used the port is gone.
        let out = unsafe { std::mem::take(&mut (*port_ptr).output) };
        (String::from_utf8_lossy(&out).into_owned(), exit)
    }

    #[test]
    fn friendly_repl_evaluates_lines_and_blocks() {
        let (out, exit) = session(b"print(6*7)\rdef f(x):\r  return x+1\r\rf(2)\r1/0\r\x04");
        assert!(out.contains("print(6*7)\n42\n>>> "), "{out:?}");
        assert!(out.contains("... "), "continuation prompt missing: {out:?}");
        assert!(out.contains("\n3\n>>> "), "{out:?}");
        assert!(
            out.contains("ZeroDivisionError: division by zero"),
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
    fn raw_paste_request_is_declined_so_tools_fall_back() {
        let (out, _) = session(b"\x01\x05A\x01");
        assert!(out.ends_with("R\x00"), "{out:?}");
    }

    #[test]
    fn ctrl_d_in_raw_mode_on_empty_buffer_soft_resets() {
        let (_, exit) = session(b"\x01\x04");
        assert_eq!(exit, ReplExit::SoftReset { raw: true });
    }
}
