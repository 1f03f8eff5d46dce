//! A filesystem region of SPI NOR flash reached through ROM routines that move whole 32-bit
//! words (the ESP8266 mask ROM's `SPIRead`, `SPIWrite`, `SPIEraseSector`), as an
//! [`mpy_fat::Flash`].
//!
//! Split so the logic runs on the host: the board implements [`WordRom`], a thin shim that only
//! calls the ROM (with the flash cache handled); this module checks the region against the
//! flash chip and every range against the region, moves bytes through a word-aligned bounce
//! buffer (the ROM routines take a word-aligned flash offset, a word-aligned RAM buffer and a
//! byte count that is a multiple of 4; `mpy_fat` hands over plain `u8` slices at any address),
//! programs at most one 256-byte flash page per call, reads every program back, and maps the
//! ROM's result codes to [`mpy_fat::Error`]. The tests drive it against a simulated ROM with NOR
//! semantics that asserts those alignment rules.
//!
//! The bounce buffer also keeps the ROM away from the caller's memory: data to program is
//! copied into it first, so the source may even be in flash-mapped `.rodata`, which is
//! unreadable while the ROM runs with the flash cache off.

use mpy_fat::{Error, Flash};

/// Erase unit: one 4 KB sector (`SPIEraseSector`).
pub const SECTOR_SIZE: usize = 4096;
/// Program unit of the flash chip (page program command); a program never crosses a page.
pub const PAGE_SIZE: usize = 256;
/// Words in the bounce buffer: one page, so one program call per page.
const CHUNK_WORDS: usize = PAGE_SIZE / 4;

/// A ROM flash routine's failure: Espressif ROMs return `SpiFlashOpResult` (0 OK, 1 ERR,
/// 2 TIMEOUT; declared in the ESP8266 SDKs' `spi_flash.h`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RomError {
    /// `SPI_FLASH_RESULT_ERR`: e.g. an offset past the chip size the ROM was configured with.
    Failed,
    /// `SPI_FLASH_RESULT_TIMEOUT`: the chip stayed busy.
    Timeout,
    /// Any other value (not a documented result).
    Unknown(u32),
}

/// The `SpiFlashOpResult` a ROM routine returned, as a `Result`.
pub fn rom_result(code: u32) -> Result<(), RomError> {
    match code {
        0 => Ok(()),
        1 => Err(RomError::Failed),
        2 => Err(RomError::Timeout),
        other => Err(RomError::Unknown(other)),
    }
}

/// The ROM calls a board provides. Offsets are flash offsets (from the chip's first byte).
pub trait WordRom {
    /// Reads `words.len()` words at the word-aligned `offset`.
    fn read(&mut self, offset: u32, words: &mut [u32]) -> Result<(), RomError>;
    /// Programs `words` at the word-aligned `offset`; the range lies inside one page.
    fn program(&mut self, offset: u32, words: &[u32]) -> Result<(), RomError>;
    /// Erases sector number `sector` (flash offset `sector * SECTOR_SIZE`).
    fn erase_sector(&mut self, sector: u32) -> Result<(), RomError>;
}

/// Why a manifest's region cannot be used (the board prints it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionError {
    /// Start or length is not a whole number of 4 KB sectors, or the length is 0.
    NotSectorAligned,
    /// The region ends past the flash chip.
    PastChipEnd,
}

impl RegionError {
    pub fn message(self) -> &'static str {
        match self {
            RegionError::NotSectorAligned => "the region is not a whole number of 4 KB sectors",
            RegionError::PastChipEnd => "the region ends past the flash chip",
        }
    }
}

/// Flash offsets `start..start + len` of a `chip_size`-byte chip, through `rom`.
pub struct RomFlash<R: WordRom> {
    rom: R,
    start: u32,
    len: usize,
}

impl<R: WordRom> RomFlash<R> {
    /// The region `start..start + len` (flash offsets) of a chip of `chip_size` bytes.
    pub fn new(rom: R, start: u32, len: usize, chip_size: u32) -> Result<Self, RegionError> {
        if len == 0
            || !(start as usize).is_multiple_of(SECTOR_SIZE)
            || !len.is_multiple_of(SECTOR_SIZE)
        {
            return Err(RegionError::NotSectorAligned);
        }
        match u64::from(start).checked_add(len as u64) {
            Some(end) if end <= u64::from(chip_size) => Ok(RomFlash { rom, start, len }),
            _ => Err(RegionError::PastChipEnd),
        }
    }

