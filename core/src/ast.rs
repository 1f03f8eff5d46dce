//! Abstract syntax tree. Kept compact: children are boxed, names are owned `String`s, and in
//! File mode only one top-level statement's tree is alive at a time.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::bytecode::{BinOp, CmpOp, UnOp};

/// A 64-bit literal (int or float bits) stored as two words. An `i64`/`f64` field would make
/// `ExprKind` (and `Tok`) 8-aligned on 32-bit targets: padding after the tag (an `Expr` of 32
/// bytes instead of 28) and more code for each of the parser's many moves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lit64([u32; 2]);

impl Lit64 {
    pub fn from_i64(v: i64) -> Self {
        Lit64([v as u32, (v >> 32) as u32])
    }

    pub fn from_f64(v: f64) -> Self {
        Lit64::from_i64(v.to_bits() as i64)
    }

    pub fn i64(self) -> i64 {
        (self.0[0] as u64 | (self.0[1] as u64) << 32) as i64
    }

    pub fn f64(self) -> f64 {
        f64::from_bits(self.i64() as u64)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub line: u32,
    pub col: u32,
}

/// One piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
#[repr(u32)]
pub enum FPart {
    Lit(String),
    Field {
        value: Box<Expr>,
        /// `FMT_CONV_*`.
        conv: u8,
        spec: Option<Vec<FPart>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
#[repr(u32)]
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(String, Expr),
    DStar(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompFor {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comp {
    pub kind: CompKind,
    /// The element (the key for dict comprehensions).
    pub elt: Expr,
    /// The value for dict comprehensions.
    pub value: Option<Expr>,
    pub gens: Vec<CompFor>,
    pub scope_id: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Params {
    /// Positional parameters (positional-only ones included).
    pub pos: Vec<Param>,
    pub vararg: Option<String>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<String>,
}

impl Params {
    /// Parameter names in slot order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.pos
            .iter()
            .map(|p| p.name.as_str())
            .chain(self.kwonly.iter().map(|p| p.name.as_str()))
            .chain(self.vararg.as_deref())
            .chain(self.kwarg.as_deref())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lambda {
    pub params: Params,
    pub body: Expr,
    pub scope_id: u32,
}

/// `repr(u32)` (here and on the other AST enums): with a one-byte tag, moving a value also
/// copies the three bytes after the tag separately, by a `memcpy` call on thumbv6m (about 85
/// such calls in the parser); a tag word has no such gap.
#[derive(Clone, Debug, PartialEq)]
#[repr(u32)]
pub enum ExprKind {
    Name(String),
    Int(Lit64),
    BigInt(String),
    Float(Lit64),
    Imag(Lit64),
    Str(String),
    Bytes(Vec<u8>),
    #[cfg(feature = "fstrings")]
    FString(Vec<FPart>),
    True,
    False,
    None,
    Ellipsis,
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `(None, v)` is `**v`.
    Dict(Vec<(Option<Expr>, Expr)>),
    Starred(Box<Expr>),
    Attr(Box<Expr>, String),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Call(Box<Expr>, Vec<Arg>),
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnOp, Box<Expr>),
    /// `and` (true) / `or` (false) over two or more operands.
    BoolOp(bool, Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Box<Lambda>),
    Comp(Box<Comp>),
    NamedExpr(String, Box<Expr>),
    /// Only with the `async` feature (without it `await` is a name).
    #[cfg(feature = "async")]
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
}

impl Expr {
    pub fn new(kind: ExprKind, line: u32, col: u32) -> Self {
        Expr { kind, line, col }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Handler {
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncDef {
    pub name: String,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub is_async: bool,
    pub scope_id: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Arg>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub scope_id: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Dotted module name (for `import`) or plain name (for `from ... import`).
    pub name: String,
    pub asname: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug, PartialEq)]
#[repr(u32)]
pub enum StmtKind {
    Expr(Expr),
    /// `targets[0] = targets[1] = ... = value`
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    Del(Vec<Expr>),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Raise(Option<Expr>, Option<Expr>),
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Assert(Expr, Option<Expr>),
    Import(Vec<Alias>),
    /// `from <level dots><module> import names` (`names` empty means `*`).
    ImportFrom {
        module: Option<String>,
        level: u32,
        names: Vec<Alias>,
    },
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    With {
        items: Vec<(Expr, Option<Expr>)>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    FuncDef(Box<FuncDef>),
    ClassDef(Box<ClassDef>),
}

#[cfg(test)]
mod tests {
    use super::Lit64;

    #[test]
    fn lit64_round_trips() {
        for v in [0, 1, -1, i64::MIN, i64::MAX, 1 << 32, -(1 << 40) + 7] {
            assert_eq!(Lit64::from_i64(v).i64(), v);
        }
        for f in [0.0, -0.0, 1.5, f64::INFINITY, f64::MIN_POSITIVE, -1e300] {
            assert_eq!(Lit64::from_f64(f).f64().to_bits(), f.to_bits());
        }
        assert!(Lit64::from_f64(f64::NAN).f64().is_nan());
    }
}
