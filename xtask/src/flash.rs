//! `cargo xtask flash <board> [--drive <dir>] [--port <serial port>]`: builds the board, then
//! copies its UF2/HEX to the board's USB drive, or writes an ESP image over serial.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::chips::ImageKind;
use crate::{build, package, paths};

pub fn run(args: &[String]) -> Result<(), String> {
    let usage = "usage: cargo xtask flash <board> [--drive <mounted drive>] [--port <serial port>]";
    let mut id = None;
    let mut drive = None;
    let mut port = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--drive" => drive = Some(PathBuf::from(rest.next().ok_or(usage)?)),
            "--port" => port = Some(rest.next().ok_or(usage)?.clone()),
            _ if id.is_none() => id = Some(arg.clone()),
            _ => return Err(usage.to_string()),
        }
    }
    let id = id.ok_or(usage)?;
    let board = build::load_valid(&id)?;
    let elf = build::build_firmware(&board, &mut |step| eprintln!("[{id}] {step}"))?;
    println!("{}", package::package(&board, &elf)?);
    let dist = paths::dist_dir(&id);
    match board.build.chip.image {
        ImageKind::Flat => {
            let image = ["uf2", "hex"]
                .iter()
                .map(|ext| dist.join(format!("{id}.{ext}")))
                .find(|p| p.is_file())
                .ok_or(format!(
                    "{id} has no .uf2 or .hex output to copy to a drive"
                ))?;
            let drive = match drive {
                Some(d) => d,
                None => find_drive()?,
            };
            let dest = drive.join(image.file_name().unwrap_or_default());
            std::fs::copy(&image, &dest).map_err(|e| {
                format!("cannot copy {} to {}: {e}", image.display(), dest.display())
            })?;
            println!("copied {} to {}", image.display(), dest.display());
            Ok(())
        }
        ImageKind::EspIdf | ImageKind::Esp8266 => {
            let image = dist.join(format!("{id}.bin"));
            write_esp(&image, board.build.chip.name, port.as_deref())
        }
    }
}

/// A mounted UF2 bootloader drive (INFO_UF2.TXT) or DAPLink drive (DETAILS.TXT) under /media.
fn find_drive() -> Result<PathBuf, String> {
    let mut found = Vec::new();
    for root in ["/media", "/run/media"] {
        for dir in subdirs(Path::new(root)).into_iter().flat_map(|d| {
            let mut all = subdirs(&d);
            all.push(d);
            all
        }) {
            if dir.join("INFO_UF2.TXT").is_file() || dir.join("DETAILS.TXT").is_file() {
                found.push(dir);
            }
        }
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(
            "no board drive found under /media: put the board in bootloader mode (hold BOOTSEL / \
                   plug in a micro:bit) or pass --drive <mounted folder>"
                .into(),
        ),
        many => Err(format!(
            "several board drives found ({}); choose one with --drive",
            many.iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default()
}

/// Writes the merged image at offset 0 with espflash if installed, else esptool.
fn write_esp(image: &Path, chip: &str, port: Option<&str>) -> Result<(), String> {
    let has = |tool: &str| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let mut command = if has("espflash") {
        let mut c = Command::new("espflash");
        c.args(["write-bin", "0x0"]).arg(image);
        if let Some(port) = port {
            c.args(["--port", port]);
        }
        c
    } else if has("esptool") {
        let mut c = Command::new("esptool");
        c.args(["--chip", chip]);
        if let Some(port) = port {
            c.args(["--port", port]);
        }
        c.args(["write-flash", "0x0"]).arg(image);
        c
    } else {
        return Err("neither espflash nor esptool is installed: `cargo install espflash` or `pip install esptool`".into());
    };
    let status = command
        .status()
        .map_err(|e| format!("cannot run the flasher: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("flashing {} failed ({status})", image.display()))
    }
}
