//! Compiler: AST -> [`RawCode`]. In File mode the module is compiled one top-level statement at
//! a time (parse, analyse scopes, emit, drop the tree). Each statement gets a symbol-table pass
//! ([`crate::compile::symtable`]) that decides, for every name in every nested function, whether
//! it is local, a cell, free, global or (module/class bodies) a name-dict access.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::*;
use crate::bytecode::*;
use crate::parser::Parser;

mod symtable;
use symtable::{Access, ScopeKind, SymTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    File,
    /// One REPL input: expression statements print their value (PrintExpr then Pop).
    Single,
    /// A single expression whose value the code returns.
    Eval,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub col: u32,
}

impl core::fmt::Display for CompileError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let kind = match self.kind {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
        };
        write!(
            f,
            "File \"{}\", line {}, column {}: {}: {}",
            self.filename, self.line, self.col, kind, self.msg
        )
    }
}

/// `n` in decimal, zero-padded to `width` digits, for messages and big int literals
/// (`to_string` would link a general formatting path).
pub(crate) fn decimal(mut n: u32, width: usize) -> String {
    let mut digits = [b'0'; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = i.min(digits.len().saturating_sub(width));
    String::from(core::str::from_utf8(&digits[start..]).unwrap_or("0"))
}

impl CompileError {
    /// Record a SyntaxError in `first` unless it holds one already: the compiler and the
    /// symbol-table walk go on past an error (rather than return a `Result` from every
    /// function) and report the first.
    #[cold]
    #[inline(never)]
    pub(crate) fn keep_first(
        first: &mut Option<Box<CompileError>>,
        parts: &[&str],
        filename: &str,
        line: u32,
        col: u32,
    ) {
        if first.is_none() {
            *first = Some(CompileError::new(
                CompileErrorKind::SyntaxError,
                parts,
                filename,
                line,
                col,
            ));
        }
    }

    /// A boxed error whose message is `parts` joined. Boxed so that a `Result` carrying it
    /// stays small: every `?` in the front end would otherwise copy the whole error.
    #[cold]
    #[inline(never)]
    pub(crate) fn new(
        kind: CompileErrorKind,
        parts: &[&str],
        filename: &str,
        line: u32,
        col: u32,
    ) -> Box<CompileError> {
        Box::new(CompileError {
            kind,
            msg: parts.concat(),
            filename: String::from(filename),
            line,
            col,
        })
    }
}

pub(crate) type CResult<T> = Result<T, Box<CompileError>>;

/// `action` of [`Compiler::name_op`]: the offset from the `Load*` opcode.
const LOAD: u8 = 0;
const STORE: u8 = 1;
const DELETE: u8 = 2;
const _: () = {
    let groups = [
        [Op::LoadFast, Op::StoreFast, Op::DeleteFast],
        [Op::LoadDeref, Op::StoreDeref, Op::DeleteDeref],
        [Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal],
        [Op::LoadName, Op::StoreName, Op::DeleteName],
    ];
    let mut g = 0;
    while g < groups.len() {
        let [load, store, delete] = groups[g];
        assert!(store as u8 == load as u8 + STORE && delete as u8 == load as u8 + DELETE);
        g += 1;
    }
};

/// Ints in this range are emitted with `LoadSmallInt` (fits a 31-bit tagged small int).
const SMALL_INT_MIN: i64 = -(1 << 29);
const SMALL_INT_MAX: i64 = (1 << 29) - 1;

/// Compile `source`.
pub fn compile(source: &str, filename: &str, mode: CompileMode) -> Result<RawCode, CompileError> {
    compile_boxed(source, filename, mode).map_err(|e| *e)
}

/// [`compile`] with the error boxed: what the interpreter uses, so that neither the code nor
/// the error is moved out of a box on the way.
pub(crate) fn compile_boxed(source: &str, filename: &str, mode: CompileMode) -> CResult<RawCode> {
    let mut parser = Parser::new(source, filename)?;
    let mut module = Unit::new(
        String::from("<module>"),
        String::from("<module>"),
        filename,
        1,
        FLAG_MODULE,
    );
    let mut consts: Vec<(String, i64)> = Vec::new();
    let mut top =
        |part: TopLevel<'_>| emit_top_level(&mut module, &mut consts, filename, mode, part);
    if mode == CompileMode::Eval {
        let e = parser.parse_eval_input()?;
        top(TopLevel::Eval(&e))?;
    } else {
        while let Some(stmt) = parser.next_statement()? {
            top(TopLevel::Stmt(&stmt))?;
        }
        top(TopLevel::End)?;
    }
    module.finish(filename)
}

/// One part of the module code: a statement (File / Single), the expression (Eval), or the
/// implicit `return None` at the end.
#[derive(Clone, Copy)]
enum TopLevel<'a> {
    Stmt(&'a Stmt),
    Eval(&'a Expr),
    End,
}

/// Compile one [`TopLevel`] part into the module unit, with its own symbol table. One
/// function for all three so that the compiler state is set up and torn down in one place.
#[inline(never)]
fn emit_top_level(
    module: &mut Unit,
    consts: &mut Vec<(String, i64)>,
    filename: &str,
    mode: CompileMode,
    part: TopLevel<'_>,
) -> CResult<()> {
    let st = SymTable::build(part, filename)?;
    let mut c = Compiler::new(module, st, filename, mode, consts);
    match part {
        TopLevel::Stmt(s) => c.stmt(s),
        TopLevel::Eval(e) => {
            c.set_line(e.line);
            c.expr(e);
            c.op(Op::Return);
        }
        TopLevel::End => {
            c.op(Op::LoadNone);
            c.op(Op::Return);
        }
    }
    match c.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label(u32);

/// One code object under construction.
struct Unit {
    code: RawCode,
    /// Index of this unit's scope in the current statement's symbol table (0 = module).
    scope: usize,
    labels: Vec<u32>,
    fixups: Vec<(u32, Label)>,
    lines: Vec<(u32, u32)>,
    handlers: Vec<(Label, u16)>,
    range_start: u32,
    ranges: Vec<(u32, u32, Label, u16)>,
}

impl Unit {
    /// Every field spelled out: `..Default::default()` would build a default `RawCode` and
    /// `Unit` on the stack, drop their strings and copy them over.
    fn new(name: String, qualname: String, filename: &str, line: u32, flags: u16) -> Unit {
        Unit {
            code: RawCode {
                name,
                qualname,
                filename: String::from(filename),
                first_line: line,
                flags,
                n_pos: 0,
                n_kwonly: 0,
                n_locals: 0,
                n_free: 0,
                stack_size: 0,
                bytecode: Vec::new(),
                consts: Vec::new(),
                names: Vec::new(),
                local_names: Vec::new(),
                line_table: Vec::new(),
                exc_table: Vec::new(),
            },
            scope: 0,
            labels: Vec::new(),
            fixups: Vec::new(),
            lines: alloc::vec![(0, line)],
            handlers: Vec::new(),
            range_start: 0,
            ranges: Vec::new(),
        }
    }

    fn pc(&self) -> u32 {
        self.code.bytecode.len() as u32
    }

    /// Close the exception-table range covered by the current innermost handler.
    fn switch_range(&mut self) {
        let pc = self.pc();
        if let Some(&(label, depth)) = self.handlers.last() {
            if pc > self.range_start {
                self.ranges.push((self.range_start, pc, label, depth));
            }
        }
        self.range_start = pc;
    }

    fn finish(mut self, filename: &str) -> CResult<RawCode> {
        let line = self.code.first_line;
        let err = |parts: &[&str]| {
            CompileError::new(CompileErrorKind::SyntaxError, parts, filename, line, 1)
        };
        if self.code.bytecode.len() > 0xffff {
            return Err(err(&["function too large (bytecode exceeds 64 KiB)"]));
        }
        for &(pos, label) in &self.fixups {
            let target = self
                .labels
                .get(label.0 as usize)
                .copied()
                .unwrap_or(u32::MAX);
            if target > 0xffff {
                return Err(err(&["internal compiler error: unbound label"]));
            }
            let p = pos as usize;
            if let Some(at) = self.code.bytecode.get_mut(p..p + 2) {
                at.copy_from_slice(&(target as u16).to_le_bytes());
            }
        }
        for &(start, end, label, depth) in &self.ranges {
            let handler = self
                .labels
                .get(label.0 as usize)
                .copied()
                .unwrap_or(u32::MAX);
            if handler > 0xffff {
                return Err(err(&["internal compiler error: unbound handler label"]));
            }
            self.code.exc_table.push(ExcEntry {
                start: start as u16,
                end: end as u16,
                handler: handler as u16,
                depth,
            });
        }
        let mut table = Vec::new();
        let mut off = 0u32;
        let mut line = line;
        for &(o, l) in &self.lines {
            if l == line {
                continue;
            }
            put_uint(&mut table, o - off);
            put_sint(&mut table, l as i64 - line as i64);
            off = o;
            line = l;
        }
        self.code.line_table = table;
        match crate::disasm::max_stack_depth(&self.code) {
            Ok(d) => self.code.stack_size = d,
            Err(e) => {
                let at = decimal(e.at as u32, 0);
                #[cfg(test)]
                let at = alloc::format!("{}\n{}", at, crate::disasm::disassemble(&self.code));
                return Err(err(&["internal compiler error: ", e.what, " at ", &at]));
            }
        }
        Ok(self.code)
    }
}

/// A construct enclosing the code being compiled, for `break`/`continue`/`return` unwinding.
#[derive(Clone, Copy)]
enum Block<'a> {
    Loop {
        brk: Label,
        cont: Label,
        has_iter: bool,
    },
    TryExcept,
    TryFinally(&'a [Stmt]),
    /// Inside an `except` body: `prev_handled` is on the stack.
    Handler(Option<&'a str>),
    /// Inside a `finally` body run for an exception: `prev_handled, exc` on the stack.
    FinallyExc,
    With {
        is_async: bool,
    },
    /// A return value waiting on the stack while a `finally` body runs.
    PendingValue,
}

impl Block<'_> {
    fn stack_items(&self) -> u16 {
        match self {
            Block::Loop { has_iter: true, .. }
            | Block::Handler(_)
            | Block::With { .. }
            | Block::PendingValue => 1,
            Block::FinallyExc => 2,
            _ => 0,
        }
    }
}

/// Block and handler stacks saved by [`Compiler::unwind`], restored by [`Compiler::restore`].
type UnwindState<'a> = (Vec<(Block<'a>, usize)>, Vec<(Label, u16)>);

struct Compiler<'a, 'm> {
    units: Vec<Unit>,
    /// Per unit: enclosing blocks and the handler-stack length when each was entered.
    blocks: Vec<Vec<(Block<'a>, usize)>>,
    st: SymTable<'m>,
    filename: &'m str,
    mode: CompileMode,
    consts: &'m mut Vec<(String, i64)>,
    module: &'m mut Unit,
    /// The first syntax error found (see [`Compiler::err`]).
    error: Option<Box<CompileError>>,
}

/// An async property (`is_async` of a `for` / `with` / comprehension clause, an async code flag)
/// as the compiler sees it. Only a parser with the `async` feature makes async nodes (without it
/// `async` is a name, as in MicroPython's builds without MICROPY_PY_ASYNC_AWAIT); `cfg!` makes
/// this a constant `false` then, so the code that compiles `async for` / `async with` (and the
/// opcodes only it emits) and the async-only checks are not linked.
fn async_stmt(is_async: bool) -> bool {
    cfg!(feature = "async") && is_async
}

/// True when a constant is or contains a float or complex: `==` on those treats 0.0 and -0.0
/// as equal (and NaN as unequal), so tuples holding them are never shared in the constant table.
fn has_float(c: &Const) -> bool {
    match c {
        Const::Float(_) | Const::Complex(_) => true,
        Const::Tuple(items) => items.iter().any(has_float),
        _ => false,
    }
}

/// Whether constant `b` can reuse the constant-table entry of `a`: the same type and value;
/// floats by their bits (0.0 and -0.0 differ); never tuples holding floats, never code.
fn same_const(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::BigInt(x), Const::BigInt(y)) | (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Float(x), Const::Float(y)) | (Const::Complex(x), Const::Complex(y)) => {
            x.to_bits() == y.to_bits()
        }
        (Const::Tuple(x), Const::Tuple(y)) => {
            !has_float(a) && x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q))
        }
        (Const::None, Const::None)
        | (Const::True, Const::True)
        | (Const::False, Const::False)
        | (Const::Ellipsis, Const::Ellipsis) => true,
        _ => false,
    }
}

