//! `random`: a xoshiro128++ generator (small state, fast on 32-bit cores, good statistical
//! quality); deterministic after `seed(n)`.
//!
//! The state lives in atomics (load/store only, which every target has) because it holds no
//! heap values; boards run one interpreter.

use crate::check_args;
use core::sync::atomic::{AtomicU32, Ordering};
use mpy_core::bytecode::BinOp;
use mpy_core::module::{Member, ModuleDef};
#[cfg(feature = "float")]
use mpy_core::obj::num::{as_f64, new_float};
use mpy_core::obj::num::{
    int_binop, int_bit_length, int_cmp, int_from_i64, int_from_limbs, int_plain, with_int_limbs,
};
use mpy_core::obj::{Args, NativeFn};
use mpy_core::ops;
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

static STATE: [AtomicU32; 4] = [
    AtomicU32::new(0),
    AtomicU32::new(0),
    AtomicU32::new(0),
    AtomicU32::new(0),
];

/// SplitMix32-style mixing to spread a seed over the four state words (never all zero).
fn seed_state(seed: u64) {
    let mut z = seed;
    for (i, w) in STATE.iter().enumerate() {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = z;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^= x >> 31;
        let word = (x as u32) ^ ((x >> 32) as u32);
        w.store(
            if word == 0 {
                0x6a09_e667 ^ i as u32
            } else {
                word
            },
            Ordering::Relaxed,
        );
    }
}

/// Seed from the clock (first use without `seed()`, or `seed(None)`).
fn seed_from_clock(vm: &mut Vm) {
    let t = vm.port().unix_time().unwrap_or(0);
    let us = vm.port().ticks_us() as u64;
    seed_state((t << 20) ^ us ^ 0x5eed);
}

fn next_u32(vm: &mut Vm) -> u32 {
    let mut s = [0u32; 4];
    for (d, w) in s.iter_mut().zip(STATE.iter()) {
        *d = w.load(Ordering::Relaxed);
    }
    if s == [0; 4] {
        seed_from_clock(vm);
        for (d, w) in s.iter_mut().zip(STATE.iter()) {
            *d = w.load(Ordering::Relaxed);
        }
    }
    let result = s[0].wrapping_add(s[3]).rotate_left(7).wrapping_add(s[0]);
    let t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = s[3].rotate_left(11);
    for (w, v) in STATE.iter().zip(s) {
        w.store(v, Ordering::Relaxed);
    }
    result
}

/// `k` random bits as a non-negative int.
fn random_bits(vm: &mut Vm, k: u64) -> PyResult<Value> {
    let words = k.div_ceil(32) as usize;
    let mut limbs = alloc::vec::Vec::with_capacity(words);
    for i in 0..words {
        let mut w = next_u32(vm);
        let bits_here = (k - 32 * i as u64).min(32);
        if bits_here < 32 {
            w >>= 32 - bits_here;
        }
        limbs.push(w);
    }
    int_from_limbs(vm, false, &limbs)
}

/// A uniform int in [0, n) for an int n > 0, by rejection on the next power of two.
fn below(vm: &mut Vm, n: Value) -> PyResult<Value> {
    let n_minus_1 = int_binop(vm, BinOp::Sub, n, Value::small_int(1))?;
    let k = int_bit_length(n_minus_1).unwrap_or(0).max(1);
    loop {
        let r = random_bits(vm, k)?;
        if int_cmp(r, n) == Some(core::cmp::Ordering::Less) {
            return Ok(r);
        }
    }
}

/// `seed([n])`: ints seed deterministically; None or no argument seeds from the clock.
fn random_seed(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "seed")?;
    match args.pos.first() {
        None => seed_from_clock(vm),
        Some(v) if v.is_none() => seed_from_clock(vm),
        Some(&v) => {
            // Fold every limb in, so distinct big seeds give distinct streams.
            let seed = with_int_limbs(v, |neg, limbs| {
                let mut s: u64 = if neg { 0x8000_0000_0000_0000 } else { 0 };
                for (i, &l) in limbs.iter().enumerate() {
                    s = s.rotate_left(32) ^ (l as u64) ^ (i as u64).wrapping_mul(0x9e37_79b9);
                }
                s
            });
            let Some(seed) = seed else {
                let msg = alloc::format!("seed must be an int, not {}", vm.type_name(v));
                return Err(vm.type_error(&msg));
            };
            seed_state(seed);
        }
    }
    Ok(Value::NONE)
}

/// `getrandbits(k)`: an int of `k` random bits.
fn random_getrandbits(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "getrandbits")?;
    let k = ops::to_index(vm, args.pos[0])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    // An int this size could never be stored in the heap: fail before building it.
    if k as usize / 8 > vm.heap.total_bytes() {
        return Err(vm.memory_error_now());
    }
    random_bits(vm, k as u64)
}

