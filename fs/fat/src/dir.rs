//! Directory entries: 8.3 short names, long-name (LFN) slots and their checksum.

use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;

pub const ENTRY: usize = 32;
pub const ATTR_DIR: u8 = 0x10;
pub const ATTR_VOLUME: u8 = 0x08;
pub const ATTR_ARCHIVE: u8 = 0x20;
pub const ATTR_LFN: u8 = 0x0F;
pub const DELETED: u8 = 0xE5;
/// Characters of a long name held by one LFN slot.
const LFN_CHARS: usize = 13;
/// Byte offsets of the 13 UCS-2 characters inside an LFN slot.
const LFN_OFFSETS: [usize; LFN_CHARS] = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30];

/// The checksum of a short name that every LFN slot of its long name carries.
pub fn checksum(short: &[u8]) -> u8 {
    short[..11]
        .iter()
        .fold(0u8, |sum, &b| sum.rotate_right(1).wrapping_add(b))
}

/// Checks a name for a directory entry: not empty, not `.`/`..`, no reserved characters.
pub fn validate(name: &str) -> Result<(), Error> {
    let bad = |b: u8| b < b' ' || b"\"*/:<>?\\|".contains(&b);
    if name.is_empty()
        || name == "."
        || name == ".."
        || name.encode_utf16().count() > 255
        || name.bytes().any(bad)
    {
        return Err(Error::Invalid);
    }
    Ok(())
}

/// The 11-byte short name if `name` is already a valid upper-case 8.3 name (no LFN needed).
pub fn exact_short(name: &str) -> Option<[u8; 11]> {
    let (base, ext) = name.split_once('.').unwrap_or((name, ""));
    let ok = |s: &str, max| {
        !s.is_empty()
            && s.len() <= max
            && s.bytes().all(|b| short_char(b) && !b.is_ascii_lowercase())
    };
    if !ok(base, 8) || !(ext.is_empty() || ok(ext, 3)) || name.starts_with('.') {
        return None;
    }
    let mut short = [b' '; 11];
    short[..base.len()].copy_from_slice(base.as_bytes());
    short[8..8 + ext.len()].copy_from_slice(ext.as_bytes());
    Some(short)
}

fn short_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"$%'-_@~`!(){}^#&".contains(&b)
}

/// The short name `BASE~n.EXT` derived from a long name (Windows' basis-name scheme, simplified).
pub fn numbered_short(name: &str, n: u32) -> [u8; 11] {
    let trimmed = name.trim_start_matches('.');
    let (base, ext) = match trimmed.rfind('.') {
        Some(dot) => (&trimmed[..dot], &trimmed[dot + 1..]),
        None => (trimmed, ""),
    };
    let clean = |s: &str| -> Vec<u8> {
        s.bytes()
            .filter(|&b| b != b' ' && b != b'.')
            .map(|b| {
                if short_char(b) {
                    b.to_ascii_uppercase()
                } else {
                    b'_'
                }
            })
            .collect()
    };
    let mut short = [b' '; 11];
    let ext = clean(ext);
    let ext_len = ext.len().min(3);
    short[8..8 + ext_len].copy_from_slice(&ext[..ext_len]);
    let mut tail = [0u8; 11];
    let mut t = tail.len();
    let mut k = n;
    while k > 0 {
        t -= 1;
        tail[t] = b'0' + (k % 10) as u8;
        k /= 10;
    }
    t -= 1;
    tail[t] = b'~';
    let tail = &tail[t..];
    let mut base = clean(base);
    base.truncate(8 - tail.len());
    if base.is_empty() {
        base.push(b'_');
    }
    short[..base.len()].copy_from_slice(&base);
    short[base.len()..base.len() + tail.len()].copy_from_slice(tail);
    short
}

/// The displayed form of a short name, honouring the lower-case flags (byte 12) that Windows
/// NT, Linux and the `fatfs` crate set instead of writing an LFN.
pub fn short_to_string(e: &[u8]) -> String {
    let mut s = String::new();
    let lower = |b: u8, flag: u8| {
        if e[12] & flag != 0 {
            b.to_ascii_lowercase()
        } else {
            b
        }
    };
    for &b in e[..8].iter().take_while(|&&b| b != b' ') {
        s.push(char::from(lower(if b == 0x05 { DELETED } else { b }, 0x08)));
    }
    if e[8] != b' ' {
        s.push('.');
        for &b in e[8..11].iter().take_while(|&&b| b != b' ') {
            s.push(char::from(lower(b, 0x10)));
        }
    }
    s
}

