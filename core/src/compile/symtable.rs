//! Symbol tables: one pass over a top-level statement collecting, per scope (module, function,
//! lambda, comprehension, class body), which names are bound, used, declared global/nonlocal;
//! then resolution of free variables to the enclosing function scope that binds them (which
//! makes them cells there), and slot assignment.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::{CResult, CompileError, TopLevel};
use crate::ast::*;
use crate::bytecode::{FLAG_ASYNC_GENERATOR, FLAG_COROUTINE, FLAG_GENERATOR};

const BOUND: u16 = 1;
const USED: u16 = 2;
const GLOBAL: u16 = 4;
const NONLOCAL: u16 = 8;
const PARAM: u16 = 16;
const FREE: u16 = 32;
const CELL: u16 = 64;
/// Walrus target inside a module-level comprehension: a global.
const WGLOBAL: u16 = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comp,
}

/// How a name is accessed in a given scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Fast(u32),
    Deref(u32),
    Global,
    Name,
}

struct Scope {
    id: u32,
    kind: ScopeKind,
    parent: Option<usize>,
    syms: Vec<(String, u16)>,
    params: Vec<String>,
    is_async: bool,
    is_generator: bool,
    class_cell: bool,
    slots: Vec<String>,
    n_free: u16,
    /// Where each `nonlocal` name was declared (for the "no binding" error).
    nonlocal_at: Vec<(String, u32, u32)>,
}

pub struct SlotInfo {
    pub names: Vec<String>,
    pub n_free: u16,
    /// Slots to wrap with MakeCell at entry.
    pub cells: Vec<u32>,
}

pub struct SymTable<'f> {
    scopes: Vec<Scope>,
    cur: usize,
    /// For error messages.
    filename: &'f str,
    /// The first syntax error found (see [`SymTable::err`]).
    error: Option<Box<CompileError>>,
}

impl Scope {
    fn new(id: u32, kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            id,
            kind,
            parent,
            syms: Vec::new(),
            params: Vec::new(),
            is_async: false,
            is_generator: false,
            class_cell: false,
            slots: Vec::new(),
            n_free: 0,
            nonlocal_at: Vec::new(),
        }
    }

    fn flags(&self, name: &str) -> u16 {
        self.syms
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| *f)
            .unwrap_or(0)
    }

    fn add(&mut self, name: &str, flag: u16) {
        match self.syms.iter_mut().find(|(n, _)| n == name) {
            Some((_, f)) => *f |= flag,
            None => self.syms.push((String::from(name), flag)),
        }
    }

    fn slot(&self, name: &str) -> Option<u32> {
        self.slots.iter().position(|n| n == name).map(|i| i as u32)
    }
}

