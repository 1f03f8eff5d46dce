//! Power loss at every flash step of a file save, on the flash block device: after the reset the
//! other files are intact, the saved file is wholly old or wholly new, and fsck.fat is clean.

mod common;

use common::{fsck, MemFlash};
use mpy_fat::{BlockDevice, Error, Fat, FlashBlockDevice, OpenMode};

/// A flash layout to test: region size, erase block, program unit, log blocks.
#[derive(Clone, Copy)]
struct Chip {
    name: &'static str,
    size: usize,
    erase: usize,
    program: usize,
    log_blocks: usize,
}

const NRF52: Chip = Chip {
    name: "nrf52",
    size: 64 * 1024,
    erase: 4096,
    program: 4,
    log_blocks: 2,
};
const NRF51: Chip = Chip {
    name: "nrf51",
    size: 32 * 1024,
    erase: 1024,
    program: 4,
    log_blocks: 4,
};
const RP2040: Chip = Chip {
    name: "rp2040",
    size: 128 * 1024,
    erase: 4096,
    program: 256,
    log_blocks: 6,
};

type Fs = Fat<FlashBlockDevice<MemFlash>>;

fn mount(flash: MemFlash, chip: Chip) -> Result<Fs, Error> {
    Fat::mount(FlashBlockDevice::new(flash, chip.log_blocks)?)
}

fn save(fs: &mut Fs, path: &str, data: &[u8]) -> Result<(), Error> {
    let mut f = fs.open(path, OpenMode::parse("w")?)?;
    fs.write(&mut f, data)?;
    fs.close(&mut f)
}

fn load(fs: &mut Fs, path: &str) -> Result<Vec<u8>, Error> {
    let mut f = fs.open(path, OpenMode::parse("r")?)?;
    let mut out = vec![0; f.size() as usize];
    let n = fs.read(&mut f, &mut out)?;
    out.truncate(n);
    Ok(out)
}

fn contents(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

impl Chip {
    fn flash(&self, bytes: Vec<u8>, steps_left: Option<usize>) -> MemFlash {
        MemFlash::new(bytes, self.erase, self.program, steps_left)
    }
}

/// The filesystem every run starts from: a few files and a folder.
fn base(chip: Chip) -> (Vec<u8>, Vec<(&'static str, Vec<u8>)>) {
    let flash = chip.flash(vec![0xFF; chip.size], None);
    let bytes = flash.handle();
    let dev = FlashBlockDevice::new(flash, chip.log_blocks).unwrap();
    let mut fs = Fat::format(dev, "MPY").unwrap();
    fs.mkdir("lib").unwrap();
    let files = vec![
        ("boot.py", contents(700, 1)),
        ("lib/keep me.txt", contents(1300, 2)),
        ("main.py", contents(900, 3)),
    ];
    for (path, data) in &files {
        save(&mut fs, path, data).unwrap();
    }
    fs.unmount().unwrap();
    let start = bytes.borrow().clone();
    (start, files)
}

/// The volume's sectors as a plain image (after recovery the log is empty).
fn image(fs: Fs) -> Vec<u8> {
    let mut dev = fs.unmount().unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 512];
    for s in 0..dev.sector_count() {
        dev.read(s, &mut buf).unwrap();
        out.extend_from_slice(&buf);
    }
    out
}

/// An operation to interrupt: what it does, and which files it may change.
struct Op<'a> {
    run: &'a dyn Fn(&mut Fs) -> Result<(), Error>,
    /// Whether the volume shows the operation done (`Some(true)`), not done (`Some(false)`),
    /// or half done (`None`, a failure).
    done: &'a dyn Fn(&mut Fs) -> Option<bool>,
    touches: &'a [&'a str],
}

/// After a reset: the files the operation does not touch are intact, and it is wholly done or
/// not at all; true if done.
fn check(fs: &mut Fs, files: &[(&str, Vec<u8>)], op: &Op) -> bool {
    for (p, data) in files.iter().filter(|(p, _)| !op.touches.contains(p)) {
        assert_eq!(&load(fs, p).unwrap(), data, "{p} damaged");
    }
    (op.done)(fs).expect("the operation is half done")
}

/// Cuts power at every flash step of `op`, and after each cut at every step of the recovery at
/// the next boot; checks each outcome, and runs fsck.fat on each recovered volume.
fn every_step(chip: Chip, op: Op) {
    let (start, files) = base(chip);
    let (mut saw_old, mut saw_new) = (false, false);
    for cut in 0.. {
        let flash = chip.flash(start.clone(), Some(cut));
        let bytes = flash.handle();
        let mut fs = mount(flash, chip).unwrap();
        let finished = (op.run)(&mut fs).is_ok();
        drop(fs);
        let crashed = bytes.borrow().clone();
        for recovery_cut in 0.. {
            let flash = chip.flash(crashed.clone(), Some(recovery_cut));
            let bytes = flash.handle();
            let recovered = FlashBlockDevice::new(flash, chip.log_blocks).is_ok();
            let state = bytes.borrow().clone();
            let mut fs = mount(chip.flash(state, None), chip).unwrap();
            check(&mut fs, &files, &op);
            if recovered {
                break;
            }
        }
        let mut fs = mount(chip.flash(crashed, None), chip).unwrap();
        if check(&mut fs, &files, &op) {
            saw_new = true;
        } else {
            saw_old = true;
        }
        let name = format!("{}-{cut}.img", chip.name);
        fsck(&image(fs), &name)
            .unwrap_or_else(|e| panic!("{}: power cut at step {cut}: {e}", chip.name));
        if finished {
            assert!(saw_old && saw_new, "{}: cut {cut}", chip.name);
            return;
        }
    }
}

