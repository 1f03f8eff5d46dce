//! The methods str, bytes and bytearray share (split, strip, find, replace, join, ...), one
//! implementation each over the receiver's bytes.
//!
//! A str is UTF-8, so the byte algorithms work on it unchanged where they match whole needles
//! (a match of valid UTF-8 in valid UTF-8 starts and ends on char boundaries). What differs is
//! said by [`Seq`]: a str receiver takes str arguments, counts indices in chars, steps over
//! whole chars where it walks one unit at a time (strip sets, whitespace, empty-pattern replace)
//! and classifies chars by Unicode; a bytes-like receiver takes bytes-like arguments, counts
//! bytes, classifies ASCII only, and returns results of its own type (bytearray methods return
//! bytearrays, as in CPython).

use super::{bytes_of, new_bytearray, new_bytes, new_str, str_of};
use crate::obj::exc::{error_fmt, type_error_from};
use crate::obj::list::{list_append, list_items, list_len, list_reverse, new_list, tuple_items};
#[cfg(feature = "extra-builtins")]
use crate::obj::list::{new_tuple_uninit, tuple_set};
use crate::obj::types::TYPE_ERROR_TYPE;
use crate::obj::{kind_of, Args, Kind};
use crate::ops::to_index;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
#[cfg(test)]
use alloc::string::String;
use alloc::vec::Vec;

/// Full Unicode case mapping for str (MicroPython, and builds without the feature, map ASCII
/// only: the Unicode case tables are large).
const UNICODE_CASE: bool = cfg!(feature = "unicode-case");

/// The receiver of a shared method.
#[derive(Copy, Clone)]
struct Seq {
    me: Value,
    b: &'static [u8],
    /// A str (else bytes, bytearray or memoryview).
    text: bool,
}

fn seq_self(vm: &mut Vm, args: &Args) -> PyResult<Seq> {
    let me = args.pos.first().copied().unwrap_or(Value::NONE);
    if let Some(s) = str_of(vm, me) {
        return Ok(Seq {
            me,
            b: s.as_bytes(),
            text: true,
        });
    }
    match bytes_of(me) {
        Some(b) => Ok(Seq { me, b, text: false }),
        None => Err(vm.type_error("descriptor requires a str or bytes object")),
    }
}

/// A str from UTF-8 bytes; UnicodeError if they are not UTF-8 (`bytes.decode`).
pub fn decode_utf8(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    match core::str::from_utf8(b) {
        Ok(s) => new_str(vm, s),
        Err(_) => Err(vm.new_error(&crate::obj::types::UNICODE_ERROR_TYPE, "invalid utf-8")),
    }
}

/// First (or, `right`, last) position of `needle` in `hay` (a plain scan, as MicroPython's:
/// small code for the short strings of a microcontroller; str uses it too, see above).
pub fn bfind(hay: &[u8], needle: &[u8], right: bool) -> Option<usize> {
    let mut at = hay.windows(needle.len().max(1));
    if needle.is_empty() {
        return Some(if right { hay.len() } else { 0 });
    }
    if right {
        at.rposition(|w| w == needle)
    } else {
        at.position(|w| w == needle)
    }
}

/// Which character class `is*` tests.
#[derive(Copy, Clone)]
enum Class {
    Digit,
    Alpha,
    #[cfg(feature = "extra-builtins")]
    Alnum,
    Space,
    Upper,
    Lower,
}

