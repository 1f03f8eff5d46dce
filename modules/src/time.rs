//! `time`: wall-clock time, sleeping, and MicroPython's wrapping millisecond/microsecond
//! tick counters.
//!
//! Epoch: 1970-01-01 (as MicroPython's Unix port; its bare-metal ports use 2000-01-01). The
//! wall clock comes from the port's real-time clock; without one, `time()` counts seconds since
//! boot.

use crate::check_args;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{new_tuple, seq_items};
#[cfg(feature = "float")]
use mpy_core::obj::num::as_f64;
use mpy_core::obj::num::{int_from_i64, is_float};
use mpy_core::obj::{Args, NativeFn};
use mpy_core::ops::to_index;
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyResult, Vm};

/// Tick counters wrap at 2**30 so every tick value is a small int on 32-bit boards.
const TICKS_PERIOD: i64 = 1 << 30;
const TICKS_MAX: i64 = TICKS_PERIOD - 1;
const TICKS_HALF: i64 = TICKS_PERIOD / 2;

/// Seconds since the epoch (or since boot when the board has no clock).
fn now_secs(vm: &mut Vm) -> i64 {
    match vm.port().unix_time() {
        Some(s) => s as i64,
        None => (vm.port().ticks_ms() / 1000) as i64,
    }
}

/// `time()`: seconds since the epoch, as an int (the ports' clocks have 1 s resolution).
fn time_time(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "time")?;
    let s = now_secs(vm);
    int_from_i64(vm, s)
}

/// `time_ns()`: nanoseconds since the epoch.
fn time_time_ns(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "time_ns")?;
    let s = now_secs(vm);
    int_from_i64(vm, s * 1_000_000_000)
}

/// Wait `us` microseconds in slices, so Ctrl-C interrupts a long sleep and scheduled
/// callbacks run while the program idles (as MicroPython's ports do).
fn sleep_us_total(vm: &mut Vm, mut us: u64) -> PyResult<()> {
    const SLICE_US: u64 = 10_000;
    loop {
        #[cfg(feature = "micropython")]
        crate::micropython::run_scheduled(vm)?;
        vm.check_interrupt()?;
        if us == 0 {
            return Ok(());
        }
        let step = us.min(SLICE_US);
        vm.port().delay_us(step as u32);
        us -= step;
    }
}

/// `sleep(seconds)`: int or float seconds.
#[cfg(feature = "float")]
fn time_sleep(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "sleep")?;
    let secs = match as_f64(vm, args.pos[0])? {
        Some(s) => s,
        None => {
            let msg = alloc::format!("can't convert {} to float", vm.type_name(args.pos[0]));
            return Err(vm.type_error(&msg));
        }
    };
    if secs.is_nan() || secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > (u64::MAX / 1_000_000) as f64 {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    sleep_us_total(vm, (secs * 1e6) as u64)?;
    Ok(Value::NONE)
}

/// `sleep(seconds)`: whole seconds (a build without floats, as MicroPython's).
#[cfg(not(feature = "float"))]
fn time_sleep(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "sleep")?;
    let secs = to_index(vm, args.pos[0])?;
    if secs < 0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    sleep_us_total(vm, (secs as u64).saturating_mul(1_000_000))?;
    Ok(Value::NONE)
}

/// A whole-number duration argument; negative durations do not sleep (MicroPython).
fn duration(vm: &mut Vm, v: Value) -> PyResult<u64> {
    if is_float(v) {
        return Err(vm.type_error("can't convert float to int"));
    }
    Ok(to_index(vm, v)?.max(0) as u64)
}

fn time_sleep_ms(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "sleep_ms")?;
    let ms = duration(vm, args.pos[0])?;
    sleep_us_total(vm, ms.saturating_mul(1000))?;
    Ok(Value::NONE)
}

fn time_sleep_us(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "sleep_us")?;
    let us = duration(vm, args.pos[0])?;
    sleep_us_total(vm, us)?;
    Ok(Value::NONE)
}

