//! Builds without `float`, `bigint`, `async`, `fstrings` or `extra-builtins` (MicroPython's
//! MICROPY_FLOAT_IMPL_NONE, MICROPY_LONGINT_IMPL_NONE, MICROPY_PY_ASYNC_AWAIT=0,
//! MICROPY_PY_FSTRINGS=0, MICROPY_CONFIG_ROM_LEVEL_MINIMUM's builtins): what needs the missing part is a clear Python error, never a panic or
//! a wrong answer. Run with `cargo test -p mpy-core --no-default-features`.

use crate::frozen::tests::run;
use alloc::string::String;

/// The output of `src`, or the last line of its uncaught exception.
fn out(src: &str) -> String {
    run(&[], src)
}

#[cfg(not(feature = "float"))]
mod without_float {
    use super::out;

    #[test]
    fn decimal_literals_are_a_syntax_error() {
        for src in ["x = 1.5", "print(1e3)", "y = .5 + 1"] {
            assert_eq!(
                out(src),
                "SyntaxError: decimal numbers not supported",
                "{src}"
            );
        }
    }

    #[test]
    fn true_division_of_ints_is_a_type_error() {
        assert_eq!(
            out("print(7 // 2, 7 % 2)\nprint(7 / 2)"),
            "3 1\nTypeError: unsupported operand type(s) for /: 'int' and 'int'"
        );
        assert!(out("x = 6\nx /= 3").starts_with("TypeError: unsupported"));
    }

    #[test]
    fn there_is_no_float_type() {
        assert_eq!(out("float('1.5')"), "NameError: name 'float' isn't defined");
    }

    #[test]
    fn negative_powers_are_a_value_error() {
        assert_eq!(
            out("print(2 ** 3)\nprint(2 ** -1)"),
            "8\nValueError: negative power with no float support"
        );
        assert!(out("pow(2, -2)").contains("negative power with no float support"));
    }

    #[test]
    fn float_format_codes_are_rejected() {
        assert_eq!(
            out("'%f' % 1"),
            "ValueError: unsupported format character 'f' (0x66) at index 1"
        );
        assert!(out("'%.2e' % 1").starts_with("ValueError: unsupported format character 'e'"));
        assert!(out("'{:g}'.format(1)").starts_with("ValueError: Unknown format code 'g'"));
        assert_eq!(
            out("print('%d %x %5s|' % (42, 255, 'a'), '{:>4}'.format(7))"),
            "42 ff     a|    7\n"
        );
    }

    #[test]
    fn ints_still_round_hash_and_compare() {
        assert_eq!(
            out("print(round(15, -1), round(25, -1), hash(5), abs(-3), 3 < 4, divmod(-7, 2))"),
            "20 20 5 3 True (-4, 1)\n"
        );
    }
}

#[cfg(not(feature = "bigint"))]
mod without_bigint {
    use super::out;
    use alloc::string::String;

    /// The largest small int, as Python source.
    fn max_small() -> String {
        alloc::format!("{}", crate::value::SMALL_INT_MAX)
    }

    const OVERFLOW: &str = "OverflowError: small int overflow";

    #[test]
    fn results_beyond_the_small_int_range_overflow() {
        let m = max_small();
        assert_eq!(
            out(&alloc::format!("m = {m}\nprint(m - 1 + 1 == m)")),
            "True\n"
        );
        for expr in [
            "m + 1",
            "-m - 2",
            "m * 2",
            "m << 1",
            "2 ** 200",
            "-(-m - 1)",
            "abs(-m - 1)",
        ] {
            let src = alloc::format!("m = {m}\nx = {expr}");
            assert_eq!(out(&src), OVERFLOW, "{expr}");
        }
    }

    #[test]
    fn big_int_text_and_bytes_overflow() {
        assert_eq!(out("int('9' * 40)"), OVERFLOW);
        assert_eq!(out("int('f' * 40, 16)"), OVERFLOW);
        assert_eq!(out("int.from_bytes(b'\\xff' * 16, 'big')"), OVERFLOW);
        assert_eq!(out("print(int.from_bytes(b'\\x01\\x02', 'big'))"), "258\n");
    }

