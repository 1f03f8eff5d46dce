//! FAT filesystem image for a board's filesystem region, built in memory with the `fatfs` crate.
//! FAT12 or FAT16 as the size dictates, 512-byte sectors. Reproducible: fixed volume id and
//! timestamps, files added in sorted order.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use fatfs::{Date, DateTime, FileSystem, FormatVolumeOptions, FsOptions, Time, TimeProvider};

/// Every timestamp in the image: 2000-01-01 00:00, so identical inputs give identical bytes.
#[derive(Debug)]
struct FixedTime;

const FIXED_DATE: Date = Date {
    year: 2000,
    month: 1,
    day: 1,
};

impl TimeProvider for FixedTime {
    fn get_current_date(&self) -> Date {
        FIXED_DATE
    }
    fn get_current_date_time(&self) -> DateTime {
        DateTime {
            date: FIXED_DATE,
            time: Time {
                hour: 0,
                min: 0,
                sec: 0,
                millis: 0,
            },
        }
    }
}

static FIXED_TIME: FixedTime = FixedTime;
/// Volume serial number; fixed instead of time-derived, for reproducible images.
const VOLUME_ID: u32 = 0x4D50_5952; // "MPYR"

/// A file or folder to copy: destination path inside the image and its source on disk.
pub struct Entry {
    pub dest: String,
    pub source: PathBuf,
}

/// The files an image holds, destination paths with '/' separators, sorted (for the JSON record).
pub fn build(size: u32, label: &str, entries: &[Entry]) -> Result<(Vec<u8>, Vec<String>), String> {
    let mut disk = Cursor::new(vec![0u8; size as usize]);
    let options = FormatVolumeOptions::new()
        .bytes_per_sector(512)
        .volume_id(VOLUME_ID)
        .volume_label(volume_label(label));
    fatfs::format_volume(&mut disk, options)
        .map_err(|e| format!("cannot format a {size}-byte FAT volume: {e}"))?;
    disk.set_position(0);
    let mut written = Vec::new();
    {
        let fs = FileSystem::new(&mut disk, FsOptions::new().time_provider(&FIXED_TIME))
            .map_err(|e| format!("cannot open the new FAT volume: {e}"))?;
        let mut files = Vec::new();
        for entry in entries {
            collect(&entry.source, &entry.dest, &mut files)?;
        }
        files.sort();
        files.dedup_by(|a, b| a.0 == b.0);
        for (dest, source) in &files {
            add_file(&fs, dest, source).map_err(|e| {
                format!(
                    "cannot add {} as '{dest}' to the {size}-byte filesystem: {e}; \
                     shrink the files or enlarge fs_size",
                    source.display()
                )
            })?;
            written.push(dest.clone());
        }
        fs.unmount()
            .map_err(|e| format!("cannot finish the FAT volume: {e}"))?;
    }
    let mut image = disk.into_inner();
    dot_entries::repair(&mut image)?;
    Ok((image, written))
}

