//! UF2 writer and checker (<https://github.com/microsoft/uf2>): 512-byte blocks each carrying up
//! to 256 bytes of flash contents, with the family id so bootloaders reject foreign images.

use crate::elf::Chunk;

pub const MAGIC_START0: u32 = 0x0A32_4655;
pub const MAGIC_START1: u32 = 0x9E5D_5157;
pub const MAGIC_END: u32 = 0x0AB1_6F30;
pub const FLAG_FAMILY_ID_PRESENT: u32 = 0x0000_2000;
pub const PAYLOAD_SIZE: usize = 256;
pub const BLOCK_SIZE: usize = 512;

/// One UF2 block per 256-byte aligned page touched by `chunks`; bytes of a page not covered by
/// any chunk are 0xFF (erased flash).
pub fn write(chunks: &[Chunk], family_id: u32) -> Vec<u8> {
    let pages = pages(chunks);
    let total = pages.len() as u32;
    let mut out = Vec::with_capacity(pages.len() * BLOCK_SIZE);
    for (number, (addr, payload)) in pages.iter().enumerate() {
        let words = [
            MAGIC_START0,
            MAGIC_START1,
            FLAG_FAMILY_ID_PRESENT,
            *addr,
            PAYLOAD_SIZE as u32,
            number as u32,
            total,
            family_id,
        ];
        for word in words {
            out.extend_from_slice(&word.to_le_bytes());
        }
        out.extend_from_slice(payload);
        out.resize(out.len() + (476 - PAYLOAD_SIZE), 0);
        out.extend_from_slice(&MAGIC_END.to_le_bytes());
    }
    out
}

/// Splits the chunks into 256-byte pages at 256-byte aligned addresses, sorted.
fn pages(chunks: &[Chunk]) -> Vec<(u32, [u8; PAYLOAD_SIZE])> {
    let mut pages: std::collections::BTreeMap<u32, [u8; PAYLOAD_SIZE]> = Default::default();
    for chunk in chunks {
        for (i, byte) in chunk.data.iter().enumerate() {
            let addr = chunk.addr + i as u32;
            let page = pages
                .entry(addr & !(PAYLOAD_SIZE as u32 - 1))
                .or_insert([0xFF; PAYLOAD_SIZE]);
            page[addr as usize % PAYLOAD_SIZE] = *byte;
        }
    }
    pages.into_iter().collect()
}

/// What a checked UF2 file holds.
#[derive(Debug)]
pub struct Uf2Contents {
    #[cfg_attr(not(test), allow(dead_code))]
    pub blocks: usize,
    #[cfg_attr(not(test), allow(dead_code))]
    pub chunks: Vec<Chunk>,
}

/// Checks every block (magics, flags, family, payload size, numbering, addresses inside
/// `flash`) and returns the payloads. Independent of [`write`]: it parses the spec's layout.
pub fn check(
    data: &[u8],
    family_id: u32,
    flash: std::ops::Range<u64>,
) -> Result<Uf2Contents, String> {
    if data.is_empty() || !data.len().is_multiple_of(BLOCK_SIZE) {
        return Err(format!("UF2 size {} is not a multiple of 512", data.len()));
    }
    let blocks = data.len() / BLOCK_SIZE;
    let mut chunks = Vec::new();
    for (index, block) in data.chunks_exact(BLOCK_SIZE).enumerate() {
        let word =
            |i: usize| u32::from_le_bytes([block[i], block[i + 1], block[i + 2], block[i + 3]]);
        let fail = |what: String| Err(format!("UF2 block {index}: {what}"));
        if word(0) != MAGIC_START0 || word(4) != MAGIC_START1 || word(508) != MAGIC_END {
            return fail("bad magic".into());
        }
        if word(8) & FLAG_FAMILY_ID_PRESENT == 0 {
            return fail("family id flag 0x2000 not set".into());
        }
        if word(28) != family_id {
            return fail(format!("family {:#x}, expected {family_id:#x}", word(28)));
        }
        let (addr, size) = (word(12), word(16) as usize);
        if size != PAYLOAD_SIZE {
            return fail(format!("payload size {size}, expected 256"));
        }
        if word(20) != index as u32 || word(24) != blocks as u32 {
            return fail(format!(
                "numbered {}/{}, expected {index}/{blocks}",
                word(20),
                word(24)
            ));
        }
        let end = u64::from(addr) + size as u64;
        if u64::from(addr) < flash.start || end > flash.end {
            return fail(format!("address {addr:#x} is outside flash {flash:#x?}"));
        }
        if addr % PAYLOAD_SIZE as u32 != 0 {
            return fail(format!("address {addr:#x} is not 256-byte aligned"));
        }
        chunks.push(Chunk {
            addr,
            data: block[32..32 + size].to_vec(),
        });
    }
    Ok(Uf2Contents { blocks, chunks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_chunks_page_by_page() {
        let chunks = vec![
            Chunk {
                addr: 0x1000_0000,
                data: vec![1; 300],
            },
            Chunk {
                addr: 0x1000_0400,
                data: vec![2; 4],
            },
        ];
        let uf2 = write(&chunks, 0xe48b_ff56);
        let contents = check(&uf2, 0xe48b_ff56, 0x1000_0000..0x1020_0000).expect("valid");
        assert_eq!(contents.blocks, 3);
        let addrs: Vec<u32> = contents.chunks.iter().map(|c| c.addr).collect();
        assert_eq!(addrs, [0x1000_0000, 0x1000_0100, 0x1000_0400]);
        assert_eq!(contents.chunks[1].data[..44], [1; 44]);
        assert_eq!(contents.chunks[1].data[44], 0xFF);
        assert_eq!(contents.chunks[2].data[..5], [2, 2, 2, 2, 0xFF]);
    }

    #[test]
    fn checker_rejects_wrong_family_and_addresses() {
        let uf2 = write(
            &[Chunk {
                addr: 0x100,
                data: vec![0; 8],
            }],
            0x5775_5a57,
        );
        assert!(check(&uf2, 0xe48b_ff56, 0..0x1000)
            .unwrap_err()
            .contains("family"));
        assert!(check(&uf2, 0x5775_5a57, 0x1000..0x2000)
            .unwrap_err()
            .contains("outside flash"));
        let mut broken = uf2.clone();
        broken[0] ^= 1;
        assert!(check(&broken, 0x5775_5a57, 0..0x1000)
            .unwrap_err()
            .contains("magic"));
    }
}