impl Seq {
    /// The bytes of `v` if it is of the receiver's family (str for str, else bytes-like).
    fn of(self, vm: &Vm, v: Value) -> Option<&'static [u8]> {
        if self.text {
            str_of(vm, v).map(str::as_bytes)
        } else {
            bytes_of(v)
        }
    }

    /// The TypeError for an argument `v` not of the receiver's family.
    fn wrong(self, vm: &mut Vm, v: Value) -> PyErr {
        let parts = if self.text {
            [
                "can't convert '",
                vm.type_name(v),
                "' object to str implicitly",
            ]
        } else {
            [
                "a bytes-like object is required, not '",
                vm.type_name(v),
                "'",
            ]
        };
        type_error_from(vm, &parts)
    }

    /// `v` as an argument of the receiver's family; None stays None.
    fn opt(self, vm: &mut Vm, v: Value) -> PyResult<Option<&'static [u8]>> {
        if v.is_none() {
            return Ok(None);
        }
        match self.of(vm, v) {
            Some(b) => Ok(Some(b)),
            None => Err(self.wrong(vm, v)),
        }
    }

    /// Optional argument `i` (absent or None: None).
    fn arg(self, vm: &mut Vm, args: &Args, i: usize) -> PyResult<Option<&'static [u8]>> {
        self.opt(vm, args.pos.get(i).copied().unwrap_or(Value::NONE))
    }

    /// Required argument `i` (absent or None: the TypeError naming NoneType).
    fn need(self, vm: &mut Vm, args: &Args, i: usize) -> PyResult<&'static [u8]> {
        match self.arg(vm, args, i)? {
            Some(b) => Ok(b),
            None => Err(self.wrong(vm, Value::NONE)),
        }
    }

    /// The needle of find/count/index: of the receiver's family or, for bytes, an int in
    /// 0..256 (then stored in `one`).
    fn needle<'a>(self, vm: &mut Vm, args: &Args, one: &'a mut [u8; 1]) -> PyResult<&'a [u8]> {
        if !self.text {
            if let Some(i) = args.pos.get(1).and_then(|v| v.as_small_int()) {
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("byte must be in range(0, 256)"));
                }
                one[0] = i as u8;
                return Ok(&one[..]);
            }
        }
        self.need(vm, args, 1)
    }

    /// A result of the receiver's type holding `b` (for a str, `b` is cut from str bytes at
    /// char boundaries, so it is UTF-8).
    fn make(self, vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
        if self.text {
            decode_utf8(vm, b)
        } else if kind_of(self.me) == Kind::ByteArray {
            new_bytearray(vm, b)
        } else {
            new_bytes(vm, b)
        }
    }

    /// Length in the receiver's index units (chars of a str, else bytes).
    fn units(self, b: &[u8]) -> usize {
        if self.text {
            b.iter().filter(|&&c| c & 0xc0 != 0x80).count()
        } else {
            b.len()
        }
    }

    /// Byte offset of unit index `i` (clamped to the end).
    fn offset(self, i: usize) -> usize {
        if !self.text {
            return i.min(self.b.len());
        }
        let mut seen = 0;
        for (o, &c) in self.b.iter().enumerate() {
            if c & 0xc0 != 0x80 {
                if seen == i {
                    return o;
                }
                seen += 1;
            }
        }
        self.b.len()
    }

    /// The unit (char or byte) starting at byte `i` of `b`: its code and length in bytes.
    fn unit_at(self, b: &[u8], i: usize) -> (u32, usize) {
        let c = b[i] as u32;
        if !self.text || c < 0x80 {
            return (c, 1);
        }
        let n = if c >= 0xf0 {
            4
        } else if c >= 0xe0 {
            3
        } else {
            2
        };
        let tail = b.get(i + 1..i + n).unwrap_or(&[]);
        let code = tail
            .iter()
            .fold(c & (0x7f >> n), |acc, &x| (acc << 6) | (x as u32 & 0x3f));
        (code, n)
    }

    /// The unit ending at byte `i` of `b` (i > 0): its code and start.
    fn unit_before(self, b: &[u8], i: usize) -> (u32, usize) {
        let mut start = i - 1;
        while self.text && start > 0 && b[start] & 0xc0 == 0x80 {
            start -= 1;
        }
        (self.unit_at(b, start).0, start)
    }

    /// Whether the unit of code `c` is stripped: a member of `set` (units of the receiver's
    /// family), or whitespace when there is no set.
    fn strips(self, c: u32, set: Option<&[u8]>) -> bool {
        let Some(set) = set else {
            return self.is(c, Class::Space);
        };
        let mut i = 0;
        while i < set.len() {
            let (d, n) = self.unit_at(set, i);
            if d == c {
                return true;
            }
            i += n;
        }
        false
    }

    /// From byte `at` of `b`, walking forwards (or, `back`, backwards) but not past `stop`, the
    /// first position whose next unit's [`strips`](Self::strips) answer is not `member`: the
    /// end of a run of stripped units (`member`) or of other units.
    fn skip(
        self,
        b: &[u8],
        mut at: usize,
        stop: usize,
        back: bool,
        set: Option<&[u8]>,
        member: bool,
    ) -> usize {
        while at != stop {
            let (c, next) = if back {
                self.unit_before(b, at)
            } else {
                let (c, n) = self.unit_at(b, at);
                (c, at + n)
            };
            if self.strips(c, set) != member {
                break;
            }
            at = next;
        }
        at
    }

    /// Whether code `c` is in `class`: Unicode for non-ASCII chars of a str, ASCII otherwise.
    /// Case classes are ASCII-only for str too without the `unicode-case` feature.
    fn is(self, c: u32, class: Class) -> bool {
        if self.text && c >= 0x80 {
            let ch = char::from_u32(c).unwrap_or('\0');
            return match class {
                Class::Digit => false,
                Class::Alpha => ch.is_alphabetic(),
                #[cfg(feature = "extra-builtins")]
                Class::Alnum => ch.is_alphanumeric(),
                Class::Space => ch.is_whitespace(),
                Class::Upper => UNICODE_CASE && ch.is_uppercase(),
                Class::Lower => UNICODE_CASE && ch.is_lowercase(),
            };
        }
        let Ok(b) = u8::try_from(c) else { return false };
        match class {
            Class::Digit => b.is_ascii_digit(),
            Class::Alpha => b.is_ascii_alphabetic(),
            #[cfg(feature = "extra-builtins")]
            Class::Alnum => b.is_ascii_alphanumeric(),
            // Python's whitespace includes \v, which Rust's ASCII test leaves out.
            Class::Space => b.is_ascii_whitespace() || b == 0x0b,
            Class::Upper => b.is_ascii_uppercase(),
            Class::Lower => b.is_ascii_lowercase(),
        }
    }

    /// Appends unit `unit` (code `c`) upper- or lower-cased.
    fn push_case(self, out: &mut Vec<u8>, unit: &[u8], c: u32, upper: bool) {
        if UNICODE_CASE && self.text && c >= 0x80 {
            let ch = char::from_u32(c).unwrap_or('\u{fffd}');
            let mut buf = [0u8; 4];
            if upper {
                for u in ch.to_uppercase() {
                    out.extend_from_slice(u.encode_utf8(&mut buf).as_bytes());
                }
            } else {
                for u in ch.to_lowercase() {
                    out.extend_from_slice(u.encode_utf8(&mut buf).as_bytes());
                }
            }
            return;
        }
        // ASCII letters map within ASCII; other bytes (all of a non-ASCII char) stay.
        out.extend(unit.iter().map(|&x| {
            if upper {
                x.to_ascii_uppercase()
            } else {
                x.to_ascii_lowercase()
            }
        }));
    }

    /// Unit index range [start, end) from optional start/end args at positions i, i+1, as byte
    /// offsets; None when start is past end (CPython finds nothing there, not even an empty
    /// string: `"abc".find("", 5) == -1`).
    fn range(self, vm: &mut Vm, args: &Args, i: usize) -> PyResult<Option<(usize, usize)>> {
        let n = self.units(self.b) as isize;
        let norm = |x: isize| if x < 0 { (x + n).max(0) } else { x.min(n) };
        let start = match args.pos.get(i) {
            Some(&v) if !v.is_none() => {
                let x = to_index(vm, v)?;
                if x > n {
                    return Ok(None);
                }
                norm(x)
            }
            _ => 0,
        };
        let end = match args.pos.get(i + 1) {
            Some(&v) if !v.is_none() => norm(to_index(vm, v)?),
            _ => n,
        };
        if start > end {
            return Ok(None);
        }
        Ok(Some((
            self.offset(start as usize),
            self.offset(end as usize),
        )))
    }

    /// Appends bytes [lo, hi) of the receiver, as a value of its type, to the list `parts`
    /// (split and splitlines build their result list as they go).
    fn push_part(self, vm: &mut Vm, parts: Value, lo: usize, hi: usize) -> PyResult<()> {
        let v = self.make(vm, &self.b[lo..hi])?;
        list_append(vm, parts, v)
    }
}

