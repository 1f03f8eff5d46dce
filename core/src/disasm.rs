//! Disassembler and bytecode verifier. The verifier's stack-depth analysis is also what the
//! compiler uses to compute `RawCode::stack_size`.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use crate::bytecode::*;

/// A verifier finding: what is wrong and the bytecode offset where. Static text and a number,
/// formatted only when shown, so that the compiler's use of the stack-depth analysis links no
/// formatting code into firmware (the findings are internal errors: a compiler bug).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fault {
    pub what: &'static str,
    pub at: usize,
}

impl core::fmt::Display for Fault {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} at {}", self.what, self.at)
    }
}

fn fault<T>(what: &'static str, at: usize) -> Result<T, Fault> {
    Err(Fault { what, at })
}

/// Unsigned operands are clamped to this: no valid code comes near it, and it keeps the stack
/// arithmetic (`2 * a + 2` and the like) in `i32`, which is cheap on 32-bit targets.
const OPERAND_MAX: u32 = 1 << 24;

/// One decoded instruction.
struct Insn {
    op: Op,
    args: [i32; 2],
    /// Jump target for `j` operands.
    target: Option<usize>,
    next: usize,
}

/// [`Op::operands`] by opcode, up to two kinds, 0-padded: a table in flash rather than a
/// `match` in code.
static OPERAND_KINDS: [[u8; 2]; OP_LIMIT] = {
    let mut t = [[0; 2]; OP_LIMIT];
    let mut b = 0;
    while b < OP_LIMIT {
        if let Some(op) = Op::from_u8(b as u8) {
            let kinds = op.operands().as_bytes();
            assert!(kinds.len() <= 2, "an opcode with more than two operands");
            let mut k = 0;
            while k < kinds.len() {
                t[b][k] = kinds[k];
                k += 1;
            }
        }
        b += 1;
    }
    t
};

fn decode(code: &[u8], pc: usize) -> Result<Insn, Fault> {
    let Some(op) = Op::from_u8(code[pc]) else {
        return fault("invalid opcode", pc);
    };
    let mut p = pc + 1;
    let mut args = [0i32; 2];
    let mut target = None;
    for (i, &kind) in OPERAND_KINDS[op as usize].iter().enumerate() {
        match kind {
            0 => break,
            b'u' | b's' => {
                // Varint must terminate inside the code.
                let start = p;
                loop {
                    let Some(&byte) = code.get(p) else {
                        return fault("truncated operand", pc);
                    };
                    p += 1;
                    if byte & 0x80 == 0 {
                        break;
                    }
                    if p - start > 10 {
                        return fault("overlong varint", pc);
                    }
                }
                let mut q = start;
                let v = get_uint(code, &mut q);
                args[i.min(1)] = if kind == b'u' {
                    v.min(OPERAND_MAX) as i32
                } else {
                    // Zigzag in 32 bits: the compiler's `s` operands (`LoadSmallInt`) are
                    // within ±2^29; wider ones (hand-made code) show wrapped.
                    ((v >> 1) as i32) ^ -((v & 1) as i32)
                };
            }
            b'j' => {
                if p + 2 > code.len() {
                    return fault("truncated jump", pc);
                }
                let t = get_jump(code, &mut p);
                target = Some(t);
                args[i.min(1)] = t as i32;
            }
            _ => {
                let Some(&byte) = code.get(p) else {
                    return fault("truncated operand", pc);
                };
                p += 1;
                args[i.min(1)] = byte.into();
            }
        }
    }
    Ok(Insn {
        op,
        args,
        target,
        next: p,
    })
}

/// `fall` of an operation without fallthrough in [`lin`].
const NO_FALL: i32 = -8;

/// A stack behaviour linear in the first operand `a`: `n0 + na * a` items needed on entry,
/// `f0 + fa * a` the effect when falling through (`f0` [`NO_FALL`]: none). Packed in four
/// nibbles (`f0` and `fa` biased by 8).
const fn lin(n0: i32, na: i32, f0: i32, fa: i32) -> u16 {
    (n0 | na << 4 | (f0 + 8) << 8 | (fa + 8) << 12) as u16
}