    #[test]
    fn big_int_literals_overflow() {
        assert_eq!(
            out("print(1)\nx = 123456789012345678901234567890"),
            OVERFLOW
        );
    }

    /// int parsing, bin/oct/hex, to_bytes/from_bytes, hashing, round and three-argument pow
    /// run on machine words: the same output as CPython (checked with python3) for values that
    /// fit.
    #[test]
    fn word_sized_int_operations_match_cpython() {
        let m = max_small();
        let cases = [
            (
                "print(int(' -0x_1f ', 0), int('z', 36), int('1_000'), int(b'0b11', 0), int('\\t+7\\n'))",
                "-31 35 1000 3 7\n",
            ),
            (
                "print(bin(-5), oct(-8), hex(-255), hex(m), bin(0), hex(-m-1))",
                "-0b101 -0o10 -0xff 0x3fffffffffffffff 0b0 -0x4000000000000000\n",
            ),
            (
                "print((-2).to_bytes(2,'big',signed=True), int.from_bytes(b'\\xff\\xfe', 'big', signed=True), int.from_bytes(b'\\xfe\\xff', 'little'), (1024).to_bytes(3, 'little'))",
                "b'\\xff\\xfe' -2 65534 b'\\x00\\x04\\x00'\n",
            ),
            (
                "print(int.from_bytes(b'\\x3f' + b'\\xff'*7, 'big'), int.from_bytes(b'\\xc0' + bytes(7), 'big', signed=True))",
                "4611686018427387903 -4611686018427387904\n",
            ),
            (
                "print(hash(-1), hash(2**61), hash(2**61-1), hash(-2**61), hash(m), hash(-m-1))",
                "-2 1 0 -2 1 -2\n",
            ),
            (
                "print(round(m, -1), round(-25, -1), round(15, -1), round(7, -100))",
                "4611686018427387900 -20 20 0\n",
            ),
            // Three-argument pow is an `extra-builtins` part (MICROPY_PY_BUILTINS_POW3).
            #[cfg(feature = "extra-builtins")]
            (
                "print(pow(3, -1, 7), pow(2, 100, 1000), pow(2, 3, -5))",
                "5 376 -2\n",
            ),
            (
                "print((-m-1).bit_length(), (255).bit_length(), (0).bit_length())",
                "63 8 0\n",
            ),
            (
                "print(format(-1234567, ',d'), format(255, '#010x'), '{:_b}'.format(10), '{:>+8,}'.format(1234), '%5d|%-5x|%#o' % (-42, 255, 8), '{:^9,}|{:=+8}'.format(-1000, 5))",
                "-1,234,567 0x000000ff 1010   +1,234   -42|ff   |0o10  -1,000  |+      5\n",
            ),
        ];
        for (src, want) in cases {
            let src = alloc::format!("m = {m}\n{src}");
            assert_eq!(out(&src), want, "{src}");
        }
    }

    #[test]
    fn word_sized_int_errors_are_cpythons() {
        let cases = [
            (
                "int('1__0')",
                "ValueError: invalid literal for int() with base 10: '1__0'",
            ),
            (
                "int('12', 1)",
                "ValueError: int() base must be >= 2 and <= 36, or 0",
            ),
            (
                "int('0x', 16)",
                "ValueError: invalid literal for int() with base 16: '0x'",
            ),
            (
                "int('010', 0)",
                "ValueError: invalid literal for int() with base 0: '010'",
            ),
            (
                "(256).to_bytes(1,'big')",
                "OverflowError: int too big to convert",
            ),
            (
                "(-1).to_bytes(1,'big')",
                "OverflowError: can't convert negative int to unsigned",
            ),
            #[cfg(feature = "extra-builtins")]
            (
                "pow(2, -1, 4)",
                "ValueError: base is not invertible for the given modulus",
            ),
            #[cfg(feature = "extra-builtins")]
            ("pow(2, 2, 0)", "ValueError: pow() 3rd argument cannot be 0"),
        ];
        for (src, want) in cases {
            assert_eq!(out(src), want, "{src}");
        }
        // Beyond the word (or the small-int range): this build's overflow.
        let m = max_small();
        for expr in [
            "round(m, -18)",
            "int('-' + '9' * 19)",
            "int.from_bytes(b'\\x80' + bytes(7), 'big')",
        ] {
            let src = alloc::format!("m = {m}\nx = {expr}");
            assert_eq!(out(&src), OVERFLOW, "{expr}");
        }
    }