/// Case mapping and tests, apart from the VM so that both builds' behaviour can be unit-tested.
impl Seq {
    /// The receiver's bytes case-mapped by `how`.
    fn case_mapped(self, how: CaseMap) -> Vec<u8> {
        if UNICODE_CASE && self.text && how == CaseMap::Lower {
            // Lowercasing depends on context (a final capital sigma becomes 'ς', as in
            // CPython): the whole-string mapping knows it.
            if let Ok(t) = core::str::from_utf8(self.b) {
                return t.to_lowercase().into_bytes();
            }
        }
        let b = self.b;
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        // Whether the unit before was cased (title case looks back; no title without the
        // `extra-builtins` feature).
        #[cfg(feature = "extra-builtins")]
        let mut prev_cased = false;
        while i < b.len() {
            let (c, n) = self.unit_at(b, i);
            let upper = match how {
                CaseMap::Upper => true,
                CaseMap::Lower => false,
                #[cfg(feature = "extra-builtins")]
                CaseMap::Title => !prev_cased,
                #[cfg(feature = "extra-builtins")]
                CaseMap::Capitalize => i == 0,
                CaseMap::Swap => self.is(c, Class::Lower),
            };
            let unit = &b[i..i + n];
            if how == CaseMap::Swap && !upper && !self.is(c, Class::Upper) {
                out.extend_from_slice(unit);
            } else {
                self.push_case(&mut out, unit, c, upper);
            }
            #[cfg(feature = "extra-builtins")]
            {
                prev_cased = self.is(c, Class::Alpha);
            }
            i += n;
        }
        out
    }

