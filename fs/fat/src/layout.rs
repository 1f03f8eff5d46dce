//! The boot sector: reading a volume's geometry, and choosing one when formatting.

use crate::block::SECTOR;
use crate::Error;

/// Where the parts of a FAT12/16 volume are, in sectors.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub fat16: bool,
    pub cluster_sectors: u32,
    pub fat_start: u32,
    pub fat_sectors: u32,
    pub fats: u32,
    pub root_start: u32,
    pub root_sectors: u32,
    pub data_start: u32,
    /// Number of data clusters; valid cluster numbers are `2..clusters + 2`.
    pub clusters: u32,
}

fn u16_at(b: &[u8], at: usize) -> u32 {
    u32::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

/// FAT12 below this many clusters, FAT16 from it (the rule every FAT implementation uses).
const FAT12_LIMIT: u32 = 4085;
const FAT16_LIMIT: u32 = 65_525;

/// Whether `clusters` data clusters make a FAT16 volume, and the bytes its FAT needs.
fn fat_kind(clusters: u32) -> (bool, u32) {
    if clusters >= FAT12_LIMIT {
        (true, 2 * (clusters + 2))
    } else {
        (false, 3 * (clusters + 2) / 2 + 1)
    }
}

impl Geometry {
    /// Reads the geometry from boot sector `b` of a device of `sectors` sectors.
    pub fn parse(b: &[u8; SECTOR], sectors: u32) -> Result<Geometry, Error> {
        let cluster_sectors = u32::from(b[13]);
        let reserved = u16_at(b, 14);
        let fats = u32::from(b[16]);
        let root_entries = u16_at(b, 17);
        let fat_sectors = u16_at(b, 22);
        let total = match u16_at(b, 19) {
            0 => u32::from_le_bytes([b[32], b[33], b[34], b[35]]),
            n => n,
        };
        let plausible = b[510] == 0x55
            && b[511] == 0xAA
            && u16_at(b, 11) == SECTOR as u32
            && cluster_sectors.is_power_of_two()
            && reserved > 0
            && fats > 0
            && fat_sectors > 0 // 0 means FAT32, not supported
            && total <= sectors;
        if !plausible {
            return Err(Error::NotFat);
        }
        let root_start = reserved + fats * fat_sectors;
        let root_sectors = (root_entries * 32).div_ceil(SECTOR as u32);
        let data_start = root_start + root_sectors;
        let clusters = total.checked_sub(data_start).ok_or(Error::NotFat)? / cluster_sectors;
        let (fat16, fat_bytes) = fat_kind(clusters);
        if clusters == 0 || clusters >= FAT16_LIMIT || fat_bytes > fat_sectors * SECTOR as u32 {
            return Err(Error::NotFat);
        }
        Ok(Geometry {
            fat16,
            cluster_sectors,
            fat_start: reserved,
            fat_sectors,
            fats,
            root_start,
            root_sectors,
            data_start,
            clusters,
        })
    }

    /// The boot sector for a new volume of `total` sectors, smallest clusters that fit FAT16.
    pub fn format_boot_sector(
        total: u32,
        label: &[u8; 11],
        id: u32,
    ) -> Result<[u8; SECTOR], Error> {
        let root_entries: u32 = if total < 1024 { 64 } else { 512 };
        let root_sectors = root_entries * 32 / SECTOR as u32;
        let mut cluster_sectors = 1;
        let (fat_sectors, fat16) = loop {
            let mut fat_sectors = 1;
            // grow the FAT until it covers the clusters left beside it (converges in a few steps)
            let (clusters, fat16) = loop {
                let used = 1 + 2 * fat_sectors + root_sectors;
                let clusters = total.checked_sub(used).ok_or(Error::NoSpace)? / cluster_sectors;
                let (fat16, bytes) = fat_kind(clusters);
                let need = bytes.div_ceil(SECTOR as u32);
                if need <= fat_sectors {
                    break (clusters, fat16);
                }
                fat_sectors = need;
            };
            if clusters < 16 {
                return Err(Error::NoSpace);
            }
            if clusters < FAT16_LIMIT {
                break (fat_sectors, fat16);
            }
            cluster_sectors *= 2;
            if cluster_sectors > 128 {
                return Err(Error::Invalid);
            }
        };
        let mut b = [0u8; SECTOR];
        b[0..3].copy_from_slice(&[0xEB, 0x3C, 0x90]);
        b[3..11].copy_from_slice(b"MPYRS   ");
        b[11..13].copy_from_slice(&(SECTOR as u16).to_le_bytes());
        b[13] = cluster_sectors as u8;
        b[14] = 1; // reserved sectors
        b[16] = 2; // FATs
        b[17..19].copy_from_slice(&(root_entries as u16).to_le_bytes());
        if total < 0x1_0000 {
            b[19..21].copy_from_slice(&(total as u16).to_le_bytes());
        } else {
            b[32..36].copy_from_slice(&total.to_le_bytes());
        }
        b[21] = 0xF8; // media: fixed disk
        b[22..24].copy_from_slice(&(fat_sectors as u16).to_le_bytes());
        b[24] = 32; // sectors per track and heads: unused, but expected non-zero
        b[26] = 64;
        b[36] = 0x80; // drive number
        b[38] = 0x29; // extended boot signature
        b[39..43].copy_from_slice(&id.to_le_bytes());
        b[43..54].copy_from_slice(label);
        b[54..62].copy_from_slice(if fat16 { b"FAT16   " } else { b"FAT12   " });
        b[510] = 0x55;
        b[511] = 0xAA;
        Ok(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_fat12_for_small_and_fat16_for_large_volumes() {
        let label = *b"NO NAME    ";
        for (total, fat16) in [
            (64, false),
            (232, false),
            (4096, false),
            (8192, true),
            (131_072, true),
        ] {
            let b = Geometry::format_boot_sector(total, &label, 1).unwrap();
            let g = Geometry::parse(&b, total).unwrap();
            assert_eq!(g.fat16, fat16, "{total} sectors");
            assert!(g.data_start + g.clusters * g.cluster_sectors <= total);
        }
        assert_eq!(
            Geometry::format_boot_sector(8, &label, 1),
            Err(Error::NoSpace)
        );
    }

    #[test]
    fn rejects_what_is_not_fat() {
        assert_eq!(
            Geometry::parse(&[0; SECTOR], 100).unwrap_err(),
            Error::NotFat
        );
        let mut b = Geometry::format_boot_sector(200, b"NO NAME    ", 1).unwrap();
        assert_eq!(Geometry::parse(&b, 100).unwrap_err(), Error::NotFat); // bigger than device
        b[22] = 0;
        b[23] = 0;
        assert_eq!(Geometry::parse(&b, 200).unwrap_err(), Error::NotFat); // FAT32
    }
}
