//! Packaging tests on synthesized ELFs: every image is checked by an independent reader (our UF2
//! and HEX checkers, fsck.fat and mtools for FAT, esptool for ESP images) and rebuilt for
//! byte-identical reproducibility.

use std::path::Path;
use std::process::Command;

use crate::elf::Chunk;
use crate::manifest::{self, Board};
use crate::package::{make_images, publish, Images};
use crate::test_support::{
    cortex_m_elf, manifest_dir, synth_elf, ElfSection, TempDir, EM_RISCV, EM_XTENSA, VALID,
};
use crate::{ihex, uf2};

fn board_from(text: &str) -> (TempDir, Board) {
    let dir = manifest_dir(text);
    let board = manifest::load(dir.path(), "testboard").expect("valid manifest");
    let errors = crate::validate::validate(&board);
    assert!(errors.is_empty(), "{errors:?}");
    (dir, board)
}

fn file<'a>(images: &'a Images, suffix: &str) -> &'a [u8] {
    images
        .files
        .iter()
        .find(|(name, _)| name.ends_with(suffix))
        .map(|(_, data)| data.as_slice())
        .unwrap_or_else(|| panic!("no {suffix} output"))
}

/// Runs a checking tool; a missing tool fails the test with the command that installs it.
fn tool(program: &str, args: &[&str], install: &str) -> std::process::Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}): install it with `{install}`"))
}

/// Flash contents as a map from address to byte.
fn flash_bytes(chunks: &[Chunk]) -> std::collections::BTreeMap<u32, u8> {
    chunks
        .iter()
        .flat_map(|c| {
            c.data
                .iter()
                .enumerate()
                .map(move |(i, b)| (c.addr + i as u32, *b))
        })
        .collect()
}

fn stm32_images() -> (TempDir, Board, Vec<u8>, Images) {
    let (dir, board) = board_from(VALID);
    let elf = cortex_m_elf(0x0800_0000, 0x2000_0000, 64 * 1024);
    let scratch = TempDir::new("scratch");
    let images = make_images(&board, &elf, scratch.path()).expect("images");
    (dir, board, elf, images)
}

#[test]
fn uf2_checked_block_by_block() {
    let (_dir, board, elf_data, images) = stm32_images();
    let uf2_data = file(&images, ".uf2");
    let contents = uf2::check(uf2_data, 0x5775_5a57, 0x0800_0000..0x0810_0000).expect("valid UF2");
    // Firmware (1064 bytes -> 5 pages) plus the 256 KB filesystem (1024 pages).
    assert_eq!(contents.blocks, 5 + 1024);
    let decoded = flash_bytes(&contents.chunks);
    let elf = crate::elf::read(&elf_data).expect("elf");
    for (addr, byte) in flash_bytes(&elf.chunks) {
        assert_eq!(decoded[&addr], byte, "firmware byte at {addr:#x}");
    }
    // .data is stored at its load address, right after .text.
    assert_eq!(decoded[&0x0800_03E8], 0xA5);
    let fs = file(&images, "-fs.img");
    for (i, byte) in fs.iter().enumerate().step_by(509) {
        assert_eq!(decoded[&(board.memory.fs_base.value + i as u32)], *byte);
    }
}

#[test]
fn hex_records_and_checksums_verify() {
    let (_dir, board, elf_data, images) = stm32_images();
    let text = std::str::from_utf8(file(&images, ".hex")).expect("ascii");
    for line in text.lines() {
        let bytes: Vec<u8> = (1..line.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&line[i..i + 2], 16).expect("hex"))
            .collect();
        assert_eq!(
            bytes.iter().fold(0u8, |s, b| s.wrapping_add(*b)),
            0,
            "checksum of {line}"
        );
        assert!(matches!(bytes[3], 0 | 1 | 4), "record type in {line}");
    }
    let decoded = flash_bytes(&ihex::check(text).expect("valid hex"));
    let elf = crate::elf::read(&elf_data).expect("elf");
    for (addr, byte) in flash_bytes(&elf.chunks) {
        assert_eq!(decoded[&addr], byte);
    }
    // The FAT volume ends where the flash block device's log and spare sectors begin.
    let fs_image = board.memory.fs_size.value as usize - 2 * 128 * 1024;
    assert_eq!(file(&images, "-fs.img").len(), fs_image);
    assert_eq!(decoded.len(), 1064 + fs_image);
}

