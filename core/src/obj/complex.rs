//! `complex` (a boxed pair of f64), built with the `complex` feature. The arithmetic follows
//! CPython 3.11's `complexobject.c` step for step (ints and floats are first widened to
//! `complex(x, 0)`), so results agree to the last bit: Smith's division, repeated squaring
//! for integer powers up to 100, polar form otherwise.

use super::{kind_of, obj, Args, Kind, NativeFn, ObjHeader};
use crate::bytecode::BinOp;
use crate::numfmt::{Align, FmtError, FormatSpec, Sign};
use crate::obj::num::{self, as_f64, new_float, to_big};
use crate::obj::string::str_of;
use crate::obj::types::COMPLEX_TYPE;
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use alloc::string::String;

#[repr(C)]
pub struct ComplexObj {
    pub header: ObjHeader,
    pub re: f64,
    pub im: f64,
}

/// A complex number as plain data: (real, imaginary).
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct C64 {
    pub re: f64,
    pub im: f64,
}

impl C64 {
    pub const fn new(re: f64, im: f64) -> C64 {
        C64 { re, im }
    }
}

impl From<(f64, f64)> for C64 {
    fn from((re, im): (f64, f64)) -> C64 {
        C64 { re, im }
    }
}

pub fn new_complex(vm: &mut Vm, z: C64) -> PyResult<Value> {
    vm.alloc_obj(
        ComplexObj {
            header: header(&COMPLEX_TYPE),
            re: z.re,
            im: z.im,
        },
        0,
    )
}

pub fn is_complex(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::Complex
}

/// The parts of a complex value (callers check `is_complex`).
pub fn complex_of(v: Value) -> C64 {
    // SAFETY: callers check `is_complex`, so `v` has ComplexObj layout.
    let o = unsafe { obj::<ComplexObj>(v) };
    C64::new(o.re, o.im)
}

/// Any number (int, bool, float, complex) as a complex; None for other values. Ints too large
/// for a float raise OverflowError, as in CPython.
pub fn as_complex(vm: &mut Vm, v: Value) -> PyResult<Option<C64>> {
    if is_complex(v) {
        return Ok(Some(complex_of(v)));
    }
    Ok(as_f64(vm, v)?.map(|x| C64::new(x, 0.0)))
}

// ---- arithmetic (pure; CPython's _Py_c_* functions) ----

pub fn c_sum(a: C64, b: C64) -> C64 {
    C64::new(a.re + b.re, a.im + b.im)
}

pub fn c_diff(a: C64, b: C64) -> C64 {
    C64::new(a.re - b.re, a.im - b.im)
}

pub fn c_prod(a: C64, b: C64) -> C64 {
    C64::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `a / b`; None when b is zero.
pub fn c_quot(a: C64, b: C64) -> Option<C64> {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(C64::new(
            (a.re + a.im * ratio) / denom,
            (a.im - a.re * ratio) / denom,
        ))
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(C64::new(
            (a.re * ratio + a.im) / denom,
            (a.im * ratio - a.re) / denom,
        ))
    } else {
        // A NaN part in b.
        Some(C64::new(f64::NAN, f64::NAN))
    }
}

/// `abs(z)` by C99 rules (an infinite part wins over a NaN); may be infinite on overflow.
pub fn c_abs(z: C64) -> f64 {
    if z.re.is_infinite() {
        return z.re.abs();
    }
    if z.im.is_infinite() {
        return z.im.abs();
    }
    if z.re.is_nan() || z.im.is_nan() {
        return f64::NAN;
    }
    libm::hypot(z.re, z.im)
}

/// Why a complex power failed.
pub enum PowError {
    /// 0 to a negative or complex power.
    ZeroToNegative,
    /// The result overflowed.
    Overflow,
}

