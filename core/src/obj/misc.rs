//! Small object types: range, slice, property, staticmethod/classmethod, super, module.

use super::{obj, Args, NativeFn, ObjHeader, TypeObj};
use crate::obj::types::{
    CLASSMETHOD_TYPE, MODULE_TYPE, PROPERTY_TYPE, RANGE_TYPE, SLICE_TYPE, STATICMETHOD_TYPE,
    SUPER_TYPE,
};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{header, PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct RangeObj {
    pub header: ObjHeader,
    pub start: isize,
    pub stop: isize,
    pub step: isize,
}

pub fn new_range(vm: &mut Vm, start: isize, stop: isize, step: isize) -> PyResult<Value> {
    vm.alloc_obj(
        RangeObj {
            header: header(&RANGE_TYPE),
            start,
            stop,
            step,
        },
        0,
    )
}

pub fn range_ref(v: Value) -> &'static RangeObj {
    // SAFETY: callers pass range objects.
    unsafe { obj::<RangeObj>(v) }
}

impl RangeObj {
    pub fn len(&self) -> usize {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            (stop - start + step - 1) / step
        } else {
            (start - stop - step - 1) / -step
        };
        n.max(0) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, i: usize) -> isize {
        self.start + i as isize * self.step
    }
}

fn range_count_index(vm: &mut Vm, args: &Args, want_index: bool) -> PyResult<Value> {
    let r = range_ref(args.pos[0]);
    let x = args.pos.get(1).copied().unwrap_or(Value::NONE);
    if let Some(i) = x.as_small_int() {
        let off = i - r.start;
        let found = r.step != 0
            && off % r.step == 0
            && (off / r.step) >= 0
            && ((off / r.step) as usize) < r.len();
        if want_index {
            if found {
                return Ok(Value::small_int(off / r.step));
            }
            return Err(vm.value_error("object not in range"));
        }
        return Ok(Value::small_int(found as isize));
    }
    if want_index {
        Err(vm.value_error("object not in range"))
    } else {
        Ok(Value::small_int(0))
    }
}
fn range_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    range_count_index(vm, args, false)
}
fn range_index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    range_count_index(vm, args, true)
}

pub static RANGE_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::count, &NativeFn::method(q::count, range_count)),
    (q::index, &NativeFn::method(q::index, range_index)),
];

#[repr(C)]
pub struct SliceObj {
    pub header: ObjHeader,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub fn new_slice(vm: &mut Vm, start: Value, stop: Value, step: Value) -> PyResult<Value> {
    vm.alloc_obj(
        SliceObj {
            header: header(&SLICE_TYPE),
            start,
            stop,
            step,
        },
        0,
    )
}

pub fn slice_ref(v: Value) -> &'static SliceObj {
    // SAFETY: callers pass slice objects.
    unsafe { obj::<SliceObj>(v) }
}

/// Resolve a slice against a sequence length: (start, stop, step, count), CPython's rules.
pub fn slice_indices(vm: &mut Vm, s: Value, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let o = slice_ref(s);
    let len = len as isize;
    let step = if o.step.is_none() {
        1
    } else {
        crate::ops::to_index(vm, o.step)?
    };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |v: isize| -> isize {
        if v < 0 {
            (v + len).max(lower)
        } else {
            v.min(upper)
        }
    };
    let start = if o.start.is_none() {
        if step < 0 {
            upper
        } else {
            lower
        }
    } else {
        norm(crate::ops::to_index(vm, o.start)?)
    };
    let stop = if o.stop.is_none() {
        if step < 0 {
            lower
        } else {
            upper
        }
    } else {
        norm(crate::ops::to_index(vm, o.stop)?)
    };
    let count = if step > 0 {
        if stop > start {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop - step - 1) / -step
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

/// `slice.indices(len)`: the (start, stop, step) a slice selects in a sequence of `len`.
#[cfg(feature = "extra-builtins")]
fn slice_indices_method(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(&s), Some(&n)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("indices() takes exactly one argument"));
    };
    if !s.is_obj() || crate::obj::kind_of(s) != crate::obj::Kind::Slice {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    }
    let n = crate::ops::to_index(vm, n)?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = slice_indices(vm, s, n as usize)?;
    let items = [
        Value::small_int(start),
        Value::small_int(stop),
        Value::small_int(step),
    ];
    crate::obj::list::new_tuple(vm, &items)
}

