//! The bytecode format: the contract between the compiler (`compile.rs`) and the VM (`vm.rs`).
//!
//! The compiler produces a [`RawCode`] tree: plain Rust data, no heap `Value`s. That keeps the
//! compiler independent of the GC heap, makes code serializable (frozen modules are `RawCode`
//! compiled at build time and emitted as flash-resident statics), and lets `loader.rs` turn it into
//! a runtime code object in one place.
//!
//! # Encoding
//! Each instruction is one opcode byte followed by its operands:
//! - `u`: unsigned LEB128 varint (7 bits per byte, high bit = more). Indices, counts.
//! - `s`: signed varint, zigzag-encoded then LEB128 (`LoadSmallInt`).
//! - `j`: jump target, 2 bytes little-endian, an *absolute* offset into this code's bytecode.
//!   Fixed width so forward jumps can be patched; functions are limited to 64 KiB of bytecode.
//! - `b`: one raw byte (operator numbers, flags).
//!
//! # Frames and slots
//! A function frame has `n_locals` slots. Slot layout, in order:
//! 1. the `n_pos` positional parameters, then the `n_kwonly` keyword-only parameters,
//! 2. `*args` (if `FLAG_VARARGS`), then `**kwargs` (if `FLAG_VARKW`),
//! 3. other local variables,
//! 4. the `n_free` free variables: the VM copies the function's closure cells here at entry.
//!
//! `local_names` names every slot (parameters are matched to keyword arguments by these names).
//! A local captured by an inner function ("cell variable") is wrapped at function entry by a
//! `MakeCell` instruction the compiler emits; from then on `LoadDeref`/`StoreDeref`/`DeleteDeref`
//! access it, and `LoadClosure` pushes the cell itself (to build an inner function's closure).
//!
//! Module and class bodies have no slots for names: they use `LoadName`/`StoreName`/`DeleteName`
//! (the frame's locals dict). Functions use `LoadGlobal` for names that are neither local nor free.
//!
//! # Exceptions: a table, not a block stack
//! Each code object carries `exc_table`: entries `(start, end, handler, depth)`, innermost first.
//! When an exception is raised at pc `p` with `start <= p < end`, the VM takes the *first* matching
//! entry: truncates the value stack to `depth` items, pushes the exception object and jumps to
//! `handler`. No entry matches: the frame is unwound. `finally` bodies are duplicated by the
//! compiler on each exit path (normal, `return`, `break`, `continue`); there is no runtime block
//! stack. The handler code uses:
//! - `PushExcInfo`: `[exc] -> [prev_handled, exc]` and makes `exc` the "currently handled"
//!   exception (used by bare `raise`, and as `__context__` of exceptions raised in the handler).
//! - `CheckExcMatch`: `[exc, type] -> [exc, bool]`.
//! - `PopExcept`: `[prev_handled] -> []`, restoring the currently handled exception.
//! - `Reraise`: `[exc] -> raises exc` again, keeping its traceback.
//!
//! A typical `try: B except E as e: H` compiles to:
//! ```text
//!     B                              ; covered by entry (L0, L1, H0, depth d)
//! L1: Jump END
//! H0: PushExcInfo                    ; [prev, exc]   (handler region covered by entry -> CLEANUP, depth d+1)
//!     <load E>; CheckExcMatch; PopJumpIfFalse NOMATCH   ; [prev, exc, E] -> [prev, exc, bool] -> [prev, exc]
//!     StoreFast e (or StoreName/StoreDeref); H; <e = None; del e>
//!     PopExcept; Jump END            ; [] (PopExcept pops prev; not covered by CLEANUP)
//! NOMATCH: Reraise                   ; re-raise: handled by the CLEANUP entry
//! CLEANUP: Rot2; PopExcept; Reraise  ; [prev, exc2] -> restore prev, re-raise exc2
//! END:
//! ```
//! (The CLEANUP entry's depth is d+1 so that `prev` stays on the stack beneath the new exception.)
//! A bare `except:` has no type test (it `Pop`s the exception or stores it). Several `except`
//! clauses chain through their NOMATCH labels; only the last one ends in `Reraise`.
//!
//! The compiler's other exception-table shapes (`d` = stack depth at the statement):
//! ```text
//! try: B finally: F              with M as x: B                  async for x in A: B
//!     B        ; entry -> FE, d       <M>; BeforeWith               <A>; GetAIter
//!     F        ; normal path          <store x>   ; [exit]      TOP: GetANext; GetAwaitable;
//!     Jump END                        B     ; entry -> WE, d+1       LoadNone; YieldFrom
//! FE: PushExcInfo ; [prev, exc]       WithExitNormal; Jump END         ; entry -> AE, d+1
//!     F        ; entry -> CL, d+1 WE: WithExitExc  ; [exit, exc, r]  <store x>; B; Jump TOP
//!     Reraise  ; entry -> CL, d+1     PopJumpIfTrue S              AE: EndAsyncFor ELSE
//! CL: Rot2; PopExcept; Reraise        Reraise                      ELSE: <else body>
//! END:                            S:  Pop; Pop    ; suppressed
//!                                 END:
//! ```
//! `break`/`continue`/`return` leaving these blocks run the cleanup inline (a copy of `F`;
//! `WithExitNormal`; `Pop` of a `for` iterator; `PopExcept` inside a handler) and are covered
//! by the entry of the enclosing block, never by the one being left. Exception-table ranges
//! emitted by the compiler never overlap.
//!
//! # Calls
//! - `CallFunction argc`: `[f, a1..an] -> [result]`.
//! - `CallFunctionKw argc`: `[f, a1..an, kwnames]` where `kwnames` is a constant tuple of str naming
//!   the *last* `len(kwnames)` of the `argc` arguments.
//! - `CallFunctionEx flags`: `[f, args_tuple_or_list, (kwargs mapping if flags & 1)]`.
//! - `LoadMethod name`: `[obj] -> [meth, obj]` or `[func, NULL]` (NULL: the slot holds the
//!   `Value::NULL` word). `CallMethod argc` / `CallMethodKw argc` then call with or without `obj`.
//!
//! The compiler always passes `args` to `CallFunctionEx` as a list (built with `BuildList`,
//! `ListAppend 1`, `ListExtend`, or `BuildListFromIter` for a lone `f(*x)`) and `kwargs` as a
//! dict (`BuildMap 0`, `MapAdd 1`, `DictUpdate`). Zero-argument `super()` in a method compiles
//! to `LoadGlobal super; LoadSuperArgs <__class__ slot>; CallFunction 2`.
//!
//! # Comprehensions
//! Compiled as nested functions (CPython 3.11): the code has one positional parameter `.0`
//! which receives an *iterator*: the caller does `<MakeFunction>; <outermost iterable>; GetIter;
//! CallFunction 1`. The accumulator (list/set/dict) is built inside and returned.
//!
//! # Async
//! `await x` is `<x>; GetAwaitable; LoadNone; YieldFrom`. `GetANext` and `BeforeAsyncWith` push
//! the raw result of `__anext__()` / `__aenter__()`; the compiler follows each with
//! `GetAwaitable; LoadNone; YieldFrom`. The normal exit of `async with` calls the bound
//! `__aexit__` with `CallFunction 3` (three `None`s) and awaits the result; the exceptional exit
//! uses `WithExitExc` and awaits the value it pushed before testing it.
//!
//! # Class bodies
//! `class C(B, metaclass=M): body` compiles as `LoadBuildClass; <MakeFunction body>; LoadConst "C";
//! <load B>; <load M>; CallFunctionKw 4 ("metaclass",)` like CPython. The body code has
//! `FLAG_CLASS_BODY`. If any method uses `super()` or `__class__`, the body code has a cell variable
//! `__class__` and ends with `LoadClosure <__class__ slot>; Return` (instead of `LoadNone; Return`);
//! `__build_class__` stores the new class into that cell. The body starts with
//! `LoadName __name__; StoreName __module__; LoadConst <qualname>; StoreName __qualname__`.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// Code flags (`RawCode::flags`).
pub const FLAG_VARARGS: u16 = 0x0001;
pub const FLAG_VARKW: u16 = 0x0002;
pub const FLAG_GENERATOR: u16 = 0x0004;
pub const FLAG_COROUTINE: u16 = 0x0008;
pub const FLAG_ASYNC_GENERATOR: u16 = 0x0010;
/// Module body: names go to globals via `LoadName`/`StoreName`.
pub const FLAG_MODULE: u16 = 0x0020;
/// Class body: executed by `__build_class__` with a fresh locals dict.
pub const FLAG_CLASS_BODY: u16 = 0x0040;
/// Lambda (only affects the function's `__name__`).
pub const FLAG_LAMBDA: u16 = 0x0080;

