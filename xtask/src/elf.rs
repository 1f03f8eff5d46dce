//! Reads a firmware ELF: its loadable segments at their physical (load) addresses, and the sizes
//! of its allocated sections for the flash/RAM budget.

use object::elf::{FileHeader32, PT_LOAD, SHF_ALLOC, SHT_NOBITS};
use object::read::elf::{FileHeader, ProgramHeader, SectionHeader, Sym};
use object::Endianness;

/// Bytes to place in flash at `addr`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub addr: u32,
    pub data: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub addr: u32,
    pub size: u32,
    /// Occupies flash (has contents in the file). Whether it occupies RAM depends on its address
    /// (see `size::Usage`): flags cannot tell, since linkers reserve address space in flash
    /// mappings with zero-initialised (NOLOAD) sections too.
    pub in_flash: bool,
}

pub struct Elf {
    pub entry: u32,
    /// Loadable segments with file contents, sorted by physical address.
    pub chunks: Vec<Chunk>,
    pub sections: Vec<Section>,
    /// Data objects (`STT_OBJECT` symbols): (raw symbol name, size).
    pub objects: Vec<(String, u32)>,
}

impl Elf {
    /// Whether the firmware holds its heap as a static: an object named `HEAP` (Rust-mangled
    /// `..4HEAP..` or plain) of exactly `size` bytes. Its bytes are then part of .bss.
    pub fn has_static_heap(&self, size: u32) -> bool {
        self.objects.iter().any(|(name, len)| {
            *len == size && (name == "HEAP" || name.contains("4HEAP17h") || name.contains("4HEAPE"))
        })
    }
}

pub fn read(data: &[u8]) -> Result<Elf, String> {
    let header = FileHeader32::<Endianness>::parse(data)
        .map_err(|e| format!("not a 32-bit ELF file: {e}"))?;
    let endian = header
        .endian()
        .map_err(|e| format!("bad ELF header: {e}"))?;
    let mut chunks = Vec::new();
    for ph in header
        .program_headers(endian, data)
        .map_err(|e| format!("bad ELF program headers: {e}"))?
    {
        if ph.p_type(endian) != PT_LOAD || ph.p_filesz(endian) == 0 {
            continue;
        }
        let bytes = ph
            .data(endian, data)
            .map_err(|()| "an ELF segment lies outside the file".to_string())?;
        chunks.push(Chunk {
            addr: ph.p_paddr(endian),
            data: bytes.to_vec(),
        });
    }
    chunks.sort_by_key(|c| c.addr);
    for pair in chunks.windows(2) {
        let end = u64::from(pair[0].addr) + pair[0].data.len() as u64;
        if end > u64::from(pair[1].addr) {
            return Err(format!(
                "ELF segments overlap at {:#x}: the linker script places two segments on the same flash",
                pair[1].addr
            ));
        }
    }
    let table = header
        .sections(endian, data)
        .map_err(|e| format!("bad ELF section headers: {e}"))?;
    let mut sections = Vec::new();
    for section in table.iter() {
        let flags = section.sh_flags(endian);
        if flags & SHF_ALLOC == 0 || section.sh_size(endian) == 0 {
            continue;
        }
        let name = table
            .section_name(endian, section)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        sections.push(Section {
            name,
            addr: section.sh_addr(endian),
            size: section.sh_size(endian),
            in_flash: section.sh_type(endian) != SHT_NOBITS,
        });
    }
    let mut objects = Vec::new();
    if let Ok(symbols) = table.symbols(endian, data, object::elf::SHT_SYMTAB) {
        for symbol in symbols.iter() {
            if symbol.st_type() == object::elf::STT_OBJECT {
                let name = symbols
                    .symbol_name(endian, symbol)
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default();
                objects.push((name, symbol.st_size(endian)));
            }
        }
    }
    Ok(Elf {
        entry: header.e_entry(endian),
        chunks,
        sections,
        objects,
    })
}
