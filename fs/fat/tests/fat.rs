//! The filesystem on RAM disks: operations, errors, and images checked by fsck.fat and mtools.

mod common;

use common::{fsck, mtools, temp_path, RamDisk};
use mpy_fat::{Error, Fat, OpenMode};

fn mode(m: &str) -> OpenMode {
    OpenMode::parse(m).unwrap()
}

fn new_fs(bytes: usize) -> Fat<RamDisk> {
    Fat::format(RamDisk(vec![0; bytes]), "micropython").unwrap()
}

fn write_file(fs: &mut Fat<RamDisk>, path: &str, data: &[u8]) {
    let mut f = fs.open(path, mode("w")).unwrap();
    assert_eq!(fs.write(&mut f, data).unwrap(), data.len());
    fs.close(&mut f).unwrap();
}

fn read_file(fs: &mut Fat<RamDisk>, path: &str) -> Vec<u8> {
    let mut f = fs.open(path, mode("r")).unwrap();
    let mut out = vec![0; f.size() as usize + 10];
    let n = fs.read(&mut f, &mut out).unwrap();
    out.truncate(n);
    fs.close(&mut f).unwrap();
    out
}

fn names(fs: &mut Fat<RamDisk>, path: &str) -> Vec<String> {
    let mut v: Vec<String> = fs
        .listdir(path)
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    v.sort();
    v
}

fn pattern(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i * 7 + usize::from(seed) + i / 251) as u8)
        .collect()
}

#[test]
fn files_read_write_seek_append_truncate() {
    let mut fs = new_fs(128 * 1024);
    let big = pattern(5000, 1);
    write_file(&mut fs, "data.bin", &big);
    assert_eq!(read_file(&mut fs, "data.bin"), big);

    let mut f = fs.open("data.bin", mode("r+")).unwrap();
    fs.seek(&mut f, 4000).unwrap();
    let mut buf = [0u8; 16];
    assert_eq!(fs.read(&mut f, &mut buf).unwrap(), 16);
    assert_eq!(&buf[..], &big[4000..4016]);
    assert_eq!(f.tell(), 4016);
    fs.seek(&mut f, 10).unwrap();
    fs.write(&mut f, b"XYZ").unwrap();
    fs.seek(&mut f, 100).unwrap();
    fs.truncate(&mut f).unwrap();
    fs.close(&mut f).unwrap();
    let mut expect = big[..100].to_vec();
    expect[10..13].copy_from_slice(b"XYZ");
    assert_eq!(read_file(&mut fs, "data.bin"), expect);

    let mut f = fs.open("data.bin", mode("a")).unwrap();
    fs.seek(&mut f, 0).unwrap();
    fs.write(&mut f, b"tail").unwrap();
    fs.close(&mut f).unwrap();
    expect.extend_from_slice(b"tail");
    assert_eq!(read_file(&mut fs, "data.bin"), expect);

    // a write after a seek past the end fills the gap with zeros
    let mut f = fs.open("gap", mode("w+")).unwrap();
    fs.seek(&mut f, 1030).unwrap();
    fs.write(&mut f, b"!").unwrap();
    fs.close(&mut f).unwrap();
    let gap = read_file(&mut fs, "gap");
    assert_eq!(gap.len(), 1031);
    assert!(gap[..1030].iter().all(|&b| b == 0) && gap[1030] == b'!');

    // "w" truncates
    write_file(&mut fs, "data.bin", b"short");
    assert_eq!(read_file(&mut fs, "data.bin"), b"short");
    fsck(&fs.unmount().unwrap().0, "rw.img").unwrap();
}