    /// Non-empty and every unit in `class` (isdigit, isalpha, isalnum, isspace).
    fn all_in(self, class: Class) -> bool {
        let mut i = 0;
        while i < self.b.len() {
            let (c, n) = self.unit_at(self.b, i);
            if !self.is(c, class) {
                return false;
            }
            i += n;
        }
        !self.b.is_empty()
    }

    /// isupper (`upper`), islower and istitle (`title`): at least one cased unit; no cased unit
    /// of the other case (istitle: upper only after uncased units, lower only after cased ones).
    fn cased_as(self, upper: bool, title: bool) -> bool {
        let (mut i, mut prev_cased, mut any) = (0, false, false);
        while i < self.b.len() {
            let (c, n) = self.unit_at(self.b, i);
            let (is_up, is_low) = (self.is(c, Class::Upper), self.is(c, Class::Lower));
            let bad = if title {
                (is_up && prev_cased) || (is_low && !prev_cased)
            } else if upper {
                is_low
            } else {
                is_up
            };
            if bad {
                return false;
            }
            prev_cased = is_up || is_low;
            any |= prev_cased;
            i += n;
        }
        any
    }
}

pub(super) fn seq_join(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    seq_self(vm, args)?;
    let iterable = args.arg(vm, 1, "join() takes exactly one argument")?;
    let items = crate::ops::collect_iterable(vm, iterable)?;
    // Taken after the iteration, which runs Python code that may resize a bytearray separator.
    let s = seq_self(vm, args)?;
    let mut out = Vec::new();
    for (i, &item) in list_items(items).iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(s.b);
        }
        match s.of(vm, item) {
            Some(b) => out.extend_from_slice(b),
            None => {
                let what = if s.text {
                    "str instance"
                } else {
                    "a bytes-like object"
                };
                let found = vm.type_name(item);
                return Err(error_fmt(
                    vm,
                    &TYPE_ERROR_TYPE,
                    format_args!("sequence item {i}: expected {what}, {found} found"),
                ));
            }
        }
    }
    s.make(vm, &out)
}

