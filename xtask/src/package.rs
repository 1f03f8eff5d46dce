//! Turns a firmware ELF and the manifest's filesystem into the board's images in dist/<board>/:
//! `<id>.uf2` / `.hex` / `.bin` (flat memory images with the FAT image at the filesystem
//! region) or the merged ESP `.bin`, the raw `<id>-fs.img`, `<id>.sha256` and `<id>.json`.
//! Same inputs give byte-identical files: nothing here records times or paths.

use std::path::Path;

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::chips::ImageKind;
use crate::elf::{self, Chunk};
use crate::fatimg;
use crate::manifest::Board;
use crate::output::Staging;
use crate::size::Usage;
use crate::{esp, ihex, paths, uf2};

/// Packages `elf_path` for `board` into dist/<board>/ and returns a one-line summary.
pub fn package(board: &Board, elf_path: &Path) -> Result<String, String> {
    let elf_data =
        std::fs::read(elf_path).map_err(|e| format!("cannot read {}: {e}", elf_path.display()))?;
    let images = make_images(board, &elf_data, &paths::gen_dir(&board.id))?;
    publish(&images, &paths::dist_dir(&board.id))?;
    let names: Vec<&str> = images.files.iter().map(|(name, _)| name.as_str()).collect();
    Ok(format!(
        "{}: {} in {}",
        board.id,
        names.join(", "),
        paths::dist_dir(&board.id).display()
    ))
}

/// Everything a board's dist folder holds, in memory.
pub struct Images {
    /// (file name, contents), images first, then the sha256 list and the JSON record.
    pub files: Vec<(String, Vec<u8>)>,
}

/// A FAT image and the paths of the files in it.
type FsImage = (Vec<u8>, Vec<String>);

/// The board's FAT filesystem image (the whole fs region) and the files in it, or `None` when the
/// board has no filesystem region.
pub fn filesystem_image(board: &Board) -> Result<Option<FsImage>, String> {
    let size = board.memory.fs_size.value;
    if size == 0 {
        return Ok(None);
    }
    let entries: Vec<fatimg::Entry> = board
        .filesystem
        .files
        .iter()
        .map(|(dest, source)| fatimg::Entry {
            dest: dest.clone(),
            source: source.value.clone(),
        })
        .collect();
    // The log and spare blocks at the end of the region belong to the board's flash block
    // device: the volume is only as big as what it gives the filesystem.
    let geometry = board
        .build
        .chip
        .fs_geometry(board.memory.fs_base.value, size)
        .map_err(|(key, problem)| format!("{}: {key}: {problem}", board.id))?;
    fatimg::build(geometry.image_size, &board.filesystem.label, &entries).map(Some)
}

/// Builds all images. `scratch` is a folder for files espflash must read from disk.
pub fn make_images(board: &Board, elf_data: &[u8], scratch: &Path) -> Result<Images, String> {
    let id = &board.id;
    let elf = elf::read(elf_data)?;
    let usage = Usage::of(board, &elf);
    usage.check(board)?;
    let m = &board.memory;
    let fs = filesystem_image(board)?;
    let fs_image = fs.as_ref().map(|(image, _)| image.as_slice());
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    match board.build.chip.image {
        ImageKind::Flat => {
            check_inside_firmware_region(board, &elf.chunks)?;
            let mut chunks = elf.chunks.clone();
            if let Some(image) = fs_image {
                chunks.push(Chunk {
                    addr: m.fs_base.value,
                    data: image.to_vec(),
                });
            }
            let flash = u64::from(m.flash_base.value)
                ..u64::from(m.flash_base.value) + u64::from(m.flash_size.value);
            // Each image is read back by its independent checker before it is published.
            if let Some(family) = &board.outputs.uf2_family {
                let image = uf2::write(&chunks, family.value);
                uf2::check(&image, family.value, flash.clone()).map_err(|e| {
                    format!("internal error: the UF2 written for {id} does not check: {e}")
                })?;
                files.push((format!("{id}.uf2"), image));
            }
            if board.outputs.hex {
                let image = ihex::write(&chunks);
                ihex::check(&image).map_err(|e| {
                    format!("internal error: the HEX written for {id} does not check: {e}")
                })?;
                files.push((format!("{id}.hex"), image.into_bytes()));
            }
            if board.outputs.bin {
                files.push((
                    format!("{id}.bin"),
                    flat_bin(&chunks, m.firmware_base.value),
                ));
            }
        }
        ImageKind::EspIdf => {
            std::fs::create_dir_all(scratch)
                .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
            let csv = scratch.join("partitions.csv");
            files.push((
                format!("{id}.bin"),
                esp::idf_image(board, elf_data, fs_image, &csv)?,
            ));
        }
        ImageKind::Esp8266 => {
            files.push((
                format!("{id}.bin"),
                esp::esp8266_image(board, &elf, fs_image)?,
            ));
        }
    }
    if let Some(image) = fs_image {
        files.push((format!("{id}-fs.img"), image.to_vec()));
    }
    let sums: String = files
        .iter()
        .map(|(name, data)| format!("{}  {name}\n", sha256_hex(data)))
        .collect();
    let fs_files = fs
        .as_ref()
        .map(|(_, names)| names.clone())
        .unwrap_or_default();
    let record = record_json(board, &usage, &files, &fs_files);
    files.push((format!("{id}.sha256"), sums.into_bytes()));
    files.push((format!("{id}.json"), record.into_bytes()));
    Ok(Images { files })
}

