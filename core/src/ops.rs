//! Operations on values: truth, equality, hashing, ordering, arithmetic dispatch, repr/str,
//! subscripts, length, membership and iteration. Builtin types are handled by `Kind`; Python
//! classes through their special methods (`attr::call_special`).

use crate::attr::{call_special, lookup_special};
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::obj::list::{self, list_items, new_list, new_tuple, tuple_items};
use crate::obj::map::{self, map_len};
#[cfg(any(feature = "bigint", feature = "float"))]
use crate::obj::num::to_big;
use crate::obj::num::{self, small_of};
#[cfg(feature = "float")]
use crate::obj::num::{float_of, is_float};
use crate::obj::string::{self, str_of};
use crate::obj::{kind_of, type_of, Kind};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;
use message::type_error_of;

pub(crate) mod message;

// ---- truth ----

pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v == Value::TRUE {
        return Ok(true);
    }
    if v == Value::FALSE || v == Value::NONE {
        return Ok(false);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if let Some(qs) = v.as_qstr() {
        return Ok(!vm.qstr_str(qs).is_empty());
    }
    if !v.is_obj() {
        return Ok(true);
    }
    Ok(match kind_of(v) {
        #[cfg(feature = "float")]
        Kind::Float => float_of(v) != 0.0,
        #[cfg(feature = "complex")]
        Kind::Complex => crate::obj::complex::is_nonzero(v),
        // Builtin big ints are never zero; int-subclass instances may be.
        Kind::Int => small_of(v) != Some(0),
        Kind::Str => string::char_len(vm, v) > 0,
        Kind::Bytes | Kind::ByteArray | Kind::MemoryView => {
            !string::bytes_of(v).unwrap_or(&[]).is_empty()
        }
        Kind::List => list::list_len(v) > 0,
        Kind::Tuple => !tuple_items(v).is_empty(),
        Kind::Dict | Kind::Set | Kind::FrozenSet => map_len(v) > 0,
        Kind::Range => !crate::obj::misc::range_ref(v).is_empty(),
        Kind::DictView => map_len(crate::obj::iter::view_parts(v).0) > 0,
        Kind::Object | Kind::Exception if type_of(v).is_heap() => {
            if let Some(r) = call_special(vm, v, q::__bool__, &[])? {
                if !r.is_bool() {
                    return Err(vm.type_error("__bool__ should return bool"));
                }
                return Ok(r == Value::TRUE);
            }
            if let Some(r) = call_special(vm, v, q::__len__, &[])? {
                return Ok(to_index(vm, r)? != 0);
            }
            true
        }
        _ => true,
    })
}

// ---- conversions ----

/// An int argument used as an index or count (`__index__`).
pub fn to_index(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if let Some(i) = small_of(v) {
        return Ok(i as isize);
    }
    #[cfg(feature = "bigint")]
    if let Some(b) = to_big(v) {
        return match b.to_i64() {
            Some(i) if i >= isize::MIN as i64 && i <= isize::MAX as i64 => Ok(i as isize),
            _ => Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
        };
    }
    if v.is_obj() && type_of(v).is_heap() {
        if let Some(r) = call_special(vm, v, q::__index__, &[])? {
            return to_index(vm, r);
        }
    }
    Err(type_error_of(
        vm,
        "'",
        v,
        "' object cannot be interpreted as an integer",
    ))
}

/// An optional size argument `args.pos[i]` (of read, readline, ...): None or negative means
/// "no limit".
pub fn size_arg(vm: &mut Vm, args: &crate::obj::Args, i: usize) -> PyResult<Option<usize>> {
    match args.pos.get(i) {
        Some(v) if !v.is_none() => {
            let n = to_index(vm, *v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        _ => Ok(None),
    }
}

// ---- equality and hashing ----

pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        // Identity implies equality except for NaN floats.
        #[cfg(feature = "float")]
        return Ok(!(is_float(a) && float_of(a).is_nan()));
        #[cfg(not(feature = "float"))]
        return Ok(true);
    }
    let r = compare(vm, CmpOp::Eq, a, b)?;
    truthy(vm, r)
}

pub fn hash(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if let Some(i) = v.as_small_int() {
        return Ok(crate::intword::hash_i64(i as i64) as usize);
    }
    if let Some(qs) = v.as_qstr() {
        return Ok(vm.qstrs.hash(qs));
    }
    if v.is_immediate() {
        return Ok(match v {
            Value::TRUE => 1,
            Value::FALSE => 0,
            _ => v.raw() >> 3,
        });
    }
    match kind_of(v) {
        Kind::Str | Kind::Bytes => Ok(string::str_hash(vm, v)),
        Kind::Int => Ok(num::int_hash(v) as usize),
        #[cfg(feature = "float")]
        Kind::Float => Ok(crate::numfmt::hash_f64(float_of(v)) as usize),
        #[cfg(feature = "complex")]
        Kind::Complex => Ok(crate::obj::complex::hash(v) as usize),
        Kind::Tuple | Kind::FrozenSet => {
            let mut h: usize = 0x345678;
            if kind_of(v) == Kind::Tuple {
                for &x in tuple_items(v) {
                    h = (h ^ hash(vm, x)?).wrapping_mul(1000003);
                }
            } else {
                let mut pos = 0;
                while let Some(e) = map::next_entry(v, &mut pos) {
                    h ^= e.hash.wrapping_mul(0x9e3779b9);
                }
            }
            Ok(h)
        }
        Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray => {
            Err(type_error_of(vm, "unhashable type: '", v, "'"))
        }
        _ if type_of(v).is_heap() => {
            let t = type_of(v);
            if let Some(h) = crate::attr::class_lookup(vm, t, q::__hash__) {
                if h.is_none() {
                    return Err(type_error_of(vm, "unhashable type: '", v, "'"));
                }
                if crate::obj::kind_of(h) == Kind::Function {
                    let r = crate::call::call(vm, h, &[v], &[])?;
                    return Ok(to_index(vm, r)? as usize);
                }
            }
            Ok(v.raw() >> 4)
        }
        _ => Ok(v.raw() >> 4),
    }
}

// ---- comparison ----