#[test]
fn errors_map_to_errno() {
    let mut fs = new_fs(64 * 1024);
    write_file(&mut fs, "a.txt", b"a");
    fs.mkdir("d").unwrap();
    write_file(&mut fs, "d/inner", b"i");
    assert_eq!(fs.open("missing", mode("r")).unwrap_err(), Error::NotFound);
    assert_eq!(fs.open("nodir/x", mode("w")).unwrap_err(), Error::NotFound);
    assert_eq!(fs.open("a.txt/x", mode("w")).unwrap_err(), Error::NotDir);
    assert_eq!(fs.open("a.txt", mode("x")).unwrap_err(), Error::Exists);
    assert_eq!(fs.open("d", mode("r")).unwrap_err(), Error::IsDir);
    assert_eq!(fs.mkdir("d").unwrap_err(), Error::Exists);
    assert_eq!(fs.mkdir("A.TXT").unwrap_err(), Error::Exists); // names are case-insensitive
    assert_eq!(fs.rmdir("d").unwrap_err(), Error::NotEmpty);
    assert_eq!(fs.rmdir("a.txt").unwrap_err(), Error::NotDir);
    assert_eq!(fs.remove("d").unwrap_err(), Error::IsDir);
    assert_eq!(fs.open("bad:name", mode("w")).unwrap_err(), Error::Invalid);
    write_file(&mut fs, "long name.txt", b"long");
    // the short name generated for it refers to it too, and cannot be taken by a new file
    assert_eq!(
        fs.open("LONGNA~1.TXT", mode("x")).unwrap_err(),
        Error::Exists
    );
    assert_eq!(read_file(&mut fs, "longna~1.txt"), b"long");
    assert_eq!(fs.rename("d", "d/inside").unwrap_err(), Error::Invalid);
    let mut f = fs.open("a.txt", mode("r")).unwrap();
    assert_eq!(fs.write(&mut f, b"x").unwrap_err(), Error::BadFile);
    fs.close(&mut f).unwrap();
    assert_eq!(fs.read(&mut f, &mut [0; 4]).unwrap_err(), Error::BadFile);
    assert_eq!(Error::NotEmpty.errno(), 39);
    assert_eq!(Error::NoSpace.errno(), 28);
    assert_eq!(Error::NotFound.to_string(), "no such file or directory");
}

#[test]
fn directories_rename_stat_statvfs() {
    let mut fs = new_fs(256 * 1024);
    fs.set_clock(|| 762_527_656); // 2024-02-29 13:14:16
    fs.mkdir("lib").unwrap();
    fs.mkdir("/lib/sub dir").unwrap();
    write_file(&mut fs, "/lib/sub dir/A long file name.py", b"print(1)");
    write_file(&mut fs, "lib/x.py", b"x");
    assert_eq!(names(&mut fs, "/"), ["lib"]);
    assert_eq!(names(&mut fs, "lib"), ["sub dir", "x.py"]);
    assert_eq!(names(&mut fs, "lib/sub dir"), ["A long file name.py"]);
    let st = fs.stat("lib/sub dir/a LONG file name.py").unwrap();
    assert_eq!((st.size, st.is_dir, st.mtime), (8, false, 762_527_656));
    assert!(fs.stat("lib").unwrap().is_dir);
    assert!(fs.stat("/").unwrap().is_dir);
    assert!(fs.stat("lib/sub dir/..").unwrap().is_dir);

    // across directories, a directory, and replacing an existing file
    fs.rename("lib/sub dir/A long file name.py", "moved.py")
        .unwrap();
    fs.rename("lib/sub dir", "top").unwrap();
    write_file(&mut fs, "old.py", b"old contents");
    fs.rename("lib/x.py", "old.py").unwrap();
    fs.rename("moved.py", "MOVED.py").unwrap(); // case change of the same entry
    assert_eq!(names(&mut fs, "/"), ["MOVED.py", "lib", "old.py", "top"]);
    assert_eq!(read_file(&mut fs, "old.py"), b"x");
    assert_eq!(read_file(&mut fs, "moved.py"), b"print(1)");
    assert_eq!(fs.listdir("top/..").unwrap().len(), 4); // ".." was updated by the move
    fs.rmdir("top").unwrap();
    fs.remove("old.py").unwrap();
    assert_eq!(names(&mut fs, "/"), ["MOVED.py", "lib"]);

    let vfs = fs.statvfs().unwrap();
    assert_eq!(vfs.block_size, 512);
    assert_eq!(vfs.blocks - vfs.free_blocks, 2); // lib and MOVED.py
                                                 // many entries grow a subdirectory past one cluster
    for i in 0..40 {
        write_file(
            &mut fs,
            &format!("lib/module_number_{i}.py"),
            format!("{i}").as_bytes(),
        );
    }
    assert_eq!(fs.listdir("lib").unwrap().len(), 40);
    assert_eq!(read_file(&mut fs, "lib/MODULE_NUMBER_39.PY"), b"39");

    let image = fs.unmount().unwrap().0;
    fsck(&image, "dirs.img").unwrap();
    let path = temp_path("dirs-mtools.img");
    std::fs::write(&path, &image).unwrap();
    assert_eq!(mtools("mtype", &path, &["::MOVED.py"]), "print(1)");
    let listing = mtools("mdir", &path, &["-b", "::lib"]);
    assert!(listing.contains("module_number_7.py"), "{listing}");
    let _ = std::fs::remove_file(path);
}