fn ticks_value(t: u32) -> Value {
    Value::small_int((t as i64 & TICKS_MAX) as isize)
}

fn time_ticks_ms(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "ticks_ms")?;
    Ok(ticks_value(vm.port().ticks_ms()))
}

fn time_ticks_us(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "ticks_us")?;
    Ok(ticks_value(vm.port().ticks_us()))
}

/// `ticks_cpu()`: the finest counter the port has (microseconds; ports expose no cycle counter).
fn time_ticks_cpu(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "ticks_cpu")?;
    Ok(ticks_value(vm.port().ticks_us()))
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if is_float(v) {
        return Err(vm.type_error("can't convert float to int"));
    }
    Ok(to_index(vm, v)? as i64)
}

/// Signed distance from tick `b` to tick `a`, in (-2**29, 2**29].
pub fn ticks_diff(a: i64, b: i64) -> i64 {
    ((a - b + TICKS_HALF) & TICKS_MAX) - TICKS_HALF
}

/// `ticks_diff(ticks1, ticks2)`: `ticks1 - ticks2` allowing for wrap-around.
fn time_ticks_diff(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "ticks_diff")?;
    let a = int_arg(vm, args.pos[0])?;
    let b = int_arg(vm, args.pos[1])?;
    Ok(Value::small_int(
        ticks_diff(a & TICKS_MAX, b & TICKS_MAX) as isize
    ))
}

/// `ticks_add(ticks, delta)`: `ticks + delta` on the tick circle; |delta| must stay within
/// half a period, or the result's direction would be ambiguous (OverflowError).
fn time_ticks_add(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "ticks_add")?;
    let t = int_arg(vm, args.pos[0])?;
    let d = int_arg(vm, args.pos[1])?;
    if !(-TICKS_HALF..TICKS_HALF).contains(&d) {
        return Err(vm.overflow_error("ticks interval overflow"));
    }
    Ok(Value::small_int(((t + d) & TICKS_MAX) as isize))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..=12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// The 8-tuple fields of a time in seconds since the epoch: year, month, mday, hour, minute,
/// second, weekday (Monday 0), yearday (1-based).
pub fn broken_down(secs: i64) -> [i64; 8] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let weekday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday
    let yearday = days - days_from_civil(y, 1, 1) + 1;
    [
        y,
        m,
        d,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        weekday,
        yearday,
    ]
}

/// `gmtime([secs])`: the UTC broken-down time.
fn time_gmtime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "gmtime")?;
    broken_down_value(vm, args)
}

/// `localtime([secs])`: there is no time zone support, so local time is UTC.
fn time_localtime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "localtime")?;
    broken_down_value(vm, args)
}

/// The 8-tuple for `args.pos[0]` seconds (now when absent or None).
fn broken_down_value(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let secs = match args.pos.first() {
        None => now_secs(vm),
        Some(v) if v.is_none() => now_secs(vm),
        #[cfg(not(feature = "float"))]
        Some(&v) => int_arg(vm, v)?,
        #[cfg(feature = "float")]
        Some(&v) => match as_f64(vm, v)? {
            Some(f) if is_float(v) => {
                if !f.is_finite() || f.abs() > 1e17 {
                    return Err(vm.overflow_error("timestamp out of range"));
                }
                libm::floor(f) as i64
            }
            _ => int_arg(vm, v)?,
        },
    };
    if secs.unsigned_abs() > 1 << 55 {
        return Err(vm.overflow_error("timestamp out of range"));
    }
    let f = broken_down(secs);
    let mut items = [Value::NONE; 8];
    for (slot, x) in items.iter_mut().zip(f) {
        *slot = int_from_i64(vm, x)?;
    }
    new_tuple(vm, &items)
}

/// Seconds since the epoch of year, month, mday, hour, minute, second (each may be out of
/// range: they carry over, as C's mktime normalises).
pub fn seconds_of(f: [i64; 6]) -> i64 {
    let months = f[1] - 1;
    let year = f[0] + months.div_euclid(12);
    let month = months.rem_euclid(12) + 1;
    let days = days_from_civil(year, month, 1) + f[2] - 1;
    days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5]
}

