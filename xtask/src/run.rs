//! `cargo xtask run <board>`: boots the board's emulator build (see
//! `build::build_firmware_for_emulator`) with the REPL on this terminal; dist/ is not touched.
//!
//! QEMU facts (see shared notes qemu.md): the console goes through a stdio chardev with
//! signal=off so Ctrl-C reaches the REPL instead of killing QEMU, and no monitor is multiplexed on
//! stdio (it would swallow Ctrl-A, which the raw REPL uses). The FAT image is preloaded at the
//! filesystem region with `-device loader`.
//!
//! rp2040js (shared notes rp2040js.md) is a Node.js library: boards/emu-tests/rp2040js/run.mjs
//! loads the ELF into its flash and bridges the console UART to stdin/stdout (a terminal is put in
//! raw mode, so Ctrl-C reaches the REPL there too).

use std::path::Path;
use std::process::Command;

use crate::manifest::{Board, EmulatorKind};
use crate::size::Usage;
use crate::{build, package, paths};

/// The rp2040js runner and its npm project.
const RP2040JS_DIR: &str = "boards/emu-tests/rp2040js";

pub fn run(args: &[String]) -> Result<(), String> {
    let [id] = args else {
        return Err("usage: cargo xtask run <board>".into());
    };
    let board = build::load_valid(id)?;
    let emulator = board.emulator.as_ref().ok_or(format!(
        "board {id} has no [emulator] in its manifest; boards with one: {}",
        boards_with_emulator()
    ))?;
    let elf = build::build_firmware_for_emulator(&board, &mut |step| eprintln!("[{id}] {step}"))?;
    let data = std::fs::read(&elf).map_err(|e| format!("cannot read {}: {e}", elf.display()))?;
    Usage::of(&board, &crate::elf::read(&data)?).check(&board)?;
    let mut command = match emulator.kind {
        EmulatorKind::Qemu => {
            let fs_image = write_filesystem_image(&board)?;
            qemu_command(&board, &elf, fs_image.as_deref())?
        }
        EmulatorKind::Rp2040js => rp2040js_command(&board, &elf)?,
    };
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command.spawn().map_err(|e| {
        format!(
            "cannot start {program}: {e}; {}",
            install_hint(&emulator.kind)
        )
    })?;
    // Ctrl-C goes to the REPL, so say how to stop the emulator.
    eprintln!(
        "[{id}] {program} pid {0}: stop it with `kill {0}` from another terminal",
        child.id()
    );
    let status = child
        .wait()
        .map_err(|e| format!("{program} did not finish: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} exited with {status}"))
    }
}

fn install_hint(kind: &EmulatorKind) -> &'static str {
    match kind {
        EmulatorKind::Qemu => "install it with `apt-get install qemu-system-arm`",
        EmulatorKind::Rp2040js => "install Node.js (node 18 or later)",
    }
}

fn boards_with_emulator() -> String {
    let ids = crate::manifest::board_ids(Path::new(paths::MANIFESTS)).unwrap_or_default();
    let with: Vec<String> = ids
        .into_iter()
        .filter(|id| build::load_valid(id).is_ok_and(|b| b.emulator.is_some()))
        .collect();
    with.join(", ")
}

/// The board's filesystem image in target/firmware/<id>/, for the emulator to preload.
fn write_filesystem_image(board: &Board) -> Result<Option<std::path::PathBuf>, String> {
    let Some((image, _)) = package::filesystem_image(board)? else {
        return Ok(None);
    };
    let path = paths::firmware_dir(&board.id).join("emulator-fs.img");
    std::fs::write(&path, image).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(Some(path))
}

pub fn qemu_command(board: &Board, elf: &Path, fs_image: Option<&Path>) -> Result<Command, String> {
    let emulator = board.emulator.as_ref().ok_or("no [emulator] section")?;
    let machine = emulator.machine.as_ref().ok_or(format!(
        "board {} has kind = \"qemu\" but no machine in [emulator]",
        board.id
    ))?;
    let mut qemu = Command::new("qemu-system-arm");
    qemu.args(["-M", machine])
        .args(["-display", "none", "-monitor", "none"])
        .args([
            "-chardev",
            "stdio,id=s0,signal=off",
            "-serial",
            "chardev:s0",
        ])
        .args(&emulator.args)
        .arg("-kernel")
        .arg(elf);
    if let Some(image) = fs_image {
        qemu.arg("-device").arg(format!(
            "loader,file={},addr={:#x}",
            image.display(),
            board.memory.fs_base.value
        ));
    }
    Ok(qemu)
}

/// `node run.mjs <elf> --uart <console uart>`, after `npm ci` if rp2040js is not installed yet.
fn rp2040js_command(board: &Board, elf: &Path) -> Result<Command, String> {
    let dir = Path::new(RP2040JS_DIR);
    if !dir.join("node_modules/rp2040js/package.json").is_file() {
        eprintln!(
            "[{}] installing rp2040js (npm ci in {RP2040JS_DIR})",
            board.id
        );
        let out = Command::new("npm")
            .arg("ci")
            .current_dir(dir)
            .output()
            .map_err(|e| format!("cannot run npm: {e}; install Node.js (node 18 or later)"))?;
        if !out.status.success() {
            return Err(format!(
                "npm ci in {RP2040JS_DIR} failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    let mut node = Command::new("node");
    node.arg(dir.join("run.mjs"))
        .arg(elf)
        .args(["--uart", &board.console.uart.value.to_string()]);
    Ok(node)
}