#[test]
fn fills_up_with_enospc_and_stays_consistent() {
    let mut fs = new_fs(32 * 1024);
    let mut f = fs.open("big", mode("w")).unwrap();
    let chunk = [0x5Au8; 1000];
    let mut written = 0;
    let err = loop {
        match fs.write(&mut f, &chunk) {
            Ok(n) => written += n,
            Err(e) => break e,
        }
    };
    assert_eq!(err, Error::NoSpace);
    fs.close(&mut f).unwrap();
    assert!(written > 20_000);
    let mut root_full = Ok(());
    for i in 0..100 {
        if let Err(e) = fs.mkdir(&format!("d{i}")) {
            root_full = Err(e);
            break;
        }
    }
    assert_eq!(root_full, Err(Error::NoSpace));
    fsck(&fs.unmount().unwrap().0, "full.img").unwrap();
}

#[test]
fn fat16_volume() {
    let mut fs = new_fs(8 * 1024 * 1024);
    let data = pattern(70_000, 3);
    write_file(&mut fs, "file.bin", &data);
    assert_eq!(read_file(&mut fs, "file.bin"), data);
    let image = fs.unmount().unwrap().0;
    let path = temp_path("fat16.img");
    std::fs::write(&path, &image).unwrap();
    assert!(mtools("minfo", &path, &[]).contains("FAT16"));
    let _ = std::fs::remove_file(path);
    fsck(&image, "fat16.img").unwrap();
}

#[test]
fn reads_and_writes_an_mkfs_fat_image() {
    let path = temp_path("mkfs.img");
    let _ = std::fs::remove_file(&path);
    let status = std::process::Command::new("mkfs.fat")
        .args(["-C", "-n", "MKFS"])
        .arg(&path)
        .arg("256")
        .output()
        .expect("mkfs.fat (dosfstools) is needed");
    assert!(status.status.success());
    let src = temp_path("mkfs-src.txt");
    std::fs::write(&src, "hello from mtools\n").unwrap();
    mtools("mmd", &path, &["::Sub Directory"]);
    mtools(
        "mcopy",
        &path,
        &[src.to_str().unwrap(), "::Sub Directory/Long Name Here.txt"],
    );
    mtools("mcopy", &path, &[src.to_str().unwrap(), "::SHORT.TXT"]);
    let mut fs = Fat::mount(RamDisk(std::fs::read(&path).unwrap())).unwrap();
    assert_eq!(names(&mut fs, "/"), ["SHORT.TXT", "Sub Directory"]);
    assert_eq!(
        read_file(&mut fs, "Sub Directory/Long Name Here.txt"),
        b"hello from mtools\n"
    );
    write_file(&mut fs, "Sub Directory/written by us.py", b"import os\n");
    std::fs::write(&path, fs.unmount().unwrap().0).unwrap();
    assert_eq!(
        mtools("mtype", &path, &["::Sub Directory/written by us.py"]),
        "import os\n"
    );
    fsck(&std::fs::read(&path).unwrap(), "mkfs-after.img").unwrap();
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(src);
}