#[test]
fn bin_is_the_flash_image_from_the_firmware_base() {
    let (_dir, board, _elf, images) = stm32_images();
    let bin = file(&images, ".bin");
    assert_eq!(bin.len(), 0xC_0000, "up to the end of the FAT volume");
    assert_eq!(bin[0x3E8], 0xA5);
    assert_eq!(bin[0x428], 0xFF, "gap is erased flash");
    let fs_offset = (board.memory.fs_base.value - board.memory.firmware_base.value) as usize;
    assert_eq!(&bin[fs_offset..], file(&images, "-fs.img"));
}

#[test]
fn fat_image_passes_fsck_and_mtools_lists_the_files() {
    let (_dir, _board, _elf, images) = stm32_images();
    let scratch = TempDir::new("fat");
    let img = scratch.path().join("fs.img");
    std::fs::write(&img, file(&images, "-fs.img")).expect("write");
    let img = img.to_str().expect("utf-8 path");
    let fsck = tool("fsck.fat", &["-n", img], "apt-get install dosfstools");
    assert!(
        fsck.status.success(),
        "fsck.fat: {}",
        String::from_utf8_lossy(&fsck.stdout)
    );
    let dir = tool("mdir", &["-i", img, "-b", "::"], "apt-get install mtools");
    let listing = String::from_utf8_lossy(&dir.stdout);
    assert!(dir.status.success(), "{listing}");
    for name in ["::/boot.py", "::/main.py", "::/lib/"] {
        assert!(
            listing.lines().any(|l| l.eq_ignore_ascii_case(name)),
            "{name} not in:\n{listing}"
        );
    }
    let main = tool(
        "mtype",
        &["-i", img, "::/main.py"],
        "apt-get install mtools",
    );
    assert_eq!(String::from_utf8_lossy(&main.stdout), "print('main')\n");
    let util = tool(
        "mtype",
        &["-i", img, "::/lib/util.py"],
        "apt-get install mtools",
    );
    assert_eq!(String::from_utf8_lossy(&util.stdout), "X = 1\n");
    let json: serde_json::Value = serde_json::from_slice(file(&images, ".json")).expect("json");
    assert_eq!(
        json["filesystem_files"],
        serde_json::json!(["boot.py", "lib/util.py", "main.py"])
    );
    assert_eq!(json["board"]["id"], "testboard");
}

#[test]
fn images_are_reproducible() {
    let (_dir, board, elf, first) = stm32_images();
    let other_scratch = TempDir::new("again");
    let second = make_images(&board, &elf, other_scratch.path()).expect("images");
    assert_eq!(first.files.len(), second.files.len());
    for ((name_a, a), (name_b, b)) in first.files.iter().zip(&second.files) {
        assert_eq!(name_a, name_b);
        assert!(
            a == b,
            "{name_a} differs between two builds of the same inputs"
        );
    }
    // The same sources copied elsewhere give the same images: no paths are embedded.
    let (_dir2, board2) = board_from(VALID);
    let third = make_images(&board2, &elf, other_scratch.path()).expect("images");
    assert!(first.files.iter().zip(&third.files).all(|(a, b)| a == b));
    let sums = std::str::from_utf8(file(&first, ".sha256")).expect("text");
    assert!(
        sums.contains("  testboard.uf2\n") && sums.lines().count() == 4,
        "{sums}"
    );
}

#[test]
fn firmware_outgrowing_its_region_fails_the_build() {
    let text = VALID.replace("firmware_size = \"512K\"", "firmware_size = \"1K\"");
    let (_dir, board) = board_from(&text);
    let elf = cortex_m_elf(0x0800_0000, 0x2000_0000, 64 * 1024);
    let scratch = TempDir::new("small");
    let err = make_images(&board, &elf, scratch.path())
        .err()
        .expect("too big");
    assert!(
        err.contains("firmware needs 1064 bytes of flash but the firmware region is 1024 bytes"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            ":{}:",
            crate::test_support::line_of(&text, "firmware_size")
        )),
        "{err}"
    );
}

#[test]
fn ram_overflow_fails_the_build() {
    let (_dir, board) = board_from(VALID);
    // A heap that is not a static adds to the statics: 64K heap + 16K stack + 100K statics > 128K.
    let sections = [
        ElfSection {
            name: ".text",
            addr: 0x0800_0000,
            load_addr: 0x0800_0000,
            data: vec![1; 64],
            nobits: false,
            writable: false,
            executable: true,
        },
        ElfSection {
            name: ".bss",
            addr: 0x2000_0000,
            load_addr: 0x2000_0000,
            data: vec![0; 100 * 1024],
            nobits: true,
            writable: true,
            executable: false,
        },
    ];
    let elf = synth_elf(crate::test_support::EM_ARM, 0x0800_0001, &sections, &[]);
    let scratch = TempDir::new("ram");
    let err = make_images(&board, &elf, scratch.path())
        .err()
        .expect("too big");
    assert!(
        err.contains("RAM needs 184320 bytes (static 102400 + heap 65536 + stack 16384)"),
        "{err}"
    );
}