/// slice's methods (`indices` is MicroPython's EXTRA-level MICROPY_PY_BUILTINS_SLICE_INDICES).
pub static SLICE_METHODS: &[(Qstr, &NativeFn)] = &[
    #[cfg(feature = "extra-builtins")]
    (
        q::indices,
        &NativeFn::method(q::indices, slice_indices_method),
    ),
];

/// property, staticmethod, classmethod: wrappers around callables.
#[repr(C)]
pub struct PropertyObj {
    pub header: ObjHeader,
    pub fget: Cell<Value>,
    pub fset: Cell<Value>,
    pub fdel: Cell<Value>,
}

pub fn new_property(vm: &mut Vm, fget: Value, fset: Value, fdel: Value) -> PyResult<Value> {
    vm.alloc_obj(
        PropertyObj {
            header: header(&PROPERTY_TYPE),
            fget: Cell::new(fget),
            fset: Cell::new(fset),
            fdel: Cell::new(fdel),
        },
        0,
    )
}

pub fn property_ref(v: Value) -> &'static PropertyObj {
    // SAFETY: callers pass property objects.
    unsafe { obj::<PropertyObj>(v) }
}

fn property_with(vm: &mut Vm, args: &Args, which: u8) -> PyResult<Value> {
    let p = property_ref(args.pos[0]);
    let f = args.pos.get(1).copied().unwrap_or(Value::NONE);
    let (mut g, mut s, mut d) = (p.fget.get(), p.fset.get(), p.fdel.get());
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    new_property(vm, g, s, d)
}
fn property_getter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    property_with(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    property_with(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    property_with(vm, args, 2)
}

pub static PROPERTY_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::getter, &NativeFn::method(q::getter, property_getter)),
    (q::setter, &NativeFn::method(q::setter, property_setter)),
    (q::deleter, &NativeFn::method(q::deleter, property_deleter)),
];

/// staticmethod / classmethod wrapper.
#[repr(C)]
pub struct WrapperObj {
    pub header: ObjHeader,
    pub func: Value,
}

pub fn new_wrapper(vm: &mut Vm, class: bool, func: Value) -> PyResult<Value> {
    let ty: &'static TypeObj = if class {
        &CLASSMETHOD_TYPE
    } else {
        &STATICMETHOD_TYPE
    };
    vm.alloc_obj(
        WrapperObj {
            header: header(ty),
            func,
        },
        0,
    )
}

pub fn wrapped(v: Value) -> Value {
    // SAFETY: callers pass staticmethod/classmethod objects.
    unsafe { obj::<WrapperObj>(v).func }
}

#[repr(C)]
pub struct SuperObj {
    pub header: ObjHeader,
    /// The class whose MRO successor is searched.
    pub class: Value,
    pub obj: Value,
}

pub fn new_super(vm: &mut Vm, class: Value, o: Value) -> PyResult<Value> {
    vm.alloc_obj(
        SuperObj {
            header: header(&SUPER_TYPE),
            class,
            obj: o,
        },
        0,
    )
}

pub fn super_ref(v: Value) -> &'static SuperObj {
    // SAFETY: callers pass super objects.
    unsafe { obj::<SuperObj>(v) }
}

#[repr(C)]
pub struct ModuleObj {
    pub header: ObjHeader,
    pub name: Qstr,
    pub dict: Value,
}

