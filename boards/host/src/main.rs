//! `micropython`: the host port, a command-line interpreter behaving like MicroPython's Unix
//! port: `micropython [options] [script.py | -c CMD | -m MODULE] [args...]`.

mod fs;
mod port;
mod terminal;

use mpy_core::compile::CompileMode;
use mpy_core::value::Value;
use mpy_core::vm::{Config, Vm};
use std::process::ExitCode;

/// Native stack for the interpreter thread. Python calls recurse natively (as MicroPython's
/// do), so deep Python recursion needs a deep native stack; the VM raises RuntimeError before
/// it is used up.
const THREAD_STACK: usize = 256 << 20;
const STACK_LIMIT: usize = THREAD_STACK - (8 << 20);
const VALUE_STACK_WORDS: usize = 1 << 20;

struct Options {
    heap_size: usize,
    command: Option<String>,
    module: Option<String>,
    script: Option<String>,
    interactive: bool,
    /// `-X frozen`: run the script as frozen code (compiled, serialized, run in place).
    frozen: bool,
    argv: Vec<String>,
}

fn usage() -> ! {
    eprintln!(
        "usage: micropython [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>] [args...]\n\
         Options:\n\
         -c <command> : run the command and exit\n\
         -m <module>  : run a module as a script\n\
         -i           : enter the REPL after running the script\n\
         Implementation specific options (-X):\n\
         heapsize=<n>[k|m] : set the heap size for the GC (default 2m)\n\
         emit=bytecode     : emit bytecode (the only emitter; accepted for compatibility)\n\
         frozen            : run the script the way a frozen module runs: compiled, serialized\n\
                             and loaded in place (tests the frozen code format)"
    );
    std::process::exit(2)
}

fn parse_size(s: &str) -> Option<usize> {
    let (num, mult) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1024),
        'm' | 'M' => (&s[..s.len() - 1], 1024 * 1024),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n * mult)
}

fn parse_args() -> Options {
    let mut o = Options {
        heap_size: 2 << 20,
        command: None,
        module: None,
        script: None,
        interactive: false,
        frozen: false,
        argv: vec![],
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-c" => {
                let Some(c) = args.next() else { usage() };
                o.command = Some(c);
                o.argv = vec!["-c".into()];
                o.argv.extend(args.by_ref());
                break;
            }
            "-m" => {
                let Some(m) = args.next() else { usage() };
                o.argv = vec![m.clone()];
                o.module = Some(m);
                o.argv.extend(args.by_ref());
                break;
            }
            "-i" => o.interactive = true,
            "-X" => {
                let Some(x) = args.next() else { usage() };
                if let Some(v) = x.strip_prefix("heapsize=") {
                    match parse_size(v) {
                        Some(n) if n >= 4096 => o.heap_size = n,
                        _ => {
                            eprintln!("micropython: bad heapsize '{}': give a number with an optional k or m suffix, at least 4k", v);
                            std::process::exit(2)
                        }
                    }
                } else if x == "emit=bytecode" {
                    // Bytecode is the only emitter.
                } else if x == "frozen" {
                    o.frozen = true;
                } else {
                    eprintln!("micropython: unknown -X option '{}'", x);
                    usage()
                }
            }
            "-h" | "--help" => usage(),
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("micropython: unknown option '{}'", s);
                usage()
            }
            _ => {
                o.script = Some(a.clone());
                o.argv = vec![a];
                o.argv.extend(args.by_ref());
                break;
            }
        }
    }
    o
}

fn main() -> ExitCode {
    let opts = parse_args();
    port::install_sigint_handler();
    let worker = std::thread::Builder::new()
        .stack_size(THREAD_STACK)
        .spawn(move || run(opts));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("micropython: internal error: interpreter thread failed");
            ExitCode::from(1)
        }
    }
}

fn run(opts: Options) -> u8 {
    let stack_marker = 0usize;
    let stack_top = &stack_marker as *const usize as usize;
    let heap: &'static mut [u8] = Box::leak(vec![0u8; opts.heap_size].into_boxed_slice());
    let vstack: &'static mut [Value] =
        Box::leak(vec![Value::NULL; VALUE_STACK_WORDS].into_boxed_slice());
    let port: &'static mut port::HostPort = Box::leak(Box::new(port::HostPort::new()));
    let config = Config {
        max_depth: 100_000,
        stack_limit: STACK_LIMIT,
    };
    // SAFETY: heap, value stack and port are leaked (live for the process); stack_top is a
    // local of this thread's outermost frame; the Vm is boxed so it never moves after init.
    let mut vm =
        Box::new(unsafe { Vm::new(heap, vstack, port, stack_top, &config, mpy_modules::ALL) });
    if vm.init().is_err() {
        eprintln!("MemoryError: heap too small to start (give -X heapsize= a larger value)");
        return 1;
    }
    let code = run_main(&mut vm, &opts);
    port.flush();
    std::hint::black_box(&stack_marker);
    code
}