#[test]
fn reads_and_writes_a_fatfs_crate_image() {
    use std::io::{Read, Write};
    let mut disk = std::io::Cursor::new(vec![0u8; 64 * 1024]);
    fatfs::format_volume(&mut disk, fatfs::FormatVolumeOptions::new()).unwrap();
    {
        let fsx = fatfs::FileSystem::new(&mut disk, fatfs::FsOptions::new()).unwrap();
        let root = fsx.root_dir();
        root.create_file("boot.py")
            .unwrap()
            .write_all(b"# boot\n")
            .unwrap();
        let lib = root.create_dir("lib").unwrap();
        lib.create_file("a rather long module name.py")
            .unwrap()
            .write_all(b"X = 1\n")
            .unwrap();
    }
    let mut fs = Fat::mount(RamDisk(disk.into_inner())).unwrap();
    assert_eq!(names(&mut fs, "/"), ["boot.py", "lib"]);
    assert_eq!(
        read_file(&mut fs, "lib/a rather long module name.py"),
        b"X = 1\n"
    );
    write_file(&mut fs, "lib/Zweite Datei mit Ümlaut.txt", b"ok");
    let image = fs.unmount().unwrap().0;
    let mut disk = std::io::Cursor::new(image);
    let fsx = fatfs::FileSystem::new(&mut disk, fatfs::FsOptions::new()).unwrap();
    let mut text = String::new();
    let mut f = fsx
        .root_dir()
        .open_file("lib/Zweite Datei mit Ümlaut.txt")
        .unwrap();
    f.read_to_string(&mut text).unwrap();
    assert_eq!(text, "ok");
}

#[test]
fn mount_errors_and_mount_or_format() {
    assert_eq!(
        Fat::mount(RamDisk(vec![0; 64 * 1024])).err(),
        Some(Error::NotFat)
    );
    let (mut fs, formatted) = Fat::mount_or_format(
        RamDisk(vec![0xFF; 64 * 1024]),
        "MPY",
        &[("boot.py", b"# boot.py\n")],
    )
    .unwrap();
    assert!(formatted);
    assert_eq!(read_file(&mut fs, "boot.py"), b"# boot.py\n");
    let disk = fs.unmount().unwrap();
    fsck(&disk.0, "fresh.img").unwrap();
    let (mut fs, formatted) = Fat::mount_or_format(disk, "MPY", &[]).unwrap();
    assert!(!formatted);
    assert_eq!(names(&mut fs, "/"), ["boot.py"]);
}

/// Walks the whole tree, reading every file; errors are fine, panics and hangs are not.
fn walk(fs: &mut Fat<RamDisk>, path: &str, depth: usize) {
    let Ok(entries) = fs.listdir(path) else {
        return;
    };
    for e in entries {
        let child = format!("{path}/{}", e.name);
        let _ = fs.stat(&child);
        if e.is_dir && depth < 8 {
            walk(fs, &child, depth + 1);
        } else if let Ok(mut f) = fs.open(&child, mode("r+")) {
            let mut buf = [0u8; 700];
            while matches!(fs.read(&mut f, &mut buf), Ok(n) if n > 0) {}
            let _ = fs.write(&mut f, b"more");
            let _ = fs.close(&mut f);
        }
    }
    let _ = fs.mkdir(&format!("{path}/new"));
    let _ = fs.rename(&format!("{path}/new"), "moved");
    let _ = fs.statvfs();
}

#[test]
fn damaged_volumes_give_errors_not_panics() {
    let mut fs = new_fs(64 * 1024);
    fs.mkdir("lib").unwrap();
    fs.mkdir("lib/deeper").unwrap();
    for i in 0..6 {
        write_file(
            &mut fs,
            &format!("lib/deeper/file number {i}.txt"),
            &pattern(900 * i, 1),
        );
        write_file(&mut fs, &format!("F{i}.PY"), &pattern(300, 2));
    }
    let good = fs.unmount().unwrap().0;
    let mut seed = 0x1234_5678u32;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    // the boot sector, FATs, root directory and the first data clusters (subdirectories)
    let metadata = 40 * 512;
    for _ in 0..300 {
        let mut image = good.clone();
        for _ in 0..1 + rand() % 8 {
            let at = rand() % metadata;
            image[at] = rand() as u8;
        }
        if let Ok(mut fs) = Fat::mount(RamDisk(image)) {
            walk(&mut fs, "", 0);
        }
    }
}
