//! Tokenizer: source text -> tokens, produced lazily (one at a time) so a large file never needs
//! its whole token stream in memory. Handles indentation (INDENT/DEDENT), implicit line joining
//! inside brackets, backslash continuation, comments and every literal form. String escapes are
//! decoded here, except in f-strings, whose raw body goes to the parser (it splits literal parts
//! from replacement fields and decodes the literal parts with [`decode_escapes`]).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::Lit64;
use crate::bytecode::{BinOp, CmpOp, BINOP_COUNT};
use crate::compile::{decimal, CompileError, CompileErrorKind};

/// Maximum bracket nesting; deeper input gets "too many nested parentheses".
pub const MAX_BRACKETS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

/// Keywords by spelling. `async` and `await` are keywords only with the `async` feature: without
/// it they are names, as in MicroPython's builds without MICROPY_PY_ASYNC_AWAIT, and the lexer
/// never produces `Kw::Async` / `Kw::Await`.
const KEYWORDS: &[(&str, Kw)] = &[
    ("False", Kw::False),
    ("None", Kw::None),
    ("True", Kw::True),
    ("and", Kw::And),
    ("as", Kw::As),
    ("assert", Kw::Assert),
    #[cfg(feature = "async")]
    ("async", Kw::Async),
    #[cfg(feature = "async")]
    ("await", Kw::Await),
    ("break", Kw::Break),
    ("class", Kw::Class),
    ("continue", Kw::Continue),
    ("def", Kw::Def),
    ("del", Kw::Del),
    ("elif", Kw::Elif),
    ("else", Kw::Else),
    ("except", Kw::Except),
    ("finally", Kw::Finally),
    ("for", Kw::For),
    ("from", Kw::From),
    ("global", Kw::Global),
    ("if", Kw::If),
    ("import", Kw::Import),
    ("in", Kw::In),
    ("is", Kw::Is),
    ("lambda", Kw::Lambda),
    ("nonlocal", Kw::Nonlocal),
    ("not", Kw::Not),
    ("or", Kw::Or),
    ("pass", Kw::Pass),
    ("raise", Kw::Raise),
    ("return", Kw::Return),
    ("try", Kw::Try),
    ("while", Kw::While),
    ("with", Kw::With),
    ("yield", Kw::Yield),
];

impl Kw {
    pub fn as_str(self) -> &'static str {
        KEYWORDS
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(s, _)| *s)
            .unwrap_or("?")
    }
}

/// Operators and delimiters. The binary operators come first in `BinOp` order, then their
/// augmented-assignment forms in the same order, then the comparisons in `CmpOp` order: the
/// parser maps them by index ([`P::binop`], [`P::cmpop`]) instead of by long `match`es.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum P {
    Plus,
    Minus,
    Star,
    At,
    Slash,
    DoubleSlash,
    Percent,
    DoubleStar,
    LShift,
    RShift,
    Amp,
    VBar,
    Caret,
    PlusEq,
    MinusEq,
    StarEq,
    AtEq,
    SlashEq,
    DoubleSlashEq,
    PercentEq,
    DoubleStarEq,
    LShiftEq,
    RShiftEq,
    AmpEq,
    VBarEq,
    CaretEq,
    Less,
    LessEq,
    EqEq,
    NotEq,
    Greater,
    GreaterEq,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Eq,
    Dot,
    Tilde,
    Arrow,
    Ellipsis,
    ColonEq,
}

impl P {
    /// The operator of a binary operator token or of an augmented assignment (`+=` is `Add`).
    pub fn binop(self) -> Option<BinOp> {
        let i = self as u8;
        if i < 2 * BINOP_COUNT {
            BinOp::from_u8(i % BINOP_COUNT)
        } else {
            None
        }
    }

    /// True for the augmented-assignment tokens (`+=` ... `^=`).
    pub fn is_augassign(self) -> bool {
        (BINOP_COUNT..2 * BINOP_COUNT).contains(&(self as u8))
    }

    /// The comparison of `<`, `<=`, `==`, `!=`, `>`, `>=`.
    pub fn cmpop(self) -> Option<CmpOp> {
        const CMP: [CmpOp; 6] = [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Gt,
            CmpOp::Ge,
        ];
        CMP.get((self as u8).wrapping_sub(P::Less as u8) as usize)
            .copied()
    }
}

const PUNCTS: [(&str, P); 47] = [
    ("**=", P::DoubleStarEq),
    ("//=", P::DoubleSlashEq),
    (">>=", P::RShiftEq),
    ("<<=", P::LShiftEq),
    ("...", P::Ellipsis),
    ("->", P::Arrow),
    (":=", P::ColonEq),
    ("!=", P::NotEq),
    ("==", P::EqEq),
    ("<=", P::LessEq),
    (">=", P::GreaterEq),
    ("**", P::DoubleStar),
    ("//", P::DoubleSlash),
    ("<<", P::LShift),
    (">>", P::RShift),
    ("+=", P::PlusEq),
    ("-=", P::MinusEq),
    ("*=", P::StarEq),
    ("/=", P::SlashEq),
    ("%=", P::PercentEq),
    ("&=", P::AmpEq),
    ("|=", P::VBarEq),
    ("^=", P::CaretEq),
    ("@=", P::AtEq),
    ("(", P::LParen),
    (")", P::RParen),
    ("[", P::LBracket),
    ("]", P::RBracket),
    ("{", P::LBrace),
    ("}", P::RBrace),
    (":", P::Colon),
    (",", P::Comma),
    (";", P::Semi),
    ("+", P::Plus),
    ("-", P::Minus),
    ("*", P::Star),
    ("/", P::Slash),
    ("|", P::VBar),
    ("&", P::Amp),
    ("<", P::Less),
    (">", P::Greater),
    ("=", P::Eq),
    (".", P::Dot),
    ("%", P::Percent),
    ("~", P::Tilde),
    ("^", P::Caret),
    ("@", P::At),
];

