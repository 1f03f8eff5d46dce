//! `re`: regular expressions, MicroPython's subset plus what CPython code commonly needs.
//!
//! Syntax: literals, `.`, `[...]`/`[^...]` with ranges, `^`, `$`, `|`, `(...)`, `(?:...)`,
//! `*` `+` `?` `{m}` `{m,}` `{m,n}` (each with a non-greedy `?` form), `\d \D \w \W \s \S`,
//! `\b \B`, and the usual character escapes. Flags are not supported (MicroPython has none).
//!
//! A pattern is parsed to a tree, then compiled to a small instruction program run by a
//! backtracking matcher with an explicit stack (no native recursion while matching, so deep
//! inputs cannot overflow the stack). Compiled programs are plain Rust data with no `Value`s;
//! pattern objects keep only their source and recompile per call, so nothing needs a destructor
//! in the GC heap. Subjects are str (matched by character) or bytes (by byte); spans reported
//! to Python count characters, as in CPython.

use crate::{check_args, check_kw, check_pos, kwarg};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;
use mpy_core::call::call;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{
    list_append, new_list, new_tuple, new_tuple_uninit, tuple_items, tuple_set,
};
use mpy_core::obj::string::{bytes_of, new_bytes, new_str, str_of};
use mpy_core::obj::types::OBJECT_TYPE;
use mpy_core::obj::{obj, type_of, Args, Kind, NativeFn, NativeSlots, ObjHeader, TypeObj};
use mpy_core::ops::{repr_into, to_index};
use mpy_core::qstr::{q, Qstr};
use mpy_core::value::Value;
use mpy_core::vm::{PyErr, PyResult, Vm};

// ---------------------------------------------------------------- parsing

#[derive(Clone, Copy, PartialEq)]
enum Builtin {
    Digit,
    Word,
    Space,
}

#[derive(Clone, Copy)]
enum ClassItem {
    Range(u32, u32),
    /// `\d` `\w` `\s` (negated: `\D` `\W` `\S`).
    Set(Builtin, bool),
}

#[derive(Clone)]
struct Class {
    neg: bool,
    items: Vec<ClassItem>,
}

#[derive(Clone)]
enum Node {
    Char(u32),
    Any,
    Class(Class),
    Bol,
    Eol,
    WordB(bool),
    Group(Box<Node>, Option<usize>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: usize,
        max: Option<usize>,
        greedy: bool,
    },
}

/// Upper bound on counted repetitions and program size (each copy is compiled out).
const MAX_REPEAT: usize = 1000;
const MAX_PROG: usize = 20_000;

struct Parser<'a> {
    p: &'a [u32],
    i: usize,
    ngroups: usize,
}

type PResult<T> = Result<T, String>;

