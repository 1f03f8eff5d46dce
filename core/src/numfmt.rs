//! Number and string formatting with CPython 3.11 semantics.
//!
//! - `repr(float)`, `hash(float)`, `float(str)`;
//! - the format-spec mini-language used by `format()`, `str.format` and f-strings
//!   ([`FormatSpec`], [`format_int_i64`], [`format_bigint`], [`format_float`], [`format_str`]);
//! - printf-style `%` formatting ([`PercentSpec`] and the `percent_*` functions), which take
//!   values the VM has already converted (it does `str()`/`repr()` of objects).
//!
//! Float digits come from [`crate::floatfmt`] (shortest round-trip, or correctly rounded with
//! ties to even on the exact binary value, as CPython's dtoa); this module only lays them out.

#[cfg(any(feature = "bigint", feature = "float"))]
use crate::bigint::BigInt;
#[cfg(feature = "float")]
use crate::floatfmt;
#[cfg(feature = "float")]
use crate::intword::NumError;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Mersenne prime 2^61 - 1, the modulus of CPython's numeric hash.
#[cfg(feature = "float")]
const HASH_MODULUS: u64 = (1 << 61) - 1;
#[cfg(feature = "float")]
const HASH_BITS: u32 = 61;
/// CPython's hash(float('inf')).
#[cfg(feature = "float")]
const HASH_INF: i64 = 314_159;

// ---------------------------------------------------------------------------------------
// repr / hash / parse of floats
// ---------------------------------------------------------------------------------------

/// Appends Python's `repr(x)` (== `str(x)`): shortest round-trip digits, fixed notation for
/// decimal exponents in -4..16, otherwise `d.ddde+XX`.
#[cfg(feature = "float")]
pub fn float_repr(x: f64, out: &mut String) {
    if let Some(special) = non_finite_text(x, false) {
        out.push_str(special);
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let (digits, exp) = floatfmt::shortest(x);
    let use_exp = !(-4..16).contains(&exp);
    let layout = DecimalLayout {
        use_exp,
        trim_zeros: true,
        force_point: false,
        add_dot_0: true,
        upper: false,
    };
    layout.write(&digits, exp, out);
}

/// `repr(x)` as a new string.
#[cfg(feature = "float")]
pub fn float_repr_string(x: f64) -> String {
    let mut s = String::new();
    float_repr(x, &mut s);
    s
}

#[cfg(feature = "float")]
fn non_finite_text(x: f64, upper: bool) -> Option<&'static str> {
    match (x.is_nan(), x.is_infinite(), x < 0.0, upper) {
        (true, _, _, false) => Some("nan"),
        (true, _, _, true) => Some("NAN"),
        (_, true, false, false) => Some("inf"),
        (_, true, false, true) => Some("INF"),
        (_, true, true, false) => Some("-inf"),
        (_, true, true, true) => Some("-INF"),
        _ => None,
    }
}

/// How to lay out significant digits as text.
#[cfg(feature = "float")]
struct DecimalLayout {
    /// Exponent notation `d.ddde+XX` rather than fixed.
    use_exp: bool,
    /// Drop trailing zeros of the fraction (and a then-bare point).
    trim_zeros: bool,
    /// Always include a decimal point ('#' alternate form).
    force_point: bool,
    /// Fixed notation without a point gets ".0" (repr and format type None).
    add_dot_0: bool,
    upper: bool,
}

#[cfg(feature = "float")]
impl DecimalLayout {
    fn write(&self, digits: &[u8], exp: i32, out: &mut String) {
        let mut int_part = String::new();
        let mut frac = String::new();
        if self.use_exp {
            int_part.push(digits.first().copied().unwrap_or(b'0') as char);
            frac.extend(digits.iter().skip(1).map(|&d| d as char));
        } else if exp >= 0 {
            let split = exp as usize + 1;
            for i in 0..split {
                int_part.push(digits.get(i).copied().unwrap_or(b'0') as char);
            }
            frac.extend(digits.iter().skip(split).map(|&d| d as char));
        } else {
            int_part.push('0');
            frac.extend(core::iter::repeat_n('0', (-exp - 1) as usize));
            frac.extend(digits.iter().map(|&d| d as char));
        }
        if self.trim_zeros {
            let keep = frac.trim_end_matches('0').len();
            frac.truncate(keep);
        }
        out.push_str(&int_part);
        if !frac.is_empty() {
            out.push('.');
            out.push_str(&frac);
        } else if self.add_dot_0 && !self.use_exp {
            out.push_str(".0");
        } else if self.force_point {
            out.push('.');
        }
        if self.use_exp {
            push_exponent(exp, self.upper, out);
        }
    }
}

/// "e+05" / "E-123": at least two exponent digits, as C's printf.
#[cfg(feature = "float")]
fn push_exponent(exp: i32, upper: bool, out: &mut String) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let _ = core::fmt::Write::write_fmt(out, format_args!("{:02}", exp.unsigned_abs()));
}

/// CPython's `hash(float)`: the value mod 2^61-1 (so integral floats hash like ints),
/// +-314159 for infinities. NaN hashes to 0 (CPython 3.10+ uses the object identity; a fixed
/// value like older CPython and MicroPython is used here).
#[cfg(feature = "float")]
pub fn hash_f64(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // x = mant * 2^exp exactly.
    let (mant, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    // 2^61 == 1 (mod P), so multiplying by 2^exp is a rotation by exp mod 61 within 61 bits.
    let rot = exp.rem_euclid(HASH_BITS as i32) as u32;
    let h = mant % HASH_MODULUS;
    let h = if rot == 0 {
        h
    } else {
        ((h << rot) & HASH_MODULUS) | (h >> (HASH_BITS - rot))
    };
    let h = if h >= HASH_MODULUS {
        h - HASH_MODULUS
    } else {
        h
    } as i64;
    let h = if x < 0.0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python `float(text)`: surrounding whitespace, sign, `_` between digits, `inf`,
/// `infinity`, `nan` (any case). None when invalid. ASCII digits only.
#[cfg(feature = "float")]
pub fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let value = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        parse_decimal_float(body)?
    };
    Some(if neg { -value } else { value })
}

/// Validates `digits[.digits][e[sign]digits]` (underscores only between digits) and parses
/// it with the correctly rounded [`crate::floatparse::parse_f64`].
#[cfg(feature = "float")]
fn parse_decimal_float(body: &str) -> Option<f64> {
    let bytes = body.as_bytes();
    let mut clean = String::with_capacity(bytes.len());
    let mut i = 0;
    let int_digits = take_digit_run(bytes, &mut i, &mut clean)?;
    let mut frac_digits = 0;
    if bytes.get(i) == Some(&b'.') {
        clean.push('.');
        i += 1;
        frac_digits = take_digit_run(bytes, &mut i, &mut clean)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        clean.push('e');
        i += 1;
        if let Some(&sign @ (b'+' | b'-')) = bytes.get(i) {
            clean.push(sign as char);
            i += 1;
        }
        if take_digit_run(bytes, &mut i, &mut clean)? == 0 {
            return None;
        }
    }
    if i != bytes.len() {
        return None;
    }
    crate::floatparse::parse_f64(&clean)
}

/// Consumes digits with single underscores between them; returns the digit count, or None
/// for a misplaced underscore.
#[cfg(feature = "float")]
fn take_digit_run(bytes: &[u8], i: &mut usize, clean: &mut String) -> Option<usize> {
    let mut count = 0;
    while *i < bytes.len() {
        match bytes[*i] {
            c @ b'0'..=b'9' => {
                clean.push(c as char);
                count += 1;
            }
            b'_' if count > 0 && bytes.get(*i + 1).is_some_and(u8::is_ascii_digit) => {}
            b'_' => return None,
            _ => break,
        }
        *i += 1;
    }
    Some(count)
}

/// CPython's bounds beyond which `round(x, n)` returns x (or a signed zero) unchanged.
#[cfg(feature = "float")]
const ROUND_NDIGITS_MAX: i64 = 323;
#[cfg(feature = "float")]
const ROUND_NDIGITS_MIN: i64 = -308;

