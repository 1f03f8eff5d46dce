//! Filesystem errors, each mapping to the errno MicroPython's `OSError` carries.

use core::fmt;

/// What went wrong; [`Error::errno`] gives the `OSError` number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// No such file or directory.
    NotFound,
    /// The name exists already.
    Exists,
    /// A directory where a file is needed.
    IsDir,
    /// A file where a directory is needed.
    NotDir,
    /// Removing a directory that still has entries.
    NotEmpty,
    /// No free cluster or directory entry left.
    NoSpace,
    /// A bad name, mode or argument.
    Invalid,
    /// The device failed, or the volume's structures are damaged.
    Io,
    /// The file handle is closed or not open for this operation.
    BadFile,
    /// The device does not hold a FAT12/FAT16 volume.
    NotFat,
}

impl Error {
    /// The errno value (MicroPython's numbering, same as Linux).
    pub fn errno(self) -> i32 {
        match self {
            Error::NotFound => 2,
            Error::Io => 5,
            Error::BadFile => 9,
            Error::Exists => 17,
            Error::NotFat => 19,
            Error::NotDir => 20,
            Error::IsDir => 21,
            Error::Invalid => 22,
            Error::NoSpace => 28,
            Error::NotEmpty => 39,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Error::NotFound => "no such file or directory",
            Error::Exists => "file exists",
            Error::IsDir => "is a directory",
            Error::NotDir => "not a directory",
            Error::NotEmpty => "directory not empty",
            Error::NoSpace => "no space left on device",
            Error::Invalid => "invalid argument",
            Error::Io => "I/O error",
            Error::BadFile => "bad file descriptor",
            Error::NotFat => "no FAT12/FAT16 filesystem",
        })
    }
}
