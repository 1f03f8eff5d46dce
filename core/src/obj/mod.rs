//! The object model: every pointer `Value` points at a `#[repr(C)]` struct whose first field is an
//! [`ObjHeader`] naming its type. A [`TypeObj`] says how instances are laid out ([`Kind`]), its
//! name, its bases and where its attributes live (a static method table for builtin types, a
//! dict for classes defined in Python).
//!
//! Mutable object fields are `Cell`s: objects are shared freely through `Value` words, and the
//! interpreter is single-threaded, so interior mutability without `&mut` aliasing is the model.
//! Layout structs and their accessors are the only code that dereferences object pointers.

#[cfg(feature = "complex")]
pub mod complex;
pub mod exc;
#[cfg(feature = "vfs")]
pub mod file;
pub mod func;
pub mod iter;
pub mod list;
pub mod map;
pub mod misc;
pub mod num;
pub mod string;
pub mod types;

use crate::qstr::Qstr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

/// First word of every object.
#[repr(C)]
pub struct ObjHeader {
    pub ty: *const TypeObj,
}

/// How an instance of a type is laid out and dispatched.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Kind {
    /// `object()` and instances of Python classes: `InstanceObj`.
    Object,
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    NativeFunction,
    BoundMethod,
    Type,
    Module,
    Cell,
    Code,
    Generator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Exception,
    Iterator,
    /// `dict.keys()` / `values()` / `items()`: `DictViewObj`.
    DictView,
    Ellipsis,
    NotImplemented,
    /// Native objects defined by modules (StringIO, ...): `NativeObj` with a slot table.
    Native,
    /// `memoryview` over bytes / bytearray: `MemoryViewObj`.
    MemoryView,
}

/// A native function: `args.pos` are positional arguments (for methods, `self` first).
pub type NativeFnPtr = fn(&mut Vm, &Args) -> PyResult<Value>;

/// Arguments of a native call: positional values and keyword (name, value) pairs.
pub struct Args<'a> {
    pub pos: &'a [Value],
    /// Keyword arguments as alternating name (str) and value.
    pub kw: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kw: &[] }
    }

    /// Positional argument `i`, or TypeError(`missing`) when there is none.
    pub fn arg(&self, vm: &mut Vm, i: usize, missing: &str) -> PyResult<Value> {
        match self.pos.get(i) {
            Some(&v) => Ok(v),
            None => Err(vm.type_error(missing)),
        }
    }

    /// `self` of a builtin method (the first positional argument) if its layout is `kind`,
    /// else TypeError(`wrong`) ("descriptor requires a '...' object").
    pub fn receiver(&self, vm: &mut Vm, kind: Kind, wrong: &str) -> PyResult<Value> {
        match self.pos.first() {
            Some(&v) if v.is_obj() && kind_of(v) == kind => Ok(v),
            _ => Err(vm.type_error(wrong)),
        }
    }

    /// The keyword arguments a method accepts: `found[i]` is the value passed as `names[i]`
    /// (None if not passed); TypeError(`unexpected`) for any other keyword. One loop for every
    /// method with keywords, in place of a `match` on the names in each.
    pub fn keywords(
        &self,
        vm: &mut Vm,
        names: &[&str],
        found: &mut [Option<Value>],
        unexpected: &str,
    ) -> PyResult<()> {
        for pair in self.kw.chunks(2) {
            let name = string::str_of(vm, pair[0]).unwrap_or("");
            match names.iter().position(|&n| n == name) {
                Some(i) => found[i] = Some(pair[1]),
                None => return Err(vm.type_error(unexpected)),
            }
        }
        Ok(())
    }
}

/// How a native function binds when found on a type.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Binding {
    /// Instance method: bound to the instance (`self` passed first).
    Method,
    /// Class method: bound to the type.
    Class,
    /// Plain function / static method: never bound.
    Static,
}

#[repr(C, align(16))]
pub struct NativeFn {
    pub header: ObjHeader,
    pub name: Qstr,
    pub binding: Binding,
    pub f: NativeFnPtr,
}

/// `next(obj)` of a native iterator: Ok(None) when exhausted.
pub type NativeNextFn = fn(&mut Vm, Value) -> PyResult<Option<Value>>;

/// A slot table for `Kind::Native` types (objects implemented in Rust by modules).
pub struct NativeSlots {
    /// `repr(obj)`; None: the default `<name object>`.
    pub repr: Option<fn(&mut Vm, Value) -> PyResult<Value>>,
    /// `next(obj)` for iterators: Ok(None) when exhausted.
    pub next: Option<NativeNextFn>,
}

#[repr(C, align(16))]
pub struct TypeObj {
    pub header: ObjHeader,
    pub kind: Kind,
    pub name: Qstr,
    /// The builtin type whose layout instances use (self for builtins, except `object`: null).
    pub base: *const TypeObj,
    /// Builtin attributes (static, in flash).
    pub methods: &'static [(Qstr, &'static NativeFn)],
    /// Native slots for `Kind::Native` types.
    pub slots: Option<&'static NativeSlots>,
    /// Class dict (Python classes); NULL for builtin types.
    pub dict: Cell<Value>,
    /// Tuple of bases (Python classes); NULL for builtin types (their base is `base`).
    pub bases: Cell<Value>,
    /// Method resolution order as a tuple (Python classes); NULL for builtin types.
    pub mro: Cell<Value>,
    /// Python class flags (`TF_*`).
    pub flags: Cell<u32>,
}