fn split_impl(vm: &mut Vm, args: &Args, right: bool) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let mut sep = s.arg(vm, args, 1)?;
    let mut maxsplit: isize = -1;
    if let Some(&m) = args.pos.get(2) {
        maxsplit = to_index(vm, m)?;
    }
    let mut kw = [None; 2];
    let unexpected = "split() got an unexpected keyword argument";
    args.keywords(vm, &["sep", "maxsplit"], &mut kw, unexpected)?;
    if let Some(v) = kw[0] {
        sep = s.opt(vm, v)?;
    }
    if let Some(v) = kw[1] {
        maxsplit = to_index(vm, v)?;
    }
    let b = s.b;
    let parts = new_list(vm, &[])?;
    let full = |parts: Value| maxsplit >= 0 && list_len(parts) as isize == maxsplit;
    let (mut lo, mut hi) = (0, b.len());
    match sep {
        Some([]) => return Err(vm.value_error("empty separator")),
        Some(sep) => loop {
            if full(parts) {
                s.push_part(vm, parts, lo, hi)?;
                break;
            }
            match bfind(&b[lo..hi], sep, right) {
                Some(i) if right => {
                    s.push_part(vm, parts, lo + i + sep.len(), hi)?;
                    hi = lo + i;
                }
                Some(i) => {
                    s.push_part(vm, parts, lo, lo + i)?;
                    lo += i + sep.len();
                }
                None => {
                    s.push_part(vm, parts, lo, hi)?;
                    break;
                }
            }
        },
        // Runs of whitespace separate; the end split from is trimmed first, the other end
        // only as far as the splits reach it (`'a b  '.split(None, 1) == ['a', 'b  ']`).
        // `at` walks from that end (the right one for rsplit) towards `stop`, the other.
        None => {
            let (mut at, stop) = if right { (hi, lo) } else { (lo, hi) };
            loop {
                at = s.skip(b, at, stop, right, None, true);
                if at == stop {
                    break;
                }
                let end = if full(parts) {
                    stop
                } else {
                    s.skip(b, at, stop, right, None, false)
                };
                s.push_part(vm, parts, at.min(end), at.max(end))?;
                if end == stop {
                    break;
                }
                at = end;
            }
        }
    }
    if right {
        list_reverse(parts);
    }
    Ok(parts)
}
pub(super) fn seq_split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    split_impl(vm, args, false)
}
pub(super) fn seq_rsplit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    split_impl(vm, args, true)
}

/// `keepends` from the first positional argument or the `keepends=` keyword.
#[cfg(feature = "extra-builtins")]
fn keepends_arg(vm: &mut Vm, args: &Args) -> PyResult<bool> {
    let mut kw = [args.pos.get(1).copied()];
    let unexpected = "splitlines() got an unexpected keyword argument";
    args.keywords(vm, &["keepends"], &mut kw, unexpected)?;
    match kw[0] {
        Some(v) => crate::ops::truthy(vm, v),
        None => Ok(false),
    }
}

#[cfg(feature = "extra-builtins")]
pub(super) fn seq_splitlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let keep = keepends_arg(vm, args)?;
    let b = s.b;
    let parts = new_list(vm, &[])?;
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let brk = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if brk == 0 {
            i += 1;
            continue;
        }
        s.push_part(vm, parts, start, if keep { i + brk } else { i })?;
        i += brk;
        start = i;
    }
    if start < b.len() {
        s.push_part(vm, parts, start, b.len())?;
    }
    Ok(parts)
}

fn strip_impl(vm: &mut Vm, args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let chars = s.arg(vm, args, 1)?;
    let b = s.b;
    let (mut lo, mut hi) = (0, b.len());
    if left {
        lo = s.skip(b, lo, hi, false, chars, true);
    }
    if right {
        hi = s.skip(b, hi, lo, true, chars, true);
    }
    if s.text && hi - lo == b.len() {
        return Ok(s.me);
    }
    s.make(vm, &b[lo..hi])
}
pub(super) fn seq_strip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}
pub(super) fn seq_lstrip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}
pub(super) fn seq_rstrip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

