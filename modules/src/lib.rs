//! micropython-rs built-in modules, each selected per board by a cargo feature.
#![no_std]

extern crate alloc;

use mpy_core::module::ModuleDef;

/// Every module compiled into this build.
pub static ALL: &[&ModuleDef] = &[];
