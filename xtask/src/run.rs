//! `cargo xtask run <board>`: boots the board's firmware in its emulator with the REPL on this
//! terminal. QEMU facts (see shared notes qemu.md): the console goes through a stdio chardev with
//! signal=off so Ctrl-C reaches the REPL instead of killing QEMU, and no monitor is multiplexed on
//! stdio (it would swallow Ctrl-A, which the raw REPL uses). The FAT image is preloaded at the
//! filesystem region with `-device loader`.

use std::path::Path;
use std::process::Command;

use crate::manifest::{Board, EmulatorKind};
use crate::{build, package, paths};

pub fn run(args: &[String]) -> Result<(), String> {
    let [id] = args else {
        return Err("usage: cargo xtask run <board>".into());
    };
    let board = build::load_valid(id)?;
    let emulator = board.emulator.as_ref().ok_or(format!(
        "board {id} has no [emulator] in its manifest; boards with one: microbit-v1, microbit-v1-qemu, pyboard"
    ))?;
    if emulator.kind == EmulatorKind::Rp2040js {
        return Err(format!(
            "board {id} runs in rp2040js (a Node.js library, no command-line emulator): `cargo xtask run` \
             drives QEMU only; use the board's .uf2 from `cargo xtask build {id}` with an rp2040js harness"
        ));
    }
    let elf = build::build_firmware(&board, &mut |step| eprintln!("[{id}] {step}"))?;
    eprintln!("{}", package::package(&board, &elf)?);
    let fs_image = paths::dist_dir(id).join(format!("{id}-fs.img"));
    let mut qemu = qemu_command(
        &board,
        &elf,
        fs_image.is_file().then_some(fs_image.as_path()),
    )?;
    let mut child = qemu.spawn().map_err(|e| {
        format!(
            "cannot start qemu-system-arm: {e}; install it with `apt-get install qemu-system-arm`"
        )
    })?;
    // Ctrl-C goes to the REPL (signal=off), so say how to stop the emulator.
    eprintln!(
        "[{id}] qemu pid {0}: stop it with `kill {0}` from another terminal",
        child.id()
    );
    let status = child
        .wait()
        .map_err(|e| format!("qemu did not finish: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("qemu exited with {status}"))
    }
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
