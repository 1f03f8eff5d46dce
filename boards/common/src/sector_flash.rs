//! A filesystem region on a flash controller that erases numbered sectors and programs 32-bit
//! words (the STM32F4's FLASH peripheral), as an [`mpy_fat::Flash`].
//!
//! Split so the logic runs on the host: the board implements [`SectorController`], a thin
//! layer over the controller's registers (unlock, sector erase, word program, status); this
//! module maps the region's erase blocks to sector numbers, checks every range against the
//! region, programs only the words that clear bits, and reads each one back, turning a
//! controller error or a word that did not take into [`mpy_fat::Error::Io`]. The tests drive it
//! against a simulated controller with NOR semantics.

use mpy_fat::{Error, Flash};

/// Why the controller refused or failed an operation (its status flags, for the board to map).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControllerError(pub u32);

/// The register-level part a board provides. Addresses are absolute (memory-mapped flash).
pub trait SectorController {
    /// Erases sector number `sector` (all its bytes become 0xFF) and waits for the end.
    fn erase_sector(&mut self, sector: u32) -> Result<(), ControllerError>;
    /// Programs the word-aligned `addr` with `word` (bits can only be cleared) and waits.
    fn program_word(&mut self, addr: u32, word: u32) -> Result<(), ControllerError>;
    /// Reads flash at `addr` into `buf`.
    fn read(&mut self, addr: u32, buf: &mut [u8]);
}

/// Equal sectors `first_sector..` starting at `base`, `len` bytes: the manifest's region.
pub struct SectorFlash<C: SectorController> {
    controller: C,
    base: u32,
    len: usize,
    sector_size: usize,
    first_sector: u32,
}

impl<C: SectorController> SectorFlash<C> {
    /// `None` unless the region is a whole number of `sector_size` sectors (itself a multiple
    /// of 512 bytes), starting with sector `first_sector` at `base`.
    pub fn new(
        controller: C,
        base: u32,
        len: usize,
        sector_size: usize,
        first_sector: u32,
    ) -> Option<SectorFlash<C>> {
        let valid = sector_size > 0
            && sector_size.is_multiple_of(512)
            && len > 0
            && len.is_multiple_of(sector_size)
            && (base as usize).is_multiple_of(sector_size);
        valid.then_some(SectorFlash {
            controller,
            base,
            len,
            sector_size,
            first_sector,
        })
    }

    fn check_range(&self, addr: usize, len: usize) -> Result<(), Error> {
        match addr.checked_add(len) {
            Some(end) if end <= self.len => Ok(()),
            _ => Err(Error::Invalid),
        }
    }
}

