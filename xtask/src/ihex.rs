//! Intel HEX writer and checker: data records (00) of 16 bytes, extended linear address records
//! (04) whenever the upper 16 address bits change, and the end-of-file record (01).

use crate::elf::Chunk;

const BYTES_PER_RECORD: usize = 16;

pub fn write(chunks: &[Chunk]) -> String {
    let mut out = String::new();
    let mut upper: Option<u16> = None;
    for chunk in chunks {
        let mut offset = 0;
        while offset < chunk.data.len() {
            let addr = chunk.addr + offset as u32;
            let high = (addr >> 16) as u16;
            if upper != Some(high) {
                record(&mut out, 0, 0x04, &high.to_be_bytes());
                upper = Some(high);
            }
            // A record never crosses a 64 KB boundary: its 16-bit address would wrap.
            let to_boundary = 0x1_0000 - (addr & 0xFFFF) as usize;
            let len = BYTES_PER_RECORD
                .min(chunk.data.len() - offset)
                .min(to_boundary);
            record(
                &mut out,
                addr as u16,
                0x00,
                &chunk.data[offset..offset + len],
            );
            offset += len;
        }
    }
    record(&mut out, 0, 0x01, &[]);
    out
}

fn record(out: &mut String, addr: u16, kind: u8, data: &[u8]) {
    let mut bytes = vec![data.len() as u8];
    bytes.extend_from_slice(&addr.to_be_bytes());
    bytes.push(kind);
    bytes.extend_from_slice(data);
    let checksum = bytes
        .iter()
        .fold(0u8, |sum, b| sum.wrapping_add(*b))
        .wrapping_neg();
    bytes.push(checksum);
    out.push(':');
    for b in bytes {
        out.push_str(&format!("{b:02X}"));
    }
    out.push('\n');
}

/// Parses and verifies every record (syntax, length, checksum, types, final EOF) and returns the
/// data as chunks, one per data record.
pub fn check(text: &str) -> Result<Vec<Chunk>, String> {
    let mut chunks = Vec::new();
    let mut upper = 0u32;
    let mut seen_eof = false;
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if seen_eof {
            return Err(format!("line {line_no}: data after the EOF record"));
        }
        let hex = line
            .strip_prefix(':')
            .ok_or(format!("line {line_no}: record does not start with ':'"))?;
        if hex.len() % 2 != 0 || hex.len() < 10 {
            return Err(format!("line {line_no}: bad record length"));
        }
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16))
            .collect::<Result<_, _>>()
            .map_err(|_| format!("line {line_no}: not hex"))?;
        let len = bytes[0] as usize;
        if bytes.len() != len + 5 {
            return Err(format!(
                "line {line_no}: byte count {len} does not match the record"
            ));
        }
        if bytes.iter().fold(0u8, |s, b| s.wrapping_add(*b)) != 0 {
            return Err(format!("line {line_no}: bad checksum"));
        }
        let addr = u16::from_be_bytes([bytes[1], bytes[2]]);
        let data = &bytes[4..4 + len];
        match bytes[3] {
            0x00 => chunks.push(Chunk {
                addr: upper | u32::from(addr),
                data: data.to_vec(),
            }),
            0x01 => seen_eof = true,
            0x04 if len == 2 => upper = u32::from(u16::from_be_bytes([data[0], data[1]])) << 16,
            other => {
                return Err(format!(
                    "line {line_no}: unexpected record type {other:02x}"
                ))
            }
        }
    }
    if !seen_eof {
        return Err("no EOF record".into());
    }
    Ok(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_across_64k_boundaries() {
        let data: Vec<u8> = (0..40u8).collect();
        let chunks = vec![Chunk {
            addr: 0x0800_FFF0,
            data: data.clone(),
        }];
        let text = write(&chunks);
        assert!(text.starts_with(":020000040800F2\n"), "{text}");
        assert!(text.ends_with(":00000001FF\n"));
        assert!(text.contains(":020000040801F1\n"));
        let back = check(&text).expect("valid hex");
        let joined: Vec<u8> = back.iter().flat_map(|c| c.data.clone()).collect();
        assert_eq!(joined, data);
        assert_eq!(back[0].addr, 0x0800_FFF0);
        assert_eq!(back[1].addr, 0x0801_0000);
    }

    #[test]
    fn checker_rejects_bad_checksums() {
        let text = write(&[Chunk {
            addr: 0,
            data: vec![1, 2, 3],
        }])
        .replace(":03000000010203F7", ":03000000010203F8");
        assert!(check(&text).unwrap_err().contains("checksum"), "{text}");
    }
}
