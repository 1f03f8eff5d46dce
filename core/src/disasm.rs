//! Disassembler and bytecode verifier. The verifier's stack-depth analysis is also what the
//! compiler uses to compute `RawCode::stack_size`.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use crate::bytecode::*;

/// One decoded instruction.
struct Insn {
    op: Op,
    args: [i64; 2],
    /// Jump target for `j` operands.
    target: Option<usize>,
    next: usize,
}

fn decode(code: &[u8], pc: usize) -> Result<Insn, String> {
    let b = code[pc];
    let op = Op::from_u8(b).ok_or_else(|| format!("invalid opcode {} at {}", b, pc))?;
    let mut p = pc + 1;
    let mut args = [0i64; 2];
    let mut target = None;
    for (i, kind) in op.operands().chars().enumerate() {
        match kind {
            'u' | 's' => {
                // Varint must terminate inside the code.
                let start = p;
                loop {
                    let byte = *code
                        .get(p)
                        .ok_or_else(|| format!("truncated operand at {}", pc))?;
                    p += 1;
                    if byte & 0x80 == 0 {
                        break;
                    }
                    if p - start > 10 {
                        return Err(format!("overlong varint at {}", pc));
                    }
                }
                let mut q = start;
                args[i.min(1)] = if kind == 'u' {
                    get_uint(code, &mut q) as i64
                } else {
                    get_sint(code, &mut q)
                };
            }
            'j' => {
                if p + 2 > code.len() {
                    return Err(format!("truncated jump at {}", pc));
                }
                let t = get_jump(code, &mut p);
                target = Some(t);
                args[i.min(1)] = t as i64;
            }
            _ => {
                let byte = *code
                    .get(p)
                    .ok_or_else(|| format!("truncated operand at {}", pc))?;
                p += 1;
                args[i.min(1)] = byte as i64;
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

/// Stack behaviour: (items needed on entry, effect when falling through (None: no fallthrough),
/// effect when jumping).
fn effect(insn: &Insn) -> (i64, Option<i64>, i64) {
    use Op::*;
    let a = insn.args[0];
    let (need, fall): (i64, Option<i64>) = match insn.op {
        Nop | MakeCell => (0, Some(0)),
        LoadConst | LoadSmallInt | LoadNone | LoadTrue | LoadFalse | LoadFast | LoadDeref
        | LoadClosure | LoadGlobal | LoadName | LoadBuildClass | LoadAssertionError => (0, Some(1)),
        StoreFast | StoreDeref | StoreGlobal | StoreName | Pop => (1, Some(-1)),
        DeleteFast | DeleteDeref | DeleteGlobal | DeleteName => (0, Some(0)),
        LoadAttr | UnaryOp | GetIter | ListToTuple | GetAwaitable | GetAIter | YieldValue
        | PrintExpr | BuildListFromIter => (1, Some(0)),
        StoreAttr => (2, Some(-2)),
        DeleteAttr => (1, Some(-1)),
        LoadMethod => (1, Some(1)),
        LoadSubscr | BinaryOp | CompareOp | ListExtend | SetUpdate | DictUpdate | DictMerge
        | YieldFrom | Reserved88 => (2, Some(-1)),
        StoreSubscr => (3, Some(-3)),
        DeleteSubscr => (2, Some(-2)),
        Dup => (1, Some(1)),
        Dup2 => (2, Some(2)),
        Rot2 => (2, Some(0)),
        Rot3 => (3, Some(0)),
        Rot4 => (4, Some(0)),
        Jump => (0, None),
        PopJumpIfFalse | PopJumpIfTrue | JumpIfFalseOrPop | JumpIfTrueOrPop => (1, Some(-1)),
        ForIter => (1, Some(1)),
        BuildTuple | BuildList | BuildSet | BuildString => (a, Some(1 - a)),
        BuildMap => (2 * a, Some(1 - 2 * a)),
        BuildSlice => (a, Some(1 - a)),
        ListAppend | SetAdd => (a + 1, Some(-1)),
        MapAdd => (a + 2, Some(-2)),
        UnpackSequence => (1, Some(a - 1)),
        UnpackEx => (1, Some(insn.args[0] + insn.args[1])),
        MakeFunction => {
            let n = (a & 7).count_ones() as i64 + 1;
            (n, Some(1 - n))
        }
        CallFunction => (a + 1, Some(-a)),
        CallFunctionKw => (a + 2, Some(-a - 1)),
        CallFunctionEx => {
            let n = 2 + (a & 1);
            (n, Some(1 - n))
        }
        CallMethod => (a + 2, Some(-a - 1)),
        CallMethodKw => (a + 3, Some(-a - 2)),
        Return | Reraise => (1, None),
        Raise => (a, None),
        GetANext => (1, Some(1)),
        EndAsyncFor => (2, None),
        PushExcInfo => (1, Some(1)),
        PopExcept => (1, Some(-1)),
        CheckExcMatch => (2, Some(0)),
        BeforeWith | BeforeAsyncWith => (1, Some(1)),
        WithExitNormal => (1, Some(-1)),
        WithExitExc => (2, Some(1)),
        ImportName => (2, Some(-1)),
        ImportFrom => (1, Some(1)),
        ImportStar => (1, Some(-1)),
        FormatValue => {
            if a & (FMT_HAS_SPEC as i64) != 0 {
                (2, Some(-1))
            } else {
                (1, Some(0))
            }
        }
        LoadSuperArgs => (0, Some(2)),
    };
    let jump = match insn.op {
        Jump => 0,
        PopJumpIfFalse | PopJumpIfTrue => -1,
        JumpIfFalseOrPop | JumpIfTrueOrPop => 0,
        ForIter => -1,
        EndAsyncFor => -2,
        _ => 0,
    };
    (need, fall, jump)
}

fn check_operands(code: &RawCode, insn: &Insn, pc: usize) -> Result<(), String> {
    use Op::*;
    let a = insn.args[0];
    let bad = |what: &str| {
        Err(format!(
            "{} operand {} out of range at {} ({})",
            what,
            a,
            pc,
            insn.op.name()
        ))
    };
    match insn.op {
        LoadConst if a as usize >= code.consts.len() => bad("const"),
        LoadFast | StoreFast | DeleteFast | LoadDeref | StoreDeref | DeleteDeref | LoadClosure
        | MakeCell | LoadSuperArgs
            if a as usize >= code.n_locals as usize =>
        {
            bad("slot")
        }
        LoadGlobal | StoreGlobal | DeleteGlobal | LoadName | StoreName | DeleteName | LoadAttr
        | StoreAttr | DeleteAttr | LoadMethod | ImportName | ImportFrom
            if a as usize >= code.names.len() =>
        {
            bad("name")
        }
        BinaryOp => {
            let base = if a >= INPLACE_OFFSET as i64 {
                a - INPLACE_OFFSET as i64
            } else {
                a
            };
            if base >= BINOP_COUNT as i64 {
                bad("binop")
            } else {
                Ok(())
            }
        }
        UnaryOp if a > 3 => bad("unop"),
        CompareOp if a > 9 => bad("cmpop"),
        MakeFunction | FormatValue if a > 7 => bad("flags"),
        CallFunctionEx if a > 1 => bad("flags"),
        BuildSlice if !(2..=3).contains(&a) => bad("count"),
        Raise if a > 2 => bad("count"),
        _ => Ok(()),
    }
}

/// Verify one code object (not nested ones) and return its maximum stack depth.
fn analyze(code: &RawCode) -> Result<u16, String> {
    let bc = &code.bytecode;
    if bc.is_empty() {
        return Err(String::from("empty bytecode"));
    }
    if bc.len() > 0x10000 {
        return Err(String::from("bytecode larger than 64 KiB"));
    }
    // Linear decode: instruction boundaries and operand checks.
    let mut boundary = alloc::vec![false; bc.len() + 1];
    let mut pc = 0;
    while pc < bc.len() {
        boundary[pc] = true;
        let insn = decode(bc, pc)?;
        check_operands(code, &insn, pc)?;
        if let Some(t) = insn.target {
            if t >= bc.len() {
                return Err(format!("jump target {} out of range at {}", t, pc));
            }
        }
        pc = insn.next;
    }
    for e in &code.exc_table {
        let (s, en, h) = (e.start as usize, e.end as usize, e.handler as usize);
        if s >= en || en > bc.len() || h >= bc.len() {
            return Err(format!(
                "exception entry {} out of range",
                exc_entry_text(e)
            ));
        }
        if !boundary[s] || !boundary[en] || !boundary[h] {
            return Err(format!(
                "exception entry {} not on instruction boundaries",
                exc_entry_text(e)
            ));
        }
    }
    // Depth propagation over all paths.
    let mut depth: Vec<i32> = alloc::vec![-1; bc.len()];
    let mut work: Vec<(usize, i32)> = alloc::vec![(0, 0)];
    let mut max = 0i32;
    let set = |at: usize,
               d: i32,
               work: &mut Vec<(usize, i32)>,
               depth: &mut Vec<i32>|
     -> Result<(), String> {
        if at >= bc.len() {
            return Err(format!(
                "control flow falls off the end of the code (to {})",
                at
            ));
        }
        if !boundary[at] {
            return Err(format!("jump into the middle of an instruction at {}", at));
        }
        if depth[at] < 0 {
            depth[at] = d;
            work.push((at, d));
        } else if depth[at] != d {
            return Err(format!(
                "inconsistent stack depth at {}: {} vs {}",
                at, depth[at], d
            ));
        }
        Ok(())
    };
    depth[0] = 0;
    while let Some((pc, d)) = work.pop() {
        let insn = decode(bc, pc)?;
        let (need, fall, jump) = effect(&insn);
        if (d as i64) < need {
            return Err(format!(
                "stack underflow at {} ({}): depth {} needs {}",
                pc,
                insn.op.name(),
                d,
                need
            ));
        }
        if let Some(e) = code
            .exc_table
            .iter()
            .find(|e| (e.start as usize) <= pc && pc < e.end as usize)
        {
            if d < e.depth as i32 {
                return Err(format!(
                    "depth {} at {} below handler depth {}",
                    d, pc, e.depth
                ));
            }
            let hd = e.depth as i32 + 1;
            max = max.max(hd);
            set(e.handler as usize, hd, &mut work, &mut depth)?;
        }
        if let Some(f) = fall {
            let nd = d + f as i32;
            max = max.max(nd);
            // Peak inside the instruction (e.g. WithExitExc pushes after reading).
            max = max.max(d);
            set(insn.next, nd, &mut work, &mut depth)?;
        }
        if let Some(t) = insn.target {
            let nd = d + jump as i32;
            if nd < 0 {
                return Err(format!("negative stack depth at jump target {}", t));
            }
            max = max.max(nd);
            set(t, nd, &mut work, &mut depth)?;
        }
    }
    if max > u16::MAX as i32 {
        return Err(String::from("stack too deep"));
    }
    Ok(max as u16)
}

/// The maximum value-stack depth of `code` (not of nested code objects).
/// `start..end -> handler @depth`, for verifier errors (written out rather than `{:?}` so that
/// firmware does not carry `Debug` code for it).
fn exc_entry_text(e: &ExcEntry) -> String {
    format!("{}..{} -> {} @{}", e.start, e.end, e.handler, e.depth)
}

pub(crate) fn max_stack_depth(code: &RawCode) -> Result<u16, String> {
    analyze(code)
}

/// Check a code object and every nested one; see the crate docs for what is checked.
pub fn verify(code: &RawCode) -> Result<(), String> {
    let max = analyze(code).map_err(|e| format!("{}: {}", code.qualname, e))?;
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