impl<C: SectorController> Flash for SectorFlash<C> {
    fn erase_size(&self) -> usize {
        self.sector_size
    }
    fn program_size(&self) -> usize {
        4
    }
    fn capacity(&self) -> usize {
        self.len
    }
    fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), Error> {
        self.check_range(addr, buf.len())?;
        self.controller.read(self.base + addr as u32, buf);
        Ok(())
    }
    fn erase(&mut self, block: usize) -> Result<(), Error> {
        if block >= self.len / self.sector_size {
            return Err(Error::Invalid);
        }
        self.controller
            .erase_sector(self.first_sector + block as u32)
            .map_err(|_| Error::Io)
    }
    fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), Error> {
        self.check_range(addr, data.len())?;
        if !addr.is_multiple_of(4) || !data.len().is_multiple_of(4) {
            return Err(Error::Invalid);
        }
        for (i, chunk) in data.chunks_exact(4).enumerate() {
            let word = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
            // An all-ones word changes nothing: skipping it saves a program cycle and leaves
            // the word free for a later program (the block device pads headers with 0xFF).
            if word == u32::MAX {
                continue;
            }
            let at = self.base + (addr + i * 4) as u32;
            self.controller
                .program_word(at, word)
                .map_err(|_| Error::Io)?;
            let mut back = [0u8; 4];
            self.controller.read(at, &mut back);
            if u32::from_le_bytes(back) != word {
                return Err(Error::Io);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec;
    use std::vec::Vec;

    const BASE: u32 = 0x0808_0000;
    const SECTOR: usize = 128 * 1024;
    /// The simulated chip's flash: 4 sectors numbered 8..=11 at BASE, as on the pyboard.
    const FIRST: u32 = 8;

    /// A NOR flash controller: erase sets 0xFF, programming can only clear bits, programming
    /// a word that is not erased is an error (as STM32F4's PGSERR would make it unreliable),
    /// and `fail_at` makes a program at one address fail like a worn cell.
    struct SimController {
        flash: Vec<u8>,
        erased: Vec<u32>,
        fail_at: Option<u32>,
    }

    impl SimController {
        fn new() -> Self {
            SimController {
                flash: vec![0x00; 4 * SECTOR],
                erased: Vec::new(),
                fail_at: None,
            }
        }
        fn offset(addr: u32) -> usize {
            (addr - BASE) as usize
        }
    }

    impl SectorController for SimController {
        fn erase_sector(&mut self, sector: u32) -> Result<(), ControllerError> {
            if !(FIRST..FIRST + 4).contains(&sector) {
                return Err(ControllerError(1 << 7));
            }
            let start = (sector - FIRST) as usize * SECTOR;
            self.flash[start..start + SECTOR].fill(0xFF);
            self.erased.push(sector);
            Ok(())
        }
        fn program_word(&mut self, addr: u32, word: u32) -> Result<(), ControllerError> {
            let at = Self::offset(addr);
            assert_eq!(at % 4, 0, "misaligned word program at {addr:#x}");
            let old = u32::from_le_bytes(self.flash[at..at + 4].try_into().unwrap());
            assert_eq!(old, u32::MAX, "word at {addr:#x} programmed twice");
            let stored = if self.fail_at == Some(addr) {
                old
            } else {
                word
            };
            self.flash[at..at + 4].copy_from_slice(&(old & stored).to_le_bytes());
            Ok(())
        }
        fn read(&mut self, addr: u32, buf: &mut [u8]) {
            let at = Self::offset(addr);
            buf.copy_from_slice(&self.flash[at..at + buf.len()]);
        }
    }

    fn region() -> SectorFlash<SimController> {
        SectorFlash::new(SimController::new(), BASE, 4 * SECTOR, SECTOR, FIRST).unwrap()
    }

    #[test]
    fn erase_blocks_map_to_the_region_sector_numbers() {
        let mut f = region();
        f.erase(0).unwrap();
        f.erase(3).unwrap();
        assert_eq!(f.controller.erased, [8, 11]);
        assert_eq!(f.erase(4), Err(Error::Invalid));
        assert_eq!(f.controller.erased, [8, 11], "nothing outside the region");
    }

    #[test]
    fn program_then_read_back_and_ff_words_stay_programmable() {
        let mut f = region();
        f.erase(1).unwrap();
        let at = SECTOR + 16;
        f.program(at, &[1, 2, 3, 4, 0xFF, 0xFF, 0xFF, 0xFF])
            .unwrap();
        // The skipped all-ones word can still be programmed (the simulator asserts otherwise).
        f.program(at + 4, &[5, 6, 7, 8]).unwrap();
        let mut buf = [0u8; 8];
        f.read(at, &mut buf).unwrap();
        assert_eq!(buf, [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    #[test]
    fn bad_ranges_are_refused_without_touching_flash() {
        let mut f = region();
        f.erase(0).unwrap();
        assert_eq!(f.program(2, &[0; 4]), Err(Error::Invalid));
        assert_eq!(f.program(0, &[0; 3]), Err(Error::Invalid));
        assert_eq!(f.program(4 * SECTOR - 4, &[0; 8]), Err(Error::Invalid));
        assert_eq!(f.read(usize::MAX - 1, &mut [0; 4]), Err(Error::Invalid));
        let mut buf = [0u8; 8];
        f.read(0, &mut buf).unwrap();
        assert_eq!(buf, [0xFF; 8]);
        assert!(SectorFlash::new(SimController::new(), BASE + 4, SECTOR, SECTOR, 8).is_none());
        assert!(SectorFlash::new(SimController::new(), BASE, SECTOR + 512, SECTOR, 8).is_none());
    }

    #[test]
    fn a_word_that_does_not_take_is_an_io_error() {
        let mut f = region();
        f.erase(0).unwrap();
        f.controller.fail_at = Some(BASE + 8);
        assert_eq!(f.program(0, &[0x11; 16]), Err(Error::Io));
    }

    #[test]
    fn fat_volume_on_the_simulated_controller_survives_a_remount() {
        crate::flash_test::assert_fat_survives_remount(region(), 1, b"print('hi')\n");
    }
}
