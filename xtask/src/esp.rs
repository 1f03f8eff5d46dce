//! ESP flash images, merged into one file for flash offset 0.
//!
//! ESP32 / ESP32-C3: espflash's library builds the ESP-IDF layout (its bundled second-stage
//! bootloader, the partition table, the app image); we add the `vfs` FAT partition to the table
//! and place the filesystem image at its offset.
//! ESP8266: espflash no longer supports it, so the ROM bootloader's v1 image (header, RAM
//! segments, checksum) and the irom0 segment are written here, per esptool's format.

use std::path::Path;

use espflash::flasher::{FlashData, FlashFrequency, FlashMode, FlashSettings, FlashSize};
use espflash::image_format::idf::IdfBootloaderFormat;
use espflash::target::{Chip as EspChip, XtalFrequency};

use crate::elf::Chunk;
use crate::esp8266_map::{IROM_FLASH_OFFSET, IROM_MAPPED};
use crate::manifest::{Board, EspConfig};

/// Partition table for the board: the usual nvs/phy_init, the app partition over the firmware
/// region and a FAT data partition over the filesystem region.
pub fn partition_csv(board: &Board) -> String {
    let m = &board.memory;
    format!(
        "# Name, Type, SubType, Offset, Size, Flags\n\
         nvs, data, nvs, 0x9000, 0x6000,\n\
         phy_init, data, phy, 0xf000, 0x1000,\n\
         factory, app, factory, {:#x}, {:#x},\n\
         vfs, data, fat, {:#x}, {:#x},\n",
        m.firmware_base.value, m.firmware_size.value, m.fs_base.value, m.fs_size.value
    )
}

fn flash_settings(esp: &EspConfig) -> Result<FlashSettings, String> {
    let mode = match esp.flash_mode.value.as_str() {
        "qio" => FlashMode::Qio,
        "qout" => FlashMode::Qout,
        "dio" => FlashMode::Dio,
        "dout" => FlashMode::Dout,
        other => return Err(esp.flash_mode.error(format!("bad flash_mode '{other}'"))),
    };
    let size = match esp.flash_size.value.as_str() {
        "1MB" => FlashSize::_1Mb,
        "2MB" => FlashSize::_2Mb,
        "4MB" => FlashSize::_4Mb,
        "8MB" => FlashSize::_8Mb,
        "16MB" => FlashSize::_16Mb,
        "32MB" => FlashSize::_32Mb,
        other => return Err(esp.flash_size.error(format!("bad flash_size '{other}'"))),
    };
    let freq = match esp.flash_freq.value.as_str() {
        "20MHz" => FlashFrequency::_20Mhz,
        "26MHz" => FlashFrequency::_26Mhz,
        "40MHz" => FlashFrequency::_40Mhz,
        "80MHz" => FlashFrequency::_80Mhz,
        other => return Err(esp.flash_freq.error(format!("bad flash_freq '{other}'"))),
    };
    Ok(FlashSettings::new(Some(mode), Some(size), Some(freq)))
}

fn esp_config(board: &Board) -> Result<&EspConfig, String> {
    board.esp.as_ref().ok_or_else(|| {
        format!(
            "{}: ESP boards need an [esp] section with flash_size, flash_mode, flash_freq",
            board.build.chip_origin
        )
    })
}

/// The ESP-IDF layout image. `partitions_csv` is where the partition table is written for
/// espflash to read (it takes a path).
pub fn idf_image(
    board: &Board,
    elf_data: &[u8],
    fs_image: Option<&[u8]>,
    partitions_csv: &Path,
) -> Result<Vec<u8>, String> {
    let chip = match board.build.chip.name {
        "esp32c3" => EspChip::Esp32c3,
        "esp32" => EspChip::Esp32,
        other => return Err(format!("no ESP-IDF image format for chip '{other}'")),
    };
    let esp = esp_config(board)?;
    if !board.memory.firmware_base.value.is_multiple_of(0x1_0000) {
        return Err(board.memory.firmware_base.error(
            "ESP app partitions must start on a 64 KB boundary; set firmware_base to a multiple of 0x10000",
        ));
    }
    std::fs::write(partitions_csv, partition_csv(board))
        .map_err(|e| format!("cannot write {}: {e}", partitions_csv.display()))?;
    let flash_data = FlashData::new(flash_settings(esp)?, 0, None, chip, XtalFrequency::_40Mhz);
    let image = IdfBootloaderFormat::new(
        elf_data,
        &flash_data,
        Some(partitions_csv),
        None,
        None,
        None,
    )
    .map_err(|e| {
        format!(
            "espflash could not build the {} image: {e}",
            board.build.chip.name
        )
    })?;
    let app_size: u32 = image
        .metadata()
        .get("app_size")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if app_size > board.memory.firmware_size.value {
        return Err(board.memory.firmware_size.error(format!(
            "the app image is {app_size} bytes, larger than the firmware region ({} bytes); \
             drop modules or enlarge firmware_size",
            board.memory.firmware_size.value
        )));
    }
    let mut chunks: Vec<Chunk> = image
        .flash_segments()
        .map(|segment| Chunk {
            addr: segment.addr,
            data: segment.data.into_owned(),
        })
        .collect();
    if let Some(fs) = fs_image {
        chunks.push(Chunk {
            addr: board.memory.fs_base.value,
            data: fs.to_vec(),
        });
    }
    Ok(merge_from_zero(&chunks))
}

