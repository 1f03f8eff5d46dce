//! `binascii`: hex and base64 conversions and CRC-32. Results are bytes; inputs are bytes-like
//! (or ASCII str for the decoders, as in CPython).

use crate::{check_kw, check_pos, kwarg};
use alloc::vec::Vec;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::num::int_from_i64;
use mpy_core::obj::string::{bytes_of, new_bytes, str_of};
use mpy_core::obj::{Args, NativeFn};
use mpy_core::ops::{to_index, truthy};
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

/// A bytes-like argument (bytes, bytearray); `allow_str`: also an ASCII str.
fn data_arg(vm: &mut Vm, v: Value, allow_str: bool) -> PyResult<&'static [u8]> {
    if let Some(b) = bytes_of(v) {
        return Ok(b);
    }
    if allow_str {
        if let Some(s) = str_of(vm, v) {
            if s.is_ascii() {
                return Ok(s.as_bytes());
            }
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
    }
    let msg = alloc::format!("a bytes-like object is required, not '{}'", vm.type_name(v));
    Err(vm.type_error(&msg))
}

/// `hexlify(data[, sep])`: two lowercase hex digits per byte, `sep` (one byte) between them.
fn binascii_hexlify(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["sep"], "hexlify")?;
    check_pos(vm, args, 1, 2, "hexlify")?;
    let data = data_arg(vm, args.pos[0], false)?;
    let sep = match args.pos.get(1).copied().or_else(|| kwarg(vm, args, "sep")) {
        Some(s) if !s.is_none() => {
            let s = data_arg(vm, s, true)?;
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            Some(s[0])
        }
        _ => None,
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    for (i, &b) in data.iter().enumerate() {
        if i > 0 {
            if let Some(s) = sep {
                out.push(s);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    new_bytes(vm, &out)
}

fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

fn binascii_unhexlify(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "unhexlify")?;
    check_pos(vm, args, 1, 1, "unhexlify")?;
    let data = data_arg(vm, args.pos[0], true)?;
    if data.len() % 2 != 0 {
        return Err(vm.value_error("odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (hex_val(pair[0]), hex_val(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => return Err(vm.value_error("non-hex digit found")),
        }
    }
    new_bytes(vm, &out)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `b2a_base64(data, *, newline=True)`.
fn binascii_b2a_base64(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["newline"], "b2a_base64")?;
    check_pos(vm, args, 1, 1, "b2a_base64")?;
    let data = data_arg(vm, args.pos[0], false)?;
    let newline = match kwarg(vm, args, "newline") {
        Some(v) => truthy(vm, v)?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    new_bytes(vm, &out)
}

/// `a2b_base64(data)`: characters outside the alphabet are skipped (CPython's non-strict
/// mode); decoding stops at padding; a partial final quantum is an error.
fn binascii_a2b_base64(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "a2b_base64")?;
    check_pos(vm, args, 1, 1, "a2b_base64")?;
    let data = data_arg(vm, args.pos[0], true)?;
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut acc, mut nbits, mut count, mut pads) = (0u32, 0u32, 0usize, 0usize);
    for &c in data {
        if c == b'=' {
            // Padding completes a quantum only after 2 or 3 data characters.
            if count % 4 >= 2 {
                pads += 1;
                if count % 4 + pads >= 4 {
                    return new_bytes(vm, &out);
                }
            }
            continue;
        }
        let Some(v) = B64.iter().position(|&b| b == c) else {
            continue;
        };
        if pads > 0 {
            // Data after partial padding: CPython discards the padding.
            pads = 0;
        }
        acc = acc << 6 | v as u32;
        nbits += 6;
        count += 1;
        if nbits >= 8 {
            nbits -= 8;
            out.push((acc >> nbits) as u8);
            acc &= (1 << nbits) - 1;
        }
    }
    if count % 4 != 0 {
        return Err(vm.value_error("incorrect padding"));
    }
    new_bytes(vm, &out)
}

/// `crc32(data[, value])`: the CRC-32 used by zlib, continuing from `value`; the result is
/// unsigned (CPython 3; MicroPython agrees).
fn binascii_crc32(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "crc32")?;
    check_pos(vm, args, 1, 2, "crc32")?;
    let data = data_arg(vm, args.pos[0], false)?;
    let init = match args.pos.get(1) {
        Some(&v) => {
            // Any int: only the low 32 bits matter.
            match mpy_core::obj::num::int_low_bits(v) {
                Some(bits) => bits as u32,
                None => to_index(vm, v)? as u32,
            }
        }
        None => 0,
    };
    let mut crc = !init;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                crc >> 1 ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    int_from_i64(vm, !crc as i64)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::binascii,
    members: &[
        (
            q::hexlify,
            Member::Fn(&NativeFn::new(q::hexlify, binascii_hexlify)),
        ),
        (
            q::unhexlify,
            Member::Fn(&NativeFn::new(q::unhexlify, binascii_unhexlify)),
        ),
        (
            q::a2b_base64,
            Member::Fn(&NativeFn::new(q::a2b_base64, binascii_a2b_base64)),
        ),
        (
            q::b2a_base64,
            Member::Fn(&NativeFn::new(q::b2a_base64, binascii_b2a_base64)),
        ),
        (
            q::crc32,
            Member::Fn(&NativeFn::new(q::crc32, binascii_crc32)),
        ),
    ],
};
