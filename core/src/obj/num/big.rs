//! Arithmetic on big int objects without `BigInt` conversions: operands' limbs are read in
//! place (small ints are unpacked into two stack limbs) and results are written straight into
//! the new object, so `+ - * // %` and comparisons cost no `Vec` copies of their operands.
//! The limb kernels are `bigint`'s; this module adds object layout, signs and floor rounding.

use super::{BigIntObj, INT_TYPE};
use crate::bigint::{self, mag_cmp};
use crate::bytecode::BinOp;
use crate::gc::BLOCK;
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use alloc::string::String;
use core::cmp::Ordering;

/// An int operand as sign and magnitude limbs (little-endian, maybe with high zero limbs).
#[derive(Clone, Copy)]
pub(super) struct Mag<'a> {
    pub neg: bool,
    pub limbs: &'a [u32],
}

/// The sign and limbs of an int value (small int, bool or big int object), or None for other
/// values. A small int's limbs go into `buf`; a big int's are borrowed from the object, which
/// stays valid while the caller keeps `v` (the heap never moves objects).
pub(super) fn int_mag(v: Value, buf: &mut [u32; 2]) -> Option<Mag<'_>> {
    let small = if let Some(i) = v.as_small_int() {
        i as i64
    } else if v.is_bool() {
        (v == Value::TRUE) as i64
    } else if super::is_bigint(v) {
        let (neg, limbs) = super::big_limbs(v);
        return Some(Mag { neg, limbs });
    } else {
        return None;
    };
    let m = small.unsigned_abs();
    *buf = [m as u32, (m >> 32) as u32];
    let len = if m == 0 {
        0
    } else if m >> 32 == 0 {
        1
    } else {
        2
    };
    Some(Mag {
        neg: small < 0,
        limbs: &buf[..len],
    })
}

/// A new int with sign `neg` whose magnitude `fill` writes into `cap` zeroed limbs, returning
/// the used length. The result is normalized: a value that fits a small int becomes one (the
/// object is freed at once) and unused limbs are given back to the heap.
fn new_int_with(
    vm: &mut Vm,
    neg: bool,
    cap: usize,
    fill: impl FnOnce(&mut [u32]) -> usize,
) -> PyResult<Value> {
    let v = vm.alloc_obj(
        BigIntObj {
            header: header(&INT_TYPE),
            neg: false,
            len: cap,
        },
        cap * 4,
    )?;
    let o = v.as_ptr::<BigIntObj>();
    // Limbs are not pointers: collections need not read them.
    vm.heap.set_leaf(o as *const u8);
    // SAFETY: the new object has room for `cap` limbs after its header and is not shared yet.
    let limbs = unsafe { core::slice::from_raw_parts_mut(o.add(1) as *mut u32, cap) };
    let len = fill(limbs);
    if len <= 2 {
        let m = limbs.first().copied().unwrap_or(0) as u64
            | (limbs.get(1).copied().filter(|_| len == 2).unwrap_or(0) as u64) << 32;
        let i = if neg {
            0i64.checked_sub_unsigned(m)
        } else {
            i64::try_from(m).ok()
        };
        if let Some(small) = i.and_then(Value::try_small_int) {
            vm.free(o as *const u8);
            return Ok(small);
        }
    }
    // SAFETY: as above; `len <= cap`.
    unsafe {
        (*o).neg = neg && len > 0;
        (*o).len = len;
    }
    let bytes = |limbs: usize| core::mem::size_of::<BigIntObj>() + limbs * 4;
    if bytes(len).div_ceil(BLOCK) < bytes(cap).div_ceil(BLOCK) {
        // Give whole unused blocks back (a difference of nearly equal numbers is short).
        vm.heap.realloc_in_place(o as *const u8, bytes(len));
    }
    Ok(v)
}

/// A new int from sign and magnitude limbs (copied).
pub(super) fn new_int_from_mag(vm: &mut Vm, neg: bool, mag: &[u32]) -> PyResult<Value> {
    new_int_with(vm, neg, mag.len(), |out| {
        out.copy_from_slice(mag);
        bigint_len(out)
    })
}

/// Length of a magnitude without its high zero limbs.
fn bigint_len(limbs: &[u32]) -> usize {
    limbs.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1)
}

