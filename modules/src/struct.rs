//! `struct`: packing values into bytes and back. Formats: an optional byte-order prefix
//! (`@` native order, size and alignment; `=` `<` `>` `!` standard sizes, no alignment) then
//! items `[count]code` with codes `b B h H i I l L q Q f d s P ? x`.
//!
//! Out-of-range integers are truncated to the field width (MicroPython's behaviour);
//! size errors raise ValueError (MicroPython has no `struct.error`).

use crate::{check_args, check_kw, check_pos, kwarg};
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{new_tuple_uninit, tuple_set};
#[cfg(feature = "float")]
use mpy_core::obj::num::{as_f64, new_float};
use mpy_core::obj::num::{int_from_i64, int_from_u64, int_low_bits};
use mpy_core::obj::string::{bytearray_set, bytes_of, new_bytes, str_of};
use mpy_core::obj::{kind_of, Args, Kind, NativeFn};
use mpy_core::ops::to_index;
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

/// One parsed format item.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    /// Repeat count (for `s`, the string length).
    count: usize,
    size: usize,
    /// Alignment in native mode (1 otherwise).
    align: usize,
}

/// A parsed format: byte order and the items (iterated lazily from the text).
struct Format<'a> {
    little: bool,
    native: bool,
    rest: &'a [u8],
}

fn parse_format<'a>(vm: &mut Vm, fmt: Value) -> PyResult<Format<'a>> {
    let text: &'static [u8] = match str_of(vm, fmt) {
        Some(s) => s.as_bytes(),
        None => match bytes_of(fmt) {
            Some(b) if kind_of(fmt) == Kind::Bytes => b,
            _ => {
                let msg = alloc::format!("format must be str, not {}", vm.type_name(fmt));
                return Err(vm.type_error(&msg));
            }
        },
    };
    let (little, native, rest) = match text.first() {
        Some(b'<') => (true, false, &text[1..]),
        Some(b'>') | Some(b'!') => (false, false, &text[1..]),
        Some(b'=') => (cfg!(target_endian = "little"), false, &text[1..]),
        Some(b'@') => (cfg!(target_endian = "little"), true, &text[1..]),
        _ => (cfg!(target_endian = "little"), true, text),
    };
    Ok(Format {
        little,
        native,
        rest,
    })
}

impl Format<'_> {
    /// The next item, None at the end; Err(c) for an unknown code `c`.
    fn next_item(&mut self) -> Option<Result<Item, u8>> {
        // Whitespace between items is ignored (CPython).
        while let Some((&c, r)) = self.rest.split_first() {
            if c.is_ascii_whitespace() {
                self.rest = r;
            } else {
                break;
            }
        }
        if self.rest.is_empty() {
            return None;
        }
        let mut count: Option<usize> = None;
        while let Some((&c, r)) = self.rest.split_first() {
            if !c.is_ascii_digit() {
                break;
            }
            count = Some(
                count
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add((c - b'0') as usize),
            );
            self.rest = r;
        }
        let (&code, r) = self.rest.split_first()?;
        self.rest = r;
        let word = core::mem::size_of::<usize>();
        let size = match code {
            b'b' | b'B' | b'x' | b's' | b'?' => 1,
            b'h' | b'H' => 2,
            b'i' | b'I' => 4,
            // 'f' and 'd' only with floats (MicroPython without floats rejects them too).
            #[cfg(feature = "float")]
            b'f' => 4,
            // `long` is a machine word in native mode (as in C on MicroPython's ports).
            b'l' | b'L' => {
                if self.native {
                    word
                } else {
                    4
                }
            }
            b'q' | b'Q' => 8,
            #[cfg(feature = "float")]
            b'd' => 8,
            b'P' => word,
            c => return Some(Err(c)),
        };
        Some(Ok(Item {
            code,
            count: count.unwrap_or(1),
            size,
            align: if self.native { size } else { 1 },
        }))
    }
}

fn bad_char(vm: &mut Vm, c: u8) -> mpy_core::vm::PyErr {
    let msg = alloc::format!("bad char '{}' in struct format", c as char);
    vm.value_error(&msg)
}