/// `MakeFunction` flags byte: which optional items are on the stack beneath the code object,
/// pushed in this order (lowest first): defaults tuple, kw-defaults dict, closure tuple.
pub const MKFN_DEFAULTS: u8 = 0x01;
pub const MKFN_KWDEFAULTS: u8 = 0x02;
pub const MKFN_CLOSURE: u8 = 0x04;

/// `FormatValue` flags byte: low 2 bits are the conversion, bit 2 says a format spec (a str) is on
/// top of the stack above the value.
pub const FMT_CONV_NONE: u8 = 0;
pub const FMT_CONV_STR: u8 = 1;
pub const FMT_CONV_REPR: u8 = 2;
pub const FMT_CONV_ASCII: u8 = 3;
pub const FMT_HAS_SPEC: u8 = 0x04;

/// A constant in a code object's constant table.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// An int that fits in i64.
    Int(i64),
    /// An int beyond i64, as its decimal digits with an optional leading `-`.
    BigInt(String),
    Float(f64),
    /// Imaginary literal `4j` (its imaginary part).
    Complex(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// Tuple of constants (keyword-name tuples for `CallFunctionKw`, constant-folded tuples,
    /// `fromlist` for `ImportName`).
    Tuple(Vec<Const>),
    /// A nested function, lambda, comprehension or class body.
    Code(Box<RawCode>),
    None,
    True,
    False,
    Ellipsis,
}

