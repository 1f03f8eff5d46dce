//! What xtask knows about each supported chip: its pin names, how many UARTs it has, its UF2
//! family id, its image format and how its flash is erased. Manifests are validated against this
//! table.

/// How a chip's firmware image is laid out for flashing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    /// A plain memory image (ELF segments at their physical addresses): UF2, HEX, BIN.
    Flat,
    /// ESP-IDF second-stage bootloader + partition table + app, as espflash builds it.
    EspIdf,
    /// The ESP8266 ROM bootloader's v1 image format.
    Esp8266,
}

pub struct Chip {
    /// The manifest's `chip` value.
    pub name: &'static str,
    pub uart_count: u8,
    /// The first UART's number (STM32 numbers USART1..USART6, others count from 0).
    pub first_uart: u8,
    /// The UF2 family id registered for this chip, if any (from the UF2 spec's families list).
    pub uf2_family: Option<u32>,
    pub image: ImageKind,
    /// Needs the Xtensa toolchain (espup) rather than a rustup target.
    pub xtensa: bool,
    pin_names: fn(&str) -> bool,
    pub pin_example: &'static str,
    /// The erase sectors of the flash the filesystem lives in.
    pub erase: Erase,
    /// Erase blocks the board's flash block device keeps for its log (see [`FsGeometry`]).
    pub fs_log_blocks: u32,
}

/// How a chip's flash is divided into erase sectors.
#[derive(Clone, Copy, Debug)]
pub enum Erase {
    /// Every sector has this size.
    Uniform(u32),
    /// Runs of (first address, sector size, count), in address order (STM32F4's 16/64/128 KB).
    Sectors(&'static [(u32, u32, u32)]),
}

/// STM32F405 (1 MB): sectors 0-3 of 16 KB, sector 4 of 64 KB, sectors 5-11 of 128 KB.
const STM32F405_SECTORS: &[(u32, u32, u32)] = &[
    (0x0800_0000, 16 * 1024, 4),
    (0x0801_0000, 64 * 1024, 1),
    (0x0802_0000, 128 * 1024, 7),
];

/// The filesystem region as the board's flash block device sees it: its erase size, its log,
/// and the FAT image that fits in front of the log and spare blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FsGeometry {
    pub erase_size: u32,
    pub log_blocks: u32,
    /// Bytes of the region the FAT volume gets: the region minus the log and the spare block
    /// (`mpy_fat::flash::reserved_bytes`). An image bigger than this would not mount on the
    /// board, which would then reformat and lose the shipped files.
    pub image_size: u32,
}

/// The smallest FAT volume the image builder (the `fatfs` crate) can format: below 21 KB it
/// finds no FAT type that fits (fatimg.rs tests this).
pub const MIN_FS_IMAGE: u32 = 21 * 1024;

impl std::fmt::Debug for Chip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Chip({})", self.name)
    }
}

impl Chip {
    pub fn is_pin(&self, name: &str) -> bool {
        (self.pin_names)(name)
    }

    /// The erase sector size shared by every sector of `base..base + size`, or why there is none.
    fn erase_size_of(&self, base: u32, size: u32) -> Result<u32, String> {
        let end = u64::from(base) + u64::from(size);
        match self.erase {
            Erase::Uniform(sector) => Ok(sector),
            Erase::Sectors(runs) => {
                let covering = runs.iter().find(|&&(start, sector, count)| {
                    let run_end = u64::from(start) + u64::from(sector) * u64::from(count);
                    start <= base && end <= run_end
                });
                covering.map(|&(_, sector, _)| sector).ok_or_else(|| {
                    let map: Vec<String> = runs
                        .iter()
                        .map(|&(start, sector, count)| {
                            format!("{count} x {}K at {start:#x}", sector / 1024)
                        })
                        .collect();
                    format!(
                        "the filesystem region {base:#x}..{end:#x} spans erase sectors of different \
                         sizes ({} sectors: {}); place it inside one run of equal sectors",
                        self.name,
                        map.join(", ")
                    )
                })
            }
        }
    }