fn set_argv_and_path(vm: &mut Vm, opts: &Options) -> Result<(), ()> {
    use mpy_core::obj::list::list_append;
    let dir = match &opts.script {
        Some(s) => {
            let p = std::path::Path::new(s)
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            if p.is_empty() {
                ".".to_string()
            } else {
                p
            }
        }
        None => String::new(),
    };
    let entries = [
        dir,
        ".frozen".into(),
        "~/.micropython/lib".into(),
        "/usr/lib/micropython".into(),
    ];
    for e in &entries {
        let v = vm.new_str(e).map_err(|_| ())?;
        list_append(vm, vm.sys_path, v).map_err(|_| ())?;
    }
    for a in &opts.argv {
        let v = vm.new_str(a).map_err(|_| ())?;
        list_append(vm, vm.sys_argv, v).map_err(|_| ())?;
    }
    Ok(())
}

/// Report an uncaught exception; returns the process exit code.
fn report(vm: &mut Vm, e: mpy_core::vm::PyErr) -> u8 {
    if let Some(code) = mpy_core::embed::system_exit_code(vm, e.0) {
        return (code & 0xff) as u8;
    }
    let text = mpy_core::embed::format_exception(vm, e.0);
    port::flush_stdout();
    eprint!("{}", text);
    1
}

/// Run `src` through the frozen-module path: compile, serialize (as xtask does for firmware),
/// then load the bytes in place and run them.
fn exec_as_frozen(
    vm: &mut Vm,
    src: &str,
    file: &str,
    globals: Value,
) -> mpy_core::vm::PyResult<Value> {
    use mpy_core::frozen::{leak_aligned, serialize};
    let Ok(raw) = mpy_core::compile::compile(src, file, CompileMode::File) else {
        // Compile again the usual way for the SyntaxError exception.
        return mpy_core::embed::exec_source(
            vm,
            src,
            file,
            CompileMode::File,
            globals,
            Value::NULL,
        );
    };
    let code = mpy_core::loader::load_frozen(vm, leak_aligned(&serialize(&raw)))?;
    mpy_core::interp::exec_code(vm, code, globals, Value::NULL)
}

fn run_main(vm: &mut Vm, opts: &Options) -> u8 {
    if set_argv_and_path(vm, opts).is_err() {
        eprintln!("MemoryError: heap too small for sys.argv");
        return 1;
    }
    let globals = vm.main_globals;
    let mut status = 0;
    if let Some(cmd) = &opts.command {
        let r = mpy_core::embed::exec_source(
            vm,
            cmd,
            "<stdin>",
            CompileMode::File,
            globals,
            Value::NULL,
        );
        if let Err(e) = r {
            return report(vm, e);
        }
    } else if let Some(m) = &opts.module {
        let r = vm.intern(m).and_then(|q| {
            mpy_core::module::import(vm, q, Value::NONE, Value::small_int(0), globals)
        });
        if let Err(e) = r {
            return report(vm, e);
        }
    } else if let Some(script) = &opts.script {
        let src = match std::fs::read(script) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "micropython: can't open file '{}': [Errno {}] {}",
                    script,
                    e.raw_os_error().unwrap_or(2),
                    e
                );
                return 2;
            }
        };
        let Ok(src) = String::from_utf8(src) else {
            eprintln!("micropython: '{}' is not valid UTF-8", script);
            return 1;
        };
        if let Ok(f) = vm.new_str(script) {
            let _ = mpy_core::obj::map::map_set_qstr(vm, globals, mpy_core::qstr::q::__file__, f);
        }
        let r = if opts.frozen {
            exec_as_frozen(vm, &src, script, globals)
        } else {
            mpy_core::embed::exec_source(vm, &src, script, CompileMode::File, globals, Value::NULL)
        };
        if let Err(e) = r {
            status = report(vm, e);
            if !opts.interactive {
                return status;
            }
        }
    }
    if opts.interactive
        || (opts.command.is_none() && opts.module.is_none() && opts.script.is_none())
    {
        return terminal::repl(vm);
    }
    status
}
