#![no_std]
//! Built-in modules (in progress).