pub fn publish(images: &Images, dest: &Path) -> Result<(), String> {
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let staging = Staging::new(dest)?;
    for (name, data) in &images.files {
        staging.write(name, data)?;
    }
    staging.commit()
}

/// Firmware chunks (physical addresses) must lie inside the firmware region.
fn check_inside_firmware_region(board: &Board, chunks: &[Chunk]) -> Result<(), String> {
    let m = &board.memory;
    let start = u64::from(m.firmware_base.value);
    let end = start + u64::from(m.firmware_size.value);
    for chunk in chunks {
        let chunk_end = u64::from(chunk.addr) + chunk.data.len() as u64;
        if u64::from(chunk.addr) < start || chunk_end > end {
            return Err(m.firmware_size.error(format!(
                "the firmware ELF loads {:#x}..{chunk_end:#x}, outside the firmware region {start:#x}..{end:#x}; \
                 the firmware outgrew its region or memory.x is stale: drop modules or enlarge firmware_size",
                chunk.addr
            )));
        }
    }
    Ok(())
}

/// Raw image from `base` to the end of the last chunk, gaps 0xFF (erased flash).
fn flat_bin(chunks: &[Chunk], base: u32) -> Vec<u8> {
    let end = chunks
        .iter()
        .map(|c| c.addr as usize + c.data.len())
        .max()
        .unwrap_or(base as usize);
    let mut image = vec![0xFF; end.saturating_sub(base as usize)];
    for chunk in chunks {
        let offset = (chunk.addr - base) as usize;
        image[offset..offset + chunk.data.len()].copy_from_slice(&chunk.data);
    }
    image
}

pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn record_json(
    board: &Board,
    usage: &Usage,
    files: &[(String, Vec<u8>)],
    fs_files: &[String],
) -> String {
    let id = &board.identity;
    let m = &board.memory;
    let outputs: serde_json::Map<String, serde_json::Value> = files
        .iter()
        .map(|(name, data)| {
            (
                name.clone(),
                json!({ "size": data.len(), "sha256": sha256_hex(data) }),
            )
        })
        .collect();
    let record = json!({
        "board": {
            "id": board.id,
            "name": id.name,
            "vendor": id.vendor,
            "url": id.url,
            "mcu": id.mcu,
            "features": id.features,
            "chip": board.build.chip.name,
            "target": board.build.target.value,
        },
        "version": env!("CARGO_PKG_VERSION"),
        "modules": board.modules.iter().map(|m| m.value.clone()).collect::<Vec<_>>(),
        "sizes": {
            "flash_used": usage.flash,
            "firmware_region": { "base": m.firmware_base.value, "size": m.firmware_size.value },
            "filesystem_region": { "base": m.fs_base.value, "size": m.fs_size.value },
            "ram_static": usage.ram_static,
            "ram_size": m.ram_size.value,
            "heap_size": m.heap_size.value,
            "stack_size": m.stack_size.value,
        },
        "filesystem_files": fs_files,
        "outputs": outputs,
    });
    let mut text = serde_json::to_string_pretty(&record).unwrap_or_default();
    text.push('\n');
    text
}