/// `a op b` for two ints, not both small, and op one of + - * // %; None for other ops (and
/// non-int operands), which take the general `BigInt` path.
pub(super) fn big_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (mut abuf, mut bbuf) = ([0u32; 2], [0u32; 2]);
    let (Some(x), Some(y)) = (int_mag(a, &mut abuf), int_mag(b, &mut bbuf)) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => add_signed(vm, x, y.neg, y.limbs)?,
        BinOp::Sub => add_signed(vm, x, !y.neg, y.limbs)?,
        BinOp::Mul => mul(vm, x, y)?,
        BinOp::FloorDiv | BinOp::Mod => {
            if y.limbs.is_empty() {
                let msg = if op == BinOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                return Err(vm.zero_division(msg));
            }
            floor_divmod(vm, x, y, op == BinOp::Mod)?
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// x + (sign `y_neg`, magnitude `y`).
fn add_signed(vm: &mut Vm, x: Mag, y_neg: bool, y: &[u32]) -> PyResult<Value> {
    if x.neg == y_neg {
        let cap = x.limbs.len().max(y.len()) + 1;
        return new_int_with(vm, x.neg, cap, |out| bigint::mag_add_into(x.limbs, y, out));
    }
    let (big, small, neg) = match mag_cmp(x.limbs, y) {
        Ordering::Equal => return Ok(Value::small_int(0)),
        Ordering::Greater => (x.limbs, y, x.neg),
        Ordering::Less => (y, x.limbs, y_neg),
    };
    new_int_with(vm, neg, big.len(), |out| {
        bigint::mag_sub_into(big, small, out)
    })
}

fn mul(vm: &mut Vm, x: Mag, y: Mag) -> PyResult<Value> {
    let neg = x.neg != y.neg;
    // A one-limb factor (the common `acc *= i`): one pass straight into the new object.
    let (long, short) = if x.limbs.len() >= y.limbs.len() {
        (x.limbs, y.limbs)
    } else {
        (y.limbs, x.limbs)
    };
    match short.len() {
        0 => Ok(Value::small_int(0)),
        1 => new_int_with(vm, neg, long.len() + 1, |out| {
            bigint::mag_mul_small_into(long, short[0] as u64, out)
        }),
        _ => new_int_from_mag(vm, neg, &bigint::mag_mul(long, short)),
    }
}

/// Python's `x // y` (or `x % y` when `want_mod`) for y != 0: floor rounding, the remainder
/// takes the divisor's sign.
fn floor_divmod(vm: &mut Vm, x: Mag, y: Mag, want_mod: bool) -> PyResult<Value> {
    let signs_differ = x.neg != y.neg;
    let ylimbs = &y.limbs[..bigint_len(y.limbs)];
    if let [d] = *ylimbs {
        let rem = bigint::rem_small(x.limbs, d);
        let round_away = signs_differ && rem != 0;
        if want_mod {
            let r = if round_away { d - rem } else { rem } as i64;
            return super::int_from_i64(vm, if y.neg { -r } else { r });
        }
        // |q| = |x| / d, plus one when flooring rounds away from zero.
        return new_int_with(vm, signs_differ, x.limbs.len() + 1, |out| {
            bigint::divmod_small_into(x.limbs, d, out);
            if round_away {
                bigint::increment(out);
            }
            bigint_len(out)
        });
    }
    if mag_cmp(x.limbs, ylimbs) == Ordering::Less {
        // |x| < |y|: the quotient is 0 (or -1), the remainder x (or y + x).
        return match (want_mod, signs_differ && bigint_len(x.limbs) > 0) {
            (false, away) => Ok(Value::small_int(-(away as isize))),
            (true, false) => new_int_from_mag(vm, x.neg, x.limbs),
            (true, true) => new_int_with(vm, y.neg, ylimbs.len(), |out| {
                bigint::mag_sub_into(ylimbs, x.limbs, out)
            }),
        };
    }
    let (mut q, r) = bigint::mag_divmod(x.limbs, ylimbs);
    let round_away = signs_differ && !r.is_empty();
    if want_mod {
        if round_away {
            return new_int_with(vm, y.neg, ylimbs.len(), |out| {
                bigint::mag_sub_into(ylimbs, &r, out)
            });
        }
        return new_int_from_mag(vm, y.neg, &r);
    }
    if round_away {
        q.push(0);
        bigint::increment(&mut q);
    }
    new_int_from_mag(vm, signs_differ, &q)
}

/// Compares two ints (small, bool or big) by value; None when either is not an int.
pub(super) fn int_cmp(a: Value, b: Value) -> Option<Ordering> {
    let (mut abuf, mut bbuf) = ([0u32; 2], [0u32; 2]);
    let (x, y) = (int_mag(a, &mut abuf)?, int_mag(b, &mut bbuf)?);
    let (xz, yz) = (bigint_len(x.limbs) == 0, bigint_len(y.limbs) == 0);
    let (xneg, yneg) = (x.neg && !xz, y.neg && !yz);
    Some(match (xneg, yneg) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => mag_cmp(x.limbs, y.limbs),
        (true, true) => mag_cmp(y.limbs, x.limbs),
    })
}

/// Appends the decimal digits of an int (with `-` when negative).
pub(super) fn write_int_decimal(v: Value, out: &mut String) {
    let mut buf = [0u32; 2];
    if let Some(x) = int_mag(v, &mut buf) {
        bigint::write_decimal(x.neg, x.limbs, out);
    }
}
