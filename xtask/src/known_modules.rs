//! The one list of Python modules a board may select. Each name is a cargo feature
//! `mpy-modules/<name>` of the `modules` crate; keep this list and that crate's features in step.

pub const KNOWN_MODULES: &[&str] = &[
    "sys",
    "gc",
    "micropython",
    "time",
    "math",
    "cmath",
    "random",
    "io",
    "os",
    "machine",
    "struct",
    "json",
    "asyncio",
    "errno",
    "select",
    "binascii",
    "collections",
    "heapq",
    "re",
    "hashlib",
    "array",
    "uctypes",
];

pub fn is_known(name: &str) -> bool {
    KNOWN_MODULES.contains(&name)
}