/// An int argument as a plain int (so int subclasses' operators are not called).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match int_plain(vm, v) {
        Some(r) => r,
        None => {
            let msg = alloc::format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            );
            Err(vm.type_error(&msg))
        }
    }
}

/// `randrange(stop)` / `randrange(start, stop[, step])`.
fn random_randrange(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 3, "randrange")?;
    let (start, stop) = match args.pos.len() {
        1 => (Value::small_int(0), int_arg(vm, args.pos[0])?),
        _ => (int_arg(vm, args.pos[0])?, int_arg(vm, args.pos[1])?),
    };
    let step = match args.pos.get(2) {
        Some(&s) => int_arg(vm, s)?,
        None => Value::small_int(1),
    };
    let zero = Value::small_int(0);
    let sign = match int_cmp(step, zero) {
        Some(core::cmp::Ordering::Less) => -1,
        Some(core::cmp::Ordering::Greater) => 1,
        _ => return Err(vm.value_error("zero step for randrange()")),
    };
    // Number of values: ceil((stop - start) / step) = (stop - start + step - sign) // step.
    let width = int_binop(vm, BinOp::Sub, stop, start)?;
    let n = int_binop(vm, BinOp::Add, width, step)?;
    let n = int_binop(vm, BinOp::Sub, n, Value::small_int(sign))?;
    let n = int_binop(vm, BinOp::FloorDiv, n, step)?;
    random_in(vm, start, n, step)
}

/// `start + step * below(n)`; ValueError when `n` <= 0 (an empty range).
fn random_in(vm: &mut Vm, start: Value, n: Value, step: Value) -> PyResult<Value> {
    if int_cmp(n, Value::small_int(0)) != Some(core::cmp::Ordering::Greater) {
        return Err(vm.value_error("empty range for randrange()"));
    }
    let r = below(vm, n)?;
    let offset = int_binop(vm, BinOp::Mul, r, step)?;
    int_binop(vm, BinOp::Add, start, offset)
}

/// `randint(a, b)`: a <= N <= b.
fn random_randint(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "randint")?;
    let a = int_arg(vm, args.pos[0])?;
    let b = int_arg(vm, args.pos[1])?;
    let n = int_binop(vm, BinOp::Sub, b, a)?;
    let n = int_binop(vm, BinOp::Add, n, Value::small_int(1))?;
    random_in(vm, a, n, Value::small_int(1))
}

/// A float in [0.0, 1.0) with 53 random bits.
#[cfg(feature = "float")]
fn unit_float(vm: &mut Vm) -> f64 {
    let a = (next_u32(vm) >> 5) as f64; // 27 bits
    let b = (next_u32(vm) >> 6) as f64; // 26 bits
    (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
}

#[cfg(feature = "float")]
fn random_random(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "random")?;
    let x = unit_float(vm);
    new_float(vm, x)
}

/// `uniform(a, b)`: a + (b - a) * random().
#[cfg(feature = "float")]
fn random_uniform(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "uniform")?;
    let mut ends = [0.0f64; 2];
    for (e, &v) in ends.iter_mut().zip(args.pos) {
        *e = match as_f64(vm, v)? {
            Some(x) => x,
            None => {
                let msg = alloc::format!("must be real number, not {}", vm.type_name(v));
                return Err(vm.type_error(&msg));
            }
        };
    }
    let x = unit_float(vm);
    new_float(vm, ends[0] + (ends[1] - ends[0]) * x)
}

/// `choice(seq)`: a random element of a non-empty sequence.
fn random_choice(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "choice")?;
    let seq = args.pos[0];
    let n = ops::len(vm, seq)?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let n = int_from_i64(vm, n as i64)?;
    let idx = below(vm, n)?;
    ops::getitem(vm, seq, idx)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::random,
    members: &[
        (q::seed, Member::Fn(&NativeFn::new(q::seed, random_seed))),
        (
            q::getrandbits,
            Member::Fn(&NativeFn::new(q::getrandbits, random_getrandbits)),
        ),
        (
            q::randrange,
            Member::Fn(&NativeFn::new(q::randrange, random_randrange)),
        ),
        (
            q::randint,
            Member::Fn(&NativeFn::new(q::randint, random_randint)),
        ),
        // Only with floats, as in MicroPython.
        #[cfg(feature = "float")]
        (
            q::random,
            Member::Fn(&NativeFn::new(q::random, random_random)),
        ),
        #[cfg(feature = "float")]
        (
            q::uniform,
            Member::Fn(&NativeFn::new(q::uniform, random_uniform)),
        ),
        (
            q::choice,
            Member::Fn(&NativeFn::new(q::choice, random_choice)),
        ),
    ],
};
