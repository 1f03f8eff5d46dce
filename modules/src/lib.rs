//! micropython-rs built-in modules, each selected per board by a cargo feature of the same name.
//!
//! Every module is a static [`ModuleDef`] (a name and a member table, kept in flash) that the
//! core instantiates on first import. Shared argument helpers live here; each module has its
//! own file.
#![no_std]
// Members whose qstr name the core table lacks are compiled out (see build.rs); their
// functions are then unused until the name is added.

extern crate alloc;

use mpy_core::module::ModuleDef;
use mpy_core::obj::exc::{error_fmt, type_error_from};
use mpy_core::obj::string::str_of;
use mpy_core::obj::types::TYPE_ERROR_TYPE;
use mpy_core::obj::Args;
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

#[cfg(feature = "array")]
pub mod array;
#[cfg(feature = "binascii")]
pub mod binascii;
#[cfg(feature = "cmath")]
pub mod cmath;
#[cfg(feature = "collections")]
pub mod collections;
#[cfg(feature = "errno")]
pub mod errno;
#[cfg(feature = "gc")]
pub mod gc;
#[cfg(feature = "heapq")]
pub mod heapq;
#[cfg(feature = "io")]
pub mod io;
#[cfg(feature = "json")]
pub mod json;
#[cfg(feature = "math")]
pub mod math;
#[cfg(feature = "micropython")]
pub mod micropython;
#[cfg(feature = "os")]
pub mod os;
#[cfg(feature = "random")]
pub mod random;
#[cfg(feature = "re")]
pub mod re;
#[cfg(feature = "struct")]
pub mod r#struct;
#[cfg(feature = "sys")]
pub mod sys;
#[cfg(feature = "time")]
pub mod time;

/// Every module compiled into this build.
pub static ALL: &[&ModuleDef] = &[
    #[cfg(feature = "sys")]
    &sys::MODULE,
    #[cfg(feature = "gc")]
    &gc::MODULE,
    #[cfg(feature = "micropython")]
    &micropython::MODULE,
    #[cfg(feature = "time")]
    &time::MODULE,
    #[cfg(feature = "math")]
    &math::MODULE,
    #[cfg(feature = "cmath")]
    &cmath::MODULE,
    #[cfg(feature = "random")]
    &random::MODULE,
    #[cfg(feature = "io")]
    &io::MODULE,
    #[cfg(feature = "struct")]
    &r#struct::MODULE,
    #[cfg(feature = "errno")]
    &errno::MODULE,
    #[cfg(feature = "binascii")]
    &binascii::MODULE,
    #[cfg(feature = "heapq")]
    &heapq::MODULE,
    #[cfg(feature = "collections")]
    &collections::MODULE,
    #[cfg(feature = "json")]
    &json::MODULE,
    #[cfg(feature = "re")]
    &re::MODULE,
    #[cfg(feature = "array")]
    &array::MODULE,
    #[cfg(feature = "os")]
    &os::MODULE,
];

/// The float constants `math` and `cmath` share (`Member::Make` builders).
#[cfg(any(feature = "math", feature = "cmath"))]
mod float_consts {
    use mpy_core::obj::num::new_float;
    use mpy_core::value::Value;
    use mpy_core::vm::{PyResult, Vm};

    pub fn pi(vm: &mut Vm) -> PyResult<Value> {
        new_float(vm, core::f64::consts::PI)
    }

    pub fn e(vm: &mut Vm) -> PyResult<Value> {
        new_float(vm, core::f64::consts::E)
    }

    pub fn tau(vm: &mut Vm) -> PyResult<Value> {
        new_float(vm, core::f64::consts::TAU)
    }

    pub fn inf(vm: &mut Vm) -> PyResult<Value> {
        new_float(vm, f64::INFINITY)
    }

    pub fn nan(vm: &mut Vm) -> PyResult<Value> {
        new_float(vm, f64::NAN)
    }
}

/// Argument helpers for native module functions (also for board-specific modules).
///
/// Check the positional argument count of `fname` and reject keyword arguments.
pub fn check_args(vm: &mut Vm, args: &Args, min: usize, max: usize, fname: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(type_error_from(
            vm,
            &[fname, "() takes no keyword arguments"],
        ));
    }
    check_pos(vm, args, min, max, fname)
}

/// Check the positional argument count of `fname` (keywords are the caller's business).
pub fn check_pos(vm: &mut Vm, args: &Args, min: usize, max: usize, fname: &str) -> PyResult<()> {
    let n = args.pos.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, bound) = if min == max {
        ("exactly", min)
    } else if n < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    let plural = if bound == 1 { "" } else { "s" };
    Err(error_fmt(
        vm,
        &TYPE_ERROR_TYPE,
        format_args!("{fname}() takes {how} {bound} argument{plural} ({n} given)"),
    ))
}

/// The keyword argument `name`, if given.
pub fn kwarg(vm: &Vm, args: &Args, name: &str) -> Option<Value> {
    args.kw
        .chunks(2)
        .find(|p| str_of(vm, p[0]) == Some(name))
        .map(|p| p[1])
}

/// Reject keyword arguments other than `allowed`.
pub fn check_kw(vm: &mut Vm, args: &Args, allowed: &[&str], fname: &str) -> PyResult<()> {
    for p in args.kw.chunks(2) {
        let name = str_of(vm, p[0]).unwrap_or("");
        if !allowed.contains(&name) {
            let parts = [fname, "() got an unexpected keyword argument '", name, "'"];
            return Err(type_error_from(vm, &parts));
        }
    }
    Ok(())
}