fn reflected(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

fn cmp_method(op: CmpOp) -> Qstr {
    match op {
        CmpOp::Lt => q::__lt__,
        CmpOp::Le => q::__le__,
        CmpOp::Eq => q::__eq__,
        CmpOp::Ne => q::__ne__,
        CmpOp::Gt => q::__gt__,
        _ => q::__ge__,
    }
}

fn ord_result(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

/// A dict keys or items view as a new set (they are set-like: `d.keys() & other`); other values
/// as they are; a values view is not set-like (None).
fn view_as_set(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if !crate::obj::iter::is_view(v) {
        return Ok(Some(v));
    }
    if !is_set_like_view(v) {
        return Ok(None);
    }
    iterable_as_set(vm, v).map(Some)
}

/// A dict keys or items view (not a values view): they behave as sets.
fn is_set_like_view(v: Value) -> bool {
    crate::obj::iter::is_view(v) && crate::obj::iter::view_parts(v).1 != 1
}

/// `v` itself if it is a set or frozenset, else a new set of its items (any iterable).
fn iterable_as_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if map::is_set_like(v) {
        return Ok(v);
    }
    let s = map::new_set(vm)?;
    set_update(vm, s, v)?;
    Ok(s)
}

/// Native ordering of two builtin values, if their types define one.
fn native_cmp(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        return Ok(Some(ord_result(op, x.cmp(&y))));
    }
    #[cfg(feature = "complex")]
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        if let Some(same) = crate::obj::complex::num_eq(a, b) {
            return Ok(Some(same == (op == CmpOp::Eq)));
        }
    }
    let (ka, kb) = (numeric_kind(a), numeric_kind(b));
    if ka == 1 && kb == 1 {
        let o = num::int_cmp(a, b).unwrap_or(Ordering::Equal);
        return Ok(Some(ord_result(op, o)));
    }
    // float involved
    #[cfg(feature = "float")]
    if ka != 0 && kb != 0 {
        let r = if ka == 2 && kb == 2 {
            float_of(a).partial_cmp(&float_of(b))
        } else if ka == 2 {
            to_big(b)
                .unwrap_or_default()
                .cmp_f64(float_of(a))
                .map(Ordering::reverse)
        } else {
            to_big(a).unwrap_or_default().cmp_f64(float_of(b))
        };
        return Ok(Some(match r {
            Some(o) => ord_result(op, o),
            None => op == CmpOp::Ne, // NaN
        }));
    }
    if let (Some(x), Some(y)) = (str_of(vm, a), str_of(vm, b)) {
        return Ok(Some(ord_result(op, x.cmp(y))));
    }
    if !(a.is_obj() && b.is_obj()) {
        return Ok(None);
    }
    let (ka, kb) = (kind_of(a), kind_of(b));
    let is_bytes = |k| matches!(k, Kind::Bytes | Kind::ByteArray);
    if is_bytes(ka) && is_bytes(kb) {
        let (x, y) = (
            string::bytes_of(a).unwrap_or(&[]),
            string::bytes_of(b).unwrap_or(&[]),
        );
        return Ok(Some(ord_result(op, x.cmp(y))));
    }
    if (ka == Kind::List && kb == Kind::List) || (ka == Kind::Tuple && kb == Kind::Tuple) {
        return seq_cmp(vm, op, a, b).map(Some);
    }
    let is_map = |k| matches!(k, Kind::Set | Kind::FrozenSet);
    if ka == Kind::DictView || kb == Kind::DictView {
        // keys and items views compare as the sets they show (`d.keys() == {1, 2}`).
        let (sa, sb) = (view_as_set(vm, a)?, view_as_set(vm, b)?);
        return match (sa, sb) {
            (Some(x), Some(y)) if is_map(kind_of(x)) && is_map(kind_of(y)) => {
                native_cmp(vm, op, x, y)
            }
            _ => Ok(None),
        };
    }
    if is_map(ka) && is_map(kb) {
        let r = match op {
            CmpOp::Eq | CmpOp::Ne => {
                let same = map_len(a) == map_len(b) && set_is_subset(vm, a, b)?;
                same == (op == CmpOp::Eq)
            }
            CmpOp::Le => set_is_subset(vm, a, b)?,
            CmpOp::Ge => set_is_subset(vm, b, a)?,
            CmpOp::Lt => map_len(a) < map_len(b) && set_is_subset(vm, a, b)?,
            CmpOp::Gt => map_len(a) > map_len(b) && set_is_subset(vm, b, a)?,
            _ => false,
        };
        return Ok(Some(r));
    }
    // Dicts, ranges and slices have equality only.
    if ka != kb || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(None);
    }
    let same = match ka {
        Kind::Dict => {
            let mut same = map_len(a) == map_len(b);
            let mut pos = 0;
            while same {
                let Some(e) = map::next_entry(a, &mut pos) else {
                    break;
                };
                match map::map_get(vm, b, e.key)? {
                    Some(v) => same = eq(vm, e.value, v)?,
                    None => same = false,
                }
            }
            same
        }
        Kind::Range => {
            let (x, y) = (
                crate::obj::misc::range_ref(a),
                crate::obj::misc::range_ref(b),
            );
            x.len() == y.len()
                && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)))
        }
        Kind::Slice => {
            // Slices compare as (start, stop, step) tuples.
            let (x, y) = (
                crate::obj::misc::slice_ref(a),
                crate::obj::misc::slice_ref(b),
            );
            let mut same = true;
            for (p, q) in [(x.start, y.start), (x.stop, y.stop), (x.step, y.step)] {
                if !eq(vm, p, q)? {
                    same = false;
                    break;
                }
            }
            same
        }
        _ => return Ok(None),
    };
    Ok(Some(same == (op == CmpOp::Eq)))
}

/// 0: not a number, 1: int (incl. bool), 2: float.
fn numeric_kind(v: Value) -> u8 {
    if v.is_small_int() || v.is_bool() {
        1
    } else if v.is_obj() {
        match kind_of(v) {
            Kind::Int => 1,
            #[cfg(feature = "float")]
            Kind::Float => 2,
            _ => 0,
        }
    } else {
        0
    }
}

fn seq_cmp(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
    let items = |v| list::seq_items(v).unwrap_or(&[]);
    let mut i = 0;
    loop {
        let (x, y) = (items(a).get(i).copied(), items(b).get(i).copied());
        match (x, y) {
            (Some(x), Some(y)) => {
                if !eq(vm, x, y)? {
                    if op == CmpOp::Eq {
                        return Ok(false);
                    }
                    if op == CmpOp::Ne {
                        return Ok(true);
                    }
                    let r = compare(vm, op, x, y)?;
                    return truthy(vm, r);
                }
            }
            _ => {
                let (la, lb) = (items(a).len(), items(b).len());
                return Ok(ord_result(op, la.cmp(&lb)));
            }
        }
        i += 1;
    }
}

