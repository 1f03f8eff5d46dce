//! Python's `open()` and `os` on a FAT volume in (simulated) flash, through the interpreter's
//! VFS exactly as a board mounts it; the volume is then checked with fsck.fat and mtools.

mod common;

use common::{fsck, mtools, temp_path, MemFlash};
use mpy_core::compile::CompileMode;
use mpy_core::port::Port;
use mpy_core::value::Value;
use mpy_core::vfs::Filesystem;
use mpy_core::vm::{Config, Vm};
use mpy_fat::vfs::FatVfs;
use mpy_fat::{Fat, FlashBlockDevice};

const ERASE: usize = 4096;
const REGION: usize = 128 * 1024;
const LOG_BLOCKS: usize = 2;

struct BoardPort {
    out: Vec<u8>,
    root: Option<Box<dyn Filesystem>>,
}

impl Port for BoardPort {
    fn write(&mut self, data: &[u8]) {
        self.out.extend_from_slice(data);
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
    fn root_filesystem(&mut self) -> Option<Box<dyn Filesystem>> {
        self.root.take()
    }
}

/// Run `src` with `fs` mounted at `/`; returns what it printed.
fn run_python(fs: Box<dyn Filesystem>, src: &str) -> String {
    let marker = 0usize;
    let port: &'static mut BoardPort = Box::leak(Box::new(BoardPort {
        out: Vec::new(),
        root: Some(fs),
    }));
    let port_ptr: *mut BoardPort = port;
    let heap: &'static mut [u8] = Box::leak(vec![0u8; 512 * 1024].into_boxed_slice());
    let vstack: &'static mut [Value] = Box::leak(vec![Value::NULL; 8192].into_boxed_slice());
    let config = Config {
        max_depth: 100,
        stack_limit: 1 << 20,
    };
    // SAFETY: leaked buffers and port live for the process; the marker is a local of this
    // frame, above every frame that runs Python; the Vm is boxed and never moved.
    let mut vm = Box::new(unsafe {
        Vm::new(
            heap,
            vstack,
            port_ptr as *mut dyn Port,
            &marker as *const usize as usize,
            &config,
            mpy_modules::ALL,
        )
    });
    vm.init().expect("heap large enough");
    let globals = vm.main_globals;
    let r = mpy_core::embed::exec_source(
        &mut vm,
        src,
        "test.py",
        CompileMode::File,
        globals,
        Value::NULL,
    );
    if let Err(e) = r {
        let text = mpy_core::embed::format_exception(&mut vm, e.0);
        panic!("Python raised:\n{text}");
    }
    // Dropping the interpreter syncs the volume (as a soft reset does).
    drop(vm);
    // SAFETY: the Vm that used the port is gone.
    let out = unsafe { std::mem::take(&mut (*port_ptr).out) };
    String::from_utf8(out).unwrap()
}

#[test]
fn files_written_from_python_are_on_a_clean_fat_volume() {
    let flash = MemFlash::new(vec![0xFF; REGION], ERASE, 16, None);
    let bytes = flash.handle();
    let dev = FlashBlockDevice::new(flash, LOG_BLOCKS).unwrap();
    let fat = Fat::format(dev, "MICROPY").unwrap();
    let out = run_python(
        Box::new(FatVfs::new(fat)),
        r#"
import os
with open('main.py', 'w') as f:
    print(f.write('print("hello from flash")\n'))
os.mkdir('lib')
with open('/lib/util.py', 'w') as f:
    f.write('def double(x):\n    return 2 * x\n')
with open('data.bin', 'wb') as f:
    f.write(bytes(range(256)) * 8)
with open('data.bin', 'r+b') as f:
    f.seek(1000)
    print(f.read(4), f.tell())
    f.seek(-2, 2)
    print(f.read())
with open('log.txt', 'a') as f:
    f.write('one\n')
with open('log.txt', 'a') as f:
    f.write('two\n')
print(open('log.txt').readlines())
os.rename('log.txt', 'lib/log.txt')
print(sorted(os.listdir()), os.listdir('/lib'))
print(os.stat('data.bin')[6], os.stat('lib')[0] & 0x4000 != 0)
import sys
sys.path.append("/lib")
import util
print(util.double(21))
try:
    open('missing.txt')
except OSError as e:
    print('OSError', e.errno)
try:
    os.rmdir('lib')
except OSError as e:
    print('OSError', e.errno)
os.remove('lib/log.txt')
print(os.listdir('lib'))
st = os.statvfs('/')
print(st[0] > 0, st[2] > st[3] > 0)
"#,
    );
    assert_eq!(
        out,
        "26\nb'\\xe8\\xe9\\xea\\xeb' 1004\nb'\\xfe\\xff'\n['one\\n', 'two\\n']\n\
         ['data.bin', 'lib', 'main.py'] ['util.py', 'log.txt']\n2048 True\n42\n\
         OSError 2\nOSError 39\n['util.py']\nTrue True\n"
    );
    // The data blocks hold the volume; the log and spare at the end are the device's.
    let data_len = REGION - mpy_fat::flash::reserved_bytes(ERASE, LOG_BLOCKS);
    let image = bytes.borrow()[..data_len].to_vec();
    fsck(&image, "python_on_fat").expect("fsck.fat finds the volume clean");
    let path = temp_path("python_on_fat.img");
    std::fs::write(&path, &image).unwrap();
    assert_eq!(
        mtools("mtype", &path, &["::main.py"]),
        "print(\"hello from flash\")\n"
    );
    assert!(mtools("mdir", &path, &["-b", "::lib"]).contains("util.py"));
    let _ = std::fs::remove_file(&path);
}
