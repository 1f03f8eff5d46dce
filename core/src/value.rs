//! `Value`: one machine word per Python object reference.
//!
//! The low bits are a tag, so the common values never allocate:
//! - `....1`  small int: the word shifted right by one (31 bits on 32-bit chips, 63 on the host)
//! - `..010`  interned string (qstr): index in the qstr pools, shifted left by 3
//! - `..110`  immediate: None, False, True, Ellipsis, NotImplemented (index shifted left by 3)
//! - `..000`  pointer to an object whose first word is its type (`obj::ObjHeader`): in the GC
//!   heap, or a static in flash (builtin types, functions, frozen constants). Word 0 is `NULL`,
//!   the "no value" marker (unbound local, empty dict slot, missing `self` in `LoadMethod`).
//!
//! Invariant: a pointer-tagged non-null `Value` always points at a live, initialised object with
//! a valid header; the GC keeps it alive while the word is reachable from a root (see gc.rs).

use crate::qstr::Qstr;

#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(usize);

const TAG_INT: usize = 1;
const TAG_MASK3: usize = 7;
const TAG_QSTR: usize = 2;
const TAG_IMM: usize = 6;

/// Bits available for a small int, including its sign.
pub const SMALL_INT_BITS: u32 = usize::BITS - 1;
pub const SMALL_INT_MAX: i64 = (isize::MAX >> 1) as i64;
pub const SMALL_INT_MIN: i64 = (isize::MIN >> 1) as i64;

impl Value {
    pub const NULL: Value = Value(0);
    pub const NONE: Value = Value(TAG_IMM);
    pub const FALSE: Value = Value((1 << 3) | TAG_IMM);
    pub const TRUE: Value = Value((2 << 3) | TAG_IMM);
    pub const ELLIPSIS: Value = Value((3 << 3) | TAG_IMM);
    pub const NOT_IMPLEMENTED: Value = Value((4 << 3) | TAG_IMM);

    #[inline(always)]
    pub const fn raw(self) -> usize {
        self.0
    }
    /// # Safety
    /// `w` must be a word obtained from `raw()` of a value that is still valid.
    #[inline(always)]
    pub const unsafe fn from_raw(w: usize) -> Value {
        Value(w)
    }

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    pub fn is_none(self) -> bool {
        self.0 == TAG_IMM
    }
    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }
    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self == Value::TRUE || self == Value::FALSE
    }
    #[inline(always)]
    pub fn is_immediate(self) -> bool {
        self.0 & TAG_MASK3 == TAG_IMM
    }

    /// Small int, if `i` fits.
    #[inline(always)]
    pub fn try_small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value(((i as isize) << 1) as usize | TAG_INT))
        } else {
            None
        }
    }
    /// Small int from a value known to fit (indices, lengths, counts).
    #[inline(always)]
    pub fn small_int(i: isize) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&(i as i64)));
        Value(((i << 1) as usize) | TAG_INT)
    }
    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.0 & TAG_INT != 0
    }
    /// The small int's value; only meaningful when `is_small_int()`.
    #[inline(always)]
    pub fn small_int_value(self) -> isize {
        (self.0 as isize) >> 1
    }
    #[inline(always)]
    pub fn as_small_int(self) -> Option<isize> {
        if self.is_small_int() {
            Some(self.small_int_value())
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn from_qstr(q: Qstr) -> Value {
        Value(((q.0 as usize) << 3) | TAG_QSTR)
    }
    #[inline(always)]
    pub fn is_qstr(self) -> bool {
        self.0 & TAG_MASK3 == TAG_QSTR
    }
    #[inline(always)]
    pub fn as_qstr(self) -> Option<Qstr> {
        if self.is_qstr() {
            Some(Qstr((self.0 >> 3) as u32))
        } else {
            None
        }
    }

    /// True for a non-null object pointer.
    #[inline(always)]
    pub fn is_obj(self) -> bool {
        self.0 & TAG_MASK3 == 0 && self.0 != 0
    }
    #[inline(always)]
    pub fn as_ptr<T>(self) -> *mut T {
        self.0 as *mut T
    }
    /// Wrap an object pointer.
    ///
    /// # Safety
    /// `p` must point at an initialised object with a valid header, 8-byte aligned.
    #[inline(always)]
    pub unsafe fn from_ptr<T>(p: *const T) -> Value {
        debug_assert!(p as usize & TAG_MASK3 == 0);
        Value(p as usize)
    }
}

impl core::fmt::Debug for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.is_null() {
            write!(f, "NULL")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "int({})", i)
        } else if let Some(q) = self.as_qstr() {
            write!(f, "qstr#{}", q.0)
        } else if self.is_immediate() {
            write!(f, "imm({:#x})", self.0)
        } else {
            write!(f, "obj@{:#x}", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for i in [0i64, 1, -1, 42, SMALL_INT_MAX, SMALL_INT_MIN] {
            let v = Value::try_small_int(i).unwrap();
            assert!(v.is_small_int());
            assert!(!v.is_obj() && !v.is_qstr() && !v.is_immediate());
            assert_eq!(v.small_int_value() as i64, i);
        }
        assert!(Value::try_small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::try_small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn tags_are_disjoint() {
        let q = Value::from_qstr(Qstr(12345));
        assert!(q.is_qstr() && !q.is_small_int() && !q.is_obj() && !q.is_immediate());
        assert_eq!(q.as_qstr(), Some(Qstr(12345)));
        for imm in [
            Value::NONE,
            Value::TRUE,
            Value::FALSE,
            Value::ELLIPSIS,
            Value::NOT_IMPLEMENTED,
        ] {
            assert!(imm.is_immediate() && !imm.is_obj() && !imm.is_qstr() && !imm.is_small_int());
        }
        assert!(!Value::NULL.is_obj());
    }
}