impl Parser<'_> {
    fn peek(&self) -> Option<u32> {
        self.p.get(self.i).copied()
    }

    fn alt(&mut self) -> PResult<Node> {
        let mut alts = alloc::vec![self.concat()?];
        while self.peek() == Some('|' as u32) {
            self.i += 1;
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self) -> PResult<Node> {
        let mut seq = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' as u32 || c == ')' as u32 {
                break;
            }
            let atom = self.atom()?;
            let atom = self.repeat(atom)?;
            seq.push(atom);
        }
        Ok(Node::Concat(seq))
    }

    fn number(&mut self) -> Option<usize> {
        let start = self.i;
        let mut n: usize = 0;
        while let Some(d) = self.peek().and_then(|c| char::from_u32(c)?.to_digit(10)) {
            n = n.saturating_mul(10).saturating_add(d as usize);
            self.i += 1;
        }
        (self.i > start).then_some(n)
    }

    /// `{m}`, `{m,}`, `{m,n}`, `{,n}`; None (position restored) if not a valid quantifier,
    /// in which case `{` is a literal (CPython).
    fn counted(&mut self) -> Option<(usize, Option<usize>)> {
        let save = self.i;
        self.i += 1;
        let min = self.number();
        let r = if self.peek() == Some(',' as u32) {
            self.i += 1;
            let max = self.number();
            (min.unwrap_or(0), max)
        } else {
            match min {
                Some(m) => (m, Some(m)),
                None => {
                    self.i = save;
                    return None;
                }
            }
        };
        if self.peek() != Some('}' as u32) {
            self.i = save;
            return None;
        }
        self.i += 1;
        Some(r)
    }

    fn repeat(&mut self, atom: Node) -> PResult<Node> {
        let Some(c) = self.peek() else {
            return Ok(atom);
        };
        let (min, max) = match char::from_u32(c) {
            Some('*') => {
                self.i += 1;
                (0, None)
            }
            Some('+') => {
                self.i += 1;
                (1, None)
            }
            Some('?') => {
                self.i += 1;
                (0, Some(1))
            }
            Some('{') => match self.counted() {
                Some(r) => r,
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        if let Some(m) = max {
            if m < min {
                return Err(String::from("min repeat greater than max repeat"));
            }
        }
        if min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT) {
            return Err(String::from("repetition count too large"));
        }
        if matches!(atom, Node::Bol | Node::Eol | Node::WordB(_))
            || matches!(&atom, Node::Repeat { .. })
        {
            return Err(String::from("nothing to repeat"));
        }
        let greedy = if self.peek() == Some('?' as u32) {
            self.i += 1;
            false
        } else {
            true
        };
        if matches!(self.peek().and_then(char::from_u32), Some('*' | '+' | '?')) {
            return Err(String::from("multiple repeat"));
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    fn atom(&mut self) -> PResult<Node> {
        let c = self.p[self.i];
        self.i += 1;
        Ok(match char::from_u32(c).unwrap_or('\0') {
            '.' => Node::Any,
            '^' => Node::Bol,
            '$' => Node::Eol,
            '*' | '+' | '?' => return Err(String::from("nothing to repeat")),
            '(' => {
                let index = if self.p[self.i..].starts_with(&['?' as u32, ':' as u32]) {
                    self.i += 2;
                    None
                } else if self.peek() == Some('?' as u32) {
                    return Err(String::from("unsupported group syntax"));
                } else {
                    self.ngroups += 1;
                    Some(self.ngroups)
                };
                let inner = self.alt()?;
                if self.peek() != Some(')' as u32) {
                    return Err(String::from("missing ), unterminated subpattern"));
                }
                self.i += 1;
                Node::Group(Box::new(inner), index)
            }
            ')' => return Err(String::from("unbalanced parenthesis")),
            '[' => Node::Class(self.class()?),
            '\\' => match self.escape(false)? {
                Esc::Char(c) => Node::Char(c),
                Esc::Set(b, neg) => Node::Class(Class {
                    neg: false,
                    items: alloc::vec![ClassItem::Set(b, neg)],
                }),
                Esc::WordB(b) => Node::WordB(b),
            },
            _ => Node::Char(c),
        })
    }

    fn escape(&mut self, in_class: bool) -> PResult<Esc> {
        let Some(c) = self.peek() else {
            return Err(String::from("bad escape (end of pattern)"));
        };
        self.i += 1;
        let ch = char::from_u32(c).unwrap_or('\0');
        Ok(match ch {
            'd' => Esc::Set(Builtin::Digit, false),
            'D' => Esc::Set(Builtin::Digit, true),
            'w' => Esc::Set(Builtin::Word, false),
            'W' => Esc::Set(Builtin::Word, true),
            's' => Esc::Set(Builtin::Space, false),
            'S' => Esc::Set(Builtin::Space, true),
            'b' if in_class => Esc::Char(8),
            'b' => Esc::WordB(true),
            'B' if !in_class => Esc::WordB(false),
            'n' => Esc::Char('\n' as u32),
            't' => Esc::Char('\t' as u32),
            'r' => Esc::Char('\r' as u32),
            'f' => Esc::Char(0x0c),
            'v' => Esc::Char(0x0b),
            'a' => Esc::Char(7),
            '0' => Esc::Char(0),
            'x' => {
                let h = self
                    .p
                    .get(self.i..self.i + 2)
                    .ok_or("incomplete escape \\x")?;
                let mut v = 0;
                for &d in h {
                    let d = char::from_u32(d)
                        .and_then(|d| d.to_digit(16))
                        .ok_or("incomplete escape \\x")?;
                    v = v * 16 + d;
                }
                self.i += 2;
                Esc::Char(v)
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(alloc::format!("bad escape \\{}", c));
            }
            _ => Esc::Char(c),
        })
    }

    fn class(&mut self) -> PResult<Class> {
        let mut cls = Class {
            neg: false,
            items: Vec::new(),
        };
        if self.peek() == Some('^' as u32) {
            self.i += 1;
            cls.neg = true;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(String::from("unterminated character set"));
            };
            self.i += 1;
            if c == ']' as u32 && !first {
                return Ok(cls);
            }
            first = false;
            let lo = if c == '\\' as u32 {
                match self.escape(true)? {
                    Esc::Char(c) => c,
                    Esc::Set(b, neg) => {
                        cls.items.push(ClassItem::Set(b, neg));
                        continue;
                    }
                    Esc::WordB(_) => return Err(String::from("bad escape in set")),
                }
            } else {
                c
            };
            // A range `lo-hi` (a `-` before `]` is literal).
            if self.peek() == Some('-' as u32)
                && self.p.get(self.i + 1).is_some_and(|&n| n != ']' as u32)
            {
                self.i += 1;
                let h = self.p[self.i];
                self.i += 1;
                let hi = if h == '\\' as u32 {
                    match self.escape(true)? {
                        Esc::Char(c) => c,
                        _ => return Err(String::from("bad character range")),
                    }
                } else {
                    h
                };
                if hi < lo {
                    return Err(String::from("bad character range"));
                }
                cls.items.push(ClassItem::Range(lo, hi));
            } else {
                cls.items.push(ClassItem::Range(lo, lo));
            }
        }
    }
}

enum Esc {
    Char(u32),
    Set(Builtin, bool),
    WordB(bool),
}

// ---------------------------------------------------------------- compiling

#[derive(Clone, Copy)]
enum Inst {
    Char(u32),
    Any,
    Class(usize),
    Bol,
    Eol,
    WordB(bool),
    /// `x*` / `x*?` for a single-character matcher `x` (the next instruction): one
    /// backtracking entry for the whole run instead of one per character.
    Star(bool),
    /// Try the first target, backtrack to the second.
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    /// Record the position at the start of a loop iteration in a register...
    Mark(usize),
    /// ...and leave the loop (to the target) if the iteration consumed nothing: an empty
    /// iteration counts once, then the loop stops (CPython's result for `(a*)*`).
    Progress(usize, usize),
    Match,
}

struct Prog {
    insts: Vec<Inst>,
    classes: Vec<Class>,
    ngroups: usize,
    nregs: usize,
}

impl Prog {
    fn emit(&mut self, i: Inst) -> PResult<usize> {
        if self.insts.len() >= MAX_PROG {
            return Err(String::from("pattern too large"));
        }
        self.insts.push(i);
        Ok(self.insts.len() - 1)
    }

    fn patch(&mut self, at: usize, i: Inst) {
        self.insts[at] = i;
    }

    fn compile(&mut self, n: &Node) -> PResult<()> {
        match n {
            Node::Char(c) => {
                self.emit(Inst::Char(*c))?;
            }
            Node::Any => {
                self.emit(Inst::Any)?;
            }
            Node::Class(c) => {
                self.classes.push(c.clone());
                self.emit(Inst::Class(self.classes.len() - 1))?;
            }
            Node::Bol => {
                self.emit(Inst::Bol)?;
            }
            Node::Eol => {
                self.emit(Inst::Eol)?;
            }
            Node::WordB(b) => {
                self.emit(Inst::WordB(*b))?;
            }
            Node::Group(inner, idx) => {
                if let Some(g) = idx {
                    self.emit(Inst::Save(2 * g))?;
                }
                self.compile(inner)?;
                if let Some(g) = idx {
                    self.emit(Inst::Save(2 * g + 1))?;
                }
            }
            Node::Concat(seq) => {
                for x in seq {
                    self.compile(x)?;
                }
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (k, a) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.compile(a)?;
                        jumps.push(self.emit(Inst::Jmp(0))?);
                        let next = self.insts.len();
                        self.patch(split, Inst::Split(split + 1, next));
                    } else {
                        self.compile(a)?;
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.patch(j, Inst::Jmp(end));
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                for _ in 0..*min {
                    self.compile(node)?;
                }
                let single = matches!(**node, Node::Char(_) | Node::Any | Node::Class(_));
                match max {
                    None if single => {
                        // star(greedy); x; (the continuation follows)
                        self.emit(Inst::Star(*greedy))?;
                        self.compile(node)?;
                    }
                    None => {
                        // L: split(body, end); mark; body; progress; jmp L; end:
                        let reg = self.nregs;
                        self.nregs += 1;
                        let l = self.emit(Inst::Split(0, 0))?;
                        self.emit(Inst::Mark(reg))?;
                        self.compile(node)?;
                        let progress = self.emit(Inst::Progress(reg, 0))?;
                        self.emit(Inst::Jmp(l))?;
                        let end = self.insts.len();
                        self.patch(l, split(*greedy, l + 1, end));
                        self.patch(progress, Inst::Progress(reg, end));
                    }
                    Some(m) => {
                        let mut splits = Vec::new();
                        for _ in *min..*m {
                            splits.push(self.emit(Inst::Split(0, 0))?);
                            self.compile(node)?;
                        }
                        let end = self.insts.len();
                        for s in splits {
                            self.patch(s, split(*greedy, s + 1, end));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

fn split(greedy: bool, body: usize, end: usize) -> Inst {
    if greedy {
        Inst::Split(body, end)
    } else {
        Inst::Split(end, body)
    }
}

/// Parse and compile `pattern` (already decoded to characters).
fn build(pattern: &[u32]) -> PResult<Prog> {
    let mut p = Parser {
        p: pattern,
        i: 0,
        ngroups: 0,
    };
    let tree = p.alt()?;
    if p.i < pattern.len() {
        return Err(String::from("unbalanced parenthesis"));
    }
    let mut prog = Prog {
        insts: Vec::new(),
        classes: Vec::new(),
        ngroups: p.ngroups,
        nregs: 0,
    };
    prog.emit(Inst::Save(0))?;
    prog.compile(&tree)?;
    prog.emit(Inst::Save(1))?;
    prog.emit(Inst::Match)?;
    Ok(prog)
}

// ---------------------------------------------------------------- matching

/// The subject: str (UTF-8, matched by character) or bytes (by byte).
#[derive(Clone, Copy)]
struct Subject<'a> {
    s: &'a [u8],
    utf8: bool,
}

impl Subject<'_> {
    /// The character at byte offset `i` (< end) and its length.
    fn at(&self, i: usize) -> (u32, usize) {
        let b = self.s[i];
        if !self.utf8 || b < 0x80 {
            return (b as u32, 1);
        }
        let n = if b >= 0xf0 {
            4
        } else if b >= 0xe0 {
            3
        } else {
            2
        };
        let n = n.min(self.s.len() - i);
        let mut c = (b as u32) & (0x7f >> n);
        for &x in &self.s[i + 1..i + n] {
            c = c << 6 | (x as u32 & 0x3f);
        }
        (c, n)
    }

    /// The character before byte offset `i` (> 0).
    fn before(&self, i: usize) -> u32 {
        let mut j = i - 1;
        if self.utf8 {
            while j > 0 && self.s[j] & 0xc0 == 0x80 {
                j -= 1;
            }
        }
        self.at(j).0
    }

    fn next_boundary(&self, i: usize) -> usize {
        i + self.at(i).1
    }

    fn is_word(&self, c: u32) -> bool {
        builtin(Builtin::Word, c, self.utf8)
    }
}

fn builtin(b: Builtin, c: u32, unicode: bool) -> bool {
    let ch = char::from_u32(c).unwrap_or('\0');
    match b {
        Builtin::Digit => ch.is_ascii_digit(),
        Builtin::Word => {
            ch == '_'
                || if unicode && c >= 0x80 {
                    ch.is_alphanumeric()
                } else {
                    ch.is_ascii_alphanumeric()
                }
        }
        Builtin::Space => {
            // str patterns use Unicode whitespace (which includes \x1c-\x1f); bytes ASCII.
            matches!(c, 0x20 | 0x09..=0x0d)
                || (unicode && (ch.is_whitespace() || (0x1c..=0x1f).contains(&c)))
        }
    }
}

fn class_has(cls: &Class, c: u32, unicode: bool) -> bool {
    let hit = cls.items.iter().any(|it| match *it {
        ClassItem::Range(lo, hi) => lo <= c && c <= hi,
        ClassItem::Set(b, neg) => builtin(b, c, unicode) != neg,
    });
    hit != cls.neg
}

enum Bt {
    Alt(usize, usize),
    Restore(usize, isize),
    /// Greedy single-character star: resume at `pc` with one character fewer than `cur`,
    /// down to `start`.
    GreedyBack {
        pc: usize,
        start: usize,
        cur: usize,
    },
    /// Lazy single-character star: resume at `pc` after one more character from `cur`.
    LazyFwd {
        pc: usize,
        matcher: usize,
        cur: usize,
    },
}

/// Match the single-character instruction `inst` at `pos`: the position after it.
fn single(prog: &Prog, inst: Inst, subj: Subject, pos: usize, end: usize) -> Option<usize> {
    if pos >= end {
        return None;
    }
    let (x, n) = subj.at(pos);
    let ok = match inst {
        Inst::Char(c) => x == c,
        Inst::Any => x != '\n' as u32,
        Inst::Class(k) => class_has(&prog.classes[k], x, subj.utf8),
        _ => false,
    };
    ok.then_some(pos + n)
}

/// The character boundary before `i` (> 0).
fn prev_boundary(subj: Subject, i: usize) -> usize {
    let mut j = i - 1;
    if subj.utf8 {
        while j > 0 && subj.s[j] & 0xc0 == 0x80 {
            j -= 1;
        }
    }
    j
}

/// Run `prog` anchored at `start` on `subj[..end]`; on success `slots` holds the group
/// byte offsets (-1 unset). `full`: the match must end at `end`.
fn run(
    vm: &mut Vm,
    prog: &Prog,
    subj: Subject,
    start: usize,
    end: usize,
    full: bool,
    slots: &mut [isize],
) -> PyResult<bool> {
    let nslots = 2 * (prog.ngroups + 1);
    for s in slots.iter_mut() {
        *s = -1;
    }
    let mut regs = alloc::vec![-1isize; prog.nregs];
    let mut stack: Vec<Bt> = Vec::new();
    let (mut pc, mut pos) = (0usize, start);
    let mut steps: u32 = 0;
    // Backtracking state is bounded by a quarter of the heap's size (on boards Rust
    // allocations come from the heap too): MemoryError instead of exhausting the allocator.
    let max_stack = vm.heap.total_bytes() / 4 / core::mem::size_of::<Bt>();
    loop {
        steps = steps.wrapping_add(1);
        if steps.is_multiple_of(4096) {
            vm.check_interrupt()?;
        }
        let ok = match prog.insts[pc] {
            i @ (Inst::Char(_) | Inst::Any | Inst::Class(_)) => {
                match single(prog, i, subj, pos, end) {
                    Some(p) => {
                        pos = p;
                        true
                    }
                    None => false,
                }
            }
            Inst::Star(greedy) => {
                let matcher = pc + 1;
                let next_pc = pc + 2;
                if stack.len() >= max_stack {
                    return Err(vm.memory_error_now());
                }
                if greedy {
                    let start = pos;
                    while let Some(p) = single(prog, prog.insts[matcher], subj, pos, end) {
                        pos = p;
                    }
                    if pos > start {
                        stack.push(Bt::GreedyBack {
                            pc: next_pc,
                            start,
                            cur: pos,
                        });
                    }
                } else {
                    stack.push(Bt::LazyFwd {
                        pc: next_pc,
                        matcher,
                        cur: pos,
                    });
                }
                pc = next_pc;
                continue;
            }
            Inst::Bol => pos == 0,
            // End of input, or before a final newline (CPython's `$` without MULTILINE).
            Inst::Eol => pos == end || (pos + 1 == end && subj.s[pos] == b'\n'),
            Inst::WordB(want) => {
                let a = pos > 0 && subj.is_word(subj.before(pos));
                let b = pos < end && subj.is_word(subj.at(pos).0);
                (a != b) == want
            }
            Inst::Split(a, b) => {
                if stack.len() >= max_stack {
                    return Err(vm.memory_error_now());
                }
                stack.push(Bt::Alt(b, pos));
                pc = a;
                continue;
            }
            Inst::Jmp(a) => {
                pc = a;
                continue;
            }
            Inst::Save(k) => {
                if k < nslots {
                    stack.push(Bt::Restore(k, slots[k]));
                    slots[k] = pos as isize;
                }
                true
            }
            Inst::Mark(r) => {
                stack.push(Bt::Restore(nslots + r, regs[r]));
                regs[r] = pos as isize;
                true
            }
            Inst::Progress(r, exit) => {
                if regs[r] == pos as isize {
                    pc = exit;
                    continue;
                }
                true
            }
            Inst::Match => {
                if !full || pos == end {
                    return Ok(true);
                }
                false
            }
        };
        if ok {
            pc += 1;
            continue;
        }
        // Backtrack: undo saves down to the most recent alternative.
        loop {
            match stack.pop() {
                None => return Ok(false),
                Some(Bt::Restore(k, old)) => {
                    if k < nslots {
                        slots[k] = old;
                    } else {
                        regs[k - nslots] = old;
                    }
                }
                Some(Bt::Alt(a, p)) => {
                    pc = a;
                    pos = p;
                    break;
                }
                Some(Bt::GreedyBack { pc: a, start, cur }) => {
                    let p = prev_boundary(subj, cur);
                    if p > start {
                        stack.push(Bt::GreedyBack {
                            pc: a,
                            start,
                            cur: p,
                        });
                    }
                    pc = a;
                    pos = p;
                    break;
                }
                Some(Bt::LazyFwd {
                    pc: a,
                    matcher,
                    cur,
                }) => {
                    if let Some(p) = single(prog, prog.insts[matcher], subj, cur, end) {
                        stack.push(Bt::LazyFwd {
                            pc: a,
                            matcher,
                            cur: p,
                        });
                        pc = a;
                        pos = p;
                        break;
                    }
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Search,
    Full,
}

/// Find a match starting at or after `start` (Search) or exactly at it.
fn exec(
    vm: &mut Vm,
    prog: &Prog,
    subj: Subject,
    start: usize,
    end: usize,
    mode: Mode,
    slots: &mut [isize],
) -> PyResult<bool> {
    let mut at = start;
    loop {
        if run(vm, prog, subj, at, end, mode == Mode::Full, slots)? {
            return Ok(true);
        }
        if mode != Mode::Search || at >= end {
            return Ok(false);
        }
        at = subj.next_boundary(at);
    }
}

// ---------------------------------------------------------------- Python objects

#[repr(C)]
struct PatternObj {
    header: ObjHeader,
    /// The pattern source (str or bytes).
    source: Cell<Value>,
}

#[repr(C)]
struct MatchObj {
    header: ObjHeader,
    /// The subject string (kept alive for `group`).
    subject: Cell<Value>,
    /// Tuple of group byte offsets, start/end pairs, -1 when a group did not take part.
    spans: Cell<Value>,
}

static PATTERN_SLOTS: NativeSlots = NativeSlots {
    repr: Some(pattern_repr),
    next: None,
};

static MATCH_SLOTS: NativeSlots = NativeSlots {
    repr: Some(match_repr),
    next: None,
};

static PATTERN_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::r#match, &NativeFn::method(q::r#match, pattern_match)),
    (q::search, &NativeFn::method(q::search, pattern_search)),
    (
        q::fullmatch,
        &NativeFn::method(q::fullmatch, pattern_fullmatch),
    ),
    (q::sub, &NativeFn::method(q::sub, pattern_sub)),
    (q::split, &NativeFn::method(q::split, pattern_split)),
    (q::findall, &NativeFn::method(q::findall, pattern_findall)),
];

pub static PATTERN_TYPE: TypeObj = TypeObj {
    slots: Some(&PATTERN_SLOTS),
    ..TypeObj::builtin(Kind::Native, q::Pattern, &OBJECT_TYPE, PATTERN_METHODS)
};

static MATCH_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::group, &NativeFn::method(q::group, match_group)),
    (q::groups, &NativeFn::method(q::groups, match_groups)),
    (q::start, &NativeFn::method(q::start, match_start)),
    (q::end, &NativeFn::method(q::end, match_end)),
    (q::span, &NativeFn::method(q::span, match_span)),
];

pub static MATCH_TYPE: TypeObj = TypeObj {
    slots: Some(&MATCH_SLOTS),
    ..TypeObj::builtin(Kind::Native, q::Match, &OBJECT_TYPE, MATCH_METHODS)
};

fn re_error(vm: &mut Vm, msg: &str) -> PyErr {
    // CPython raises re.error (a ValueError subclass); MicroPython ValueError.
    vm.value_error(msg)
}

/// A pattern argument's source: a Pattern object's, or the str/bytes itself.
fn source_of(v: Value) -> Value {
    if v.is_obj() && core::ptr::eq(type_of(v), &PATTERN_TYPE) {
        // SAFETY: values of PATTERN_TYPE are PatternObj allocations (`new_pattern`).
        unsafe { obj::<PatternObj>(v) }.source.get()
    } else {
        v
    }
}

/// Text of a str or bytes value; `utf8` tells which.
fn text_of(vm: &mut Vm, v: Value, what: &str) -> PyResult<Subject<'static>> {
    if let Some(s) = str_of(vm, v) {
        return Ok(Subject {
            s: s.as_bytes(),
            utf8: true,
        });
    }
    if let Some(b) = bytes_of(v) {
        return Ok(Subject { s: b, utf8: false });
    }
    let msg = alloc::format!("{} must be str or bytes, not '{}'", what, vm.type_name(v));
    Err(vm.type_error(&msg))
}

/// Compile a pattern (str/bytes or Pattern); returns the program and whether it is a str one.
fn compile_arg(vm: &mut Vm, pat: Value) -> PyResult<(Prog, bool)> {
    let src = source_of(pat);
    let t = text_of(vm, src, "pattern")?;
    let mut chars = Vec::new();
    let mut i = 0;
    while i < t.s.len() {
        let (c, n) = t.at(i);
        chars.push(c);
        i += n;
    }
    build(&chars)
        .map(|p| (p, t.utf8))
        .map_err(|m| re_error(vm, &m))
}

fn flags_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<()> {
    match v {
        Some(f) if !f.is_none() && to_index(vm, f)? != 0 => {
            Err(vm.value_error("regex flags are not supported"))
        }
        _ => Ok(()),
    }
}

fn new_pattern(vm: &mut Vm, src: Value) -> PyResult<Value> {
    vm.alloc_obj(
        PatternObj {
            header: ObjHeader { ty: &PATTERN_TYPE },
            source: Cell::new(src),
        },
        0,
    )
}

/// `compile(pattern, flags=0)`: the pattern is checked now.
fn re_compile(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["flags"], "compile")?;
    check_pos(vm, args, 1, 2, "compile")?;
    flags_arg(
        vm,
        args.pos
            .get(1)
            .copied()
            .or_else(|| kwarg(vm, args, "flags")),
    )?;
    let pat = args.pos[0];
    if pat.is_obj() && core::ptr::eq(type_of(pat), &PATTERN_TYPE) {
        return Ok(pat);
    }
    compile_arg(vm, pat)?;
    new_pattern(vm, pat)
}

fn subject_arg(vm: &mut Vm, v: Value, str_pattern: bool) -> PyResult<Subject<'static>> {
    let t = text_of(vm, v, "string")?;
    if t.utf8 != str_pattern {
        let msg = if str_pattern {
            "cannot use a string pattern on a bytes-like object"
        } else {
            "cannot use a bytes pattern on a string-like object"
        };
        return Err(vm.type_error(msg));
    }
    Ok(t)
}

/// Character index -> byte offset (clamped to the subject).
fn char_to_byte(t: Subject, n: isize) -> usize {
    let n = n.max(0) as usize;
    if !t.utf8 {
        return n.min(t.s.len());
    }
    let mut i = 0;
    let mut k = 0;
    while i < t.s.len() && k < n {
        i = t.next_boundary(i);
        k += 1;
    }
    i
}

fn byte_to_char(t: Subject, b: usize) -> usize {
    if !t.utf8 {
        return b;
    }
    t.s[..b].iter().filter(|&&c| c & 0xc0 != 0x80).count()
}

fn new_match(vm: &mut Vm, subject: Value, slots: &[isize]) -> PyResult<Value> {
    let spans = new_tuple_uninit(vm, slots.len())?;
    for (i, &s) in slots.iter().enumerate() {
        tuple_set(spans, i, Value::small_int(s));
    }
    vm.alloc_obj(
        MatchObj {
            header: ObjHeader { ty: &MATCH_TYPE },
            subject: Cell::new(subject),
            spans: Cell::new(spans),
        },
        0,
    )
}

/// `match` / `search` / `fullmatch` given the pattern, subject and optional pos/endpos.
fn do_match(
    vm: &mut Vm,
    pat: Value,
    subject: Value,
    pos: Option<Value>,
    endpos: Option<Value>,
    mode: Mode,
) -> PyResult<Value> {
    let (prog, is_str) = compile_arg(vm, pat)?;
    let t = subject_arg(vm, subject, is_str)?;
    let start = match pos {
        Some(p) => char_to_byte(t, to_index(vm, p)?),
        None => 0,
    };
    let end = match endpos {
        Some(p) => char_to_byte(t, to_index(vm, p)?),
        None => t.s.len(),
    };
    let mut slots = alloc::vec![-1isize; 2 * (prog.ngroups + 1)];
    if start > end || !exec(vm, &prog, t, start, end, mode, &mut slots)? {
        return Ok(Value::NONE);
    }
    new_match(vm, subject, &slots)
}

fn module_match(vm: &mut Vm, args: &Args, mode: Mode, name: &str) -> PyResult<Value> {
    check_kw(vm, args, &["flags"], name)?;
    check_pos(vm, args, 2, 3, name)?;
    flags_arg(
        vm,
        args.pos
            .get(2)
            .copied()
            .or_else(|| kwarg(vm, args, "flags")),
    )?;
    do_match(vm, args.pos[0], args.pos[1], None, None, mode)
}

fn re_match(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    module_match(vm, args, Mode::Match, "match")
}

fn re_search(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    module_match(vm, args, Mode::Search, "search")
}

fn re_fullmatch(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    module_match(vm, args, Mode::Full, "fullmatch")
}

fn pattern_method(vm: &mut Vm, args: &Args, mode: Mode, name: &str) -> PyResult<Value> {
    check_kw(vm, args, &["pos", "endpos"], name)?;
    check_pos(vm, args, 2, 4, name)?;
    let pos = args.pos.get(2).copied().or_else(|| kwarg(vm, args, "pos"));
    let endpos = args
        .pos
        .get(3)
        .copied()
        .or_else(|| kwarg(vm, args, "endpos"));
    do_match(vm, args.pos[0], args.pos[1], pos, endpos, mode)
}

fn pattern_match(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    pattern_method(vm, args, Mode::Match, "match")
}

fn pattern_search(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    pattern_method(vm, args, Mode::Search, "search")
}

fn pattern_fullmatch(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    pattern_method(vm, args, Mode::Full, "fullmatch")
}

fn pattern_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    // SAFETY: the slot is only called for PATTERN_TYPE values.
    let src = unsafe { obj::<PatternObj>(v) }.source.get();
    let mut out = String::from("re.compile(");
    repr_into(vm, src, &mut out)?;
    out.push(')');
    vm.new_string(out)
}

// ---- match objects

fn match_ref(vm: &mut Vm, v: Value) -> PyResult<&'static MatchObj> {
    if v.is_obj() && core::ptr::eq(type_of(v), &MATCH_TYPE) {
        // SAFETY: values of MATCH_TYPE are MatchObj allocations (`new_match`).
        return Ok(unsafe { obj::<MatchObj>(v) });
    }
    let msg = alloc::format!("expected a match object, not '{}'", vm.type_name(v));
    Err(vm.type_error(&msg))
}

/// Group number from an argument (IndexError when out of range).
fn group_index(vm: &mut Vm, m: &MatchObj, g: Option<Value>) -> PyResult<usize> {
    let n = tuple_items(m.spans.get()).len() / 2;
    let i = match g {
        Some(g) if mpy_core::obj::num::is_int(g) => to_index(vm, g)?,
        Some(_) => return Err(vm.index_error("no such group")),
        None => 0,
    };
    if i < 0 || i as usize >= n {
        return Err(vm.index_error("no such group"));
    }
    Ok(i as usize)
}

/// Byte span of group `i`, None if it did not participate.
fn group_span(m: &MatchObj, i: usize) -> Option<(usize, usize)> {
    let s = tuple_items(m.spans.get());
    let (a, b) = (s[2 * i].as_small_int()?, s[2 * i + 1].as_small_int()?);
    (a >= 0 && b >= 0).then_some((a as usize, b as usize))
}

/// The text of group `i` (None if it did not participate).
fn group_value(vm: &mut Vm, m: &MatchObj, i: usize) -> PyResult<Value> {
    let subject = m.subject.get();
    let Some((a, b)) = group_span(m, i) else {
        return Ok(Value::NONE);
    };
    match str_of(vm, subject) {
        Some(s) => new_str(vm, &s[a..b]),
        None => {
            let bytes = bytes_of(subject).unwrap_or(&[]);
            new_bytes(vm, &bytes[a..b])
        }
    }
}

fn match_group(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, usize::MAX, "group")?;
    let m = match_ref(vm, args.pos[0])?;
    if args.pos.len() <= 2 {
        let i = group_index(vm, m, args.pos.get(1).copied())?;
        return group_value(vm, m, i);
    }
    let t = new_tuple_uninit(vm, args.pos.len() - 1)?;
    for (k, &g) in args.pos[1..].iter().enumerate() {
        let i = group_index(vm, m, Some(g))?;
        let v = group_value(vm, m, i)?;
        tuple_set(t, k, v);
    }
    Ok(t)
}

fn match_groups(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["default"], "groups")?;
    check_pos(vm, args, 1, 2, "groups")?;
    let m = match_ref(vm, args.pos[0])?;
    let default = args
        .pos
        .get(1)
        .copied()
        .or_else(|| kwarg(vm, args, "default"))
        .unwrap_or(Value::NONE);
    let n = tuple_items(m.spans.get()).len() / 2;
    let t = new_tuple_uninit(vm, n - 1)?;
    for i in 1..n {
        let v = if group_span(m, i).is_some() {
            group_value(vm, m, i)?
        } else {
            default
        };
        tuple_set(t, i - 1, v);
    }
    Ok(t)
}

