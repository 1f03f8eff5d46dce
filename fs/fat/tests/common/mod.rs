//! Test devices: a RAM disk, a NOR flash that can lose power after N steps, and fsck/mtools.
#![allow(dead_code)]

use std::cell::RefCell;
use std::path::PathBuf;
use std::process::Command;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use mpy_fat::{BlockDevice, Error, Flash, SECTOR};

/// A plain sector array.
pub struct RamDisk(pub Vec<u8>);

impl BlockDevice for RamDisk {
    fn sector_count(&self) -> u32 {
        (self.0.len() / SECTOR) as u32
    }
    fn read(&mut self, sector: u32, buf: &mut [u8; SECTOR]) -> Result<(), Error> {
        let at = sector as usize * SECTOR;
        buf.copy_from_slice(self.0.get(at..at + SECTOR).ok_or(Error::Io)?);
        Ok(())
    }
    fn write(&mut self, sector: u32, data: &[u8; SECTOR]) -> Result<(), Error> {
        let at = sector as usize * SECTOR;
        self.0
            .get_mut(at..at + SECTOR)
            .ok_or(Error::Io)?
            .copy_from_slice(data);
        Ok(())
    }
    fn sync(&mut self) -> Result<(), Error> {
        Ok(())
    }
}

/// NOR flash in RAM, its bytes shared with the test (see [`MemFlash::handle`]) so they can be
/// inspected after the device that owned the flash is gone. With `steps_left = Some(n)` the
/// n+1-th erase or program "loses power": a program is torn (its first half lands), an erase
/// does not happen, and every later call fails, as if the chip had stopped.
pub struct MemFlash {
    bytes: Rc<RefCell<Vec<u8>>>,
    erase: usize,
    program: usize,
    steps_left: Option<usize>,
    dead: bool,
}

impl MemFlash {
    pub fn new(bytes: Vec<u8>, erase: usize, program: usize, steps_left: Option<usize>) -> Self {
        MemFlash {
            bytes: Rc::new(RefCell::new(bytes)),
            erase,
            program,
            steps_left,
            dead: false,
        }
    }

    /// The flash contents, shared.
    pub fn handle(&self) -> Rc<RefCell<Vec<u8>>> {
        self.bytes.clone()
    }

    fn step(&mut self) -> bool {
        match &mut self.steps_left {
            Some(0) => self.dead = true,
            Some(n) => *n -= 1,
            None => {}
        }
        !self.dead
    }
}

impl Flash for MemFlash {
    fn erase_size(&self) -> usize {
        self.erase
    }
    fn program_size(&self) -> usize {
        self.program
    }
    fn capacity(&self) -> usize {
        self.bytes.borrow().len()
    }
    fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), Error> {
        if self.dead {
            return Err(Error::Io);
        }
        buf.copy_from_slice(&self.bytes.borrow()[addr..addr + buf.len()]);
        Ok(())
    }
    fn erase(&mut self, block: usize) -> Result<(), Error> {
        if !self.step() {
            return Err(Error::Io);
        }
        self.bytes.borrow_mut()[block * self.erase..(block + 1) * self.erase].fill(0xFF);
        Ok(())
    }
    fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), Error> {
        assert_eq!(addr % self.program, 0, "unaligned program at {addr:#x}");
        assert_eq!(
            data.len() % self.program,
            0,
            "program of {} bytes",
            data.len()
        );
        if self.dead {
            return Err(Error::Io);
        }
        let alive = self.step();
        let n = if alive { data.len() } else { data.len() / 2 };
        let mut bytes = self.bytes.borrow_mut();
        for (i, &b) in data[..n].iter().enumerate() {
            let cell = &mut bytes[addr + i];
            assert!(
                *cell & b == b,
                "programming a non-erased byte at {:#x}",
                addr + i
            );
            *cell &= b;
        }
        if alive {
            Ok(())
        } else {
            Err(Error::Io)
        }
    }
}

/// A temporary file path unique to this test process and `name`.
pub fn temp_path(name: &str) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("mpy-fat-{}-{n}-{name}", std::process::id()))
}

/// Runs `fsck.fat -n` on `image`; Err with its output unless it is clean.
pub fn fsck(image: &[u8], name: &str) -> Result<(), String> {
    let path = temp_path(name);
    std::fs::write(&path, image).unwrap();
    let out = Command::new("fsck.fat")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("fsck.fat (dosfstools) is needed");
    let _ = std::fs::remove_file(&path);
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Runs an mtools command (`mdir`, `mtype`, `mcopy`, `mmd`) on image file `image` with `args`.
pub fn mtools(tool: &str, image: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(tool)
        .arg("-i")
        .arg(image)
        .args(args)
        .env("MTOOLS_SKIP_CHECK", "1")
        .output()
        .unwrap_or_else(|e| panic!("{tool} (mtools) is needed: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
