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
    Ok((disk.into_inner(), written))
}

/// Files (not folders) under `source`, each with its destination path.
fn collect(source: &Path, dest: &str, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let dest = dest.trim_matches('/');
    if source.is_dir() {
        let entries = std::fs::read_dir(source)
            .map_err(|e| format!("cannot read folder {}: {e}", source.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read folder {}: {e}", source.display()))?;
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
    for (slot, ch) in bytes.iter_mut().zip(label.bytes().filter(u8::is_ascii_graphic)) {
        *slot = ch.to_ascii_uppercase();
    }
    bytes
}