    /// Where the filesystem's log, spare and FAT volume go in the region `base..base + size`.
    /// An error names the manifest key to change (`fs_base` or `fs_size`) and why.
    pub fn fs_geometry(&self, base: u32, size: u32) -> Result<FsGeometry, (&'static str, String)> {
        let erase_size = self.erase_size_of(base, size).map_err(|e| ("fs_base", e))?;
        if !base.is_multiple_of(erase_size) || !size.is_multiple_of(erase_size) {
            let key = if base.is_multiple_of(erase_size) {
                "fs_size"
            } else {
                "fs_base"
            };
            return Err((
                key,
                format!(
                    "the filesystem region must start and end on a {} erase sector of the {}; \
                 make fs_base and fs_size multiples of {erase_size:#x}",
                    kib(erase_size),
                    self.name
                ),
            ));
        }
        let reserved =
            mpy_fat::flash::reserved_bytes(erase_size as usize, self.fs_log_blocks as usize) as u32;
        let needed = reserved + MIN_FS_IMAGE.next_multiple_of(erase_size);
        if size < needed {
            return Err((
                "fs_size",
                format!(
                    "fs_size {} is too small: the {} keeps {} for the filesystem's log and spare \
                 ({} log + 1 spare erase sector of {}) and the FAT volume needs at least {}; \
                 use fs_size of at least {needed:#x} ({})",
                    kib(size),
                    self.name,
                    kib(reserved),
                    self.fs_log_blocks,
                    kib(erase_size),
                    kib(MIN_FS_IMAGE),
                    kib(needed)
                ),
            ));
        }
        Ok(FsGeometry {
            erase_size,
            log_blocks: self.fs_log_blocks,
            image_size: size - reserved,
        })
    }
}

fn kib(bytes: u32) -> String {
    if bytes.is_multiple_of(1024) {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

pub const CHIPS: &[Chip] = &[
    Chip {
        name: "rp2040",
        uart_count: 2,
        first_uart: 0,
        uf2_family: Some(0xe48b_ff56),
        image: ImageKind::Flat,
        xtensa: false,
        pin_names: |p| numbered(p, "GP", 0, 29),
        pin_example: "GP0..GP29",
        // QSPI NOR flash: 4 KB sectors.
        erase: Erase::Uniform(4096),
        fs_log_blocks: 2,
    },
    Chip {
        name: "nrf51822",
        uart_count: 1,
        first_uart: 0,
        uf2_family: Some(0x1b57_745f),
        image: ImageKind::Flat,
        xtensa: false,
        pin_names: |p| numbered(p, "P0.", 0, 31) && p.len() == 5,
        pin_example: "P0.00..P0.31",
        // 1 KB NVMC pages: 8 of them give the log 8 KB (saves up to ~4.5 KB atomic).
        erase: Erase::Uniform(1024),
        fs_log_blocks: 8,
    },
    Chip {
        name: "nrf52833",
        uart_count: 2,
        first_uart: 0,
        uf2_family: Some(0x621e_937a),
        image: ImageKind::Flat,
        xtensa: false,
        pin_names: |p| p.len() == 5 && (numbered(p, "P0.", 0, 31) || numbered(p, "P1.", 0, 9)),
        pin_example: "P0.00..P0.31, P1.00..P1.09",
        erase: Erase::Uniform(4096),
        fs_log_blocks: 2,
    },
    Chip {
        name: "stm32f405",
        uart_count: 6,
        first_uart: 1,
        uf2_family: Some(0x5775_5a57),
        image: ImageKind::Flat,
        xtensa: false,
        pin_names: |p| {
            ["PA", "PB", "PC", "PD", "PE", "PF", "PG", "PH"]
                .iter()
                .any(|port| numbered(p, port, 0, 15))
                || numbered(p, "PI", 0, 11)
        },
        pin_example: "PA0..PH15, PI0..PI11",
        // One 128 KB sector of log already holds ~220 sectors per transaction; a second
        // would cost another 128 KB of flash.
        erase: Erase::Sectors(STM32F405_SECTORS),
        fs_log_blocks: 1,
    },
    Chip {
        name: "esp32c3",
        uart_count: 2,
        first_uart: 0,
        uf2_family: Some(0xd42b_a06c),
        image: ImageKind::EspIdf,
        xtensa: false,
        pin_names: |p| numbered(p, "GPIO", 0, 21),
        pin_example: "GPIO0..GPIO21",
        erase: Erase::Uniform(4096),
        fs_log_blocks: 2,
    },
    Chip {
        name: "esp32",
        uart_count: 3,
        first_uart: 0,
        uf2_family: Some(0x1c5f_21b0),
        image: ImageKind::EspIdf,
        xtensa: true,
        // GPIO20, 24 and 28..31 do not exist on the ESP32.
        pin_names: |p| {
            numbered(p, "GPIO", 0, 39)
                && !["GPIO20", "GPIO24", "GPIO28", "GPIO29", "GPIO30", "GPIO31"].contains(&p)
        },
        pin_example: "GPIO0..GPIO39 (no 20, 24, 28..31)",
        erase: Erase::Uniform(4096),
        fs_log_blocks: 2,
    },
    Chip {
        name: "esp8266",
        uart_count: 2,
        first_uart: 0,
        uf2_family: Some(0x7eab_61ed),
        image: ImageKind::Esp8266,
        xtensa: true,
        pin_names: |p| numbered(p, "GPIO", 0, 16),
        pin_example: "GPIO0..GPIO16",
        erase: Erase::Uniform(4096),
        fs_log_blocks: 2,
    },
];

pub fn find(name: &str) -> Option<&'static Chip> {
    CHIPS.iter().find(|c| c.name == name)
}

pub fn names() -> Vec<&'static str> {
    CHIPS.iter().map(|c| c.name).collect()
}

