//! Recursive-descent parser: tokens -> AST, one top-level statement at a time
//! ([`Parser::next_statement`]). Operator expressions are parsed by operator precedence with
//! explicit stacks ([`Parser::parse_ops`]), so only bracket nesting, prefix operators and
//! statement blocks recurse. Recursion is bounded by [`MAX_NESTING`] nesting units (each nested
//! expression level, prefix operator and statement block costs one; binary-operator links cost
//! a quarter and trailer links half, as they deepen the tree's left spine), so deep or long
//! input gets "too many nested parentheses" / "expression too complex" instead of overflowing
//! the stack; the compiler's recursion over the tree is bounded by the same limit.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

use crate::ast::*;
use crate::bytecode::{BinOp, CmpOp, UnOp, BINOP_COUNT};
#[cfg(feature = "fstrings")]
use crate::bytecode::{FMT_CONV_ASCII, FMT_CONV_NONE, FMT_CONV_REPR, FMT_CONV_STR};
use crate::compile::{decimal, CompileError, CompileErrorKind};
#[cfg(feature = "fstrings")]
use crate::lexer::decode_escapes;
use crate::lexer::{Kw, Lexer, Tok, Token, P};

/// Maximum nesting units (see the module docs).
pub const MAX_DEPTH: u32 = 100;

/// The nesting limit in effect (at most [`MAX_DEPTH`]). Each bracket level of expression
/// nesting costs about 1.3 KB of native stack on Cortex-M0 and 1.8 KB on x86_64 (release
/// builds; debug builds use far more), so a board with a small stack lowers this at start-up.
pub static MAX_NESTING: core::sync::atomic::AtomicU32 =
    core::sync::atomic::AtomicU32::new(MAX_DEPTH);

/// Operator precedences for [`Parser::parse_ops`] (higher binds tighter).
const PREC_OR: u8 = 1;
const PREC_AND: u8 = 2;
const PREC_NOT: u8 = 3;
const PREC_CMP: u8 = 4;
const PREC_BITOR: u8 = 5;
const PREC_UNARY: u8 = 11;
const PREC_POW: u8 = 12;

/// An operator waiting for its right operand in [`Parser::parse_ops`].
#[derive(Clone, Copy)]
enum PendingOp {
    Or,
    And,
    Cmp(CmpOp),
    Bin(BinOp),
    Unary(UnOp),
}

/// The comma-separated lists of the grammar, by what their items are and what ends them.
#[derive(Clone, Copy)]
enum ListKind {
    /// `a, *b` (an expression statement, `return`, `for ... in`): ends at a non-expression.
    Exprs,
    /// `for` targets: end at `in` (or `=`).
    Targets,
    /// `x[a, b:c]`: ends at `]`.
    Subscripts,
    /// A bracketed display's items: end at its closing bracket.
    Display(P),
}

/// Parser results carry a boxed error: it keeps `Result<Expr, _>` small, and with it the
/// parser's stack frames (every nesting level costs several frames).
pub type PResult<T> = Result<T, Box<CompileError>>;

pub struct Parser<'s> {
    lx: Lexer<'s>,
    tok: Token,
    depth: u32,
    /// Next id for a scope-creating node (def, lambda, class, comprehension).
    pub next_scope: u32,
    /// Statements parsed from one line (`a; b`), in reverse order.
    pending: Vec<Stmt>,
    filename: &'s str,
    /// Line of the last real (non-layout) token consumed, for errors at EOF.
    prev_line: u32,
    /// A lexer error met while reading ahead, with `tok` then [`Tok::Error`]: the parse goes on
    /// until it reports an error (no rule accepts that token), and that error is replaced by
    /// this one. So consuming a token cannot fail, and the many call sites that consume one
    /// need no error path.
    lex_error: Cell<Option<Box<CompileError>>>,
}

/// True if `ps` already has a parameter named `n`.
fn has_param(ps: &Params, n: &str) -> bool {
    ps.pos.iter().chain(&ps.kwonly).any(|p| p.name == n)
        || ps.vararg.as_deref() == Some(n)
        || ps.kwarg.as_deref() == Some(n)
}

/// What a non-assignable expression is called in "cannot assign to ..." messages.
fn expr_description(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Imag(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_) => "literal",
        ExprKind::True => "True",
        ExprKind::False => "False",
        ExprKind::None => "None",
        ExprKind::Ellipsis => "ellipsis",
        #[cfg(feature = "fstrings")]
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Call(..) => "function call",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Comp(c) => match c.kind {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Gen => "generator expression",
        },
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::NamedExpr(..) => "named expression",
        #[cfg(feature = "async")]
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Compare(..) => "comparison",
        _ => "expression",
    }
}

impl<'s> Parser<'s> {
    pub fn new(src: &'s str, filename: &'s str) -> PResult<Self> {
        let mut lx = Lexer::new(src, filename);
        let tok = lx.next_token()?;
        Ok(Parser {
            lx,
            tok,
            depth: 0,
            next_scope: 1,
            pending: Vec::new(),
            filename,
            prev_line: 1,
            lex_error: Cell::new(None),
        })
    }

    #[cfg(feature = "fstrings")]
    fn new_embedded(
        src: &'s str,
        filename: &'s str,
        line: u32,
        next_scope: u32,
        depth: u32,
    ) -> PResult<Self> {
        let mut lx = Lexer::new_embedded(src, filename, line);
        let tok = lx.next_token()?;
        Ok(Parser {
            lx,
            tok,
            depth,
            next_scope,
            pending: Vec::new(),
            filename,
            prev_line: line,
            lex_error: Cell::new(None),
        })
    }

    // ----- token helpers -----

    /// Consume the current token and return it (for tokens that carry text). After a lexer
    /// error the current token stays [`Tok::Error`] (see `lex_error`).
    #[inline(never)]
    fn take(&mut self) -> Token {
        let tok = if matches!(self.tok.tok, Tok::Error) {
            Tok::Error
        } else {
            match self.lx.next_token() {
                Ok(next) => {
                    if !self.at_layout() {
                        self.prev_line = self.tok.line;
                    }
                    return core::mem::replace(&mut self.tok, next);
                }
                Err(e) => {
                    self.lex_error.set(Some(e));
                    Tok::Error
                }
            }
        };
        let (line, col) = (self.tok.line, self.tok.col);
        core::mem::replace(&mut self.tok, Token { tok, line, col })
    }

    /// Consume the current token. (Not `take` at every call site: dropping the returned
    /// token there would be repeated at each of them.)
    #[inline(never)]
    fn bump(&mut self) {
        drop(self.take())
    }