const fn linear_effect(op: Op) -> u16 {
    use Op::*;
    match op {
        Nop | MakeCell => lin(0, 0, 0, 0),
        LoadConst | LoadSmallInt | LoadNone | LoadTrue | LoadFalse | LoadFast | LoadDeref
        | LoadClosure | LoadGlobal | LoadName | LoadBuildClass | LoadAssertionError => {
            lin(0, 0, 1, 0)
        }
        StoreFast | StoreDeref | StoreGlobal | StoreName | Pop => lin(1, 0, -1, 0),
        DeleteFast | DeleteDeref | DeleteGlobal | DeleteName => lin(0, 0, 0, 0),
        LoadAttr | UnaryOp | GetIter | ListToTuple | GetAwaitable | GetAIter | YieldValue
        | PrintExpr | BuildListFromIter => lin(1, 0, 0, 0),
        StoreAttr => lin(2, 0, -2, 0),
        DeleteAttr => lin(1, 0, -1, 0),
        LoadMethod => lin(1, 0, 1, 0),
        LoadSubscr | BinaryOp | CompareOp | ListExtend | SetUpdate | DictUpdate | DictMerge
        | YieldFrom | Reserved88 => lin(2, 0, -1, 0),
        StoreSubscr => lin(3, 0, -3, 0),
        DeleteSubscr => lin(2, 0, -2, 0),
        Dup => lin(1, 0, 1, 0),
        Dup2 => lin(2, 0, 2, 0),
        Rot2 => lin(2, 0, 0, 0),
        Rot3 => lin(3, 0, 0, 0),
        Rot4 => lin(4, 0, 0, 0),
        Jump => lin(0, 0, NO_FALL, 0),
        PopJumpIfFalse | PopJumpIfTrue | JumpIfFalseOrPop | JumpIfTrueOrPop => lin(1, 0, -1, 0),
        ForIter => lin(1, 0, 1, 0),
        BuildTuple | BuildList | BuildSet | BuildString | BuildSlice => lin(0, 1, 1, -1),
        BuildMap => lin(0, 2, 1, -2),
        ListAppend | SetAdd => lin(1, 1, -1, 0),
        MapAdd => lin(2, 1, -2, 0),
        UnpackSequence => lin(1, 0, -1, 1),
        CallFunction => lin(1, 1, 0, -1),
        CallFunctionKw | CallMethod => lin(2, 1, -1, -1),
        CallMethodKw => lin(3, 1, -2, -1),
        // Computed in `effect`.
        UnpackEx | MakeFunction | CallFunctionEx | FormatValue => 0,
        Return | Reraise => lin(1, 0, NO_FALL, 0),
        Raise => lin(0, 1, NO_FALL, 0),
        GetANext => lin(1, 0, 1, 0),
        EndAsyncFor => lin(2, 0, NO_FALL, 0),
        PushExcInfo => lin(1, 0, 1, 0),
        PopExcept => lin(1, 0, -1, 0),
        CheckExcMatch => lin(2, 0, 0, 0),
        BeforeWith | BeforeAsyncWith => lin(1, 0, 1, 0),
        WithExitNormal => lin(1, 0, -1, 0),
        WithExitExc => lin(2, 0, 1, 0),
        ImportName => lin(2, 0, -1, 0),
        ImportFrom => lin(1, 0, 1, 0),
        ImportStar => lin(1, 0, -1, 0),
        LoadSuperArgs => lin(0, 0, 2, 0),
    }
}

/// Opcodes are below this.
const OP_LIMIT: usize = {
    let mut limit = 0;
    let mut b = 0;
    while b < 256 {
        if Op::from_u8(b as u8).is_some() {
            limit = b + 1;
        }
        b += 1;
    }
    limit
};

