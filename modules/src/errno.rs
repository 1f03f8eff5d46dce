//! `errno`: the error numbers MicroPython defines (Linux values, which its ports use too), and
//! `errorcode` mapping each number back to its name.

use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::map::{map_set, new_dict};
use mpy_core::qstr::{q, Qstr};
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

/// (name, number): one table feeds both the constants and `errorcode`.
static CODES: &[(Qstr, i64)] = &[
    (q::EPERM, 1),
    (q::ENOENT, 2),
    (q::EIO, 5),
    (q::EBADF, 9),
    (q::EAGAIN, 11),
    (q::ENOMEM, 12),
    (q::EACCES, 13),
    (q::EEXIST, 17),
    (q::ENODEV, 19),
    (q::EISDIR, 21),
    (q::EINVAL, 22),
    (q::ENOSPC, 28),
    (q::EOPNOTSUPP, 95),
    (q::EADDRINUSE, 98),
    (q::ECONNABORTED, 103),
    (q::ECONNRESET, 104),
    (q::ENOBUFS, 105),
    (q::ENOTCONN, 107),
    (q::ETIMEDOUT, 110),
    (q::ECONNREFUSED, 111),
    (q::EHOSTUNREACH, 113),
    (q::EALREADY, 114),
    (q::EINPROGRESS, 115),
];

/// `errorcode`: {number: name}.
fn make_errorcode(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict(vm)?;
    for &(name, num) in CODES {
        map_set(
            vm,
            d,
            Value::small_int(num as isize),
            Value::from_qstr(name),
        )?;
    }
    Ok(d)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::errno,
    members: &[
        (q::EPERM, Member::Int(1)),
        (q::ENOENT, Member::Int(2)),
        (q::EIO, Member::Int(5)),
        (q::EBADF, Member::Int(9)),
        (q::EAGAIN, Member::Int(11)),
        (q::ENOMEM, Member::Int(12)),
        (q::EACCES, Member::Int(13)),
        (q::EEXIST, Member::Int(17)),
        (q::ENODEV, Member::Int(19)),
        (q::EISDIR, Member::Int(21)),
        (q::EINVAL, Member::Int(22)),
        (q::ENOSPC, Member::Int(28)),
        (q::EOPNOTSUPP, Member::Int(95)),
        (q::EADDRINUSE, Member::Int(98)),
        (q::ECONNABORTED, Member::Int(103)),
        (q::ECONNRESET, Member::Int(104)),
        (q::ENOBUFS, Member::Int(105)),
        (q::ENOTCONN, Member::Int(107)),
        (q::ETIMEDOUT, Member::Int(110)),
        (q::ECONNREFUSED, Member::Int(111)),
        (q::EHOSTUNREACH, Member::Int(113)),
        (q::EALREADY, Member::Int(114)),
        (q::EINPROGRESS, Member::Int(115)),
        (q::errorcode, Member::Make(make_errorcode)),
    ],
};