    /// The lexer error met while reading ahead, if any (for a parse that has succeeded).
    fn check_lexed(&self) -> PResult<()> {
        match self.lex_error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// True at a NEWLINE, INDENT, DEDENT or EOF token.
    fn at_layout(&self) -> bool {
        matches!(
            self.tok.tok,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Eof
        )
    }

    fn is_op(&self, p: P) -> bool {
        matches!(&self.tok.tok, Tok::Op(q) if *q == p)
    }

    fn is_kw(&self, k: Kw) -> bool {
        matches!(&self.tok.tok, Tok::Kw(q) if *q == k)
    }

    /// At `async`: a keyword only with the `async` feature (the lexer never produces it
    /// otherwise); `cfg!` lets what follows an `async` fold away without it.
    fn at_async(&self) -> bool {
        cfg!(feature = "async") && self.is_kw(Kw::Async)
    }

    fn eat_op(&mut self, p: P) -> bool {
        let at = self.is_op(p);
        if at {
            self.bump();
        }
        at
    }

    fn eat_kw(&mut self, k: Kw) -> bool {
        let at = self.is_kw(k);
        if at {
            self.bump();
        }
        at
    }

    /// A SyntaxError at `line:col`.
    #[cold]
    #[inline(never)]
    fn error_at(&self, msg: &str, line: u32, col: u32) -> Box<CompileError> {
        self.error_parts(&[msg], line, col)
    }

    /// A SyntaxError whose message is `parts` joined (cheaper at each call site than
    /// `format!`).
    #[cold]
    #[inline(never)]
    fn error_parts(&self, parts: &[&str], line: u32, col: u32) -> Box<CompileError> {
        self.error_of_kind(CompileErrorKind::SyntaxError, parts, line, col)
    }

    /// Every error of the parser is made here: a lexer error met while reading ahead comes
    /// first (the original parse stopped at it), so it replaces this one.
    #[cold]
    #[inline(never)]
    fn error_of_kind(
        &self,
        kind: CompileErrorKind,
        parts: &[&str],
        line: u32,
        col: u32,
    ) -> Box<CompileError> {
        match self.lex_error.take() {
            Some(e) => e,
            None => CompileError::new(kind, parts, self.filename, line, col),
        }
    }

    /// An error at the current token ("was never closed" at EOF inside brackets,
    /// IndentationError for a stray indent).
    #[cold]
    #[inline(never)]
    fn err_here(&self, msg: &str) -> Box<CompileError> {
        if let Some((b, line, col)) = self.lx.open_bracket() {
            if matches!(self.tok.tok, Tok::Eof)
                || (msg == "invalid syntax" && line < self.tok.line && self.lx.line_base == 0)
            {
                let msg = match b {
                    b'(' => "'(' was never closed",
                    b'[' => "'[' was never closed",
                    _ => "'{' was never closed",
                };
                return self.error_at(msg, line, col);
            }
        }
        if matches!(self.tok.tok, Tok::Eof) {
            return self.error_at(msg, self.prev_line, self.tok.col);
        }
        if matches!(self.tok.tok, Tok::Indent) {
            return self.error_of_kind(
                CompileErrorKind::IndentationError,
                &["unexpected indent"],
                self.tok.line,
                self.tok.col,
            );
        }
        self.error_at(msg, self.tok.line, self.tok.col)
    }

    #[inline(never)]
    fn expect_op(&mut self, p: P) -> PResult<()> {
        if self.eat_op(p) {
            Ok(())
        } else if matches!(p, P::Colon) {
            Err(self.err_here("expected ':'"))
        } else if matches!(p, P::RParen | P::RBracket | P::RBrace)
            && matches!(self.tok.tok, Tok::Eof)
        {
            Err(self.err_here("unexpected EOF while parsing"))
        } else {
            Err(self.err_here("invalid syntax"))
        }
    }

    #[inline(never)]
    fn expect_name(&mut self) -> PResult<String> {
        if let Tok::Name(_) = &self.tok.tok {
            if let Tok::Name(n) = self.take().tok {
                return Ok(n);
            }
        }
        Err(self.err_here("invalid syntax"))
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        let limit = MAX_NESTING
            .load(core::sync::atomic::Ordering::Relaxed)
            .min(MAX_DEPTH);
        if self.depth > limit {
            let msg = if self.lx.bracket_depth() > 25 {
                "too many nested parentheses"
            } else {
                "expression too complex"
            };
            return Err(self.err_here(msg));
        }
        Ok(())
    }

    fn leave(&mut self, n: u32) {
        self.depth = self.depth.saturating_sub(n);
    }

    fn new_scope_id(&mut self) -> u32 {
        let id = self.next_scope;
        self.next_scope = self.next_scope.wrapping_add(1);
        id
    }

    // ----- statements -----

    /// The next top-level statement, or `None` at end of input.
    pub fn next_statement(&mut self) -> PResult<Option<Stmt>> {
        loop {
            if let Some(s) = self.pending.pop() {
                return Ok(Some(s));
            }
            while matches!(self.tok.tok, Tok::Newline) {
                self.bump();
            }
            match self.tok.tok {
                Tok::Eof => return Ok(None),
                Tok::Dedent => {
                    return Err(self.err_here("unindent does not match any outer indentation level"))
                }
                _ => {}
            }
            // A line can produce no statement (an annotation only): then read on.
            let mut out = Vec::new();
            self.parse_stmt(&mut out)?;
            self.check_lexed()?;
            out.reverse();
            self.pending = out;
        }
    }

    /// Parse a single expression (Eval mode), followed only by newlines and EOF.
    pub fn parse_eval_input(&mut self) -> PResult<Expr> {
        while matches!(self.tok.tok, Tok::Newline) {
            self.bump();
        }
        let e = self.parse_testlist_star_expr()?;
        while matches!(self.tok.tok, Tok::Newline) {
            self.bump();
        }
        if !matches!(self.tok.tok, Tok::Eof) {
            return Err(self.err_here("invalid syntax"));
        }
        Ok(e)
    }

    fn parse_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let (line, col) = (self.tok.line, self.tok.col);
        let kind = match &self.tok.tok {
            Tok::Kw(Kw::If) => self.parse_if()?,
            Tok::Kw(Kw::While) => self.parse_while()?,
            Tok::Kw(Kw::For) => self.parse_for(false)?,
            Tok::Kw(Kw::Try) => self.parse_try()?,
            Tok::Kw(Kw::With) => self.parse_with(false)?,
            Tok::Kw(Kw::Def) => self.parse_def(Vec::new(), false)?,
            Tok::Kw(Kw::Class) => self.parse_class(Vec::new())?,
            Tok::Op(P::At) => self.parse_decorated()?,
            #[cfg(feature = "async")]
            Tok::Kw(Kw::Async) => {
                self.bump();
                match &self.tok.tok {
                    Tok::Kw(Kw::Def) => self.parse_def(Vec::new(), true)?,
                    Tok::Kw(Kw::For) => self.parse_for(true)?,
                    Tok::Kw(Kw::With) => self.parse_with(true)?,
                    _ => return Err(self.err_here("invalid syntax")),
                }
            }
            Tok::Indent => return Err(self.err_here("unexpected indent")),
            _ => return self.parse_simple_line(out),
        };
        out.push(Stmt { kind, line, col });
        Ok(())
    }