/// The class (or one of its bases) defines `__getattr__`.
pub const TF_GETATTR: u32 = 1;
/// The class defines special methods the VM must call (`__eq__`, `__hash__`, ...): instances
/// are not compared by identity.
pub const TF_SPECIAL: u32 = 2;
/// The class is a Python class (heap-allocated, has a dict).
pub const TF_HEAP: u32 = 4;
/// The class is an exception class defined in Python.
pub const TF_EXC: u32 = 8;

// SAFETY: type objects in statics are immutable after build (their Cells are only set on heap
// types), and the interpreter is single-threaded.
unsafe impl Sync for TypeObj {}
// SAFETY: native function statics are immutable.
unsafe impl Sync for NativeFn {}

impl TypeObj {
    pub const fn builtin(
        kind: Kind,
        name: Qstr,
        base: *const TypeObj,
        methods: &'static [(Qstr, &'static NativeFn)],
    ) -> TypeObj {
        TypeObj {
            header: ObjHeader {
                ty: &types::TYPE_TYPE,
            },
            kind,
            name,
            base,
            methods,
            slots: None,
            dict: Cell::new(Value::NULL),
            bases: Cell::new(Value::NULL),
            mro: Cell::new(Value::NULL),
            flags: Cell::new(0),
        }
    }

    pub fn is_heap(&self) -> bool {
        self.flags.get() & TF_HEAP != 0
    }

    pub fn as_value(&self) -> Value {
        // SAFETY: a TypeObj is an object with a valid header and 16-byte alignment.
        unsafe { Value::from_ptr(self as *const TypeObj) }
    }

    /// The builtin base type (for builtin types, the next one up; object has none).
    pub fn builtin_base(&self) -> Option<&'static TypeObj> {
        if self.base.is_null() || core::ptr::eq(self.base, self) {
            None
        } else {
            // SAFETY: `base` always points at a live type object (a static or a rooted class).
            Some(unsafe { &*self.base })
        }
    }
}

impl NativeFn {
    pub const fn new(name: Qstr, f: NativeFnPtr) -> NativeFn {
        NativeFn {
            header: ObjHeader {
                ty: &types::NATIVE_FN_TYPE,
            },
            name,
            binding: Binding::Static,
            f,
        }
    }
    pub const fn method(name: Qstr, f: NativeFnPtr) -> NativeFn {
        NativeFn {
            header: ObjHeader {
                ty: &types::NATIVE_FN_TYPE,
            },
            name,
            binding: Binding::Method,
            f,
        }
    }
    pub const fn classmethod(name: Qstr, f: NativeFnPtr) -> NativeFn {
        NativeFn {
            header: ObjHeader {
                ty: &types::NATIVE_FN_TYPE,
            },
            name,
            binding: Binding::Class,
            f,
        }
    }
    pub fn as_value(&'static self) -> Value {
        // SAFETY: a static NativeFn has a valid header and 16-byte alignment.
        unsafe { Value::from_ptr(self as *const NativeFn) }
    }
}

/// The type of any value.
#[inline(always)]
pub fn type_of(v: Value) -> &'static TypeObj {
    if v.is_obj() {
        // SAFETY: Value invariant: a non-null pointer value points at an object with a valid
        // header; the type outlives its instances (the instance references it, so the GC keeps
        // it, and `&'static` here is bounded by the caller keeping `v` reachable).
        unsafe { &*(*(v.as_ptr::<ObjHeader>())).ty }
    } else {
        immediate_type(v)
    }
}

/// The type of a value that is not an object pointer (small int, qstr, None, bool, ...). Out of
/// line: inlined into every `type_of` this chain costs several KB of flash.
#[inline(never)]
fn immediate_type(v: Value) -> &'static TypeObj {
    if v.is_small_int() {
        &types::INT_TYPE
    } else if v.is_qstr() {
        &types::STR_TYPE
    } else if v == Value::NONE {
        &types::NONE_TYPE
    } else if v.is_bool() {
        &types::BOOL_TYPE
    } else if v == Value::ELLIPSIS {
        &types::ELLIPSIS_TYPE
    } else {
        &types::NOT_IMPLEMENTED_TYPE
    }
}

#[inline(always)]
pub fn kind_of(v: Value) -> Kind {
    type_of(v).kind
}

/// Borrow the object behind `v` as `T`.
///
/// # Safety
/// `v` must be a pointer value whose type's layout is `T`; the reference must not outlive the
/// object (keep `v` reachable).
#[inline(always)]
pub unsafe fn obj<'a, T>(v: Value) -> &'a T {
    &*v.as_ptr::<T>()
}

/// `isinstance`-style check through builtin bases and Python MROs.
pub fn is_subtype(t: &TypeObj, of: &TypeObj) -> bool {
    if core::ptr::eq(t, of) || core::ptr::eq(of, &types::OBJECT_TYPE) {
        return true;
    }
    let mro = t.mro.get();
    if !mro.is_null() {
        return list::tuple_items(mro)
            .iter()
            .any(|&c| core::ptr::eq(type_ref(c), of));
    }
    let mut b = t.builtin_base();
    while let Some(bt) = b {
        if core::ptr::eq(bt, of) {
            return true;
        }
        b = bt.builtin_base();
    }
    false
}

/// The TypeObj behind a value known to be a type.
#[inline(always)]
pub fn type_ref(v: Value) -> &'static TypeObj {
    // SAFETY: callers pass values whose kind is Type (checked by callers or by construction:
    // MRO tuples and `bases` only hold types).
    unsafe { obj::<TypeObj>(v) }
}

pub fn is_type(v: Value) -> bool {
    v.is_obj() && kind_of(v) == Kind::Type
}

/// Plain instance of a Python class (or `object()`).
#[repr(C)]
pub struct InstanceObj {
    pub header: ObjHeader,
    pub dict: Cell<Value>,
}
