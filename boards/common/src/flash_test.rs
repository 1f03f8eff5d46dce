//! Test support shared by the flash driver tests (`sector_flash`, `rom_flash`).

extern crate std;
use mpy_fat::{Fat, Flash, FlashBlockDevice, OpenMode};
use std::vec;

/// Formats a FAT volume on `flash` (which must hold none yet), saves `text` as `/main.py`,
/// unmounts, mounts the flash again and checks the file reads back the same.
pub fn assert_fat_survives_remount<F: Flash>(flash: F, log_blocks: usize, text: &[u8]) {
    let dev = FlashBlockDevice::new(flash, log_blocks).unwrap();
    let (mut fs, formatted) = Fat::mount_or_format(dev, "MPY", &[]).unwrap();
    assert!(formatted, "the never-programmed region is not a volume");
    let mut file = fs.open("/main.py", OpenMode::parse("w").unwrap()).unwrap();
    fs.write(&mut file, text).unwrap();
    fs.close(&mut file).unwrap();
    let flash = fs.unmount().unwrap().into_inner();
    let dev = FlashBlockDevice::new(flash, log_blocks).unwrap();
    let (mut fs, formatted) = Fat::mount_or_format(dev, "MPY", &[]).unwrap();
    assert!(!formatted, "the volume written before was not found again");
    let mut file = fs.open("/main.py", OpenMode::parse("r").unwrap()).unwrap();
    let mut buf = vec![0u8; text.len() + 1];
    let n = fs.read(&mut file, &mut buf).unwrap();
    assert_eq!(&buf[..n], text);
}