fn affix_impl(vm: &mut Vm, args: &Args, prefix: bool) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let arg = args.arg(vm, 1, "function takes at least 1 argument")?;
    let Some((lo, hi)) = s.range(vm, args, 2)? else {
        return Ok(Value::FALSE);
    };
    let b = &s.b[lo..hi];
    // One loop over the candidates: the items of a tuple, or the argument itself.
    let tuple = arg.is_obj() && kind_of(arg) == Kind::Tuple;
    let candidates = if tuple {
        tuple_items(arg)
    } else {
        core::slice::from_ref(&arg)
    };
    for &item in candidates {
        let Some(p) = s.of(vm, item) else {
            if tuple {
                return Err(s.wrong(vm, item));
            }
            let word = if s.text { "str" } else { "bytes" };
            let parts = [
                "startswith first arg must be ",
                word,
                " or a tuple of ",
                word,
            ];
            return Err(type_error_from(vm, &parts));
        };
        let hit = if prefix {
            b.starts_with(p)
        } else {
            b.ends_with(p)
        };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
pub(super) fn seq_startswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix_impl(vm, args, true)
}
pub(super) fn seq_endswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix_impl(vm, args, false)
}

/// What [`search`] answers about the needle in `[start:end]`.
#[derive(Copy, Clone, PartialEq)]
enum Search {
    /// Its index, -1 if absent (find; rfind with `right`).
    Find,
    /// Its index, ValueError if absent (index, rindex).
    Index,
    /// How many times it occurs without overlapping (count).
    Count,
}

/// find/rfind/index/rindex/count: one argument parse (needle, start, end) for all five.
fn search(vm: &mut Vm, args: &Args, how: Search, right: bool) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let mut one = [0u8];
    let needle = s.needle(vm, args, &mut one)?;
    let found = match s.range(vm, args, 2)? {
        Some((lo, hi)) if how == Search::Count => {
            let mut hay = &s.b[lo..hi];
            if needle.is_empty() {
                return Ok(Value::small_int(s.units(hay) as isize + 1));
            }
            let mut n = 0;
            while let Some(i) = bfind(hay, needle, false) {
                n += 1;
                hay = &hay[i + needle.len()..];
            }
            return Ok(Value::small_int(n));
        }
        Some((lo, hi)) => bfind(&s.b[lo..hi], needle, right).map(|i| s.units(&s.b[..lo + i])),
        None => None,
    };
    match found {
        Some(i) => Ok(Value::small_int(i as isize)),
        None if how == Search::Index => Err(vm.value_error(if s.text {
            "substring not found"
        } else {
            "subsection not found"
        })),
        None => Ok(Value::small_int(if how == Search::Count { 0 } else { -1 })),
    }
}
pub(super) fn seq_find(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    search(vm, args, Search::Find, false)
}
pub(super) fn seq_rfind(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    search(vm, args, Search::Find, true)
}
pub(super) fn seq_index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    search(vm, args, Search::Index, false)
}
pub(super) fn seq_rindex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    search(vm, args, Search::Index, true)
}
pub(super) fn seq_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    search(vm, args, Search::Count, false)
}