pub fn new_module(vm: &mut Vm, name: Qstr) -> PyResult<Value> {
    let dict = crate::obj::map::new_dict(vm)?;
    crate::obj::map::map_set_qstr(vm, dict, q::__name__, Value::from_qstr(name))?;
    vm.alloc_obj(
        ModuleObj {
            header: header(&MODULE_TYPE),
            name,
            dict,
        },
        0,
    )
}

pub fn module_ref(v: Value) -> &'static ModuleObj {
    // SAFETY: callers pass module objects.
    unsafe { obj::<ModuleObj>(v) }
}

// ---- type and object methods ----

fn type_mro(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = args.pos[0];
    let mro = crate::attr::mro_of(vm, t)?;
    crate::obj::list::new_list(vm, crate::obj::list::tuple_items(mro))
}

fn object_init(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `object.__init_subclass__(cls)`: the end of a `super().__init_subclass__(**kw)` chain; any
/// keyword left over was not consumed by a class in between.
fn object_init_subclass(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if !args.kw.is_empty() || args.pos.len() > 1 {
        return Err(vm.type_error("__init_subclass__() takes no arguments"));
    }
    Ok(Value::NONE)
}

fn object_eq(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(if args.pos[0] == args.pos[1] {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    })
}

fn object_ne(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let r = crate::ops::eq(vm, args.pos[0], args.pos[1])?;
    Ok(Value::from_bool(!r))
}

fn object_hash(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    crate::obj::num::int_from_i64(vm, (args.pos[0].raw() >> 4) as i64)
}

fn object_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = crate::ops::default_repr(vm, args.pos[0]);
    vm.new_string(s)
}

fn object_str(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    crate::ops::repr(vm, args.pos[0])
}

fn object_setattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        return Err(vm.type_error("__setattr__ expects 2 arguments"));
    }
    let name = crate::obj::string::to_qstr(vm, args.pos[1])?;
    crate::attr::generic_setattr(vm, args.pos[0], name, args.pos[2])?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(vm.type_error("__delattr__ expects 1 argument"));
    }
    let name = crate::obj::string::to_qstr(vm, args.pos[1])?;
    crate::attr::generic_delattr(vm, args.pos[0], name)?;
    Ok(Value::NONE)
}

fn object_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let cls = args.arg(vm, 0, "object.__new__(): not enough arguments")?;
    if !super::is_type(cls) {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    }
    crate::attr::new_instance(vm, super::type_ref(cls))
}

static OBJECT_STR: NativeFn = NativeFn::method(q::__str__, object_str);

static OBJECT_REPR: NativeFn = NativeFn::method(q::__repr__, object_repr);

/// `m` is `object.__repr__` (the default every class inherits).
pub fn is_object_repr(m: Value) -> bool {
    m == OBJECT_REPR.as_value()
}

/// `m` is `object.__str__` (the default every class inherits).
pub fn is_object_str(m: Value) -> bool {
    m == OBJECT_STR.as_value()
}

pub static OBJECT_METHODS: &[(Qstr, &NativeFn)] = &[
    (q::__init__, &NativeFn::method(q::__init__, object_init)),
    (q::__new__, &NativeFn::new(q::__new__, object_new)),
    (
        q::__init_subclass__,
        &NativeFn::method(q::__init_subclass__, object_init_subclass),
    ),
    (q::__eq__, &NativeFn::method(q::__eq__, object_eq)),
    (q::__ne__, &NativeFn::method(q::__ne__, object_ne)),
    (q::__hash__, &NativeFn::method(q::__hash__, object_hash)),
    (q::__repr__, &OBJECT_REPR),
    (q::__str__, &OBJECT_STR),
    (
        q::__setattr__,
        &NativeFn::method(q::__setattr__, object_setattr),
    ),
    (
        q::__delattr__,
        &NativeFn::method(q::__delattr__, object_delattr),
    ),
];

pub static TYPE_METHODS: &[(Qstr, &NativeFn)] = &[(q::mro, &NativeFn::method(q::mro, type_mro))];
