//! Cross-field checks of a resolved manifest: memory regions, pins, modules, files, outputs.
//! Every error is `file:line: problem; fix`, pointing at the key that has to change.

use std::collections::BTreeSet;

use crate::chips::ImageKind;
use crate::known_modules::{is_known, KNOWN_MODULES};
use crate::manifest::{Board, Located};
use crate::suggest::did_you_mean;

pub const ESP_FLASH_SIZES: &[&str] = &["1MB", "2MB", "4MB", "8MB", "16MB", "32MB"];
pub const ESP_FLASH_MODES: &[&str] = &["qio", "qout", "dio", "dout"];
pub const ESP_FLASH_FREQS: &[&str] = &["20MHz", "26MHz", "40MHz", "80MHz"];

/// All problems found, one message each; empty when the board is valid.
pub fn validate(board: &Board) -> Vec<String> {
    let mut errors = Vec::new();
    check_memory(board, &mut errors);
    check_pins(board, &mut errors);
    check_modules(board, &mut errors);
    check_files(board, &mut errors);
    check_outputs(board, &mut errors);
    errors
}

fn end(base: &Located<u32>, size: &Located<u32>) -> u64 {
    u64::from(base.value) + u64::from(size.value)
}

fn check_memory(board: &Board, errors: &mut Vec<String>) {
    let m = &board.memory;
    let flash_end = end(&m.flash_base, &m.flash_size);
    let regions = [
        ("firmware", &m.firmware_base, &m.firmware_size),
        ("filesystem", &m.fs_base, &m.fs_size),
    ];
    for (name, base, size) in regions {
        let prefix = if name == "firmware" { "firmware" } else { "fs" };
        if size.value == 0 {
            errors.push(size.error(format!(
                "the {name} region is empty; set {prefix}_size to its size in bytes"
            )));
            continue;
        }
        let region = format!("{:#x}..{:#x}", base.value, end(base, size));
        let flash = format!("{:#x}..{flash_end:#x}", m.flash_base.value);
        if base.value < m.flash_base.value || u64::from(base.value) >= flash_end {
            errors.push(base.error(format!(
                "the {name} region {region} is outside flash {flash}; set {prefix}_base inside flash"
            )));
        } else if end(base, size) > flash_end {
            errors.push(size.error(format!(
                "the {name} region {region} does not fit in flash {flash}; shrink {prefix}_size to at most {:#x}",
                flash_end - u64::from(base.value)
            )));
        }
    }
    let (fw_start, fw_end) = (
        u64::from(m.firmware_base.value),
        end(&m.firmware_base, &m.firmware_size),
    );
    let (fs_start, fs_end) = (u64::from(m.fs_base.value), end(&m.fs_base, &m.fs_size));
    if m.fs_size.value > 0 && fw_start < fs_end && fs_start < fw_end {
        errors.push(m.fs_base.error(format!(
            "the filesystem region {fs_start:#x}..{fs_end:#x} overlaps the firmware region \
             {fw_start:#x}..{fw_end:#x}; move fs_base to {fw_end:#x} or later, or shrink firmware_size"
        )));
    }
    if m.fs_size.value > 0 {
        if let Err((key, problem)) = board
            .build
            .chip
            .fs_geometry(m.fs_base.value, m.fs_size.value)
        {
            let at = if key == "fs_base" {
                &m.fs_base
            } else {
                &m.fs_size
            };
            errors.push(at.error(problem));
        }
    }
    let ram_needed = u64::from(m.heap_size.value) + u64::from(m.stack_size.value);
    if ram_needed > u64::from(m.ram_size.value) {
        errors.push(m.heap_size.error(format!(
            "heap_size + stack_size = {ram_needed} bytes is larger than RAM ({} bytes, ram_size at {}); \
             lower heap_size or stack_size",
            m.ram_size.value, m.ram_size.origin
        )));
    }
    crate::esp8266_map::check(board, errors);
    if m.stack_size.value == 0 {
        errors.push(
            m.stack_size
                .error("stack_size is 0; give the stack at least 1K"),
        );
    }
}