/// Character span of a group: (-1, -1) if it did not participate.
fn char_span(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(isize, isize)> {
    check_args(vm, args, 1, 2, name)?;
    let m = match_ref(vm, args.pos[0])?;
    let i = group_index(vm, m, args.pos.get(1).copied())?;
    let subject = m.subject.get();
    let t = text_of(vm, subject, "string")?;
    Ok(match group_span(m, i) {
        Some((a, b)) => (byte_to_char(t, a) as isize, byte_to_char(t, b) as isize),
        None => (-1, -1),
    })
}

fn match_start(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, _) = char_span(vm, args, "start")?;
    Ok(Value::small_int(a))
}

fn match_end(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (_, b) = char_span(vm, args, "end")?;
    Ok(Value::small_int(b))
}

fn match_span(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = char_span(vm, args, "span")?;
    new_tuple(vm, &[Value::small_int(a), Value::small_int(b)])
}

/// `<re.Match object; span=(0, 2), match='ab'>` (CPython's form).
fn match_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (a, b) = char_span(vm, &Args::new(&[v]), "__repr__")?;
    let m = match_ref(vm, v)?;
    let g = group_value(vm, m, 0)?;
    let mut out = alloc::format!("<re.Match object; span=({}, {}), match=", a, b);
    repr_into(vm, g, &mut out)?;
    out.push('>');
    vm.new_string(out)
}