/// Files (not folders) under `source`, each with its destination path.
fn collect(source: &Path, dest: &str, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let dest = dest.trim_matches('/');
    if source.is_dir() {
        let entries = std::fs::read_dir(source)
            .map_err(|e| format!("cannot read folder {}: {e}", source.display()))?;
        for entry in entries {
            let entry =
                entry.map_err(|e| format!("cannot read folder {}: {e}", source.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            collect(&entry.path(), &format!("{dest}/{name}"), out)?;
        }
        Ok(())
    } else if source.is_file() {
        out.push((dest.to_string(), source.to_path_buf()));
        Ok(())
    } else {
        Err(format!(
            "missing filesystem source {}; create it or fix [filesystem.files]",
            source.display()
        ))
    }
}

fn add_file<T: fatfs::ReadWriteSeek>(
    fs: &FileSystem<T>,
    dest: &str,
    source: &Path,
) -> std::io::Result<()> {
    let contents = std::fs::read(source)?;
    let mut dir = fs.root_dir();
    let mut parts: Vec<&str> = dest.split('/').collect();
    let name = parts.pop().unwrap_or_default();
    for folder in parts {
        dir = match dir.open_dir(folder) {
            Ok(existing) => existing,
            Err(_) => dir.create_dir(folder)?,
        };
    }
    let mut file = dir.create_file(name)?;
    file.truncate()?;
    file.write_all(&contents)?;
    file.flush()
}

/// FAT volume labels are 11 bytes, upper case, space padded.
fn volume_label(label: &str) -> [u8; 11] {
    let mut bytes = [b' '; 11];
    for (slot, ch) in bytes
        .iter_mut()
        .zip(label.bytes().filter(u8::is_ascii_graphic))
    {
        *slot = ch.to_ascii_uppercase();
    }
    bytes
}

/// fatfs 0.3.6 (the newest release) writes a long-name (LFN) entry before the "." and ".."
/// entries of every directory it creates, so "." is not in slot 0 and fsck.fat reports the
/// directory as damaged. This walks every directory and puts "." and ".." back in slots 0 and 1,
/// marking the two stray LFN slots as deleted entries.
mod dot_entries {
    const ENTRY: usize = 32;
    const ATTR_LFN: u8 = 0x0F;
    const ATTR_DIR: u8 = 0x10;
    const DELETED: u8 = 0xE5;

    struct Layout {
        cluster_bytes: usize,
        fat_offset: usize,
        root_offset: usize,
        root_entries: usize,
        data_offset: usize,
        fat12: bool,
    }

    fn u16_at(image: &[u8], at: usize) -> usize {
        usize::from(u16::from_le_bytes([image[at], image[at + 1]]))
    }

    fn layout(image: &[u8]) -> Result<Layout, String> {
        if image.len() < 512 {
            return Err("FAT image smaller than one sector".into());
        }
        let sector = u16_at(image, 11);
        let per_cluster = usize::from(image[13]);
        let reserved = u16_at(image, 14);
        let fats = usize::from(image[16]);
        let root_entries = u16_at(image, 17);
        let fat_sectors = u16_at(image, 22);
        let total = match u16_at(image, 19) {
            0 => u32::from_le_bytes([image[32], image[33], image[34], image[35]]) as usize,
            n => n,
        };
        if sector == 0 || per_cluster == 0 || fat_sectors == 0 {
            return Err("not a FAT12/16 image (FAT32 is not used for board filesystems)".into());
        }
        let root_offset = (reserved + fats * fat_sectors) * sector;
        let data_offset = root_offset + root_entries * ENTRY;
        let clusters = (total * sector).saturating_sub(data_offset) / (per_cluster * sector);
        Ok(Layout {
            cluster_bytes: per_cluster * sector,
            fat_offset: reserved * sector,
            root_offset,
            root_entries,
            data_offset,
            fat12: clusters < 4085,
        })
    }

    impl Layout {
        fn cluster_offset(&self, cluster: usize) -> usize {
            self.data_offset + (cluster - 2) * self.cluster_bytes
        }

        fn next(&self, image: &[u8], cluster: usize) -> Option<usize> {
            let next = if self.fat12 {
                let at = self.fat_offset + cluster * 3 / 2;
                let pair = u16_at(image, at);
                if cluster.is_multiple_of(2) {
                    pair & 0xFFF
                } else {
                    pair >> 4
                }
            } else {
                u16_at(image, self.fat_offset + cluster * 2)
            };
            let end = if self.fat12 { 0xFF8 } else { 0xFFF8 };
            (2..end).contains(&next).then_some(next)
        }

        /// Byte offsets of every entry slot of the directory starting at `cluster`.
        fn slots(&self, image: &[u8], cluster: usize) -> Vec<usize> {
            let mut slots = Vec::new();
            let mut current = Some(cluster);
            let mut guard = 0;
            while let Some(c) = current {
                let start = self.cluster_offset(c);
                if start + self.cluster_bytes > image.len() || guard > 65_536 {
                    break;
                }
                slots.extend((0..self.cluster_bytes / ENTRY).map(|i| start + i * ENTRY));
                current = self.next(image, c);
                guard += 1;
            }
            slots
        }
    }

    fn is_named(image: &[u8], at: usize, name: &[u8; 11]) -> bool {
        &image[at..at + 11] == name && image[at + 11] & ATTR_DIR != 0
    }

    pub fn repair(image: &mut [u8]) -> Result<(), String> {
        let layout = layout(image)?;
        let root: Vec<usize> = (0..layout.root_entries)
            .map(|i| layout.root_offset + i * ENTRY)
            .collect();
        let mut pending = vec![root];
        while let Some(slots) = pending.pop() {
            for at in slots {
                let first = image[at];
                if first == 0 {
                    break;
                }
                let attr = image[at + 11];
                if first == DELETED || attr == ATTR_LFN || attr & ATTR_DIR == 0 || first == b'.' {
                    continue;
                }
                let cluster = u16_at(image, at + 26);
                if cluster < 2 {
                    continue;
                }
                let dir = layout.slots(image, cluster);
                fix_directory(image, &dir);
                pending.push(dir);
            }
        }
        Ok(())
    }

    /// [LFN, ".", LFN, "..", ...] -> [".", "..", deleted, deleted, ...].
    fn fix_directory(image: &mut [u8], slots: &[usize]) {
        let [s0, s1, s2, s3, ..] = *slots else {
            return;
        };
        let lfn = |image: &[u8], at: usize| image[at + 11] == ATTR_LFN;
        if lfn(image, s0)
            && is_named(image, s1, b".          ")
            && lfn(image, s2)
            && is_named(image, s3, b"..         ")
        {
            let dot: Vec<u8> = image[s1..s1 + ENTRY].to_vec();
            let dotdot: Vec<u8> = image[s3..s3 + ENTRY].to_vec();
            image[s0..s0 + ENTRY].copy_from_slice(&dot);
            image[s1..s1 + ENTRY].copy_from_slice(&dotdot);
            for at in [s2, s3] {
                image[at..at + ENTRY].fill(0);
                image[at] = DELETED;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chips::MIN_FS_IMAGE;

    #[test]
    fn the_smallest_volume_validation_allows_can_be_made() {
        assert!(build(MIN_FS_IMAGE, "X", &[]).is_ok());
        let err = build(MIN_FS_IMAGE - 1024, "X", &[]).unwrap_err();
        assert!(err.contains("cannot format"), "{err}");
    }
}