fn check_pins(board: &Board, errors: &mut Vec<String>) {
    let chip = board.build.chip;
    let mut check = |pin: &Located<String>, what: &str| {
        if !chip.is_pin(&pin.value) {
            errors.push(pin.error(format!(
                "unknown pin '{}' for {what} on the {}; use one of the chip's pins ({})",
                pin.value, chip.name, chip.pin_example
            )));
        }
    };
    for (name, pin) in &board.pins {
        check(pin, name);
    }
    check(&board.console.tx, "the console TX");
    check(&board.console.rx, "the console RX");
    let uart = &board.console.uart;
    let last = chip.first_uart + chip.uart_count - 1;
    if uart.value < chip.first_uart || uart.value > last {
        errors.push(uart.error(format!(
            "the {} has no UART {}; set uart to {}..={last}",
            chip.name, uart.value, chip.first_uart
        )));
    }
}

fn check_modules(board: &Board, errors: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for module in &board.modules {
        if !is_known(&module.value) {
            errors.push(module.error(format!(
                "unknown module '{}' in [modules] include{}; known modules: {}",
                module.value,
                did_you_mean(&module.value, KNOWN_MODULES.iter().copied()),
                KNOWN_MODULES.join(", ")
            )));
        } else if !seen.insert(module.value.as_str()) {
            errors.push(module.error(format!(
                "module '{}' is listed twice; remove one",
                module.value
            )));
        }
    }
}

fn check_files(board: &Board, errors: &mut Vec<String>) {
    for frozen in &board.frozen {
        if !frozen.value.is_file() {
            errors.push(frozen.error(format!(
                "missing frozen file {}; create it or fix the path (relative to this manifest)",
                frozen.value.display()
            )));
        } else if frozen.value.extension().is_none_or(|ext| ext != "py") {
            errors.push(frozen.error("frozen files must be .py files; list only Python sources"));
        }
    }
    let fs = &board.filesystem;
    for (dest, source) in &fs.files {
        if !source.value.exists() {
            errors.push(source.error(format!(
                "missing file {} for '{dest}' in [filesystem.files]; create it or fix the path \
                 (relative to this manifest)",
                source.value.display()
            )));
        }
        if dest.is_empty() || dest.starts_with('/') || dest.split('/').any(|p| p == "..") {
            errors.push(source.error(format!(
                "filesystem path '{dest}' must be relative and stay inside the filesystem; write e.g. \"lib/x.py\""
            )));
        }
    }
    if board.memory.fs_size.value > 0 {
        for required in ["boot.py", "main.py"] {
            if !fs.files.iter().any(|(dest, _)| dest == required) {
                errors.push(format!(
                    "{}: the filesystem has no {required}; add \"{required}\" = \"fs/common/{required}\" to [filesystem.files]",
                    fs.origin
                ));
            }
        }
    }
}

fn check_outputs(board: &Board, errors: &mut Vec<String>) {
    let out = &board.outputs;
    let chip = board.build.chip;
    if out.uf2_family.is_none() && !out.hex && !out.bin && !out.esp_bin {
        errors.push(format!(
            "{}: [outputs] selects no image; set one of uf2, hex, bin, esp_bin to true",
            out.origin
        ));
    }
    if let Some(family) = &out.uf2_family {
        match chip.uf2_family {
            Some(expected) if expected != family.value => errors.push(family.error(format!(
                "bad UF2 family id {:#010x} for the {}; its family id is {expected:#010x}: set uf2_family = {expected:#010x}",
                family.value, chip.name
            ))),
            None => errors.push(family.error(format!(
                "the {} has no UF2 family id; remove uf2 from [outputs]",
                chip.name
            ))),
            _ => {}
        }
    }
    let is_esp = chip.image != ImageKind::Flat;
    if out.esp_bin && !is_esp {
        errors.push(format!(
            "{}: esp_bin is only for ESP chips, not the {}; remove esp_bin",
            out.origin, chip.name
        ));
    }
    if is_esp {
        let Some(esp) = &board.esp else {
            errors.push(format!(
                "{}: the {} needs an [esp] section; add [esp] with flash_size = \"4MB\", flash_mode = \"dio\", flash_freq = \"40MHz\"",
                board.build.chip_origin, chip.name
            ));
            return;
        };
        let choices = [
            (&esp.flash_size, "flash_size", ESP_FLASH_SIZES),
            (&esp.flash_mode, "flash_mode", ESP_FLASH_MODES),
            (&esp.flash_freq, "flash_freq", ESP_FLASH_FREQS),
        ];
        for (value, key, allowed) in choices {
            if !allowed.contains(&value.value.as_str()) {
                errors.push(value.error(format!(
                    "bad {key} '{}' in [esp]{}; use one of: {}",
                    value.value,
                    did_you_mean(&value.value, allowed.iter().copied()),
                    allowed.join(", ")
                )));
            }
        }
    }
}