    fn parse_simple_line(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let (line, col) = (self.tok.line, self.tok.col);
            if let Some(kind) = self.parse_small_stmt()? {
                out.push(Stmt { kind, line, col });
            }
            if self.eat_op(P::Semi) {
                if matches!(self.tok.tok, Tok::Newline) || matches!(self.tok.tok, Tok::Eof) {
                    break;
                }
                continue;
            }
            break;
        }
        match self.tok.tok {
            Tok::Newline => {
                self.bump();
                Ok(())
            }
            Tok::Eof => Ok(()),
            _ => Err(self.err_here("invalid syntax")),
        }
    }

    /// A block after `:`: either the rest of the line or an indented suite.
    fn parse_block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.expect_op(P::Colon)?;
        self.enter()?;
        let mut body = Vec::new();
        if matches!(self.tok.tok, Tok::Newline) {
            self.bump();
            if !matches!(self.tok.tok, Tok::Indent) {
                let at = if matches!(self.tok.tok, Tok::Eof) {
                    line
                } else {
                    self.tok.line
                };
                return Err(self.error_of_kind(
                    CompileErrorKind::IndentationError,
                    &[
                        "expected an indented block after ",
                        what,
                        " on line ",
                        &decimal(line, 0),
                    ],
                    at,
                    self.tok.col,
                ));
            }
            self.bump();
            while !matches!(self.tok.tok, Tok::Dedent) && !matches!(self.tok.tok, Tok::Eof) {
                self.parse_stmt(&mut body)?;
            }
            if matches!(self.tok.tok, Tok::Dedent) {
                self.bump();
            }
        } else {
            self.parse_simple_line(&mut body)?;
        }
        self.leave(1);
        Ok(body)
    }

    fn parse_if(&mut self) -> PResult<StmtKind> {
        let line = self.tok.line;
        let is_elif = self.is_kw(Kw::Elif);
        self.bump();
        let cond = self.parse_namedexpr_test()?;
        let body = self.parse_block(
            if is_elif {
                "'elif' statement"
            } else {
                "'if' statement"
            },
            line,
        )?;
        let orelse = if self.is_kw(Kw::Elif) {
            let (l, c) = (self.tok.line, self.tok.col);
            let k = self.parse_if()?;
            alloc::vec![Stmt {
                kind: k,
                line: l,
                col: c
            }]
        } else {
            self.parse_else()?
        };
        Ok(StmtKind::If(cond, body, orelse))
    }

    fn parse_else(&mut self) -> PResult<Vec<Stmt>> {
        self.parse_clause(Kw::Else, "'else' statement")
    }

    /// An optional `kw:` clause's block (`else`, `finally`); empty without one.
    #[inline(never)]
    fn parse_clause(&mut self, kw: Kw, what: &str) -> PResult<Vec<Stmt>> {
        if self.is_kw(kw) {
            let l = self.tok.line;
            self.bump();
            self.parse_block(what, l)
        } else {
            Ok(Vec::new())
        }
    }

    #[inline(never)]
    fn parse_while(&mut self) -> PResult<StmtKind> {
        let line = self.tok.line;
        self.bump();
        let cond = self.parse_namedexpr_test()?;
        let body = self.parse_block("'while' statement", line)?;
        let orelse = self.parse_else()?;
        Ok(StmtKind::While(cond, body, orelse))
    }

    #[inline(never)]
    fn parse_for(&mut self, is_async: bool) -> PResult<StmtKind> {
        let line = self.tok.line;
        self.bump();
        let target = self.parse_target_list()?;
        self.check_target(&target, false)?;
        if !self.eat_kw(Kw::In) {
            return Err(self.err_here("invalid syntax"));
        }
        let iter = self.parse_testlist_star_expr()?;
        let body = self.parse_block("'for' statement", line)?;
        let orelse = self.parse_else()?;
        Ok(StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        })
    }

    #[inline(never)]
    fn parse_try(&mut self) -> PResult<StmtKind> {
        let line = self.tok.line;
        self.bump();
        let body = self.parse_block("'try' statement", line)?;
        let mut handlers: Vec<Handler> = Vec::new();
        while self.is_kw(Kw::Except) {
            let hline = self.tok.line;
            if let Some(last) = handlers.last() {
                if last.typ.is_none() {
                    return Err(self.error_at("default 'except:' must be last", last.line, 1));
                }
            }
            self.bump();
            let (mut typ, mut name) = (None, None);
            if !self.is_op(P::Colon) {
                if self.is_op(P::Star) {
                    return Err(self.err_here("except* is not supported"));
                }
                typ = Some(self.parse_test()?);
                if self.is_op(P::Comma) {
                    return Err(self.err_here("multiple exception types must be parenthesized"));
                }
                if self.eat_kw(Kw::As) {
                    name = Some(self.expect_name()?);
                }
            }
            let hbody = self.parse_block("'except' statement", hline)?;
            handlers.push(Handler {
                typ,
                name,
                body: hbody,
                line: hline,
            });
        }
        let orelse = if !handlers.is_empty() {
            self.parse_else()?
        } else {
            Vec::new()
        };
        let finalbody = self.parse_clause(Kw::Finally, "'finally' statement")?;
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.err_here("expected 'except' or 'finally' block"));
        }
        Ok(StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        })
    }

    #[inline(never)]
    fn parse_with(&mut self, is_async: bool) -> PResult<StmtKind> {
        let line = self.tok.line;
        self.bump();
        let mut items = Vec::new();
        loop {
            let ctx = self.parse_test()?;
            let target = if self.eat_kw(Kw::As) {
                let t = self.parse_target()?;
                self.check_target(&t, false)?;
                Some(t)
            } else {
                None
            };
            items.push((ctx, target));
            if !self.eat_op(P::Comma) {
                break;
            }
        }
        let body = self.parse_block("'with' statement", line)?;
        Ok(StmtKind::With {
            items,
            body,
            is_async,
        })
    }

    #[inline(never)]
    fn parse_decorated(&mut self) -> PResult<StmtKind> {
        let mut decorators = Vec::new();
        while self.eat_op(P::At) {
            decorators.push(self.parse_namedexpr_test()?);
            if !matches!(self.tok.tok, Tok::Newline) {
                return Err(self.err_here("invalid syntax"));
            }
            self.bump();
        }
        match &self.tok.tok {
            Tok::Kw(Kw::Def) => self.parse_def(decorators, false),
            Tok::Kw(Kw::Class) => self.parse_class(decorators),
            #[cfg(feature = "async")]
            Tok::Kw(Kw::Async) => {
                self.bump();
                if !self.is_kw(Kw::Def) {
                    return Err(self.err_here("invalid syntax"));
                }
                self.parse_def(decorators, true)
            }
            _ => Err(self.err_here("invalid syntax")),
        }
    }

    fn parse_def(&mut self, decorators: Vec<Expr>, is_async: bool) -> PResult<StmtKind> {
        let line = self.tok.line;
        self.bump();
        let name = self.expect_name()?;
        if !self.is_op(P::LParen) {
            return Err(self.err_here("expected '('"));
        }
        self.bump();
        let params = self.parse_params(P::RParen, true)?;
        self.expect_op(P::RParen)?;
        if self.eat_op(P::Arrow) {
            self.parse_test()?;
        }
        let scope_id = self.new_scope_id();
        let body = self.parse_block("function definition", line)?;
        Ok(StmtKind::FuncDef(Box::new(FuncDef {
            name,
            params,
            body,
            decorators,
            is_async,
            scope_id,
        })))
    }

    fn parse_class(&mut self, decorators: Vec<Expr>) -> PResult<StmtKind> {
        let line = self.tok.line;
        self.bump();
        let name = self.expect_name()?;
        let bases = if self.eat_op(P::LParen) {
            let args = self.parse_arglist()?;
            self.expect_op(P::RParen)?;
            args
        } else {
            Vec::new()
        };
        let scope_id = self.new_scope_id();
        let body = self.parse_block("class definition", line)?;
        Ok(StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            body,
            decorators,
            scope_id,
        })))
    }

    /// A parameter's name, and its annotation (parsed and dropped) if `annotations`.
    fn parse_param_name(&mut self, annotations: bool) -> PResult<String> {
        let n = self.expect_name()?;
        if annotations && self.eat_op(P::Colon) {
            self.parse_test()?;
        }
        Ok(n)
    }

    /// Parameters up to `end` (`)` for def, `:` for lambda).
    fn parse_params(&mut self, end: P, annotations: bool) -> PResult<Params> {
        let mut ps = Params::default();
        let mut seen_default = false;
        let mut star_seen = false;
        let mut bare_star: Option<(u32, u32)> = None;
        // The first name that repeats an earlier one (reported after the other checks).
        let mut duplicate: Option<String> = None;
        while !self.is_op(end) {
            if ps.kwarg.is_some() {
                return Err(self.err_here("arguments cannot follow var-keyword argument"));
            }
            let (line, col) = (self.tok.line, self.tok.col);
            if self.eat_op(P::Slash) {
                if ps.pos.is_empty() || star_seen {
                    return Err(self.error_at("invalid syntax", line, col));
                }
            } else {
                let dstar = self.eat_op(P::DoubleStar);
                let star = !dstar && self.eat_op(P::Star);
                if star {
                    if star_seen {
                        return Err(self.error_at("* argument may appear only once", line, col));
                    }
                    star_seen = true;
                }
                if star && !matches!(self.tok.tok, Tok::Name(_)) {
                    bare_star = Some((line, col));
                } else {
                    let n = self.parse_param_name(annotations)?;
                    if duplicate.is_none() && has_param(&ps, &n) {
                        duplicate = Some(n.clone());
                    }
                    if dstar {
                        ps.kwarg = Some(n);
                    } else if star {
                        ps.vararg = Some(n);
                    } else {
                        let default = if self.eat_op(P::Eq) {
                            Some(self.parse_test()?)
                        } else {
                            None
                        };
                        let param = Param {
                            name: n,
                            default,
                            line,
                            col,
                        };
                        if star_seen {
                            bare_star = None;
                            ps.kwonly.push(param);
                        } else {
                            if param.default.is_some() {
                                seen_default = true;
                            } else if seen_default {
                                return Err(self.error_at(
                                    "non-default argument follows default argument",
                                    line,
                                    col,
                                ));
                            }
                            ps.pos.push(param);
                        }
                    }
                }
            }
            if !self.eat_op(P::Comma) {
                break;
            }
        }
        if let Some((line, col)) = bare_star {
            return Err(self.error_at("named arguments must follow bare *", line, col));
        }
        if let Some(n) = duplicate {
            return Err(self.error_parts(
                &["duplicate argument '", &n, "' in function definition"],
                self.tok.line,
                self.tok.col,
            ));
        }
        Ok(ps)
    }

    fn parse_small_stmt(&mut self) -> PResult<Option<StmtKind>> {
        let kw = match &self.tok.tok {
            Tok::Kw(k) => Some(*k),
            _ => None,
        };
        let k = match kw {
            Some(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            Some(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            Some(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            Some(Kw::Return) => {
                self.bump();
                if self.at_stmt_end() {
                    StmtKind::Return(None)
                } else {
                    StmtKind::Return(Some(self.parse_testlist_star_expr()?))
                }
            }
            Some(Kw::Raise) => {
                self.bump();
                if self.at_stmt_end() {
                    StmtKind::Raise(None, None)
                } else {
                    let e = self.parse_test()?;
                    let cause = if self.eat_kw(Kw::From) {
                        Some(self.parse_test()?)
                    } else {
                        None
                    };
                    StmtKind::Raise(Some(e), cause)
                }
            }
            Some(Kw::Global) | Some(Kw::Nonlocal) => {
                self.bump();
                let mut names = alloc::vec![self.expect_name()?];
                while self.eat_op(P::Comma) {
                    names.push(self.expect_name()?);
                }
                if kw == Some(Kw::Global) {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Some(Kw::Del) => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let t = self.parse_target()?;
                    self.check_del_target(&t)?;
                    targets.push(t);
                    if !self.eat_op(P::Comma) || self.at_stmt_end() {
                        break;
                    }
                }
                StmtKind::Del(targets)
            }
            Some(Kw::Assert) => {
                self.bump();
                let test = self.parse_test()?;
                let msg = if self.eat_op(P::Comma) {
                    Some(self.parse_test()?)
                } else {
                    None
                };
                StmtKind::Assert(test, msg)
            }
            Some(Kw::Import) => {
                self.bump();
                StmtKind::Import(self.parse_aliases(false)?)
            }
            Some(Kw::From) => {
                self.bump();
                let mut level = 0u32;
                loop {
                    if self.eat_op(P::Dot) {
                        level = level.saturating_add(1);
                    } else if self.eat_op(P::Ellipsis) {
                        level = level.saturating_add(3);
                    } else {
                        break;
                    }
                }
                let module = if self.is_kw(Kw::Import) {
                    if level == 0 {
                        return Err(self.err_here("invalid syntax"));
                    }
                    None
                } else {
                    Some(self.parse_dotted_name()?)
                };
                if !self.eat_kw(Kw::Import) {
                    return Err(self.err_here("invalid syntax"));
                }
                // `names` empty: import *
                let names = if self.eat_op(P::Star) {
                    Vec::new()
                } else {
                    self.parse_aliases(true)?
                };
                StmtKind::ImportFrom {
                    module,
                    level,
                    names,
                }
            }
            _ => return self.parse_expr_stmt(),
        };
        Ok(Some(k))
    }

    /// `name [as name]` items: dotted module names for `import`, plain names (optionally
    /// parenthesized) for `from ... import`.
    #[inline(never)]
    fn parse_aliases(&mut self, from: bool) -> PResult<Vec<Alias>> {
        let mut names = Vec::new();
        let paren = from && self.eat_op(P::LParen);
        loop {
            let name = if from {
                self.expect_name()?
            } else {
                self.parse_dotted_name()?
            };
            let asname = if self.eat_kw(Kw::As) {
                Some(self.expect_name()?)
            } else {
                None
            };
            names.push(Alias { name, asname });
            if !self.eat_op(P::Comma) {
                break;
            }
            if paren && self.is_op(P::RParen) {
                break;
            }
            if from && !paren && self.at_stmt_end() {
                return Err(
                    self.err_here("trailing comma not allowed without surrounding parentheses")
                );
            }
        }
        if paren {
            self.expect_op(P::RParen)?;
        }
        Ok(names)
    }

    fn at_stmt_end(&self) -> bool {
        matches!(self.tok.tok, Tok::Newline | Tok::Eof | Tok::Op(P::Semi))
    }

    fn parse_dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?;
        while self.eat_op(P::Dot) {
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(name)
    }

    #[inline(never)]
    fn parse_expr_stmt(&mut self) -> PResult<Option<StmtKind>> {
        let first = self.parse_testlist_star_expr_or_yield()?;
        if self.is_op(P::Eq) {
            let mut targets = alloc::vec![first];
            let mut value;
            loop {
                self.bump();
                value = self.parse_testlist_star_expr_or_yield()?;
                if self.is_op(P::Eq) {
                    targets.push(value);
                } else {
                    break;
                }
            }
            for t in &targets {
                self.check_target(t, false)?;
            }
            return Ok(Some(StmtKind::Assign(targets, value)));
        }
        if let Tok::Op(p) = self.tok.tok {
            if p.is_augassign() {
                match &first.kind {
                    ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Subscript(..) => {}
                    _ => {
                        let what = match &first.kind {
                            ExprKind::Tuple(_) => "tuple",
                            ExprKind::List(_) => "list",
                            _ => expr_description(&first),
                        };
                        return Err(self.error_parts(
                            &[
                                "'",
                                what,
                                "' is an illegal expression for augmented assignment",
                            ],
                            first.line,
                            first.col,
                        ));
                    }
                }
                self.bump();
                let value = self.parse_testlist_star_expr_or_yield()?;
                let op = p.binop().unwrap_or(BinOp::Add);
                return Ok(Some(StmtKind::AugAssign(first, op, value)));
            }
        }
        if self.is_op(P::Colon) {
            match &first.kind {
                ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Subscript(..) => {}
                ExprKind::Tuple(_) => {
                    return Err(self.error_at(
                        "only single target (not tuple) can be annotated",
                        first.line,
                        first.col,
                    ))
                }
                _ => {
                    return Err(self.error_at(
                        "illegal target for annotation",
                        first.line,
                        first.col,
                    ))
                }
            }
            self.bump();
            self.parse_test()?;
            if self.eat_op(P::Eq) {
                let value = self.parse_testlist_star_expr_or_yield()?;
                return Ok(Some(StmtKind::Assign(alloc::vec![first], value)));
            }
            // Annotation only: no effect.
            return Ok(None);
        }
        if let ExprKind::Starred(_) = first.kind {
            return Err(self.error_at("can't use starred expression here", first.line, first.col));
        }
        Ok(Some(StmtKind::Expr(first)))
    }

    // ----- target validation -----

    pub(crate) fn check_target(&self, e: &Expr, in_seq: bool) -> PResult<()> {
        self.check_target_of(e, in_seq, false)
    }

    fn check_del_target(&self, e: &Expr) -> PResult<()> {
        self.check_target_of(e, false, true)
    }

    /// Whether `e` can be assigned to (or deleted, for `del`), item by item for a tuple or
    /// list (`in_seq` for those items).
    fn check_target_of(&self, e: &Expr, in_seq: bool, del: bool) -> PResult<()> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let mut stars = 0;
                for it in items {
                    if let (ExprKind::Starred(_), false) = (&it.kind, del) {
                        stars += 1;
                        if stars > 1 {
                            return Err(self.error_at(
                                "multiple starred expressions in assignment",
                                it.line,
                                it.col,
                            ));
                        }
                    }
                    self.check_target_of(it, true, del)?;
                }
                Ok(())
            }
            ExprKind::Starred(_) if del => {
                Err(self.error_at("cannot delete starred", e.line, e.col))
            }
            ExprKind::Starred(inner) => {
                if !in_seq {
                    return Err(self.error_at(
                        "starred assignment target must be in a list or tuple",
                        e.line,
                        e.col,
                    ));
                }
                if let ExprKind::Starred(_) = inner.kind {
                    return Err(self.error_at("invalid syntax", e.line, e.col));
                }
                self.check_target_of(inner, false, false)
            }
            _ => Err(self.error_parts(
                &[
                    if del {
                        "cannot delete "
                    } else {
                        "cannot assign to "
                    },
                    expr_description(e),
                ],
                e.line,
                e.col,
            )),
        }
    }

    // ----- expressions -----

    /// `a, *b, c` at expression-statement level (a tuple if there is a comma), or a yield.
    fn parse_testlist_star_expr_or_yield(&mut self) -> PResult<Expr> {
        if self.is_kw(Kw::Yield) {
            return self.parse_yield();
        }
        self.parse_testlist_star_expr()
    }

    #[inline(never)]
    fn parse_yield(&mut self) -> PResult<Expr> {
        let (line, col) = (self.tok.line, self.tok.col);
        self.bump();
        if self.eat_kw(Kw::From) {
            let e = self.parse_test()?;
            return Ok(Expr::new(ExprKind::YieldFrom(boxed(e)), line, col));
        }
        if self.at_stmt_end()
            || self.is_op(P::RParen)
            || self.is_op(P::Eq)
            || self.is_op(P::RBracket)
        {
            return Ok(Expr::new(ExprKind::Yield(None), line, col));
        }
        let e = self.parse_testlist_star_expr()?;
        Ok(Expr::new(ExprKind::Yield(Some(boxed(e))), line, col))
    }

    #[inline(always)]
    fn parse_star_or_test(&mut self) -> PResult<Expr> {
        self.parse_starred_or(false)
    }

    #[inline(always)]
    fn parse_target(&mut self) -> PResult<Expr> {
        self.parse_starred_or(true)
    }

    /// `*expr`, else a target (`expr`) or a `namedexpr_test`.
    #[inline(never)]
    fn parse_starred_or(&mut self, target: bool) -> PResult<Expr> {
        if self.is_op(P::Star) {
            let (line, col) = (self.tok.line, self.tok.col);
            self.bump();
            let e = self.parse_bitor()?;
            return Ok(Expr::new(ExprKind::Starred(boxed(e)), line, col));
        }
        if target {
            self.parse_bitor()
        } else {
            self.parse_namedexpr_test()
        }
    }

    fn starts_expr(&self) -> bool {
        match &self.tok.tok {
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::Bytes(_) => true,
            #[cfg(feature = "fstrings")]
            Tok::FStr { .. } => true,
            Tok::Kw(k) => matches!(
                k,
                Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Lambda | Kw::Await
            ),
            Tok::Op(p) => matches!(
                p,
                P::LParen
                    | P::LBracket
                    | P::LBrace
                    | P::Minus
                    | P::Plus
                    | P::Tilde
                    | P::Star
                    | P::Ellipsis
            ),
            _ => false,
        }
    }

    #[inline(always)]
    pub fn parse_testlist_star_expr(&mut self) -> PResult<Expr> {
        self.parse_tuple_or_item(ListKind::Exprs)
    }

    /// Targets of `for` (stops before `in`).
    #[inline(always)]
    fn parse_target_list(&mut self) -> PResult<Expr> {
        self.parse_tuple_or_item(ListKind::Targets)
    }

    /// One item of a `kind` list.
    #[inline(always)]
    fn parse_list_item(&mut self, kind: ListKind) -> PResult<Expr> {
        match kind {
            ListKind::Targets => self.parse_target(),
            ListKind::Subscripts => self.parse_subscript(),
            ListKind::Exprs | ListKind::Display(_) => self.parse_star_or_test(),
        }
    }

    /// An item of a `kind` list, or a tuple of them if a comma follows the first (one
    /// function for the several comma-list shapes of the grammar).
    #[inline(never)]
    fn parse_tuple_or_item(&mut self, kind: ListKind) -> PResult<Expr> {
        let (line, col) = (self.tok.line, self.tok.col);
        let first = self.parse_list_item(kind)?;
        if !self.is_op(P::Comma) {
            return Ok(first);
        }
        let items = self.parse_list_rest(kind, first)?;
        Ok(Expr::new(ExprKind::Tuple(items), line, col))
    }

    /// `first` and the `, item`s after it (a trailing comma allowed): up to the token that
    /// ends a `kind` list.
    #[inline(never)]
    fn parse_list_rest(&mut self, kind: ListKind, first: Expr) -> PResult<Vec<Expr>> {
        let mut items = alloc::vec![first];
        while self.eat_op(P::Comma) {
            let end = match kind {
                ListKind::Exprs => !self.starts_expr(),
                ListKind::Targets => self.is_kw(Kw::In) || self.is_op(P::Eq),
                ListKind::Subscripts => self.is_op(P::RBracket),
                ListKind::Display(close) => self.is_op(close),
            };
            if end {
                break;
            }
            items.push(self.parse_list_item(kind)?);
        }
        Ok(items)
    }

    /// `test` with an assignment expression (`name := test`) allowed.
    #[inline(always)]
    fn parse_namedexpr_test(&mut self) -> PResult<Expr> {
        self.parse_test_or_walrus(true)
    }

    #[inline(always)]
    pub fn parse_test(&mut self) -> PResult<Expr> {
        self.parse_test_or_walrus(false)
    }

    /// One function for `test` and `namedexpr_test`: the walrus check is then not repeated
    /// at every `namedexpr_test` call site, and costs no extra stack frame per nesting level.
    #[inline(never)]
    fn parse_test_or_walrus(&mut self, walrus: bool) -> PResult<Expr> {
        self.enter()?;
        let r = self.parse_test_inner();
        self.leave(1);
        match r {
            Ok(e) if walrus && self.is_op(P::ColonEq) => self.parse_walrus(e),
            r => r,
        }
    }

    /// `target := value` after its target `e`, at the `:=`.
    #[inline(never)]
    fn parse_walrus(&mut self, e: Expr) -> PResult<Expr> {
        let name = match &e.kind {
            ExprKind::Name(n) => n.clone(),
            _ => {
                return Err(self.error_parts(
                    &[
                        "cannot use assignment expressions with ",
                        expr_description(&e),
                    ],
                    e.line,
                    e.col,
                ))
            }
        };
        self.bump();
        let v = self.parse_test()?;
        Ok(Expr::new(
            ExprKind::NamedExpr(name, boxed(v)),
            e.line,
            e.col,
        ))
    }

    #[inline(always)]
    fn parse_test_inner(&mut self) -> PResult<Expr> {
        if self.is_kw(Kw::Lambda) {
            return self.parse_lambda();
        }
        let e = self.parse_or()?;
        if self.is_kw(Kw::If) {
            self.bump();
            let cond = self.parse_or()?;
            if !self.eat_kw(Kw::Else) {
                return Err(self.err_here("expected 'else' after 'if' expression"));
            }
            let other = self.parse_test()?;
            let (line, col) = (e.line, e.col);
            return Ok(Expr::new(
                ExprKind::IfExp(boxed(cond), boxed(e), boxed(other)),
                line,
                col,
            ));
        }
        Ok(e)
    }

    #[inline(never)]
    fn parse_lambda(&mut self) -> PResult<Expr> {
        let (line, col) = (self.tok.line, self.tok.col);
        self.bump();
        let params = self.parse_params(P::Colon, false)?;
        self.expect_op(P::Colon)?;
        let scope_id = self.new_scope_id();
        let body = self.parse_test()?;
        Ok(Expr::new(
            ExprKind::Lambda(Box::new(Lambda {
                params,
                body,
                scope_id,
            })),
            line,
            col,
        ))
    }

    #[inline(always)]
    fn parse_or(&mut self) -> PResult<Expr> {
        self.parse_ops(PREC_OR)
    }

    /// `expr` in the grammar: bitwise/arithmetic operators only (no comparison, not, and, or).
    #[inline(always)]
    fn parse_bitor(&mut self) -> PResult<Expr> {
        self.parse_ops(PREC_BITOR)
    }

    fn comp_op(&mut self) -> PResult<Option<CmpOp>> {
        let op = match &self.tok.tok {
            Tok::Op(p) => match p.cmpop() {
                Some(c) => c,
                None => return Ok(None),
            },
            Tok::Kw(Kw::In) => CmpOp::In,
            Tok::Kw(Kw::Is) => {
                self.bump();
                return Ok(Some(if self.eat_kw(Kw::Not) {
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }));
            }
            Tok::Kw(Kw::Not) => {
                self.bump();
                if !self.eat_kw(Kw::In) {
                    return Err(self.err_here("invalid syntax"));
                }
                return Ok(Some(CmpOp::NotIn));
            }
            _ => return Ok(None),
        };
        self.bump();
        Ok(Some(op))
    }

    /// The binary (or comparison/boolean) operator at the current token, without consuming it.
    fn peek_binop(&self) -> Option<(PendingOp, u8)> {
        /// Precedence of each binary operator token, in `BinOp` order (see `P`).
        const BIN_PREC: [u8; BINOP_COUNT as usize] =
            [9, 9, 10, 10, 10, 10, 10, PREC_POW, 8, 8, 7, 5, 6];
        Some(match &self.tok.tok {
            Tok::Kw(Kw::Or) => (PendingOp::Or, PREC_OR),
            Tok::Kw(Kw::And) => (PendingOp::And, PREC_AND),
            Tok::Kw(Kw::In | Kw::Not | Kw::Is) => (PendingOp::Cmp(CmpOp::Eq), PREC_CMP),
            Tok::Op(p) if p.cmpop().is_some() => (PendingOp::Cmp(CmpOp::Eq), PREC_CMP),
            Tok::Op(p) => (PendingOp::Bin(p.binop()?), *BIN_PREC.get(*p as usize)?),
            _ => return None,
        })
    }

    /// Operator expressions (`or` down to `**` and unary operators) by operator precedence
    /// with explicit stacks: nesting of brackets is the only recursion, which keeps the native
    /// stack used per nesting level small. Operators with precedence below `min_prec` end the
    /// expression.
    fn parse_ops(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut operands: Vec<Expr> = Vec::new();
        let mut ops: Vec<(PendingOp, u8, u32, u32)> = Vec::new();
        // Nesting units taken for this expression (prefix operators and chain links).
        let mut units = 0u32;
        let mut links = 0u32;
        loop {
            // Operand position: prefix operators, then a primary.
            loop {
                let (line, col) = (self.tok.line, self.tok.col);
                let prefix = match &self.tok.tok {
                    Tok::Kw(Kw::Not) => {
                        let top = ops.last().map(|o| o.1).unwrap_or(min_prec);
                        if top > PREC_NOT || min_prec > PREC_NOT {
                            return Err(self.err_here("invalid syntax"));
                        }
                        (PendingOp::Unary(UnOp::Not), PREC_NOT)
                    }
                    Tok::Op(P::Minus) => (PendingOp::Unary(UnOp::Neg), PREC_UNARY),
                    Tok::Op(P::Plus) => (PendingOp::Unary(UnOp::Pos), PREC_UNARY),
                    Tok::Op(P::Tilde) => (PendingOp::Unary(UnOp::Invert), PREC_UNARY),
                    _ => break,
                };
                self.bump();
                self.enter()?;
                units += 1;
                ops.push((prefix.0, prefix.1, line, col));
            }
            #[cfg(feature = "async")]
            let operand = if self.is_kw(Kw::Await) {
                let (line, col) = (self.tok.line, self.tok.col);
                self.bump();
                self.enter()?;
                units += 1;
                Expr::new(ExprKind::Await(boxed(self.parse_primary()?)), line, col)
            } else {
                self.parse_primary()?
            };
            #[cfg(not(feature = "async"))]
            let operand = self.parse_primary()?;
            operands.push(operand);
            // Operator position.
            let (op, prec) = match self.peek_binop() {
                Some((op, prec)) if prec >= min_prec => (op, prec),
                _ => break,
            };
            // Reduce what binds at least as tightly (`**` is right-associative; comparison and
            // boolean chains of the same operator stay pending to become one n-ary node).
            while let Some(&(top, tprec, ..)) = ops.last() {
                let chain = tprec == prec
                    && matches!(top, PendingOp::Cmp(_) | PendingOp::And | PendingOp::Or);
                let reduce = if prec == PREC_POW {
                    tprec > prec
                } else {
                    tprec >= prec && !chain
                };
                if !reduce {
                    break;
                }
                self.reduce(&mut operands, &mut ops)?;
            }
            let (line, col) = (self.tok.line, self.tok.col);
            let op = match op {
                PendingOp::Cmp(_) => match self.comp_op()? {
                    Some(c) => PendingOp::Cmp(c),
                    None => return Err(self.err_here("invalid syntax")),
                },
                other => {
                    self.bump();
                    other
                }
            };
            links += 1;
            if links.is_multiple_of(4) {
                self.enter()?;
                units += 1;
            }
            ops.push((op, prec, line, col));
        }
        while !ops.is_empty() {
            self.reduce(&mut operands, &mut ops)?;
        }
        self.leave(units);
        match (operands.pop(), operands.is_empty()) {
            (Some(e), true) => Ok(e),
            _ => Err(self.err_here("invalid syntax")),
        }
    }

    /// Apply the operator on top of `ops` (a whole chain for comparisons and `and`/`or`).
    fn reduce(
        &self,
        operands: &mut Vec<Expr>,
        ops: &mut Vec<(PendingOp, u8, u32, u32)>,
    ) -> PResult<()> {
        let Some((op, _, line, col)) = ops.pop() else {
            return Err(self.malformed_ops());
        };
        let r = self.pop_operand(operands)?;
        let e = match op {
            PendingOp::Unary(u) => Expr::new(ExprKind::Unary(u, boxed(r)), line, col),
            PendingOp::Bin(b) => {
                let l = self.pop_operand(operands)?;
                let (line, col) = (l.line, l.col);
                Expr::new(ExprKind::BinOp(b, boxed(l), boxed(r)), line, col)
            }
            // Each comparison of the chain with its right operand, collected right to left.
            PendingOp::Cmp(c) => {
                let mut pairs = alloc::vec![(c, r)];
                while let Some(&(PendingOp::Cmp(c), ..)) = ops.last() {
                    ops.pop();
                    pairs.push((c, self.pop_operand(operands)?));
                }
                pairs.reverse();
                let first = self.pop_operand(operands)?;
                let (line, col) = (first.line, first.col);
                Expr::new(ExprKind::Compare(boxed(first), pairs), line, col)
            }
            PendingOp::And | PendingOp::Or => {
                let mut items = alloc::vec![r];
                let first = loop {
                    let e = self.pop_operand(operands)?;
                    let same = match ops.last() {
                        Some(&(PendingOp::And, ..)) => matches!(op, PendingOp::And),
                        Some(&(PendingOp::Or, ..)) => matches!(op, PendingOp::Or),
                        _ => false,
                    };
                    if !same {
                        break e;
                    }
                    ops.pop();
                    items.push(e);
                };
                let (line, col) = (first.line, first.col);
                items.push(first);
                items.reverse();
                Expr::new(
                    ExprKind::BoolOp(matches!(op, PendingOp::And), items),
                    line,
                    col,
                )
            }
        };
        operands.push(e);
        Ok(())
    }

    /// The operand on top of the stack (always there when the operator stack is well formed).
    #[inline(never)]
    fn pop_operand(&self, operands: &mut Vec<Expr>) -> PResult<Expr> {
        operands.pop().ok_or_else(|| self.malformed_ops())
    }

    /// The error for an operator without its operands (not expected: `parse_ops` pushes an
    /// operand before each binary operator).
    #[cold]
    #[inline(never)]
    fn malformed_ops(&self) -> Box<CompileError> {
        self.error_at("invalid syntax", self.tok.line, self.tok.col)
    }

    fn parse_primary(&mut self) -> PResult<Expr> {
        let mut e = self.parse_atom()?;
        // Each trailer is a link of the tree's left spine: half a nesting unit. (On error the
        // parse is abandoned, so the depth need not be restored.)
        let mut links = 0u32;
        loop {
            let (line, col) = (self.tok.line, self.tok.col);
            let kind = match self.tok.tok {
                Tok::Op(P::Dot) | Tok::Op(P::LParen) | Tok::Op(P::LBracket) => self.take().tok,
                _ => break,
            };
            links += 1;
            if links.is_multiple_of(2) {
                self.enter()?;
            }
            e = match kind {
                Tok::Op(P::Dot) => {
                    let name = self.expect_name()?;
                    Expr::new(ExprKind::Attr(boxed(e), name), line, col)
                }
                Tok::Op(P::LParen) => {
                    let args = self.parse_arglist()?;
                    self.expect_op(P::RParen)?;
                    Expr::new(ExprKind::Call(boxed(e), args), line, col)
                }
                _ => {
                    let idx = self.parse_tuple_or_item(ListKind::Subscripts)?;
                    self.expect_op(P::RBracket)?;
                    Expr::new(ExprKind::Subscript(boxed(e), boxed(idx)), line, col)
                }
            };
        }
        self.leave(links / 2);
        Ok(e)
    }

    #[inline(never)]
    fn parse_subscript(&mut self) -> PResult<Expr> {
        let (line, col) = (self.tok.line, self.tok.col);
        let lower = if self.is_op(P::Colon) {
            None
        } else {
            Some(self.parse_namedexpr_test()?)
        };
        if !self.is_op(P::Colon) {
            return lower.ok_or_else(|| self.err_here("invalid syntax"));
        }
        self.bump();
        let is_end = |p: &Self| p.is_op(P::RBracket) || p.is_op(P::Comma) || p.is_op(P::Colon);
        let upper = if is_end(self) {
            None
        } else {
            Some(boxed(self.parse_test()?))
        };
        let mut step = None;
        if self.eat_op(P::Colon) && !(self.is_op(P::RBracket) || self.is_op(P::Comma)) {
            step = Some(boxed(self.parse_test()?));
        }
        Ok(Expr::new(
            ExprKind::Slice(lower.map(Box::new), upper, step),
            line,
            col,
        ))
    }

    /// Call arguments up to (not including) `)`.
    #[inline(never)]
    fn parse_arglist(&mut self) -> PResult<Vec<Arg>> {
        let mut args: Vec<Arg> = Vec::new();
        let mut seen_kw = false;
        let mut seen_dstar = false;
        let mut genexp_at: Option<(u32, u32)> = None;
        while !self.is_op(P::RParen) {
            let (line, col) = (self.tok.line, self.tok.col);
            let arg = if self.eat_op(P::Star) {
                if seen_dstar {
                    return Err(self.error_at(
                        "iterable argument unpacking follows keyword argument unpacking",
                        line,
                        col,
                    ));
                }
                Arg::Star(self.parse_test()?)
            } else if self.eat_op(P::DoubleStar) {
                seen_dstar = true;
                Arg::DStar(self.parse_test()?)
            } else {
                let e = self.parse_namedexpr_test()?;
                if self.is_op(P::Eq) {
                    let name =
                        match e.kind {
                            ExprKind::Name(n) => n,
                            _ => return Err(self.error_at(
                                "expression cannot contain assignment, perhaps you meant \"==\"?",
                                e.line,
                                e.col,
                            )),
                        };
                    self.bump();
                    let v = self.parse_test()?;
                    if args
                        .iter()
                        .any(|a| matches!(a, Arg::Kw(n, _) if *n == name))
                    {
                        return Err(self.error_parts(
                            &["keyword argument repeated: ", &name],
                            line,
                            col,
                        ));
                    }
                    seen_kw = true;
                    Arg::Kw(name, v)
                } else if self.at_comp_for() {
                    genexp_at = Some((line, col));
                    Arg::Pos(self.parse_comp_tail(None, CompKind::Gen, e, None, line, col)?)
                } else {
                    let out_of_order = if seen_dstar {
                        "positional argument follows keyword argument unpacking"
                    } else if seen_kw {
                        "positional argument follows keyword argument"
                    } else {
                        ""
                    };
                    if !out_of_order.is_empty() {
                        return Err(self.error_at(out_of_order, line, col));
                    }
                    Arg::Pos(e)
                }
            };
            args.push(arg);
            if !self.eat_op(P::Comma) {
                break;
            }
        }
        if let Some((line, col)) = genexp_at {
            if args.len() > 1 {
                return Err(self.error_at("Generator expression must be parenthesized", line, col));
            }
        }
        Ok(args)
    }

    /// At the `for` (or `async for`) that makes a comprehension of what precedes it.
    fn at_comp_for(&self) -> bool {
        self.is_kw(Kw::For) || self.at_async()
    }

    /// The items of a bracketed display after its first: `, item`* (a trailing comma allowed)
    /// through the closing bracket.
    fn parse_items_to(&mut self, close: P, first: Expr) -> PResult<Vec<Expr>> {
        let items = self.parse_list_rest(ListKind::Display(close), first)?;
        self.expect_op(close)?;
        Ok(items)
    }

    /// After the element of a comprehension: `for ... in ... [if ...]*` clauses, then the
    /// closing bracket `close` if it is a bracketed one (not a call's sole argument).
    #[inline(never)]
    fn parse_comp_tail(
        &mut self,
        close: Option<P>,
        kind: CompKind,
        elt: Expr,
        value: Option<Expr>,
        line: u32,
        col: u32,
    ) -> PResult<Expr> {
        let mut gens = Vec::new();
        loop {
            let is_async = self.at_async();
            if is_async {
                self.bump();
            }
            if !self.eat_kw(Kw::For) {
                if is_async {
                    return Err(self.err_here("invalid syntax"));
                }
                break;
            }
            let target = self.parse_target_list()?;
            self.check_target(&target, false)?;
            if !self.eat_kw(Kw::In) {
                return Err(self.err_here("invalid syntax"));
            }
            let iter = self.parse_or()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.parse_or()?);
            }
            gens.push(CompFor {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        let scope_id = self.new_scope_id();
        if let Some(close) = close {
            self.expect_op(close)?;
        }
        Ok(Expr::new(
            ExprKind::Comp(Box::new(Comp {
                kind,
                elt,
                value,
                gens,
                scope_id,
            })),
            line,
            col,
        ))
    }

    fn parse_atom(&mut self) -> PResult<Expr> {
        let (line, col) = (self.tok.line, self.tok.col);
        match &self.tok.tok {
            Tok::Str(_) | Tok::Bytes(_) => return self.parse_strings(),
            #[cfg(feature = "fstrings")]
            Tok::FStr { .. } => return self.parse_strings(),
            Tok::Op(P::LParen) => return self.parse_paren(line, col),
            Tok::Op(P::LBracket) => return self.parse_list(line, col),
            Tok::Op(P::LBrace) => {
                self.bump();
                return self.parse_brace(line, col);
            }
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Kw(Kw::None | Kw::True | Kw::False)
            | Tok::Op(P::Ellipsis) => {}
            // (At an INDENT this is "unexpected indent".)
            _ => return Err(self.err_here("invalid syntax")),
        }
        // One `take` for every token that is an atom by itself.
        let kind = match self.take().tok {
            Tok::Name(n) => ExprKind::Name(n),
            Tok::Int(v) => ExprKind::Int(v),
            Tok::BigInt(s) => ExprKind::BigInt(s),
            Tok::Float(v) => ExprKind::Float(v),
            Tok::Imag(v) => ExprKind::Imag(v),
            Tok::Kw(Kw::None) => ExprKind::None,
            Tok::Kw(Kw::True) => ExprKind::True,
            Tok::Kw(Kw::False) => ExprKind::False,
            _ => ExprKind::Ellipsis,
        };
        Ok(Expr::new(kind, line, col))
    }

    #[inline(never)]
    fn parse_paren(&mut self, line: u32, col: u32) -> PResult<Expr> {
        self.bump();
        if self.eat_op(P::RParen) {
            return Ok(Expr::new(ExprKind::Tuple(Vec::new()), line, col));
        }
        if self.is_kw(Kw::Yield) {
            let y = self.parse_yield()?;
            self.expect_op(P::RParen)?;
            return Ok(y);
        }
        let first = self.parse_star_or_test()?;
        if self.at_comp_for() {
            return self.parse_comp_tail(Some(P::RParen), CompKind::Gen, first, None, line, col);
        }
        if self.eat_op(P::RParen) {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.error_at(
                    "can't use starred expression here",
                    first.line,
                    first.col,
                ));
            }
            return Ok(first);
        }
        let items = self.parse_items_to(P::RParen, first)?;
        Ok(Expr::new(ExprKind::Tuple(items), line, col))
    }

    #[inline(never)]
    fn parse_list(&mut self, line: u32, col: u32) -> PResult<Expr> {
        self.bump();
        if self.eat_op(P::RBracket) {
            return Ok(Expr::new(ExprKind::List(Vec::new()), line, col));
        }
        let first = self.parse_star_or_test()?;
        if self.at_comp_for() {
            return self.parse_comp_tail(Some(P::RBracket), CompKind::List, first, None, line, col);
        }
        let items = self.parse_items_to(P::RBracket, first)?;
        Ok(Expr::new(ExprKind::List(items), line, col))
    }

    #[inline(never)]
    fn parse_brace(&mut self, line: u32, col: u32) -> PResult<Expr> {
        if self.eat_op(P::RBrace) {
            return Ok(Expr::new(ExprKind::Dict(Vec::new()), line, col));
        }
        // Dict?
        let first_key = if self.eat_op(P::DoubleStar) {
            None
        } else {
            let k = self.parse_star_or_test()?;
            if !self.is_op(P::Colon) || matches!(k.kind, ExprKind::Starred(_)) {
                // Set display or set comprehension.
                if self.at_comp_for() {
                    return self.parse_comp_tail(
                        Some(P::RBrace),
                        CompKind::Set,
                        k,
                        None,
                        line,
                        col,
                    );
                }
                let items = self.parse_items_to(P::RBrace, k)?;
                return Ok(Expr::new(ExprKind::Set(items), line, col));
            }
            Some(k)
        };
        let mut pairs: Vec<(Option<Expr>, Expr)> = Vec::new();
        let mut key = first_key;
        loop {
            // `key: value`, or `**value` (key `None`).
            let v = if key.is_some() {
                self.expect_op(P::Colon)?;
                self.parse_test()?
            } else {
                self.parse_bitor()?
            };
            match key {
                Some(k) if pairs.is_empty() && self.at_comp_for() => {
                    return self.parse_comp_tail(
                        Some(P::RBrace),
                        CompKind::Dict,
                        k,
                        Some(v),
                        line,
                        col,
                    );
                }
                key => pairs.push((key, v)),
            }
            if !self.eat_op(P::Comma) || self.is_op(P::RBrace) {
                break;
            }
            key = if self.eat_op(P::DoubleStar) {
                None
            } else {
                Some(self.parse_test()?)
            };
        }
        self.expect_op(P::RBrace)?;
        Ok(Expr::new(ExprKind::Dict(pairs), line, col))
    }

    /// Adjacent string literals, concatenated (f-strings become an FString).
    #[inline(never)]
    fn parse_strings(&mut self) -> PResult<Expr> {
        let (line, col) = (self.tok.line, self.tok.col);
        let mut parts: Vec<FPart> = Vec::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut any_str = false;
        #[cfg(feature = "fstrings")]
        let mut any_f = false;
        while is_string_token(&self.tok.tok) {
            #[cfg(feature = "fstrings")]
            let (tline, tcol) = (self.tok.line, self.tok.col);
            match self.take().tok {
                Tok::Str(s) => {
                    any_str = true;
                    push_lit(&mut parts, &s);
                }
                Tok::Bytes(b) => bytes.get_or_insert_with(Vec::new).extend_from_slice(&b),
                #[cfg(feature = "fstrings")]
                Tok::FStr { body, raw } => {
                    any_str = true;
                    any_f = true;
                    self.parse_fstring(&body, raw, tline, tcol, &mut parts, 0)?;
                }
                _ => {}
            }
        }
        if let Some(b) = bytes {
            if any_str {
                return Err(self.error_at("cannot mix bytes and nonbytes literals", line, col));
            }
            return Ok(Expr::new(ExprKind::Bytes(b), line, col));
        }
        #[cfg(feature = "fstrings")]
        if any_f {
            return Ok(Expr::new(ExprKind::FString(parts), line, col));
        }
        let s = match parts.pop() {
            Some(FPart::Lit(s)) => s,
            _ => String::new(),
        };
        Ok(Expr::new(ExprKind::Str(s), line, col))
    }

    /// Split an f-string body into literal parts and fields, appending to `parts`.
    #[cfg(feature = "fstrings")]
    fn parse_fstring(
        &mut self,
        body: &str,
        raw: bool,
        line: u32,
        col: u32,
        parts: &mut Vec<FPart>,
        nest: u32,
    ) -> PResult<()> {
        if nest > 2 {
            return Err(self.error_at("f-string: expressions nested too deeply", line, col));
        }
        let b = body.as_bytes();
        let mut i = 0;
        let mut lit_start = 0;
        let ferr = |p: &Self, m: &str| p.error_parts(&["f-string: ", m], line, col);
        let mut lit = String::new();
        let flush = |p: &Self, lit: &mut String, from: usize, to: usize| -> PResult<()> {
            let chunk = &body[from..to];
            if raw {
                lit.push_str(chunk);
            } else {
                let d = decode_escapes(chunk, false).map_err(|m| p.error_at(&m, line, col))?;
                lit.push_str(&d);
            }
            Ok(())
        };
        while i < b.len() {
            match b[i] {
                b'{' if b.get(i + 1) == Some(&b'{') => {
                    flush(self, &mut lit, lit_start, i + 1)?;
                    i += 2;
                    lit_start = i;
                }
                b'}' if b.get(i + 1) == Some(&b'}') => {
                    flush(self, &mut lit, lit_start, i + 1)?;
                    i += 2;
                    lit_start = i;
                }
                b'}' => return Err(ferr(self, "single '}' is not allowed")),
                b'{' => {
                    flush(self, &mut lit, lit_start, i)?;
                    i += 1;
                    // Find the end of the expression.
                    let expr_start = i;
                    let mut depth = 0i32;
                    let mut quote: Option<u8> = None;
                    while i < b.len() {
                        let c = b[i];
                        if let Some(q) = quote {
                            if c == q {
                                quote = None;
                            }
                            i += 1;
                            continue;
                        }
                        match c {
                            b'\'' | b'"' => quote = Some(c),
                            b'(' | b'[' | b'{' => depth += 1,
                            b')' | b']' | b'}' if depth > 0 => depth -= 1,
                            b'}' => break,
                            b'!' if depth == 0 && b.get(i + 1) != Some(&b'=') => break,
                            b':' if depth == 0 => break,
                            b'=' if depth == 0
                                && b.get(i + 1) != Some(&b'=')
                                && i > expr_start
                                && !matches!(b[i - 1], b'=' | b'!' | b'<' | b'>') =>
                            {
                                break
                            }
                            _ => {}
                        }
                        i += 1;
                    }
                    if quote.is_some() || i >= b.len() {
                        return Err(ferr(self, "expecting '}'"));
                    }
                    let expr_text = &body[expr_start..i];
                    if expr_text.trim().is_empty() {
                        return Err(ferr(self, "empty expression not allowed"));
                    }
                    if expr_text.contains('\\') {
                        return Err(ferr(self, "expression part cannot include a backslash"));
                    }
                    let mut conv = FMT_CONV_NONE;
                    let mut self_doc = false;
                    if b[i] == b'=' {
                        self_doc = true;
                        i += 1;
                        while b.get(i) == Some(&b' ') {
                            i += 1;
                        }
                        lit.push_str(&body[expr_start..i]);
                    }
                    if b.get(i) == Some(&b'!') {
                        conv = match b.get(i + 1) {
                            Some(b's') => FMT_CONV_STR,
                            Some(b'r') => FMT_CONV_REPR,
                            Some(b'a') => FMT_CONV_ASCII,
                            _ => {
                                return Err(ferr(
                                    self,
                                    "invalid conversion character: expected 's', 'r', or 'a'",
                                ))
                            }
                        };
                        i += 2;
                    }
                    let mut spec = None;
                    if b.get(i) == Some(&b':') {
                        i += 1;
                        let spec_start = i;
                        let mut d = 0;
                        while i < b.len() {
                            match b[i] {
                                b'{' => d += 1,
                                b'}' if d == 0 => break,
                                b'}' => d -= 1,
                                _ => {}
                            }
                            i += 1;
                        }
                        let mut sp = Vec::new();
                        self.parse_fstring(
                            &body[spec_start..i.min(b.len())],
                            raw,
                            line,
                            col,
                            &mut sp,
                            nest + 1,
                        )?;
                        spec = Some(sp);
                    }
                    if b.get(i) != Some(&b'}') {
                        return Err(ferr(self, "expecting '}'"));
                    }
                    i += 1;
                    lit_start = i;
                    if self_doc && conv == FMT_CONV_NONE && spec.is_none() {
                        conv = FMT_CONV_REPR;
                    }
                    if !lit.is_empty() {
                        push_lit(parts, &lit);
                        lit.clear();
                    }
                    let value = self.parse_embedded(expr_text, line)?;
                    parts.push(FPart::Field {
                        value: boxed(value),
                        conv,
                        spec,
                    });
                }
                _ => i += 1,
            }
        }
        flush(self, &mut lit, lit_start, b.len())?;
        if !lit.is_empty() {
            push_lit(parts, &lit);
        }
        Ok(())
    }

    #[cfg(feature = "fstrings")]
    fn parse_embedded(&mut self, text: &str, line: u32) -> PResult<Expr> {
        self.enter()?;
        let r = (|| {
            let mut sub =
                Parser::new_embedded(text, self.filename, line, self.next_scope, self.depth)?;
            let e = if sub.is_kw(Kw::Yield) {
                sub.parse_yield()?
            } else {
                sub.parse_testlist_star_expr()?
            };
            if !matches!(sub.tok.tok, Tok::Eof) {
                return Err(sub.err_here("f-string: invalid syntax"));
            }
            self.next_scope = sub.next_scope;
            Ok(e)
        })();
        self.leave(1);
        // A lexer error after the f-string (read ahead before its fields were parsed) comes
        // first.
        r.map_err(|e| self.lex_error.take().unwrap_or(e))
    }
}