/// `mktime((year, month, mday, hour, minute, second, wday, yday))`: the inverse of
/// `localtime` (weekday and yearday are ignored).
fn time_mktime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "mktime")?;
    let Some(items) = seq_items(args.pos[0]) else {
        return Err(vm.type_error("mktime() argument must be a tuple"));
    };
    if items.len() < 6 || items.len() > 9 {
        return Err(vm.type_error("mktime needs a tuple of length 8 or 9"));
    }
    let mut f = [0i64; 6];
    for (slot, &v) in f.iter_mut().zip(items) {
        let x = int_arg(vm, v)?;
        if x.unsigned_abs() > 1 << 40 {
            return Err(vm.overflow_error("mktime argument out of range"));
        }
        *slot = x;
    }
    let s = seconds_of(f);
    int_from_i64(vm, s)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::time,
    members: &[
        (q::time, Member::Fn(&NativeFn::new(q::time, time_time))),
        (
            q::time_ns,
            Member::Fn(&NativeFn::new(q::time_ns, time_time_ns)),
        ),
        (q::sleep, Member::Fn(&NativeFn::new(q::sleep, time_sleep))),
        (
            q::sleep_ms,
            Member::Fn(&NativeFn::new(q::sleep_ms, time_sleep_ms)),
        ),
        (
            q::sleep_us,
            Member::Fn(&NativeFn::new(q::sleep_us, time_sleep_us)),
        ),
        (
            q::ticks_ms,
            Member::Fn(&NativeFn::new(q::ticks_ms, time_ticks_ms)),
        ),
        (
            q::ticks_us,
            Member::Fn(&NativeFn::new(q::ticks_us, time_ticks_us)),
        ),
        (
            q::ticks_cpu,
            Member::Fn(&NativeFn::new(q::ticks_cpu, time_ticks_cpu)),
        ),
        (
            q::ticks_diff,
            Member::Fn(&NativeFn::new(q::ticks_diff, time_ticks_diff)),
        ),
        (
            q::ticks_add,
            Member::Fn(&NativeFn::new(q::ticks_add, time_ticks_add)),
        ),
        (
            q::localtime,
            Member::Fn(&NativeFn::new(q::localtime, time_localtime)),
        ),
        (
            q::gmtime,
            Member::Fn(&NativeFn::new(q::gmtime, time_gmtime)),
        ),
        (
            q::mktime,
            Member::Fn(&NativeFn::new(q::mktime, time_mktime)),
        ),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_diff_wraps() {
        assert_eq!(ticks_diff(5, 3), 2);
        assert_eq!(ticks_diff(3, 5), -2);
        assert_eq!(ticks_diff(1, TICKS_MAX), 2);
        assert_eq!(ticks_diff(TICKS_MAX, 1), -2);
        assert_eq!(ticks_diff(TICKS_HALF, 0), -TICKS_HALF);
    }

    #[test]
    fn calendar_round_trips() {
        assert_eq!(broken_down(0), [1970, 1, 1, 0, 0, 0, 3, 1]);
        // 2000-02-29 12:34:56, a Tuesday, day 60 of the year.
        assert_eq!(broken_down(951_827_696), [2000, 2, 29, 12, 34, 56, 1, 60]);
        assert_eq!(broken_down(-1), [1969, 12, 31, 23, 59, 59, 2, 365]);
        for secs in [0i64, 951_827_696, -86_401, 4_102_444_800, 1_700_000_000] {
            let f = broken_down(secs);
            assert_eq!(seconds_of([f[0], f[1], f[2], f[3], f[4], f[5]]), secs);
        }
        // Out-of-range fields carry: month 13 of 1999 is January 2000.
        assert_eq!(seconds_of([1999, 13, 1, 0, 0, 0]), 946_684_800);
    }
}