    #[test]
    fn int_subclasses_and_small_ints_still_work() {
        assert_eq!(
            out(
                "class I(int): pass\ni = I(41)\nprint(i + 1, i < 42, repr(i), -i, 7 ** 2, 1 << 10)"
            ),
            "42 True 41 -41 49 1024\n"
        );
        assert_eq!(
            out("class I(int): pass\ni = I(-3)\nprint(int(i), hash(i), i.to_bytes(2, 'big', signed=True), bin(i))"),
            "-3 -3 b'\\xff\\xfd' -0b11\n"
        );
    }
}

#[cfg(not(feature = "async"))]
mod without_async {
    use super::out;
    use crate::bytecode::Op;
    use crate::compile::{compile, CompileMode};
    use crate::frozen::{leak_aligned, serialize, FrozenModule};
    use alloc::boxed::Box;

    #[test]
    fn async_statements_are_a_syntax_error() {
        for src in [
            "async def f():\n    pass",
            "def f():\n    await g()",
            "def f():\n    async for x in y: pass",
            "def f():\n    async with m: pass",
        ] {
            assert_eq!(out(src), "SyntaxError: invalid syntax", "{src}");
        }
    }

    #[test]
    fn async_and_await_are_names() {
        assert_eq!(
            out("async = 2\nawait = async * 3\nprint(async, await)"),
            "2 6\n"
        );
        assert_eq!(out("await(1)"), "NameError: name 'await' isn't defined");
    }

    #[test]
    fn there_is_no_stop_async_iteration() {
        assert_eq!(
            out("StopAsyncIteration"),
            "NameError: name 'StopAsyncIteration' isn't defined"
        );
    }

    #[test]
    fn generators_still_work() {
        assert_eq!(
            out(
                "def g():\n    x = yield 1\n    yield x * 2\n    yield from (7, 8)\n\
                 it = g()\nprint(next(it), it.send(5), next(it), type(it).__name__)\n\
                 try:\n    it.throw(ValueError('v'))\nexcept ValueError as e:\n    print(e)\n\
                 it = g()\nnext(it)\nit.close()\nprint(list(it))"
            ),
            "1 10 7 generator\nv\n[]\n"
        );
    }

    /// Frozen code compiled by a compiler that has `async` (the host's) can carry the opcodes
    /// only `async` code uses; here they are a RuntimeError, not a panic.
    #[test]
    fn async_opcodes_in_frozen_code_raise() {
        let mut raw = compile("for x in ():\n    pass\n", "m.py", CompileMode::File).unwrap();
        let get_iter = Op::GetIter as u8;
        let at: alloc::vec::Vec<usize> = (0..raw.bytecode.len())
            .filter(|&i| raw.bytecode[i] == get_iter)
            .collect();
        assert_eq!(at.len(), 1, "one GetIter byte to replace");
        // `[awaitable] -> [iterator]`: the same stack effect as `GetIter`.
        raw.bytecode[at[0]] = Op::GetAwaitable as u8;
        let blob = leak_aligned(&serialize(&raw));
        let table: &'static [FrozenModule] = Box::leak(Box::new([FrozenModule::new("m", blob)]));
        assert_eq!(
            crate::frozen::tests::run(table, "print(1)\nimport m"),
            "1\nRuntimeError: async/await not enabled in this build"
        );
    }
}

#[cfg(not(feature = "fstrings"))]
mod without_fstrings {
    use super::out;