/// One image for flash offset 0: chunks at their offsets, gaps 0xFF (erased flash).
pub fn merge_from_zero(chunks: &[Chunk]) -> Vec<u8> {
    let end = chunks
        .iter()
        .map(|c| c.addr as usize + c.data.len())
        .max()
        .unwrap_or(0);
    let mut image = vec![0xFF; end];
    for chunk in chunks {
        image[chunk.addr as usize..chunk.addr as usize + chunk.data.len()]
            .copy_from_slice(&chunk.data);
    }
    image
}

const ESP_IMAGE_MAGIC: u8 = 0xE9;
const ESP_CHECKSUM_SEED: u8 = 0xEF;

/// ESP8266 v1 image: header + RAM segments at offset 0, irom0 at its mapped flash offset.
pub fn esp8266_image(
    board: &Board,
    elf: &crate::elf::Elf,
    fs_image: Option<&[u8]>,
) -> Result<Vec<u8>, String> {
    let esp = esp_config(board)?;
    let mode: u8 = match esp.flash_mode.value.as_str() {
        "qio" => 0,
        "qout" => 1,
        "dio" => 2,
        _ => 3,
    };
    let size_code: u8 = match esp.flash_size.value.as_str() {
        "1MB" => 2,
        "2MB" => 3,
        "4MB" => 4,
        "8MB" => 8,
        "16MB" => 9,
        other => {
            return Err(esp.flash_size.error(format!(
                "the ESP8266 has no flash_size '{other}'; use 1MB..16MB"
            )))
        }
    };
    let freq_code: u8 = match esp.flash_freq.value.as_str() {
        "40MHz" => 0,
        "26MHz" => 1,
        "20MHz" => 2,
        _ => 0xF,
    };
    let (irom, ram): (Vec<&Chunk>, Vec<&Chunk>) = elf
        .chunks
        .iter()
        .partition(|c| IROM_MAPPED.contains(&c.addr));
    if ram.is_empty() {
        return Err("the ESP8266 ELF has no RAM segments to load: check the linker script".into());
    }
    let mut header = vec![
        ESP_IMAGE_MAGIC,
        ram.len() as u8,
        mode,
        (size_code << 4) | freq_code,
    ];
    header.extend_from_slice(&elf.entry.to_le_bytes());
    let mut checksum = ESP_CHECKSUM_SEED;
    for segment in &ram {
        let mut data = segment.data.clone();
        data.resize(data.len().div_ceil(4) * 4, 0);
        header.extend_from_slice(&segment.addr.to_le_bytes());
        header.extend_from_slice(&(data.len() as u32).to_le_bytes());
        checksum = data.iter().fold(checksum, |sum, b| sum ^ b);
        header.extend_from_slice(&data);
    }
    // Pad so that the checksum byte ends a 16-byte block.
    while header.len() % 16 != 15 {
        header.push(0);
    }
    header.push(checksum);
    let mut chunks = vec![Chunk {
        addr: 0,
        data: header,
    }];
    for segment in irom {
        chunks.push(Chunk {
            addr: segment.addr - IROM_MAPPED.start,
            data: segment.data.clone(),
        });
    }
    let firmware_end = chunks
        .iter()
        .map(|c| c.addr as u64 + c.data.len() as u64)
        .max()
        .unwrap_or(0);
    let region_end =
        u64::from(board.memory.firmware_base.value) + u64::from(board.memory.firmware_size.value);
    if chunks[0].data.len() as u64 > u64::from(IROM_FLASH_OFFSET) || firmware_end > region_end {
        return Err(board.memory.firmware_size.error(format!(
            "the ESP8266 image ends at {firmware_end:#x}, past the firmware region end {region_end:#x} \
             (or its RAM segments exceed 64 KB); drop modules or enlarge firmware_size"
        )));
    }
    if let Some(fs) = fs_image {
        chunks.push(Chunk {
            addr: board.memory.fs_base.value,
            data: fs.to_vec(),
        });
    }
    Ok(merge_from_zero(&chunks))
}