// ---- sub, split, findall

/// Every non-overlapping match, CPython 3.7+ rules: an empty match is allowed right after a
/// non-empty one, and after an empty match the search resumes one character later.
/// `f(slots)` is called per match; it returns false to stop.
fn each_match(
    vm: &mut Vm,
    prog: &Prog,
    t: Subject,
    limit: usize,
    f: &mut dyn FnMut(&mut Vm, &[isize]) -> PyResult<()>,
) -> PyResult<()> {
    let mut slots = alloc::vec![-1isize; 2 * (prog.ngroups + 1)];
    let mut pos = 0;
    let mut count = 0;
    let end = t.s.len();
    while pos <= end && (limit == 0 || count < limit) {
        if !exec(vm, prog, t, pos, end, Mode::Search, &mut slots)? {
            break;
        }
        count += 1;
        f(vm, &slots)?;
        let (a, b) = (slots[0] as usize, slots[1] as usize);
        pos = if a == b {
            if b >= end {
                break;
            }
            t.next_boundary(b)
        } else {
            b
        };
    }
    Ok(())
}

/// Expand a replacement template: `\1`..`\99`, `\g<n>`, and character escapes.
fn expand(
    vm: &mut Vm,
    tmpl: &[u8],
    t: Subject,
    slots: &[isize],
    out: &mut Vec<u8>,
) -> PyResult<()> {
    let ngroups = slots.len() / 2;
    let mut i = 0;
    let group = |out: &mut Vec<u8>, vm: &mut Vm, g: usize| -> PyResult<()> {
        if g >= ngroups {
            let msg = alloc::format!("invalid group reference {}", g);
            return Err(re_error(vm, &msg));
        }
        let (a, b) = (slots[2 * g], slots[2 * g + 1]);
        if a >= 0 && b >= 0 {
            out.extend_from_slice(&t.s[a as usize..b as usize]);
        }
        Ok(())
    };
    while i < tmpl.len() {
        let c = tmpl[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = tmpl.get(i) else {
            return Err(re_error(vm, "bad escape (end of pattern)"));
        };
        i += 1;
        match e {
            b'0'..=b'9' => {
                let mut g = (e - b'0') as usize;
                if let Some(&d) = tmpl.get(i).filter(|d| d.is_ascii_digit()) {
                    g = g * 10 + (d - b'0') as usize;
                    i += 1;
                }
                group(out, vm, g)?;
            }
            b'g' => {
                let close = tmpl[i..].iter().position(|&x| x == b'>');
                let (Some(b'<'), Some(close)) = (tmpl.get(i), close) else {
                    return Err(re_error(vm, "missing < in group reference"));
                };
                let name = &tmpl[i + 1..i + close];
                let g = core::str::from_utf8(name)
                    .ok()
                    .and_then(|s| s.parse::<usize>().ok());
                let Some(g) = g else {
                    return Err(re_error(vm, "bad group name"));
                };
                group(out, vm, g)?;
                i += close + 1;
            }
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'f' => out.push(0x0c),
            b'v' => out.push(0x0b),
            b'a' => out.push(7),
            b'\\' => out.push(b'\\'),
            e if e.is_ascii_alphabetic() => {
                let msg = alloc::format!("bad escape \\{}", e as char);
                return Err(re_error(vm, &msg));
            }
            e => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(())
}

fn make_text(vm: &mut Vm, utf8: bool, b: &[u8]) -> PyResult<Value> {
    if utf8 {
        match core::str::from_utf8(b) {
            Ok(s) => new_str(vm, s),
            Err(_) => Err(vm.value_error("invalid UTF-8 in result")),
        }
    } else {
        new_bytes(vm, b)
    }
}

fn do_sub(
    vm: &mut Vm,
    pat: Value,
    repl: Value,
    subject: Value,
    count: Option<Value>,
) -> PyResult<Value> {
    let (prog, is_str) = compile_arg(vm, pat)?;
    let t = subject_arg(vm, subject, is_str)?;
    let limit = match count {
        Some(c) => to_index(vm, c)?.max(0) as usize,
        None => 0,
    };
    let callable = str_of(vm, repl).is_none() && bytes_of(repl).is_none();
    let tmpl: &[u8] = if callable {
        &[]
    } else {
        text_of(vm, repl, "repl")?.s
    };
    // The result is built in a Rust buffer of bytes (no Values); the callable's results are
    // copied in as they come.
    let mut out: Vec<u8> = Vec::new();
    let mut last = 0usize;
    each_match(vm, &prog, t, limit, &mut |vm, slots| {
        let (a, b) = (slots[0] as usize, slots[1] as usize);
        out.extend_from_slice(&t.s[last..a]);
        if callable {
            let m = new_match(vm, subject, slots)?;
            let r = call(vm, repl, &[m], &[])?;
            let rt = text_of(vm, r, "expected str instance, got")?;
            out.extend_from_slice(rt.s);
        } else {
            expand(vm, tmpl, t, slots, &mut out)?;
        }
        last = b;
        Ok(())
    })?;
    out.extend_from_slice(&t.s[last..]);
    make_text(vm, t.utf8, &out)
}

/// `sub(pattern, repl, string, count=0, flags=0)`.
fn re_sub(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["count", "flags"], "sub")?;
    check_pos(vm, args, 3, 5, "sub")?;
    flags_arg(
        vm,
        args.pos
            .get(4)
            .copied()
            .or_else(|| kwarg(vm, args, "flags")),
    )?;
    let count = args
        .pos
        .get(3)
        .copied()
        .or_else(|| kwarg(vm, args, "count"));
    do_sub(vm, args.pos[0], args.pos[1], args.pos[2], count)
}

fn pattern_sub(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["count"], "sub")?;
    check_pos(vm, args, 3, 4, "sub")?;
    let count = args
        .pos
        .get(3)
        .copied()
        .or_else(|| kwarg(vm, args, "count"));
    do_sub(vm, args.pos[0], args.pos[1], args.pos[2], count)
}

/// Split on matches; group texts (None for groups that did not take part) go in between.
fn do_split(vm: &mut Vm, pat: Value, subject: Value, maxsplit: Option<Value>) -> PyResult<Value> {
    let (prog, is_str) = compile_arg(vm, pat)?;
    let t = subject_arg(vm, subject, is_str)?;
    let limit = match maxsplit {
        Some(c) => to_index(vm, c)?.max(0) as usize,
        None => 0,
    };
    // Pieces go straight into a heap list (GC-visible).
    let out = new_list(vm, &[])?;
    let mut last = 0usize;
    each_match(vm, &prog, t, limit, &mut |vm, slots| {
        let (a, b) = (slots[0] as usize, slots[1] as usize);
        let piece = make_text(vm, t.utf8, &t.s[last..a])?;
        list_append(vm, out, piece)?;
        for g in 1..slots.len() / 2 {
            let (x, y) = (slots[2 * g], slots[2 * g + 1]);
            let v = if x >= 0 && y >= 0 {
                make_text(vm, t.utf8, &t.s[x as usize..y as usize])?
            } else {
                Value::NONE
            };
            list_append(vm, out, v)?;
        }
        last = b;
        Ok(())
    })?;
    let piece = make_text(vm, t.utf8, &t.s[last..])?;
    list_append(vm, out, piece)?;
    Ok(out)
}

fn re_split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["maxsplit", "flags"], "split")?;
    check_pos(vm, args, 2, 4, "split")?;
    flags_arg(
        vm,
        args.pos
            .get(3)
            .copied()
            .or_else(|| kwarg(vm, args, "flags")),
    )?;
    let maxsplit = args
        .pos
        .get(2)
        .copied()
        .or_else(|| kwarg(vm, args, "maxsplit"));
    do_split(vm, args.pos[0], args.pos[1], maxsplit)
}