/// Saving `len` new bytes to `path` (which holds `old`, if it exists).
fn save_op(chip: Chip, path: &'static str, old: Option<Vec<u8>>, len: usize) {
    let new = contents(len, 9);
    let done = |fs: &mut Fs| match (load(fs, path), &old) {
        (Err(Error::NotFound), None) => Some(false),
        (Ok(got), Some(old)) if got == *old => Some(false),
        (Ok(got), _) if got == new => Some(true),
        _ => None,
    };
    every_step(
        chip,
        Op {
            run: &|fs| save(fs, path, &new),
            done: &done,
            touches: &[path],
        },
    );
}

#[test]
fn new_file_survives_power_loss_at_every_step() {
    save_op(NRF52, "lib/a new file.py", None, 2000);
    save_op(RP2040, "new.py", None, 3000);
    save_op(NRF51, "lib/new file.txt", None, 600);
}

#[test]
fn overwrite_survives_power_loss_at_every_step() {
    save_op(NRF52, "main.py", Some(contents(900, 3)), 2500);
    save_op(RP2040, "lib/keep me.txt", Some(contents(1300, 2)), 4000);
    save_op(NRF51, "main.py", Some(contents(900, 3)), 1000);
}

#[test]
fn rename_remove_mkdir_survive_power_loss_at_every_step() {
    let exists = |fs: &mut Fs, path: &str| fs.stat(path).is_ok();
    every_step(
        NRF52,
        Op {
            run: &|fs| fs.rename("main.py", "lib/renamed with a long name.py"),
            done: &|fs| {
                let moved = exists(fs, "lib/renamed with a long name.py");
                (moved != exists(fs, "main.py")).then_some(moved)
            },
            touches: &["main.py"],
        },
    );
    every_step(
        NRF51,
        Op {
            run: &|fs| fs.remove("lib/keep me.txt"),
            done: &|fs| Some(!exists(fs, "lib/keep me.txt")),
            touches: &["lib/keep me.txt"],
        },
    );
    every_step(
        NRF52,
        Op {
            run: &|fs| fs.mkdir("lib/a new folder"),
            done: &|fs| Some(exists(fs, "lib/a new folder")),
            touches: &[],
        },
    );
}

#[test]
fn synced_writes_survive_and_unsynced_ones_roll_back() {
    let flash = NRF52.flash(vec![0xFF; NRF52.size], None);
    let bytes = flash.handle();
    let mut dev = FlashBlockDevice::new(flash, NRF52.log_blocks).unwrap();
    dev.write(3, &[1; 512]).unwrap();
    dev.sync().unwrap();
    dev.write(3, &[2; 512]).unwrap();
    dev.write(40, &[3; 512]).unwrap();
    let mut buf = [0; 512];
    dev.read(3, &mut buf).unwrap();
    assert_eq!(buf, [2; 512]); // a pending write is visible before the sync
    drop(dev); // power off without a sync
    let mut dev =
        FlashBlockDevice::new(NRF52.flash(bytes.borrow().clone(), None), NRF52.log_blocks).unwrap();
    dev.read(3, &mut buf).unwrap();
    assert_eq!(buf, [1; 512]);
    dev.read(40, &mut buf).unwrap();
    assert_eq!(buf, [0xFF; 512]);
    assert_eq!(
        dev.sector_count() as usize,
        (NRF52.size - mpy_fat::flash::reserved_bytes(4096, 2)) / 512
    );
    assert_eq!(dev.write(dev.sector_count(), &buf), Err(Error::Invalid));
}

#[test]
fn saves_bigger_than_the_log_commit_in_parts() {
    let (start, files) = base(NRF52);
    let flash = NRF52.flash(start, None);
    let big = contents(20_000, 5);
    let mut fs = mount(flash, NRF52).unwrap();
    save(&mut fs, "big.bin", &big).unwrap();
    assert_eq!(load(&mut fs, "big.bin").unwrap(), big);
    for (path, data) in &files {
        assert_eq!(&load(&mut fs, path).unwrap(), data);
    }
    fsck(&image(fs), "big.img").unwrap();
}

#[test]
fn a_save_bigger_than_the_log_cut_anywhere_leaves_other_files_intact() {
    let (start, files) = base(NRF52);
    let big = contents(12_000, 6);
    for cut in 0.. {
        let flash = NRF52.flash(start.clone(), Some(cut));
        let bytes = flash.handle();
        let mut fs = mount(flash, NRF52).unwrap();
        let finished = save(&mut fs, "lib/big.bin", &big).is_ok();
        drop(fs);
        let crashed = bytes.borrow().clone();
        let mut fs = mount(NRF52.flash(crashed, None), NRF52).unwrap();
        for (path, data) in &files {
            assert_eq!(
                &load(&mut fs, path).unwrap(),
                data,
                "cut {cut}: {path} damaged"
            );
        }
        let saved = load(&mut fs, "lib/big.bin").unwrap_or_default();
        assert!(
            saved.is_empty() || saved == big,
            "cut {cut}: {} bytes",
            saved.len()
        );
        // the only damage fsck may find: clusters of the unfinished file left allocated, and
        // the second FAT copy a part behind the first (a part may end between the two)
        if let Err(report) = fsck(&image(fs), &format!("big-{cut}.img")) {
            let complaints: Vec<&str> = report
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with("fsck.fat") && !l.contains("/tmp/"))
                .filter(|l| {
                    ![
                        "unused cluster",
                        "Leaving filesystem",
                        "FATs differ",
                        "first FAT",
                    ]
                    .iter()
                    .any(|ok| l.contains(ok))
                })
                .collect();
            assert!(complaints.is_empty(), "cut {cut}: {report}");
        }
        if finished {
            return;
        }
    }
}
