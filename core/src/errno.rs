//! Error numbers (`Errno`): what filesystems report and what `OSError(n)` prints by name
//! (`[Errno 2] ENOENT`). Kept apart from `vfs.rs` because OSError formatting needs the names in
//! builds without a filesystem too.

use crate::value::Value;
use crate::vm::{PyErr, Vm};

/// An error number (MicroPython's values, which are Linux's).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Errno(pub u16);

/// (number, name) of the errors filesystems raise; `str(OSError(n))` prints the name.
static ERRNO_NAMES: &[(u16, &str)] = &[
    (1, "EPERM"),
    (2, "ENOENT"),
    (5, "EIO"),
    (9, "EBADF"),
    (11, "EAGAIN"),
    (12, "ENOMEM"),
    (13, "EACCES"),
    (17, "EEXIST"),
    (18, "EXDEV"),
    (19, "ENODEV"),
    (20, "ENOTDIR"),
    (21, "EISDIR"),
    (22, "EINVAL"),
    (27, "EFBIG"),
    (28, "ENOSPC"),
    (30, "EROFS"),
    (36, "ENAMETOOLONG"),
    (39, "ENOTEMPTY"),
    (95, "EOPNOTSUPP"),
];

impl Errno {
    pub const EPERM: Errno = Errno(1);
    pub const ENOENT: Errno = Errno(2);
    pub const EIO: Errno = Errno(5);
    pub const EBADF: Errno = Errno(9);
    pub const EACCES: Errno = Errno(13);
    pub const EEXIST: Errno = Errno(17);
    pub const EXDEV: Errno = Errno(18);
    pub const ENODEV: Errno = Errno(19);
    pub const ENOTDIR: Errno = Errno(20);
    pub const EISDIR: Errno = Errno(21);
    pub const EINVAL: Errno = Errno(22);
    pub const ENOSPC: Errno = Errno(28);
    pub const ENOTEMPTY: Errno = Errno(39);

    /// The symbolic name (`"ENOENT"`) of a number MicroPython knows.
    pub fn name(self) -> Option<&'static str> {
        ERRNO_NAMES
            .iter()
            .find(|&&(n, _)| n == self.0)
            .map(|&(_, s)| s)
    }
}

/// `OSError(errno)` as MicroPython raises it (one argument: the number).
pub fn os_error(vm: &mut Vm, e: Errno) -> PyErr {
    let n = Value::small_int(e.0 as isize);
    match crate::obj::exc::new_exception_args(vm, &crate::obj::types::OS_ERROR_TYPE, &[n]) {
        Ok(exc) => PyErr(exc),
        Err(err) => err,
    }
}