fn pattern_split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["maxsplit"], "split")?;
    check_pos(vm, args, 2, 3, "split")?;
    let maxsplit = args
        .pos
        .get(2)
        .copied()
        .or_else(|| kwarg(vm, args, "maxsplit"));
    do_split(vm, args.pos[0], args.pos[1], maxsplit)
}

/// All matches: the whole match without groups, the group with one, tuples with several.
fn do_findall(vm: &mut Vm, pat: Value, subject: Value) -> PyResult<Value> {
    let (prog, is_str) = compile_arg(vm, pat)?;
    let t = subject_arg(vm, subject, is_str)?;
    let out = new_list(vm, &[])?;
    let ngroups = prog.ngroups;
    each_match(vm, &prog, t, 0, &mut |vm, slots| {
        let text = |vm: &mut Vm, g: usize| -> PyResult<Value> {
            let (x, y) = (slots[2 * g], slots[2 * g + 1]);
            // A group that did not take part gives '' (CPython).
            let b = if x >= 0 && y >= 0 {
                &t.s[x as usize..y as usize]
            } else {
                &[][..]
            };
            make_text(vm, t.utf8, b)
        };
        let v = match ngroups {
            0 => text(vm, 0)?,
            1 => text(vm, 1)?,
            n => {
                let tup = new_tuple_uninit(vm, n)?;
                for g in 1..=n {
                    let x = text(vm, g)?;
                    tuple_set(tup, g - 1, x);
                }
                tup
            }
        };
        list_append(vm, out, v)
    })?;
    Ok(out)
}