/// [`linear_effect`] by opcode: a table in flash rather than a `match` in code.
static LINEAR_EFFECTS: [u16; OP_LIMIT] = {
    let mut t = [0; OP_LIMIT];
    let mut b = 0;
    while b < OP_LIMIT {
        if let Some(op) = Op::from_u8(b as u8) {
            t[b] = linear_effect(op);
        }
        b += 1;
    }
    t
};

/// Stack behaviour: (items needed on entry, effect when falling through (None: no fallthrough),
/// effect when jumping).
fn effect(insn: &Insn) -> (i32, Option<i32>, i32) {
    use Op::*;
    let a = insn.args[0];
    let (need, fall) = match insn.op {
        UnpackEx => (1, Some(insn.args[0] + insn.args[1])),
        MakeFunction | CallFunctionEx => {
            let n = match insn.op {
                // One item per MKFN_* flag set, and the code object.
                MakeFunction => [1, 2, 2, 3, 2, 3, 3, 4][(a & 7) as usize],
                _ => 2 + (a & 1),
            };
            (n, Some(1 - n))
        }
        FormatValue if a & (FMT_HAS_SPEC as i32) != 0 => (2, Some(-1)),
        FormatValue => (1, Some(0)),
        op => {
            let e = LINEAR_EFFECTS[op as usize] as i32;
            let nib = |k: i32| (e >> (4 * k)) & 15;
            let fall = match nib(2) - 8 {
                NO_FALL => None,
                f0 => Some(f0 + (nib(3) - 8) * a),
            };
            (nib(0) + nib(1) * a, fall)
        }
    };
    let jump = match insn.op {
        PopJumpIfFalse | PopJumpIfTrue | ForIter => -1,
        EndAsyncFor => -2,
        _ => 0,
    };
    (need, fall, jump)
}

fn check_operands(code: &RawCode, insn: &Insn, pc: usize) -> Result<(), Fault> {
    use Op::*;
    let a = insn.args[0];
    let bad = |what: &'static str| fault(what, pc);
    match insn.op {
        LoadConst if a as usize >= code.consts.len() => bad("const operand out of range"),
        LoadFast | StoreFast | DeleteFast | LoadDeref | StoreDeref | DeleteDeref | LoadClosure
        | MakeCell | LoadSuperArgs
            if a as usize >= code.n_locals as usize =>
        {
            bad("slot operand out of range")
        }
        LoadGlobal | StoreGlobal | DeleteGlobal | LoadName | StoreName | DeleteName | LoadAttr
        | StoreAttr | DeleteAttr | LoadMethod | ImportName | ImportFrom
            if a as usize >= code.names.len() =>
        {
            bad("name operand out of range")
        }
        BinaryOp => {
            let base = if a >= INPLACE_OFFSET as i32 {
                a - INPLACE_OFFSET as i32
            } else {
                a
            };
            if base >= BINOP_COUNT as i32 {
                bad("binop operand out of range")
            } else {
                Ok(())
            }
        }
        UnaryOp if a > 3 => bad("unop operand out of range"),
        CompareOp if a > 9 => bad("cmpop operand out of range"),
        MakeFunction | FormatValue if a > 7 => bad("flags operand out of range"),
        CallFunctionEx if a > 1 => bad("flags operand out of range"),
        BuildSlice if !(2..=3).contains(&a) => bad("count operand out of range"),
        Raise if a > 2 => bad("count operand out of range"),
        _ => Ok(()),
    }
}