/// `prefix` followed by a decimal number in `lo..=hi` (leading zeros allowed: nRF "P0.05").
fn numbered(name: &str, prefix: &str, lo: u32, hi: u32) -> bool {
    name.strip_prefix(prefix)
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|digits| digits.parse::<u32>().ok())
        .is_some_and(|n| (lo..=hi).contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_names_per_chip() {
        let rp = find("rp2040").unwrap();
        assert!(rp.is_pin("GP25") && rp.is_pin("GP0") && !rp.is_pin("GP30") && !rp.is_pin("P25"));
        let nrf = find("nrf51822").unwrap();
        assert!(nrf.is_pin("P0.13") && nrf.is_pin("P0.05") && !nrf.is_pin("P0.5"));
        assert!(!nrf.is_pin("P0.32"));
        let stm = find("stm32f405").unwrap();
        assert!(
            stm.is_pin("PA9") && stm.is_pin("PI11") && !stm.is_pin("PI12") && !stm.is_pin("PZ1")
        );
        let esp = find("esp32").unwrap();
        assert!(esp.is_pin("GPIO2") && !esp.is_pin("GPIO20") && !esp.is_pin("GPIO40"));
    }

    #[test]
    fn fs_image_leaves_the_log_and_spare_to_the_device() {
        let nrf51 = find("nrf51822").unwrap().fs_geometry(0x38000, 32 * 1024);
        let expected = FsGeometry {
            erase_size: 1024,
            log_blocks: 8,
            image_size: 32 * 1024 - 9 * 1024,
        };
        assert_eq!(nrf51, Ok(expected));
        let pico = find("rp2040")
            .unwrap()
            .fs_geometry(0x1010_0000, 1024 * 1024);
        assert_eq!(pico.map(|g| g.image_size), Ok(1024 * 1024 - 3 * 4096));
        let f405 = find("stm32f405").unwrap();
        let top = f405.fs_geometry(0x0808_0000, 512 * 1024).expect("4 x 128K");
        assert_eq!((top.erase_size, top.image_size), (128 * 1024, 256 * 1024));
    }

    #[test]
    fn fs_region_too_small_for_log_and_volume() {
        let err = find("stm32f405")
            .unwrap()
            .fs_geometry(0x080C_0000, 256 * 1024)
            .unwrap_err()
            .1;
        assert!(err.contains("fs_size 256 KB is too small"), "{err}");
        assert!(err.contains("at least 0x60000 (384 KB)"), "{err}");
        let err = find("nrf51822")
            .unwrap()
            .fs_geometry(0x3C000, 16 * 1024)
            .unwrap_err()
            .1;
        assert!(err.contains("at least 0x7800 (30 KB)"), "{err}");
    }

    #[test]
    fn fs_region_on_mixed_or_misaligned_sectors() {
        let f405 = find("stm32f405").unwrap();
        let err = f405.fs_geometry(0x0801_0000, 128 * 1024).unwrap_err().1;
        assert!(
            err.contains("spans erase sectors of different sizes"),
            "{err}"
        );
        assert!(err.contains("7 x 128K at 0x8020000"), "{err}");
        let err = f405.fs_geometry(0x0803_0000, 384 * 1024).unwrap_err().1;
        assert!(err.contains("multiples of 0x20000"), "{err}");
        let err = find("nrf52833")
            .unwrap()
            .fs_geometry(0x70400, 64 * 1024)
            .unwrap_err()
            .1;
        assert!(
            err.contains("start and end on a 4 KB erase sector"),
            "{err}"
        );
    }
}
