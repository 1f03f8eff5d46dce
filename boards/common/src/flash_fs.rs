//! The board's FAT filesystem, in the flash region its manifest names, as the interpreter's root
//! filesystem: what every board's `Port::root_filesystem` returns (asked again at each soft
//! reset, so every interpreter gets a freshly mounted volume).
//!
//! The region is an [`mpy_fat::FlashBlockDevice`] (power-loss-safe log at its end) holding a
//! FAT volume. The image xtask ships is sized to match (`fs_size` minus the log and spare
//! sectors, the same `FS_LOG_BLOCKS` in `board_config.rs`), so a freshly flashed board mounts
//! the shipped files. A region holding no readable volume (never flashed, erased, damaged) is
//! formatted with a default `boot.py`, and the console says so: the board is never left
//! without a filesystem it can write.

use alloc::boxed::Box;
use alloc::format;
use mpy_core::vfs::Filesystem;
use mpy_fat::vfs::FatVfs;
use mpy_fat::{Fat, Flash, FlashBlockDevice};

/// The manifest's filesystem region, from the board's generated `board_config.rs`.
#[derive(Clone, Copy, Debug)]
pub struct FsConfig {
    /// Start address (or flash offset, on chips with memory-mapped SPI flash) of the region.
    pub base: u32,
    /// Bytes in the region, log and spare included.
    pub size: u32,
    /// The erase size xtask sized the image with (`FS_ERASE_SIZE`); the driver must agree.
    pub erase_size: usize,
    /// Erase blocks the flash block device keeps for its log (`FS_LOG_BLOCKS`).
    pub log_blocks: usize,
    /// Volume label for a freshly formatted volume.
    pub label: &'static str,
}

/// The [`FsConfig`] of a board crate's generated `board_config` module (named by `$config`):
/// the region and log geometry xtask sized the shipped image for.
#[macro_export]
macro_rules! fs_config {
    ($config:ident) => {
        $crate::flash_fs::FsConfig {
            base: $config::FS_BASE,
            size: $config::FS_SIZE,
            erase_size: $config::FS_ERASE_SIZE,
            log_blocks: $config::FS_LOG_BLOCKS,
            label: $config::FS_LABEL,
        }
    };
}

/// The `boot.py` a freshly formatted volume gets (MicroPython's default is a comment too).
pub const DEFAULT_BOOT_PY: &[u8] = b"# boot.py -- run on boot-up\n";

/// Printed when the region held no readable volume and a new one was made.
pub const FORMATTED_MESSAGE: &[u8] = b"MPY: filesystem was unreadable; formatted a new one\n";

