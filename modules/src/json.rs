//! `json`: `dumps`/`dump` and `loads`/`load`. As MicroPython: `separators` is the only option
//! (default `(', ', ': ')`), strings are written as UTF-8 (no `\u` escapes for non-ASCII), and
//! malformed input raises ValueError. Nesting depth is bounded by the VM's call-depth limit.

use crate::{check_kw, check_pos, kwarg};
use alloc::string::String;
use mpy_core::attr::call_method;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{list_append, new_list, seq_items};
use mpy_core::obj::map::{is_dict, map_set, new_dict, next_entry};
use mpy_core::obj::num::{int_from_i64, int_from_str, is_float, is_int};
use mpy_core::obj::string::{bytes_of, is_str, str_of};
use mpy_core::obj::{Args, NativeFn};
use mpy_core::ops::{getitem, repr_into};
use mpy_core::qstr::q;
use mpy_core::value::Value;
use mpy_core::vm::{PyErr, PyResult, Vm};

/// Item and key separators.
struct Seps {
    item: String,
    key: String,
}

fn seps_arg(vm: &mut Vm, args: &Args) -> PyResult<Seps> {
    let Some(v) = kwarg(vm, args, "separators").filter(|v| !v.is_none()) else {
        return Ok(Seps {
            item: String::from(", "),
            key: String::from(": "),
        });
    };
    let mut two = [String::new(), String::new()];
    for (i, s) in two.iter_mut().enumerate() {
        let x = getitem(vm, v, Value::small_int(i as isize))?;
        match str_of(vm, x) {
            Some(t) => s.push_str(t),
            None => return Err(vm.type_error("separators must be strings")),
        }
    }
    let [item, key] = two;
    Ok(Seps { item, key })
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str(&alloc::format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON number with a fraction or exponent.
#[cfg(feature = "float")]
fn decimal_number(vm: &mut Vm, text: &str) -> PyResult<Value> {
    let x = mpy_core::numfmt::parse_float(text).ok_or_else(|| syntax_error(vm))?;
    mpy_core::obj::num::new_float(vm, x)
}

/// Without floats a JSON number with a fraction or exponent cannot be loaded.
#[cfg(not(feature = "float"))]
fn decimal_number(vm: &mut Vm, _: &str) -> PyResult<Value> {
    Err(syntax_error(vm))
}

/// Append the JSON text of `v` to `out`.
fn encode(vm: &mut Vm, v: Value, seps: &Seps, out: &mut String) -> PyResult<()> {
    if v.is_none() {
        out.push_str("null");
    } else if v == Value::TRUE {
        out.push_str("true");
    } else if v == Value::FALSE {
        out.push_str("false");
    } else if is_int(v) || is_float(v) {
        repr_into(vm, v, out)?;
    } else if let Some(s) = str_of(vm, v) {
        write_str(s, out);
    } else if seq_items(v).is_some() {
        vm.enter_call()?;
        out.push('[');
        let mut i = 0;
        // Index each time rather than holding the slice across the recursive calls.
        while let Some(&x) = seq_items(v).and_then(|s| s.get(i)) {
            if i > 0 {
                out.push_str(&seps.item);
            }
            let r = encode(vm, x, seps, out);
            if r.is_err() {
                vm.leave_call();
                return r;
            }
            i += 1;
        }
        out.push(']');
        vm.leave_call();
    } else if is_dict(v) {
        vm.enter_call()?;
        out.push('{');
        let mut pos = 0;
        let mut first = true;
        let mut r = Ok(());
        while let Some(e) = next_entry(v, &mut pos) {
            if !first {
                out.push_str(&seps.item);
            }
            first = false;
            // Keys: strings, or scalars written as strings (CPython).
            if let Some(s) = str_of(vm, e.key) {
                write_str(s, out);
            } else if is_int(e.key) || is_float(e.key) || e.key.is_none() || e.key.is_bool() {
                let mut k = String::new();
                r = encode(vm, e.key, seps, &mut k);
                write_str(&k, out);
            } else {
                r = Err(vm.type_error("keys must be str, int, float, bool or None"));
            }
            if r.is_ok() {
                out.push_str(&seps.key);
                r = encode(vm, e.value, seps, out);
            }
            if r.is_err() {
                break;
            }
        }
        vm.leave_call();
        r?;
        out.push('}');
    } else {
        let msg = alloc::format!(
            "Object of type {} is not JSON serializable",
            vm.type_name(v)
        );
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

fn json_dumps(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["separators"], "dumps")?;
    check_pos(vm, args, 1, 1, "dumps")?;
    let seps = seps_arg(vm, args)?;
    let mut out = String::new();
    encode(vm, args.pos[0], &seps, &mut out)?;
    vm.new_string(out)
}

/// `dump(obj, stream, separators=None)`: one `stream.write(text)` call.
fn json_dump(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["separators"], "dump")?;
    check_pos(vm, args, 2, 2, "dump")?;
    let seps = seps_arg(vm, args)?;
    let mut out = String::new();
    encode(vm, args.pos[0], &seps, &mut out)?;
    let s = vm.new_string(out)?;
    call_method(vm, args.pos[1], q::write, &[s])?;
    Ok(Value::NONE)
}

/// Recursive-descent parser over the input text (kept alive by the caller's argument).
struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

fn syntax_error(vm: &mut Vm) -> PyErr {
    vm.value_error("syntax error in JSON")
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, lit: &[u8]) -> bool {
        if self.s[self.i..].starts_with(lit) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.ws();
        let Some(c) = self.peek() else {
            return Err(syntax_error(vm));
        };
        match c {
            b'{' => {
                vm.enter_call()?;
                let r = self.object(vm);
                vm.leave_call();
                r
            }
            b'[' => {
                vm.enter_call()?;
                let r = self.array(vm);
                vm.leave_call();
                r
            }
            b'"' => self.string(vm),
            b'n' if self.eat(b"null") => Ok(Value::NONE),
            b't' if self.eat(b"true") => Ok(Value::TRUE),
            b'f' if self.eat(b"false") => Ok(Value::FALSE),
            b'-' | b'0'..=b'9' => self.number(vm),
            _ => Err(syntax_error(vm)),
        }
    }

    fn object(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.i += 1;
        // The dict is a local: a GC root while its members are parsed.
        let d = new_dict(vm)?;
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(d);
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(syntax_error(vm));
            }
            let k = self.string(vm)?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(syntax_error(vm));
            }
            self.i += 1;
            let v = self.value(vm)?;
            map_set(vm, d, k, v)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(d);
                }
                _ => return Err(syntax_error(vm)),
            }
        }
    }

    fn array(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.i += 1;
        let l = new_list(vm, &[])?;
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(l);
        }
        loop {
            let v = self.value(vm)?;
            list_append(vm, l, v)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(l);
                }
                _ => return Err(syntax_error(vm)),
            }
        }
    }

    fn hex4(&mut self, vm: &mut Vm) -> PyResult<u32> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| syntax_error(vm))?;
        let t = core::str::from_utf8(h).map_err(|_| syntax_error(vm))?;
        let n = u32::from_str_radix(t, 16).map_err(|_| syntax_error(vm))?;
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.i < self.s.len() && !matches!(self.s[self.i], b'"' | b'\\') {
                self.i += 1;
            }
            // The input is a str or UTF-8 bytes; invalid UTF-8 is a syntax error.
            let run = core::str::from_utf8(&self.s[start..self.i]).map_err(|_| syntax_error(vm))?;
            out.push_str(run);
            match self.peek() {
                None => return Err(syntax_error(vm)),
                Some(b'"') => {
                    self.i += 1;
                    return vm.new_string(out);
                }
                _ => {}
            }
            self.i += 1;
            let Some(e) = self.peek() else {
                return Err(syntax_error(vm));
            };
            self.i += 1;
            let c = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let mut n = self.hex4(vm)?;
                    // A surrogate pair encodes one character beyond the BMP.
                    if (0xd800..0xdc00).contains(&n) && self.s[self.i..].starts_with(b"\\u") {
                        let save = self.i;
                        self.i += 2;
                        let lo = self.hex4(vm)?;
                        if (0xdc00..0xe000).contains(&lo) {
                            n = 0x10000 + ((n - 0xd800) << 10) + (lo - 0xdc00);
                        } else {
                            self.i = save;
                        }
                    }
                    char::from_u32(n).unwrap_or('\u{fffd}')
                }
                _ => return Err(syntax_error(vm)),
            };
            out.push(c);
        }
    }

    fn number(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let start = self.i;
        let mut float = false;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        while let Some(c) = self.peek() {
            match c {
                b'0'..=b'9' => {}
                b'.' | b'e' | b'E' => float = true,
                b'+' | b'-' if float => {}
                _ => break,
            }
            self.i += 1;
        }
        let text = core::str::from_utf8(&self.s[start..self.i]).map_err(|_| syntax_error(vm))?;
        if float {
            decimal_number(vm, text)
        } else if let Ok(n) = text.parse::<i64>() {
            int_from_i64(vm, n)
        } else if text.trim_start_matches('-').is_empty() {
            Err(syntax_error(vm))
        } else {
            // Digits only (the loop above took nothing else): an int beyond i64.
            int_from_str(vm, text, 10)
        }
    }
}