impl<'f> SymTable<'f> {
    pub fn empty() -> SymTable<'f> {
        SymTable {
            scopes: alloc::vec![Scope::new(0, ScopeKind::Module, None)],
            cur: 0,
            filename: "",
            error: None,
        }
    }

    /// Record a syntax error; only the first one counts (the walk goes on, as the compiler's
    /// emission does: see `Compiler::err`).
    fn err(&mut self, parts: &[&str], line: u32, col: u32) {
        CompileError::keep_first(&mut self.error, parts, self.filename, line, col);
    }

    /// The symbol table of one top-level part of a module.
    pub fn build(part: TopLevel<'_>, filename: &'f str) -> CResult<SymTable<'f>> {
        let mut st = SymTable::empty();
        st.filename = filename;
        match part {
            TopLevel::Stmt(s) => st.stmt(s),
            TopLevel::Eval(e) => st.expr(e),
            TopLevel::End => {}
        }
        if st.error.is_none() {
            st.resolve();
        }
        match st.error.take() {
            Some(e) => Err(e),
            None => Ok(st),
        }
    }

    // ----- queries -----

    pub fn find(&self, id: u32) -> Option<usize> {
        self.scopes
            .iter()
            .position(|s| s.id == id && s.kind != ScopeKind::Module)
    }

    pub fn kind(&self, idx: usize) -> ScopeKind {
        self.scopes
            .get(idx)
            .map(|s| s.kind)
            .unwrap_or(ScopeKind::Module)
    }

    pub fn code_flags(&self, idx: usize) -> u16 {
        let s = &self.scopes[idx];
        // Only a parser with the `async` feature makes `async def`s.
        match (cfg!(feature = "async") && s.is_async, s.is_generator) {
            (true, true) => FLAG_ASYNC_GENERATOR,
            (true, false) => FLAG_COROUTINE,
            (false, true) => FLAG_GENERATOR,
            _ => 0,
        }
    }

    pub fn slots(&self, idx: usize) -> SlotInfo {
        let s = &self.scopes[idx];
        let mut cells = Vec::new();
        for (i, n) in s.slots.iter().enumerate() {
            let is_cell = if s.kind == ScopeKind::Class {
                n == "__class__" && s.class_cell && i == 0
            } else {
                s.flags(n) & CELL != 0 && s.flags(n) & FREE == 0
            };
            if is_cell {
                cells.push(i as u32);
            }
        }
        SlotInfo {
            names: s.slots.clone(),
            n_free: s.n_free,
            cells,
        }
    }

    pub fn free_names(&self, idx: usize) -> Vec<String> {
        let s = &self.scopes[idx];
        s.slots[s.slots.len() - s.n_free as usize..].to_vec()
    }

    /// The slot holding the cell for `name` in scope `idx` (to build a closure).
    pub fn closure_slot(&self, idx: usize, name: &str) -> Option<u32> {
        self.scopes.get(idx)?.slot(name)
    }

    pub fn class_cell_slot(&self, idx: usize) -> Option<u32> {
        let s = &self.scopes[idx];
        if s.class_cell {
            s.slot("__class__")
        } else {
            None
        }
    }

    pub fn access(&self, idx: usize, name: &str) -> Access {
        let s = match self.scopes.get(idx) {
            Some(s) => s,
            None => return Access::Name,
        };
        let f = s.flags(name);
        match s.kind {
            ScopeKind::Module => Access::Name,
            ScopeKind::Class => {
                if f & (GLOBAL | WGLOBAL) != 0 {
                    Access::Global
                } else if f & FREE != 0 && f & BOUND == 0 {
                    s.slot(name).map(Access::Deref).unwrap_or(Access::Name)
                } else {
                    Access::Name
                }
            }
            ScopeKind::Function | ScopeKind::Comp => {
                if f & (GLOBAL | WGLOBAL) != 0 {
                    Access::Global
                } else if f & FREE != 0 {
                    s.slot(name).map(Access::Deref).unwrap_or(Access::Global)
                } else if f & BOUND != 0 {
                    match s.slot(name) {
                        Some(i) if f & CELL != 0 => Access::Deref(i),
                        Some(i) => Access::Fast(i),
                        None => Access::Global,
                    }
                } else {
                    Access::Global
                }
            }
        }
    }

    // ----- collection -----

    fn cur(&mut self) -> &mut Scope {
        let c = self.cur;
        &mut self.scopes[c]
    }

    fn push_scope(&mut self, id: u32, kind: ScopeKind) {
        let parent = self.cur;
        self.scopes.push(Scope::new(id, kind, Some(parent)));
        self.cur = self.scopes.len() - 1;
    }

    fn pop_scope(&mut self) {
        self.cur = self.scopes[self.cur].parent.unwrap_or(0);
    }

    fn use_name(&mut self, n: &str) {
        self.cur().add(n, USED);
        if (n == "super" || n == "__class__") && self.cur().kind == ScopeKind::Function {
            self.cur().add("__class__", USED);
        }
    }

    fn bind(&mut self, n: &str) {
        self.cur().add(n, BOUND);
    }

    fn body(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    fn args(&mut self, args: &[Arg]) {
        for a in args {
            match a {
                Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::DStar(e) => self.expr(e),
            }
        }
    }

    fn params(&mut self, p: &Params, id: u32, kind: ScopeKind) {
        let named = [&p.pos, &p.kwonly];
        for list in named {
            for d in list.iter().filter_map(|q| q.default.as_ref()) {
                self.expr(d);
            }
        }
        self.push_scope(id, kind);
        // In slot order (see `Params::names`).
        for list in named {
            for q in list {
                self.param(&q.name);
            }
        }
        for n in [&p.vararg, &p.kwarg].into_iter().flatten() {
            self.param(n);
        }
    }

    fn param(&mut self, n: &str) {
        self.cur().add(n, BOUND | PARAM);
        self.cur().params.push(String::from(n));
    }

    fn declare(&mut self, names: &[String], global: bool, s: &Stmt) {
        let kind = self.cur().kind;
        if kind == ScopeKind::Module {
            if global {
                return;
            }
            self.err(
                &["nonlocal declaration not allowed at module level"],
                s.line,
                s.col,
            );
            return;
        }
        let what = if global { "global" } else { "nonlocal" };
        for n in names {
            let f = self.cur().flags(n);
            let declared = f & (GLOBAL | NONLOCAL) != 0;
            // The message is "name 'n'" + `problem` + `what` + `tail`.
            let (problem, what, tail) = if f & PARAM != 0 {
                ("' is parameter and ", what, "")
            } else if declared && (f & GLOBAL != 0) != global {
                ("' is nonlocal and global", "", "")
            } else if f & BOUND != 0 && !declared {
                ("' is assigned to before ", what, " declaration")
            } else if f & USED != 0 && !declared {
                ("' is used prior to ", what, " declaration")
            } else {
                ("", "", "")
            };
            if !problem.is_empty() {
                return self.err(&["name '", n, problem, what, tail], s.line, s.col);
            }
            self.cur().add(n, if global { GLOBAL } else { NONLOCAL });
            if !global {
                self.cur().nonlocal_at.push((n.clone(), s.line, s.col));
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign(targets, value) => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign(t, _, v) => {
                if let ExprKind::Name(n) = &t.kind {
                    self.use_name(n);
                }
                self.target(t);
                self.expr(v);
            }
            StmtKind::Del(ts) => {
                for t in ts {
                    self.target(t);
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if let Some(e) = v {
                    self.expr(e);
                }
            }
            StmtKind::Raise(a, b) => {
                for e in [a, b].into_iter().flatten() {
                    self.expr(e);
                }
            }
            StmtKind::Global(names) => self.declare(names, true, s),
            StmtKind::Nonlocal(names) => self.declare(names, false, s),
            StmtKind::Assert(a, b) => {
                self.expr(a);
                if let Some(m) = b {
                    self.expr(m);
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let n = a
                        .asname
                        .as_deref()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or(""));
                    self.bind(n);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.bind(a.asname.as_deref().unwrap_or(&a.name));
                }
            }
            StmtKind::If(t, b, o) | StmtKind::While(t, b, o) => {
                self.expr(t);
                self.body(b);
                self.body(o);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter);
                self.target(target);
                self.body(body);
                self.body(orelse);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.body(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.body(&h.body);
                }
                self.body(orelse);
                self.body(finalbody);
            }
            StmtKind::With { items, body, .. } => {
                for (ctx, t) in items {
                    self.expr(ctx);
                    if let Some(t) = t {
                        self.target(t);
                    }
                }
                self.body(body);
            }
            StmtKind::FuncDef(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                self.bind(&f.name);
                self.params(&f.params, f.scope_id, ScopeKind::Function);
                self.cur().is_async = f.is_async;
                self.body(&f.body);
                self.pop_scope();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                self.args(&c.bases);
                self.bind(&c.name);
                self.push_scope(c.scope_id, ScopeKind::Class);
                self.body(&c.body);
                self.pop_scope();
            }
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n),
            ExprKind::Attr(obj, _) => self.expr(obj),
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj);
                self.expr(idx);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for it in items {
                    self.target(it);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    #[cfg(feature = "fstrings")]
    fn fparts(&mut self, parts: &[FPart]) {
        for p in parts {
            if let FPart::Field { value, spec, .. } = p {
                self.expr(value);
                if let Some(sp) = spec {
                    self.fparts(sp);
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::True
            | ExprKind::False
            | ExprKind::None
            | ExprKind::Ellipsis => {}
            #[cfg(feature = "fstrings")]
            ExprKind::FString(parts) => self.fparts(parts),
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                for it in items {
                    self.expr(it);
                }
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Starred(x) | ExprKind::Attr(x, _) | ExprKind::Unary(_, x) => self.expr(x),
            #[cfg(feature = "async")]
            ExprKind::Await(x) => self.expr(x),
            ExprKind::Subscript(a, b) | ExprKind::BinOp(_, a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::Call(f, args) => {
                self.expr(f);
                self.args(args);
            }
            ExprKind::BoolOp(_, items) => {
                for it in items {
                    self.expr(it);
                }
            }
            ExprKind::Compare(first, ops) => {
                self.expr(first);
                for (_, x) in ops {
                    self.expr(x);
                }
            }
            ExprKind::IfExp(a, b, c) => {
                self.expr(a);
                self.expr(b);
                self.expr(c);
            }
            ExprKind::Lambda(l) => {
                self.params(&l.params, l.scope_id, ScopeKind::Function);
                self.expr(&l.body);
                self.pop_scope();
            }
            ExprKind::Comp(c) => {
                if let Some(g) = c.gens.first() {
                    self.expr(&g.iter);
                }
                self.push_scope(c.scope_id, ScopeKind::Comp);
                self.param(".0");
                self.cur().is_generator = c.kind == CompKind::Gen;
                for (i, g) in c.gens.iter().enumerate() {
                    if i > 0 {
                        self.expr(&g.iter);
                    }
                    self.target(&g.target);
                    for cond in &g.ifs {
                        self.expr(cond);
                    }
                }
                self.expr(&c.elt);
                if let Some(v) = &c.value {
                    self.expr(v);
                }
                self.pop_scope();
            }
            ExprKind::NamedExpr(name, v) => {
                self.expr(v);
                self.walrus(name, e);
            }
            ExprKind::Yield(v) => {
                self.mark_yield(e);
                if let Some(x) = v {
                    self.expr(x);
                }
            }
            ExprKind::YieldFrom(x) => {
                self.mark_yield(e);
                self.expr(x);
            }
        }
    }

    fn mark_yield(&mut self, e: &Expr) {
        match self.cur().kind {
            ScopeKind::Comp => self.err(&["'yield' inside comprehension"], e.line, e.col),
            ScopeKind::Function => {
                self.cur().is_generator = true;
            }
            _ => self.err(&["'yield' outside function"], e.line, e.col),
        }
    }

    fn walrus(&mut self, name: &str, e: &Expr) {
        if self.cur().kind != ScopeKind::Comp {
            self.bind(name);
            return;
        }
        let mut comps = Vec::new();
        let mut j = self.cur;
        while self.scopes[j].kind == ScopeKind::Comp {
            comps.push(j);
            j = self.scopes[j].parent.unwrap_or(0);
        }
        match self.scopes[j].kind {
            ScopeKind::Class => self.err(
                &["assignment expression within a comprehension cannot be used in a class body"],
                e.line,
                e.col,
            ),
            ScopeKind::Module => {
                for c in comps {
                    self.scopes[c].add(name, WGLOBAL);
                }
            }
            _ => {
                self.scopes[j].add(name, BOUND);
                for c in comps {
                    self.scopes[c].add(name, NONLOCAL);
                }
            }
        }
    }

    // ----- resolution -----

    fn resolve(&mut self) {
        // Resolution changes only the flags of the name resolved (in scope `i`) and names of
        // enclosing scopes, which come before `i`: reading the entries as it goes sees what a
        // snapshot would, and only a name to resolve is copied.
        for i in 1..self.scopes.len() {
            for k in 0..self.scopes[i].syms.len() {
                let (n, f) = &self.scopes[i].syms[k];
                let must = f & NONLOCAL != 0;
                if f & (GLOBAL | WGLOBAL) == 0 && (must || f & (BOUND | USED) == USED) {
                    let n = n.clone();
                    self.resolve_free(i, &n, must);
                }
            }
        }
        for i in 1..self.scopes.len() {
            self.assign_slots(i);
        }
    }

    /// Find the enclosing function scope that binds free (or `nonlocal`) `name` of scope `i`
    /// (making it a cell there); the scopes from `i` up to it get `name` as a free variable.
    fn resolve_free(&mut self, i: usize, name: &str, must: bool) {
        let mut p = self.scopes[i].parent;
        let mut found = None;
        while let Some(j) = p {
            match self.scopes[j].kind {
                ScopeKind::Module => break,
                ScopeKind::Class => {
                    if name == "__class__" {
                        self.scopes[j].class_cell = true;
                        found = Some(j);
                        break;
                    }
                }
                _ => {
                    let f = self.scopes[j].flags(name);
                    if f & (GLOBAL | WGLOBAL) != 0 {
                        break;
                    }
                    if f & (NONLOCAL | FREE) != 0 {
                        found = Some(j);
                        break;
                    }
                    if f & BOUND != 0 {
                        self.scopes[j].add(name, CELL);
                        found = Some(j);
                        break;
                    }
                }
            }
            p = self.scopes[j].parent;
        }
        if let Some(stop) = found {
            let mut s = i;
            while s != stop {
                self.scopes[s].add(name, FREE);
                s = self.scopes[s].parent.unwrap_or(stop);
            }
        } else if must {
            let (line, col) = self.scopes[i]
                .nonlocal_at
                .iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, l, c)| (*l, *c))
                .unwrap_or((0, 0));
            self.err(&["no binding for nonlocal '", name, "' found"], line, col);
        }
    }

    fn assign_slots(&mut self, i: usize) {
        let s = &mut self.scopes[i];
        let mut slots: Vec<String> = Vec::new();
        if s.kind == ScopeKind::Class {
            if s.class_cell {
                slots.push(String::from("__class__"));
            }
        } else {
            // The parameters come first; they are not needed apart from the slots after this.
            slots = core::mem::take(&mut s.params);
            for (n, f) in &s.syms {
                if f & BOUND != 0 && f & (GLOBAL | NONLOCAL | FREE | PARAM | WGLOBAL) == 0 {
                    slots.push(n.clone());
                }
            }
        }
        let mut n_free = 0u16;
        for (n, f) in &s.syms {
            let local_in_class = s.kind == ScopeKind::Class && n == "__class__" && s.class_cell;
            if f & FREE != 0 && !local_in_class && !slots.contains(n) {
                slots.push(n.clone());
                n_free += 1;
            }
        }
        s.slots = slots;
        s.n_free = n_free;
    }
}