#[test]
fn failed_publish_leaves_no_partial_dist_folder() {
    let scratch = TempDir::new("dist");
    let dest = scratch.path().join("board");
    {
        let staging = crate::output::Staging::new(&dest).expect("staging");
        staging.write("board.uf2", b"partial").expect("write");
        // Dropped without commit, as when a later step fails.
    }
    assert!(!dest.exists());
    assert_eq!(std::fs::read_dir(scratch.path()).expect("dir").count(), 0);
    let images = Images {
        files: vec![("a.bin".into(), vec![1]), ("b.bin".into(), vec![2])],
    };
    publish(&images, &dest).expect("publish");
    let images = Images {
        files: vec![("a.bin".into(), vec![3])],
    };
    publish(&images, &dest).expect("publish again");
    assert_eq!(std::fs::read(dest.join("a.bin")).expect("a"), [3]);
    assert!(
        !dest.join("b.bin").exists(),
        "old files are replaced as a whole"
    );
}

fn esp_manifest(chip: &str, target: &str) -> String {
    VALID
        .replace("chip = \"stm32f405\"", &format!("chip = \"{chip}\""))
        .replace("target = \"thumbv7em-none-eabihf\"", &format!("target = \"{target}\""))
        .replace("LED = \"PA13\"", "LED = \"GPIO2\"")
        .replace("uart = 1\ntx = \"PB6\"\nrx = \"PB7\"", "uart = 0\ntx = \"GPIO1\"\nrx = \"GPIO3\"")
        .replace("hex = true\nbin = true\nuf2 = true\nuf2_family = 0x57755a57\n", "esp_bin = true\n\n[esp]\nflash_size = \"4MB\"\nflash_mode = \"dio\"\nflash_freq = \"40MHz\"\n")
        .replace("flash_base = 0x08000000\nflash_size = \"1M\"\nfirmware_base = 0x08000000\nfirmware_size = \"512K\"\nfs_base = 0x08080000\nfs_size = \"512K\"",
                 "flash_base = 0\nflash_size = \"4M\"\nfirmware_base = 0x10000\nfirmware_size = 0x1F0000\nfs_base = 0x200000\nfs_size = \"64K\"")
        .replace("ram_base = 0x20000000", "ram_base = 0x3FC80000")
}

fn esptool_image_info(chip: &str, image: &[u8], scratch: &Path) -> String {
    let path = scratch.join(format!("{chip}-image.bin"));
    std::fs::write(&path, image).expect("write");
    let out = tool(
        "esptool",
        &["--chip", chip, "image-info", path.to_str().expect("utf-8")],
        "pip install esptool",
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "esptool image-info failed:\n{text}");
    assert!(
        !text.to_lowercase().contains("invalid"),
        "esptool found an invalid field:\n{text}"
    );
    assert!(
        text.contains("Checksum:") && text.contains("(valid)"),
        "esptool did not validate the checksum:\n{text}"
    );
    if std::env::var_os("XTASK_SHOW_ESPTOOL").is_some() {
        eprintln!("{text}");
    }
    text
}

/// Partition table entries at 0x8000: (name, type, subtype, offset, size).
fn partitions(image: &[u8]) -> Vec<(String, u8, u8, u32, u32)> {
    image[0x8000..0x8C00]
        .chunks_exact(32)
        .take_while(|e| e[0] == 0xAA && e[1] == 0x50)
        .map(|e| {
            let word = |i: usize| u32::from_le_bytes([e[i], e[i + 1], e[i + 2], e[i + 3]]);
            let name = String::from_utf8_lossy(&e[12..28])
                .trim_end_matches('\0')
                .to_string();
            (name, e[2], e[3], word(4), word(8))
        })
        .collect()
}

fn check_idf_image(chip: &str, image: &[u8], boot_addr: usize, fs: &[u8]) {
    let scratch = TempDir::new(chip);
    let boot = esptool_image_info(chip, &image[boot_addr..0x8000], scratch.path());
    assert!(boot.contains("Checksum"), "{boot}");
    let app = esptool_image_info(chip, &image[0x10000..0x200000], scratch.path());
    assert!(app.contains("Segment") || app.contains("segment"), "{app}");
    let table = partitions(image);
    assert!(
        table.contains(&("factory".to_string(), 0, 0, 0x10000, 0x1F_0000)),
        "{table:?}"
    );
    assert!(
        table.contains(&("vfs".to_string(), 1, 0x81, 0x20_0000, 0x1_0000)),
        "{table:?}"
    );
    assert_eq!(
        fs.len(),
        0x1_0000 - 3 * 4096,
        "the log and spare are not in the image"
    );
    assert_eq!(&image[0x20_0000..0x20_0000 + fs.len()], fs);
}