pub fn compare(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
    match op {
        CmpOp::Is => return Ok(Value::from_bool(a == b)),
        CmpOp::IsNot => return Ok(Value::from_bool(a != b)),
        CmpOp::In => return Ok(Value::from_bool(contains(vm, b, a)?)),
        CmpOp::NotIn => return Ok(Value::from_bool(!contains(vm, b, a)?)),
        _ => {}
    }
    let a_heap = a.is_obj() && type_of(a).is_heap();
    let b_heap = b.is_obj() && type_of(b).is_heap();
    if !a_heap && !b_heap {
        if let Some(r) = native_cmp(vm, op, a, b)? {
            return Ok(Value::from_bool(r));
        }
    } else {
        // Reflected first if b's type is a subclass of a's (CPython rule), else a first.
        let b_first = b_heap
            && crate::obj::is_subtype(type_of(b), type_of(a))
            && !core::ptr::eq(type_of(a), type_of(b));
        let order: [(Value, Value, CmpOp); 2] = if b_first {
            [(b, a, reflected(op)), (a, b, op)]
        } else {
            [(a, b, op), (b, a, reflected(op))]
        };
        for (x, y, o) in order {
            if x.is_obj() && type_of(x).is_heap() {
                if let Some(r) = call_special(vm, x, cmp_method(o), &[y])? {
                    if r != Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(r) = native_cmp(vm, op, a, b)? {
            return Ok(Value::from_bool(r));
        }
        if op == CmpOp::Ne {
            if let Some(r) = call_special(vm, a, q::__eq__, &[b])? {
                if r != Value::NOT_IMPLEMENTED {
                    let t = truthy(vm, r)?;
                    return Ok(Value::from_bool(!t));
                }
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::from_bool(a == b)),
        CmpOp::Ne => Ok(Value::from_bool(a != b)),
        _ => Err(unorderable_error(vm, op, a, b)),
    }
}

/// TypeError "'<' not supported between instances of 'A' and 'B'".
#[cold]
#[inline(never)]
fn unorderable_error(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> crate::vm::PyErr {
    let sym = match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        _ => ">=",
    };
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    let between = "' not supported between instances of '";
    message::type_error(vm, &["'", between, "' and '", "'"], &[sym, ta, tb])
}

// ---- arithmetic ----

pub fn binop_method(op: BinOp, reflected: bool) -> Qstr {
    use BinOp::*;
    let (n, r) = match op {
        Add => (q::__add__, q::__radd__),
        Sub => (q::__sub__, q::__rsub__),
        Mul => (q::__mul__, q::__rmul__),
        MatMul => (q::__matmul__, q::__rmatmul__),
        TrueDiv => (q::__truediv__, q::__rtruediv__),
        FloorDiv => (q::__floordiv__, q::__rfloordiv__),
        Mod => (q::__mod__, q::__rmod__),
        Pow => (q::__pow__, q::__rpow__),
        LShift => (q::__lshift__, q::__rlshift__),
        RShift => (q::__rshift__, q::__rrshift__),
        And => (q::__and__, q::__rand__),
        Or => (q::__or__, q::__ror__),
        Xor => (q::__xor__, q::__rxor__),
    };
    if reflected {
        r
    } else {
        n
    }
}

fn inplace_method(op: BinOp) -> Qstr {
    use BinOp::*;
    match op {
        Add => q::__iadd__,
        Sub => q::__isub__,
        Mul => q::__imul__,
        MatMul => q::__imatmul__,
        TrueDiv => q::__itruediv__,
        FloorDiv => q::__ifloordiv__,
        Mod => q::__imod__,
        Pow => q::__ipow__,
        LShift => q::__ilshift__,
        RShift => q::__irshift__,
        And => q::__iand__,
        Or => q::__ior__,
        Xor => q::__ixor__,
    }
}

fn op_symbol(op: BinOp) -> &'static str {
    use BinOp::*;
    match op {
        Add => "+",
        Sub => "-",
        Mul => "*",
        MatMul => "@",
        TrueDiv => "/",
        FloorDiv => "//",
        Mod => "%",
        Pow => "** or pow()",
        LShift => "<<",
        RShift => ">>",
        And => "&",
        Or => "|",
        Xor => "^",
    }
}

/// `a op b` (op may carry INPLACE_OFFSET).
pub fn binary_op(vm: &mut Vm, raw_op: u8, a: Value, b: Value) -> PyResult<Value> {
    let inplace = raw_op >= crate::bytecode::INPLACE_OFFSET;
    let Some(op) = BinOp::from_u8(raw_op % crate::bytecode::INPLACE_OFFSET) else {
        return Err(vm.type_error("bad operator"));
    };
    if inplace {
        if a.is_obj() && type_of(a).is_heap() {
            if let Some(r) = call_special(vm, a, inplace_method(op), &[b])? {
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        } else if list::is_list(a) && (op == BinOp::Add || op == BinOp::Mul) {
            if op == BinOp::Add {
                extend_list(vm, a, b)?;
                return Ok(a);
            }
            // `a *= n` repeats the list in place: other references see the change (CPython).
            let r = native_binop(vm, op, a, b)?;
            if list::is_list(r) {
                list::list_splice(vm, a, 0, list::list_len(a), list_items(r))?;
                return Ok(a);
            }
        } else if a.is_obj()
            && kind_of(a) == Kind::ByteArray
            && (op == BinOp::Add || op == BinOp::Mul)
        {
            // `ba += b"..."` and `ba *= n` change the bytearray itself, like list.
            let r = native_binop(vm, op, a, b)?;
            if let Some(bytes) = string::bytes_of(r) {
                string::bytearray_set_len(a, 0);
                string::bytearray_push(vm, a, bytes)?;
                return Ok(a);
            }
        } else if map::is_dict(a) && op == BinOp::Or {
            // `d |= x` is `d.update(x)`: any mapping or iterable of pairs, unlike `d | x`.
            dict_update(vm, a, b)?;
            return Ok(a);
        } else if map::is_set_like(a)
            && kind_of(a) == Kind::Set
            && map::is_set_like(b)
            && matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
        {
            let r = set_binop(vm, op, a, b)?;
            map::map_clear(a);
            set_update(vm, a, r)?;
            return Ok(a);
        }
    }
    let a_heap = a.is_obj() && type_of(a).is_heap();
    let b_heap = b.is_obj() && type_of(b).is_heap();
    if !a_heap && !b_heap {
        let r = native_binop(vm, op, a, b)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    } else {
        let b_first = b_heap
            && !core::ptr::eq(type_of(a), type_of(b))
            && crate::obj::is_subtype(type_of(b), type_of(a))
            && lookup_special(vm, b, binop_method(op, true)).is_some();
        if b_first {
            if let Some(r) = call_special(vm, b, binop_method(op, true), &[a])? {
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        if a_heap {
            if let Some(r) = call_special(vm, a, binop_method(op, false), &[b])? {
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
            // Subclasses of builtin types (list, str, ...) inherit the builtin operation.
            if !matches!(kind_of(a), Kind::Object | Kind::Exception) {
                let r = native_binop(vm, op, a, b)?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        } else {
            let r = native_binop(vm, op, a, b)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
        if b_heap && !b_first {
            if let Some(r) = call_special(vm, b, binop_method(op, true), &[a])? {
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        // Sequence repetition takes any object with __index__ as the count (`[0] * n`).
        if op == BinOp::Mul {
            let (seq, count) = if b_heap { (a, b) } else { (b, a) };
            if !(seq.is_obj() && type_of(seq).is_heap())
                && lookup_special(vm, count, q::__index__).is_some()
            {
                let n = to_index(vm, count)? as i64;
                let n = num::int_from_i64(vm, n)?;
                let r = native_binop(vm, op, seq, n)?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
    }
    Err(unsupported_operands_error(vm, op, a, b))
}

/// TypeError "unsupported operand type(s) for +: 'A' and 'B'".
#[cold]
#[inline(never)]
fn unsupported_operands_error(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> crate::vm::PyErr {
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    let unsupported = "unsupported operand type(s) for ";
    let pieces = [unsupported, ": '", "' and '", "'"];
    message::type_error(vm, &pieces, &[op_symbol(op), ta, tb])
}

/// Arithmetic on builtin types; NotImplemented when undefined.
pub fn native_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let (ka, kb) = (numeric_kind(a), numeric_kind(b));
    if a.is_bool() && b.is_bool() && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
        // bool's own &, |, ^ keep the bool type (`True & False` is False, not 0).
        let (x, y) = (a == Value::TRUE, b == Value::TRUE);
        let r = match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        };
        return Ok(Value::from_bool(r));
    }
    if ka == 1 && kb == 1 {
        return num::int_binop(vm, op, a, b);
    }
    #[cfg(feature = "float")]
    if ka != 0 && kb != 0 {
        let x = num::as_f64(vm, a)?.unwrap_or(0.0);
        let y = num::as_f64(vm, b)?.unwrap_or(0.0);
        return num::float_binop(vm, op, x, y);
    }
    #[cfg(feature = "complex")]
    if crate::obj::complex::is_complex(a) || crate::obj::complex::is_complex(b) {
        return crate::obj::complex::binop(vm, op, a, b);
    }
    // Sequences. A repeat count that does not fit a machine word is an OverflowError (an index
    // that does not fit is an IndexError).
    #[cfg(feature = "bigint")]
    if op == BinOp::Mul && num::is_bigint(b) && to_big(b).and_then(|n| n.to_i64()).is_none() {
        return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
    }
    if let Some(s) = str_of(vm, a) {
        match op {
            BinOp::Add => {
                if let Some(t) = str_of(vm, b) {
                    let mut out = String::with_capacity(s.len() + t.len());
                    out.push_str(s);
                    out.push_str(t);
                    return vm.new_string(out);
                }
            }
            BinOp::Mul if kb == 1 => {
                let n = to_index(vm, b)?.max(0) as usize;
                vm.check_alloc_size(s.len(), n)?;
                let out = s.repeat(n);
                return vm.new_string(out);
            }
            BinOp::Mod => return crate::format::percent_format(vm, s, b),
            _ => {}
        }
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if op == BinOp::Mul
        && ka == 1
        && (string::is_str(b) || list::seq_items(b).is_some() || string::bytes_of(b).is_some())
    {
        return native_binop(vm, op, b, a);
    }
    if !a.is_obj() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let set_op = matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor);
    if set_op && (is_set_like_view(a) || is_set_like_view(b)) {
        // keys/items views with any iterable (either side) give sets, as in CPython:
        // `d.keys() & ['a', 'z']`; both sides are collected into sets first.
        let x = iterable_as_set(vm, a)?;
        let y = iterable_as_set(vm, b)?;
        return set_binop(vm, op, x, y);
    }
    match (kind_of(a), op) {
        (Kind::List | Kind::Tuple, BinOp::Add) if b.is_obj() && kind_of(b) == kind_of(a) => {
            let (x, y) = (
                list::seq_items(a).unwrap_or(&[]),
                list::seq_items(b).unwrap_or(&[]),
            );
            let mut v: Vec<Value> = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            new_seq_like(vm, a, &v)
        }
        (Kind::List | Kind::Tuple, BinOp::Mul) if kb == 1 => {
            let n = to_index(vm, b)?.max(0) as usize;
            let items = list::seq_items(a).unwrap_or(&[]);
            let total = vm.check_alloc_size(items.len(), n)?;
            vm.check_alloc_size(core::mem::size_of::<Value>(), total)?;
            let mut v: Vec<Value> = Vec::with_capacity(total);
            for _ in 0..n {
                v.extend_from_slice(list::seq_items(a).unwrap_or(&[]));
            }
            new_seq_like(vm, a, &v)
        }
        (Kind::Bytes | Kind::ByteArray, BinOp::Add) if string::bytes_of(b).is_some() => {
            let mut v = Vec::from(string::bytes_of(a).unwrap_or(&[]));
            v.extend_from_slice(string::bytes_of(b).unwrap_or(&[]));
            new_bytes_like(vm, a, &v)
        }
        (Kind::Bytes, BinOp::Mod) => {
            crate::format::bytes_percent_format(vm, string::bytes_of(a).unwrap_or(&[]), b)
        }
        (Kind::Bytes | Kind::ByteArray, BinOp::Mul) if kb == 1 => {
            let n = to_index(vm, b)?.max(0) as usize;
            vm.check_alloc_size(string::bytes_of(a).map_or(0, |x| x.len()), n)?;
            let v = string::bytes_of(a).unwrap_or(&[]).repeat(n);
            new_bytes_like(vm, a, &v)
        }
        (Kind::Set | Kind::FrozenSet, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
            if map::is_set_like(b) =>
        {
            set_binop(vm, op, a, b)
        }
        (Kind::Dict, BinOp::Or) if map::is_dict(b) => {
            let d = map::map_copy(vm, a, &crate::obj::types::DICT_TYPE)?;
            dict_update(vm, d, b)?;
            Ok(d)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// A new list if `like` is a list, else a new tuple, of `items`.
fn new_seq_like(vm: &mut Vm, like: Value, items: &[Value]) -> PyResult<Value> {
    if kind_of(like) == Kind::List {
        new_list(vm, items)
    } else {
        new_tuple(vm, items)
    }
}

/// A new bytes if `like` is a bytes, else a new bytearray, of `data`.
fn new_bytes_like(vm: &mut Vm, like: Value, data: &[u8]) -> PyResult<Value> {
    if kind_of(like) == Kind::Bytes {
        string::new_bytes(vm, data)
    } else {
        string::new_bytearray(vm, data)
    }
}

pub fn unary_op(vm: &mut Vm, op: u8, a: Value) -> PyResult<Value> {
    if op == UnOp::Not as u8 {
        let t = truthy(vm, a)?;
        return Ok(Value::from_bool(!t));
    }
    if let Some(i) = small_of(a) {
        let r = match op {
            0 => i.checked_neg(),
            1 => Some(i),
            _ => Some(!i),
        };
        if let Some(r) = r {
            return num::int_from_i64(vm, r);
        }
    }
    #[cfg(feature = "bigint")]
    if let Some(b) = to_big(a) {
        let r = match op {
            0 => b.neg(),
            1 => b,
            _ => b.not(),
        };
        return num::int_from_big(vm, r);
    }
    #[cfg(feature = "float")]
    if is_float(a) && op != UnOp::Invert as u8 {
        let x = float_of(a);
        return num::new_float(vm, if op == 0 { -x } else { x });
    }
    #[cfg(feature = "complex")]
    if crate::obj::complex::is_complex(a) && op != UnOp::Invert as u8 {
        return if op == 0 {
            crate::obj::complex::negate(vm, a)
        } else {
            Ok(a)
        };
    }
    if a.is_obj() && type_of(a).is_heap() {
        let m = match op {
            0 => q::__neg__,
            1 => q::__pos__,
            _ => q::__invert__,
        };
        if let Some(r) = call_special(vm, a, m, &[])? {
            return Ok(r);
        }
    }
    let sym = ["-", "+", "~"][op.min(2) as usize];
    let ta = vm.type_name(a);
    Err(message::type_error(
        vm,
        &["bad operand type for unary ", ": '", "'"],
        &[sym, ta],
    ))
}

// ---- repr / str ----

pub fn default_repr(vm: &mut Vm, v: Value) -> String {
    let t = type_of(v);
    if t.kind == Kind::Type {
        let t = crate::obj::type_ref(v);
        let name = vm.qstr_str(t.name);
        return alloc::format!("<class '{}'>", name);
    }
    alloc::format!("<{} object at {:x}>", vm.qstr_str(t.name), v.raw())
}

/// `repr(v)` as a str value.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let mut out = String::new();
    repr_into(vm, v, &mut out)?;
    vm.new_string(out)
}

/// `str(v)` as a str value.
pub fn str(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if string::is_str(v) {
        return Ok(v);
    }
    let mut out = String::new();
    str_into(vm, v, &mut out)?;
    vm.new_string(out)
}

pub fn str_into(vm: &mut Vm, v: Value, out: &mut String) -> PyResult<()> {
    if let Some(s) = str_of(vm, v) {
        out.push_str(s);
        return Ok(());
    }
    if v.is_obj() {
        let t = type_of(v);
        // `object.__str__` (inherited by every class) means "no __str__ of its own": fall
        // through to the builtin layout's str (exception args) or repr.
        let user_str = if t.is_heap() {
            crate::attr::lookup_special(vm, v, q::__str__)
                .filter(|&m| !crate::obj::misc::is_object_str(m))
        } else {
            None
        };
        if let Some(m) = user_str {
            let r = crate::attr::call_bound(vm, m, v, &[])?;
            let s = string::expect_str(vm, r, "__str__ returned non-string")?;
            out.push_str(s);
            return Ok(());
        }
        if t.kind == Kind::Exception && !crate::obj::is_type(v) {
            let args = crate::obj::exc::exc_ref(v).args.get();
            let items = if args.is_null() {
                &[][..]
            } else {
                tuple_items(args)
            };
            return match items.len() {
                0 => Ok(()),
                1 if crate::obj::is_subtype(t, &crate::obj::types::KEY_ERROR_TYPE) => {
                    repr_into(vm, items[0], out)
                }
                // MicroPython: `OSError(2)` prints as `[Errno 2] ENOENT`.
                1 if crate::obj::is_subtype(t, &crate::obj::types::OS_ERROR_TYPE) => {
                    match errno_text(items[0]) {
                        Some(text) => {
                            out.push_str(&text);
                            Ok(())
                        }
                        None => str_into(vm, items[0], out),
                    }
                }
                1 => str_into(vm, items[0], out),
                _ => repr_into(vm, args, out),
            };
        }
    }
    repr_into(vm, v, out)
}

/// `[Errno N] NAME` for an OSError argument that is a known error number.
fn errno_text(arg: Value) -> Option<String> {
    let n = u16::try_from(arg.as_small_int()?).ok()?;
    let name = crate::errno::Errno(n).name()?;
    let mut text = String::from("[Errno ");
    crate::intword::push_decimal(n.into(), &mut text);
    text.push_str("] ");
    text.push_str(name);
    Some(text)
}

pub fn repr_into(vm: &mut Vm, v: Value, out: &mut String) -> PyResult<()> {
    use core::fmt::Write;
    if v.is_small_int()
        || v.is_bool()
        || v == Value::NONE
        || v == Value::ELLIPSIS
        || v == Value::NOT_IMPLEMENTED
    {
        match v {
            Value::TRUE => out.push_str("True"),
            Value::FALSE => out.push_str("False"),
            Value::NONE => out.push_str("None"),
            Value::ELLIPSIS => out.push_str("Ellipsis"),
            Value::NOT_IMPLEMENTED => out.push_str("NotImplemented"),
            _ => num::int_repr(v, out),
        }
        return Ok(());
    }
    if let Some(s) = str_of(vm, v) {
        string::repr_str(s, out);
        return Ok(());
    }
    if !v.is_obj() {
        out.push_str("<?>");
        return Ok(());
    }
    let t = type_of(v);
    if t.is_heap() && t.kind != Kind::Type {
        // Subclasses of list/tuple/dict/set/int/exceptions without a __repr__ of their own use the
        // builtin repr, not the `object.__repr__` they also inherit.
        let m = crate::attr::lookup_special(vm, v, q::__repr__).filter(|&m| {
            !(matches!(
                t.kind,
                Kind::List | Kind::Tuple | Kind::Dict | Kind::Set | Kind::Int | Kind::Exception
            ) && crate::obj::misc::is_object_repr(m))
        });
        if let Some(m) = m {
            let r = crate::attr::call_bound(vm, m, v, &[])?;
            let s = string::expect_str(vm, r, "__repr__ returned non-string")?;
            out.push_str(s);
            return Ok(());
        }
    }
    vm.enter_call()?;
    let r = repr_builtin(vm, v, t.kind, out);
    vm.leave_call();
    r?;
    let _ = out.write_str("");
    Ok(())
}

fn repr_seq(vm: &mut Vm, v: Value, open: &str, close: &str, out: &mut String) -> PyResult<()> {
    out.push_str(open);
    let mut i = 0;
    while let Some(x) = list::seq_items(v).and_then(|it| it.get(i).copied()) {
        if i > 0 {
            out.push_str(", ");
        }
        repr_into(vm, x, out)?;
        i += 1;
    }
    if i == 1 && open == "(" {
        out.push(',');
    }
    out.push_str(close);
    Ok(())
}

/// For a float `x`: Some(its value as an int when integral and within i64 range, else None);
/// None when `x` is not a float.
#[cfg(feature = "float")]
fn float_range_index(x: Value) -> Option<Option<i64>> {
    if !is_float(x) {
        return None;
    }
    let f = float_of(x);
    Some((f == libm::trunc(f) && f.abs() < 4.0e18).then_some(f as i64))
}

#[cfg(not(feature = "float"))]
fn float_range_index(_: Value) -> Option<Option<i64>> {
    None
}

fn repr_builtin(vm: &mut Vm, v: Value, kind: Kind, out: &mut String) -> PyResult<()> {
    use core::fmt::Write;
    match kind {
        Kind::Int => num::int_repr(v, out),
        #[cfg(feature = "float")]
        Kind::Float => num::float_repr(float_of(v), out),
        #[cfg(feature = "complex")]
        Kind::Complex => crate::obj::complex::repr(v, out),
        Kind::Bytes => string::repr_bytes(string::bytes_of(v).unwrap_or(&[]), out),
        Kind::ByteArray => {
            out.push_str("bytearray(");
            string::repr_bytes(string::bytes_of(v).unwrap_or(&[]), out);
            out.push(')');
        }
        Kind::List => repr_seq(vm, v, "[", "]", out)?,
        Kind::Tuple => repr_seq(vm, v, "(", ")", out)?,
        Kind::Dict | Kind::Set | Kind::FrozenSet => {
            // One loop for dicts and sets. Builtin dict variants (OrderedDict) show their type,
            // as MicroPython prints them; frozensets show theirs; empty sets have no braces.
            let t = type_of(v);
            let is_dict = kind == Kind::Dict;
            if !is_dict && map_len(v) == 0 {
                out.push_str(if kind == Kind::FrozenSet {
                    "frozenset()"
                } else {
                    "set()"
                });
                return Ok(());
            }
            let named = if is_dict {
                !t.is_heap() && !core::ptr::eq(t, &crate::obj::types::DICT_TYPE)
            } else {
                kind == Kind::FrozenSet
            };
            if named {
                out.push_str(vm.qstr_str(t.name));
                out.push('(');
            }
            out.push('{');
            let mut pos = 0;
            let mut first = true;
            while let Some(e) = map::next_entry(v, &mut pos) {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                repr_into(vm, e.key, out)?;
                if is_dict {
                    out.push_str(": ");
                    repr_into(vm, e.value, out)?;
                }
            }
            out.push('}');
            if named {
                out.push(')');
            }
        }
        Kind::DictView => {
            let (d, which) = crate::obj::iter::view_parts(v);
            out.push_str(["dict_keys([", "dict_values([", "dict_items(["][which as usize]);
            let it = crate::obj::iter::new_map_iter(vm, d, which)?;
            let mut first = true;
            while let Some(x) = crate::obj::iter::iter_next(vm, it)? {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                repr_into(vm, x, out)?;
            }
            out.push_str("])");
        }
        Kind::Range => {
            let r = crate::obj::misc::range_ref(v);
            // Digits by intword, not write!: keeps core::fmt's isize formatter out of firmware.
            out.push_str("range(");
            crate::intword::push_decimal(r.start as i64, out);
            out.push_str(", ");
            crate::intword::push_decimal(r.stop as i64, out);
            if r.step != 1 {
                out.push_str(", ");
                crate::intword::push_decimal(r.step as i64, out);
            }
            out.push(')');
        }
        Kind::Slice => {
            let s = crate::obj::misc::slice_ref(v);
            out.push_str("slice(");
            repr_into(vm, s.start, out)?;
            out.push_str(", ");
            repr_into(vm, s.stop, out)?;
            out.push_str(", ");
            repr_into(vm, s.step, out)?;
            out.push(')');
        }
        Kind::Function => {
            let f = crate::obj::func::func_ref(v);
            let code = crate::obj::func::code_ref(f.code);
            let _ = write!(
                out,
                "<function {} at 0x{:x}>",
                vm.qstr_str(code.qualname),
                v.raw()
            );
        }
        Kind::NativeFunction => {
            // SAFETY: kind NativeFunction objects are NativeFn statics.
            let f = unsafe { crate::obj::obj::<crate::obj::NativeFn>(v) };
            let _ = write!(out, "<built-in function {}>", vm.qstr_str(f.name));
        }
        Kind::BoundMethod => {
            let b = crate::obj::func::bound_ref(v);
            out.push_str("<bound_method ");
            let _ = write!(out, "{:x} ", v.raw());
            repr_into(vm, b.self_, out)?;
            out.push('>');
        }
        Kind::Module => {
            let m = crate::obj::misc::module_ref(v);
            let _ = write!(out, "<module '{}'>", vm.qstr_str(m.name));
        }
        Kind::Exception => {
            let t = type_of(v);
            out.push_str(vm.qstr_str(t.name));
            let args = crate::obj::exc::exc_ref(v).args.get();
            if args.is_null() || tuple_items(args).is_empty() {
                out.push_str("()");
            } else if tuple_items(args).len() == 1 {
                out.push('(');
                repr_into(vm, tuple_items(args)[0], out)?;
                out.push(')');
            } else {
                repr_into(vm, args, out)?;
            }
        }
        Kind::Generator => {
            let g = crate::obj::func::gen_ref(v);
            let code = crate::obj::func::code_ref(g.code);
            let _ = write!(
                out,
                "<generator object '{}' at {:x}>",
                vm.qstr_str(code.name),
                v.raw()
            );
        }
        Kind::Native => {
            if let Some(f) = type_of(v).slots.and_then(|s| s.repr) {
                let r = f(vm, v)?;
                out.push_str(str_of(vm, r).unwrap_or(""));
            } else {
                let s = default_repr(vm, v);
                out.push_str(&s);
            }
        }
        _ => {
            let s = default_repr(vm, v);
            out.push_str(&s);
        }
    }
    Ok(())
}

// ---- length, subscripts, membership ----

pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if let Some(s) = v.as_qstr() {
        return Ok(vm.qstr_str(s).chars().count());
    }
    if v.is_obj() {
        let user = subclass_override(vm, v, q::__len__).is_some();
        match kind_of(v) {
            _ if user => {}
            Kind::Str => return Ok(string::char_len(vm, v)),
            Kind::Bytes | Kind::ByteArray => return Ok(string::bytes_of(v).unwrap_or(&[]).len()),
            Kind::MemoryView => {
                string::check_released(vm, v)?;
                return Ok(string::bytes_of(v).unwrap_or(&[]).len());
            }
            Kind::List => return Ok(list::list_len(v)),
            Kind::Tuple => return Ok(tuple_items(v).len()),
            Kind::Dict | Kind::Set | Kind::FrozenSet => return Ok(map_len(v)),
            Kind::Range => return Ok(crate::obj::misc::range_ref(v).len()),
            Kind::DictView => return Ok(map_len(crate::obj::iter::view_parts(v).0)),
            _ => {}
        }
        if type_of(v).is_heap() {
            if let Some(r) = call_special(vm, v, q::__len__, &[])? {
                let n = to_index(vm, r)?;
                if n < 0 {
                    return Err(vm.value_error("__len__() should return >= 0"));
                }
                return Ok(n as usize);
            }
        }
    }
    Err(type_error_of(vm, "object of type '", v, "' has no len()"))
}

fn norm_index(vm: &mut Vm, idx: Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match small_of(idx) {
        Some(i) => i as isize,
        None => {
            let heap_index = idx.is_obj() && type_of(idx).is_heap();
            if !(num::is_int(idx) || heap_index) {
                let t = vm.type_name(idx);
                return Err(message::type_error(
                    vm,
                    &["", " indices must be integers, not ", ""],
                    &[what, t],
                ));
            }
            to_index(vm, idx)?
        }
    };
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        let ty = &crate::obj::types::INDEX_ERROR_TYPE;
        return Err(message::error(
            vm,
            ty,
            &["", " index out of range"],
            &[what],
        ));
    }
    Ok(j as usize)
}

/// The `count` items of `src` at `start`, `start + step`, ... (a slice's indices, already
/// clamped by `slice_indices`). One loop for lists, bytes and strs, in place of a `collect` per
/// element type and closure.
fn slice_gather<T: Copy>(src: &[T], start: isize, step: isize, count: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        if let Some(&x) = src.get(i as usize) {
            v.push(x);
        }
        i += step;
    }
    v
}

fn is_slice(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::Slice
}

/// A Python-level special method of a subclass of list/str/int/set (which the kind-based fast
/// paths below would otherwise bypass). Native methods are the builtin behaviour itself.
fn subclass_override(vm: &Vm, o: Value, name: Qstr) -> Option<Value> {
    if !o.is_obj()
        || !type_of(o).is_heap()
        || !matches!(kind_of(o), Kind::List | Kind::Str | Kind::Int | Kind::Set)
    {
        return None;
    }
    lookup_special(vm, o, name).filter(|m| !(m.is_obj() && kind_of(*m) == Kind::NativeFunction))
}

pub fn getitem(vm: &mut Vm, o: Value, idx: Value) -> PyResult<Value> {
    if let Some(m) = subclass_override(vm, o, q::__getitem__) {
        return crate::attr::call_bound(vm, m, o, &[idx]);
    }
    if o.is_obj() {
        match kind_of(o) {
            Kind::List | Kind::Tuple => {
                let n = list::seq_items(o).map(|i| i.len()).unwrap_or(0);
                if is_slice(idx) {
                    let (start, _, step, count) = crate::obj::misc::slice_indices(vm, idx, n)?;
                    let v = slice_gather(list::seq_items(o).unwrap_or(&[]), start, step, count);
                    return new_seq_like(vm, o, &v);
                }
                let what = if kind_of(o) == Kind::List {
                    "list"
                } else {
                    "tuple"
                };
                let i = norm_index(vm, idx, n, what)?;
                return Ok(list::seq_items(o).unwrap_or(&[])[i]);
            }
            Kind::Dict if !type_of(o).is_heap() => {
                return match map::map_get(vm, o, idx)? {
                    Some(v) => Ok(v),
                    None => Err(vm.key_error(idx)),
                }
            }
            kind @ (Kind::Bytes | Kind::ByteArray | Kind::MemoryView) => {
                let view = kind == Kind::MemoryView;
                #[cfg(feature = "extra-builtins")]
                if view {
                    string::check_released(vm, o)?;
                }
                let n = string::bytes_of(o).unwrap_or(&[]).len();
                // The data is fetched again after `slice_indices` / `norm_index`, which may run
                // Python code (`__index__`) that resizes a bytearray.
                if is_slice(idx) && !view {
                    let (start, _, step, count) = crate::obj::misc::slice_indices(vm, idx, n)?;
                    let b = string::bytes_of(o).unwrap_or(&[]);
                    let v = slice_gather(b, start, step, count);
                    return new_bytes_like(vm, o, &v);
                }
                // A memoryview's slice (no memoryview exists without `extra-builtins`).
                #[cfg(feature = "extra-builtins")]
                if is_slice(idx) {
                    let (start, stop, step, _) = crate::obj::misc::slice_indices(vm, idx, n)?;
                    if step != 1 {
                        return Err(vm.new_error(
                            &crate::obj::types::NOT_IMPLEMENTED_ERROR_TYPE,
                            "only slices with step=1 (aka None) are supported",
                        ));
                    }
                    return string::memoryview_slice(
                        vm,
                        o,
                        start as usize,
                        stop.max(start) as usize,
                    );
                }
                let what = if view { "memoryview" } else { "bytes" };
                let i = norm_index(vm, idx, n, what)?;
                return Ok(Value::small_int(
                    string::bytes_of(o).unwrap_or(&[])[i] as isize,
                ));
            }
            Kind::Range => {
                let r = crate::obj::misc::range_ref(o);
                if is_slice(idx) {
                    let (start, _, step, count) =
                        crate::obj::misc::slice_indices(vm, idx, r.len())?;
                    let (s, st) = (r.get(start.max(0) as usize), r.step * step);
                    return crate::obj::misc::new_range(vm, s, s + st * count as isize, st);
                }
                let i = norm_index(vm, idx, r.len(), "range object")?;
                return num::int_from_i64(vm, r.get(i) as i64);
            }
            _ => {}
        }
    }
    if let Some(s) = str_of(vm, o) {
        let n = s.chars().count();
        if is_slice(idx) {
            let (start, _, step, count) = crate::obj::misc::slice_indices(vm, idx, n)?;
            let out: String = if step == 1 {
                let a = string::char_offset(s, start as usize);
                let b = string::char_offset(s, start as usize + count);
                String::from(&s[a..b])
            } else {
                let chars: Vec<char> = s.chars().collect();
                let mut out = String::new();
                for c in slice_gather(&chars, start, step, count) {
                    out.push(c);
                }
                out
            };
            return vm.new_string(out);
        }
        let i = norm_index(vm, idx, n, "string")?;
        let c = if n == s.len() {
            s.as_bytes()[i] as char
        } else {
            s.chars().nth(i).unwrap_or(' ')
        };
        let mut buf = [0u8; 4];
        return string::new_str(vm, c.encode_utf8(&mut buf));
    }
    if o.is_obj() && type_of(o).is_heap() {
        if let Some(r) = call_special(vm, o, q::__getitem__, &[idx])? {
            return Ok(r);
        }
        if map::is_dict(o) {
            if let Some(v) = map::map_get(vm, o, idx)? {
                return Ok(v);
            }
            if let Some(r) = call_special(vm, o, q::__missing__, &[idx])? {
                return Ok(r);
            }
            return Err(vm.key_error(idx));
        }
    }
    if crate::obj::is_type(o) {
        // `list[int]` style generic aliases: accepted and ignored, as MicroPython does not
        // support them either way we return the type itself.
        return Ok(o);
    }
    Err(type_error_of(vm, "'", o, "' object isn't subscriptable"))
}

pub fn setitem(vm: &mut Vm, o: Value, idx: Value, v: Value) -> PyResult<()> {
    if let Some(m) = subclass_override(vm, o, q::__setitem__) {
        return crate::attr::call_bound(vm, m, o, &[idx, v]).map(|_| ());
    }
    if o.is_obj() {
        match kind_of(o) {
            Kind::List => {
                let n = list::list_len(o);
                if is_slice(idx) {
                    let (start, stop, step, count) = crate::obj::misc::slice_indices(vm, idx, n)?;
                    let new = collect_iterable(vm, v)?;
                    let new_items: Vec<Value> = list_items(new).to_vec();
                    if step == 1 {
                        return list::list_splice(
                            vm,
                            o,
                            start as usize,
                            stop.max(start) as usize,
                            &new_items,
                        );
                    }
                    if new_items.len() != count {
                        return Err(extended_slice_size_error(
                            vm,
                            "sequence",
                            new_items.len(),
                            count,
                        ));
                    }
                    for (k, &x) in new_items.iter().enumerate() {
                        list::list_set(o, (start + k as isize * step) as usize, x);
                    }
                    return Ok(());
                }
                let i = norm_index(vm, idx, n, "list assignment")?;
                list::list_set(o, i, v);
                return Ok(());
            }
            Kind::Dict if !type_of(o).is_heap() => return map::map_set(vm, o, idx, v),
            // No memoryview exists without `extra-builtins`.
            #[cfg(feature = "extra-builtins")]
            Kind::MemoryView => {
                string::check_released(vm, o)?;
                let n = string::bytes_of(o).unwrap_or(&[]).len();
                if is_slice(idx) {
                    let (start, stop, step, count) = crate::obj::misc::slice_indices(vm, idx, n)?;
                    let new: Vec<u8> = string::bytes_of(v)
                        .ok_or_else(|| vm.type_error("a bytes-like object is required"))?
                        .to_vec();
                    if step != 1 || new.len() != count || stop < start {
                        return Err(vm.value_error(
                            "memoryview assignment: lvalue and rvalue have different structures",
                        ));
                    }
                    for (k, &c) in new.iter().enumerate() {
                        string::memoryview_set(vm, o, start as usize + k, c)?;
                    }
                    return Ok(());
                }
                let i = norm_index(vm, idx, n, "memoryview")?;
                let b = to_index(vm, v)?;
                if !(0..256).contains(&b) {
                    return Err(vm.value_error("memoryview: invalid value for format 'B'"));
                }
                return string::memoryview_set(vm, o, i, b as u8);
            }
            Kind::ByteArray => {
                let n = string::bytes_of(o).unwrap_or(&[]).len();
                if is_slice(idx) {
                    let (start, stop, step, count) = crate::obj::misc::slice_indices(vm, idx, n)?;
                    let new = string::bytes_from(vm, v)?;
                    if step == 1 {
                        return string::bytearray_splice(
                            vm,
                            o,
                            start as usize,
                            stop.max(start) as usize,
                            &new,
                        );
                    }
                    if new.len() != count {
                        return Err(extended_slice_size_error(vm, "bytes", new.len(), count));
                    }
                    for (k, &c) in new.iter().enumerate() {
                        string::bytearray_set(o, (start + k as isize * step) as usize, c);
                    }
                    return Ok(());
                }
                let i = norm_index(vm, idx, n, "bytearray")?;
                let b = string::byte_value(vm, v)?;
                string::bytearray_set(o, i, b);
                return Ok(());
            }
            _ => {}
        }
        if type_of(o).is_heap() {
            if call_special(vm, o, q::__setitem__, &[idx, v])?.is_some() {
                return Ok(());
            }
            if map::is_dict(o) {
                return map::map_set(vm, o, idx, v);
            }
        }
    }
    Err(type_error_of(
        vm,
        "'",
        o,
        "' object doesn't support item assignment",
    ))
}

/// ValueError "attempt to assign <what> of size N to extended slice of size M".
#[cold]
#[inline(never)]
fn extended_slice_size_error(
    vm: &mut Vm,
    what: &str,
    given: usize,
    count: usize,
) -> crate::vm::PyErr {
    let msg = alloc::format!(
        "attempt to assign {what} of size {given} to extended slice of size {count}"
    );
    vm.value_error(&msg)
}

pub fn delitem(vm: &mut Vm, o: Value, idx: Value) -> PyResult<()> {
    if let Some(m) = subclass_override(vm, o, q::__delitem__) {
        return crate::attr::call_bound(vm, m, o, &[idx]).map(|_| ());
    }
    if o.is_obj() {
        match kind_of(o) {
            Kind::List => {
                let n = list::list_len(o);
                if is_slice(idx) {
                    let (start, stop, step, count) = crate::obj::misc::slice_indices(vm, idx, n)?;
                    if step == 1 {
                        return list::list_splice(
                            vm,
                            o,
                            start as usize,
                            stop.max(start) as usize,
                            &[],
                        );
                    }
                    // The indices form an arithmetic progression: remove from the highest down
                    // so that each removal leaves the ones still to come in place (no sort).
                    for k in 0..count {
                        let k = if step > 0 { count - 1 - k } else { k };
                        list::list_remove_at(o, (start + k as isize * step) as usize);
                    }
                    return Ok(());
                }
                let i = norm_index(vm, idx, n, "list assignment")?;
                list::list_remove_at(o, i);
                return Ok(());
            }
            Kind::ByteArray => {
                let b = string::bytes_of(o).unwrap_or(&[]);
                let n = b.len();
                if is_slice(idx) {
                    let (start, _, step, count) = crate::obj::misc::slice_indices(vm, idx, n)?;
                    let mut del = alloc::vec![false; n];
                    for k in 0..count {
                        del[(start + k as isize * step) as usize] = true;
                    }
                    let kept: Vec<u8> = b
                        .iter()
                        .zip(del)
                        .filter(|(_, d)| !d)
                        .map(|(&c, _)| c)
                        .collect();
                    return string::bytearray_splice(vm, o, 0, n, &kept);
                }
                let i = norm_index(vm, idx, n, "bytearray")?;
                return string::bytearray_splice(vm, o, i, i + 1, &[]);
            }
            Kind::Dict if !type_of(o).is_heap() => {
                return match map::map_delete(vm, o, idx)? {
                    Some(_) => Ok(()),
                    None => Err(vm.key_error(idx)),
                }
            }
            _ => {}
        }
        if type_of(o).is_heap() {
            if call_special(vm, o, q::__delitem__, &[idx])?.is_some() {
                return Ok(());
            }
            if map::is_dict(o) {
                return match map::map_delete(vm, o, idx)? {
                    Some(_) => Ok(()),
                    None => Err(vm.key_error(idx)),
                };
            }
        }
    }
    Err(type_error_of(
        vm,
        "'",
        o,
        "' object doesn't support item deletion",
    ))
}

pub fn contains(vm: &mut Vm, container: Value, x: Value) -> PyResult<bool> {
    if let Some(s) = str_of(vm, container) {
        return match str_of(vm, x) {
            Some(sub) => Ok(string::bfind(s.as_bytes(), sub.as_bytes(), false).is_some()),
            None => Err(type_error_of(
                vm,
                "'in <string>' requires string as left operand, not ",
                x,
                "",
            )),
        };
    }
    if container.is_obj() {
        match kind_of(container) {
            Kind::Dict | Kind::Set | Kind::FrozenSet
                if !type_of(container).is_heap()
                    || lookup_special(vm, container, q::__contains__).is_none() =>
            {
                return Ok(map::map_get(vm, container, x)?.is_some());
            }
            Kind::List | Kind::Tuple => {
                let mut i = 0;
                while let Some(item) = list::seq_items(container).and_then(|it| it.get(i).copied())
                {
                    if eq(vm, item, x)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                return Ok(false);
            }
            Kind::Bytes | Kind::ByteArray => {
                let b = string::bytes_of(container).unwrap_or(&[]);
                if let Some(i) = small_of(x) {
                    let Ok(byte) = u8::try_from(i) else {
                        return Err(vm.value_error("byte must be in range(0, 256)"));
                    };
                    return Ok(b.contains(&byte));
                }
                if crate::obj::num::is_bigint(x) {
                    return Err(vm.value_error("byte must be in range(0, 256)"));
                }
                if let Some(sub) = string::bytes_of(x) {
                    return Ok(string::bfind(b, sub, false).is_some());
                }
                return Err(vm.type_error("a bytes-like object is required"));
            }
            Kind::Range => {
                let r = crate::obj::misc::range_ref(container);
                // Ints (and floats equal to one) are placed arithmetically, never by iterating
                // (`10**20 in range(10**12)` must not walk the range).
                let as_int = if let Some(i) = crate::obj::num::small_of(x) {
                    Some(i)
                } else if crate::obj::num::is_bigint(x) {
                    // Beyond every range's bounds, which are small ints.
                    return Ok(false);
                } else if let Some(f) = float_range_index(x) {
                    match f {
                        Some(i) => Some(i),
                        // A float that is not integral is in no range.
                        None => return Ok(false),
                    }
                } else {
                    None
                };
                if let Some(i) = as_int {
                    let Ok(i) = isize::try_from(i) else {
                        return Ok(false);
                    };
                    let off = i.wrapping_sub(r.start);
                    return Ok(off % r.step == 0
                        && off / r.step >= 0
                        && ((off / r.step) as usize) < r.len());
                }
            }
            Kind::DictView => {
                let (d, which) = crate::obj::iter::view_parts(container);
                if which == 0 {
                    return Ok(map::map_get(vm, d, x)?.is_some());
                }
            }
            _ => {}
        }
        if type_of(container).is_heap() {
            if let Some(r) = call_special(vm, container, q::__contains__, &[x])? {
                return truthy(vm, r);
            }
        }
    }
    // Fall back to iteration, interruptible: the container may be long (a huge range searched
    // for an object of another type).
    let it = iter(vm, container)?;
    let mut n = 0u32;
    while let Some(item) = next(vm, it)? {
        if eq(vm, item, x)? {
            return Ok(true);
        }
        n = n.wrapping_add(1);
        if n.is_multiple_of(1024) {
            vm.check_interrupt()?;
        }
    }
    Ok(false)
}

// ---- iteration ----

pub fn iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    use crate::obj::iter::*;
    if string::is_str(v) {
        return new_iter(vm, str_next, v, Value::NONE, 0, 0);
    }
    if v.is_obj() {
        match kind_of(v) {
            Kind::List => return new_iter(vm, list_next, v, Value::NONE, 0, 0),
            Kind::Tuple => return new_iter(vm, tuple_next, v, Value::NONE, 0, 0),
            Kind::Bytes | Kind::ByteArray | Kind::MemoryView => {
                return new_iter(vm, bytes_next, v, Value::NONE, 0, 0)
            }
            Kind::Range => {
                let r = crate::obj::misc::range_ref(v);
                return new_iter(
                    vm,
                    range_next,
                    Value::NONE,
                    Value::small_int(r.step),
                    r.start,
                    r.stop,
                );
            }
            Kind::Dict | Kind::Set | Kind::FrozenSet if !type_of(v).is_heap() => {
                return new_map_iter(vm, v, 0)
            }
            Kind::DictView => {
                let (d, which) = view_parts(v);
                return new_map_iter(vm, d, which);
            }
            Kind::Iterator | Kind::Generator => return Ok(v),
            Kind::Native if type_of(v).slots.and_then(|s| s.next).is_some() => return Ok(v),
            _ => {}
        }
        if type_of(v).is_heap() {
            if let Some(r) = call_special(vm, v, q::__iter__, &[])? {
                return Ok(r);
            }
            // Builtin layouts iterate natively (dict has a native __getitem__, which must not
            // turn dict iteration into the index protocol).
            match kind_of(v) {
                Kind::Dict | Kind::Set | Kind::FrozenSet => return new_map_iter(vm, v, 0),
                Kind::List => return new_iter(vm, list_next, v, Value::NONE, 0, 0),
                _ => {}
            }
            if lookup_special(vm, v, q::__getitem__).is_some() {
                // Old-style sequence protocol: index from 0 until IndexError.
                return new_iter(vm, getitem_next, v, Value::NONE, 0, 0);
            }
        }
    }
    Err(type_error_of(vm, "'", v, "' object isn't iterable"))
}

fn getitem_next(vm: &mut Vm, it: &crate::obj::iter::IterObj) -> PyResult<Option<Value>> {
    let i = it.i.get();
    match getitem(vm, it.a.get(), Value::small_int(i)) {
        Ok(v) => {
            it.i.set(i + 1);
            Ok(Some(v))
        }
        Err(e) if crate::obj::is_subtype(type_of(e.0), &crate::obj::types::INDEX_ERROR_TYPE) => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Advance any iterator: Ok(None) when exhausted.
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    if it.is_obj() {
        match kind_of(it) {
            Kind::Iterator => return crate::obj::iter::iter_next(vm, it),
            Kind::Generator => {
                return crate::interp::gen_resume(vm, it, Value::NONE, Value::NULL)?.into_option(vm)
            }
            Kind::Native => {
                if let Some(next) = type_of(it).slots.and_then(|s| s.next) {
                    return next(vm, it);
                }
            }
            _ => {}
        }
        if type_of(it).is_heap() {
            match call_special(vm, it, q::__next__, &[]) {
                Ok(Some(v)) => return Ok(Some(v)),
                Ok(None) => {}
                Err(e)
                    if crate::obj::is_subtype(
                        type_of(e.0),
                        &crate::obj::types::STOP_ITERATION_TYPE,
                    ) =>
                {
                    return Ok(None)
                }
                Err(e) => return Err(e),
            }
        }
    }
    Err(type_error_of(vm, "'", it, "' object isn't an iterator"))
}

/// All items of an iterable, as a new list.
pub fn collect_iterable(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(items) = list::seq_items(v) {
        return new_list(vm, items);
    }
    let l = new_list(vm, &[])?;
    extend_list(vm, l, v)?;
    Ok(l)
}

pub fn extend_list(vm: &mut Vm, l: Value, iterable: Value) -> PyResult<()> {
    if let Some(items) = list::seq_items(iterable) {
        // Copy first: `l.extend(l)` reads the list it grows.
        let items: Vec<Value> = items.to_vec();
        list::reserve(vm, l, items.len())?;
        for x in items {
            list::list_append(vm, l, x)?;
        }
        return Ok(());
    }
    let it = iter(vm, iterable)?;
    while let Some(x) = next(vm, it)? {
        list::list_append(vm, l, x)?;
    }
    Ok(())
}

pub fn dict_update(vm: &mut Vm, d: Value, other: Value) -> PyResult<()> {
    if map::is_dict(other) {
        let mut pos = 0;
        while let Some(e) = map::next_entry(other, &mut pos) {
            map::map_set_hashed(vm, d, e.key, e.value, e.hash)?;
        }
        return Ok(());
    }
    if other.is_obj() && type_of(other).is_heap() && lookup_special(vm, other, q::keys).is_some() {
        let keys = crate::attr::call_method(vm, other, q::keys, &[])?;
        let keys = collect_iterable(vm, keys)?;
        let mut i = 0;
        while let Some(k) = list::list_get(keys, i) {
            let v = getitem(vm, other, k)?;
            map::map_set(vm, d, k, v)?;
            i += 1;
        }
        return Ok(());
    }
    let it = iter(vm, other)?;
    while let Some(pair) = next(vm, it)? {
        let kv = collect_iterable(vm, pair)?;
        if list::list_len(kv) != 2 {
            return Err(vm.value_error("dictionary update sequence element has wrong length"));
        }
        let (k, v) = (list::list_items(kv)[0], list::list_items(kv)[1]);
        map::map_set(vm, d, k, v)?;
    }
    Ok(())
}

pub fn set_update(vm: &mut Vm, s: Value, other: Value) -> PyResult<()> {
    if map::is_set_like(other) || map::is_dict(other) {
        let mut pos = 0;
        while let Some(e) = map::next_entry(other, &mut pos) {
            map::map_set_hashed(vm, s, e.key, Value::NULL, e.hash)?;
        }
        return Ok(());
    }
    let it = iter(vm, other)?;
    while let Some(x) = next(vm, it)? {
        map::map_set(vm, s, x, Value::NULL)?;
    }
    Ok(())
}

pub fn to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = map::new_set(vm)?;
    set_update(vm, s, v)?;
    Ok(s)
}

pub fn set_is_subset(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let mut pos = 0;
    while let Some(e) = map::next_entry(a, &mut pos) {
        if map::map_get_hashed(vm, b, e.key, e.hash)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn set_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let frozen = kind_of(a) == Kind::FrozenSet;
    let r = if frozen {
        map::new_frozenset(vm)?
    } else {
        map::new_set(vm)?
    };
    match op {
        BinOp::Or => {
            set_update(vm, r, a)?;
            set_update(vm, r, b)?;
        }
        BinOp::And | BinOp::Sub => {
            let mut pos = 0;
            while let Some(e) = map::next_entry(a, &mut pos) {
                let in_b = map::map_get_hashed(vm, b, e.key, e.hash)?.is_some();
                if in_b == (op == BinOp::And) {
                    map::map_set_hashed(vm, r, e.key, Value::NULL, e.hash)?;
                }
            }
        }
        _ => {
            for (x, y) in [(a, b), (b, a)] {
                let mut pos = 0;
                while let Some(e) = map::next_entry(x, &mut pos) {
                    if map::map_get_hashed(vm, y, e.key, e.hash)?.is_none() {
                        map::map_set_hashed(vm, r, e.key, Value::NULL, e.hash)?;
                    }
                }
            }
        }
    }
    Ok(r)
}

/// Stable sort of a list in place with optional key function.
pub fn sort_list(vm: &mut Vm, l: Value, key: Value, reverse: bool) -> PyResult<()> {
    let n = list::list_len(l);
    // keys[i] pairs with items[i]; both kept in GC lists so they stay rooted.
    let keys = if key.is_none() {
        l
    } else {
        let k = new_list(vm, &[])?;
        let mut i = 0;
        while let Some(x) = list::list_get(l, i) {
            let kv = crate::call::call(vm, key, &[x], &[])?;
            list::list_append(vm, k, kv)?;
            i += 1;
        }
        k
    };
    // Merge sort of an index permutation: stable, O(n log n) comparisons, errors propagate.
    let mut idx: Vec<usize> = (0..n).collect();
    let mut buf: Vec<usize> = idx.clone();
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                let (ka, kb) = (list_items(keys)[idx[i]], list_items(keys)[idx[j]]);
                // Take from the right only if strictly smaller (keeps stability).
                let (x, y) = if reverse { (ka, kb) } else { (kb, ka) };
                let r = compare(vm, CmpOp::Lt, x, y)?;
                let take_right = truthy(vm, r)?;
                if take_right {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
                if list::list_len(l) != n || list::list_len(keys) != n {
                    return Err(vm.value_error("list modified during sort"));
                }
            }
            // One of the runs is used up: the rest of the other follows as it is.
            let rest = if i < mid { &idx[i..mid] } else { &idx[j..hi] };
            buf[k..k + rest.len()].copy_from_slice(rest);
            lo = hi;
        }
        core::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    let mut sorted: Vec<Value> = Vec::with_capacity(n);
    for &i in &idx {
        sorted.push(list_items(l)[i]);
    }
    for (i, v) in sorted.into_iter().enumerate() {
        list::list_set(l, i, v);
    }
    Ok(())
}