/// Mounts the volume in `flash` (formatting it if unreadable) as the root filesystem. `console`
/// gets one line if it formatted, or why there is no filesystem (then `None`: the interpreter
/// runs without one rather than not at all).
pub fn mount<F: Flash + 'static>(
    flash: F,
    config: &FsConfig,
    console: &mut dyn FnMut(&[u8]),
) -> Option<Box<dyn Filesystem>> {
    // xtask's chip table and this board's driver disagreeing would misplace the log; refuse
    // rather than "repair" a volume that is fine.
    if flash.erase_size() != config.erase_size {
        let line = format!(
            "MPY: no filesystem: the flash driver erases {} bytes, the image was made for {}\n",
            flash.erase_size(),
            config.erase_size
        );
        console(line.as_bytes());
        return None;
    }
    let mounted = FlashBlockDevice::new(flash, config.log_blocks)
        .and_then(|dev| Fat::mount_or_format(dev, config.label, &[("boot.py", DEFAULT_BOOT_PY)]));
    match mounted {
        Ok((fat, formatted)) => {
            if formatted {
                console(FORMATTED_MESSAGE);
            }
            Some(Box::new(FatVfs::new(fat)))
        }
        Err(e) => {
            let line = format!(
                "MPY: no filesystem: flash region {:#x}, {} bytes: {e}\n",
                config.base, config.size
            );
            console(line.as_bytes());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use mpy_core::vfs::OpenFlags;
    use std::vec;
    use std::vec::Vec;

    const ERASE: usize = 1024;
    const CONFIG: FsConfig = FsConfig {
        base: 0x38000,
        size: 32 * 1024,
        erase_size: ERASE,
        log_blocks: 8,
        label: "MICROBIT",
    };

    /// RAM standing in for flash: erase sets 0xFF, programs AND their bits in.
    struct RamFlash(Vec<u8>);

    impl Flash for RamFlash {
        fn erase_size(&self) -> usize {
            ERASE
        }
        fn program_size(&self) -> usize {
            4
        }
        fn capacity(&self) -> usize {
            self.0.len()
        }
        fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), mpy_fat::Error> {
            buf.copy_from_slice(&self.0[addr..addr + buf.len()]);
            Ok(())
        }
        fn erase(&mut self, block: usize) -> Result<(), mpy_fat::Error> {
            self.0[block * ERASE..(block + 1) * ERASE].fill(0xFF);
            Ok(())
        }
        fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), mpy_fat::Error> {
            for (cell, b) in self.0[addr..addr + data.len()].iter_mut().zip(data) {
                *cell &= b;
            }
            Ok(())
        }
    }

    fn mount_logged(flash: RamFlash) -> (Option<Box<dyn Filesystem>>, Vec<u8>) {
        let mut said = Vec::new();
        let fs = mount(flash, &CONFIG, &mut |line| said.extend_from_slice(line));
        (fs, said)
    }

    const READ: OpenFlags = OpenFlags {
        read: true,
        write: false,
        append: false,
        create: false,
        truncate: false,
        exclusive: false,
    };

    fn read_file(fs: &mut dyn Filesystem, path: &str) -> Vec<u8> {
        let h = fs.open(path, READ).unwrap();
        let mut buf = vec![0u8; 256];
        let n = fs.read(h, &mut buf).unwrap();
        fs.close(h).unwrap();
        buf.truncate(n);
        buf
    }

    #[test]
    fn blank_region_is_formatted_with_a_boot_py_and_the_console_says_so() {
        // QEMU's never-programmed nRF51 flash reads 0x00.
        let (fs, said) = mount_logged(RamFlash(vec![0; CONFIG.size as usize]));
        assert_eq!(said, FORMATTED_MESSAGE);
        assert_eq!(read_file(&mut *fs.unwrap(), "/boot.py"), DEFAULT_BOOT_PY);
    }

    #[test]
    fn a_volume_is_mounted_as_it_is_without_a_message() {
        let dev = FlashBlockDevice::new(RamFlash(vec![0xFF; CONFIG.size as usize]), 8).unwrap();
        let (fat, _) = Fat::mount_or_format(dev, "X", &[("main.py", b"print(1)\n")]).unwrap();
        let flash = fat.unmount().unwrap().into_inner();
        let (fs, said) = mount_logged(flash);
        assert!(
            said.is_empty(),
            "{}",
            std::string::String::from_utf8_lossy(&said)
        );
        let mut fs = fs.unwrap();
        assert_eq!(read_file(&mut *fs, "/main.py"), b"print(1)\n");
        assert!(fs.open("/boot.py", READ).is_err());
    }

    #[test]
    fn a_driver_with_another_erase_size_is_refused() {
        let config = FsConfig {
            erase_size: 4096,
            ..CONFIG
        };
        let mut said = Vec::new();
        let flash = RamFlash(vec![0xFF; CONFIG.size as usize]);
        let fs = mount(flash, &config, &mut |line| said.extend_from_slice(line));
        assert!(fs.is_none());
        let said = std::string::String::from_utf8(said).unwrap();
        assert!(
            said.contains("erases 1024 bytes, the image was made for 4096"),
            "{said}"
        );
    }

    #[test]
    fn a_region_too_small_for_the_log_gives_no_filesystem_and_says_why() {
        let (fs, said) = mount_logged(RamFlash(vec![0xFF; 4 * ERASE]));
        assert!(fs.is_none());
        let said = std::string::String::from_utf8(said).unwrap();
        assert!(
            said.starts_with("MPY: no filesystem: flash region 0x38000"),
            "{said}"
        );
    }
}