#[test]
fn esp32c3_image_checks_with_esptool() {
    let (_dir, board) = board_from(&esp_manifest("esp32c3", "riscv32imc-unknown-none-elf"));
    let sections = [
        ElfSection {
            name: ".text",
            addr: 0x4200_0020,
            load_addr: 0x4200_0020,
            data: vec![0x13; 4096],
            nobits: false,
            writable: false,
            executable: true,
        },
        ElfSection {
            name: ".rodata",
            addr: 0x3C01_0020,
            load_addr: 0x3C01_0020,
            data: vec![7; 512],
            nobits: false,
            writable: false,
            executable: false,
        },
        ElfSection {
            name: ".data",
            addr: 0x3FC8_0000,
            load_addr: 0x3FC8_0000,
            data: vec![9; 256],
            nobits: false,
            writable: true,
            executable: false,
        },
    ];
    let elf = synth_elf(EM_RISCV, 0x4200_0020, &sections, &[]);
    let scratch = TempDir::new("c3");
    let images = make_images(&board, &elf, scratch.path()).expect("esp32c3 image");
    check_idf_image(
        "esp32c3",
        file(&images, ".bin"),
        0,
        file(&images, "-fs.img"),
    );
}

#[test]
fn esp32_image_checks_with_esptool() {
    let text = esp_manifest("esp32", "xtensa-esp32-none-elf")
        .replace("ram_base = 0x3FC80000", "ram_base = 0x3FFB0000");
    let (_dir, board) = board_from(&text);
    let sections = [
        ElfSection {
            name: ".flash.text",
            addr: 0x400D_0020,
            load_addr: 0x400D_0020,
            data: vec![0x36; 4096],
            nobits: false,
            writable: false,
            executable: true,
        },
        ElfSection {
            name: ".flash.rodata",
            addr: 0x3F40_0020,
            load_addr: 0x3F40_0020,
            data: vec![7; 512],
            nobits: false,
            writable: false,
            executable: false,
        },
        ElfSection {
            name: ".dram0.data",
            addr: 0x3FFB_0000,
            load_addr: 0x3FFB_0000,
            data: vec![9; 256],
            nobits: false,
            writable: true,
            executable: false,
        },
    ];
    let elf = synth_elf(EM_XTENSA, 0x400D_0020, &sections, &[]);
    let scratch = TempDir::new("esp32");
    let images = make_images(&board, &elf, scratch.path()).expect("esp32 image");
    check_idf_image(
        "esp32",
        file(&images, ".bin"),
        0x1000,
        file(&images, "-fs.img"),
    );
}

#[test]
fn esp8266_image_checks_with_esptool() {
    let text = esp_manifest("esp8266", "xtensa-esp8266-none-elf")
        .replace(
            "firmware_base = 0x10000\nfirmware_size = 0x1F0000",
            "firmware_base = 0\nfirmware_size = \"1M\"",
        )
        .replace("ram_base = 0x3FC80000", "ram_base = 0x3FFE8000")
        .replace("ram_size = \"128K\"", "ram_size = \"80K\"")
        .replace("heap_size = \"64K\"", "heap_size = \"40K\"")
        .replace("fs_base = 0x200000", "fs_base = 0x100000");
    let (_dir, board) = board_from(&text);
    let sections = [
        ElfSection {
            name: ".text",
            addr: 0x4010_0000,
            load_addr: 0x4010_0000,
            data: vec![0x36; 1001],
            nobits: false,
            writable: false,
            executable: true,
        },
        ElfSection {
            name: ".data",
            addr: 0x3FFE_8000,
            load_addr: 0x3FFE_8000,
            data: vec![9; 256],
            nobits: false,
            writable: true,
            executable: false,
        },
        ElfSection {
            name: ".irom0.text",
            addr: 0x4021_0000,
            load_addr: 0x4021_0000,
            data: vec![5; 2048],
            nobits: false,
            writable: false,
            executable: true,
        },
    ];
    let elf = synth_elf(EM_XTENSA, 0x4010_0004, &sections, &[]);
    let scratch = TempDir::new("esp8266");
    let images = make_images(&board, &elf, scratch.path()).expect("esp8266 image");
    let image = file(&images, ".bin");
    let info = esptool_image_info("esp8266", &image[..0x10000], scratch.path());
    assert!(info.contains("0x40100004"), "entry point in:\n{info}");
    assert!(
        info.contains("0x3ffe8000") && info.contains("0x40100000"),
        "segments in:\n{info}"
    );
    assert_eq!(image[0x1_0000..0x1_0800], [5; 2048]);
    let fs = file(&images, "-fs.img");
    assert_eq!(
        fs.len(),
        0x1_0000 - 3 * 4096,
        "the log and spare are not in the image"
    );
    assert_eq!(&image[0x10_0000..0x10_0000 + fs.len()], fs);
}

