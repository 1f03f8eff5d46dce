//! Test helpers: scratch folders with manifests, and a synthesized 32-bit ELF so packaging can be
//! tested without building firmware.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A scratch folder removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("xtask-test-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn write(&self, relative: &str, contents: &str) -> PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("create dirs");
        std::fs::write(&path, contents).expect("write file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A valid STM32F405 manifest; tests change single lines of it.
pub const VALID: &str = r#"# test board
[board]
id = "testboard"
name = "Test board"
vendor = "Tests"
mcu = "STM32F405RG"
features = ["uart"]

[build]
crate = "boards/stm32"
target = "thumbv7em-none-eabihf"
chip = "stm32f405"

[memory]
flash_base = 0x08000000
flash_size = "1M"
firmware_base = 0x08000000
firmware_size = "512K"
fs_base = 0x08080000
fs_size = "512K"
ram_base = 0x20000000
ram_size = "128K"
heap_size = "64K"
stack_size = "16K"

[pins]
LED = "PA13"

[console]
uart = 1
tx = "PB6"
rx = "PB7"

[modules]
include = ["sys", "gc", "math"]
frozen = ["frozen/hello.py"]

[filesystem.files]
"boot.py" = "fs/boot.py"
"main.py" = "fs/main.py"
"lib" = "fs/lib"

[outputs]
hex = true
bin = true
uf2 = true
uf2_family = 0x57755a57
"#;

/// A scratch manifest folder holding `testboard.toml` (= `text`) and the files it names.
pub fn manifest_dir(text: &str) -> TempDir {
    let dir = TempDir::new("manifests");
    dir.write("testboard.toml", text);
    dir.write("fs/boot.py", "# boot\n");
    dir.write("fs/main.py", "print('main')\n");
    dir.write("fs/lib/util.py", "X = 1\n");
    dir.write("frozen/hello.py", "print('hello')\n");
    dir
}

/// 1-based line of the first line containing `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("'{needle}' not in the text"))
}

/// One section of a synthesized ELF.
pub struct ElfSection {
    pub name: &'static str,
    /// Run-time (virtual) address.
    pub addr: u32,
    /// Load (physical) address; differs from `addr` for .data.
    pub load_addr: u32,
    pub data: Vec<u8>,
    /// Zero-initialised (.bss): occupies no file bytes and no load segment contents.
    pub nobits: bool,
    pub writable: bool,
    pub executable: bool,
}