/// Collects LFN slots as a directory is read, yielding the long name at its short entry.
#[derive(Default)]
pub struct LfnCollector {
    chars: Vec<u16>,
    checksum: u8,
    expected: u8,
}

impl LfnCollector {
    /// Feeds one LFN slot (slots come last-part first).
    pub fn push(&mut self, e: &[u8]) {
        let seq = e[0] & 0x1F;
        if e[0] & 0x40 != 0 {
            self.chars = alloc::vec![0xFFFF; usize::from(seq) * LFN_CHARS];
            self.checksum = e[13];
        } else if seq != self.expected || e[13] != self.checksum {
            self.reset();
            return;
        }
        if seq == 0 || self.chars.is_empty() {
            self.reset();
            return;
        }
        let at = usize::from(seq - 1) * LFN_CHARS;
        for (i, &off) in LFN_OFFSETS.iter().enumerate() {
            self.chars[at + i] = u16::from_le_bytes([e[off], e[off + 1]]);
        }
        self.expected = seq - 1;
    }

    pub fn reset(&mut self) {
        self.chars.clear();
        self.expected = 0;
    }

    /// The long name belonging to short entry `e`, if complete and matching its checksum.
    pub fn take(&mut self, e: &[u8]) -> Option<String> {
        let complete = !self.chars.is_empty() && self.expected == 0 && self.checksum == checksum(e);
        let name = complete.then(|| {
            let end = self.chars.iter().position(|&c| c == 0 || c == 0xFFFF);
            char::decode_utf16(
                self.chars[..end.unwrap_or(self.chars.len())]
                    .iter()
                    .copied(),
            )
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
        });
        self.reset();
        name
    }
}

/// The LFN slots for `name` (in on-disk order) belonging to short name `short`.
pub fn lfn_slots(name: &str, short: &[u8; 11]) -> Vec<[u8; ENTRY]> {
    let mut chars: Vec<u16> = name.encode_utf16().collect();
    let count = chars.len().div_ceil(LFN_CHARS);
    if !chars.len().is_multiple_of(LFN_CHARS) {
        chars.push(0);
    }
    chars.resize(count * LFN_CHARS, 0xFFFF);
    let sum = checksum(short);
    (1..=count)
        .rev()
        .map(|seq| {
            let mut e = [0u8; ENTRY];
            e[0] = seq as u8 | if seq == count { 0x40 } else { 0 };
            e[11] = ATTR_LFN;
            e[13] = sum;
            for (i, &off) in LFN_OFFSETS.iter().enumerate() {
                e[off..off + 2].copy_from_slice(&chars[(seq - 1) * LFN_CHARS + i].to_le_bytes());
            }
            e
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        assert_eq!(exact_short("BOOT.PY"), Some(*b"BOOT    PY "));
        assert_eq!(exact_short("boot.py"), None);
        assert_eq!(exact_short("A.B.C"), None);
        assert_eq!(&numbered_short("my long file.text", 1), b"MYLONG~1TEX");
        assert_eq!(&numbered_short(".hidden", 12), b"HIDDE~12   ");
        assert_eq!(&numbered_short("a+b", 3), b"A_B~3      ");
        let mut e = [b' '; 32];
        e[..11].copy_from_slice(b"BOOT    PY ");
        e[12] = 0x18;
        assert_eq!(short_to_string(&e), "boot.py");
    }

    #[test]
    fn lfn_round_trip() {
        let short = numbered_short("Ünïcode long name.txt", 1);
        let mut c = LfnCollector::default();
        for slot in lfn_slots("Ünïcode long name.txt", &short) {
            c.push(&slot);
        }
        let mut e = [0u8; 32];
        e[..11].copy_from_slice(&short);
        assert_eq!(c.take(&e).as_deref(), Some("Ünïcode long name.txt"));
        e[0] ^= 1; // checksum no longer matches
        for slot in lfn_slots("x", &short) {
            c.push(&slot);
        }
        assert_eq!(c.take(&e), None);
    }

    #[test]
    fn names_are_validated() {
        assert_eq!(validate("a/b"), Err(Error::Invalid));
        assert_eq!(validate(".."), Err(Error::Invalid));
        assert_eq!(validate(""), Err(Error::Invalid));
        assert!(validate("ok name.py").is_ok());
    }
}