/// `a ** b` as CPython computes it.
pub fn c_pow(a: C64, b: C64) -> Result<C64, PowError> {
    let r = if b.im == 0.0 && b.re == libm::floor(b.re) && b.re.abs() <= 100.0 {
        let n = b.re as i32;
        if n >= 0 {
            c_powu(a, n as u32)
        } else {
            c_quot(C64::new(1.0, 0.0), c_powu(a, n.unsigned_abs()))
                .ok_or(PowError::ZeroToNegative)?
        }
    } else if b.re == 0.0 && b.im == 0.0 {
        C64::new(1.0, 0.0)
    } else if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowError::ZeroToNegative);
        }
        C64::new(0.0, 0.0)
    } else {
        let vabs = libm::hypot(a.re, a.im);
        let mut len = libm::pow(vabs, b.re);
        let at = libm::atan2(a.im, a.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= libm::exp(at * b.im);
            phase += b.im * libm::log(vabs);
        }
        C64::new(len * libm::cos(phase), len * libm::sin(phase))
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(PowError::Overflow);
    }
    Ok(r)
}

/// `x ** n` by repeated squaring (CPython's c_powu).
fn c_powu(x: C64, n: u32) -> C64 {
    let mut r = C64::new(1.0, 0.0);
    let mut p = x;
    let mut mask: u32 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

// ---- operations on values ----

/// `a op b` where at least one side is complex; NotImplemented when the other side is not a
/// number or the operator is undefined for complex (`//`, `%`, bit operations).
pub fn binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
    ) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (Some(x), Some(y)) = (as_complex(vm, a)?, as_complex(vm, b)?) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = match op {
        BinOp::Add => c_sum(x, y),
        BinOp::Sub => c_diff(x, y),
        BinOp::Mul => c_prod(x, y),
        BinOp::TrueDiv => {
            c_quot(x, y).ok_or_else(|| vm.zero_division("complex division by zero"))?
        }
        _ => return pow(vm, x, y),
    };
    new_complex(vm, r)
}

/// `a ** b` as a value, with CPython's errors.
pub fn pow(vm: &mut Vm, a: C64, b: C64) -> PyResult<Value> {
    match c_pow(a, b) {
        Ok(r) => new_complex(vm, r),
        Err(PowError::ZeroToNegative) => {
            Err(vm.zero_division("0.0 to a negative or complex power"))
        }
        Err(PowError::Overflow) => Err(vm.overflow_error("complex exponentiation")),
    }
}

/// Unary `-z` / `+z`.
pub fn negate(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let z = complex_of(v);
    new_complex(vm, C64::new(-z.re, -z.im))
}

/// `abs(z)`: a float, OverflowError when it does not fit.
pub fn abs(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let z = complex_of(v);
    let r = c_abs(z);
    if r.is_infinite() && z.re.is_finite() && z.im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    new_float(vm, r)
}

pub fn is_nonzero(v: Value) -> bool {
    let z = complex_of(v);
    z.re != 0.0 || z.im != 0.0
}

/// `a == b` when one side is complex and the other a number (ints compare exactly); None when
/// neither is complex or the other side is not a number.
pub fn num_eq(a: Value, b: Value) -> Option<bool> {
    let (z, other) = if is_complex(a) {
        (complex_of(a), b)
    } else if is_complex(b) {
        (complex_of(b), a)
    } else {
        return None;
    };
    if is_complex(other) {
        let w = complex_of(other);
        return Some(z.re == w.re && z.im == w.im);
    }
    if num::is_float(other) {
        return Some(z.im == 0.0 && z.re == num::float_of(other));
    }
    let i = to_big(other)?;
    Some(z.im == 0.0 && i.cmp_f64(z.re) == Some(core::cmp::Ordering::Equal))
}

