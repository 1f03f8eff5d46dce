//! Tab completion for the friendly REPL (MicroPython's `mp_repl_autocomplete`): the dotted name
//! before the cursor is split into an object path and a prefix; the path is looked up (globals,
//! then builtins, then attributes, without calling anything but attribute lookup) and the names
//! it offers that start with the prefix are the candidates.

use crate::obj::list::list_items;
use crate::obj::map::{map_get_qstr, next_entry};
use crate::obj::string::str_of;
use crate::value::Value;
use crate::vm::Vm;
use alloc::string::String;
use alloc::vec::Vec;

/// What Tab should do to the line.
#[derive(Debug, PartialEq, Eq)]
pub enum Completion {
    /// Nothing matches.
    None,
    /// Insert this text at the cursor (a unique match, or the common prefix of several).
    Insert(String),
    /// Several candidates and nothing more in common: show them.
    Show(Vec<String>),
}

/// Statement keywords worth completing (short ones like `if`/`in` gain nothing).
const KEYWORDS: &[&str] = &[
    "assert", "break", "class", "continue", "def", "elif", "else", "except", "finally", "from",
    "global", "import", "lambda", "nonlocal", "pass", "raise", "return", "while", "with", "yield",
];

/// Keywords only with the `async` feature (without it they are names).
#[cfg(feature = "async")]
const ASYNC_KEYWORDS: &[&str] = &["async", "await"];
#[cfg(not(feature = "async"))]
const ASYNC_KEYWORDS: &[&str] = &[];

/// Indentation Tab inserts on a line with nothing but spaces before the cursor.
const INDENT: &str = "    ";

pub fn complete(vm: &mut Vm, before_cursor: &str) -> Completion {
    if before_cursor.trim().is_empty() {
        return Completion::Insert(INDENT.into());
    }
    let start = before_cursor
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '_' || c == '.')
        .last()
        .map_or(before_cursor.len(), |(i, _)| i);
    let word = &before_cursor[start..];
    let (path, prefix) = match word.rfind('.') {
        Some(dot) => (&word[..dot], &word[dot + 1..]),
        None => ("", word),
    };
    let mut found = Matches {
        prefix,
        names: Vec::new(),
    };
    if !candidate_names(vm, path, &mut found) {
        return Completion::None;
    }
    let matches = found.names;
    match matches.len() {
        0 => Completion::None,
        1 => Completion::Insert(matches[0][prefix.len()..].into()),
        _ => {
            let common = common_prefix_len(&matches);
            if common > prefix.len() {
                Completion::Insert(matches[0][prefix.len()..common].into())
            } else {
                Completion::Show(matches)
            }
        }
    }
}

/// The names starting with `prefix`, sorted and distinct.
struct Matches<'p> {
    prefix: &'p str,
    names: Vec<String>,
}

impl Matches<'_> {
    /// Keep `name` if it matches. Private names only when asked for, as MicroPython does.
    /// Sorted by inserting in place: candidates are few, and it keeps a generic slice sort
    /// out of the firmware.
    fn offer(&mut self, name: &str) {
        if !name.starts_with(self.prefix) || (self.prefix.is_empty() && name.starts_with('_')) {
            return;
        }
        let at = self.names.binary_search_by(|n| n.as_str().cmp(name));
        if let Err(at) = at {
            self.names.insert(at, name.into());
        }
    }
}

/// Offer the names at `path` (empty: globals, builtins and keywords); false if the path does
/// not resolve.
fn candidate_names(vm: &mut Vm, path: &str, found: &mut Matches) -> bool {
    if path.is_empty() {
        for dict in [vm.main_globals, vm.builtins] {
            let mut pos = 0;
            while let Some(e) = next_entry(dict, &mut pos) {
                if let Some(s) = str_of(vm, e.key) {
                    found.offer(s);
                }
            }
        }
        for k in KEYWORDS.iter().chain(ASYNC_KEYWORDS) {
            found.offer(k);
        }
        return true;
    }
    let Some(listing) = dir_of_path(vm, path) else {
        return false;
    };
    for &n in list_items(listing) {
        if let Some(s) = str_of(vm, n) {
            found.offer(s);
        }
    }
    true
}

/// `dir()` of the object a dotted path names; names never interned are not looked up (they
/// can't exist).
fn dir_of_path(vm: &mut Vm, path: &str) -> Option<Value> {
    let mut parts = path.split('.');
    let first = vm.qstrs.find(parts.next()?)?;
    let mut obj = map_get_qstr(vm, vm.main_globals, first)
        .or_else(|| map_get_qstr(vm, vm.builtins, first))?;
    for part in parts {
        let name = vm.qstrs.find(part)?;
        obj = crate::attr::getattr_opt(vm, obj, name).ok()??;
    }
    let dir = map_get_qstr(vm, vm.builtins, crate::qstr::q::dir)?;
    crate::call::call(vm, dir, &[obj], &[]).ok()
}

fn common_prefix_len(words: &[String]) -> usize {
    let first = words[0].as_bytes();
    let mut n = first.len();
    for w in &words[1..] {
        n = n.min(
            first
                .iter()
                .zip(w.as_bytes())
                .take_while(|(a, b)| a == b)
                .count(),
        );
    }
    // Never split a UTF-8 character.
    while !words[0].is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Lay candidates out in 16-column slots, as MicroPython prints them.
pub fn format_candidates(names: &[String]) -> String {
    const SLOT: usize = 16;
    const LINE: usize = 4 * SLOT;
    let mut out = String::from("\n");
    let mut col = 0;
    for name in names {
        let width = name.chars().count();
        let slots = width / SLOT + 1;
        if col > 0 && col + slots * SLOT > LINE {
            out.push('\n');
            col = 0;
        }
        out.push_str(name);
        col += slots * SLOT;
        for _ in width..slots * SLOT {
            out.push(' ');
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out.push('\n');
    out
}
