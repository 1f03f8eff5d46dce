//! Builds without `float`, `bigint` or `fstrings` (MicroPython's MICROPY_FLOAT_IMPL_NONE,
//! MICROPY_LONGINT_IMPL_NONE and MICROPY_PY_FSTRINGS=0): what needs the missing part is a clear Python error, never a
//! panic or a wrong answer. Run with `cargo test -p mpy-core --no-default-features`.

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

    #[test]
    fn int_subclasses_and_small_ints_still_work() {
        assert_eq!(
            out(
                "class I(int): pass\ni = I(41)\nprint(i + 1, i < 42, repr(i), -i, 7 ** 2, 1 << 10)"
            ),
            "42 True 41 -41 49 1024\n"
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