fn re_findall(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_kw(vm, args, &["flags"], "findall")?;
    check_pos(vm, args, 2, 3, "findall")?;
    flags_arg(
        vm,
        args.pos
            .get(2)
            .copied()
            .or_else(|| kwarg(vm, args, "flags")),
    )?;
    do_findall(vm, args.pos[0], args.pos[1])
}

fn pattern_findall(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "findall")?;
    do_findall(vm, args.pos[0], args.pos[1])
}

/// `escape(pattern)`: backslash every character that could be special.
fn re_escape(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "escape")?;
    let t = text_of(vm, args.pos[0], "pattern")?;
    let mut out = Vec::with_capacity(t.s.len() * 2);
    for &c in t.s {
        if c < 0x80 && !c.is_ascii_alphanumeric() && c != b'_' {
            out.push(b'\\');
        }
        out.push(c);
    }
    make_text(vm, t.utf8, &out)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::re,
    members: &[
        (
            q::compile,
            Member::Fn(&NativeFn::new(q::compile, re_compile)),
        ),
        (q::r#match, Member::Fn(&NativeFn::new(q::r#match, re_match))),
        (q::search, Member::Fn(&NativeFn::new(q::search, re_search))),
        (
            q::fullmatch,
            Member::Fn(&NativeFn::new(q::fullmatch, re_fullmatch)),
        ),
        (q::sub, Member::Fn(&NativeFn::new(q::sub, re_sub))),
        (q::split, Member::Fn(&NativeFn::new(q::split, re_split))),
        (
            q::findall,
            Member::Fn(&NativeFn::new(q::findall, re_findall)),
        ),
        (q::escape, Member::Fn(&NativeFn::new(q::escape, re_escape))),
    ],
};