/// CPython's `hash(complex)`: hash(real) + 1000003 * hash(imag), so hash(1+0j) == hash(1).
pub fn hash(v: Value) -> i64 {
    const HASH_IMAG: u64 = 1_000_003;
    let z = complex_of(v);
    let re = crate::numfmt::hash_f64(z.re) as u64;
    let im = crate::numfmt::hash_f64(z.im) as u64;
    let h = re.wrapping_add(HASH_IMAG.wrapping_mul(im)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `repr(z)`: `1j` when the real part is +0.0, else `(re+imj)`; parts in shortest form
/// without a trailing `.0`.
pub fn repr(v: Value, out: &mut String) {
    let z = complex_of(v);
    let plain_imag = z.re == 0.0 && z.re.is_sign_positive();
    if !plain_imag {
        out.push('(');
        push_part(z.re, out);
        let start = out.len();
        push_part(z.im, out);
        if !out[start..].starts_with('-') {
            out.insert(start, '+');
        }
    } else {
        push_part(z.im, out);
    }
    out.push('j');
    if !plain_imag {
        out.push(')');
    }
}

/// One part of a complex repr: the float repr without its `.0`.
fn push_part(x: f64, out: &mut String) {
    let start = out.len();
    crate::numfmt::float_repr(x, out);
    if out[start..].ends_with(".0") {
        out.truncate(out.len() - 2);
    }
}

/// `format(z, spec)` (CPython's rules): no type gives repr-like parts (parentheses unless the
/// real part is +0.0 and left out); e/f/g/n format each part, the imaginary one always signed;
/// width, fill and alignment apply to the whole; zero padding and '=' are errors.
pub fn format(vm: &mut Vm, v: Value, spec: &FormatSpec) -> PyResult<String> {
    if spec.zero_pad || spec.fill == Some('0') {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let z = complex_of(v);
    let (ty, bare) = match spec.ty {
        None => (spec.precision.map(|_| 'g'), true),
        Some('n') => (Some('g'), false),
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (Some(c), false),
        Some(c) => {
            let msg = FmtError::UnknownCode(c).message("complex");
            return Err(vm.value_error(&msg));
        }
    };
    let skip_re = bare && z.re == 0.0 && z.re.is_sign_positive();
    let parens = bare && !skip_re;
    let part = |x: f64, sign: Option<Sign>| -> Result<String, FmtError> {
        let Some(ty) = ty else {
            // Repr-like: shortest digits, no `.0`.
            let mut s = String::new();
            push_part(x, &mut s);
            if let Some(sep) = spec.grouping {
                s = group_int_digits(&s, sep);
            }
            if spec.alternate && x.is_finite() && !s.contains('.') {
                let at = s.find('e').unwrap_or(s.len());
                s.insert(at, '.');
            }
            if !s.starts_with('-') {
                match sign {
                    Some(Sign::Plus) => s.insert(0, '+'),
                    Some(Sign::Space) => s.insert(0, ' '),
                    _ => {}
                }
            }
            return Ok(s);
        };
        let part_spec = FormatSpec {
            fill: None,
            align: None,
            sign,
            zero_pad: false,
            width: 0,
            precision: Some(spec.precision.unwrap_or(6)),
            ty: Some(ty),
            ..spec.clone()
        };
        crate::numfmt::format_float(x, &part_spec)
    };
    let im_sign = if skip_re { spec.sign } else { Some(Sign::Plus) };
    let texts = part(z.re, spec.sign).and_then(|re| Ok((re, part(z.im, im_sign)?)));
    let (re, im) = texts.map_err(|e| {
        let msg = e.message("complex");
        vm.value_error(&msg)
    })?;
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&re);
    }
    body.push_str(&im);
    body.push('j');
    if parens {
        body.push(')');
    }
    let fill = spec.fill.unwrap_or(' ');
    let align = spec.align.unwrap_or(Align::Right);
    Ok(crate::numfmt::pad_text(&body, spec.width, fill, align))
}

/// `text` with `sep` between groups of three in its leading run of integer digits.
fn group_int_digits(text: &str, sep: char) -> String {
    let start = usize::from(text.starts_with('-'));
    let end = start + text[start..].bytes().take_while(u8::is_ascii_digit).count();
    let digits = &text[start..end];
    let mut out = String::from(&text[..start]);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out.push_str(&text[end..]);
    out
}

// ---- attributes and methods ----

/// `z.real` / `z.imag`.
pub fn attr(vm: &mut Vm, v: Value, name: Qstr) -> PyResult<Option<Value>> {
    let z = complex_of(v);
    if name == q::real {
        return new_float(vm, z.re).map(Some);
    }
    if name == q::imag {
        return new_float(vm, z.im).map(Some);
    }
    Ok(None)
}

fn complex_conjugate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = args.pos[0];
    if !is_complex(v) {
        return Err(vm.type_error("conjugate() needs a complex"));
    }
    let z = complex_of(v);
    new_complex(vm, C64::new(z.re, -z.im))
}