/// One entry of the exception table; see the module docs. `repr(C)`: frozen code's tables are
/// read in place from their serialized bytes (`frozen.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct ExcEntry {
    pub start: u16,
    pub end: u16,
    pub handler: u16,
    /// Value-stack depth (number of items) to keep before pushing the exception.
    pub depth: u16,
}

/// A compiled code block (module, function, lambda, comprehension, class body).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RawCode {
    /// Function name (`<module>`, `<lambda>`, `<listcomp>`, class name for class bodies).
    pub name: String,
    /// Qualified name (`C.method`, `f.<locals>.g`).
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub flags: u16,
    /// Positional parameters (including those with defaults).
    pub n_pos: u16,
    pub n_kwonly: u16,
    /// Total slots: parameters, varargs/varkw, other locals, free variables.
    pub n_locals: u16,
    /// Number of free variables (the last `n_free` slots).
    pub n_free: u16,
    /// Maximum value-stack depth this code needs (computed by the compiler, checked by tests).
    pub stack_size: u16,
    pub bytecode: Vec<u8>,
    pub consts: Vec<Const>,
    /// Names used by `*Name`, `*Global`, `*Attr`, `LoadMethod`, `Import*` operands.
    pub names: Vec<String>,
    /// A name for every slot (len == n_locals).
    pub local_names: Vec<String>,
    /// Line table: pairs of (bytecode offset delta as `u`, line delta as `s`) starting from
    /// (0, first_line). An instruction's line is that of the last entry at or before its offset.
    pub line_table: Vec<u8>,
    pub exc_table: Vec<ExcEntry>,
}