/// Total size in bytes and number of values of a format.
fn measure(vm: &mut Vm, fmt: Value) -> PyResult<(usize, usize)> {
    let mut f = parse_format(vm, fmt)?;
    let (mut size, mut nvals) = (0usize, 0usize);
    while let Some(it) = f.next_item() {
        let it = it.map_err(|c| bad_char(vm, c))?;
        size = size.next_multiple_of(it.align);
        let bytes = it.size.checked_mul(it.count);
        size = match bytes.and_then(|b| size.checked_add(b)) {
            Some(s) => s,
            None => return Err(vm.value_error("total struct size too long")),
        };
        nvals += match it.code {
            b'x' => 0,
            b's' => 1,
            _ => it.count,
        };
    }
    Ok((size, nvals))
}

fn struct_calcsize(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "calcsize")?;
    let (size, _) = measure(vm, args.pos[0])?;
    int_from_i64(vm, size as i64)
}

/// The low 64 bits of an int (two's complement), for truncating packing.
fn int_bits(vm: &mut Vm, v: Value) -> PyResult<u64> {
    match int_low_bits(v) {
        Some(bits) => Ok(bits),
        None => {
            let msg = alloc::format!("can't convert {} to int", vm.type_name(v));
            Err(vm.type_error(&msg))
        }
    }
}

/// Pack `vals` by the format into `out` (exactly the format's size, zeroed).
fn pack_into_slice(vm: &mut Vm, fmt: Value, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    let (_, nvals) = measure(vm, fmt)?;
    if nvals != vals.len() {
        let msg = alloc::format!(
            "pack expected {} items for packing (got {})",
            nvals,
            vals.len()
        );
        return Err(vm.value_error(&msg));
    }
    let mut f = parse_format(vm, fmt)?;
    let little = f.little;
    let (mut pos, mut vi) = (0usize, 0usize);
    while let Some(Ok(it)) = f.next_item() {
        pos = pos.next_multiple_of(it.align);
        match it.code {
            b'x' => pos += it.count,
            b's' => {
                let v = vals[vi];
                vi += 1;
                let Some(data) = bytes_of(v) else {
                    return Err(vm.type_error("argument for 's' must be a bytes object"));
                };
                let n = data.len().min(it.count);
                out[pos..pos + n].copy_from_slice(&data[..n]);
                pos += it.count;
            }
            code => {
                for _ in 0..it.count {
                    let v = vals[vi];
                    vi += 1;
                    let bits: u64 = match code {
                        #[cfg(feature = "float")]
                        b'f' | b'd' => {
                            let Some(x) = as_f64(vm, v)? else {
                                return Err(vm.type_error("required argument is not a float"));
                            };
                            if code == b'f' {
                                (x as f32).to_bits() as u64
                            } else {
                                x.to_bits()
                            }
                        }
                        b'?' => mpy_core::ops::truthy(vm, v)? as u64,
                        _ => int_bits(vm, v)?,
                    };
                    let field = &mut out[pos..pos + it.size];
                    let le = bits.to_le_bytes();
                    for (i, b) in field.iter_mut().enumerate() {
                        let src = if little { i } else { it.size - 1 - i };
                        *b = le[src];
                    }
                    pos += it.size;
                }
            }
        }
    }
    Ok(())
}

fn struct_pack(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "pack")?;
    check_pos(vm, args, 1, usize::MAX, "pack")?;
    let (size, _) = measure(vm, args.pos[0])?;
    // The result becomes a heap bytes object: a size beyond the heap cannot be built, and a
    // Rust buffer that large could exhaust the allocator.
    if size > vm.heap.total_bytes() {
        return Err(vm.memory_error_now());
    }
    let mut out = alloc::vec![0u8; size];
    pack_into_slice(vm, args.pos[0], &args.pos[1..], &mut out)?;
    new_bytes(vm, &out)
}

/// `pack_into(fmt, buffer, offset, *values)`: a negative offset counts from the end.
fn struct_pack_into(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "pack_into")?;
    check_pos(vm, args, 3, usize::MAX, "pack_into")?;
    let buf = args.pos[1];
    if !(buf.is_obj() && kind_of(buf) == Kind::ByteArray) {
        let msg = alloc::format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        );
        return Err(vm.type_error(&msg));
    }
    let len = bytes_of(buf).map_or(0, |b| b.len());
    let off = buffer_offset(vm, args.pos[2], len)?;
    let (size, _) = measure(vm, args.pos[0])?;
    if off + size > len {
        return Err(vm.value_error("buffer too small"));
    }
    let mut out = alloc::vec![0u8; size];
    pack_into_slice(vm, args.pos[0], &args.pos[3..], &mut out)?;
    for (i, &b) in out.iter().enumerate() {
        bytearray_set(buf, off + i, b);
    }
    Ok(Value::NONE)
}

