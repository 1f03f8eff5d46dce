//! The host's `Port`: stdout/stdin, a monotonic clock, the real filesystem (`fs.rs`), and
//! Ctrl-C as KeyboardInterrupt.

use mpy_core::port::Port;
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
        if let Some(key) = crate::terminal::next_key() {
            self.eof |= key.is_none();
            return key;
        }
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
    /// The whole host filesystem at `/`, starting in the process's directory (MicroPython's
    /// unix port mounts `VfsPosix()` at `/` the same way).
    fn root_filesystem(&mut self) -> Option<Box<dyn mpy_core::vfs::Filesystem>> {
        Some(Box::new(crate::fs::HostFs::new("")))
    }
    /// `os.VfsPosix(root)`: a host directory (relative to the process's directory).
    fn posix_filesystem(&mut self, root: &str) -> Option<Box<dyn mpy_core::vfs::Filesystem>> {
        Some(Box::new(crate::fs::HostFs::new(root)))
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