/// Binary operators (`BinaryOp` operand). In-place variants are `op + INPLACE_OFFSET`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}
pub const BINOP_COUNT: u8 = 13;
pub const INPLACE_OFFSET: u8 = 16;

impl BinOp {
    pub fn from_u8(b: u8) -> Option<BinOp> {
        use BinOp::*;
        const ALL: [BinOp; BINOP_COUNT as usize] = [
            Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
        ];
        ALL.get(b as usize).copied()
    }
}

/// Unary operators (`UnaryOp` operand).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnOp {
    Neg = 0,
    Pos,
    Invert,
    Not,
}

/// Comparison operators (`CompareOp` operand).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident = $val:expr, $operands:expr ;)*) => {
        /// Instruction opcodes. The doc of each gives operands and stack effect.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Op { $( $(#[$doc])* $name = $val, )* }

        impl Op {
            pub const fn from_u8(b: u8) -> Option<Op> {
                match b { $( $val => Some(Op::$name), )* _ => None }
            }
            /// Operand kinds, one char each: `u` varint, `s` signed varint, `j` jump, `b` byte.
            pub const fn operands(self) -> &'static str {
                match self { $( Op::$name => $operands, )* }
            }
            pub fn name(self) -> &'static str {
                match self { $( Op::$name => stringify!($name), )* }
            }
        }
    };
}