/// Python `round(x, ndigits)` for a float: x rounded to the nearest multiple of
/// 10^-ndigits, halfway cases to even, on the exact binary value (so round(2.675, 2) is
/// 2.67). OverflowError "rounded value too large to represent" when the result overflows.
#[cfg(feature = "float")]
pub fn round_f64(x: f64, ndigits: i64) -> Result<f64, NumError> {
    if !x.is_finite() || ndigits > ROUND_NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < ROUND_NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let rounded = if ndigits >= 0 {
        // The correctly rounded decimal, read back as "[-]<digits>e<power of the last digit>".
        let (digits, exp) = floatfmt::fraction(x, ndigits as usize);
        let mut text = String::from(if x.is_sign_negative() { "-" } else { "" });
        text.extend(digits.iter().map(|&d| d as char));
        let _ = core::fmt::Write::write_fmt(
            &mut text,
            format_args!("e{}", exp as i64 + 1 - digits.len() as i64),
        );
        crate::floatparse::parse_f64(&text).unwrap_or(x)
    } else {
        round_to_power_of_ten(x, (-ndigits) as u64)
    };
    if rounded.is_infinite() {
        return Err(NumError::Overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// Rounds finite x to a multiple of 10^k (k >= 1), ties to even, keeping the sign of x.
#[cfg(feature = "float")]
fn round_to_power_of_ten(x: f64, k: u64) -> f64 {
    let truncated = BigInt::from_f64(x.abs()).unwrap_or_default();
    let has_fraction = truncated.to_f64().is_ok_and(|t| t != x.abs());
    let unit = BigInt::from_u64(10).pow(k);
    let (mut q, r) = match truncated.divmod(&unit) {
        Ok(qr) => qr,
        Err(_) => return x,
    };
    let twice_r = r.shl(1).unwrap_or_default();
    let round_up = match twice_r.cmp(&unit) {
        core::cmp::Ordering::Greater => true,
        core::cmp::Ordering::Equal => has_fraction || q.bitand(&BigInt::one()) == BigInt::one(),
        core::cmp::Ordering::Less => false,
    };
    if round_up {
        q = q.add(&BigInt::one());
    }
    let magnitude = q.mul(&unit).to_f64().unwrap_or(f64::INFINITY);
    if x.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    }
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// `parts` joined into one String: how messages are built without `format!` (see
/// [`crate::vm::Vm::error_from_parts`]).
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        out.push_str(p);
    }
    out
}

/// A formatting error. `message(type_name)` gives CPython's exact text; `type_name` is the
/// Python type of the formatted object ("int", "float", "str", "bool", ...), used only by the
/// variants whose message names a type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FmtError {
    /// Leftover characters: "Invalid format specifier '<spec>' for object of type '<t>'".
    InvalidSpec(String),
    MissingPrecision,
    TooManyDigits,
    BothSeparators,
    /// A grouping separator with a type that does not allow it.
    SeparatorWithType {
        sep: char,
        code: char,
    },
    UnknownCode(char),
    PrecisionNotAllowedInt,
    SignNotAllowedWithC,
    AlternateNotAllowedWithC,
    NegZeroNotAllowedInt,
    SignNotAllowedStr,
    SpaceNotAllowedStr,
    AlternateNotAllowedStr,
    NegZeroNotAllowedStr,
    EqualsAlignStr,
    /// OverflowError: `%c` / `{:c}` code point out of range.
    CharOutOfRange,
    /// OverflowError: `{:c}` of an int beyond the C long range.
    CLongOverflow,
    /// OverflowError: an int formatted with a float type does not fit a float.
    IntTooLargeForFloat,
    // printf-style errors
    IncompleteFormat,
    IncompleteFormatKey,
    /// "unsupported format character 'y' (0x79) at index 1" (index in characters).
    UnsupportedChar {
        ch: char,
        index: usize,
    },
    WidthTooBig,
    /// A field width whose output could never fit in memory (MemoryError, not a crash).
    FieldTooWide,
    PrecisionTooBig,
    // printf-style TypeErrors, raised by the VM while matching arguments to directives.
    NotEnoughArguments,
    NotAllConverted,
    RequiresMapping,
    StarWantsInt,
    CharRequiresIntOrChar,
    /// `%d %i %u` of a non-number: "%d format: a real number is required, not str".
    RealNumberRequired(char),
    /// `%o %x %X` of a non-int: "%x format: an integer is required, not float".
    IntegerRequired(char),
    /// `%e %f %g` of a non-number: "must be real number, not str".
    FloatRequired,
}

/// Python exception class of a [`FmtError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FmtErrorKind {
    MemoryError,
    ValueError,
    OverflowError,
    TypeError,
}

impl FmtError {
    pub fn kind(&self) -> FmtErrorKind {
        match self {
            FmtError::CharOutOfRange | FmtError::CLongOverflow | FmtError::IntTooLargeForFloat => {
                FmtErrorKind::OverflowError
            }
            FmtError::NotEnoughArguments
            | FmtError::NotAllConverted
            | FmtError::RequiresMapping
            | FmtError::StarWantsInt
            | FmtError::CharRequiresIntOrChar
            | FmtError::RealNumberRequired(_)
            | FmtError::IntegerRequired(_)
            | FmtError::FloatRequired => FmtErrorKind::TypeError,
            FmtError::FieldTooWide => FmtErrorKind::MemoryError,
            _ => FmtErrorKind::ValueError,
        }
    }

    /// CPython's message; `type_name` is the formatted object's type.
    pub fn message(&self, type_name: &str) -> String {
        let fixed = match self {
            FmtError::InvalidSpec(spec) => {
                return format!(
                    "Invalid format specifier '{}' for object of type '{}'",
                    spec, type_name
                );
            }
            FmtError::SeparatorWithType { sep, code } => {
                return format!("Cannot specify '{}' with {}.", sep, quoted_code(*code));
            }
            FmtError::UnknownCode(c) => {
                return format!(
                    "Unknown format code {} for object of type '{}'",
                    quoted_code(*c),
                    type_name
                );
            }
            FmtError::UnsupportedChar { ch, index } => {
                return format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    printable_or_placeholder(*ch),
                    *ch as u32,
                    index
                );
            }
            FmtError::RealNumberRequired(conv) => {
                return format!(
                    "%{} format: a real number is required, not {}",
                    conv, type_name
                );
            }
            FmtError::IntegerRequired(conv) => {
                return format!(
                    "%{} format: an integer is required, not {}",
                    conv, type_name
                );
            }
            FmtError::FloatRequired => return format!("must be real number, not {}", type_name),
            // The rest are fixed texts, made a String in one place below.
            FmtError::MissingPrecision => "Format specifier missing precision",
            FmtError::TooManyDigits => "Too many decimal digits in format string",
            FmtError::BothSeparators => "Cannot specify both ',' and '_'.",
            FmtError::PrecisionNotAllowedInt => "Precision not allowed in integer format specifier",
            FmtError::SignNotAllowedWithC => "Sign not allowed with integer format specifier 'c'",
            FmtError::AlternateNotAllowedWithC => {
                "Alternate form (#) not allowed with integer format specifier 'c'"
            }
            FmtError::NegZeroNotAllowedInt => {
                "Negative zero coercion (z) not allowed in integer format specifier"
            }
            FmtError::SignNotAllowedStr => "Sign not allowed in string format specifier",
            FmtError::SpaceNotAllowedStr => "Space not allowed in string format specifier",
            FmtError::AlternateNotAllowedStr => {
                "Alternate form (#) not allowed in string format specifier"
            }
            FmtError::NegZeroNotAllowedStr => {
                "Negative zero coercion (z) not allowed in string format specifier"
            }
            FmtError::EqualsAlignStr => "'=' alignment not allowed in string format specifier",
            FmtError::CharOutOfRange => "%c arg not in range(0x110000)",
            FmtError::CLongOverflow => "Python int too large to convert to C long",
            FmtError::IntTooLargeForFloat => "int too large to convert to float",
            FmtError::IncompleteFormat => "incomplete format",
            FmtError::IncompleteFormatKey => "incomplete format key",
            FmtError::WidthTooBig => "width too big",
            FmtError::FieldTooWide => "field width too big for memory",
            FmtError::PrecisionTooBig => "precision too big",
            FmtError::NotEnoughArguments => "not enough arguments for format string",
            FmtError::NotAllConverted => "not all arguments converted during string formatting",
            FmtError::RequiresMapping => "format requires a mapping",
            FmtError::StarWantsInt => "* wants int",
            FmtError::CharRequiresIntOrChar => "%c requires int or char",
        };
        String::from(fixed)
    }
}