/// The structural checks of [`verify`] on one code object (not nested ones): every
/// instruction decodes, operands are in range, jump targets and exception entries land on
/// instruction boundaries. The compiler's own code passes them by construction, so they stay
/// out of [`max_stack_depth`] (and out of firmware, which links only that).
fn check_structure(code: &RawCode) -> Result<(), Fault> {
    let bc = &code.bytecode;
    let mut boundary = alloc::vec![false; bc.len() + 1];
    let mut targets = Vec::new();
    let mut pc = 0;
    while pc < bc.len() {
        boundary[pc] = true;
        let insn = decode(bc, pc)?;
        check_operands(code, &insn, pc)?;
        if let Some(t) = insn.target {
            if t >= bc.len() {
                return fault("jump target out of range", pc);
            }
            targets.push(t);
        }
        pc = insn.next;
    }
    if let Some(&t) = targets.iter().find(|&&t| !boundary[t]) {
        return fault("jump into the middle of an instruction", t);
    }
    for e in &code.exc_table {
        let (s, en, h) = (e.start as usize, e.end as usize, e.handler as usize);
        if s >= en || en > bc.len() || h >= bc.len() {
            return fault("exception entry out of range", s);
        }
        if !boundary[s] || !boundary[en] || !boundary[h] {
            return fault("exception entry not on instruction boundaries", s);
        }
    }
    Ok(())
}

/// The maximum value-stack depth of `code` (not of nested code objects), by propagating the
/// depth over all paths; a path that underflows, falls off the end or reaches an instruction
/// with two different depths is a fault.
pub(crate) fn max_stack_depth(code: &RawCode) -> Result<u16, Fault> {
    let bc = &code.bytecode;
    if bc.is_empty() {
        return fault("empty bytecode", 0);
    }
    if bc.len() > 0x10000 {
        return fault("bytecode larger than 64 KiB", 0);
    }
    // The depth at each instruction reached (-1: not yet); the instructions to go on from.
    let mut depth: Vec<i32> = alloc::vec![-1; bc.len()];
    let mut work: Vec<usize> = alloc::vec![0];
    let mut max = 0i32;
    let set =
        |at: usize, d: i32, work: &mut Vec<usize>, depth: &mut Vec<i32>| -> Result<(), Fault> {
            if at >= bc.len() {
                return fault("control flow falls off the end of the code", at);
            }
            if depth[at] < 0 {
                depth[at] = d;
                work.push(at);
            } else if depth[at] != d {
                return fault("inconsistent stack depth", at);
            }
            Ok(())
        };
    depth[0] = 0;
    while let Some(pc) = work.pop() {
        let d = depth[pc];
        let insn = decode(bc, pc)?;
        let (need, fall, jump) = effect(&insn);
        if d < need {
            return fault("stack underflow", pc);
        }
        if let Some(e) = code
            .exc_table
            .iter()
            .find(|e| (e.start as usize) <= pc && pc < e.end as usize)
        {
            if d < e.depth as i32 {
                return fault("stack depth below handler depth", pc);
            }
            let hd = e.depth as i32 + 1;
            max = max.max(hd);
            set(e.handler as usize, hd, &mut work, &mut depth)?;
        }
        if let Some(f) = fall {
            let nd = d + f;
            max = max.max(nd);
            // Peak inside the instruction (e.g. WithExitExc pushes after reading).
            max = max.max(d);
            set(insn.next, nd, &mut work, &mut depth)?;
        }
        if let Some(t) = insn.target {
            let nd = d + jump;
            if nd < 0 {
                return fault("negative stack depth at jump target", t);
            }
            max = max.max(nd);
            set(t, nd, &mut work, &mut depth)?;
        }
    }
    if max > u16::MAX as i32 {
        return fault("stack too deep", 0);
    }
    Ok(max as u16)
}

/// Check a code object and every nested one; see the crate docs for what is checked.
pub fn verify(code: &RawCode) -> Result<(), String> {
    let max = check_structure(code)
        .and_then(|()| max_stack_depth(code))
        .map_err(|e| format!("{}: {}", code.qualname, e))?;
    if max > code.stack_size {
        return Err(format!(
            "{}: stack depth {} exceeds stack_size {}",
            code.qualname, max, code.stack_size
        ));
    }
    if code.local_names.len() != code.n_locals as usize {
        return Err(format!(
            "{}: local_names does not match n_locals",
            code.qualname
        ));
    }
    let params = code.n_pos as usize
        + code.n_kwonly as usize
        + (code.flags & FLAG_VARARGS != 0) as usize
        + (code.flags & FLAG_VARKW != 0) as usize;
    if params + code.n_free as usize > code.n_locals as usize {
        return Err(format!(
            "{}: parameters and free variables exceed n_locals",
            code.qualname
        ));
    }
    // The line table must decode.
    let mut pc = 0;
    while pc < code.line_table.len() {
        get_uint(&code.line_table, &mut pc);
        if pc >= code.line_table.len() {
            return Err(format!("{}: truncated line table", code.qualname));
        }
        get_sint(&code.line_table, &mut pc);
    }
    for c in &code.consts {
        verify_const(c)?;
    }
    Ok(())
}