pub static COMPLEX_METHODS: &[(Qstr, &NativeFn)] = &[(
    q::conjugate,
    &NativeFn::method(q::conjugate, complex_conjugate),
)];

// ---- the constructor ----

/// `complex()`, `complex(x)`, `complex(re, im)` (also as keywords `real=`, `imag=`) and
/// `complex("1+2j")`.
pub fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut re = a.pos.first().copied();
    let mut im = a.pos.get(1).copied();
    if a.pos.len() > 2 {
        let msg = alloc::format!(
            "complex() takes at most 2 arguments ({} given)",
            a.pos.len()
        );
        return Err(vm.type_error(&msg));
    }
    for pair in a.kw.chunks(2) {
        let slot = match str_of(vm, pair[0]) {
            Some("real") if re.is_none() => &mut re,
            Some("imag") if im.is_none() => &mut im,
            _ => return Err(vm.type_error("complex() got an unexpected keyword argument")),
        };
        *slot = Some(pair[1]);
    }
    // A missing real part is the int 0, as in CPython (so `complex(imag=-0.0)` is `-0j`).
    let r = re.unwrap_or(Value::small_int(0));
    if let Some(text) = str_of(vm, r) {
        if im.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return match parse(text) {
            Some(z) => new_complex(vm, z),
            None => Err(vm.value_error("complex() arg is a malformed string")),
        };
    }
    if im.is_some_and(crate::obj::string::is_str) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    if is_complex(r) && im.is_none() {
        return Ok(r);
    }
    let cr = number_arg(vm, r, "first argument")?;
    let Some(i) = im else {
        return new_complex(vm, cr);
    };
    let ci = number_arg(vm, i, "second argument")?;
    // (a + bj) + (c + dj)j, written the way CPython does it (signed zeros included).
    let mut real = cr.re;
    if is_complex(i) {
        real -= ci.im;
    }
    let mut imag = ci.re;
    if is_complex(r) {
        imag += cr.im;
    }
    new_complex(vm, C64::new(real, imag))
}

/// A number, or an instance of a class with `__complex__`, `__float__` or `__index__`, as a
/// complex; None for anything else.
pub fn coerce(vm: &mut Vm, v: Value) -> PyResult<Option<C64>> {
    if let Some(z) = as_complex(vm, v)? {
        return Ok(Some(z));
    }
    if v.is_obj() && super::type_of(v).is_heap() {
        for m in [q::__complex__, q::__float__, q::__index__] {
            if let Some(r) = crate::attr::call_special(vm, v, m, &[])? {
                return as_complex(vm, r);
            }
        }
    }
    Ok(None)
}

/// A number argument of `complex()`, or TypeError naming `which`.
fn number_arg(vm: &mut Vm, v: Value, which: &str) -> PyResult<C64> {
    if let Some(z) = coerce(vm, v)? {
        return Ok(z);
    }
    let what = if which == "first argument" {
        "a string or a number"
    } else {
        "a number"
    };
    let msg = alloc::format!(
        "complex() {} must be {}, not '{}'",
        which,
        what,
        vm.type_name(v)
    );
    Err(vm.type_error(&msg))
}