/// CPython quotes printable ASCII codes as 'c' and others as '\x<hex>'.
fn quoted_code(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        format!("'{}'", c)
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// CPython prints the offending character as is when in 31..=126, else '?'.
fn printable_or_placeholder(c: char) -> char {
    if ('\u{1f}'..='~').contains(&c) {
        c
    } else {
        '?'
    }
}

// ---------------------------------------------------------------------------------------
// Format-spec mini-language
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// '=': padding between the sign/prefix and the digits.
    AfterSign,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// '-' (default): only negative numbers get a sign.
    Minus,
    Plus,
    Space,
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (None: ' ' or '0' from the zero flag).
    pub fill: Option<char>,
    pub align: Option<Align>,
    /// None when no sign character was given (strings reject any sign, even '-').
    pub sign: Option<Sign>,
    /// 'z': negative zero results lose their sign (floats only).
    pub no_neg_zero: bool,
    pub alternate: bool,
    /// The '0' flag (only when no explicit fill).
    pub zero_pad: bool,
    pub width: usize,
    /// ',' or '_'.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn parse_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parses a run of decimal digits at `*pos` (the one digit parser of format specs and `%`
/// directives): `Ok(None)` when there is none, `Err(())` when the value exceeds `limit`.
pub(crate) fn parse_digits(
    bytes: &[u8],
    pos: &mut usize,
    limit: usize,
) -> Result<Option<usize>, ()> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(&c @ b'0'..=b'9') = bytes.get(*pos) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add((c - b'0') as usize))
            .filter(|&v| v <= limit)
            .ok_or(())?;
        *pos += 1;
    }
    Ok((*pos != start).then_some(value))
}

/// A width or precision of a format spec; Err(TooManyDigits) when it does not fit.
fn parse_count(bytes: &[u8], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    parse_digits(bytes, pos, isize::MAX as usize).map_err(|_| FmtError::TooManyDigits)
}

impl FormatSpec {
    /// Parses a format spec the way CPython's `parse_internal_render_format_spec` does,
    /// including its type-independent checks on grouping separators.
    pub fn parse(spec: &str) -> Result<FormatSpec, FmtError> {
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: None,
        };
        // The fill may be any character; everything after it up to the type is ASCII.
        let mut head = spec.chars();
        let (first, second) = (head.next(), head.next());
        let mut pos = 0;
        if let Some(align) = second.and_then(parse_align) {
            out.fill = first;
            out.align = Some(align);
            pos = first.map_or(0, char::len_utf8) + 1;
        } else if let Some(align) = first.and_then(parse_align) {
            out.align = Some(align);
            pos = 1;
        }
        let bytes = spec.as_bytes();
        out.sign = match bytes.get(pos) {
            Some(b'+') => Some(Sign::Plus),
            Some(b'-') => Some(Sign::Minus),
            Some(b' ') => Some(Sign::Space),
            _ => None,
        };
        pos += out.sign.is_some() as usize;
        if bytes.get(pos) == Some(&b'z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if bytes.get(pos) == Some(&b'#') {
            out.alternate = true;
            pos += 1;
        }
        if bytes.get(pos) == Some(&b'0') && out.fill.is_none() {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = parse_count(bytes, &mut pos)?.unwrap_or(0);
        if bytes.get(pos) == Some(&b',') {
            out.grouping = Some(',');
            pos += 1;
        }
        if bytes.get(pos) == Some(&b'_') {
            if out.grouping.is_some() {
                return Err(FmtError::BothSeparators);
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if bytes.get(pos) == Some(&b',') && out.grouping == Some('_') {
            return Err(FmtError::BothSeparators);
        }
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            out.precision = Some(parse_count(bytes, &mut pos)?.ok_or(FmtError::MissingPrecision)?);
        }
        if out.width > MAX_FIELD_WIDTH {
            return Err(FmtError::FieldTooWide);
        }
        let mut rest = spec[pos..].chars();
        out.ty = rest.next();
        if rest.next().is_some() {
            return Err(FmtError::InvalidSpec(spec.into()));
        }
        if let Some(sep) = out.grouping {
            let ok = match out.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => sep == '_',
                _ => false,
            };
            if !ok {
                return Err(FmtError::SeparatorWithType {
                    sep,
                    code: out.ty.unwrap_or('\0'),
                });
            }
        }
        Ok(out)
    }

    fn fill_char(&self) -> char {
        self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' })
    }

    fn numeric_align(&self) -> Align {
        self.align.unwrap_or(if self.zero_pad {
            Align::AfterSign
        } else {
            Align::Right
        })
    }

    fn sign_text(&self, neg: bool) -> &'static str {
        match (neg, self.sign) {
            (true, _) => "-",
            (false, Some(Sign::Plus)) => "+",
            (false, Some(Sign::Space)) => " ",
            _ => "",
        }
    }
}

/// A number split for layout: sign, prefix ("0x"), integer digits (grouped), and the rest
/// (fraction, exponent, '%', or "inf"/"nan").
struct NumberParts<'a> {
    sign: &'static str,
    prefix: &'a str,
    digits: &'a str,
    rest: &'a str,
    group_size: usize,
    /// Grouping applies (not to "inf"/"nan").
    groupable: bool,
}

/// Pads and groups a number following CPython's `calc_number_widths` / `fill_number`.
fn layout_number(parts: &NumberParts, spec: &FormatSpec) -> String {
    let fill = spec.fill_char();
    let align = spec.numeric_align();
    let lead = parts.sign.len() + parts.prefix.len();
    let rest_chars = parts.rest.chars().count();
    let digits = match spec.grouping.filter(|_| parts.groupable) {
        Some(sep) => {
            // A '0' fill with '=' alignment is done by grouping the padding too.
            let min_width = if fill == '0' && align == Align::AfterSign {
                spec.width.saturating_sub(lead + rest_chars)
            } else {
                0
            };
            group_digits(parts.digits, sep, parts.group_size, min_width)
        }
        None => String::from(parts.digits),
    };
    pad_fields(
        [parts.sign, parts.prefix, &digits, parts.rest],
        spec.width,
        fill,
        align,
    )
}

/// Joins `fields` (sign, prefix, digits, rest) padded with `fill` to `width` characters: the
/// one padding routine of format specs, `%` directives and plain text. `Align::AfterSign` pads
/// between the prefix and the digits.
fn pad_fields(fields: [&str; 4], width: usize, fill: char, align: Align) -> String {
    let used: usize = fields.iter().map(|f| f.chars().count()).sum();
    let pad = width.saturating_sub(used);
    let (before, middle, after) = match align {
        Align::Left => (0, 0, pad),
        Align::Right => (pad, 0, 0),
        Align::Center => (pad / 2, 0, pad - pad / 2),
        Align::AfterSign => (0, pad, 0),
    };
    let [sign, prefix, digits, rest] = fields;
    let mut out =
        String::with_capacity(sign.len() + prefix.len() + digits.len() + rest.len() + pad);
    let push_fill = |out: &mut String, n: usize| out.extend(core::iter::repeat_n(fill, n));
    push_fill(&mut out, before);
    out.push_str(sign);
    out.push_str(prefix);
    push_fill(&mut out, middle);
    out.push_str(digits);
    out.push_str(rest);
    push_fill(&mut out, after);
    out
}

/// Inserts `sep` every `size` digits from the right, zero-extending to at least `min_width`
/// characters (never starting with a separator).
fn group_digits(digits: &str, sep: char, size: usize, min_width: usize) -> String {
    let src = digits.as_bytes();
    let mut rev: Vec<u8> = Vec::with_capacity(src.len() * 2 + min_width);
    let mut in_group = 0;
    let mut i = src.len();
    loop {
        let have_digit = i > 0;
        if !have_digit && rev.len() >= min_width {
            break;
        }
        if in_group == size {
            rev.push(sep as u8);
            in_group = 0;
        }
        if have_digit {
            i -= 1;
            rev.push(src[i]);
        } else {
            rev.push(b'0');
        }
        in_group += 1;
    }
    rev.iter().rev().map(|&b| b as char).collect()
}

/// The printf-style conversion characters; `%e %f %g` only with floats (MicroPython without
/// floats calls them unsupported format characters too).
#[cfg(feature = "float")]
const PERCENT_CONVERSIONS: &str = "diouxXeEfFgGcrsa";
#[cfg(not(feature = "float"))]
const PERCENT_CONVERSIONS: &str = "diouxXcrsa";

/// A formattable integer: small or big.
#[derive(Clone)]
enum IntValue {
    Small(i64),
    #[cfg(any(feature = "bigint", feature = "float"))]
    Big(BigInt),
}