fn verify_const(c: &Const) -> Result<(), String> {
    match c {
        Const::Code(inner) => verify(inner),
        Const::Tuple(items) => items.iter().try_for_each(verify_const),
        _ => Ok(()),
    }
}

fn const_repr(c: &Const) -> String {
    match c {
        Const::Int(i) => format!("{}", i),
        Const::BigInt(s) => s.clone(),
        Const::Float(f) => format!("{:?}", f),
        Const::Complex(f) => format!("{:?}j", f),
        Const::Str(s) => format!("{:?}", s),
        Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Const::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Const::Code(c) => format!("<code {}>", c.qualname),
        Const::None => String::from("None"),
        Const::True => String::from("True"),
        Const::False => String::from("False"),
        Const::Ellipsis => String::from("Ellipsis"),
    }
}

/// The instructions of one code object, one per line: `offset OpName operands (annotation)`.
pub fn disassemble_insns(code: &RawCode) -> String {
    let mut out = String::new();
    let bc = &code.bytecode;
    let mut pc = 0;
    while pc < bc.len() {
        let insn = match decode(bc, pc) {
            Ok(i) => i,
            Err(e) => {
                let _ = writeln!(out, "  <{}>", e);
                break;
            }
        };
        let _ = write!(out, "{:5} {}", pc, insn.op.name());
        let ops = insn.op.operands();
        if ops.len() == 1 {
            let _ = write!(out, " {}", insn.args[0]);
        } else if ops.len() == 2 {
            let _ = write!(out, " {} {}", insn.args[0], insn.args[1]);
        }
        let a = insn.args[0] as usize;
        use Op::*;
        let note = match insn.op {
            LoadConst => code.consts.get(a).map(const_repr),
            LoadFast | StoreFast | DeleteFast | LoadDeref | StoreDeref | DeleteDeref
            | LoadClosure | MakeCell | LoadSuperArgs => code.local_names.get(a).cloned(),
            LoadGlobal | StoreGlobal | DeleteGlobal | LoadName | StoreName | DeleteName
            | LoadAttr | StoreAttr | DeleteAttr | LoadMethod | ImportName | ImportFrom => {
                code.names.get(a).cloned()
            }
            BinaryOp => {
                let inplace = a >= INPLACE_OFFSET as usize;
                BinOp::from_u8((a % INPLACE_OFFSET as usize) as u8)
                    .map(|o| format!("{}{:?}", if inplace { "inplace " } else { "" }, o))
            }
            CompareOp => {
                const N: [&str; 10] = [
                    "<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not",
                ];
                N.get(a).map(|s| String::from(*s))
            }
            UnaryOp => ["-", "+", "~", "not"].get(a).map(|s| String::from(*s)),
            _ => None,
        };
        if let Some(n) = note {
            let _ = write!(out, " ({})", n);
        }
        out.push('\n');
        pc = insn.next;
    }
    out
}

