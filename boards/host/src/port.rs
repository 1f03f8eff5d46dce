//! The host's `Port`: stdout/stdin, a monotonic clock, the real filesystem for imports, and
//! Ctrl-C as KeyboardInterrupt.

use mpy_core::compile::CompileMode;
use mpy_core::port::Port;
use mpy_core::value::Value;
use mpy_core::vm::Vm;
use std::io::{BufWriter, Read, Stdout, Write};
use std::time::Instant;

pub struct HostPort {
    out: BufWriter<Stdout>,
    start: Instant,
    eof: bool,
    interactive: bool,
}

impl HostPort {
    pub fn new() -> HostPort {
        use std::io::IsTerminal;
        HostPort {
            out: BufWriter::with_capacity(1 << 16, std::io::stdout()),
            start: Instant::now(),
            eof: false,
            interactive: std::io::stdout().is_terminal(),
        }
    }
    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

impl Port for HostPort {
    fn write(&mut self, data: &[u8]) {
        let _ = self.out.write_all(data);
        if self.interactive {
            let _ = self.out.flush();
        }
    }
    fn write_err(&mut self, data: &[u8]) {
        self.flush();
        let _ = std::io::stderr().write_all(data);
    }
    fn read_byte(&mut self) -> Option<u8> {
        self.flush();
        let mut b = [0u8; 1];
        match std::io::stdin().read(&mut b) {
            Ok(1) => Some(b[0]),
            _ => {
                self.eof = true;
                None
            }
        }
    }
    fn at_eof(&self) -> bool {
        self.eof
    }
    fn ticks_ms(&self) -> u32 {
        self.start.elapsed().as_millis() as u32
    }
    fn ticks_us(&self) -> u32 {
        self.start.elapsed().as_micros() as u32
    }
    fn delay_us(&mut self, us: u32) {
        self.flush();
        std::thread::sleep(std::time::Duration::from_micros(us as u64));
    }
    fn unix_time(&self) -> Option<u64> {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs())
    }
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(path).ok()
    }
}

/// Flush our stdout buffer before writing to stderr, so output interleaves in order.
pub fn flush_stdout() {
    let _ = std::io::stdout().flush();
}

pub fn install_sigint_handler() {
    // Ctrl-C sets the VM's interrupt flag; the VM raises KeyboardInterrupt at the next
    // backward jump. If the handler cannot be installed, Ctrl-C just kills the process.
    let _ = ctrlc::set_handler(|| {
        mpy_core::vm::INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
    });
}

/// A line-oriented REPL on stdin (the full friendly REPL with line editing is shared with the
/// boards in core's REPL module).
pub fn repl(vm: &mut Vm) -> u8 {
    let banner = mpy_core::embed::banner(&mpy_core::embed::BoardInfo {
        board_name: "linux",
        mcu: std::env::consts::ARCH,
        stack_size: crate::STACK_LIMIT,
        modules: mpy_modules::ALL,
        frozen: &[],
    });
    vm.write_out(banner.replace('\r', "").as_bytes());
    let globals = vm.main_globals;
    loop {
        vm.write_out(b">>> ");
        let Some(mut src) = read_line(vm) else {
            vm.write_out(b"\n");
            return 0;
        };
        while mpy_core::lexer::needs_more_input(&src) {
            vm.write_out(b"... ");
            match read_line(vm) {
                Some(l) => {
                    src.push('\n');
                    src.push_str(&l);
                    if l.trim().is_empty() {
                        break;
                    }
                }
                None => break,
            }
        }
        if src.trim().is_empty() {
            continue;
        }
        if let Err(e) = mpy_core::embed::exec_source(
            vm,
            &src,
            "<stdin>",
            CompileMode::Single,
            globals,
            Value::NULL,
        ) {
            if let Some(code) = mpy_core::embed::system_exit_code(vm, e.0) {
                return (code & 0xff) as u8;
            }
            let text = mpy_core::embed::format_exception(vm, e.0);
            vm.write_out(text.as_bytes());
        }
    }
}

fn read_line(vm: &mut Vm) -> Option<String> {
    let mut line = Vec::new();
    loop {
        match vm.port().read_byte() {
            Some(b'\n') => return Some(String::from_utf8_lossy(&line).into_owned()),
            Some(b'\r') => {}
            Some(4) if line.is_empty() => return None,
            Some(b) => line.push(b),
            None => {
                return if line.is_empty() {
                    None
                } else {
                    Some(String::from_utf8_lossy(&line).into_owned())
                };
            }
        }
    }
}