impl IntValue {
    fn is_negative(&self) -> bool {
        match self {
            IntValue::Small(v) => *v < 0,
            #[cfg(any(feature = "bigint", feature = "float"))]
            IntValue::Big(b) => b.is_negative(),
        }
    }

    /// Digits of |value| in radix 2, 8, 10 or 16 (lowercase).
    fn magnitude_digits(&self, radix: u32) -> String {
        match self {
            IntValue::Small(v) => crate::intword::radix_digits(v.unsigned_abs(), radix),
            #[cfg(any(feature = "bigint", feature = "float"))]
            IntValue::Big(b) if radix == 10 => b.magnitude_decimal(),
            #[cfg(any(feature = "bigint", feature = "float"))]
            IntValue::Big(b) => {
                let s = b.to_string_radix(radix);
                String::from(s.trim_start_matches('-'))
            }
        }
    }

    #[cfg(feature = "float")]
    fn to_f64(&self) -> Result<f64, FmtError> {
        match self {
            IntValue::Small(v) => Ok(*v as f64),
            IntValue::Big(b) => b.to_f64().map_err(|_| FmtError::IntTooLargeForFloat),
        }
    }

    fn to_char(&self) -> Result<char, FmtError> {
        match self {
            IntValue::Small(v) => char_from_code(*v),
            #[cfg(any(feature = "bigint", feature = "float"))]
            IntValue::Big(b) => char_from_code(b.to_i64().ok_or(FmtError::CLongOverflow)?),
        }
    }
}

/// The character for `%c` / `{:c}`; code points outside 0..0x110000 (and lone surrogates,
/// which Rust strings cannot hold) are an OverflowError.
pub fn char_from_code(code: i64) -> Result<char, FmtError> {
    u32::try_from(code)
        .ok()
        .and_then(char::from_u32)
        .ok_or(FmtError::CharOutOfRange)
}

/// `format(v, spec)` for an int that fits i64.
pub fn format_int_i64(v: i64, spec: &FormatSpec) -> Result<String, FmtError> {
    format_integer(IntValue::Small(v), spec)
}

/// `format(v, spec)` for a big int.
#[cfg(any(feature = "bigint", feature = "float"))]
pub fn format_bigint(v: &BigInt, spec: &FormatSpec) -> Result<String, FmtError> {
    match v.to_i64() {
        Some(small) => format_integer(IntValue::Small(small), spec),
        None => format_integer(IntValue::Big(v.clone()), spec),
    }
}

fn format_integer(v: IntValue, spec: &FormatSpec) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('d');
    let (radix, prefix) = match ty {
        #[cfg(feature = "float")]
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(v.to_f64()?, spec),
        'd' | 'n' | 'c' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        other => return Err(FmtError::UnknownCode(other)),
    };
    if spec.precision.is_some() {
        return Err(FmtError::PrecisionNotAllowedInt);
    }
    if spec.no_neg_zero {
        return Err(FmtError::NegZeroNotAllowedInt);
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FmtError::SignNotAllowedWithC);
        }
        if spec.alternate {
            return Err(FmtError::AlternateNotAllowedWithC);
        }
        let mut text = String::new();
        text.push(v.to_char()?);
        let parts = NumberParts {
            sign: "",
            prefix: "",
            digits: "",
            rest: &text,
            group_size: 3,
            groupable: false,
        };
        return Ok(layout_number(&parts, spec));
    }
    let mut digits = v.magnitude_digits(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        sign: spec.sign_text(v.is_negative()),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
        group_size: if radix == 10 { 3 } else { 4 },
        groupable: true,
    };
    Ok(layout_number(&parts, spec))
}

/// The most digits after the point a float is formatted with: `core::fmt`'s limit (its
/// precision is a `u16`). CPython allows up to 2**31 - 1; beyond this both say "precision too
/// big" (a fuzzer found `format(0.0, ".7891234567891234561f")` reaching `core::fmt`'s panic).
#[cfg(feature = "float")]
const MAX_FLOAT_PRECISION: usize = u16::MAX as usize;

/// The widest field formatted: its padding is built in one piece of memory, and a board's whole
/// heap is far smaller, so wider fields raise MemoryError instead of failing an allocation (a
/// fuzzer found `"%01147941701.3g" % 1.0` building a gigabyte string).
pub const MAX_FIELD_WIDTH: usize = 1 << 20;

/// `format(x, spec)` for a float.
#[cfg(feature = "float")]
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    if spec.precision.is_some_and(|p| p > MAX_FLOAT_PRECISION) {
        return Err(FmtError::PrecisionTooBig);
    }
    let ty = spec.ty;
    if !matches!(
        ty,
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')
    ) {
        return Err(FmtError::UnknownCode(ty.unwrap_or('\0')));
    }
    let neg = x.is_sign_negative() && !x.is_nan();
    let mut body = String::new();
    float_body(x.abs(), ty, spec.precision, spec.alternate, &mut body);
    let neg = neg && !(spec.no_neg_zero && is_zero_text(&body));
    let finite = x.is_finite();
    let int_len = if finite {
        body.bytes().take_while(u8::is_ascii_digit).count()
    } else {
        0
    };
    let (digits, rest) = body.split_at(int_len);
    let parts = NumberParts {
        sign: spec.sign_text(neg),
        prefix: "",
        digits,
        rest,
        group_size: 3,
        groupable: finite,
    };
    Ok(layout_number(&parts, spec))
}

/// The unsigned text of |x| for a float presentation type (None = str()-like).
#[cfg(feature = "float")]
fn float_body(
    ax: f64,
    ty: Option<char>,
    precision: Option<usize>,
    alternate: bool,
    out: &mut String,
) {
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    if !ax.is_finite() {
        out.push_str(non_finite_text(ax, upper).unwrap_or("nan"));
        if ty == Some('%') {
            out.push('%');
        }
        return;
    }
    match ty {
        Some('e' | 'E') => exp_text(ax, precision.unwrap_or(6), alternate, upper, out),
        Some('f' | 'F') => fixed_text(ax, precision.unwrap_or(6), alternate, out),
        Some('%') => {
            fixed_text(ax * 100.0, precision.unwrap_or(6), alternate, out);
            out.push('%');
        }
        Some('g' | 'G' | 'n') => {
            general_text(ax, precision.unwrap_or(6), alternate, false, upper, out)
        }
        _ => match precision {
            Some(p) => general_text(ax, p, alternate, true, false, out),
            None => {
                let (digits, exp) = floatfmt::shortest(ax);
                let use_exp = !(-4..16).contains(&exp);
                let layout = DecimalLayout {
                    use_exp,
                    trim_zeros: true,
                    force_point: alternate,
                    add_dot_0: true,
                    upper: false,
                };
                layout.write(&digits, exp, out);
            }
        },
    }
}

/// True when a formatted number's mantissa has no nonzero digit (it rounded to zero).
#[cfg(feature = "float")]
fn is_zero_text(body: &str) -> bool {
    let mantissa = body.split(['e', 'E']).next().unwrap_or("");
    !mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) && mantissa.bytes().any(|b| b == b'0')
}

/// 'e' presentation.
#[cfg(feature = "float")]
fn exp_text(ax: f64, precision: usize, alternate: bool, upper: bool, out: &mut String) {
    let (digits, exp) = floatfmt::significant(ax, precision + 1);
    let layout = DecimalLayout {
        use_exp: true,
        trim_zeros: false,
        force_point: alternate,
        add_dot_0: false,
        upper,
    };
    layout.write(&digits, exp, out);
}

/// 'f' presentation.
#[cfg(feature = "float")]
fn fixed_text(ax: f64, precision: usize, alternate: bool, out: &mut String) {
    let (digits, exp) = floatfmt::fraction(ax, precision);
    let layout = DecimalLayout {
        use_exp: false,
        trim_zeros: false,
        force_point: alternate,
        add_dot_0: false,
        upper: false,
    };
    layout.write(&digits, exp, out);
}

