//! Builtin type objects: statics in flash. Their method tables live beside each type's code.

use super::{Kind, TypeObj};
use crate::qstr::q;
use core::ptr::null;

macro_rules! builtin_types {
    ($( $(#[$m:meta])* $static:ident = ($kind:ident, $name:expr, $base:expr, $methods:expr); )*) => {
        $( $(#[$m])* pub static $static: TypeObj = TypeObj::builtin(Kind::$kind, $name, $base, $methods); )*
    };
}

builtin_types! {
    TYPE_TYPE = (Type, q::r#type, &OBJECT_TYPE, super::misc::TYPE_METHODS);
    OBJECT_TYPE = (Object, q::object, null(), super::misc::OBJECT_METHODS);
    NONE_TYPE = (NoneType, q::NoneType, &OBJECT_TYPE, &[]);
    INT_TYPE = (Int, q::int, &OBJECT_TYPE, super::num::INT_METHODS);
    BOOL_TYPE = (Bool, q::bool, &INT_TYPE, &[]);
    #[cfg(feature = "float")]
    FLOAT_TYPE = (Float, q::float, &OBJECT_TYPE, super::num::FLOAT_METHODS);
    #[cfg(feature = "complex")]
    COMPLEX_TYPE = (Complex, q::complex, &OBJECT_TYPE, super::complex::COMPLEX_METHODS);
    STR_TYPE = (Str, q::str, &OBJECT_TYPE, super::string::STR_METHODS);
    BYTES_TYPE = (Bytes, q::bytes, &OBJECT_TYPE, super::string::BYTES_METHODS);
    BYTEARRAY_TYPE = (ByteArray, q::bytearray, &OBJECT_TYPE, super::string::BYTEARRAY_METHODS);
    TUPLE_TYPE = (Tuple, q::tuple, &OBJECT_TYPE, super::list::TUPLE_METHODS);
    LIST_TYPE = (List, q::list, &OBJECT_TYPE, super::list::LIST_METHODS);
    DICT_TYPE = (Dict, q::dict, &OBJECT_TYPE, super::map::DICT_METHODS);
    SET_TYPE = (Set, q::set, &OBJECT_TYPE, super::map::SET_METHODS);
    FROZENSET_TYPE = (FrozenSet, q::frozenset, &OBJECT_TYPE, super::map::FROZENSET_METHODS);
    RANGE_TYPE = (Range, q::range, &OBJECT_TYPE, super::misc::RANGE_METHODS);
    SLICE_TYPE = (Slice, q::slice, &OBJECT_TYPE, super::misc::SLICE_METHODS);
    MEMORYVIEW_TYPE = (MemoryView, q::memoryview, &OBJECT_TYPE, super::string::MEMORYVIEW_METHODS);
    FUNCTION_TYPE = (Function, q::function, &OBJECT_TYPE, &[]);
    NATIVE_FN_TYPE = (NativeFunction, q::builtin_function_or_method, &OBJECT_TYPE, &[]);
    BOUND_METHOD_TYPE = (BoundMethod, q::bound_method, &OBJECT_TYPE, &[]);
    MODULE_TYPE = (Module, q::module, &OBJECT_TYPE, &[]);
    CELL_TYPE = (Cell, q::cell, &OBJECT_TYPE, &[]);
    CODE_TYPE = (Code, q::code, &OBJECT_TYPE, &[]);
    GENERATOR_TYPE = (Generator, q::generator, &OBJECT_TYPE, super::func::GENERATOR_METHODS);
    #[cfg(feature = "async")]
    COROUTINE_TYPE = (Generator, q::coroutine, &OBJECT_TYPE, super::func::GENERATOR_METHODS);
    PROPERTY_TYPE = (Property, q::property, &OBJECT_TYPE, super::misc::PROPERTY_METHODS);
    STATICMETHOD_TYPE = (StaticMethod, q::staticmethod, &OBJECT_TYPE, &[]);
    CLASSMETHOD_TYPE = (ClassMethod, q::classmethod, &OBJECT_TYPE, &[]);
    SUPER_TYPE = (Super, q::super_, &OBJECT_TYPE, &[]);
    ITERATOR_TYPE = (Iterator, q::iterator, &OBJECT_TYPE, super::iter::ITERATOR_METHODS);
    DICT_KEYS_TYPE = (DictView, q::dict_keys, &OBJECT_TYPE, &[]);
    DICT_VALUES_TYPE = (DictView, q::dict_values, &OBJECT_TYPE, &[]);
    DICT_ITEMS_TYPE = (DictView, q::dict_items, &OBJECT_TYPE, &[]);
    ELLIPSIS_TYPE = (Ellipsis, q::ellipsis, &OBJECT_TYPE, &[]);
    NOT_IMPLEMENTED_TYPE = (NotImplemented, q::NotImplementedType, &OBJECT_TYPE, &[]);

    // The exception hierarchy (CPython's, as far as MicroPython has it).
    BASE_EXCEPTION_TYPE = (Exception, q::BaseException, &OBJECT_TYPE, super::exc::EXC_METHODS);
    SYSTEM_EXIT_TYPE = (Exception, q::SystemExit, &BASE_EXCEPTION_TYPE, &[]);
    KEYBOARD_INTERRUPT_TYPE = (Exception, q::KeyboardInterrupt, &BASE_EXCEPTION_TYPE, &[]);
    GENERATOR_EXIT_TYPE = (Exception, q::GeneratorExit, &BASE_EXCEPTION_TYPE, &[]);
    EXCEPTION_TYPE = (Exception, q::Exception, &BASE_EXCEPTION_TYPE, &[]);
    STOP_ITERATION_TYPE = (Exception, q::StopIteration, &EXCEPTION_TYPE, &[]);
    #[cfg(feature = "async")]
    STOP_ASYNC_ITERATION_TYPE = (Exception, q::StopAsyncIteration, &EXCEPTION_TYPE, &[]);
    ARITHMETIC_ERROR_TYPE = (Exception, q::ArithmeticError, &EXCEPTION_TYPE, &[]);
    OVERFLOW_ERROR_TYPE = (Exception, q::OverflowError, &ARITHMETIC_ERROR_TYPE, &[]);
    ZERO_DIVISION_ERROR_TYPE = (Exception, q::ZeroDivisionError, &ARITHMETIC_ERROR_TYPE, &[]);
    ASSERTION_ERROR_TYPE = (Exception, q::AssertionError, &EXCEPTION_TYPE, &[]);
    ATTRIBUTE_ERROR_TYPE = (Exception, q::AttributeError, &EXCEPTION_TYPE, &[]);
    EOF_ERROR_TYPE = (Exception, q::EOFError, &EXCEPTION_TYPE, &[]);
    IMPORT_ERROR_TYPE = (Exception, q::ImportError, &EXCEPTION_TYPE, &[]);
    MODULE_NOT_FOUND_ERROR_TYPE = (Exception, q::ModuleNotFoundError, &IMPORT_ERROR_TYPE, &[]);
    LOOKUP_ERROR_TYPE = (Exception, q::LookupError, &EXCEPTION_TYPE, &[]);
    INDEX_ERROR_TYPE = (Exception, q::IndexError, &LOOKUP_ERROR_TYPE, &[]);
    KEY_ERROR_TYPE = (Exception, q::KeyError, &LOOKUP_ERROR_TYPE, &[]);
    MEMORY_ERROR_TYPE = (Exception, q::MemoryError, &EXCEPTION_TYPE, &[]);
    NAME_ERROR_TYPE = (Exception, q::NameError, &EXCEPTION_TYPE, &[]);
    UNBOUND_LOCAL_ERROR_TYPE = (Exception, q::UnboundLocalError, &NAME_ERROR_TYPE, &[]);
    OS_ERROR_TYPE = (Exception, q::OSError, &EXCEPTION_TYPE, &[]);
    RUNTIME_ERROR_TYPE = (Exception, q::RuntimeError, &EXCEPTION_TYPE, &[]);
    NOT_IMPLEMENTED_ERROR_TYPE = (Exception, q::NotImplementedError, &RUNTIME_ERROR_TYPE, &[]);
    RECURSION_ERROR_TYPE = (Exception, q::RecursionError, &RUNTIME_ERROR_TYPE, &[]);
    SYNTAX_ERROR_TYPE = (Exception, q::SyntaxError, &EXCEPTION_TYPE, &[]);
    INDENTATION_ERROR_TYPE = (Exception, q::IndentationError, &SYNTAX_ERROR_TYPE, &[]);
    TYPE_ERROR_TYPE = (Exception, q::TypeError, &EXCEPTION_TYPE, &[]);
    VALUE_ERROR_TYPE = (Exception, q::ValueError, &EXCEPTION_TYPE, &[]);
    UNICODE_ERROR_TYPE = (Exception, q::UnicodeError, &VALUE_ERROR_TYPE, &[]);
}

/// Exception types exposed as builtins, in the order they are registered.
pub static BUILTIN_EXCEPTIONS: &[&TypeObj] = &[
    &BASE_EXCEPTION_TYPE,
    &SYSTEM_EXIT_TYPE,
    &KEYBOARD_INTERRUPT_TYPE,
    &GENERATOR_EXIT_TYPE,
    &EXCEPTION_TYPE,
    &STOP_ITERATION_TYPE,
    #[cfg(feature = "async")]
    &STOP_ASYNC_ITERATION_TYPE,
    &ARITHMETIC_ERROR_TYPE,
    &OVERFLOW_ERROR_TYPE,
    &ZERO_DIVISION_ERROR_TYPE,
    &ASSERTION_ERROR_TYPE,
    &ATTRIBUTE_ERROR_TYPE,
    &EOF_ERROR_TYPE,
    &IMPORT_ERROR_TYPE,
    &MODULE_NOT_FOUND_ERROR_TYPE,
    &LOOKUP_ERROR_TYPE,
    &INDEX_ERROR_TYPE,
    &KEY_ERROR_TYPE,
    &MEMORY_ERROR_TYPE,
    &NAME_ERROR_TYPE,
    &UNBOUND_LOCAL_ERROR_TYPE,
    &OS_ERROR_TYPE,
    &RUNTIME_ERROR_TYPE,
    &NOT_IMPLEMENTED_ERROR_TYPE,
    &RECURSION_ERROR_TYPE,
    &SYNTAX_ERROR_TYPE,
    &INDENTATION_ERROR_TYPE,
    &TYPE_ERROR_TYPE,
    &VALUE_ERROR_TYPE,
    &UNICODE_ERROR_TYPE,
];