fn decode(vm: &mut Vm, text: Value) -> PyResult<Value> {
    let s: &'static [u8] = match str_of(vm, text) {
        Some(s) => s.as_bytes(),
        None => match bytes_of(text) {
            Some(b) => b,
            None => {
                let msg = alloc::format!(
                    "the JSON object must be str or bytes, not {}",
                    vm.type_name(text)
                );
                return Err(vm.type_error(&msg));
            }
        },
    };
    let mut p = Parser { s, i: 0 };
    let v = p.value(vm)?;
    p.ws();
    if p.i != s.len() {
        return Err(syntax_error(vm));
    }
    Ok(v)
}

fn json_loads(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "loads")?;
    check_pos(vm, args, 1, 1, "loads")?;
    decode(vm, args.pos[0])
}

/// `load(stream)`: parse everything `stream.read()` returns.
fn json_load(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &[], "load")?;
    check_pos(vm, args, 1, 1, "load")?;
    let text = call_method(vm, args.pos[0], q::read, &[])?;
    if !is_str(text) && bytes_of(text).is_none() {
        return Err(vm.type_error("stream read() must return str or bytes"));
    }
    // Keep `text` live (a local) while `decode` borrows it.
    decode(vm, text)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::json,
    members: &[
        (q::dumps, Member::Fn(&NativeFn::new(q::dumps, json_dumps))),
        (q::dump, Member::Fn(&NativeFn::new(q::dump, json_dump))),
        (q::loads, Member::Fn(&NativeFn::new(q::loads, json_loads))),
        (q::load, Member::Fn(&NativeFn::new(q::load, json_load))),
    ],
};