/// 'g' presentation; `add_dot_0` gives the variant used when no type is given.
#[cfg(feature = "float")]
fn general_text(
    ax: f64,
    precision: usize,
    alternate: bool,
    add_dot_0: bool,
    upper: bool,
    out: &mut String,
) {
    let p = precision.max(1);
    let (digits, exp) = floatfmt::significant(ax, p);
    // CPython: exponent form when decpt <= -4 or decpt > p (p - 1 with add_dot_0).
    let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
    let use_exp = exp < -4 || exp as i64 >= limit;
    let layout = DecimalLayout {
        use_exp,
        trim_zeros: !alternate,
        force_point: alternate,
        add_dot_0,
        upper,
    };
    layout.write(&digits, exp, out);
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FmtError> {
    // CPython checks the separator at parse time, with 's' as the default type for str.
    if let (Some(sep), None) = (spec.grouping, spec.ty) {
        return Err(FmtError::SeparatorWithType { sep, code: 's' });
    }
    match spec.ty {
        None | Some('s') => {}
        Some(other) => return Err(FmtError::UnknownCode(other)),
    }
    match spec.sign {
        Some(Sign::Space) => return Err(FmtError::SpaceNotAllowedStr),
        Some(_) => return Err(FmtError::SignNotAllowedStr),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FmtError::NegZeroNotAllowedStr);
    }
    if spec.alternate {
        return Err(FmtError::AlternateNotAllowedStr);
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(FmtError::EqualsAlignStr);
    }
    let text = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((end, _)) => &s[..end],
            None => s,
        },
        None => s,
    };
    Ok(pad_text(
        text,
        spec.width,
        spec.fill_char(),
        spec.align.unwrap_or(Align::Left),
    ))
}

/// Pads `text` to `width` characters.
pub(crate) fn pad_text(text: &str, width: usize, fill: char, align: Align) -> String {
    pad_fields(["", "", text, ""], width, fill, align)
}

// ---------------------------------------------------------------------------------------
// printf-style formatting
// ---------------------------------------------------------------------------------------

/// A width or precision in a `%` directive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    Fixed(usize),
    /// '*': taken from the next argument (see [`PercentSpec::set_star_width`]).
    Star,
}

/// One parsed `%[(key)][flags][width][.precision][length]type` directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec<'a> {
    /// The mapping key of `%(key)s`.
    pub key: Option<&'a str>,
    /// '-' flag.
    pub left: bool,
    /// '+' flag.
    pub plus: bool,
    /// ' ' flag.
    pub space: bool,
    /// '#' flag.
    pub alternate: bool,
    /// '0' flag.
    pub zero: bool,
    pub width: Option<PercentCount>,
    pub precision: Option<PercentCount>,
    /// Conversion character; '%' only for a literal "%%".
    pub conv: char,
}

impl<'a> PercentSpec<'a> {
    /// Parses the directive starting at byte `start` (which must be a '%') of `fmt`.
    /// Returns the spec and the byte index just after it.
    pub fn parse(fmt: &'a str, start: usize) -> Result<(PercentSpec<'a>, usize), FmtError> {
        let bytes = fmt.as_bytes();
        if bytes.get(start) != Some(&b'%') {
            return Err(FmtError::IncompleteFormat);
        }
        let mut pos = start + 1;
        let mut spec = PercentSpec {
            key: None,
            left: false,
            plus: false,
            space: false,
            alternate: false,
            zero: false,
            width: None,
            precision: None,
            conv: '%',
        };
        if bytes.get(pos) == Some(&b'%') {
            return Ok((spec, pos + 1));
        }
        if bytes.get(pos) == Some(&b'(') {
            let (key, end) = parse_mapping_key(fmt, pos)?;
            spec.key = Some(key);
            pos = end;
        }
        while let Some(&c) = bytes.get(pos) {
            match c {
                b'-' => spec.left = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alternate = true,
                b'0' => spec.zero = true,
                _ => break,
            }
            pos += 1;
        }
        spec.width = parse_percent_count(bytes, &mut pos, FmtError::WidthTooBig)?;
        if matches!(spec.width, Some(PercentCount::Fixed(w)) if w > MAX_FIELD_WIDTH) {
            return Err(FmtError::FieldTooWide);
        }
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            let precision = parse_percent_count(bytes, &mut pos, FmtError::PrecisionTooBig)?;
            spec.precision = Some(precision.unwrap_or(PercentCount::Fixed(0)));
        }
        while matches!(bytes.get(pos), Some(b'h' | b'l' | b'L')) {
            pos += 1;
        }
        let conv = fmt
            .get(pos..)
            .and_then(|rest| rest.chars().next())
            .ok_or(FmtError::IncompleteFormat)?;
        // A byte test: `str::contains(char)` with a non-constant char links core's two-way
        // substring searcher (1 KB on thumb) for the non-ASCII case.
        if !(conv.is_ascii() && PERCENT_CONVERSIONS.as_bytes().contains(&(conv as u8))) {
            let index = fmt.get(..pos).map_or(0, |head| head.chars().count());
            return Err(FmtError::UnsupportedChar { ch: conv, index });
        }
        spec.conv = conv;
        Ok((spec, pos + conv.len_utf8()))
    }

    /// Applies a '*' width taken from an argument (negative means left-justify).
    pub fn set_star_width(&mut self, value: i64) {
        if value < 0 {
            self.left = true;
        }
        self.width = Some(PercentCount::Fixed(value.unsigned_abs() as usize));
    }

    /// Applies a '*' precision taken from an argument (negative counts as 0).
    pub fn set_star_precision(&mut self, value: i64) {
        self.precision = Some(PercentCount::Fixed(value.max(0) as usize));
    }

    /// A precision `percent_format_f64` refuses (as `format_float` does): its digits would be
    /// built in one piece of memory.
    #[cfg(feature = "float")]
    pub fn float_precision_too_big(&self) -> bool {
        self.precision_value()
            .is_some_and(|p| p > MAX_FLOAT_PRECISION)
    }

    fn width_value(&self) -> usize {
        match self.width {
            Some(PercentCount::Fixed(w)) => w,
            _ => 0,
        }
    }

    fn precision_value(&self) -> Option<usize> {
        match self.precision {
            Some(PercentCount::Fixed(p)) => Some(p),
            _ => None,
        }
    }

    fn sign_text(&self, neg: bool) -> &'static str {
        if neg {
            "-"
        } else if self.plus {
            "+"
        } else if self.space {
            " "
        } else {
            ""
        }
    }

    /// Sign, prefix and body padded to the width: '-' pads right with spaces, '0' pads
    /// between sign/prefix and body with zeros, otherwise spaces on the left.
    fn pad_number(&self, sign: &str, prefix: &str, body: &str) -> String {
        let (fill, align) = if self.left {
            (' ', Align::Left)
        } else if self.zero {
            ('0', Align::AfterSign)
        } else {
            (' ', Align::Right)
        };
        pad_fields([sign, prefix, body, ""], self.width_value(), fill, align)
    }
}

/// Parses "(key)" with nested parentheses; returns the key and the index after ')'.
fn parse_mapping_key(fmt: &str, open: usize) -> Result<(&str, usize), FmtError> {
    let bytes = fmt.as_bytes();
    let mut depth = 1;
    let mut pos = open + 1;
    while depth > 0 {
        match bytes.get(pos) {
            None => return Err(FmtError::IncompleteFormatKey),
            Some(b'(') => depth += 1,
            Some(b')') => depth -= 1,
            _ => {}
        }
        pos += 1;
    }
    Ok((&fmt[open + 1..pos - 1], pos))
}

/// A width or precision of a `%` directive: a count, or '*' (taken from an argument).
fn parse_percent_count(
    bytes: &[u8],
    pos: &mut usize,
    too_big: FmtError,
) -> Result<Option<PercentCount>, FmtError> {
    if bytes.get(*pos) == Some(&b'*') {
        *pos += 1;
        return Ok(Some(PercentCount::Star));
    }
    match parse_digits(bytes, pos, i32::MAX as usize) {
        Ok(count) => Ok(count.map(PercentCount::Fixed)),
        Err(()) => Err(too_big),
    }
}

/// `%d %i %u %o %x %X` of an i64.
pub fn percent_format_i64(v: i64, spec: &PercentSpec) -> String {
    percent_format_integer(IntValue::Small(v), spec)
}

/// `%d %i %u %o %x %X` of a big int.
#[cfg(any(feature = "bigint", feature = "float"))]
pub fn percent_format_bigint(v: &BigInt, spec: &PercentSpec) -> String {
    match v.to_i64() {
        Some(small) => percent_format_integer(IntValue::Small(small), spec),
        None => percent_format_integer(IntValue::Big(v.clone()), spec),
    }
}