    #[test]
    fn f_strings_are_a_syntax_error() {
        for src in [
            "x = 1\nprint(f'{x}')",
            "s = F\"a\"",
            "s = rf'{1}'",
            "s = 'a' f'b'",
        ] {
            assert_eq!(out(src), "SyntaxError: invalid syntax", "{src}");
        }
    }

    #[test]
    fn other_formatting_and_names_starting_with_f_still_work() {
        assert_eq!(
            out(
                "f = 7\nfr = 'x'\nprint(format(f, '03d'), '{}-{}'.format(f, fr), '%d%s' % (f, fr))"
            ),
            "007 7-x 7x\n"
        );
    }
}

#[cfg(not(feature = "extra-builtins"))]
mod without_extra_builtins {
    use super::out;

    #[test]
    fn extra_str_methods_are_attribute_errors() {
        for m in [
            "center",
            "ljust",
            "rjust",
            "zfill",
            "partition",
            "rpartition",
            "splitlines",
            "title",
            "capitalize",
            "swapcase",
            "istitle",
            "isalnum",
            "expandtabs",
            "removeprefix",
            "removesuffix",
        ] {
            let src = alloc::format!("'ab'.{m}");
            let want = alloc::format!("AttributeError: 'str' object has no attribute '{m}'");
            assert_eq!(out(&src), want, "{m}");
        }
    }

    #[test]
    fn extra_bytes_methods_are_attribute_errors() {
        for (obj, m) in [
            ("b'a'", "hex"),
            ("b'a'", "center"),
            ("b'a'", "partition"),
            ("b'a'", "splitlines"),
            ("b'a'", "isalnum"),
            ("bytearray(b'a')", "rpartition"),
            ("bytearray(b'a')", "pop"),
            ("bytearray(b'a')", "insert"),
            ("bytearray(b'a')", "remove"),
            ("bytearray(b'a')", "reverse"),
            ("bytearray(b'a')", "clear"),
            ("bytearray(b'a')", "copy"),
            ("bytes", "fromhex"),
            ("bytearray", "fromhex"),
        ] {
            let src = alloc::format!("{obj}.{m}");
            let ty = if obj.starts_with("bytearray") {
                "bytearray"
            } else {
                "bytes"
            };
            let want = if obj.contains('\'') {
                alloc::format!("AttributeError: '{ty}' object has no attribute '{m}'")
            } else {
                alloc::format!("AttributeError: type object '{ty}' has no attribute '{m}'")
            };
            assert_eq!(out(&src), want, "{obj}.{m}");
        }
    }

    #[test]
    fn memoryview_compile_and_input_are_name_errors() {
        assert_eq!(
            out("memoryview(b'ab')"),
            "NameError: name 'memoryview' isn't defined"
        );
        assert_eq!(
            out("compile('1', 'f', 'eval')"),
            "NameError: name 'compile' isn't defined"
        );
        assert_eq!(out("input()"), "NameError: name 'input' isn't defined");
    }

    #[test]
    fn slice_indices_and_three_argument_pow_are_missing() {
        assert_eq!(
            out("slice(1, 5).indices(3)"),
            "AttributeError: 'slice' object has no attribute 'indices'"
        );
        assert_eq!(
            out("print(pow(2, 10))\npow(2, 10, 7)"),
            "1024\nNotImplementedError: 3-arg pow() not supported"
        );
    }

    #[test]
    fn the_minimal_builtins_still_work() {
        let src = "s = 'Ab cd'\nprint(s.upper(), s.lower(), s.split(), s.find('c'), s.isupper(), \
                   s.replace('c', 'x'), s.count('d'), s.encode(), '-'.join(['a', 'b']))\n\
                   b = bytearray(b'x')\nb.append(121)\nb.extend(b'z')\n\
                   print(b'a,b'.split(b','), b.upper(), 'abc'[1:], eval('2 + 3'))\n\
                   exec('print(pow(3, 2))')";
        assert_eq!(
            out(src),
            "AB CD ab cd ['Ab', 'cd'] 3 False Ab xd 1 b'Ab cd' a-b\n\
             [b'a', b'b'] bytearray(b'XYZ') bc 5\n9\n"
        );
    }
}