impl P {
    pub fn as_str(self) -> &'static str {
        PUNCTS
            .iter()
            .find(|(_, p)| *p == self)
            .map(|(s, _)| *s)
            .unwrap_or("?")
    }
}

/// `repr(u32)`, and 64-bit literals as [`Lit64`], for smaller code moving tokens on 32-bit
/// targets (see `ExprKind` in `ast.rs`).
#[derive(Clone, Debug, PartialEq)]
#[repr(u32)]
pub enum Tok {
    Name(String),
    Int(Lit64),
    /// Integer literal beyond i64, as decimal digits.
    BigInt(String),
    Float(Lit64),
    Imag(Lit64),
    Str(String),
    Bytes(Vec<u8>),
    /// f-string: the undecoded body between the quotes; `raw` for rf-strings.
    #[cfg(feature = "fstrings")]
    FStr {
        body: String,
        raw: bool,
    },
    Kw(Kw),
    Op(P),
    Newline,
    Indent,
    Dedent,
    Eof,
    /// Never produced by the lexer: the parser's current token after the lexer failed
    /// (`Parser::take`).
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
    /// 1-based column (in bytes) of the token's first character.
    pub col: u32,
}

pub struct Lexer<'s> {
    src: &'s str,
    pos: usize,
    line: u32,
    line_start: usize,
    indents: Vec<u32>,
    brackets: Vec<(u8, u32, u32)>,
    pending_dedents: u32,
    at_line_start: bool,
    /// True once a token other than NEWLINE/INDENT/DEDENT has been produced on the current
    /// logical line (EOF then needs a NEWLINE first).
    line_has_tokens: bool,
    done: bool,
    filename: &'s str,
    /// Line offset added to reported lines (f-string fields are lexed from a substring).
    pub line_base: u32,
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl<'s> Lexer<'s> {
    pub fn new(src: &'s str, filename: &'s str) -> Self {
        let indents = alloc::vec![0];
        Lexer {
            src,
            pos: 0,
            line: 1,
            line_start: 0,
            indents,
            brackets: Vec::new(),
            pending_dedents: 0,
            at_line_start: true,
            line_has_tokens: false,
            done: false,
            filename,
            line_base: 0,
        }
    }

    /// A lexer for an expression embedded in an f-string (no indentation processing; starts as
    /// if inside brackets so newlines are ignored).
    #[cfg(feature = "fstrings")]
    pub fn new_embedded(src: &'s str, filename: &'s str, line: u32) -> Self {
        let mut lx = Lexer::new(src, filename);
        lx.line_base = line.saturating_sub(1);
        lx.at_line_start = false;
        lx.brackets.push((b'(', line, 0));
        lx
    }

    pub fn bracket_depth(&self) -> usize {
        self.brackets.len()
    }

    /// The innermost open bracket: (char, line, col).
    pub fn open_bracket(&self) -> Option<(u8, u32, u32)> {
        self.brackets.last().copied()
    }

    fn err_at(
        &self,
        kind: CompileErrorKind,
        parts: &[&str],
        line: u32,
        col: u32,
    ) -> Box<CompileError> {
        CompileError::new(kind, parts, self.filename, line + self.line_base, col)
    }

    fn err(&self, msg: &str, at: usize) -> Box<CompileError> {
        self.err_parts(&[msg], at)
    }

    /// A SyntaxError at byte `at` of the current line whose message is `parts` joined.
    fn err_parts(&self, parts: &[&str], at: usize) -> Box<CompileError> {
        let col = (at.saturating_sub(self.line_start) + 1) as u32;
        self.err_at(CompileErrorKind::SyntaxError, parts, self.line, col)
    }

    fn peek_byte(&self, off: usize) -> u8 {
        self.src
            .as_bytes()
            .get(self.pos + off)
            .copied()
            .unwrap_or(0)
    }

    fn peek_char(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn newline_at(&mut self, after: usize) {
        self.line += 1;
        self.line_start = after;
    }

    // Not inlined: one call at each of the many token returns is smaller than building the
    // token at each.
    #[inline(never)]
    fn tok(&self, tok: Tok, start: usize, line: u32, line_start: usize) -> Token {
        Token {
            tok,
            line: line + self.line_base,
            col: (start.saturating_sub(line_start) + 1) as u32,
        }
    }

    /// Produce the next token.
    #[inline(never)]
    pub fn next_token(&mut self) -> Result<Token, Box<CompileError>> {
        if self.pending_dedents > 0 {
            self.pending_dedents -= 1;
            return Ok(self.tok(Tok::Dedent, self.pos, self.line, self.line_start));
        }
        if self.done {
            return Ok(self.tok(Tok::Eof, self.pos, self.line, self.line_start));
        }
        if self.at_line_start && self.brackets.is_empty() {
            if let Some(t) = self.indentation()? {
                return Ok(t);
            }
        }
        loop {
            let b = self.peek_byte(0);
            match b {
                b' ' | b'\t' | b'\x0c' | b'\r' => self.pos += 1,
                b'#' => {
                    while self.pos < self.src.len() && self.peek_byte(0) != b'\n' {
                        self.pos += 1;
                    }
                }
                b'\\' => {
                    let mut n = 1;
                    if self.peek_byte(1) == b'\r' {
                        n = 2;
                    }
                    if self.peek_byte(n) == b'\n' {
                        self.pos += n + 1;
                        let p = self.pos;
                        self.newline_at(p);
                    } else if self.pos + n >= self.src.len() {
                        return Err(self.err("unexpected EOF while parsing", self.pos));
                    } else {
                        return Err(self.err(
                            "unexpected character after line continuation character",
                            self.pos,
                        ));
                    }
                }
                b'\n' => {
                    self.pos += 1;
                    let p = self.pos;
                    let (line, ls) = (self.line, self.line_start);
                    self.newline_at(p);
                    if self.brackets.is_empty() {
                        self.at_line_start = true;
                        if self.line_has_tokens {
                            self.line_has_tokens = false;
                            return Ok(self.tok(Tok::Newline, p - 1, line, ls));
                        }
                        if let Some(t) = self.indentation()? {
                            return Ok(t);
                        }
                    }
                }
                0 if self.pos >= self.src.len() => return Ok(self.at_eof()),
                _ => break,
            }
        }
        self.line_has_tokens = true;
        self.token()
    }

    fn at_eof(&mut self) -> Token {
        if self.line_has_tokens && self.brackets.is_empty() {
            self.line_has_tokens = false;
            return self.tok(Tok::Newline, self.pos, self.line, self.line_start);
        }
        if self.brackets.is_empty() && self.indents.len() > 1 {
            self.indents.pop();
            return self.tok(Tok::Dedent, self.pos, self.line, self.line_start);
        }
        self.done = true;
        self.tok(Tok::Eof, self.pos, self.line, self.line_start)
    }

    /// At the start of a line: measure indentation, skipping blank and comment-only lines.
    /// Returns an INDENT/DEDENT token if the level changed.
    fn indentation(&mut self) -> Result<Option<Token>, Box<CompileError>> {
        loop {
            let mut col: u32 = 0;
            let mut i = self.pos;
            let bytes = self.src.as_bytes();
            while i < bytes.len() {
                match bytes[i] {
                    b' ' => col = col.saturating_add(1),
                    b'\t' => col = (col / 8).saturating_add(1).saturating_mul(8),
                    b'\x0c' => col = 0,
                    _ => break,
                }
                i += 1;
            }
            let c = bytes.get(i).copied().unwrap_or(0);
            if i >= bytes.len() {
                self.pos = i;
                self.at_line_start = false;
                return Ok(None);
            }
            if c == b'#' || c == b'\n' || (c == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                // Blank or comment-only line: no indentation meaning.
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                if i < bytes.len() {
                    i += 1;
                    self.pos = i;
                    self.newline_at(i);
                    continue;
                }
                self.pos = i;
                self.at_line_start = false;
                return Ok(None);
            }
            self.pos = i;
            self.at_line_start = false;
            let cur = *self.indents.last().unwrap_or(&0);
            if col > cur {
                self.indents.push(col);
                return Ok(Some(self.tok(
                    Tok::Indent,
                    self.line_start,
                    self.line,
                    self.line_start,
                )));
            }
            if col < cur {
                let mut n = 0;
                while self.indents.len() > 1 && *self.indents.last().unwrap_or(&0) > col {
                    self.indents.pop();
                    n += 1;
                }
                if *self.indents.last().unwrap_or(&0) != col {
                    return Err(self.err_at(
                        CompileErrorKind::IndentationError,
                        &["unindent does not match any outer indentation level"],
                        self.line,
                        (i - self.line_start + 1) as u32,
                    ));
                }
                self.pending_dedents = n - 1;
                return Ok(Some(self.tok(Tok::Dedent, i, self.line, self.line_start)));
            }
            return Ok(None);
        }
    }

    fn token(&mut self) -> Result<Token, Box<CompileError>> {
        let start = self.pos;
        let (line, ls) = (self.line, self.line_start);
        let c = match self.peek_char() {
            Some(c) => c,
            None => return Ok(self.at_eof()),
        };
        if is_id_start(c) {
            let rest = &self.src[self.pos..];
            let len = rest
                .find(|ch: char| !is_id_continue(ch))
                .unwrap_or(rest.len());
            let word = &rest[..len];
            let next = rest.as_bytes().get(len).copied().unwrap_or(0);
            if (next == b'"' || next == b'\'') && len <= 2 {
                // Prefix letters as flag bits: each at most once, not both b and f, u alone.
                const RAW: u8 = 1;
                const BYTES: u8 = 2;
                const FMT: u8 = 4;
                const U: u8 = 8;
                const BAD: u8 = 16;
                let mut flags = 0;
                for ch in word.bytes() {
                    let f = match ch | 0x20 {
                        b'r' => RAW,
                        b'b' => BYTES,
                        b'f' => FMT,
                        b'u' if len == 1 => U,
                        _ => BAD,
                    };
                    flags |= if flags & f != 0 { BAD } else { f };
                }
                let (raw, bytes, fmt) = (flags & RAW != 0, flags & BYTES != 0, flags & FMT != 0);
                if flags & BAD == 0 && !(bytes && fmt) {
                    // Without f-strings MicroPython lexes `f"..."` as a name and a string,
                    // which is always invalid syntax: say so here, at the prefix.
                    #[cfg(not(feature = "fstrings"))]
                    if fmt {
                        return Err(self.err_at(
                            CompileErrorKind::SyntaxError,
                            &["invalid syntax"],
                            line,
                            (start - ls + 1) as u32,
                        ));
                    }
                    self.pos += len;
                    return self.string(start, line, ls, raw, bytes, fmt);
                }
            }
            self.pos += len;
            let tok = match KEYWORDS.iter().find(|(s, _)| *s == word) {
                Some((_, k)) => Tok::Kw(*k),
                None => Tok::Name(String::from(word)),
            };
            return Ok(self.tok(tok, start, line, ls));
        }
        if c.is_ascii_digit() || (c == '.' && self.peek_byte(1).is_ascii_digit()) {
            let t = self.number()?;
            return Ok(self.tok(t, start, line, ls));
        }
        if c == '"' || c == '\'' {
            return self.string(start, line, ls, false, false, false);
        }
        let rest = &self.src.as_bytes()[self.pos..];
        for (s, p) in PUNCTS.iter() {
            if rest.starts_with(s.as_bytes()) {
                self.pos += s.len();
                match p {
                    P::LParen | P::LBracket | P::LBrace => {
                        if self.brackets.len() >= MAX_BRACKETS {
                            return Err(self.err("too many nested parentheses", start));
                        }
                        let col = (start - ls + 1) as u32;
                        self.brackets
                            .push((s.as_bytes()[0], line + self.line_base, col));
                    }
                    P::RParen | P::RBracket | P::RBrace => {
                        let close = s.as_bytes()[0];
                        match self.brackets.pop() {
                            None => {
                                return Err(
                                    self.err_parts(&["unmatched '", ascii(&close), "'"], start)
                                );
                            }
                            Some((open, oline, _)) => {
                                let want = match open {
                                    b'(' => b')',
                                    b'[' => b']',
                                    _ => b'}',
                                };
                                if want != close {
                                    let other_line = oline != line + self.line_base;
                                    let oline = decimal(oline, 0);
                                    return Err(self.err_parts(
                                        &[
                                            "closing parenthesis '",
                                            ascii(&close),
                                            "' does not match opening parenthesis '",
                                            ascii(&open),
                                            if other_line { "' on line " } else { "'" },
                                            if other_line { &oline } else { "" },
                                        ],
                                        start,
                                    ));
                                }
                            }
                        }
                    }
                    _ => {}
                }
                return Ok(self.tok(Tok::Op(*p), start, line, ls));
            }
        }
        if c == '!' {
            return Err(self.err("invalid syntax", start));
        }
        Err(self.err(
            &format!("invalid character '{}' (U+{:04X})", c, c as u32),
            start,
        ))
    }

    /// A number literal. Its digits are validated here and then read from the source text
    /// (underscores skipped by the conversions), so no digit string is built on the way.
    #[inline(never)]
    fn number(&mut self) -> Result<Tok, Box<CompileError>> {
        let start = self.pos;
        let src = self.src;
        let bytes = src.as_bytes();
        let radix = if bytes[start] == b'0' {
            match self.peek_byte(1) | 0x20 {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => 10,
            }
        } else {
            10
        };
        if radix != 10 {
            let kind = match radix {
                16 => "hexadecimal",
                8 => "octal",
                _ => "binary",
            };
            self.pos += 2;
            let digits_start = self.pos;
            let mut any_digit = false;
            let mut prev_us = true;
            while self.pos < bytes.len() {
                let ch = bytes[self.pos];
                if ch == b'_' {
                    if prev_us && self.pos != digits_start {
                        return Err(self.err("invalid decimal literal", self.pos));
                    }
                    prev_us = true;
                } else if (ch as char).is_digit(radix) {
                    any_digit = true;
                    prev_us = false;
                } else if ch.is_ascii_alphanumeric() {
                    return Err(self.err_parts(
                        &["invalid digit '", ascii(&ch), "' in ", kind, " literal"],
                        self.pos,
                    ));
                } else {
                    break;
                }
                self.pos += 1;
            }
            if !any_digit || prev_us {
                return Err(self.err_parts(&["invalid ", kind, " literal"], start));
            }
            return Ok(int_from_digits(&src[digits_start..self.pos], radix));
        }
        // Decimal int or float.
        let mut is_float = false;
        let mut prev_digit = false;
        let mut prev_us = false;
        let mut seen_exp = false;
        while self.pos < bytes.len() {
            let ch = bytes[self.pos];
            match ch {
                b'0'..=b'9' => {
                    prev_digit = true;
                    prev_us = false;
                    self.pos += 1;
                    continue;
                }
                b'_' => {
                    if !prev_digit {
                        return Err(self.err("invalid decimal literal", self.pos));
                    }
                    prev_us = true;
                }
                b'.' if !is_float && !seen_exp => {
                    if prev_us {
                        return Err(self.err("invalid decimal literal", self.pos));
                    }
                    is_float = true;
                }
                b'e' | b'E' if !seen_exp => {
                    let (n1, n2) = (self.peek_byte(1), self.peek_byte(2));
                    let sign = n1 == b'+' || n1 == b'-';
                    if n1.is_ascii_digit() || (sign && n2.is_ascii_digit()) {
                        seen_exp = true;
                        is_float = true;
                        if sign {
                            self.pos += 1;
                        }
                    } else {
                        return Err(self.err("invalid decimal literal", self.pos));
                    }
                }
                _ => break,
            }
            prev_digit = false;
            self.pos += 1;
        }
        if prev_us {
            return Err(self.err("invalid decimal literal", self.pos));
        }
        let text = &src[start..self.pos];
        let suffix = self.peek_byte(0);
        if suffix == b'j' || suffix == b'J' {
            #[cfg(not(feature = "complex"))]
            return Err(self.err("complex values not supported", self.pos));
            #[cfg(feature = "complex")]
            {
                self.pos += 1;
                return Ok(Tok::Imag(Lit64::from_f64(parse_float(text))));
            }
        }
        if suffix.is_ascii_alphabetic() || suffix == b'_' {
            return Err(self.err("invalid decimal literal", self.pos));
        }
        if is_float {
            #[cfg(feature = "float")]
            return Ok(Tok::Float(Lit64::from_f64(parse_float(text))));
            #[cfg(not(feature = "float"))]
            return Err(self.err("decimal numbers not supported", start));
        }
        if text.starts_with('0') && text.bytes().any(|b| b != b'0' && b != b'_') {
            return Err(self.err("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                start,
            ));
        }
        Ok(int_from_digits(text, 10))
    }

    /// "unterminated ... (detected at line N)" for a string starting at `offset` of `line`.
    fn unterminated(
        &self,
        what: &str,
        detected: u32,
        line: u32,
        offset: usize,
    ) -> Box<CompileError> {
        let detected = decimal(detected + self.line_base, 0);
        let parts = [what, " (detected at line ", &detected, ")"];
        self.err_at(
            CompileErrorKind::SyntaxError,
            &parts,
            line,
            offset as u32 + 1,
        )
    }

    // `fmt` is never set without f-strings.
    #[cfg_attr(not(feature = "fstrings"), allow(unused_variables))]
    fn string(
        &mut self,
        start: usize,
        line: u32,
        ls: usize,
        raw: bool,
        is_bytes: bool,
        fmt: bool,
    ) -> Result<Token, Box<CompileError>> {
        let bytes = self.src.as_bytes();
        let q = bytes[self.pos];
        let triple = self.peek_byte(1) == q && self.peek_byte(2) == q;
        let qlen = if triple { 3 } else { 1 };
        self.pos += qlen;
        let body_start = self.pos;
        let body_end;
        loop {
            if self.pos >= bytes.len() {
                let (what, at) = if triple {
                    ("unterminated triple-quoted string literal", self.line)
                } else {
                    ("unterminated string literal", line)
                };
                return Err(self.unterminated(what, at, line, start - ls));
            }
            let ch = bytes[self.pos];
            if ch == b'\\' {
                self.pos += 1;
                if self.peek_byte(0) == b'\n' {
                    self.pos += 1;
                    let p = self.pos;
                    self.newline_at(p);
                } else if self.pos < bytes.len() {
                    self.pos += 1;
                }
                continue;
            }
            if ch == b'\n' {
                if !triple {
                    return Err(self.unterminated(
                        "unterminated string literal",
                        line,
                        line,
                        start - ls,
                    ));
                }
                self.pos += 1;
                let p = self.pos;
                self.newline_at(p);
                continue;
            }
            if ch == q && (!triple || (self.peek_byte(1) == q && self.peek_byte(2) == q)) {
                body_end = self.pos;
                self.pos += qlen;
                break;
            }
            self.pos += 1;
        }
        // Both ends are at ASCII quote characters, so these are char boundaries.
        let body = &self.src[body_start..body_end];
        #[cfg(feature = "fstrings")]
        if fmt {
            let tok = Tok::FStr {
                body: String::from(body),
                raw,
            };
            return Ok(self.tok(tok, start, line, ls));
        }
        let tok = if is_bytes {
            if body.bytes().any(|b| b >= 0x80) {
                return Err(self.err_at(
                    CompileErrorKind::SyntaxError,
                    &["bytes can only contain ASCII literal characters"],
                    line,
                    (start - ls + 1) as u32,
                ));
            }
            let s = if raw {
                String::from(body)
            } else {
                self.decode(body, true, line, start - ls)?
            };
            Tok::Bytes(s.chars().map(|c| c as u32 as u8).collect())
        } else if raw {
            Tok::Str(String::from(body))
        } else {
            Tok::Str(self.decode(body, false, line, start - ls)?)
        };
        Ok(self.tok(tok, start, line, ls))
    }

    fn decode(
        &self,
        body: &str,
        is_bytes: bool,
        line: u32,
        col: usize,
    ) -> Result<String, Box<CompileError>> {
        decode_escapes(body, is_bytes)
            .map_err(|m| self.err_at(CompileErrorKind::SyntaxError, &[&m], line, (col + 1) as u32))
    }
}

/// The one-byte string of an ASCII byte (a bracket, a digit) for messages.
fn ascii(b: &u8) -> &str {
    core::str::from_utf8(core::slice::from_ref(b)).unwrap_or("?")
}

#[cfg(feature = "float")]
fn parse_float(text: &str) -> f64 {
    let mut t = String::new();
    if text.starts_with('.') {
        t.push('0');
    }
    t.extend(text.chars().filter(|&c| c != '_'));
    if t.ends_with('.') {
        t.push('0');
    }
    crate::floatparse::parse_f64(&t).unwrap_or(f64::INFINITY)
}

/// An integer token from digits in `radix` (and underscores, skipped): `Int` if it fits in
/// i64, else `BigInt` (decimal).
/// The digits are first converted to decimal (most significant first, no leading zeros), which
/// also decides whether the value fits: one path for every radix, in 32-bit arithmetic.
fn int_from_digits(digits: &str, radix: u32) -> Tok {
    // Decimal digit values, least significant first.
    let mut dec: Vec<u8> = Vec::new();
    for d in digits.chars().filter(|&d| d != '_') {
        let mut carry = d.to_digit(radix).unwrap_or(0);
        for x in dec.iter_mut() {
            let v = *x as u32 * radix + carry;
            *x = (v % 10) as u8;
            carry = v / 10;
        }
        while carry > 0 {
            dec.push((carry % 10) as u8);
            carry /= 10;
        }
    }
    let text: String = dec.iter().rev().map(|&d| (b'0' + d) as char).collect();
    const I64_MAX: &str = "9223372036854775807";
    if text.len() < I64_MAX.len() || (text.len() == I64_MAX.len() && *text <= *I64_MAX) {
        let v = text.bytes().fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
        return Tok::Int(Lit64::from_i64(v as i64));
    }
    Tok::BigInt(text)
}

/// Decode backslash escapes. For bytes, `\u`/`\U`/`\N` are not escapes and every char must be
/// < 256 (the caller maps chars to bytes).
pub fn decode_escapes(body: &str, is_bytes: bool) -> Result<String, String> {
    /// The one-character escapes: the character after the backslash, and what it stands for.
    const SIMPLE: [(char, char); 10] = [
        ('\\', '\\'),
        ('\'', '\''),
        ('"', '"'),
        ('a', '\x07'),
        ('b', '\x08'),
        ('f', '\x0c'),
        ('n', '\n'),
        ('r', '\r'),
        ('t', '\t'),
        ('v', '\x0b'),
    ];
    if !body.contains('\\') {
        return Ok(String::from(body));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        if let Some(&(_, ch)) = SIMPLE.iter().find(|(k, _)| *k == e) {
            out.push(ch);
            continue;
        }
        match e {
            '\n' => {}
            // Octal (one to three digits) and hex escapes (exactly 2, 4 or 8 digits).
            '0'..='7' | 'x' | 'u' | 'U' if !(is_bytes && (e == 'u' || e == 'U')) => {
                let octal = e.is_digit(8);
                let (radix, mut v, n) = match e {
                    'x' => (16, 0, 2),
                    'u' => (16, 0, 4),
                    'U' => (16, 0, 8),
                    _ => (8, e.to_digit(8).unwrap_or(0), 2),
                };
                for _ in 0..n {
                    match chars.peek().and_then(|c| c.to_digit(radix)) {
                        Some(d) => {
                            v = v.wrapping_mul(radix).wrapping_add(d);
                            chars.next();
                        }
                        None if octal => break,
                        None => {
                            return Err(String::from(match e {
                                'x' => "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\xXX escape",
                                'u' => "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\uXXXX escape",
                                _ => "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\UXXXXXXXX escape",
                            }));
                        }
                    }
                }
                if octal && is_bytes {
                    v &= 0xff;
                }
                // (Octal values, at most 0o777, are always characters.)
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(String::from(
                            "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character",
                        ))
                    }
                }
            }
            'N' if !is_bytes => {
                return Err(String::from("\\N{...} escapes are not supported"));
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// For the REPL's continuation prompt (MicroPython's `mp_repl_continue_with_input`): true if
/// `src` has unclosed brackets or triple-quoted strings, ends with a line-continuation backslash,
/// or starts a compound statement (first line ends with `:` or starts with a compound keyword or
/// a decorator) that has not yet been ended by an empty line, i.e. `src` does not end with `\n`
/// (the REPL joins entered lines with `\n`, so an empty line entered leaves a trailing `\n`).
pub fn needs_more_input(src: &str) -> bool {
    if src.trim().is_empty() {
        return false;
    }
    let trimmed_end = src.trim_end_matches(['\n', '\r', ' ', '\t']);
    if trimmed_end.ends_with('\\') && !src.ends_with('\n') {
        return true;
    }
    let mut lx = Lexer::new(src, "<stdin>");
    // Whether the first token starts a compound statement; whether the first line ends in ':'.
    let mut compound_first: Option<bool> = None;
    let mut colon_last = false;
    let mut first_line_done = false;
    loop {
        match lx.next_token() {
            Ok(t) => {
                match &t.tok {
                    Tok::Eof => break,
                    Tok::Newline if !first_line_done && lx.bracket_depth() == 0 => {
                        first_line_done = true
                    }
                    Tok::Newline | Tok::Indent | Tok::Dedent => {}
                    other => {
                        if compound_first.is_none() {
                            compound_first = Some(matches!(
                                other,
                                Tok::Kw(
                                    Kw::If
                                        | Kw::While
                                        | Kw::For
                                        | Kw::Try
                                        | Kw::With
                                        | Kw::Def
                                        | Kw::Class
                                        | Kw::Async
                                ) | Tok::Op(P::At)
                            ));
                        }
                        if !first_line_done {
                            colon_last = matches!(other, Tok::Op(P::Colon));
                        }
                    }
                }
                if lx.done && lx.bracket_depth() > 0 {
                    return true;
                }
            }
            Err(e) => {
                return e.msg.starts_with("unterminated triple-quoted")
                    || e.msg.starts_with("unexpected EOF");
            }
        }
    }
    if lx.bracket_depth() > 0 {
        return true;
    }
    let compound = compound_first == Some(true) || colon_last;
    compound && !src.ends_with('\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn toks(src: &str) -> Vec<Tok> {
        let mut lx = Lexer::new(src, "t");
        let mut v = Vec::new();
        loop {
            let t = lx.next_token().unwrap();
            if t.tok == Tok::Eof {
                return v;
            }
            v.push(t.tok);
        }
    }

    fn lex_err(src: &str) -> CompileError {
        let mut lx = Lexer::new(src, "t");
        loop {
            match lx.next_token() {
                Ok(t) if t.tok == Tok::Eof => panic!("no error for {:?}", src),
                Ok(_) => {}
                Err(e) => return *e,
            }
        }
    }

    fn int(v: i64) -> Tok {
        Tok::Int(Lit64::from_i64(v))
    }

    #[cfg(feature = "complex")]
    fn float(v: f64) -> Tok {
        Tok::Float(Lit64::from_f64(v))
    }

    #[cfg(feature = "complex")]
    fn imag(v: f64) -> Tok {
        Tok::Imag(Lit64::from_f64(v))
    }

    fn name(s: &str) -> Tok {
        Tok::Name(String::from(s))
    }

    #[test]
    fn ints() {
        assert_eq!(
            toks("1_000 0x_ff 0o17 0b101 0 00"),
            vec![
                int(1000),
                int(255),
                int(15),
                int(5),
                int(0),
                int(0),
                Tok::Newline
            ]
        );
        assert_eq!(
            toks("123456789012345678901234567890")[0],
            Tok::BigInt(String::from("123456789012345678901234567890"))
        );
        assert_eq!(
            toks("0xffffffffffffffffff")[0],
            Tok::BigInt(String::from("4722366482869645213695"))
        );
        assert_eq!(
            toks("9223372036854775807 0x7fffffffffffffff 0o777_777_777_777_777_777_777")[..3],
            [int(i64::MAX), int(i64::MAX), int(i64::MAX)]
        );
        assert_eq!(
            toks("9223372036854775808 0x8000000000000000 0b1")[..3],
            [
                Tok::BigInt(String::from("9223372036854775808")),
                Tok::BigInt(String::from("9223372036854775808")),
                int(1)
            ]
        );
        assert_eq!(
            toks("0x000000000000000000000000000042 0o0_0")[..2],
            [int(66), int(0)]
        );
        assert!(lex_err("0123").msg.contains("leading zeros"));
        assert!(lex_err("1__0").msg.contains("invalid decimal literal"));
        assert!(lex_err("1_").msg.contains("invalid decimal literal"));
        assert!(lex_err("0x").msg.contains("invalid hexadecimal literal"));
        assert!(lex_err("0b102")
            .msg
            .contains("invalid digit '2' in binary literal"));
        assert!(lex_err("12abc").msg.contains("invalid decimal literal"));
    }

    #[test]
    #[cfg(not(feature = "complex"))]
    fn imag_without_complex_is_an_error() {
        assert!(lex_err("4j").msg.contains("complex values not supported"));
    }

    #[test]
    #[cfg(not(feature = "float"))]
    fn decimal_literals_without_float_are_an_error() {
        for src in ["1.5", "1.", ".5", "1e3", "2E-2", "1_0.0"] {
            let e = lex_err(src);
            assert_eq!(e.kind, CompileErrorKind::SyntaxError, "{src}");
            assert!(
                e.msg.contains("decimal numbers not supported"),
                "{src}: {}",
                e.msg
            );
        }
        assert_eq!(toks("15 0")[..2], [int(15), int(0)]);
    }

    #[test]
    #[cfg(feature = "complex")]
    fn floats_and_imag() {
        assert_eq!(
            toks("1. .5 1e-3 1_000.5 2E+2 4j 1.5J")[..7],
            [
                float(1.0),
                float(0.5),
                float(0.001),
                float(1000.5),
                float(200.0),
                imag(4.0),
                imag(1.5)
            ]
        );
        assert_eq!(toks("x.y")[..3], [name("x"), Tok::Op(P::Dot), name("y")]);
        assert_eq!(toks("1 if x else 2")[0], int(1));
    }

    #[test]
    fn strings() {
        let s = |x: &str| Tok::Str(String::from(x));
        assert_eq!(
            toks(
                r#"'a' "b" '''c
d''' """e""""#
            )[..4],
            [s("a"), s("b"), s("c\nd"), s("e")]
        );
        assert_eq!(
            toks(r"'\n\t\x41\101\u00e9\U0001F600\q\\'")[0],
            s("\n\tAA\u{e9}\u{1F600}\\q\\")
        );
        assert_eq!(toks(r"r'\n' R'\x' u'x'")[..3], [s("\\n"), s("\\x"), s("x")]);
        assert_eq!(
            toks(r"b'\x00a\n' rb'\n' BR'x'")[..3],
            [
                Tok::Bytes(vec![0, b'a', b'\n']),
                Tok::Bytes(vec![b'\\', b'n']),
                Tok::Bytes(vec![b'x'])
            ]
        );
        assert_eq!(toks(r"b'\u1234'")[0], Tok::Bytes(b"\\u1234".to_vec()));
        #[cfg(not(feature = "fstrings"))]
        for src in ["f'a{x}'", "x = Rf'{y}'", "fR'z'"] {
            let e = lex_err(src);
            assert_eq!(e.msg, "invalid syntax", "without f-strings: {src}");
            assert_eq!(e.col, src.find(['f', 'R']).unwrap() as u32 + 1, "{src}");
        }
        #[cfg(feature = "fstrings")]
        assert_eq!(
            toks("f'a{x}' Rf'{y}\\n' fR'z'")[..3],
            [
                Tok::FStr {
                    body: String::from("a{x}"),
                    raw: false
                },
                Tok::FStr {
                    body: String::from("{y}\\n"),
                    raw: true
                },
                Tok::FStr {
                    body: String::from("z"),
                    raw: true
                }
            ]
        );
        assert_eq!(toks("'a\\\nb'")[0], s("ab"));
        assert!(lex_err("'abc")
            .msg
            .contains("unterminated string literal (detected at line 1)"));
        assert!(lex_err("'''abc\n\n")
            .msg
            .contains("unterminated triple-quoted string literal"));
        assert!(lex_err("b'\u{e9}'")
            .msg
            .contains("bytes can only contain ASCII"));
        assert!(lex_err(r"'\x4'").msg.contains("truncated \\xXX escape"));
        assert!(lex_err(r"'\u12'").msg.ends_with("truncated \\uXXXX escape"));
        assert!(lex_err(r"'\U0001F'")
            .msg
            .ends_with("truncated \\UXXXXXXXX escape"));
        assert!(lex_err(r"'\N{DASH}'").msg.contains("\\N{...}"));
        assert!(lex_err(r"'\ud800'").msg.contains("illegal Unicode"));
    }

    #[test]
    fn operators_and_keywords() {
        assert_eq!(
            toks("a **= b // c -> d := e != f ... @ <<= not"),
            vec![
                name("a"),
                Tok::Op(P::DoubleStarEq),
                name("b"),
                Tok::Op(P::DoubleSlash),
                name("c"),
                Tok::Op(P::Arrow),
                name("d"),
                Tok::Op(P::ColonEq),
                name("e"),
                Tok::Op(P::NotEq),
                name("f"),
                Tok::Op(P::Ellipsis),
                Tok::Op(P::At),
                Tok::Op(P::LShiftEq),
                Tok::Kw(Kw::Not),
                Tok::Newline
            ]
        );
        assert_eq!(toks("\u{e9}t\u{e9} = 1")[0], name("\u{e9}t\u{e9}"));
        assert!(lex_err("a ! b").msg.contains("invalid syntax"));
        assert_eq!(lex_err("a $ b").msg, "invalid character '$' (U+0024)");
        assert_eq!(
            lex_err("a \u{1F600}").msg,
            "invalid character '\u{1F600}' (U+1F600)"
        );
        assert_eq!(lex_err("\u{a0}").msg, "invalid character '\u{a0}' (U+00A0)");
    }

    /// `P::binop` / `P::cmpop` rely on the order of `P`'s variants.
    #[test]
    fn operator_tables() {
        use crate::bytecode::BinOp::*;
        let bin = [
            (P::Plus, P::PlusEq, Add),
            (P::Minus, P::MinusEq, Sub),
            (P::Star, P::StarEq, Mul),
            (P::At, P::AtEq, MatMul),
            (P::Slash, P::SlashEq, TrueDiv),
            (P::DoubleSlash, P::DoubleSlashEq, FloorDiv),
            (P::Percent, P::PercentEq, Mod),
            (P::DoubleStar, P::DoubleStarEq, Pow),
            (P::LShift, P::LShiftEq, LShift),
            (P::RShift, P::RShiftEq, RShift),
            (P::Amp, P::AmpEq, And),
            (P::VBar, P::VBarEq, Or),
            (P::Caret, P::CaretEq, Xor),
        ];
        for (op, aug, b) in bin {
            assert_eq!((op.binop(), aug.binop()), (Some(b), Some(b)), "{op:?}");
            assert!(aug.is_augassign() && !op.is_augassign(), "{op:?}");
            assert_eq!((op.cmpop(), aug.cmpop()), (None, None));
        }
        let cmp = [
            (P::Less, CmpOp::Lt),
            (P::LessEq, CmpOp::Le),
            (P::EqEq, CmpOp::Eq),
            (P::NotEq, CmpOp::Ne),
            (P::Greater, CmpOp::Gt),
            (P::GreaterEq, CmpOp::Ge),
        ];
        for (op, c) in cmp {
            assert_eq!((op.cmpop(), op.binop()), (Some(c), None), "{op:?}");
            assert!(!op.is_augassign());
        }
        for op in [P::LParen, P::Eq, P::Tilde, P::ColonEq, P::Arrow] {
            assert_eq!(
                (op.binop(), op.cmpop(), op.is_augassign()),
                (None, None, false)
            );
        }
    }

    #[test]
    fn indentation() {
        let t = toks("if x:\n    y\n\n  # c\n    z\nw\n");
        assert_eq!(
            t,
            vec![
                Tok::Kw(Kw::If),
                name("x"),
                Tok::Op(P::Colon),
                Tok::Newline,
                Tok::Indent,
                name("y"),
                Tok::Newline,
                name("z"),
                Tok::Newline,
                Tok::Dedent,
                name("w"),
                Tok::Newline
            ]
        );
        // Two levels closed at EOF, tabs count to multiples of 8.
        let t = toks("a:\n\tb:\n\t\tc");
        assert_eq!(t.iter().filter(|t| **t == Tok::Dedent).count(), 2);
        assert_eq!(t.iter().filter(|t| **t == Tok::Indent).count(), 2);
        let t = toks("a:\n        b\n\tc\n");
        assert_eq!(t.iter().filter(|t| **t == Tok::Indent).count(), 1);
        let e = lex_err("if x:\n    a\n  b\n");
        assert_eq!(e.kind, CompileErrorKind::IndentationError);
        assert!(e
            .msg
            .contains("unindent does not match any outer indentation level"));
        assert_eq!(e.line, 3);
    }

    #[test]
    fn joining_and_continuation() {
        assert_eq!(
            toks("(a,\n  b)\nc \\\n  d"),
            vec![
                Tok::Op(P::LParen),
                name("a"),
                Tok::Op(P::Comma),
                name("b"),
                Tok::Op(P::RParen),
                Tok::Newline,
                name("c"),
                name("d"),
                Tok::Newline
            ]
        );
        assert!(lex_err("a \\ b")
            .msg
            .contains("unexpected character after line continuation"));
        assert!(lex_err("a)").msg.contains("unmatched ')'"));
        assert_eq!(
            lex_err("(a]").msg,
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(
            lex_err("x = [\n(a,\n}").msg,
            "closing parenthesis '}' does not match opening parenthesis '(' on line 2"
        );
        assert!(lex_err(&"(".repeat(300))
            .msg
            .contains("too many nested parentheses"));
        // Comments and CRLF
        assert_eq!(
            toks("a # c\r\nb"),
            vec![name("a"), Tok::Newline, name("b"), Tok::Newline]
        );
    }

    #[test]
    fn positions() {
        let mut lx = Lexer::new("x = 1\n  \nfoo(bar)", "t");
        let mut v = Vec::new();
        loop {
            let t = lx.next_token().unwrap();
            if t.tok == Tok::Eof {
                break;
            }
            v.push((t.line, t.col));
        }
        assert_eq!(&v[..3], &[(1, 1), (1, 3), (1, 5)]);
        assert_eq!(v[4], (3, 1));
        assert_eq!(v[6], (3, 5));
    }

    #[test]
    fn repl_continuation() {
        assert!(!needs_more_input("1 + 2"));
        assert!(needs_more_input("(1 +"));
        assert!(needs_more_input("[1,\n 2"));
        assert!(needs_more_input("x = '''abc"));
        assert!(needs_more_input("x = 1 + \\"));
        assert!(needs_more_input("if x:"));
        assert!(needs_more_input("if x:\n    y = 1"));
        assert!(!needs_more_input("if x:\n    y = 1\n"));
        assert!(needs_more_input("@dec"));
        assert!(needs_more_input("def f():"));
        assert!(!needs_more_input("x = 1"));
        assert!(!needs_more_input(""));
        assert!(!needs_more_input("'abc"));
    }
}