opcodes! {
    /// `[] -> []`
    Nop = 0, "";
    /// `u const_index`: `[] -> [consts[i]]`
    LoadConst = 1, "u";
    /// `s value`: `[] -> [int]`. The compiler emits it only for values in -2^29 ..= 2^29-1
    /// (other ints are `LoadConst`).
    LoadSmallInt = 2, "s";
    /// `[] -> [None]`
    LoadNone = 3, "";
    LoadTrue = 4, "";
    LoadFalse = 5, "";
    /// `u slot`: `[] -> [locals[slot]]`; UnboundLocalError if unset.
    LoadFast = 6, "u";
    /// `u slot`: `[v] -> []`
    StoreFast = 7, "u";
    /// `u slot`
    DeleteFast = 8, "u";
    /// `u slot`: load the contents of the cell in `slot`.
    LoadDeref = 9, "u";
    StoreDeref = 10, "u";
    DeleteDeref = 11, "u";
    /// `u slot`: `[] -> [cell]`
    LoadClosure = 12, "u";
    /// `u slot`: wrap `locals[slot]` (possibly unset) in a new cell stored back in the slot.
    MakeCell = 13, "u";
    /// `u name`: globals, then builtins; NameError.
    LoadGlobal = 14, "u";
    StoreGlobal = 15, "u";
    DeleteGlobal = 16, "u";
    /// `u name`: locals dict, then globals, then builtins.
    LoadName = 17, "u";
    StoreName = 18, "u";
    DeleteName = 19, "u";
    /// `u name`: `[obj] -> [obj.name]`
    LoadAttr = 20, "u";
    /// `u name`: `[value, obj] -> []` (obj.name = value)
    StoreAttr = 21, "u";
    /// `u name`: `[obj] -> []`
    DeleteAttr = 22, "u";
    /// `u name`: `[obj] -> [meth, obj]` or `[callable, NULL]`
    LoadMethod = 23, "u";
    /// `[obj, key] -> [obj[key]]`
    LoadSubscr = 24, "";
    /// `[value, obj, key] -> []`
    StoreSubscr = 25, "";
    /// `[obj, key] -> []`
    DeleteSubscr = 26, "";
    /// `[] -> [__build_class__]`
    LoadBuildClass = 27, "";
    /// `[v] -> []`
    Pop = 28, "";
    /// `[v] -> [v, v]`
    Dup = 29, "";
    /// `[a, b] -> [a, b, a, b]`
    Dup2 = 30, "";
    /// `[a, b] -> [b, a]`
    Rot2 = 31, "";
    /// `[a, b, c] -> [c, a, b]` (top moves down two)
    Rot3 = 32, "";
    /// `[a, b, c, d] -> [d, a, b, c]` (top moves down three)
    Rot4 = 33, "";
    /// `b op` (BinOp, +INPLACE_OFFSET for in-place): `[a, b] -> [a op b]`
    BinaryOp = 34, "b";
    /// `b op` (UnOp): `[a] -> [op a]`
    UnaryOp = 35, "b";
    /// `b op` (CmpOp): `[a, b] -> [a op b]`
    CompareOp = 36, "b";
    /// `j target`
    Jump = 37, "j";
    /// `j target`: `[v] -> []`, jump if falsy
    PopJumpIfFalse = 38, "j";
    /// `j target`: `[v] -> []`, jump if truthy
    PopJumpIfTrue = 39, "j";
    /// `j target`: if falsy jump keeping v, else pop it (`and`)
    JumpIfFalseOrPop = 40, "j";
    /// `j target`: if truthy jump keeping v, else pop it (`or`)
    JumpIfTrueOrPop = 41, "j";
    /// `[obj] -> [iter(obj)]`
    GetIter = 42, "";
    /// `j target`: `[it] -> [it, next(it)]`, or when exhausted `[it] -> []` and jump.
    ForIter = 43, "j";
    /// `u n`: `[a1..an] -> [tuple]`
    BuildTuple = 44, "u";
    BuildList = 45, "u";
    BuildSet = 46, "u";
    /// `u n`: `[k1, v1, .. kn, vn] -> [dict]`
    BuildMap = 47, "u";
    /// `u n` (2 or 3): `[start, stop(, step)] -> [slice]`
    BuildSlice = 48, "u";
    /// `u i`: `[.. list(at depth i, counting the popped item as 0) .., v] -> [..]`: pop v, then
    /// append it to the list at `PEEK(i)` where `PEEK(1)` is the new top (CPython's LIST_APPEND
    /// convention). `[a, *b, c]` uses `ListAppend 1` (the list is the top); `[x for x in y]`
    /// uses `ListAppend 2` (stack `[list, iterator, x]`); each extra `for` adds 1.
    ListAppend = 49, "u";
    /// `u i`: like `ListAppend`.
    SetAdd = 50, "u";
    /// `u i`: `[.. dict .., k, v] -> [..]`: pop v and k, then `dict = PEEK(i)` (PEEK(1) = the new
    /// top), `dict[k] = v`. `{k: v for ..}` uses `MapAdd 2`; call kwargs use `MapAdd 1`.
    MapAdd = 51, "u";
    /// `[list, iterable] -> [list]` (list.extend), for `[*a, *b]`
    ListExtend = 52, "";
    /// `[set, iterable] -> [set]`
    SetUpdate = 53, "";
    /// `[dict, mapping] -> [dict]` for `{**a}` and `f(**a, **b)`
    DictUpdate = 54, "";
    /// `[list] -> [tuple]`
    ListToTuple = 55, "";
    /// `u n`: `[seq] -> [vn .. v1]` (v1 on top)
    UnpackSequence = 56, "u";
    /// `u before`, `u after`: `a, *b, c = seq`: `[seq] -> [c.., list, ..a]` (first item on top)
    UnpackEx = 57, "uu";
    /// `b flags` (MKFN_*): `[defaults?, kwdefaults?, closure?, code] -> [function]`
    MakeFunction = 58, "b";
    /// `u argc`
    CallFunction = 59, "u";
    /// `u argc`: `[f, a1..an, kwnames_tuple]`
    CallFunctionKw = 60, "u";
    /// `b flags` (bit 0: kwargs present): `[f, args, kwargs?] -> [result]`
    CallFunctionEx = 61, "b";
    /// `u argc`: `[meth, self_or_NULL, a1..an] -> [result]`
    CallMethod = 62, "u";
    /// `u argc`: `[meth, self_or_NULL, a1..an, kwnames_tuple] -> [result]`
    CallMethodKw = 63, "u";
    /// `[v] -> return v`
    Return = 64, "";
    /// `[v] -> [sent]`: suspend the generator yielding v; resumes with the sent value.
    YieldValue = 65, "";
    /// `[iter, sent] -> [result]`: delegate to a sub-iterator (`yield from`, `await`). Loops
    /// in place until the sub-iterator finishes, then pushes its return value.
    YieldFrom = 66, "";
    /// `[awaitable] -> [iterator]` (`await`)
    GetAwaitable = 67, "";
    /// `[obj] -> [aiter]`
    GetAIter = 68, "";
    /// `[aiter] -> [aiter, awaitable]`
    GetANext = 69, "";
    /// `j target`: `[aiter, exc] -> []` and jump if exc is StopAsyncIteration, else re-raise.
    EndAsyncFor = 70, "j";
    /// `[exc] -> [prev_handled, exc]`
    PushExcInfo = 71, "";
    /// `[prev_handled] -> []`
    PopExcept = 72, "";
    /// `[exc, type] -> [exc, bool]`
    CheckExcMatch = 73, "";
    /// `[exc] -> raise exc` (traceback kept)
    Reraise = 74, "";
    /// `u n`: 0: re-raise the handled exception; 1: `[exc] -> raise`; 2: `[exc, cause] -> raise from`
    Raise = 75, "u";
    /// `[mgr] -> [exit_bound, mgr.__enter__()]`
    BeforeWith = 76, "";
    /// `[exit_bound] -> []`: call exit(None, None, None) (normal exit of a `with` block)
    WithExitNormal = 77, "";
    /// `[exit_bound, exc] -> [exit_bound, exc, result]`: call exit(type, exc, tb) and push its
    /// return value as is (the compiler tests it with `PopJumpIfTrue`; for `async with` it
    /// awaits it first).
    WithExitExc = 78, "";
    /// `[mgr] -> [aexit_bound, awaitable_of_aenter]`
    BeforeAsyncWith = 79, "";
    /// `u name`: `[level, fromlist] -> [module]`. `level` is an int; `fromlist` is None for
    /// `import a.b` (the top package `a` is pushed) or a const tuple of str for
    /// `from a.b import x, y` (`("*",)` for `import *`; then `a.b` itself is pushed). `name`
    /// is "" for `from . import x`.
    ImportName = 80, "u";
    /// `u name`: `[module] -> [module, module.name]` (ImportError if missing)
    ImportFrom = 81, "u";
    /// `[module] -> []`: copy public names into the current namespace
    ImportStar = 82, "";
    /// `b flags` (FMT_*): `[value, spec?] -> [str]`
    FormatValue = 83, "b";
    /// `u n`: `[s1..sn] -> [s1+..+sn]`
    BuildString = 84, "u";
    /// `[] -> [AssertionError]` (the builtin, not a shadowing global)
    LoadAssertionError = 85, "";
    /// `[v] -> [v]`: print repr(v) if not None (interactive statements in the REPL)
    PrintExpr = 86, "";
    /// `[] -> [__class__ cell contents, first argument]` for zero-argument `super()`:
    /// `u slot` of the `__class__` free variable. The first argument is slot 0; if the method
    /// captures it in a closure, slot 0 holds a cell (MakeCell) and its contents are meant.
    LoadSuperArgs = 87, "u";
    /// `[x, seq] -> [x in seq]` fast path when comparing against a constant container is not needed
    /// (reserved; compilers should use CompareOp In).
    Reserved88 = 88, "";
    /// `[iterable] -> [list]` (used by `f(*a)` when a list must be built)
    BuildListFromIter = 89, "";
    /// `[dict, mapping] -> [dict]`: like `DictUpdate`, but a key already present raises
    /// TypeError (`f(**a, **b)` with a keyword in both).
    DictMerge = 90, "";
}

