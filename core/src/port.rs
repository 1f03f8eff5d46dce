//! What a board (or the host) provides to the interpreter: console I/O and time.
//!
//! Boards implement [`Port`] over their UART / USB CDC and timers (and may provide a root
//! filesystem); the core never touches
//! hardware itself, so it builds unchanged for every target.

/// Console and clock services of a board.
pub trait Port {
    /// Write bytes to the console. Must write all of them (block if the UART is busy).
    fn write(&mut self, data: &[u8]);
    /// Write to the error stream (`sys.stderr`); boards have one console, so by default the
    /// same as `write`.
    fn write_err(&mut self, data: &[u8]) {
        self.write(data)
    }
    /// The next console input byte if one is waiting; never blocks.
    fn read_byte(&mut self) -> Option<u8>;
    /// Milliseconds since boot (wrapping).
    fn ticks_ms(&self) -> u32;
    /// Microseconds since boot (wrapping).
    fn ticks_us(&self) -> u32;
    /// Busy-wait or sleep for `us` microseconds.
    fn delay_us(&mut self, us: u32);
    /// Seconds since the Unix epoch if the board has a real-time clock, else `None`.
    fn unix_time(&self) -> Option<u64> {
        None
    }
    /// True once console input has ended for good (host stdin at EOF); boards never end.
    fn at_eof(&self) -> bool {
        false
    }
    /// The contents of a file (for `import` of `.py` files), or `None` if it does not exist.
    /// Boards without a filesystem keep the default.
    fn read_file(&mut self, _path: &str) -> Option<alloc::vec::Vec<u8>> {
        None
    }
    /// The filesystem to mount at `/` when an interpreter starts (each soft reset asks again),
    /// e.g. a FAT volume in flash; `None` (the default) for boards without one. `open()`, `os`
    /// and `import` then use the VFS (see `vfs.rs`) instead of `read_file`.
    #[cfg(feature = "vfs")]
    fn root_filesystem(&mut self) -> Option<alloc::boxed::Box<dyn crate::vfs::Filesystem>> {
        None
    }
    /// A filesystem over host directory `root` ("" for all of it) for `os.VfsPosix`; only
    /// ports running on an operating system have one.
    #[cfg(feature = "vfs")]
    fn posix_filesystem(
        &mut self,
        _root: &str,
    ) -> Option<alloc::boxed::Box<dyn crate::vfs::Filesystem>> {
        None
    }
}