/// A string, bytes or f-string literal (the pieces `parse_strings` concatenates).
fn is_string_token(tok: &Tok) -> bool {
    match tok {
        Tok::Str(_) | Tok::Bytes(_) => true,
        #[cfg(feature = "fstrings")]
        Tok::FStr { .. } => true,
        _ => false,
    }
}

/// `Box::new` for expressions, not inlined: one call at each of the parser's many boxing sites
/// instead of an allocation and a copy.
#[inline(never)]
fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

fn push_lit(parts: &mut Vec<FPart>, s: &str) {
    if let Some(FPart::Lit(last)) = parts.last_mut() {
        last.push_str(s);
    } else {
        parts.push(FPart::Lit(String::from(s)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    /// S-expression form of an expression, for precedence tests.
    fn sx(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Name(n) => n.clone(),
            ExprKind::Int(i) => format!("{}", i.i64()),
            ExprKind::Float(f) => format!("{:?}", f.f64()),
            ExprKind::Str(s) => format!("{:?}", s),
            ExprKind::True => String::from("True"),
            ExprKind::None => String::from("None"),
            ExprKind::BinOp(op, a, b) => format!("({:?} {} {})", op, sx(a), sx(b)),
            ExprKind::Unary(op, a) => format!("({:?} {})", op, sx(a)),
            ExprKind::BoolOp(and, items) => {
                let v: Vec<String> = items.iter().map(sx).collect();
                format!("({} {})", if *and { "and" } else { "or" }, v.join(" "))
            }
            ExprKind::Compare(a, ops) => {
                let mut s = format!("(cmp {}", sx(a));
                for (op, x) in ops {
                    s.push_str(&format!(" {:?} {}", op, sx(x)));
                }
                s + ")"
            }
            ExprKind::IfExp(t, b, o) => format!("(if {} {} {})", sx(t), sx(b), sx(o)),
            ExprKind::Call(f, args) => {
                let v: Vec<String> = args
                    .iter()
                    .map(|a| match a {
                        Arg::Pos(e) => sx(e),
                        Arg::Star(e) => format!("*{}", sx(e)),
                        Arg::Kw(n, e) => format!("{}={}", n, sx(e)),
                        Arg::DStar(e) => format!("**{}", sx(e)),
                    })
                    .collect();
                format!("{}({})", sx(f), v.join(", "))
            }
            ExprKind::Attr(o, n) => format!("{}.{}", sx(o), n),
            ExprKind::Subscript(o, i) => format!("{}[{}]", sx(o), sx(i)),
            ExprKind::Slice(a, b, c) => {
                let f = |x: &Option<Box<Expr>>| x.as_ref().map(|e| sx(e)).unwrap_or_default();
                format!("{}:{}:{}", f(a), f(b), f(c))
            }
            ExprKind::Tuple(items) => format!(
                "(tuple {})",
                items.iter().map(sx).collect::<Vec<_>>().join(" ")
            ),
            ExprKind::List(items) => {
                format!("[{}]", items.iter().map(sx).collect::<Vec<_>>().join(" "))
            }
            ExprKind::Starred(x) => format!("*{}", sx(x)),
            ExprKind::NamedExpr(n, v) => format!("({} := {})", n, sx(v)),
            #[cfg(feature = "async")]
            ExprKind::Await(x) => format!("(await {})", sx(x)),
            ExprKind::Lambda(l) => format!("(lambda {})", sx(&l.body)),
            #[cfg(feature = "fstrings")]
            ExprKind::FString(parts) => format!("(f {})", parts.len()),
            ExprKind::Comp(c) => format!("({:?}comp {} for {})", c.kind, sx(&c.elt), c.gens.len()),
            other => format!("{:?}", other),
        }
    }

    fn expr(src: &str) -> String {
        let mut p = Parser::new(src, "t").unwrap();
        sx(&p.parse_eval_input().unwrap())
    }

    fn stmts(src: &str) -> Vec<Stmt> {
        let mut p = Parser::new(src, "t").unwrap();
        let mut v = Vec::new();
        while let Some(s) = p.next_statement().unwrap() {
            v.push(s);
        }
        v
    }

    #[test]
    fn precedence() {
        assert_eq!(expr("1 + 2 * 3"), "(Add 1 (Mul 2 3))");
        assert_eq!(expr("1 - 2 - 3"), "(Sub (Sub 1 2) 3)");
        assert_eq!(expr("2 ** 3 ** 4"), "(Pow 2 (Pow 3 4))");
        assert_eq!(expr("-2 ** 2"), "(Neg (Pow 2 2))");
        assert_eq!(expr("2 ** -1"), "(Pow 2 (Neg 1))");
        assert_eq!(
            expr("a | b ^ c & d << e + f"),
            "(Or a (Xor b (And c (LShift d (Add e f)))))"
        );
        assert_eq!(expr("not a == b"), "(Not (cmp a Eq b))");
        assert_eq!(expr("a or b and not c"), "(or a (and b (Not c)))");
        assert_eq!(
            expr("a < b <= c is not d not in e"),
            "(cmp a Lt b Le c IsNot d NotIn e)"
        );
        assert_eq!(expr("a if b else c if d else e"), "(if b a (if d c e))");
        assert_eq!(expr("lambda: a if b else c"), "(lambda (if b a c))");
        assert_eq!(expr("a.b(c)[d].e"), "a.b(c)[d].e");
        assert_eq!(expr("f(a, *b, c=1, **d)"), "f(a, *b, c=1, **d)");
        assert_eq!(expr("x[1:2, ::3]"), "x[(tuple 1:2: ::3)]");
        #[cfg(feature = "async")]
        assert_eq!(expr("await a ** 2"), "(Pow (await a) 2)");
        assert_eq!(expr("~a * -b"), "(Mul (Invert a) (Neg b))");
        assert_eq!(
            expr("a @ b // c % d / e"),
            "(TrueDiv (Mod (FloorDiv (MatMul a b) c) d) e)"
        );
        assert_eq!(expr("1, *a, 2"), "(tuple 1 *a 2)");
        assert_eq!(expr("(a := 1)"), "(a := 1)");
        assert_eq!(expr("[x for x in y if x]"), "(Listcomp x for 1)");
        assert_eq!(expr("f(x for x in y)"), "f((Gencomp x for 1))");
        assert_eq!(expr("'a' 'b'"), "\"ab\"");
        assert_eq!(expr("a and not b and c"), "(and a (Not b) c)");
        assert_eq!(expr("not a < b < c"), "(Not (cmp a Lt b Lt c))");
        assert_eq!(
            expr("a < b and c < d or e"),
            "(or (and (cmp a Lt b) (cmp c Lt d)) e)"
        );
        assert_eq!(expr("(a < b) < c"), "(cmp (cmp a Lt b) Lt c)");
        assert_eq!(expr("a < b + c < d"), "(cmp a Lt (Add b c) Lt d)");
        assert_eq!(expr("2 ** -1 * 3"), "(Mul (Pow 2 (Neg 1)) 3)");
        assert_eq!(expr("a ** -b ** c"), "(Pow a (Neg (Pow b c)))");
        assert_eq!(expr("- - a"), "(Neg (Neg a))");
        assert_eq!(expr("a or b or c and d"), "(or a b (and c d))");
        assert_eq!(expr("a is not b in c"), "(cmp a IsNot b In c)");
        for bad in ["a == not b", "a + not b", "a not b", "a <", "a and", "not"] {
            assert!(
                Parser::new(bad, "t").unwrap().parse_eval_input().is_err(),
                "{:?}",
                bad
            );
        }
        #[cfg(feature = "fstrings")]
        {
            assert_eq!(expr("f'a' 'b{c}'"), "(f 1)");
            assert_eq!(expr("f'a{x}' 'b{c}'"), "(f 3)");
        }
    }

    #[test]
    fn statements() {
        let v = stmts("a = b = 1; c += 2\nif x:\n    pass\nelif y:\n    pass\nelse:\n    pass\n");
        assert_eq!(v.len(), 3);
        assert!(matches!(&v[0].kind, StmtKind::Assign(t, _) if t.len() == 2));
        assert!(matches!(&v[1].kind, StmtKind::AugAssign(_, BinOp::Add, _)));
        match &v[2].kind {
            StmtKind::If(_, _, orelse) => assert!(matches!(orelse[0].kind, StmtKind::If(..))),
            _ => panic!(),
        }
        let v = stmts("x: int\ny: int = 2\n");
        assert_eq!(v.len(), 1, "annotation-only statements produce nothing");
        let v = stmts("from ..a.b import (c as d, e,)\nfrom . import *\nimport a.b as c\n");
        match &v[0].kind {
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => {
                assert_eq!(module.as_deref(), Some("a.b"));
                assert_eq!(*level, 2);
                assert_eq!(names.len(), 2);
                assert_eq!(names[0].asname.as_deref(), Some("d"));
            }
            _ => panic!(),
        }
        assert!(
            matches!(&v[1].kind, StmtKind::ImportFrom { module: None, level: 1, names } if names.is_empty())
        );
        let v = stmts("@d1\n@d2(x)\ndef f(a, /, b=1, *c, d, e=2, **f) -> int:\n    g\n");
        match &v[0].kind {
            StmtKind::FuncDef(f) => {
                assert!(!f.is_async);
                assert_eq!(f.decorators.len(), 2);
                assert_eq!(f.params.pos.len(), 2);
                assert_eq!(f.params.vararg.as_deref(), Some("c"));
                assert_eq!(f.params.kwonly.len(), 2);
                assert_eq!(f.params.kwarg.as_deref(), Some("f"));
            }
            _ => panic!(),
        }
        let v = stmts("try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n");
        match &v[0].kind {
            StmtKind::Try {
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                assert_eq!(handlers.len(), 3);
                assert_eq!(handlers[0].name.as_deref(), Some("e"));
                assert!(handlers[2].typ.is_none());
                assert_eq!(orelse.len(), 1);
                assert_eq!(finalbody.len(), 1);
            }
            _ => panic!(),
        }
        let v = stmts("with a as (b, c), d:\n    pass\nclass C(B, metaclass=M): pass\n");
        assert!(
            matches!(&v[0].kind, StmtKind::With { items, is_async: false, .. } if items.len() == 2)
        );
        assert!(matches!(&v[1].kind, StmtKind::ClassDef(c) if c.bases.len() == 2));
        // Line numbers of statements.
        let v = stmts("a\n\n# c\nb\nif x:\n    c\n");
        assert_eq!(v.iter().map(|s| s.line).collect::<Vec<_>>(), [1, 4, 5]);
    }

    #[test]
    #[cfg(feature = "async")]
    fn async_statements() {
        let v = stmts(
            "@d1\n@d2(x)\nasync def f(a, /, b=1, *c, d, e=2, **f) -> int:\n    await g\n    async for x in y: pass\n    async with e: pass\n",
        );
        match &v[0].kind {
            StmtKind::FuncDef(f) => {
                assert!(f.is_async);
                assert_eq!(f.decorators.len(), 2);
                assert_eq!(f.params.pos.len(), 2);
                assert!(
                    matches!(&f.body[0].kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::Await(_)))
                );
                assert!(matches!(
                    &f.body[1].kind,
                    StmtKind::For { is_async: true, .. }
                ));
                assert!(matches!(
                    &f.body[2].kind,
                    StmtKind::With { is_async: true, .. }
                ));
            }
            _ => panic!(),
        }
    }

    #[test]
    #[cfg(feature = "fstrings")]
    fn fstrings() {
        let e = Parser::new("f'{a!r:>{w}} {b=} {{x}}'", "t")
            .unwrap()
            .parse_eval_input()
            .unwrap();
        match e.kind {
            ExprKind::FString(parts) => {
                assert_eq!(parts.len(), 4);
                match &parts[0] {
                    FPart::Field {
                        conv,
                        spec: Some(spec),
                        ..
                    } => {
                        assert_eq!(*conv, FMT_CONV_REPR);
                        assert_eq!(spec.len(), 2);
                    }
                    other => panic!("{:?}", other),
                }
                assert_eq!(parts[1], FPart::Lit(String::from(" b=")));
                assert!(
                    matches!(&parts[2], FPart::Field { conv, spec: None, .. } if *conv == FMT_CONV_REPR)
                );
                assert_eq!(parts[3], FPart::Lit(String::from(" {x}")));
            }
            other => panic!("{:?}", other),
        }
    }

    /// A lexer error in the token read ahead is the error of the statement being parsed, as
    /// when reading ahead stopped the parse (`Parser::lex_error`).
    #[test]
    fn lexer_errors_come_first() {
        let first_error = |src| {
            let mut p = Parser::new(src, "t").unwrap();
            *p.next_statement().unwrap_err()
        };
        // After a complete statement: reported for it (the compiler never sees it).
        let e = first_error("return 1\n$\n");
        assert_eq!(e.msg, "invalid character '$' (U+0024)");
        assert_eq!((e.line, e.col), (2, 1));
        // In place of the parser's own error at that token.
        for src in [
            "f(1 $",
            "if x $",
            "x = [1, \"a\" $]",
            "def f(a, $): pass",
            "del a $",
        ] {
            let e = first_error(src);
            assert_eq!(e.msg, "invalid character '$' (U+0024)", "{src}");
        }
        let e = first_error("if x:\n    a\n  b\n");
        assert_eq!(e.kind, CompileErrorKind::IndentationError);
        assert_eq!(e.line, 3);
        let e = first_error("x = (1,\n  2]");
        assert!(e.msg.starts_with("closing parenthesis ']'"), "{}", e.msg);
        #[cfg(feature = "fstrings")]
        {
            let e = first_error("f'{}' $");
            assert_eq!(e.msg, "invalid character '$' (U+0024)");
        }
    }

    #[test]
    fn error_positions() {
        let e = Parser::new("x = (1,\n     2", "t")
            .and_then(|mut p| p.next_statement().map(|_| ()))
            .unwrap_err();
        assert_eq!((e.line, e.col), (1, 5));
        assert!(e.msg.contains("'(' was never closed"));
        let e = Parser::new("if x\n", "t")
            .and_then(|mut p| p.next_statement().map(|_| ()))
            .unwrap_err();
        assert_eq!(e.msg, "expected ':'");
        assert_eq!((e.line, e.col), (1, 5));
    }
}