fn percent_format_integer(v: IntValue, spec: &PercentSpec) -> String {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude_digits(radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision_value() {
        digits = pad_text(&digits, p, '0', Align::Right);
    }
    let prefix = if spec.alternate { prefix } else { "" };
    spec.pad_number(spec.sign_text(v.is_negative()), prefix, &digits)
}

/// `%e %E %f %F %g %G` of a float.
#[cfg(feature = "float")]
pub fn percent_format_f64(x: f64, spec: &PercentSpec) -> String {
    let neg = x.is_sign_negative() && !x.is_nan();
    let ax = x.abs();
    let upper = spec.conv.is_ascii_uppercase();
    let precision = spec.precision_value().unwrap_or(6);
    let mut body = String::new();
    if !ax.is_finite() {
        body.push_str(non_finite_text(ax, upper).unwrap_or("nan"));
    } else {
        match spec.conv {
            'e' | 'E' => exp_text(ax, precision, spec.alternate, upper, &mut body),
            'f' | 'F' => fixed_text(ax, precision, spec.alternate, &mut body),
            _ => general_text(ax, precision, spec.alternate, false, upper, &mut body),
        }
    }
    spec.pad_number(spec.sign_text(neg), "", &body)
}

/// `%s %r %a` of already-converted text: precision truncates, width pads with spaces.
pub fn percent_format_str(text: &str, spec: &PercentSpec) -> String {
    let text = match spec.precision_value() {
        Some(p) => match text.char_indices().nth(p) {
            Some((end, _)) => &text[..end],
            None => text,
        },
        None => text,
    };
    let align = if spec.left { Align::Left } else { Align::Right };
    pad_text(text, spec.width_value(), ' ', align)
}

/// `%c` of a character (the VM resolves ints with [`char_from_code`]).
pub fn percent_format_char(c: char, spec: &PercentSpec) -> String {
    let mut buf = [0u8; 4];
    let align = if spec.left { Align::Left } else { Align::Right };
    pad_text(c.encode_utf8(&mut buf), spec.width_value(), ' ', align)
}

// The tests compare floats and ints with CPython side by side; they run with the `float` feature.
#[cfg(all(test, feature = "float"))]
mod tests {
    use super::*;
    use crate::bigint::tests::{compare, run_python, Rng};
    use alloc::string::ToString;

    const PY_NUMFMT: &str = r#"
import sys, struct
sys.set_int_max_str_digits(0)
def f(h): return struct.unpack('<d', struct.pack('<Q', int(h, 16)))[0]
def t(h): return bytes.fromhex(h).decode() if h != '-' else ''
def run(g):
    try: return g()
    except Exception as e: return 'ERR %s: %s' % (type(e).__name__, e)
out = []
for line in open(sys.argv[1]):
    kind, *a = line.split()
    if kind == 'repr': r = repr(f(a[0]))
    elif kind == 'hash':
        x = f(a[0]); r = str(0 if x != x else hash(x))
    elif kind == 'parse': r = run(lambda: repr(float(t(a[0]))))
    elif kind == 'ffloat': r = run(lambda: format(f(a[1]), t(a[0])))
    elif kind == 'fint': r = run(lambda: format(int(a[1]), t(a[0])))
    elif kind == 'fstr': r = run(lambda: format(t(a[1]), t(a[0])))
    elif kind == 'pint': r = run(lambda: t(a[0]) % int(a[1]))
    elif kind == 'pfloat': r = run(lambda: t(a[0]) % f(a[1]))
    elif kind == 'pstr': r = run(lambda: t(a[0]) % t(a[1]))
    elif kind == 'round': r = run(lambda: '%x' % struct.unpack('<Q', struct.pack('<d', round(f(a[0]), int(a[1]))))[0])
    out.append(r)
sys.stdout.write(''.join(x.replace('\n', '\\n').replace('\r', '\\r') + '\n' for x in out))
"#;

    fn hex_text(s: &str) -> String {
        if s.is_empty() {
            return "-".to_string();
        }
        s.bytes().map(|b| format!("{:02x}", b)).collect()
    }

    fn random_f64(rng: &mut Rng) -> f64 {
        match rng.below(10) {
            // 53-bit integers over a small power of two: short exact decimals, so 16- and
            // 17-digit repr ties are common.
            9 => (rng.next() >> 11) as f64 / (1u64 << (1 + rng.below(12))) as f64,
            0 => f64::from_bits(rng.next()),
            1 => (rng.next() as i64 >> rng.below(64)) as f64,
            2 => (rng.next() as i64 >> rng.below(60)) as f64 / 2.0,
            3 => f64::from_bits(rng.next() & 0x000f_ffff_ffff_ffff),
            4 => [
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                1e16,
                1e-5,
                0.0001,
                123456789012345.0,
            ][rng.below(9) as usize],
            5 => {
                (rng.below(2_000_000) as f64 - 1e6)
                    / [1.0, 8.0, 1000.0, 1e4, 1e7][rng.below(5) as usize]
            }
            6 => (rng.below(100) as f64 + 0.5) / [1.0, 10.0, 100.0, 1000.0][rng.below(4) as usize],
            7 => f64::from_bits(rng.next()) % 1e25,
            _ => (rng.next() as f64) * [1.0, 1e20, 1e100, 1e-5, 1e-300][rng.below(5) as usize],
        }
    }

    fn err_text(e: &FmtError, type_name: &str) -> String {
        let kind = match e.kind() {
            FmtErrorKind::MemoryError => "MemoryError",
            FmtErrorKind::ValueError => "ValueError",
            FmtErrorKind::OverflowError => "OverflowError",
            FmtErrorKind::TypeError => "TypeError",
        };
        format!("ERR {}: {}", kind, e.message(type_name))
    }

    fn random_spec(rng: &mut Rng, types: &[&str]) -> String {
        let mut s = String::new();
        let pick = |rng: &mut Rng, options: &[&str]| {
            options[rng.below(options.len() as u64) as usize].to_string()
        };
        s += &pick(
            rng,
            &["", "", "", "<", ">", "^", "=", "*<", "0>", "é^", "x=", "0="],
        );
        s += &pick(rng, &["", "", "+", "-", " "]);
        if rng.below(10) == 0 {
            s.push('z');
        }
        if rng.below(5) == 0 {
            s.push('#');
        }
        if rng.below(4) == 0 {
            s.push('0');
        }
        s += &pick(rng, &["", "", "1", "5", "8", "10", "13", "25"]);
        s += &pick(rng, &["", "", "", ",", "_"]);
        s += &pick(
            rng,
            &[
                "", "", ".0", ".1", ".2", ".3", ".6", ".12", ".17", ".25", ".60",
            ],
        );
        s += &pick(rng, types);
        if rng.below(20) == 0 {
            // Malformed specs exercise the parser's errors.
            s = pick(
                rng,
                &[
                    ".",
                    "..",
                    "5.",
                    ",,",
                    "_,",
                    ",_",
                    "__",
                    "xx",
                    "9999999999999999999999",
                    "=",
                    "z",
                    ".f",
                    "\u{1}",
                    ",é",
                    "_c",
                ],
            );
        }
        s
    }

    #[test]
    fn numfmt_differential_against_cpython() {
        let mut rng = Rng(0xf10a7);
        let mut cases: Vec<String> = Vec::new();
        let mut got: Vec<String> = Vec::new();
        let float_types = ["", "", "e", "E", "f", "F", "g", "G", "n", "%", "d", "s"];
        let int_types = [
            "", "", "d", "b", "o", "x", "X", "c", "n", "e", "f", "g", "%", "s",
        ];
        let str_types = ["", "", "s", "d"];
        for _ in 0..16000 {
            let x = random_f64(&mut rng);
            let bits = format!("{:x}", x.to_bits());
            cases.push(format!("repr {}", bits));
            got.push(float_repr_string(x));
            cases.push(format!("hash {}", bits));
            got.push(hash_f64(x).to_string());

            let spec = random_spec(&mut rng, &float_types);
            cases.push(format!("ffloat {} {}", hex_text(&spec), bits));
            got.push(
                match FormatSpec::parse(&spec).and_then(|s| format_float(x, &s)) {
                    Ok(v) => v,
                    Err(e) => err_text(&e, "float"),
                },
            );

            let v: i64 = match rng.below(4) {
                0 => rng.below(200) as i64 - 100,
                1 => rng.next() as i64 >> rng.below(64),
                _ => (rng.next() as i64 >> rng.below(64)) % 100000,
            };
            // Lone surrogates cannot be Rust chars (a documented divergence for {:c}).
            let v = if (0xd800..0xe000).contains(&v) {
                v + 0x800
            } else {
                v
            };
            let big =
                BigInt::from_i64(v).mul(&BigInt::from_i64(rng.next() as i64 >> rng.below(64)));
            let spec = random_spec(&mut rng, &int_types);
            let parsed = FormatSpec::parse(&spec);
            cases.push(format!("fint {} {}", hex_text(&spec), v));
            got.push(match parsed.clone().and_then(|s| format_int_i64(v, &s)) {
                Ok(v) => v,
                Err(e) => err_text(&e, "int"),
            });
            cases.push(format!("fint {} {}", hex_text(&spec), big));
            got.push(match parsed.and_then(|s| format_bigint(&big, &s)) {
                Ok(v) => v,
                Err(e) => err_text(&e, "int"),
            });

            let text = ["", "a", "héllo", "abc def", "€uro", "0123456789"][rng.below(6) as usize];
            let spec = random_spec(&mut rng, &str_types);
            cases.push(format!("fstr {} {}", hex_text(&spec), hex_text(text)));
            got.push(
                match FormatSpec::parse(&spec).and_then(|s| format_str(text, &s)) {
                    Ok(v) => v,
                    Err(e) => err_text(&e, "str"),
                },
            );

            let text = random_float_text(&mut rng, x);
            cases.push(format!("parse {}", hex_text(&text)));
            got.push(match parse_float(&text) {
                Some(v) => float_repr_string(v),
                None => format!(
                    "ERR ValueError: could not convert string to float: {}",
                    py_repr(&text)
                ),
            });

            percent_cases(&mut rng, x, v, &big, &mut cases, &mut got);

            let ndigits =
                [rng.below(40) as i64 - 20, -308, -309, 323, 324, 0, -1][rng.below(7) as usize];
            cases.push(format!("round {} {}", bits, ndigits));
            got.push(match round_f64(x, ndigits) {
                Ok(r) => format!("{:x}", r.to_bits()),
                Err(e) => format!("ERR {}: {}", e.exception_name(), e.message()),
            });
        }
        let expected = run_python("numfmt", PY_NUMFMT, &(cases.join("\n") + "\n"));
        compare(&cases, &got, &expected);
    }

    fn py_repr(s: &str) -> String {
        let mut out = String::new();
        crate::intword::repr_str_into(s, &mut out);
        out
    }

    fn random_float_text(rng: &mut Rng, x: f64) -> String {
        if rng.below(3) == 0 {
            return float_repr_string(x);
        }
        let pieces = [
            "1", "0", "5", "9", "_", ".", "e", "E", "-", "+", " ", "inf", "nan", "Infinity", "iNF",
            "x", "00", "7",
        ];
        let mut s = String::new();
        for _ in 0..1 + rng.below(7) {
            s += pieces[rng.below(pieces.len() as u64) as usize];
        }
        s
    }

    fn percent_directive(rng: &mut Rng, convs: &[char]) -> String {
        let mut s = String::from("%");
        for flag in ["-", "+", " ", "#", "0"] {
            if rng.below(5) == 0 {
                s += flag;
            }
        }
        s += ["", "", "1", "6", "12"][rng.below(5) as usize];
        s += ["", "", ".", ".0", ".1", ".3", ".8", ".20"][rng.below(8) as usize];
        s.push(convs[rng.below(convs.len() as u64) as usize]);
        s
    }

    fn percent_one(fmt: &str, format: impl Fn(&PercentSpec) -> Result<String, FmtError>) -> String {
        match PercentSpec::parse(fmt, 0) {
            Ok((spec, end)) if end == fmt.len() => match format(&spec) {
                Ok(v) => v,
                Err(e) => err_text(&e, "int"),
            },
            Ok(_) => "ERR parse did not consume the directive".to_string(),
            Err(e) => err_text(&e, "str"),
        }
    }

    fn percent_cases(
        rng: &mut Rng,
        x: f64,
        v: i64,
        big: &BigInt,
        cases: &mut Vec<String>,
        got: &mut Vec<String>,
    ) {
        let fmt = percent_directive(rng, &['d', 'i', 'u', 'o', 'x', 'X']);
        cases.push(format!("pint {} {}", hex_text(&fmt), v));
        got.push(percent_one(&fmt, |s| Ok(percent_format_i64(v, s))));
        cases.push(format!("pint {} {}", hex_text(&fmt), big));
        got.push(percent_one(&fmt, |s| Ok(percent_format_bigint(big, s))));

        let fmt = percent_directive(rng, &['e', 'E', 'f', 'F', 'g', 'G']);
        cases.push(format!("pfloat {} {:x}", hex_text(&fmt), x.to_bits()));
        got.push(percent_one(&fmt, |s| Ok(percent_format_f64(x, s))));

        let code = [65, 0x20ac, 0x10ffff, 0x110000, -1][rng.below(5) as usize];
        let fmt = percent_directive(rng, &['c']);
        cases.push(format!("pint {} {}", hex_text(&fmt), code));
        got.push(percent_one(&fmt, |s| {
            char_from_code(code).map(|c| percent_format_char(c, s))
        }));

        let text = ["", "a", "héllo", "it's"][rng.below(4) as usize];
        let fmt = percent_directive(rng, &['s', 'r']);
        cases.push(format!("pstr {} {}", hex_text(&fmt), hex_text(text)));
        let converted = if fmt.ends_with('r') {
            py_repr(text)
        } else {
            text.to_string()
        };
        got.push(percent_one(&fmt, |s| Ok(percent_format_str(&converted, s))));
    }

    fn fmt_f(x: f64, spec: &str) -> String {
        FormatSpec::parse(spec)
            .and_then(|s| format_float(x, &s))
            .unwrap_or_else(|e| e.message("float"))
    }

    fn fmt_i(v: i64, spec: &str) -> String {
        FormatSpec::parse(spec)
            .and_then(|s| format_int_i64(v, &s))
            .unwrap_or_else(|e| e.message("int"))
    }

    fn fmt_s(v: &str, spec: &str) -> String {
        FormatSpec::parse(spec)
            .and_then(|s| format_str(v, &s))
            .unwrap_or_else(|e| e.message("str"))
    }

    fn pct(fmt: &str, value: f64) -> String {
        let (spec, end) = PercentSpec::parse(fmt, 0).expect("valid directive");
        assert_eq!(end, fmt.len());
        match spec.conv {
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => percent_format_i64(value as i64, &spec),
            'c' => percent_format_char(char_from_code(value as i64).expect("code"), &spec),
            _ => percent_format_f64(value, &spec),
        }
    }

    #[test]
    fn float_repr_edge_cases() {
        let cases: &[(f64, &str)] = &[
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123456789012345.0, "123456789012345.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (0.1, "0.1"),
            (1e22, "1e+22"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.30000000000000004, "0.30000000000000004"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr_string(x), want, "repr of {:e}", x);
        }
    }

    #[test]
    fn round_f64_edge_cases() {
        assert_eq!(round_f64(2.675, 2), Ok(2.67));
        assert_eq!(round_f64(0.5, 0), Ok(0.0));
        assert_eq!(round_f64(1.5, 0), Ok(2.0));
        assert!(round_f64(-0.4, 0).is_ok_and(|r| r == 0.0 && r.is_sign_negative()));
        assert_eq!(round_f64(15.0, -1), Ok(20.0));
        assert_eq!(round_f64(25.0, -1), Ok(20.0));
        assert_eq!(round_f64(-25.0, -1), Ok(-20.0));
        assert_eq!(round_f64(25.000001, -1), Ok(30.0));
        assert_eq!(round_f64(f64::INFINITY, 2), Ok(f64::INFINITY));
        assert!(round_f64(-5.0, -400).is_ok_and(|r| r == 0.0 && r.is_sign_negative()));
        assert_eq!(
            round_f64(1.7976931348623157e308, -308),
            Err(NumError::Overflow("rounded value too large to represent"))
        );
    }

    #[test]
    fn float_hash_and_parse_edge_cases() {
        assert_eq!(hash_f64(1.0), 1);
        assert_eq!(hash_f64(-1.0), -2);
        assert_eq!(hash_f64(0.5), 1152921504606846976);
        assert_eq!(hash_f64(-0.5), -1152921504606846976);
        assert_eq!(hash_f64(f64::INFINITY), 314159);
        assert_eq!(hash_f64(f64::NEG_INFINITY), -314159);
        assert_eq!(hash_f64(f64::NAN), 0);
        assert_eq!(hash_f64(1e300), 1224995262755759164);
        assert_eq!(hash_f64(-f64::from_bits(1)), -16777216);
        assert_eq!(
            hash_f64(2f64.powi(61) - 2f64.powi(9)),
            crate::intword::hash_i64(2i64.pow(61) - 512)
        );
        assert_eq!(parse_float(" 1_0.5 "), Some(10.5));
        assert_eq!(parse_float("-InFiNiTy"), Some(f64::NEG_INFINITY));
        assert!(parse_float("+nan").is_some_and(f64::is_nan));
        assert_eq!(parse_float("1e5_0"), Some(1e50));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        for bad in [
            "", "-", ".", "e5", "1e", "1__0", "_1", "1_", "1_e5", "1._5", "1e+_5", "0x10",
            "nan(1)", "in f",
        ] {
            assert_eq!(parse_float(bad), None, "{:?}", bad);
        }
    }

    #[test]
    fn format_spec_edge_cases() {
        assert_eq!(fmt_i(1234, "08,"), "0,001,234");
        assert_eq!(fmt_i(1234, "010,"), "00,001,234");
        assert_eq!(fmt_i(1234, "^08,"), "01,23400");
        assert_eq!(fmt_i(1234567, "010_x"), "0_0012_d687");
        assert_eq!(fmt_i(255, "^+#010x"), "00+0xff000");
        assert_eq!(fmt_i(-5, "#b"), "-0b101");
        assert_eq!(fmt_i(65, "c"), "A");
        assert_eq!(fmt_i(0x110000, "c"), "%c arg not in range(0x110000)");
        assert_eq!(
            fmt_i(1, "abc"),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(
            fmt_i(1, ".2d"),
            "Precision not allowed in integer format specifier"
        );
        assert_eq!(
            fmt_i(1, "+c"),
            "Sign not allowed with integer format specifier 'c'"
        );
        assert_eq!(
            fmt_i(1, "#c"),
            "Alternate form (#) not allowed with integer format specifier 'c'"
        );
        assert_eq!(fmt_i(1, ",x"), "Cannot specify ',' with 'x'.");
        assert_eq!(fmt_i(1, ",,"), "Cannot specify ',' with ','.");
        assert_eq!(fmt_i(1, "_,"), "Cannot specify both ',' and '_'.");
        assert_eq!(fmt_i(1, ",\u{1}"), "Cannot specify ',' with '\\x1'.");
        assert_eq!(
            fmt_i(1, "s"),
            "Unknown format code 's' for object of type 'int'"
        );
        assert_eq!(
            fmt_i(1, "99999999999999999999"),
            "Too many decimal digits in format string"
        );
        assert_eq!(
            fmt_i(1, "z"),
            "Negative zero coercion (z) not allowed in integer format specifier"
        );
        assert_eq!(fmt_f(1.0, "."), "Format specifier missing precision");
        assert_eq!(
            fmt_f(1.0, "d"),
            "Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(fmt_f(100.0, ".3"), "1e+02");
        assert_eq!(fmt_f(123.0, ".3"), "1.23e+02");
        assert_eq!(fmt_f(1.0, ".3"), "1.0");
        assert_eq!(fmt_f(1.0, "#.3"), "1.00");
        assert_eq!(fmt_f(1e16, "#"), "1.e+16");
        assert_eq!(fmt_f(f64::INFINITY, "05"), "00inf");
        assert_eq!(fmt_f(-12345.678, "010,.2f"), "-12,345.68");
        assert_eq!(fmt_f(1234.5, ",.2%"), "123,450.00%");
        assert_eq!(fmt_f(2.5, "#.0e"), "2.e+00");
        assert_eq!(fmt_f(-0.001, "z,.2f"), "0.00");
        assert_eq!(fmt_f(-0.0, ""), "-0.0");
        assert_eq!(fmt_f(f64::NAN, "+"), "+nan");
        assert_eq!(fmt_f(1e-10, "G"), "1E-10");
        assert_eq!(fmt_s("ab", "05"), "ab000");
        assert_eq!(fmt_s("abc", "^7.2"), "  ab   ");
        assert_eq!(fmt_s("€€", "*>4"), "**€€");
        assert_eq!(
            fmt_s("ab", "=5"),
            "'=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            fmt_s("ab", "+"),
            "Sign not allowed in string format specifier"
        );
        assert_eq!(
            fmt_s("ab", " "),
            "Space not allowed in string format specifier"
        );
        assert_eq!(fmt_s("ab", ",s"), "Cannot specify ',' with 's'.");
        assert_eq!(fmt_s("ab", ","), "Cannot specify ',' with 's'.");
        assert_eq!(
            fmt_s("ab", "#"),
            "Alternate form (#) not allowed in string format specifier"
        );
        let big = BigInt::parse("-123456789012345678901234567890", 10).unwrap();
        let spec = FormatSpec::parse("_x").unwrap();
        assert_eq!(
            format_bigint(&big, &spec).unwrap(),
            "-1_8ee9_0ff6_c373_e0ee_4e3f_0ad2"
        );
        let spec = FormatSpec::parse("c").unwrap();
        assert_eq!(
            format_bigint(&big, &spec).unwrap_err().message("int"),
            "Python int too large to convert to C long"
        );
        let huge = BigInt::one().shl(2000).unwrap();
        let spec = FormatSpec::parse("f").unwrap();
        assert_eq!(
            format_bigint(&huge, &spec).unwrap_err().kind(),
            FmtErrorKind::OverflowError
        );
    }

    #[test]
    fn percent_format_edge_cases() {
        assert_eq!(pct("%#x", 255.0), "0xff");
        assert_eq!(pct("%+.3e", 1.5), "+1.500e+00");
        assert_eq!(pct("%-5d", 3.0), "3    ");
        assert_eq!(pct("%c", 65.0), "A");
        assert_eq!(pct("%.0f", 0.5), "0");
        assert_eq!(pct("%.0f", 1.5), "2");
        assert_eq!(pct("%05.3d", 5.0), "00005");
        assert_eq!(pct("%#05x", 255.0), "0x0ff");
        assert_eq!(pct("%08.3d", -5.0), "-0000005");
        assert_eq!(pct("%05f", f64::INFINITY), "00inf");
        assert_eq!(pct("%#.0e", 1.0), "1.e+00");
        assert_eq!(pct("%ld", 5.0), "5");
        let (spec, end) = PercentSpec::parse("%%", 0).unwrap();
        assert_eq!((spec.conv, end), ('%', 2));
        let fmt = "x %(a(b))-10s|";
        let (spec, end) = PercentSpec::parse(fmt, 2).unwrap();
        assert_eq!(
            (spec.key, spec.left, spec.conv, &fmt[end..]),
            (Some("a(b)"), true, 's', "|")
        );
        assert_eq!(percent_format_str("ab", &spec), "ab        ");
        let (mut spec, _) = PercentSpec::parse("%*.*f", 0).unwrap();
        assert_eq!(
            (spec.width, spec.precision),
            (Some(PercentCount::Star), Some(PercentCount::Star))
        );
        spec.set_star_width(-8);
        spec.set_star_precision(2);
        assert_eq!(percent_format_f64(1.23456, &spec), "1.23    ");
        let err = |f: &str| PercentSpec::parse(f, 0).unwrap_err().message("str");
        assert_eq!(err("%"), "incomplete format");
        assert_eq!(err("%(a"), "incomplete format key");
        assert_eq!(
            err("%y"),
            "unsupported format character 'y' (0x79) at index 1"
        );
        assert_eq!(
            err("%5%"),
            "unsupported format character '%' (0x25) at index 2"
        );
        assert_eq!(
            err("%ü"),
            "unsupported format character '?' (0xfc) at index 1"
        );
        assert_eq!(
            char_from_code(-1).unwrap_err().message("int"),
            "%c arg not in range(0x110000)"
        );
        assert_eq!(
            FmtError::RealNumberRequired('d').message("str"),
            "%d format: a real number is required, not str"
        );
        assert_eq!(
            FmtError::IntegerRequired('x').message("float"),
            "%x format: an integer is required, not float"
        );
        assert_eq!(
            FmtError::FloatRequired.message("NoneType"),
            "must be real number, not NoneType"
        );
        assert_eq!(FmtError::StarWantsInt.kind(), FmtErrorKind::TypeError);
        assert_eq!(
            err("%\x1f"),
            "unsupported format character '\x1f' (0x1f) at index 1"
        );
    }
}