pub(super) fn seq_replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let old = s.need(vm, args, 1)?;
    let new = s.need(vm, args, 2)?;
    let mut count = match args.pos.get(3) {
        Some(&v) => to_index(vm, v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(s.b.len());
    let mut rest = s.b;
    while count != 0 {
        if old.is_empty() {
            // Empty pattern: `new` before every unit (char of a str, byte) and at the end.
            out.extend_from_slice(new);
            if rest.is_empty() {
                break;
            }
            let n = s.unit_at(rest, 0).1;
            out.extend_from_slice(&rest[..n]);
            rest = &rest[n..];
        } else {
            let Some(i) = bfind(rest, old, false) else {
                break;
            };
            out.extend_from_slice(&rest[..i]);
            out.extend_from_slice(new);
            rest = &rest[i + old.len()..];
        }
        count -= 1;
    }
    out.extend_from_slice(rest);
    s.make(vm, &out)
}

#[cfg(feature = "extra-builtins")]
fn partition_impl(vm: &mut Vm, args: &Args, right: bool) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let sep = s.need(vm, args, 1)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let b = s.b;
    let parts: [&[u8]; 3] = match bfind(b, sep, right) {
        Some(i) => [&b[..i], sep, &b[i + sep.len()..]],
        None if right => [&[], &[], b],
        None => [b, &[], &[]],
    };
    let t = new_tuple_uninit(vm, 3)?;
    for (i, p) in parts.iter().enumerate() {
        let v = s.make(vm, p)?;
        tuple_set(t, i, v);
    }
    Ok(t)
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_partition(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_rpartition(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

/// center/ljust/rjust: `align` is '^', '<' (text left) or '>'.
#[cfg(feature = "extra-builtins")]
fn justify(vm: &mut Vm, args: &Args, align: u8, name: &str) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let width = match args.pos.get(1) {
        Some(&v) => to_index(vm, v)?.max(0) as usize,
        None => {
            let parts = [name, " expected at least 1 argument, got 0"];
            return Err(type_error_from(vm, &parts));
        }
    };
    let fill = match s.arg(vm, args, 2)? {
        None => b" ",
        Some(f) if !f.is_empty() && s.unit_at(f, 0).1 == f.len() => f,
        Some(_) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
    };
    let n = s.units(s.b);
    if width <= n {
        return if s.text { Ok(s.me) } else { s.make(vm, s.b) };
    }
    let pad = width - n;
    // CPython's center puts the extra pad char on the left when the pad is odd and the width
    // is odd too (left = pad/2 + (pad & width & 1)).
    let left = match align {
        b'<' => 0,
        b'>' => pad,
        _ => pad / 2 + (pad & width & 1),
    };
    let bytes = vm.check_alloc_size(fill.len(), pad)?;
    let mut out = Vec::with_capacity(s.b.len() + bytes);
    for _ in 0..left {
        out.extend_from_slice(fill);
    }
    out.extend_from_slice(s.b);
    for _ in left..pad {
        out.extend_from_slice(fill);
    }
    s.make(vm, &out)
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_center(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, b'^', "center")
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_ljust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, b'<', "ljust")
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_rjust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, b'>', "rjust")
}

#[cfg(feature = "extra-builtins")]
fn strip_affix(vm: &mut Vm, args: &Args, prefix: bool) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let a = s.need(vm, args, 1)?;
    let r = if prefix {
        s.b.strip_prefix(a)
    } else {
        s.b.strip_suffix(a)
    };
    match r {
        Some(r) if !a.is_empty() => s.make(vm, r),
        _ if s.text => Ok(s.me),
        _ => s.make(vm, s.b),
    }
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_removeprefix(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_affix(vm, args, true)
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_removesuffix(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_affix(vm, args, false)
}

// ---- character classes and case ----

/// What an `is*` method tests.
#[derive(Copy, Clone)]
enum Test {
    /// isdigit/isalpha/isalnum/isspace: non-empty and every unit in the class.
    All(Class),
    /// isupper/islower/istitle: see [`Seq::cased_as`].
    Cased { upper: bool, title: bool },
}

/// The `is*` methods: one receiver check and result for all seven.
fn test(vm: &mut Vm, args: &Args, what: Test) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    Ok(Value::from_bool(match what {
        Test::All(class) => s.all_in(class),
        Test::Cased { upper, title } => s.cased_as(upper, title),
    }))
}
pub(super) fn seq_isdigit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    test(vm, args, Test::All(Class::Digit))
}
pub(super) fn seq_isalpha(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    test(vm, args, Test::All(Class::Alpha))
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_isalnum(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    test(vm, args, Test::All(Class::Alnum))
}
pub(super) fn seq_isspace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    test(vm, args, Test::All(Class::Space))
}

/// What a case method does with the next cased unit.
#[derive(Copy, Clone, PartialEq)]
enum CaseMap {
    Upper,
    Lower,
    /// Upper after an uncased unit, lower after a cased one.
    #[cfg(feature = "extra-builtins")]
    Title,
    /// Upper first, lower after.
    #[cfg(feature = "extra-builtins")]
    Capitalize,
    Swap,
}

