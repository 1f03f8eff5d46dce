//! A FAT12/FAT16 filesystem with long file names, for the boards' flash filesystem region.
//!
//! `#![no_std]` + `alloc`. Written here rather than wrapping a crate because none fits: `fatfs`
//! 0.3 needs the nightly-only `core_io` without std, `embedded-sdmmc` has no FAT12 (the
//! micro:bit volumes are FAT12), `embedded-fatfs` is async-only and `fatfs-embedded` wraps C.
//!
//! * [`block`]: the 512-byte sector interface ([`BlockDevice`]).
//! * [`flash`]: [`FlashBlockDevice`], sectors on raw NOR flash with power-loss-safe transactions.
//! * [`Fat`]: the filesystem: mount/format, files ([`File`] handles), directories, rename, stat.
//!
//! The filesystem syncs the device only at consistent points (end of a file flush/close, mkdir,
//! remove, rename), so on a [`FlashBlockDevice`] an interrupted save leaves the volume as it
//! was before it or after it.
#![no_std]

extern crate alloc;

pub mod block;
mod dir;
mod error;
pub mod flash;
mod fs;
mod layout;
mod time;
#[cfg(feature = "vfs")]
pub mod vfs;

pub use block::{BlockDevice, SECTOR};
pub use error::Error;
pub use flash::{Flash, FlashBlockDevice};
pub use fs::{DirEntry, Fat, File, OpenMode, Stat, StatVfs};