/// Parse `complex(text)`: `[(] [re] [+-im j] [)]` with optional whitespace at the ends and
/// inside the parentheses, `_` between digits, `inf`/`nan` parts. None when malformed.
pub fn parse(text: &str) -> Option<C64> {
    let clean = without_underscores(text)?;
    let s = clean.trim_matches(is_space).as_bytes();
    let s = match (s.first(), s.last()) {
        (Some(b'('), Some(b')')) => trim_bytes(&s[1..s.len() - 1]),
        _ => s,
    };
    let at_j = |s: &[u8], i: usize| matches!(s.get(i), Some(b'j' | b'J'));
    let n = float_prefix(s);
    let (z, end) = if n > 0 {
        let x = parse_part(&s[..n])?;
        match s.get(n) {
            Some(b'+' | b'-') => {
                let m = float_prefix(&s[n..]);
                let (y, after) = if m > 0 {
                    (parse_part(&s[n..n + m])?, n + m)
                } else {
                    (if s[n] == b'+' { 1.0 } else { -1.0 }, n + 1)
                };
                if !at_j(s, after) {
                    return None;
                }
                (C64::new(x, y), after + 1)
            }
            Some(b'j' | b'J') => (C64::new(0.0, x), n + 1),
            _ => (C64::new(x, 0.0), n),
        }
    } else {
        let (y, i) = match s.first() {
            Some(b'+') => (1.0, 1),
            Some(b'-') => (-1.0, 1),
            _ => (1.0, 0),
        };
        if !at_j(s, i) {
            return None;
        }
        (C64::new(0.0, y), i + 1)
    };
    (end == s.len()).then_some(z)
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn trim_bytes(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &s[start..end]
}

/// The text with `_` removed where it stands between two digits; None for any other `_`.
fn without_underscores(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == '_' {
            let digit_before = i > 0 && b[i - 1].is_ascii_digit();
            let digit_after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(digit_before && digit_after) {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Length of the float literal at the start of `s` (sign, digits with `.`, exponent, or
/// `inf`/`infinity`/`nan`); 0 when there is none.
fn float_prefix(s: &[u8]) -> usize {
    let mut i = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    let word =
        |w: &str| s.len() >= i + w.len() && s[i..i + w.len()].eq_ignore_ascii_case(w.as_bytes());
    for w in ["infinity", "inf", "nan"] {
        if word(w) {
            return i + w.len();
        }
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if s.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return 0;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    i
}

fn parse_part(s: &[u8]) -> Option<f64> {
    crate::numfmt::parse_float(core::str::from_utf8(s).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cpython_forms() {
        let ok = [
            ("1+2j", (1.0, 2.0)),
            ("  (1-2J) ", (1.0, -2.0)),
            ("j", (0.0, 1.0)),
            ("-j", (0.0, -1.0)),
            ("1+j", (1.0, 1.0)),
            ("2.5", (2.5, 0.0)),
            ("1e3j", (0.0, 1000.0)),
            ("-1e-2+1_0j", (-0.01, 10.0)),
            ("inf-infj", (f64::INFINITY, f64::NEG_INFINITY)),
            ("( 3 )", (3.0, 0.0)),
        ];
        for (text, (re, im)) in ok {
            assert_eq!(parse(text), Some(C64::new(re, im)), "{text}");
        }
        for bad in [
            "", "1 + 2j", "1+2", "(1+2j", "1+2jj", "1__0j", "_1j", "1e", "()", "j1", "1j+2",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn division_and_powers_follow_cpython() {
        let q = c_quot(C64::new(1.0, 0.0), C64::new(1.0, 2.0)).unwrap();
        assert_eq!(q, C64::new(0.2, -0.4));
        assert!(c_quot(C64::new(1.0, 1.0), C64::new(0.0, 0.0)).is_none());
        let p = c_pow(C64::new(0.0, 1.0), C64::new(2.0, 0.0)).ok().unwrap();
        assert_eq!(p, C64::new(-1.0, 0.0));
        assert!(matches!(
            c_pow(C64::new(0.0, 0.0), C64::new(-1.0, 0.0)),
            Err(PowError::ZeroToNegative)
        ));
        assert!(matches!(
            c_pow(C64::new(1e200, 1.0), C64::new(2.0, 0.0)),
            Err(PowError::Overflow)
        ));
    }
}