    /// The flash offset of region offset `addr`, if `addr..addr + len` lies in the region.
    fn offset(&self, addr: usize, len: usize) -> Result<u32, Error> {
        match addr.checked_add(len) {
            // `start + end` fits: `new` checked the region against a u32 chip size.
            Some(end) if end <= self.len => Ok(self.start + addr as u32),
            _ => Err(Error::Invalid),
        }
    }
}

/// Copies `bytes` (a multiple of 4 long, at most a chunk) into `words`, flash byte order.
fn pack(bytes: &[u8], words: &mut [u32]) {
    for (word, b) in words.iter_mut().zip(bytes.chunks_exact(4)) {
        *word = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    }
}

/// The bytes of `words` from byte `skip` on, copied into `out` (as many as fit).
fn unpack(words: &[u32], skip: usize, out: &mut [u8]) {
    let bytes = words.iter().flat_map(|w| w.to_le_bytes()).skip(skip);
    for (dst, src) in out.iter_mut().zip(bytes) {
        *dst = src;
    }
}

impl<R: WordRom> Flash for RomFlash<R> {
    fn erase_size(&self) -> usize {
        SECTOR_SIZE
    }
    fn program_size(&self) -> usize {
        4
    }
    fn capacity(&self) -> usize {
        self.len
    }

    fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), Error> {
        let mut at = self.offset(addr, buf.len())?;
        let mut words = [0u32; CHUNK_WORDS];
        let mut rest = buf;
        while !rest.is_empty() {
            // Read from the word holding `at`; the region ends on a sector, so rounding the
            // last word up never leaves it.
            let skip = (at % 4) as usize;
            let n_words = (skip + rest.len()).div_ceil(4).min(CHUNK_WORDS);
            self.rom
                .read(at - skip as u32, &mut words[..n_words])
                .map_err(|_| Error::Io)?;
            let taken = (n_words * 4 - skip).min(rest.len());
            let (head, tail) = rest.split_at_mut(taken);
            unpack(&words[..n_words], skip, head);
            rest = tail;
            at += taken as u32;
        }
        Ok(())
    }

    fn erase(&mut self, block: usize) -> Result<(), Error> {
        let at = self.offset(block.saturating_mul(SECTOR_SIZE), SECTOR_SIZE)?;
        self.rom
            .erase_sector(at / SECTOR_SIZE as u32)
            .map_err(|_| Error::Io)
    }

    fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), Error> {
        let mut at = self.offset(addr, data.len())?;
        if !addr.is_multiple_of(4) || !data.len().is_multiple_of(4) {
            return Err(Error::Invalid);
        }
        let mut words = [0u32; CHUNK_WORDS];
        let mut back = [0u32; CHUNK_WORDS];
        let mut rest = data;
        while !rest.is_empty() {
            let in_page = PAGE_SIZE - at as usize % PAGE_SIZE;
            let (chunk, tail) = rest.split_at(in_page.min(rest.len()));
            let n_words = chunk.len() / 4;
            pack(chunk, &mut words[..n_words]);
            self.rom
                .program(at, &words[..n_words])
                .map_err(|_| Error::Io)?;
            // A write-protected chip (status register block protection) ignores the program
            // and the ROM still reports success: only reading back tells.
            self.rom
                .read(at, &mut back[..n_words])
                .map_err(|_| Error::Io)?;
            if back[..n_words] != words[..n_words] {
                return Err(Error::Io);
            }
            rest = tail;
            at += chunk.len() as u32;
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

    /// The manifest's layout: a 4 MB chip, the filesystem from 1 MB, 2 MB long.
    const CHIP: u32 = 4 * 1024 * 1024;
    const START: u32 = 0x10_0000;
    const LEN: usize = 2 * 1024 * 1024;

    /// The ESP8266 ROM as the driver must use it: word-aligned offsets only (the slices make
    /// the RAM side aligned), nothing past the configured chip size (SPI_FLASH_RESULT_ERR), a
    /// program never crosses a page and only clears bits (programming a word twice between
    /// erases is refused, as the block device promises never to). `protected` ignores
    /// programs yet reports success, like a chip with block protection set; `fail` makes the
    /// next call return that `SpiFlashOpResult`.
    struct SimRom {
        flash: Vec<u8>,
        protected: bool,
        fail: Option<u32>,
        programs: usize,
    }

    impl SimRom {
        fn new() -> Self {
            SimRom {
                flash: vec![0x00; CHIP as usize],
                protected: false,
                fail: None,
                programs: 0,
            }
        }
        fn call(&mut self, offset: u32, bytes: usize) -> Result<usize, RomError> {
            assert_eq!(
                offset % 4,
                0,
                "ROM called with unaligned offset {offset:#x}"
            );
            if let Some(code) = self.fail.take() {
                return rom_result(code).map(|_| 0);
            }
            if offset as usize + bytes > CHIP as usize {
                return Err(RomError::Failed);
            }
            Ok(offset as usize)
        }
    }

    impl WordRom for SimRom {
        fn read(&mut self, offset: u32, words: &mut [u32]) -> Result<(), RomError> {
            assert!(!words.is_empty() && words.len() <= CHUNK_WORDS);
            let at = self.call(offset, words.len() * 4)?;
            for (i, w) in words.iter_mut().enumerate() {
                let b = &self.flash[at + 4 * i..at + 4 * i + 4];
                *w = u32::from_le_bytes(b.try_into().unwrap());
            }
            Ok(())
        }
        fn program(&mut self, offset: u32, words: &[u32]) -> Result<(), RomError> {
            let at = self.call(offset, words.len() * 4)?;
            let end = at + words.len() * 4;
            assert!(!words.is_empty());
            assert_eq!(
                at / PAGE_SIZE,
                (end - 1) / PAGE_SIZE,
                "program crosses a page"
            );
            self.programs += 1;
            if self.protected {
                return Ok(());
            }
            for (i, w) in words.iter().enumerate() {
                let cell = &mut self.flash[at + 4 * i..at + 4 * i + 4];
                assert_eq!(
                    cell,
                    [0xFF; 4],
                    "word at {:#x} programmed twice",
                    at + 4 * i
                );
                cell.copy_from_slice(&w.to_le_bytes());
            }
            Ok(())
        }
        fn erase_sector(&mut self, sector: u32) -> Result<(), RomError> {
            let at = self.call(sector * SECTOR_SIZE as u32, SECTOR_SIZE)?;
            if !self.protected {
                self.flash[at..at + SECTOR_SIZE].fill(0xFF);
            }
            Ok(())
        }
    }

    fn region() -> RomFlash<SimRom> {
        RomFlash::new(SimRom::new(), START, LEN, CHIP).unwrap()
    }

    #[test]
    fn result_codes_map_as_the_sdk_declares_them() {
        assert_eq!(rom_result(0), Ok(()));
        assert_eq!(rom_result(1), Err(RomError::Failed));
        assert_eq!(rom_result(2), Err(RomError::Timeout));
        assert_eq!(rom_result(7), Err(RomError::Unknown(7)));
    }

    #[test]
    fn the_region_must_be_whole_sectors_inside_the_chip() {
        let new = |start, len| RomFlash::new(SimRom::new(), start, len, CHIP).map(|_| ());
        assert_eq!(new(START, LEN), Ok(()));
        assert_eq!(new(START + 4, LEN), Err(RegionError::NotSectorAligned));
        assert_eq!(new(START, LEN + 512), Err(RegionError::NotSectorAligned));
        assert_eq!(new(START, 0), Err(RegionError::NotSectorAligned));
        assert_eq!(
            new(START, 3 * 1024 * 1024 + 4096),
            Err(RegionError::PastChipEnd)
        );
        assert_eq!(new(0xFFFF_F000, 8192), Err(RegionError::PastChipEnd));
        assert_eq!(new(CHIP - 4096, 4096), Ok(()));
    }

    #[test]
    fn erase_blocks_are_the_region_sectors() {
        let mut f = region();
        f.erase(0).unwrap();
        f.erase(LEN / SECTOR_SIZE - 1).unwrap();
        let sim = &f.rom.flash;
        assert!(sim[START as usize..START as usize + SECTOR_SIZE]
            .iter()
            .all(|&b| b == 0xFF));
        assert_eq!(
            sim[START as usize + SECTOR_SIZE],
            0x00,
            "only block 0 erased"
        );
        assert_eq!(sim[START as usize - 1], 0x00, "nothing before the region");
        assert_eq!(f.erase(LEN / SECTOR_SIZE), Err(Error::Invalid));
        assert_eq!(f.erase(usize::MAX), Err(Error::Invalid));
    }

    #[test]
    fn reads_at_any_offset_and_length_go_through_aligned_words() {
        let mut f = region();
        let pattern: Vec<u8> = (0..2 * PAGE_SIZE + 64).map(|i| (i * 7 + 3) as u8).collect();
        f.rom.flash[START as usize..START as usize + pattern.len()].copy_from_slice(&pattern);
        // Offsets and lengths around word and chunk boundaries, into an unaligned buffer.
        let mut backing = vec![0u8; pattern.len() + 1];
        for addr in 0..9 {
            for len in [0, 1, 2, 3, 4, 5, 255, 256, 257, 300, 512] {
                let buf = &mut backing[1..1 + len];
                f.read(addr, buf).unwrap();
                assert_eq!(buf, &pattern[addr..addr + len], "addr {addr} len {len}");
            }
        }
    }

    #[test]
    fn a_read_ending_at_the_region_end_stays_inside_it() {
        let mut f = RomFlash::new(SimRom::new(), CHIP - 4096, 4096, CHIP).unwrap();
        let mut buf = [0u8; 3];
        f.read(4093, &mut buf).unwrap();
        assert_eq!(f.read(4094, &mut buf), Err(Error::Invalid));
    }

    #[test]
    fn programs_are_split_at_pages_and_read_back() {
        let mut f = region();
        f.erase(0).unwrap();
        // 16-byte header, then 512 bytes starting mid-page: three page pieces.
        f.program(0, &[0xA5; 16]).unwrap();
        let data: Vec<u8> = (0..512).map(|i| i as u8).collect();
        f.program(128, &data).unwrap();
        assert_eq!(f.rom.programs, 1 + 3);
        let mut buf = vec![0u8; 528];
        f.read(0, &mut buf[..16]).unwrap();
        assert_eq!(buf[..16], [0xA5; 16]);
        f.read(128, &mut buf[..512]).unwrap();
        assert_eq!(buf[..512], data[..]);
    }

    #[test]
    fn misaligned_or_out_of_region_programs_are_refused_untouched() {
        let mut f = region();
        f.erase(0).unwrap();
        assert_eq!(f.program(2, &[0; 4]), Err(Error::Invalid));
        assert_eq!(f.program(0, &[0; 6]), Err(Error::Invalid));
        assert_eq!(f.program(LEN - 4, &[0; 8]), Err(Error::Invalid));
        assert_eq!(f.read(usize::MAX - 1, &mut [0; 4]), Err(Error::Invalid));
        assert_eq!(f.rom.programs, 0);
    }

    #[test]
    fn rom_failures_and_ignored_programs_are_io_errors() {
        let mut f = region();
        f.erase(0).unwrap();
        f.rom.fail = Some(2);
        assert_eq!(f.program(0, &[0; 4]), Err(Error::Io));
        f.rom.fail = Some(1);
        assert_eq!(f.read(0, &mut [0; 4]), Err(Error::Io));
        f.rom.fail = Some(9);
        assert_eq!(f.erase(1), Err(Error::Io));
        f.rom.protected = true;
        assert_eq!(f.program(4, &[0x12; 4]), Err(Error::Io));
    }

    #[test]
    fn fat_volume_on_the_simulated_rom_survives_a_remount() {
        let text = b"print('hi')\n".repeat(100);
        crate::flash_test::assert_fat_survives_remount(region(), 2, &text);
    }
}
