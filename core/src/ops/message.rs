//! Error messages built by concatenation. These paths are cold, and each `format!` call site
//! costs an argument table, an inlined fast path and the drop of the `String`; on thumbv6m
//! passing the static pieces and the few dynamic strings to one shared helper is smaller.

use crate::obj::types::TYPE_ERROR_TYPE;
use crate::obj::TypeObj;
use crate::value::Value;
use crate::vm::{PyErr, Vm};
use alloc::string::String;

/// A new exception of type `ty` whose message is `pieces` with `args` between them
/// (`pieces[0] args[0] pieces[1] args[1] ...`), like `format!` with only `{}` of strs.
#[cold]
#[inline(never)]
pub fn error(vm: &mut Vm, ty: &'static TypeObj, pieces: &[&str], args: &[&str]) -> PyErr {
    let mut msg = String::new();
    for (i, p) in pieces.iter().enumerate() {
        msg.push_str(p);
        if let Some(a) = args.get(i) {
            msg.push_str(a);
        }
    }
    vm.new_error(ty, &msg)
}

/// TypeError: `pieces` with `args` between them, as [`error`].
#[cold]
#[inline(never)]
pub fn type_error(vm: &mut Vm, pieces: &[&str], args: &[&str]) -> PyErr {
    error(vm, &TYPE_ERROR_TYPE, pieces, args)
}

/// TypeError `before` + the name of `v`'s type + `after` (`'T' object isn't iterable`).
#[cold]
#[inline(never)]
pub fn type_error_of(vm: &mut Vm, before: &str, v: Value, after: &str) -> PyErr {
    let name = vm.type_name(v);
    type_error(vm, &[before, after], &[name])
}

#[cfg(test)]
mod tests {
    /// Programs that raise the errors and print the reprs built by concatenation in ops.rs,
    /// attr.rs and call.rs.
    const PROGRAM: &str = r#"def show(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__ + ':', e)

class C:
    pass

def f1(a):
    pass

def f2(a, b=1):
    pass

def f3(*, k):
    pass

def setslice(o, v):
    o[::2] = v

show(lambda: 1 < 'a')
show(lambda: C() >= C())
show(lambda: 1 + 'a')
show(lambda: [] - C())
show(lambda: -'a')
show(lambda: ~C())
show(lambda: len(5))
show(lambda: [1]['a'])
show(lambda: (1,)[5])
show(lambda: b'ab'[C()])
show(lambda: 'ab'[9])
show(lambda: 5[0])
show(lambda: setslice((1, 2), [3]))
show(lambda: setslice([1, 2, 3], [1]))
show(lambda: setslice(bytearray(3), b'x'))
show(lambda: 1 in 'a')
show(lambda: iter(5))
show(lambda: next([]))
show(lambda: 5())
show(lambda: hash([]))
show(lambda: [1, 2, 3][1:C()])
show(lambda: (1).foo)
show(lambda: int.foo)
show(lambda: C().foo)
show(lambda: setattr(int, 'x', 1))
show(lambda: type('R', (range,), {}))
def class_with_keyword():
    class K(x=1):
        pass

show(class_with_keyword)
def del_item():
    t = (1,)
    del t[0]

show(del_item)
show(lambda: C(1))
show(lambda: f1(1, 2))
show(lambda: f2(1, 2, 3))
show(lambda: f1(1, a=2))
show(lambda: f1(b=1))
show(lambda: f1())
show(lambda: f3())
show(lambda: type('M', (C, object, C), {}))
print(repr(range(1, 5)), repr(range(-1, 5, 2)), set(), frozenset(), frozenset({1}), {1: 2, 3: (4,)}, {1})
print(repr(len), repr(C)[:9])
print(str(OSError(2)), str(OSError(99999)), str(OSError('x')))
print([1, 2] + [3], (1,) + (2, 3), [0] * 3, (1, 2) * 2, b'a' + b'b', bytearray(b'a') + b'b', b'ab' * 2, bytearray(b'x') * 2)
print([1, 2, 3, 4][::2], (1, 2, 3)[::-1], b'abcd'[1::2], bytearray(b'abcd')[::-2], 'abcdef'[::2], 'h\u00e9llo'[::-1])
class A: pass
class B(A): pass
class D(A): pass
class E(B, D): pass
print([k.__name__ for k in E.__mro__])
show(lambda: type('Bad', (A, B), {}))
l = [5, 3, 1, 4, 2]
l.sort()
print(l, sorted([3, 1, 2], reverse=True), sorted(['b', 'a', 'c'], key=lambda s: s))
"#;

    /// The output of `PROGRAM` as it was when these messages were built with `format!`.
    const EXPECTED: &str = r#"TypeError: '<' not supported between instances of 'int' and 'str'
TypeError: '>=' not supported between instances of 'C' and 'C'
TypeError: unsupported operand type(s) for +: 'int' and 'str'
TypeError: unsupported operand type(s) for -: 'list' and 'C'
TypeError: bad operand type for unary -: 'str'
TypeError: bad operand type for unary ~: 'C'
TypeError: object of type 'int' has no len()
TypeError: list indices must be integers, not str
IndexError: tuple index out of range
TypeError: 'C' object cannot be interpreted as an integer
IndexError: string index out of range
TypeError: 'int' object isn't subscriptable
TypeError: 'tuple' object doesn't support item assignment
ValueError: attempt to assign sequence of size 1 to extended slice of size 2
ValueError: attempt to assign bytes of size 1 to extended slice of size 2
TypeError: 'in <string>' requires string as left operand, not int
TypeError: 'int' object isn't iterable
TypeError: 'list' object isn't an iterator
TypeError: 'int' object isn't callable
TypeError: unhashable type: 'list'
TypeError: 'C' object cannot be interpreted as an integer
AttributeError: 'int' object has no attribute 'foo'
AttributeError: type object 'int' has no attribute 'foo'
AttributeError: 'C' object has no attribute 'foo'
TypeError: can't set attributes of built-in/extension type 'int'
TypeError: subclassing the builtin type 'range' isn't supported yet
TypeError: K.__init_subclass__() takes no keyword arguments
TypeError: 'tuple' object doesn't support item deletion
TypeError: C() takes no arguments
TypeError: f1() takes 1 positional arguments but 2 were given
TypeError: f2() takes from 1 to 2 positional arguments but 3 were given
TypeError: f1() got multiple values for argument 'a'
TypeError: f1() got an unexpected keyword argument 'b'
TypeError: f1() missing required positional argument: 'a'
TypeError: f3() missing required keyword-only argument: 'k'
TypeError: Cannot create a consistent method resolution order (MRO)
range(1, 5) range(-1, 5, 2) set() frozenset() frozenset({1}) {1: 2, 3: (4,)} {1}
<built-in function len> <class 'C
[Errno 2] ENOENT 99999 x
[1, 2, 3] (1, 2, 3) [0, 0, 0] (1, 2, 1, 2) b'ab' bytearray(b'ab') b'abab' bytearray(b'xx')
[1, 3] (3, 2, 1) b'bd' bytearray(b'db') ace olléh
['E', 'B', 'D', 'A', 'object']
TypeError: Cannot create a consistent method resolution order (MRO)
[1, 2, 3, 4, 5] [3, 2, 1] ['a', 'b', 'c']
"#;

    #[test]
    fn messages_and_reprs_keep_their_text() {
        let got = crate::frozen::tests::run(&[], PROGRAM);
        for (g, e) in got.lines().zip(EXPECTED.lines()) {
            assert_eq!(g, e);
        }
        assert_eq!(got.lines().count(), EXPECTED.lines().count());
    }
}