/// A folded numeric constant. Without floats there are no float literals (the lexer rejects
/// them), so no float variant either: the folding code is then plain integer code.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Num {
    Int(i64),
    #[cfg(feature = "float")]
    Float(f64),
}

fn floor_div(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

/// One out-of-line copy of the 64-bit overflow-checked multiply (long on 32-bit targets)
/// for `*`, `%` and `**`.
#[inline(never)]
fn checked_mul(a: i64, b: i64) -> Option<i64> {
    a.checked_mul(b)
}

fn fold_binop(op: BinOp, a: Num, b: Num) -> Option<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => {
            let r = match op {
                BinOp::Add => x.checked_add(y)?,
                BinOp::Sub => x.checked_sub(y)?,
                BinOp::Mul => checked_mul(x, y)?,
                BinOp::FloorDiv => floor_div(x, y)?,
                BinOp::Mod => {
                    let q = floor_div(x, y)?;
                    x.checked_sub(checked_mul(q, y)?)?
                }
                BinOp::Pow => {
                    if !(0..=63).contains(&y) {
                        return None;
                    }
                    // Overflows exactly when `checked_pow` would: the partial products
                    // only grow in magnitude.
                    (0..y).try_fold(1, |r, _| checked_mul(r, x))?
                }
                BinOp::LShift => {
                    if !(0..=62).contains(&y) {
                        return None;
                    }
                    let r = x.checked_shl(y as u32)?;
                    if r >> y != x {
                        return None;
                    }
                    r
                }
                BinOp::RShift => {
                    if y < 0 {
                        return None;
                    }
                    x >> y.min(63)
                }
                BinOp::And => x & y,
                BinOp::Or => x | y,
                BinOp::Xor => x ^ y,
                _ => return None,
            };
            Some(Num::Int(r))
        }
        #[cfg(feature = "float")]
        (a, b) => {
            let f = |n: Num| match n {
                Num::Int(i) if i.unsigned_abs() < (1 << 53) => Some(i as f64),
                Num::Int(_) => None,
                Num::Float(f) => Some(f),
            };
            let (x, y) = (f(a)?, f(b)?);
            let r = match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                _ => return None,
            };
            if r.is_finite() {
                Some(Num::Float(r))
            } else {
                None
            }
        }
    }
}

impl<'a, 'm> Compiler<'a, 'm> {
    fn new(
        module: &'m mut Unit,
        st: SymTable<'m>,
        filename: &'m str,
        mode: CompileMode,
        consts: &'m mut Vec<(String, i64)>,
    ) -> Self {
        Compiler {
            units: Vec::new(),
            blocks: alloc::vec![Vec::new()],
            st,
            filename,
            mode,
            consts,
            module,
            error: None,
        }
    }

    // ----- emission helpers -----

    fn u(&mut self) -> &mut Unit {
        match self.units.last_mut() {
            Some(u) => u,
            None => self.module,
        }
    }

    fn ur(&self) -> &Unit {
        match self.units.last() {
            Some(u) => u,
            None => self.module,
        }
    }

    fn is_module_unit(&self) -> bool {
        self.units.is_empty()
    }

    /// Record a syntax error. Only the first one counts: emission goes on to the end of the
    /// top-level statement (as if the construct were valid) instead of returning a `Result`
    /// from every emitting function, which costs a test and branch after each call.
    fn err(&mut self, msg: &str, line: u32, col: u32) {
        self.err_parts(&[msg], line, col)
    }

    fn err_parts(&mut self, parts: &[&str], line: u32, col: u32) {
        CompileError::keep_first(&mut self.error, parts, self.filename, line, col);
    }

    fn set_line(&mut self, line: u32) {
        let u = self.u();
        let pc = u.pc();
        match u.lines.last_mut() {
            Some(last) if last.0 == pc => last.1 = line,
            Some(last) if last.1 == line => {}
            _ => u.lines.push((pc, line)),
        }
    }

    fn op(&mut self, op: Op) {
        self.u().code.bytecode.push(op as u8);
    }

    fn op_u(&mut self, op: Op, v: u32) {
        let b = &mut self.u().code.bytecode;
        b.push(op as u8);
        put_uint(b, v);
    }

    fn op_b(&mut self, op: Op, v: u8) {
        let b = &mut self.u().code.bytecode;
        b.push(op as u8);
        b.push(v);
    }

    fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }

    fn bind(&mut self, l: Label) {
        let u = self.u();
        let pc = u.pc();
        if let Some(slot) = u.labels.get_mut(l.0 as usize) {
            *slot = pc;
        }
    }

    fn jump(&mut self, op: Op, l: Label) {
        let u = self.u();
        u.code.bytecode.push(op as u8);
        let pos = u.pc();
        u.code.bytecode.push(0);
        u.code.bytecode.push(0);
        u.fixups.push((pos, l));
    }

    fn const_idx(&mut self, c: Const) -> u32 {
        let consts = &mut self.u().code.consts;
        if let Some(i) = consts.iter().position(|x| same_const(x, &c)) {
            return i as u32;
        }
        consts.push(c);
        consts.len() as u32 - 1
    }

    fn load_const(&mut self, c: Const) {
        match c {
            Const::None => self.op(Op::LoadNone),
            Const::True => self.op(Op::LoadTrue),
            Const::False => self.op(Op::LoadFalse),
            Const::Int(v) if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) => {
                let b = &mut self.u().code.bytecode;
                b.push(Op::LoadSmallInt as u8);
                put_sint(b, v);
            }
            c => {
                let i = self.const_idx(c);
                self.op_u(Op::LoadConst, i);
            }
        }
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        let names = &mut self.u().code.names;
        if let Some(i) = names.iter().position(|n| n == name) {
            return i as u32;
        }
        names.push(String::from(name));
        names.len() as u32 - 1
    }

    fn op_name(&mut self, op: Op, name: &str) {
        let i = self.name_idx(name);
        self.op_u(op, i);
    }

    fn push_handler(&mut self, l: Label, depth: u16) {
        let u = self.u();
        u.switch_range();
        u.handlers.push((l, depth));
    }

    fn pop_handler(&mut self) {
        let u = self.u();
        u.switch_range();
        u.handlers.pop();
    }

    fn set_handlers(&mut self, h: Vec<(Label, u16)>) {
        let u = self.u();
        if u.handlers != h {
            u.switch_range();
            u.handlers = h;
        }
    }

    fn handlers_len(&self) -> usize {
        self.ur().handlers.len()
    }

    fn blocks(&mut self) -> &mut Vec<(Block<'a>, usize)> {
        let n = self.units.len();
        &mut self.blocks[n]
    }

    fn push_block(&mut self, b: Block<'a>, handlers_len: usize) {
        self.blocks().push((b, handlers_len));
    }

    fn pop_block(&mut self) {
        self.blocks().pop();
    }

    /// Stack items held by enclosing blocks (the depth of a statement's stack).
    fn depth(&self) -> u16 {
        self.blocks[self.units.len()]
            .iter()
            .map(|(b, _)| b.stack_items())
            .sum()
    }

    // ----- names -----

    fn scope(&self) -> usize {
        self.ur().scope
    }

    fn access(&self, name: &str) -> Access {
        self.st.access(self.scope(), name)
    }

    fn module_const(&self, name: &str) -> Option<i64> {
        match self.access(name) {
            Access::Fast(_) | Access::Deref(_) => None,
            _ => self
                .consts
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, v)| *v),
        }
    }

    fn load_name(&mut self, name: &str) {
        if let Some(v) = self.module_const(name) {
            self.load_const(Const::Int(v));
            return;
        }
        self.name_op(name, LOAD);
    }

    fn store_name(&mut self, name: &str) {
        self.name_op(name, STORE);
    }

    fn delete_name(&mut self, name: &str) {
        self.name_op(name, DELETE);
    }

    /// Load, store or delete (`action`) a name, as its scope says: the three opcodes of each
    /// kind of access are consecutive (`LoadFast`, `StoreFast`, `DeleteFast`, ...).
    fn name_op(&mut self, name: &str, action: u8) {
        let (load, operand) = match self.access(name) {
            Access::Fast(s) => (Op::LoadFast, s),
            Access::Deref(s) => (Op::LoadDeref, s),
            Access::Global => (Op::LoadGlobal, self.name_idx(name)),
            Access::Name => (Op::LoadName, self.name_idx(name)),
        };
        let b = &mut self.u().code.bytecode;
        b.push(load as u8 + action);
        put_uint(b, operand);
    }

    // ----- constant folding -----

    fn fold(&self, e: &Expr) -> Option<Num> {
        match &e.kind {
            ExprKind::Int(v) => Some(Num::Int(v.i64())),
            #[cfg(feature = "float")]
            ExprKind::Float(f) => Some(Num::Float(f.f64())),
            ExprKind::Name(n) => self.module_const(n).map(Num::Int),
            ExprKind::Unary(op, x) => match (op, self.fold(x)?) {
                (UnOp::Neg, Num::Int(i)) => i.checked_neg().map(Num::Int),
                #[cfg(feature = "float")]
                (UnOp::Neg, Num::Float(f)) => Some(Num::Float(-f)),
                (UnOp::Pos, n) => Some(n),
                (UnOp::Invert, Num::Int(i)) => Some(Num::Int(!i)),
                _ => None,
            },
            ExprKind::BinOp(op, a, b) => fold_binop(*op, self.fold(a)?, self.fold(b)?),
            _ => None,
        }
    }

    /// The constant value of `e`, if it is one (for constant tuples and default tuples).
    fn const_of(&self, e: &Expr) -> Option<Const> {
        if let Some(n) = self.fold(e) {
            return Some(match n {
                Num::Int(i) => Const::Int(i),
                #[cfg(feature = "float")]
                Num::Float(f) => Const::Float(f),
            });
        }
        Some(match &e.kind {
            ExprKind::BigInt(s) => Const::BigInt(s.clone()),
            // Not `-1j`: that is (-0-1j), computed at run time.
            ExprKind::Imag(f) => Const::Complex(f.f64()),
            ExprKind::Str(s) => Const::Str(s.clone()),
            ExprKind::Bytes(b) => Const::Bytes(b.clone()),
            ExprKind::None => Const::None,
            ExprKind::True => Const::True,
            ExprKind::False => Const::False,
            ExprKind::Ellipsis => Const::Ellipsis,
            ExprKind::Tuple(items) => {
                let mut v = Vec::new();
                for it in items {
                    v.push(self.const_of(it)?);
                }
                Const::Tuple(v)
            }
            _ => return None,
        })
    }

    /// Truthiness of a constant expression, if known at compile time.
    fn const_truth(&self, e: &Expr) -> Option<bool> {
        match self.const_of(e)? {
            Const::Int(i) => Some(i != 0),
            Const::Float(f) => Some(f != 0.0),
            Const::Str(s) => Some(!s.is_empty()),
            Const::None | Const::False => Some(false),
            Const::True | Const::Ellipsis => Some(true),
            Const::Tuple(t) => Some(!t.is_empty()),
            _ => None,
        }
    }

    // ----- statements -----

    fn body(&mut self, stmts: &'a [Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        self.set_line(s.line);
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.mode == CompileMode::Single && self.is_module_unit() {
                    self.expr(e);
                    self.op(Op::PrintExpr);
                    self.op(Op::Pop);
                } else if self.const_of(e).is_none() {
                    self.expr(e);
                    self.op(Op::Pop);
                }
            }
            StmtKind::Assign(targets, value) => self.assign(targets, value),
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value),
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(t);
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break => self.break_continue(true, s),
            StmtKind::Continue => self.break_continue(false, s),
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), s),
            StmtKind::Raise(exc, cause) => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e);
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c);
                        n = 2;
                    }
                }
                self.op_u(Op::Raise, n);
            }
            StmtKind::Assert(test, msg) => {
                let end = self.new_label();
                self.cond_jump(test, true, end);
                self.op(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m);
                    self.op_u(Op::CallFunction, 1);
                }
                self.op_u(Op::Raise, 1);
                self.bind(end);
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.load_const(Const::Int(0));
                    self.op(Op::LoadNone);
                    self.op_name(Op::ImportName, &a.name);
                    // `import a.b.c` binds `a` (the module pushed); `import a.b.c as d` binds
                    // `a.b.c`, reached through attributes.
                    let mut parts = a.name.split('.');
                    let first = parts.next().unwrap_or("");
                    match &a.asname {
                        Some(asname) => {
                            for part in parts {
                                self.op_name(Op::LoadAttr, part);
                            }
                            self.store_name(asname);
                        }
                        None => self.store_name(first),
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => {
                if *level == 0 && module.as_deref() == Some("__future__") {
                    // Future features are all enabled already; there is no `__future__` module.
                    return;
                }
                self.load_const(Const::Int(*level as i64));
                let mut fromlist = Vec::new();
                for a in names {
                    fromlist.push(Const::Str(a.name.clone()));
                }
                if names.is_empty() {
                    fromlist.push(Const::Str(String::from("*")));
                }
                self.load_const(Const::Tuple(fromlist));
                self.op_name(Op::ImportName, module.as_deref().unwrap_or(""));
                if names.is_empty() {
                    if self.st.kind(self.scope()) != ScopeKind::Module {
                        return self.err("import * only allowed at module level", s.line, s.col);
                    }
                    self.op(Op::ImportStar);
                } else {
                    for a in names {
                        self.op_name(Op::ImportFrom, &a.name);
                        self.store_name(a.asname.as_deref().unwrap_or(&a.name));
                    }
                    self.op(Op::Pop);
                }
            }
            StmtKind::If(test, body, orelse) => match self.const_truth(test) {
                Some(true) => self.body(body),
                Some(false) => self.body(orelse),
                None => {
                    let else_l = self.new_label();
                    self.cond_jump(test, false, else_l);
                    self.body(body);
                    if orelse.is_empty() {
                        self.bind(else_l);
                    } else {
                        let end = self.new_label();
                        self.jump(Op::Jump, end);
                        self.bind(else_l);
                        self.body(orelse);
                        self.bind(end);
                    }
                }
            },
            StmtKind::While(test, body, orelse) => self.while_stmt(test, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if async_stmt(*is_async) {
                    self.async_for(target, iter, body, orelse)
                } else {
                    self.for_stmt(target, iter, body, orelse)
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse);
                } else {
                    self.try_finally(body, handlers, orelse, finalbody);
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(items, body, *is_async),
            StmtKind::FuncDef(f) => self.definition(Def::Func(f), s.line),
            StmtKind::ClassDef(c) => self.definition(Def::Class(c), s.line),
        }
    }

    fn is_const_call(&self, value: &Expr) -> Option<i64> {
        if let ExprKind::Call(f, args) = &value.kind {
            let is_const_fn = match &f.kind {
                ExprKind::Name(n) => n == "const",
                ExprKind::Attr(m, n) => {
                    n == "const" && matches!(&m.kind, ExprKind::Name(mn) if mn == "micropython")
                }
                _ => false,
            };
            if is_const_fn && args.len() == 1 {
                if let Arg::Pos(e) = &args[0] {
                    if let Some(Num::Int(v)) = self.fold(e) {
                        return Some(v);
                    }
                }
            }
        }
        None
    }

    fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) {
        if targets.len() == 1 && self.is_module_unit() {
            if let ExprKind::Name(n) = &targets[0].kind {
                if let Some(v) = self.is_const_call(value) {
                    self.consts.push((n.clone(), v));
                    if !n.starts_with('_') {
                        self.load_const(Const::Int(v));
                        self.store_name(n);
                    }
                    return;
                }
            }
        }
        // `a, b = x, y` without building a tuple.
        if targets.len() == 1 {
            if let (ExprKind::Tuple(ts), ExprKind::Tuple(vs)) = (&targets[0].kind, &value.kind) {
                let simple = |v: &[Expr]| v.iter().all(|e| !matches!(e.kind, ExprKind::Starred(_)));
                if ts.len() == vs.len() && (2..=3).contains(&ts.len()) && simple(ts) && simple(vs) {
                    for v in vs {
                        self.expr(v);
                    }
                    if ts.len() == 2 {
                        self.op(Op::Rot2);
                    } else {
                        self.op(Op::Rot3);
                        self.op(Op::Rot2);
                    }
                    for t in ts {
                        self.store(t);
                    }
                    return;
                }
            }
        }
        self.expr(value);
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                self.op(Op::Dup);
            }
            self.store(t);
        }
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) {
        let opb = op as u8 + INPLACE_OFFSET;
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value);
                self.op_b(Op::BinaryOp, opb);
                self.store_name(n);
            }
            ExprKind::Attr(obj, name) => {
                self.expr(obj);
                self.op(Op::Dup);
                self.op_name(Op::LoadAttr, name);
                self.expr(value);
                self.op_b(Op::BinaryOp, opb);
                self.op(Op::Rot2);
                self.op_name(Op::StoreAttr, name);
            }
            ExprKind::Subscript(obj, key) => {
                self.expr(obj);
                self.subscript_index(key);
                self.op(Op::Dup2);
                self.op(Op::LoadSubscr);
                self.expr(value);
                self.op_b(Op::BinaryOp, opb);
                self.op(Op::Rot3);
                self.op(Op::StoreSubscr);
            }
            _ => self.err(
                "illegal expression for augmented assignment",
                target.line,
                target.col,
            ),
        }
    }

    /// Store the value on top of the stack into `t`.
    fn store(&mut self, t: &'a Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attr(obj, name) => {
                self.expr(obj);
                self.op_name(Op::StoreAttr, name);
            }
            ExprKind::Subscript(obj, key) => {
                self.expr(obj);
                self.subscript_index(key);
                self.op(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    None => self.op_u(Op::UnpackSequence, items.len() as u32),
                    Some(i) => {
                        let b = &mut self.u().code.bytecode;
                        b.push(Op::UnpackEx as u8);
                        put_uint(b, i as u32);
                        put_uint(b, (items.len() - i - 1) as u32);
                    }
                }
                for it in items {
                    match &it.kind {
                        ExprKind::Starred(inner) => self.store(inner),
                        _ => self.store(it),
                    }
                }
            }
            _ => self.err("cannot assign to expression", t.line, t.col),
        }
    }

    fn delete(&mut self, t: &'a Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attr(obj, name) => {
                self.expr(obj);
                self.op_name(Op::DeleteAttr, name);
            }
            ExprKind::Subscript(obj, key) => {
                self.expr(obj);
                self.subscript_index(key);
                self.op(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for it in items {
                    self.delete(it);
                }
            }
            _ => self.err("cannot delete expression", t.line, t.col),
        }
    }

    /// Emit the cleanup of blocks `[to..]` (innermost first) for leaving them; with `value`,
    /// a return value is on top of the stack and is kept there. Returns the state to restore
    /// (with [`Self::restore`]) once the caller has emitted its jump/return.
    fn unwind(&mut self, to: usize, value: bool) -> UnwindState<'a> {
        let saved_blocks = self.blocks().clone();
        let saved_handlers = self.ur().handlers.clone();
        let mut i = saved_blocks.len();
        while i > to {
            i -= 1;
            let (b, hlen) = saved_blocks[i];
            let hlen = hlen.min(saved_handlers.len());
            self.set_handlers(saved_handlers[..hlen].to_vec());
            self.blocks().truncate(i);
            match b {
                Block::Loop { has_iter, .. } => {
                    if has_iter {
                        if value {
                            self.op(Op::Rot2);
                        }
                        self.op(Op::Pop);
                    }
                }
                Block::TryExcept => {}
                Block::TryFinally(body) => {
                    if value {
                        let hl = self.handlers_len();
                        self.push_block(Block::PendingValue, hl);
                    }
                    self.body(body);
                }
                Block::Handler(name) => {
                    self.clear_handler_name(name);
                    if value {
                        self.op(Op::Rot2);
                    }
                    self.op(Op::PopExcept);
                }
                Block::FinallyExc => {
                    if value {
                        self.op(Op::Rot3);
                    }
                    self.op(Op::Pop);
                    self.op(Op::PopExcept);
                }
                Block::With { is_async } => {
                    if value {
                        self.op(Op::Rot2);
                    }
                    self.with_exit_normal(is_async);
                }
                Block::PendingValue => {
                    if value {
                        self.op(Op::Rot2);
                    }
                    self.op(Op::Pop);
                }
            }
        }
        (saved_blocks, saved_handlers)
    }

    fn restore(&mut self, state: UnwindState<'a>) {
        *self.blocks() = state.0;
        self.set_handlers(state.1);
    }

    fn break_continue(&mut self, is_break: bool, s: &Stmt) {
        let found = self
            .blocks()
            .iter()
            .rposition(|(b, _)| matches!(b, Block::Loop { .. }));
        let k = match found {
            Some(k) => k,
            None => {
                let msg = if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                };
                return self.err(msg, s.line, s.col);
            }
        };
        let (brk, cont) = match self.blocks()[k].0 {
            Block::Loop { brk, cont, .. } => (brk, cont),
            _ => return self.err("internal compiler error: loop block", s.line, s.col),
        };
        let state = self.unwind(if is_break { k } else { k + 1 }, false);
        self.jump(Op::Jump, if is_break { brk } else { cont });
        self.restore(state);
    }

    fn return_stmt(&mut self, v: Option<&'a Expr>, s: &Stmt) {
        let kind = self.st.kind(self.scope());
        if !matches!(kind, ScopeKind::Function | ScopeKind::Comp) || self.is_module_unit() {
            return self.err("'return' outside function", s.line, s.col);
        }
        let flags = self.ur().code.flags;
        if v.is_some() && async_stmt(flags & FLAG_ASYNC_GENERATOR != 0) {
            return self.err("'return' with value in async generator", s.line, s.col);
        }
        match v {
            Some(e) => self.expr(e),
            None => self.op(Op::LoadNone),
        }
        let state = self.unwind(0, true);
        self.op(Op::Return);
        self.restore(state);
    }

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        let truth = self.const_truth(test);
        if truth == Some(false) {
            return self.body(orelse);
        }
        let (top, cont, else_l, end) = (
            self.new_label(),
            self.new_label(),
            self.new_label(),
            self.new_label(),
        );
        if truth.is_none() {
            self.cond_jump(test, false, else_l);
        }
        self.bind(top);
        self.loop_body(body, end, cont, false);
        self.bind(cont);
        if truth.is_none() {
            self.set_line(test.line);
            self.cond_jump(test, true, top);
        } else {
            self.jump(Op::Jump, top);
        }
        self.bind(else_l);
        self.body(orelse);
        self.bind(end);
    }

    fn for_stmt(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        self.expr(iter);
        self.op(Op::GetIter);
        let (top, else_l, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(top);
        self.jump(Op::ForIter, else_l);
        self.store(target);
        self.loop_body(body, end, top, true);
        self.jump(Op::Jump, top);
        self.bind(else_l);
        self.body(orelse);
        self.bind(end);
    }

    /// A loop's body, with `break` going to `brk` and `continue` to `cont`; `has_iter`: the
    /// iterator is on the stack.
    fn loop_body(&mut self, body: &'a [Stmt], brk: Label, cont: Label, has_iter: bool) {
        let hl = self.handlers_len();
        self.push_block(
            Block::Loop {
                brk,
                cont,
                has_iter,
            },
            hl,
        );
        self.body(body);
        self.pop_block();
    }

    /// End of an exception-path body: leave the cleanup handler's range, then its code
    /// (`cleanup`: an exception raised in the body, with the one being handled below it).
    fn handler_cleanup(&mut self, cleanup: Label) {
        self.pop_handler();
        self.bind(cleanup);
        self.op(Op::Rot2);
        self.op(Op::PopExcept);
        self.op(Op::Reraise);
    }

    fn await_top(&mut self) {
        self.op(Op::GetAwaitable);
        self.op(Op::LoadNone);
        self.op(Op::YieldFrom);
    }

    fn check_async(&mut self, line: u32, col: u32, what: &str) {
        if self.ur().code.flags & (FLAG_COROUTINE | FLAG_ASYNC_GENERATOR) == 0 {
            self.err_parts(&["'", what, "' outside async function"], line, col)
        }
    }

    fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) {
        self.check_async(iter.line, iter.col, "async for");
        self.expr(iter);
        self.op(Op::GetAIter);
        let (top, exc, else_l, end) = (
            self.new_label(),
            self.new_label(),
            self.new_label(),
            self.new_label(),
        );
        self.bind(top);
        let d = self.depth();
        self.push_handler(exc, d + 1);
        self.op(Op::GetANext);
        self.await_top();
        self.pop_handler();
        self.store(target);
        self.loop_body(body, end, top, true);
        self.jump(Op::Jump, top);
        self.bind(exc);
        self.jump(Op::EndAsyncFor, else_l);
        self.bind(else_l);
        self.body(orelse);
        self.bind(end);
    }

    /// The `except` part: handler code for an exception pushed at depth `d + 1`.
    fn except_handlers(&mut self, handlers: &'a [Handler], end: Label) {
        let d = self.depth();
        self.op(Op::PushExcInfo);
        let cleanup = self.new_label();
        let hl = self.handlers_len();
        self.push_handler(cleanup, d + 1);
        let mut last_bare = false;
        for h in handlers {
            self.set_line(h.line);
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.expr(t);
                self.op(Op::CheckExcMatch);
                self.jump(Op::PopJumpIfFalse, next);
            } else {
                last_bare = true;
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => self.op(Op::Pop),
            }
            self.push_block(Block::Handler(h.name.as_deref()), hl);
            self.body(&h.body);
            self.pop_block();
            self.clear_handler_name(h.name.as_deref());
            // Leaving the handler: no longer covered by the cleanup entry.
            let inner = self.ur().handlers.clone();
            self.set_handlers(inner[..hl.min(inner.len())].to_vec());
            self.op(Op::PopExcept);
            self.jump(Op::Jump, end);
            self.set_handlers(inner);
            self.bind(next);
        }
        if !last_bare {
            self.op(Op::Reraise);
        }
        self.handler_cleanup(cleanup);
    }

    /// `except E as name`: the name is unbound when the handler is left (`name = None;
    /// del name`, as CPython does).
    fn clear_handler_name(&mut self, name: Option<&str>) {
        if let Some(n) = name {
            self.op(Op::LoadNone);
            self.store_name(n);
            self.delete_name(n);
        }
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [Handler], orelse: &'a [Stmt]) {
        let (h, end) = (self.new_label(), self.new_label());
        let hl = self.handlers_len();
        let d = self.depth();
        self.push_handler(h, d);
        self.push_block(Block::TryExcept, hl);
        self.body(body);
        self.pop_block();
        self.pop_handler();
        self.body(orelse);
        self.jump(Op::Jump, end);
        self.bind(h);
        self.except_handlers(handlers, end);
        self.bind(end);
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [Handler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) {
        let (fin_exc, end) = (self.new_label(), self.new_label());
        let hl = self.handlers_len();
        let d = self.depth();
        self.push_handler(fin_exc, d);
        self.push_block(Block::TryFinally(finalbody), hl);
        if handlers.is_empty() {
            self.body(body);
        } else {
            self.try_except(body, handlers, orelse);
        }
        self.pop_block();
        self.pop_handler();
        self.body(finalbody);
        self.jump(Op::Jump, end);
        // Exception path: [exc] at depth d + 1.
        self.bind(fin_exc);
        self.op(Op::PushExcInfo);
        let cleanup = self.new_label();
        let hl2 = self.handlers_len();
        self.push_handler(cleanup, d + 1);
        self.push_block(Block::FinallyExc, hl2);
        self.body(finalbody);
        self.pop_block();
        self.op(Op::Reraise);
        self.handler_cleanup(cleanup);
        self.bind(end);
    }

    fn with_exit_normal(&mut self, is_async: bool) {
        if async_stmt(is_async) {
            self.op(Op::LoadNone);
            self.op(Op::LoadNone);
            self.op(Op::LoadNone);
            self.op_u(Op::CallFunction, 3);
            self.await_top();
            self.op(Op::Pop);
        } else {
            self.op(Op::WithExitNormal);
        }
    }

    fn with_stmt(&mut self, items: &'a [(Expr, Option<Expr>)], body: &'a [Stmt], is_async: bool) {
        let (first, rest) = match items.split_first() {
            Some(x) => x,
            None => return self.body(body),
        };
        let (ctx, target) = first;
        let is_async = async_stmt(is_async);
        if is_async {
            self.check_async(ctx.line, ctx.col, "async with");
        }
        self.expr(ctx);
        if is_async {
            self.op(Op::BeforeAsyncWith);
            self.await_top();
        } else {
            self.op(Op::BeforeWith);
        }
        match target {
            Some(t) => self.store(t),
            None => self.op(Op::Pop),
        }
        let (exc, end, suppress) = (self.new_label(), self.new_label(), self.new_label());
        let hl = self.handlers_len();
        let d = self.depth();
        self.push_handler(exc, d + 1);
        self.push_block(Block::With { is_async }, hl);
        if rest.is_empty() {
            self.body(body);
        } else {
            self.with_stmt(rest, body, is_async);
        }
        self.pop_block();
        self.pop_handler();
        self.with_exit_normal(is_async);
        self.jump(Op::Jump, end);
        // [exit, exc]
        self.bind(exc);
        if is_async {
            self.async_with_exit_exc(d);
        } else {
            self.op(Op::WithExitExc);
            self.jump(Op::PopJumpIfTrue, suppress);
            self.op(Op::Reraise);
            self.bind(suppress);
            self.op(Op::Pop);
            self.op(Op::Pop);
        }
        self.bind(end);
    }

    /// The exceptional exit of `async with`, from `[exit, exc]` at depth `d + 2`. `exc` stays
    /// the handled exception until the awaited `__aexit__` finishes (`WithExitExc` restores it
    /// when the call returns, but the coroutine body only runs in the await), so that what
    /// `__aexit__` raises gets it as `__context__`.
    fn async_with_exit_exc(&mut self, d: u16) {
        let (cleanup, suppress) = (self.new_label(), self.new_label());
        self.op(Op::PushExcInfo); // [exit, prev, exc]
        self.op(Op::Rot2);
        self.op(Op::Rot3); // [prev, exit, exc]
        self.push_handler(cleanup, d + 1);
        self.op(Op::WithExitExc);
        self.await_top();
        self.jump(Op::PopJumpIfTrue, suppress);
        self.pop_handler();
        self.op(Op::Rot2);
        self.op(Op::Pop); // [prev, exc]
        self.bind(cleanup);
        self.op(Op::Rot2);
        self.op(Op::PopExcept);
        self.op(Op::Reraise);
        self.bind(suppress);
        self.op(Op::Pop);
        self.op(Op::Pop);
        self.op(Op::PopExcept); // falls through to the end of the statement
    }

    // ----- functions and classes -----

    fn child_unit(&mut self, scope_id: u32, name: &str, line: u32, flags: u16) -> usize {
        let idx = match self.st.find(scope_id) {
            Some(i) => i,
            None => {
                self.err("internal compiler error: missing scope", line, 1);
                0
            }
        };
        let parent = self.scope();
        let pq = &self.ur().code.qualname;
        let (pq, sep) = match self.st.kind(parent) {
            ScopeKind::Module => ("", ""),
            ScopeKind::Class => (pq.as_str(), "."),
            _ => (pq.as_str(), ".<locals>."),
        };
        let qualname = [pq, sep, name].concat();
        let mut u = Unit::new(
            String::from(name),
            qualname,
            self.filename,
            line,
            flags | self.st.code_flags(idx),
        );
        u.scope = idx;
        let info = self.st.slots(idx);
        u.code.local_names = info.names;
        u.code.n_locals = u.code.local_names.len() as u16;
        u.code.n_free = info.n_free;
        self.units.push(u);
        self.blocks.push(Vec::new());
        for s in info.cells {
            self.op_u(Op::MakeCell, s);
        }
        idx
    }

    fn finish_child(&mut self) -> RawCode {
        self.blocks.pop();
        match self.units.pop().map(|u| u.finish(self.filename)) {
            Some(Ok(code)) => code,
            Some(Err(e)) => {
                self.error.get_or_insert(e);
                RawCode::default()
            }
            None => {
                self.err("internal compiler error: no unit", 0, 0);
                RawCode::default()
            }
        }
    }

    /// After the child code is compiled: push its closure (if any) and code, then MakeFunction.
    fn emit_make_function(&mut self, code: RawCode, child: usize, mut flags: u8) {
        let frees = self.st.free_names(child);
        if !frees.is_empty() {
            for n in &frees {
                match self.st.closure_slot(self.scope(), n) {
                    Some(s) => self.op_u(Op::LoadClosure, s),
                    None => {
                        return self.err_parts(
                            &["internal compiler error: no cell for '", n, "'"],
                            0,
                            0,
                        )
                    }
                }
            }
            self.op_u(Op::BuildTuple, frees.len() as u32);
            flags |= MKFN_CLOSURE;
        }
        let i = self.const_idx(Const::Code(Box::new(code)));
        self.op_u(Op::LoadConst, i);
        self.op_b(Op::MakeFunction, flags);
    }

    fn make_function(
        &mut self,
        name: &str,
        params: &'a Params,
        body: FnBody<'a>,
        scope_id: u32,
        flags: u16,
        line: u32,
    ) {
        let mut mk = 0u8;
        let defaults = || params.pos.iter().filter_map(|p| p.default.as_ref());
        let n_defaults = defaults().count() as u32;
        if n_defaults > 0 {
            // A constant tuple if every default is a constant.
            let mut consts = Vec::new();
            for c in defaults().map_while(|e| self.const_of(e)) {
                consts.push(c);
            }
            if consts.len() as u32 == n_defaults {
                self.load_const(Const::Tuple(consts));
            } else {
                for e in defaults() {
                    self.expr(e);
                }
                self.op_u(Op::BuildTuple, n_defaults);
            }
            mk |= MKFN_DEFAULTS;
        }
        let mut n_kw_defaults = 0;
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                self.load_const(Const::Str(p.name.clone()));
                self.expr(d);
                n_kw_defaults += 1;
            }
        }
        if n_kw_defaults > 0 {
            self.op_u(Op::BuildMap, n_kw_defaults);
            mk |= MKFN_KWDEFAULTS;
        }
        let mut cflags = flags;
        if params.vararg.is_some() {
            cflags |= FLAG_VARARGS;
        }
        if params.kwarg.is_some() {
            cflags |= FLAG_VARKW;
        }
        let child = self.child_unit(scope_id, name, line, cflags);
        {
            let u = self.u();
            u.code.n_pos = params.pos.len() as u16;
            u.code.n_kwonly = params.kwonly.len() as u16;
        }
        match body {
            FnBody::Stmts(stmts) => {
                self.body(stmts);
                if !matches!(
                    stmts.last(),
                    Some(Stmt {
                        kind: StmtKind::Return(_),
                        ..
                    })
                ) {
                    self.op(Op::LoadNone);
                    self.op(Op::Return);
                }
            }
            FnBody::Expr(e) => {
                self.set_line(e.line);
                self.expr(e);
                if self.ur().code.flags & FLAG_GENERATOR != 0 {
                    self.op(Op::Pop);
                    self.op(Op::LoadNone);
                }
                self.op(Op::Return);
            }
        }
        let code = self.finish_child();
        self.emit_make_function(code, child, mk)
    }

    /// `def` or `class`: the decorators, the function or class, the decorator calls, then
    /// the name bound.
    fn definition(&mut self, def: Def<'a>, line: u32) {
        let (decorators, name) = match def {
            Def::Func(f) => (&f.decorators, &f.name),
            Def::Class(c) => (&c.decorators, &c.name),
        };
        for d in decorators {
            self.expr(d);
        }
        self.set_line(line);
        match def {
            Def::Func(f) => self.make_function(
                &f.name,
                &f.params,
                FnBody::Stmts(&f.body),
                f.scope_id,
                0,
                line,
            ),
            Def::Class(c) => self.class(c, line),
        }
        for _ in decorators {
            self.op_u(Op::CallFunction, 1);
        }
        self.store_name(name);
    }

    /// A class object from its body and bases, with `__build_class__`.
    fn class(&mut self, c: &'a ClassDef, line: u32) {
        self.op(Op::LoadBuildClass);
        let child = self.child_unit(c.scope_id, &c.name, line, FLAG_CLASS_BODY);
        self.op_name(Op::LoadName, "__name__");
        self.op_name(Op::StoreName, "__module__");
        let q = self.ur().code.qualname.clone();
        self.load_const(Const::Str(q));
        self.op_name(Op::StoreName, "__qualname__");
        self.body(&c.body);
        match self.st.class_cell_slot(child) {
            Some(s) => self.op_u(Op::LoadClosure, s),
            None => self.op(Op::LoadNone),
        }
        self.op(Op::Return);
        let code = self.finish_child();
        self.emit_make_function(code, child, 0);
        self.load_const(Const::Str(c.name.clone()));
        self.call_args(&c.bases, 2, line);
    }

    // ----- expressions -----

    /// Jump to `target` if the truth of `e` equals `when`; fall through otherwise.
    fn cond_jump(&mut self, e: &'a Expr, when: bool, target: Label) {
        match &e.kind {
            ExprKind::Unary(UnOp::Not, x) => return self.cond_jump(x, !when, target),
            ExprKind::BoolOp(is_and, items) => {
                // `a and b` jumps on false as soon as one is false; on true only if all are.
                if *is_and != when {
                    for it in items {
                        self.cond_jump(it, when, target);
                    }
                } else {
                    let skip = self.new_label();
                    let n = items.len();
                    for (i, it) in items.iter().enumerate() {
                        if i + 1 < n {
                            self.cond_jump(it, !when, skip);
                        } else {
                            self.cond_jump(it, when, target);
                        }
                    }
                    self.bind(skip);
                }
                return;
            }
            _ => {}
        }
        if let Some(t) = self.const_truth(e) {
            if t == when {
                self.jump(Op::Jump, target);
            }
            return;
        }
        self.expr(e);
        self.jump(
            if when {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            target,
        );
    }

    fn expr(&mut self, e: &'a Expr) {
        if let Some(n) = self.fold(e) {
            match n {
                Num::Int(i) => self.load_const(Const::Int(i)),
                #[cfg(feature = "float")]
                Num::Float(f) => self.load_const(Const::Float(f)),
            }
            return;
        }
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Int(_) | ExprKind::Float(_) => {}
            ExprKind::BigInt(s) => self.load_const(Const::BigInt(s.clone())),
            ExprKind::Imag(f) => self.load_const(Const::Complex(f.f64())),
            ExprKind::Str(s) => self.load_const(Const::Str(s.clone())),
            ExprKind::Bytes(b) => self.load_const(Const::Bytes(b.clone())),
            ExprKind::True => self.op(Op::LoadTrue),
            ExprKind::False => self.op(Op::LoadFalse),
            ExprKind::None => self.op(Op::LoadNone),
            ExprKind::Ellipsis => self.load_const(Const::Ellipsis),
            #[cfg(feature = "fstrings")]
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::Tuple(items) => {
                if let Some(c) = self.const_of(e) {
                    self.load_const(c);
                } else if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.starred_list(items);
                    self.op(Op::ListToTuple);
                } else {
                    for it in items {
                        self.expr(it);
                    }
                    self.op_u(Op::BuildTuple, items.len() as u32);
                }
            }
            ExprKind::List(items) => self.starred_list(items),
            ExprKind::Set(items) => {
                self.starred_display(items, Op::BuildSet, Op::SetAdd, Op::SetUpdate)
            }
            ExprKind::Dict(pairs) => self.dict(pairs),
            ExprKind::Starred(_) => self.err("can't use starred expression here", e.line, e.col),
            ExprKind::Attr(obj, name) => {
                self.expr(obj);
                self.op_name(Op::LoadAttr, name);
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj);
                self.subscript_index(idx);
                self.op(Op::LoadSubscr);
            }
            ExprKind::Slice(..) => self.slice(e),
            ExprKind::Call(f, args) => self.call(f, args, e.line),
            ExprKind::BinOp(op, a, b) => {
                self.expr(a);
                self.expr(b);
                self.op_b(Op::BinaryOp, *op as u8);
            }
            ExprKind::Unary(op, x) => {
                self.expr(x);
                self.op_b(Op::UnaryOp, *op as u8);
            }
            ExprKind::BoolOp(is_and, items) => {
                let end = self.new_label();
                let n = items.len();
                for (i, it) in items.iter().enumerate() {
                    self.expr(it);
                    if i + 1 < n {
                        self.jump(
                            if *is_and {
                                Op::JumpIfFalseOrPop
                            } else {
                                Op::JumpIfTrueOrPop
                            },
                            end,
                        );
                    }
                }
                self.bind(end);
            }
            ExprKind::Compare(first, ops) => self.compare(first, ops),
            ExprKind::IfExp(test, body, orelse) => {
                let (else_l, end) = (self.new_label(), self.new_label());
                self.cond_jump(test, false, else_l);
                self.expr(body);
                self.jump(Op::Jump, end);
                self.bind(else_l);
                self.expr(orelse);
                self.bind(end);
            }
            ExprKind::Lambda(l) => self.make_function(
                "<lambda>",
                &l.params,
                FnBody::Expr(&l.body),
                l.scope_id,
                FLAG_LAMBDA,
                e.line,
            ),
            ExprKind::Comp(c) => self.comprehension(c, e.line),
            ExprKind::NamedExpr(name, v) => {
                self.expr(v);
                self.op(Op::Dup);
                self.store_name(name);
            }
            #[cfg(feature = "async")]
            ExprKind::Await(x) => {
                self.check_async(e.line, e.col, "await");
                self.expr(x);
                self.await_top();
            }
            ExprKind::Yield(v) => {
                self.check_yield(e);
                match v {
                    Some(x) => self.expr(x),
                    None => self.op(Op::LoadNone),
                }
                self.op(Op::YieldValue);
            }
            ExprKind::YieldFrom(x) => {
                self.check_yield(e);
                if async_stmt(self.ur().code.flags & FLAG_ASYNC_GENERATOR != 0) {
                    return self.err("'yield from' inside async function", e.line, e.col);
                }
                self.expr(x);
                self.op(Op::GetIter);
                self.op(Op::LoadNone);
                self.op(Op::YieldFrom);
            }
        }
    }

    fn check_yield(&mut self, e: &Expr) {
        if self.is_module_unit() || self.st.kind(self.scope()) == ScopeKind::Class {
            self.err("'yield' outside function", e.line, e.col)
        }
    }

    fn starred_list(&mut self, items: &'a [Expr]) {
        self.starred_display(items, Op::BuildList, Op::ListAppend, Op::ListExtend)
    }

    /// A list or set display that may hold `*x` items: the leading plain items go into
    /// `build`, the rest are added one by one (`add 1`) or spliced in (`extend`).
    fn starred_display(&mut self, items: &'a [Expr], build: Op, add: Op, extend: Op) {
        let plain = items
            .iter()
            .take_while(|i| !matches!(i.kind, ExprKind::Starred(_)))
            .count();
        for it in &items[..plain] {
            self.expr(it);
        }
        self.op_u(build, plain as u32);
        for it in &items[plain..] {
            match &it.kind {
                ExprKind::Starred(x) => {
                    self.expr(x);
                    self.op(extend);
                }
                _ => {
                    self.expr(it);
                    self.op_u(add, 1);
                }
            }
        }
    }

    /// A dict display: each run of `k: v` pairs goes into a `BuildMap` (the first one, even
    /// empty, makes the dict), merged in with `DictUpdate` like each `**m`.
    fn dict(&mut self, pairs: &'a [(Option<Expr>, Expr)]) {
        let mut run = 0;
        let mut built = false;
        for (k, v) in pairs {
            match k {
                Some(k) => {
                    self.expr(k);
                    self.expr(v);
                    run += 1;
                }
                None => {
                    self.build_map_run(&mut run, &mut built);
                    self.expr(v);
                    self.op(Op::DictUpdate);
                }
            }
        }
        self.build_map_run(&mut run, &mut built);
    }

    /// The `BuildMap` of the `run` pairs just pushed, merged into the dict if there is one.
    fn build_map_run(&mut self, run: &mut u32, built: &mut bool) {
        if *run > 0 || !*built {
            self.op_u(Op::BuildMap, *run);
            if *built {
                self.op(Op::DictUpdate);
            }
            *built = true;
            *run = 0;
        }
    }

    fn subscript_index(&mut self, idx: &'a Expr) {
        match &idx.kind {
            ExprKind::Slice(..) => self.slice(idx),
            ExprKind::Tuple(items)
                if items.iter().any(|i| matches!(i.kind, ExprKind::Slice(..))) =>
            {
                for it in items {
                    self.subscript_index(it);
                }
                self.op_u(Op::BuildTuple, items.len() as u32);
            }
            _ => self.expr(idx),
        }
    }

    fn slice(&mut self, e: &'a Expr) {
        if let ExprKind::Slice(lo, hi, step) = &e.kind {
            for part in [lo, hi] {
                match part {
                    Some(x) => self.expr(x),
                    None => self.op(Op::LoadNone),
                }
            }
            match step {
                Some(s) => {
                    self.expr(s);
                    self.op_u(Op::BuildSlice, 3);
                }
                None => self.op_u(Op::BuildSlice, 2),
            }
        }
    }

    fn compare(&mut self, first: &'a Expr, ops: &'a [(CmpOp, Expr)]) {
        self.expr(first);
        if ops.len() == 1 {
            self.expr(&ops[0].1);
            self.op_b(Op::CompareOp, ops[0].0 as u8);
            return;
        }
        let (clean, end) = (self.new_label(), self.new_label());
        for (i, (op, x)) in ops.iter().enumerate() {
            self.expr(x);
            if i + 1 < ops.len() {
                self.op(Op::Dup);
                self.op(Op::Rot3);
                self.op_b(Op::CompareOp, *op as u8);
                self.jump(Op::JumpIfFalseOrPop, clean);
            } else {
                self.op_b(Op::CompareOp, *op as u8);
            }
        }
        self.jump(Op::Jump, end);
        self.bind(clean);
        self.op(Op::Rot2);
        self.op(Op::Pop);
        self.bind(end);
    }

    /// An f-string: its pieces, each field through `FormatValue`, joined by `BuildString`.
    #[cfg(feature = "fstrings")]
    fn fstring(&mut self, parts: &'a [FPart]) {
        if parts.is_empty() {
            self.load_const(Const::Str(String::new()));
            return;
        }
        for p in parts {
            match p {
                FPart::Lit(s) => self.load_const(Const::Str(s.clone())),
                FPart::Field { value, conv, spec } => {
                    self.expr(value);
                    let mut flags = *conv;
                    if let Some(sp) = spec {
                        self.fstring(sp);
                        flags |= FMT_HAS_SPEC;
                    }
                    self.op_b(Op::FormatValue, flags);
                }
            }
        }
        if parts.len() > 1 {
            self.op_u(Op::BuildString, parts.len() as u32);
        }
    }

    fn is_zero_arg_super(&self, f: &Expr, args: &[Arg]) -> Option<u32> {
        if !args.is_empty() {
            return None;
        }
        if let ExprKind::Name(n) = &f.kind {
            if n == "super" && self.access("super") == Access::Global {
                if let Access::Deref(s) = self.access("__class__") {
                    return Some(s);
                }
            }
        }
        None
    }

    fn call(&mut self, f: &'a Expr, args: &'a [Arg], line: u32) {
        if let Some(slot) = self.is_zero_arg_super(f, args) {
            self.op_name(Op::LoadGlobal, "super");
            self.op_u(Op::LoadSuperArgs, slot);
            self.op_u(Op::CallFunction, 2);
            return;
        }
        let simple = args.iter().all(|a| matches!(a, Arg::Pos(_) | Arg::Kw(..)));
        if let (ExprKind::Attr(obj, name), true) = (&f.kind, simple) {
            self.expr(obj);
            self.set_line(line);
            self.op_name(Op::LoadMethod, name);
            return self.simple_call(args, 0, Op::CallMethod, Op::CallMethodKw);
        }
        self.expr(f);
        self.call_args(args, 0, line)
    }

    /// A call with positional and keyword arguments only (no `*`/`**`): the arguments, then
    /// `plain argc`, or the keyword names' tuple and `with_kw argc`.
    fn simple_call(&mut self, args: &'a [Arg], pushed: u32, plain: Op, with_kw: Op) {
        let mut kw = Vec::new();
        for a in args {
            match a {
                Arg::Pos(e) => self.expr(e),
                Arg::Kw(n, e) => {
                    self.expr(e);
                    kw.push(Const::Str(n.clone()));
                }
                _ => {}
            }
        }
        let argc = args.len() as u32 + pushed;
        if kw.is_empty() {
            self.op_u(plain, argc);
        } else {
            self.load_const(Const::Tuple(kw));
            self.op_u(with_kw, argc);
        }
    }

    /// Call the callable on the stack (with `pushed` positional arguments already pushed above it).
    fn call_args(&mut self, args: &'a [Arg], pushed: u32, line: u32) {
        self.set_line(line);
        let simple = args.iter().all(|a| matches!(a, Arg::Pos(_) | Arg::Kw(..)));
        if simple {
            return self.simple_call(args, pushed, Op::CallFunction, Op::CallFunctionKw);
        }
        // General form: positional args as a list, keywords as a dict.
        let mut pos = args
            .iter()
            .filter(|a| matches!(a, Arg::Pos(_) | Arg::Star(_)));
        if let (0, Some(Arg::Star(x)), None) = (pushed, pos.next(), pos.next()) {
            self.expr(x);
            self.op(Op::BuildListFromIter);
        } else {
            self.spread_args(args, pushed, false);
        }
        if !args
            .iter()
            .any(|a| matches!(a, Arg::Kw(..) | Arg::DStar(_)))
        {
            self.op_b(Op::CallFunctionEx, 0);
            return;
        }
        self.spread_args(args, 0, true);
        self.op_b(Op::CallFunctionEx, 1);
    }

    /// The positional (`keywords` false: plain and `*x`) or keyword (plain and `**x`)
    /// arguments of a general call as a list or dict: the leading plain ones (after `pushed`
    /// items already on the stack) go straight into the `BuildList` / `BuildMap`, the rest
    /// are added one by one (`ListAppend 1` / `MapAdd 1`) or spliced in (`ListExtend` /
    /// `DictMerge`).
    fn spread_args(&mut self, args: &'a [Arg], pushed: u32, keywords: bool) {
        // (of the kind wanted, spliced in)
        let class = |a: &Arg| match a {
            Arg::Pos(_) => (!keywords, false),
            Arg::Star(_) => (!keywords, true),
            Arg::Kw(..) => (keywords, false),
            Arg::DStar(_) => (keywords, true),
        };
        let mut items = args.iter().filter(|a| class(a).0);
        let lead = items.clone().take_while(|a| !class(a).1).count();
        for a in items.by_ref().take(lead) {
            self.arg_value(a);
        }
        let (build, add, splice) = if keywords {
            (Op::BuildMap, Op::MapAdd, Op::DictMerge)
        } else {
            (Op::BuildList, Op::ListAppend, Op::ListExtend)
        };
        self.op_u(build, pushed + lead as u32);
        for a in items {
            self.arg_value(a);
            if class(a).1 {
                self.op(splice);
            } else {
                self.op_u(add, 1);
            }
        }
    }

    /// An argument's value; a keyword argument's name (a str constant) first.
    fn arg_value(&mut self, a: &'a Arg) {
        match a {
            Arg::Kw(n, e) => {
                self.load_const(Const::Str(n.clone()));
                self.expr(e)
            }
            Arg::Pos(e) | Arg::Star(e) | Arg::DStar(e) => self.expr(e),
        }
    }

    fn comprehension(&mut self, c: &'a Comp, line: u32) {
        let (name, flags) = match c.kind {
            CompKind::List => ("<listcomp>", 0),
            CompKind::Set => ("<setcomp>", 0),
            CompKind::Dict => ("<dictcomp>", 0),
            CompKind::Gen => ("<genexpr>", FLAG_GENERATOR),
        };
        if c.gens.iter().any(|g| async_stmt(g.is_async)) {
            return self.err("asynchronous comprehensions are not supported", line, 1);
        }
        let child = self.child_unit(c.scope_id, name, line, flags);
        self.u().code.n_pos = 1;
        match c.kind {
            CompKind::List => self.op_u(Op::BuildList, 0),
            CompKind::Set => self.op_u(Op::BuildSet, 0),
            CompKind::Dict => self.op_u(Op::BuildMap, 0),
            CompKind::Gen => {}
        }
        let mut loops = Vec::new();
        for (i, g) in c.gens.iter().enumerate() {
            if i == 0 {
                self.op_u(Op::LoadFast, 0);
            } else {
                self.expr(&g.iter);
                self.op(Op::GetIter);
            }
            let (top, end) = (self.new_label(), self.new_label());
            self.bind(top);
            self.jump(Op::ForIter, end);
            self.store(&g.target);
            for cond in &g.ifs {
                self.cond_jump(cond, false, top);
            }
            loops.push((top, end));
        }
        let depth = c.gens.len() as u32 + 1;
        match c.kind {
            CompKind::List => {
                self.expr(&c.elt);
                self.op_u(Op::ListAppend, depth);
            }
            CompKind::Set => {
                self.expr(&c.elt);
                self.op_u(Op::SetAdd, depth);
            }
            CompKind::Dict => {
                self.expr(&c.elt);
                if let Some(v) = &c.value {
                    self.expr(v);
                }
                self.op_u(Op::MapAdd, depth);
            }
            CompKind::Gen => {
                self.expr(&c.elt);
                self.op(Op::YieldValue);
                self.op(Op::Pop);
            }
        }
        for (top, end) in loops.into_iter().rev() {
            self.jump(Op::Jump, top);
            self.bind(end);
        }
        if c.kind == CompKind::Gen {
            self.op(Op::LoadNone);
        }
        self.op(Op::Return);
        let code = self.finish_child();
        self.emit_make_function(code, child, 0);
        if let Some(g) = c.gens.first() {
            self.expr(&g.iter);
        }
        self.op(Op::GetIter);
        self.op_u(Op::CallFunction, 1);
    }
}

/// A definition statement.
#[derive(Clone, Copy)]
enum Def<'a> {
    Func(&'a FuncDef),
    Class(&'a ClassDef),
}

#[derive(Clone, Copy)]
enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

#[cfg(test)]
mod tests;