/// Human-readable listing of `code` and, recursively, its nested code objects.
pub fn disassemble(code: &RawCode) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "code {} ({}) {}:{} flags=0x{:x} pos={} kwonly={} locals={} free={} stack={}",
        code.name,
        code.qualname,
        code.filename,
        code.first_line,
        code.flags,
        code.n_pos,
        code.n_kwonly,
        code.n_locals,
        code.n_free,
        code.stack_size
    );
    if !code.local_names.is_empty() {
        let _ = writeln!(out, "  locals: {}", code.local_names.join(", "));
    }
    out.push_str(&disassemble_insns(code));
    // Line table as `offset:line` pairs.
    let mut lines = format!("  lines: 0:{}", code.first_line);
    let (mut pc, mut off, mut line) = (0, 0u32, code.first_line as i64);
    while pc < code.line_table.len() {
        off = off.wrapping_add(get_uint(&code.line_table, &mut pc));
        line += get_sint(&code.line_table, &mut pc);
        let _ = write!(lines, " {}:{}", off, line);
    }
    out.push_str(&lines);
    out.push('\n');
    for e in &code.exc_table {
        let _ = writeln!(
            out,
            "  exc {}..{} -> {} depth {}",
            e.start, e.end, e.handler, e.depth
        );
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            out.push_str(&disassemble(inner));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(bc: &[u8], stack: u16) -> RawCode {
        RawCode {
            name: String::from("t"),
            qualname: String::from("t"),
            bytecode: bc.to_vec(),
            stack_size: stack,
            consts: alloc::vec![Const::Int(1)],
            names: alloc::vec![String::from("x")],
            ..RawCode::default()
        }
    }

    const LNONE: u8 = Op::LoadNone as u8;
    const RET: u8 = Op::Return as u8;
    const POP: u8 = Op::Pop as u8;
    const JMP: u8 = Op::Jump as u8;
    const PJF: u8 = Op::PopJumpIfFalse as u8;

    #[test]
    fn accepts_valid_code() {
        let c = code(&[LNONE, PJF, 4, 0, LNONE, RET], 1);
        assert_eq!(max_stack_depth(&c), Ok(1));
        verify(&c).unwrap();
        assert!(disassemble(&c).contains("PopJumpIfFalse 4"));
    }

    #[test]
    fn rejects_bad_code() {
        let cases: &[(&[u8], u16, &str)] = &[
            (&[250], 1, "invalid opcode"),
            (&[Op::LoadConst as u8, 5, RET], 1, "const operand"),
            (&[Op::LoadGlobal as u8, 3, RET], 1, "name operand"),
            (&[Op::LoadFast as u8, 0, RET], 1, "slot operand"),
            (&[Op::LoadConst as u8], 1, "truncated"),
            (&[JMP, 9, 0], 1, "out of range"),
            (&[JMP, 2, 0], 1, "middle of an instruction"),
            (&[POP, LNONE, RET], 1, "stack underflow"),
            (&[LNONE], 1, "falls off the end"),
            (
                &[LNONE, PJF, 5, 0, LNONE, LNONE, RET],
                2,
                "inconsistent stack depth",
            ),
            (&[LNONE, LNONE, POP, RET], 1, "exceeds stack_size"),
            (&[Op::BinaryOp as u8, 40, RET], 3, "binop"),
        ];
        for (bc, stack, msg) in cases {
            let e = verify(&code(bc, *stack)).unwrap_err();
            assert!(e.contains(msg), "{:?}: expected {:?}, got {:?}", bc, msg, e);
        }
        let mut c = code(&[LNONE, RET], 1);
        c.exc_table.push(ExcEntry {
            start: 0,
            end: 5,
            handler: 0,
            depth: 0,
        });
        assert!(verify(&c).unwrap_err().contains("out of range"));
        let mut c = code(&[LNONE, RET, RET], 2);
        c.exc_table.push(ExcEntry {
            start: 0,
            end: 1,
            handler: 2,
            depth: 1,
        });
        assert!(verify(&c).unwrap_err().contains("below handler depth"));
        let mut c = code(&[LNONE, RET], 1);
        c.n_locals = 1;
        assert!(verify(&c).unwrap_err().contains("local_names"));
        // Nested code objects are verified too.
        let mut outer = code(&[LNONE, RET], 1);
        outer
            .consts
            .push(Const::Code(alloc::boxed::Box::new(code(&[POP, RET], 1))));
        assert!(verify(&outer).unwrap_err().contains("stack underflow"));
    }
}