fn case_map(vm: &mut Vm, args: &Args, how: CaseMap) -> PyResult<Value> {
    let s = seq_self(vm, args)?;
    let out = s.case_mapped(how);
    s.make(vm, &out)
}
pub(super) fn seq_upper(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    case_map(vm, args, CaseMap::Upper)
}
pub(super) fn seq_lower(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    case_map(vm, args, CaseMap::Lower)
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_title(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    case_map(vm, args, CaseMap::Title)
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_capitalize(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    case_map(vm, args, CaseMap::Capitalize)
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_swapcase(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    case_map(vm, args, CaseMap::Swap)
}

pub(super) fn seq_isupper(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let what = Test::Cased {
        upper: true,
        title: false,
    };
    test(vm, args, what)
}
pub(super) fn seq_islower(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let what = Test::Cased {
        upper: false,
        title: false,
    };
    test(vm, args, what)
}
#[cfg(feature = "extra-builtins")]
pub(super) fn seq_istitle(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let what = Test::Cased {
        upper: false,
        title: true,
    };
    test(vm, args, what)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &'static str) -> Seq {
        Seq {
            me: Value::NONE,
            b: s.as_bytes(),
            text: true,
        }
    }

    fn mapped(s: &'static str, how: CaseMap) -> String {
        String::from_utf8(text(s).case_mapped(how)).unwrap()
    }

    #[test]
    fn ascii_case_in_every_build() {
        assert_eq!(mapped("abC 1z", CaseMap::Upper), "ABC 1Z");
        assert_eq!(mapped("abC 1Z", CaseMap::Lower), "abc 1z");
        #[cfg(feature = "extra-builtins")]
        assert_eq!(mapped("hello wORLD", CaseMap::Title), "Hello World");
        #[cfg(feature = "extra-builtins")]
        assert_eq!(mapped("hELLO", CaseMap::Capitalize), "Hello");
        assert_eq!(mapped("aB1", CaseMap::Swap), "Ab1");
        assert!(text("AB1").cased_as(true, false));
        assert!(!text("Ab").cased_as(true, false));
        assert!(text("Ab Cd").cased_as(false, true));
        assert!(!text("12").cased_as(false, false));
    }

    #[test]
    #[cfg(not(feature = "unicode-case"))]
    fn non_ascii_chars_keep_their_case_without_unicode_case() {
        assert_eq!(
            mapped("h\u{e9}llo \u{3a3}\u{3b1}", CaseMap::Upper),
            "H\u{e9}LLO \u{3a3}\u{3b1}"
        );
        assert_eq!(mapped("\u{c9}A\u{3a3}", CaseMap::Lower), "\u{c9}a\u{3a3}");
        assert_eq!(mapped("\u{e9}a \u{df}", CaseMap::Swap), "\u{e9}A \u{df}");
        assert!(!text("\u{c9}\u{3a3}").cased_as(true, false));
        assert!(text("\u{e9}A").cased_as(true, false));
    }

    #[test]
    #[cfg(feature = "unicode-case")]
    fn non_ascii_chars_map_with_unicode_case() {
        assert_eq!(mapped("h\u{e9}llo \u{df}", CaseMap::Upper), "H\u{c9}LLO SS");
        assert_eq!(mapped("\u{39f}\u{3a3}", CaseMap::Lower), "\u{3bf}\u{3c2}");
        assert_eq!(mapped("\u{e9}A", CaseMap::Swap), "\u{c9}a");
        assert!(text("\u{c9}\u{3a3}").cased_as(true, false));
        assert!(!text("\u{e9}A").cased_as(true, false));
    }

    #[test]
    fn units_step_over_whole_chars_of_a_str_only() {
        let s = text("a\u{e9}\u{65e5}\u{1f600}b");
        assert_eq!(s.units(s.b), 5);
        assert_eq!(s.offset(2), 3);
        assert_eq!(s.unit_at(s.b, 3), (0x65e5, 3));
        assert_eq!(s.unit_at(s.b, 6), (0x1f600, 4));
        assert_eq!(s.unit_before(s.b, 10), (0x1f600, 6));
        let bytes = Seq { text: false, ..s };
        assert_eq!(bytes.units(s.b), 11);
        assert_eq!(bytes.unit_at(s.b, 1), (0xc3, 1));
        assert!(!bytes.is(0x85, Class::Space));
        assert!(s.is(0x85, Class::Space));
    }

    #[test]
    fn bfind_finds_first_last_and_empty() {
        assert_eq!(bfind(b"abcabc", b"bc", false), Some(1));
        assert_eq!(bfind(b"abcabc", b"bc", true), Some(4));
        assert_eq!(bfind(b"abc", b"", true), Some(3));
        assert_eq!(bfind(b"ab", b"abc", false), None);
    }
}