/// Erased NOR flash in RAM, as the board's flash block device sees its region.
struct RamFlash {
    bytes: Vec<u8>,
    erase: usize,
}

impl mpy_fat::Flash for RamFlash {
    fn erase_size(&self) -> usize {
        self.erase
    }
    fn program_size(&self) -> usize {
        4
    }
    fn capacity(&self) -> usize {
        self.bytes.len()
    }
    fn read(&mut self, addr: usize, buf: &mut [u8]) -> Result<(), mpy_fat::Error> {
        buf.copy_from_slice(&self.bytes[addr..addr + buf.len()]);
        Ok(())
    }
    fn erase(&mut self, block: usize) -> Result<(), mpy_fat::Error> {
        self.bytes[block * self.erase..(block + 1) * self.erase].fill(0xFF);
        Ok(())
    }
    fn program(&mut self, addr: usize, data: &[u8]) -> Result<(), mpy_fat::Error> {
        for (cell, b) in self.bytes[addr..addr + data.len()].iter_mut().zip(data) {
            *cell &= b;
        }
        Ok(())
    }
}

/// Mounts `image` as a board does: at the start of an erased `region`-byte flash region, under
/// the flash block device with the chip's log. Returns (formatted?, file names at the root).
fn mount_like_the_board(
    image: &[u8],
    region: usize,
    erase: usize,
    log: usize,
) -> (bool, Vec<String>) {
    let mut bytes = vec![0xFF; region];
    bytes[..image.len()].copy_from_slice(image);
    let dev = mpy_fat::FlashBlockDevice::new(RamFlash { bytes, erase }, log).expect("device");
    let (mut fs, formatted) = mpy_fat::Fat::mount_or_format(dev, "X", &[]).expect("mount");
    let names = fs
        .listdir("/")
        .expect("listdir")
        .into_iter()
        .map(|e| e.name)
        .collect();
    (formatted, names)
}

#[test]
fn the_shipped_volume_mounts_on_the_board_without_reformatting() {
    let (_dir, board, _elf, images) = stm32_images();
    let m = &board.memory;
    let geometry = board
        .build
        .chip
        .fs_geometry(m.fs_base.value, m.fs_size.value)
        .expect("valid");
    let (erase, log) = (geometry.erase_size as usize, geometry.log_blocks as usize);
    let image = file(&images, "-fs.img");
    let (formatted, mut names) = mount_like_the_board(image, m.fs_size.value as usize, erase, log);
    names.sort();
    assert!(!formatted, "the board would reformat the shipped volume");
    assert!(names.contains(&"boot.py".to_string()) && names.contains(&"main.py".to_string()));
    // What the image size guards against: a volume as big as the whole region does not fit the
    // device (its log and spare come off the end), so the board reformats and loses the files.
    let whole = crate::fatimg::build(m.fs_size.value, "X", &[])
        .expect("image")
        .0;
    assert!(mount_like_the_board(&whole, m.fs_size.value as usize, erase, log).0);
}

#[test]
fn every_chip_geometry_gives_a_volume_its_board_mounts() {
    for chip in crate::chips::CHIPS {
        let (base, region) = match chip.erase {
            crate::chips::Erase::Uniform(sector) => (sector * 16, (64 * 1024).max(sector * 8)),
            crate::chips::Erase::Sectors(runs) => {
                let &(start, sector, count) = runs.last().expect("runs");
                (start, sector * count.min(4))
            }
        };
        let g = chip.fs_geometry(base, region).expect("valid region");
        let image = crate::fatimg::build(g.image_size, "X", &[])
            .expect("image")
            .0;
        let erase = g.erase_size as usize;
        let (formatted, _) =
            mount_like_the_board(&image, region as usize, erase, g.log_blocks as usize);
        assert!(
            !formatted,
            "{}: the board would reformat its shipped volume",
            chip.name
        );
    }
}