fn buffer_offset(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let o = to_index(vm, v)?;
    let o = if o < 0 { o + len as isize } else { o };
    if o < 0 || o as usize > len {
        return Err(vm.value_error("buffer too small"));
    }
    Ok(o as usize)
}

/// Unpack `data` (at least the format's size) into a tuple.
fn unpack_slice(vm: &mut Vm, fmt: Value, data: Value, off: usize, exact: bool) -> PyResult<Value> {
    let (size, nvals) = measure(vm, fmt)?;
    let Some(all) = bytes_of(data) else {
        let msg = alloc::format!(
            "object with buffer protocol required, not {}",
            vm.type_name(data)
        );
        return Err(vm.type_error(&msg));
    };
    let avail = all.len().saturating_sub(off);
    if avail < size || (exact && avail != size) {
        let msg = alloc::format!("unpack requires a buffer of {} bytes", size);
        return Err(vm.value_error(&msg));
    }
    // The tuple holds the results as they are made (a GC root through this local).
    let t = new_tuple_uninit(vm, nvals)?;
    let mut f = parse_format(vm, fmt)?;
    let little = f.little;
    let (mut pos, mut vi) = (off, 0usize);
    while let Some(Ok(it)) = f.next_item() {
        pos = (pos - off).next_multiple_of(it.align) + off;
        match it.code {
            b'x' => pos += it.count,
            b's' => {
                // Re-borrow: allocation does not move objects, but keep `data` live.
                let all = bytes_of(data).unwrap_or(&[]);
                let v = new_bytes(vm, &all[pos..pos + it.count])?;
                tuple_set(t, vi, v);
                vi += 1;
                pos += it.count;
            }
            code => {
                for _ in 0..it.count {
                    let all = bytes_of(data).unwrap_or(&[]);
                    let field = &all[pos..pos + it.size];
                    let mut le = [0u8; 8];
                    for (i, &b) in field.iter().enumerate() {
                        let dst = if little { i } else { it.size - 1 - i };
                        le[dst] = b;
                    }
                    let bits = u64::from_le_bytes(le);
                    let signed = |bits: u64, size: usize| -> i64 {
                        let shift = 64 - 8 * size as u32;
                        ((bits << shift) as i64) >> shift
                    };
                    let v = match code {
                        #[cfg(feature = "float")]
                        b'f' => new_float(vm, f32::from_bits(bits as u32) as f64)?,
                        #[cfg(feature = "float")]
                        b'd' => new_float(vm, f64::from_bits(bits))?,
                        b'?' => Value::from_bool(bits != 0),
                        b'b' | b'h' | b'i' | b'l' | b'q' => {
                            int_from_i64(vm, signed(bits, it.size))?
                        }
                        _ => int_from_u64(vm, bits)?,
                    };
                    tuple_set(t, vi, v);
                    vi += 1;
                    pos += it.size;
                }
            }
        }
    }
    Ok(t)
}

fn struct_unpack(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "unpack")?;
    unpack_slice(vm, args.pos[0], args.pos[1], 0, true)
}

/// `unpack_from(fmt, data, offset=0)`: a negative offset counts from the end.
fn struct_unpack_from(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["offset"], "unpack_from")?;
    check_pos(vm, args, 2, 3, "unpack_from")?;
    let len = bytes_of(args.pos[1]).map_or(0, |b| b.len());
    let off = match args
        .pos
        .get(2)
        .copied()
        .or_else(|| kwarg(vm, args, "offset"))
    {
        Some(o) => buffer_offset(vm, o, len)?,
        None => 0,
    };
    unpack_slice(vm, args.pos[0], args.pos[1], off, false)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::r#struct,
    members: &[
        (q::pack, Member::Fn(&NativeFn::new(q::pack, struct_pack))),
        (
            q::unpack,
            Member::Fn(&NativeFn::new(q::unpack, struct_unpack)),
        ),
        (
            q::calcsize,
            Member::Fn(&NativeFn::new(q::calcsize, struct_calcsize)),
        ),
        (
            q::pack_into,
            Member::Fn(&NativeFn::new(q::pack_into, struct_pack_into)),
        ),
        (
            q::unpack_from,
            Member::Fn(&NativeFn::new(q::unpack_from, struct_unpack_from)),
        ),
    ],
};