/// A little-endian ELF32 executable with one PT_LOAD per section, section headers, a section name
/// table and a symbol table holding `objects` (name, address, size) as STT_OBJECT symbols.
pub fn synth_elf(
    machine: u16,
    entry: u32,
    sections: &[ElfSection],
    objects: &[(&str, u32, u32)],
) -> Vec<u8> {
    const EHDR: usize = 52;
    const PHDR: usize = 32;
    const SHDR: usize = 40;
    let phnum = sections.len();
    let mut out = vec![0u8; EHDR + PHDR * phnum];
    let mut offsets = Vec::new();
    for s in sections {
        while !out.len().is_multiple_of(4) {
            out.push(0);
        }
        offsets.push(out.len() as u32);
        if !s.nobits {
            out.extend_from_slice(&s.data);
        }
    }
    // Section name table.
    let mut shstrtab = vec![0u8];
    let mut name_offsets = Vec::new();
    for name in sections
        .iter()
        .map(|s| s.name)
        .chain([".shstrtab", ".symtab", ".strtab"])
    {
        name_offsets.push(shstrtab.len() as u32);
        shstrtab.extend_from_slice(name.as_bytes());
        shstrtab.push(0);
    }
    let shstrtab_off = out.len() as u32;
    out.extend_from_slice(&shstrtab);
    // Symbol names and symbols (16 bytes each; first is the null symbol).
    let mut strtab = vec![0u8];
    let mut symtab = vec![0u8; 16];
    for (name, addr, size) in objects {
        let name_off = strtab.len() as u32;
        strtab.extend_from_slice(name.as_bytes());
        strtab.push(0);
        symtab.extend_from_slice(&name_off.to_le_bytes());
        symtab.extend_from_slice(&addr.to_le_bytes());
        symtab.extend_from_slice(&size.to_le_bytes());
        symtab.push(0x11); // STB_GLOBAL, STT_OBJECT
        symtab.push(0);
        symtab.extend_from_slice(&1u16.to_le_bytes());
    }
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    let symtab_off = out.len() as u32;
    out.extend_from_slice(&symtab);
    let strtab_off = out.len() as u32;
    out.extend_from_slice(&strtab);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    let shoff = out.len() as u32;
    let shnum = sections.len() + 4;
    let u16le = |v: u16| v.to_le_bytes();
    let u32le = |v: u32| v.to_le_bytes();
    // Section headers: null, the sections, .shstrtab, .symtab, .strtab.
    out.extend_from_slice(&[0u8; SHDR]);
    for (i, s) in sections.iter().enumerate() {
        let kind: u32 = if s.nobits { 8 } else { 1 };
        let flags: u32 = 2 | if s.writable { 1 } else { 0 } | if s.executable { 4 } else { 0 };
        for word in [
            name_offsets[i],
            kind,
            flags,
            s.addr,
            offsets[i],
            s.data.len() as u32,
            0,
            0,
            4,
            0,
        ] {
            out.extend_from_slice(&u32le(word));
        }
    }
    let n = sections.len();
    let shstr_index = (n + 1) as u32;
    for word in [
        name_offsets[n],
        3,
        0,
        0,
        shstrtab_off,
        shstrtab.len() as u32,
        0,
        0,
        1,
        0,
    ] {
        out.extend_from_slice(&u32le(word));
    }
    for word in [
        name_offsets[n + 1],
        2,
        0,
        0,
        symtab_off,
        symtab.len() as u32,
        shstr_index + 2,
        1,
        4,
        16,
    ] {
        out.extend_from_slice(&u32le(word));
    }
    for word in [
        name_offsets[n + 2],
        3,
        0,
        0,
        strtab_off,
        strtab.len() as u32,
        0,
        0,
        1,
        0,
    ] {
        out.extend_from_slice(&u32le(word));
    }
    // ELF header.
    let mut header = Vec::new();
    header.extend_from_slice(&[0x7F, b'E', b'L', b'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    header.extend_from_slice(&u16le(2)); // ET_EXEC
    header.extend_from_slice(&u16le(machine));
    header.extend_from_slice(&u32le(1));
    header.extend_from_slice(&u32le(entry));
    header.extend_from_slice(&u32le(EHDR as u32));
    header.extend_from_slice(&u32le(shoff));
    header.extend_from_slice(&u32le(0));
    header.extend_from_slice(&u16le(EHDR as u16));
    header.extend_from_slice(&u16le(PHDR as u16));
    header.extend_from_slice(&u16le(phnum as u16));
    header.extend_from_slice(&u16le(SHDR as u16));
    header.extend_from_slice(&u16le(shnum as u16));
    header.extend_from_slice(&u16le(shstr_index as u16));
    out[..EHDR].copy_from_slice(&header);
    // Program headers: one PT_LOAD per section.
    for (i, s) in sections.iter().enumerate() {
        let filesz = if s.nobits { 0 } else { s.data.len() as u32 };
        let flags = 4 | if s.writable { 2 } else { 0 } | if s.executable { 1 } else { 0 };
        let mut ph = Vec::new();
        for word in [
            1,
            offsets[i],
            s.addr,
            s.load_addr,
            filesz,
            s.data.len() as u32,
            flags,
            4,
        ] {
            ph.extend_from_slice(&u32le(word));
        }
        let at = EHDR + PHDR * i;
        out[at..at + PHDR].copy_from_slice(&ph);
    }
    out
}

pub const EM_ARM: u16 = 40;
pub const EM_RISCV: u16 = 243;
pub const EM_XTENSA: u16 = 94;

/// A Cortex-M style firmware: vector table + code in flash at `flash`, .data in RAM loaded from
/// flash, .bss with a static `HEAP` of `heap` bytes.
pub fn cortex_m_elf(flash: u32, ram: u32, heap: u32) -> Vec<u8> {
    let text: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
    let data = vec![0xA5; 64];
    let sections = [
        ElfSection {
            name: ".text",
            addr: flash,
            load_addr: flash,
            data: text.clone(),
            nobits: false,
            writable: false,
            executable: true,
        },
        ElfSection {
            name: ".data",
            addr: ram,
            load_addr: flash + 1000,
            data,
            nobits: false,
            writable: true,
            executable: false,
        },
        ElfSection {
            name: ".bss",
            addr: ram + 64,
            load_addr: ram + 64,
            data: vec![0; heap as usize + 128],
            nobits: true,
            writable: true,
            executable: false,
        },
    ];
    synth_elf(
        EM_ARM,
        flash | 1,
        &sections,
        &[("_ZN5board4HEAP17h0123456789abcdefE", ram + 64, heap)],
    )
}