/// Append an unsigned LEB128 varint.
pub fn put_uint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Append a signed varint (zigzag, then LEB128).
pub fn put_sint(out: &mut Vec<u8>, v: i64) {
    let mut z = ((v << 1) ^ (v >> 63)) as u64;
    loop {
        let byte = (z & 0x7f) as u8;
        z >>= 7;
        if z == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Read an unsigned varint at `*pc`, advancing it. Truncated input reads as if padded with 0.
#[inline(always)]
pub fn get_uint(code: &[u8], pc: &mut usize) -> u32 {
    let mut v: u32 = 0;
    let mut shift = 0;
    while let Some(&b) = code.get(*pc) {
        *pc += 1;
        v |= ((b & 0x7f) as u32).wrapping_shl(shift);
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    v
}

/// Read a signed (zigzag) varint at `*pc`, advancing it.
#[inline(always)]
pub fn get_sint(code: &[u8], pc: &mut usize) -> i64 {
    let mut z: u64 = 0;
    let mut shift = 0u32;
    while let Some(&b) = code.get(*pc) {
        *pc += 1;
        z |= ((b & 0x7f) as u64).wrapping_shl(shift);
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    ((z >> 1) as i64) ^ -((z & 1) as i64)
}

/// Read a 2-byte jump target at `*pc`, advancing it.
#[inline(always)]
pub fn get_jump(code: &[u8], pc: &mut usize) -> usize {
    let lo = code.get(*pc).copied().unwrap_or(0) as usize;
    let hi = code.get(*pc + 1).copied().unwrap_or(0) as usize;
    *pc += 2;
    lo | (hi << 8)
}

/// The source line of the instruction at `offset`, from a line table (see [`RawCode::line_table`]).
pub fn line_for_offset(line_table: &[u8], first_line: u32, offset: usize) -> u32 {
    let mut pc = 0;
    let mut at = 0usize;
    let mut line = first_line as i64;
    while pc < line_table.len() {
        let d_off = get_uint(line_table, &mut pc) as usize;
        let d_line = get_sint(line_table, &mut pc);
        if at + d_off > offset {
            break;
        }
        at += d_off;
        line += d_line;
    }
    line.max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        for v in [0u32, 1, 127, 128, 300, 16383, 16384, u32::MAX] {
            let mut buf = Vec::new();
            put_uint(&mut buf, v);
            let mut pc = 0;
            assert_eq!(get_uint(&buf, &mut pc), v);
            assert_eq!(pc, buf.len());
        }
        for v in [0i64, 1, -1, 63, -64, 64, -65, i64::MAX, i64::MIN] {
            let mut buf = Vec::new();
            put_sint(&mut buf, v);
            let mut pc = 0;
            assert_eq!(get_sint(&buf, &mut pc), v);
            assert_eq!(pc, buf.len());
        }
    }

    #[test]
    fn opcodes_round_trip() {
        for b in 0..=255u8 {
            if let Some(op) = Op::from_u8(b) {
                assert_eq!(op as u8, b);
                assert!(op.operands().chars().all(|c| "usjb".contains(c)));
            }
        }
    }

    #[test]
    fn line_table_lookup() {
        let mut t = Vec::new();
        put_uint(&mut t, 0);
        put_sint(&mut t, 0);
        put_uint(&mut t, 5);
        put_sint(&mut t, 2);
        put_uint(&mut t, 3);
        put_sint(&mut t, -1);
        assert_eq!(line_for_offset(&t, 10, 0), 10);
        assert_eq!(line_for_offset(&t, 10, 4), 10);
        assert_eq!(line_for_offset(&t, 10, 5), 12);
        assert_eq!(line_for_offset(&t, 10, 8), 11);
        assert_eq!(line_for_offset(&t, 10, 100), 11);
    }
}
