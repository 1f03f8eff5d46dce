//! micropython-rs core: a MicroPython-compatible Python 3 interpreter, `no_std` + `alloc`.
//!
//! Data flow: source --lexer--> tokens --parser--> AST (one top-level statement at a time)
//! --compile--> `RawCode` (bytecode.rs) --loader--> code objects in the GC heap (or flash)
//! --vm--> results. See ARCHITECTURE.md at the repository root for the map and invariants.
#![no_std]
#![allow(clippy::new_without_default)]

extern crate alloc;
#[cfg(test)]
extern crate std;

// What builds without the `float` / `bigint` features do instead.
#[cfg(all(test, not(all(feature = "float", feature = "bigint"))))]
mod build_options_tests;

// Front end (source -> RawCode). Pure Rust data; no heap `Value`s.
pub mod ast;
pub mod bytecode;
pub mod compile;
pub mod disasm;
pub mod frozen;
pub mod lexer;
pub mod parser;

// Numeric helpers: machine-word and arbitrary-precision integers (the latter for big ints and
// for exact float parsing/formatting), number/format-spec formatting.
#[cfg(any(feature = "bigint", feature = "float"))]
pub mod bigint;
#[cfg(feature = "float")]
pub mod floatfmt;
#[cfg(feature = "float")]
pub mod floatparse;
#[cfg(feature = "float")]
pub mod fmod;
pub mod intword;
pub mod numfmt;
pub mod utf8_lossy;

// Embedding interface boards implement.
pub mod errno;
pub mod port;

// Runtime: values, heap, names, objects.
pub mod gc;
pub mod obj;
pub mod qstr;
pub mod value;

// Execution: interpreter state, loading, the loop, calls, operations, attributes.
pub mod attr;
pub mod call;
pub mod interp;
pub mod loader;
pub mod ops;
#[cfg(feature = "vfs")]
pub mod vfs;
pub mod vm;

// Builtins, modules, formatting, embedding.
pub mod builtins;
#[cfg(feature = "repl-extras")]
pub mod completion;
pub mod embed;
pub mod format;
#[cfg(feature = "repl-extras")]
pub mod help;
pub mod module;
pub mod readline;
pub mod repl;
