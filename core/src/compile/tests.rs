use super::*;
use crate::disasm::{disassemble, verify};
use alloc::format;
use std::println;

fn ok(src: &str) -> RawCode {
    match compile(src, "t.py", CompileMode::File) {
        Ok(c) => {
            if let Err(e) = verify(&c) {
                panic!("verify failed for {:?}: {}\n{}", src, e, disassemble(&c));
            }
            c
        }
        Err(e) => panic!("compile failed for {:?}: {}", src, e),
    }
}

/// A build's own limits: decimal literals need floats, imaginary ones complex, f-strings
/// `fstrings`, `async` / `await` (names without the `async` feature, so their statements are
/// invalid syntax) async.
fn unsupported_in_this_build(src: &str, e: &CompileError) -> bool {
    (!cfg!(feature = "float") && e.msg.contains("decimal numbers not supported"))
        || (!cfg!(feature = "complex") && e.msg.contains("complex values"))
        || (!cfg!(feature = "fstrings") && is_fstring_syntax_error(src, e))
        || (!cfg!(feature = "async")
            && e.msg == "invalid syntax"
            && (src.contains("async") || src.contains("await")))
}

/// Without `fstrings`, `f"..."` (also `rf`/`fr`) is a name followed by a string: invalid syntax
/// at the quote, or at the name where a name cannot follow what precedes it.
fn is_fstring_syntax_error(src: &str, e: &CompileError) -> bool {
    let Some(line) = src.lines().nth((e.line as usize).wrapping_sub(1)) else {
        return false;
    };
    let b = line.as_bytes();
    let at = (e.col as usize).saturating_sub(1);
    let in_word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    let is_quote = |i: usize| matches!(b.get(i), Some(b'\'' | b'"'));
    let (start, quote) = if is_quote(at) {
        let start = b[..at]
            .iter()
            .rposition(|c| !in_word(c))
            .map_or(0, |p| p + 1);
        (start, at)
    } else {
        (
            at,
            at + b
                .get(at..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| in_word(c))
                .count(),
        )
    };
    e.msg == "invalid syntax"
        && is_quote(quote)
        && matches!(
            line[start..quote].to_ascii_lowercase().as_str(),
            "f" | "rf" | "fr"
        )
}

/// [`ok`], except that sources using what this build leaves out are skipped.
fn ok_if_supported(src: &str) {
    match compile(src, "t.py", CompileMode::File) {
        Err(e) if unsupported_in_this_build(src, &e) => {}
        _ => {
            ok(src);
        }
    }
}

#[test]
fn smoke() {
    let c = ok("x = 1\ndef f(a, b=2):\n    c = a + b\n    return c * x\nprint(f(3))\nfor i in range(10):\n    if i % 2 == 0 and i > 3:\n        print(i)\n");
    println!("{}", disassemble(&c));
}

/// Varied programs covering every construct, nested in each other.
pub(crate) const SNIPPETS: &[&str] = &[
    "x = 1\ny = x + 2 * 3 - -4 ** 2 // 5 % 6\n",
    "a = b = c = [1, 2, (3, 4), {5: 6}, {7, 8}]\n",
    "a, b = b, a\na, b, c = c, b, a\n(a, b), [c, *d] = f()\n*a, b = x\nx.y = z[1] = w\n",
    "x += 1\nx.y -= 2\nx[i] *= 3\nx[1:2] //= 4\nx @= y\nx **= 2\nx >>= 1\nx <<= 1\nx &= 1\nx |= 2\nx ^= 3\nx %= 5\nx /= 2\n",
    "x: int = 1\ny: list\nz.a: int = 3\n",
    "del a, b[1], c.d, (e, f)\n",
    "def f():\n    pass\n    return\n",
    "def f(a, b=1, *args, c, d=2, **kw):\n    return a, b, args, c, d, kw\n",
    "def f(a, /, b, *, c):\n    return a + b + c\n",
    "def f(x: int = 3, *a: str, k: 'T' = None, **kw: dict) -> bool:\n    return x\n",
    "raise\nraise E\nraise E from None\n",
    "def f():\n    global g\n    g = 1\n    def h():\n        nonlocal_x = 1\n    return g\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n        return x\n    return g\n",
    "assert x\nassert x, 'msg'\n",
    "import a\nimport a.b.c\nimport a.b as c, d\nfrom a import b\nfrom a.b import (c as d, e,)\nfrom . import x\nfrom ..y import z\nfrom a import *\n",
    "if a:\n    pass\nelif b:\n    x = 1\nelif c: y = 2\nelse:\n    z = 3\n",
    "while x < 10:\n    x += 1\n    if x == 5: continue\n    if x == 7: break\nelse:\n    y = 1\n",
    "while True:\n    break\nwhile 0:\n    pass\nelse:\n    z = 1\n",
    "for i in range(10):\n    for j in range(i):\n        if j: break\n        continue\n    else:\n        pass\nelse:\n    k = 0\n",
    "for a, (b, *c) in x: print(a, b, c)\n",
    "try:\n    a()\nexcept:\n    b()\n",
    "try:\n    a()\nexcept E as e:\n    print(e)\nexcept (F, G):\n    pass\nexcept H as h:\n    raise\nelse:\n    c()\nfinally:\n    d()\n",
    "try:\n    pass\nfinally:\n    x = 1\n",
    "def f():\n    for i in x:\n        try:\n            if i: return i\n            if i > 2: break\n            continue\n        finally:\n            print(i)\n    return 0\n",
    "def f():\n    try:\n        try:\n            return 1\n        finally:\n            return 2\n    except E as e:\n        return e\n    finally:\n        for x in y:\n            return 3\n",
    "def f():\n    while 1:\n        try:\n            x()\n        except E:\n            break\n        except F as e:\n            return e\n        finally:\n            continue\n",
    "with a:\n    pass\nwith a as b, c as (d, e):\n    f(b)\n",
    "def f():\n    with open(x) as fh:\n        for line in fh:\n            if line: return line\n            break\n",
    "async def f():\n    await g()\n    async for x in y:\n        print(x)\n        if x: break\n    else:\n        pass\n    async with a as b, c:\n        return b\n",
    "async def agen():\n    yield 1\n    await x\n",
    "@dec\n@dec2(1)\ndef f(): pass\n@dec\nclass C: pass\n@d\nasync def g(): pass\n",
    "class C:\n    x = 1\n    def m(self):\n        return self.x\n",
    "class C(B, metaclass=M, **kw):\n    def __init__(self):\n        super().__init__()\n    def g(self):\n        return __class__\n",
    "class C(*bases):\n    pass\n",
    "def outer():\n    class C:\n        y = x\n        def m(self):\n            return x + y_glob\n    x = 1\n    return C\n",
    "f = lambda: 0\ng = lambda x, *a, k=1, **kw: x + k\nh = lambda x=1: lambda y: x + y\n",
    "def gen():\n    x = yield\n    y = yield x\n    yield from range(3)\n    return 5\n",
    "a < b\na < b < c\na < b <= c != d\nx in y\nx not in y\nx is None\nx is not None\nnot a\n",
    "a and b or c and not d\nx = a or b or c\nif a and (b or c): pass\nif not (a and b): pass\nwhile a or b: pass\n",
    "x = a if b else c\ny = (a if b else c) if d else e\n",
    "x = (y := 10)\nif (n := len(a)) > 10: pass\n",
    "def f():\n    if any((w := x) > 0 for x in y):\n        return w\n",
    "[w := x for x in y]\n",
    "f(a, b, c=1, d=2)\nf(*a)\nf(*a, *b)\nf(a, *b, c)\nf(**k)\nf(a, **k, b=1)\nf(a=1, *b)\nf(*a, b=1, **c)\n",
    "o.m()\no.m(1, 2)\no.m(x=1)\no.m(*a)\no.m(**k)\no.a.b.c(1).d()\n",
    "a[1]\na[1:2]\na[::2]\na[1:2, ::3]\na[...]\na[:, 1]\na[i][j]\n",
    "x = [1, 2, *a, 3]\ny = (*a, *b)\nz = {*a, 1}\nd = {**a, 'b': 1, **c}\ne = {}\nf = ()\n",
    "[x for x in y]\n{x for x in y if x}\n{k: v for k, v in d.items()}\n(x for x in y)\n[x * y for x in a if x for y in b if y if x > y]\n",
    "def f(n):\n    return [[i * j for j in range(i)] for i in range(n)]\n",
    "def f(a):\n    return (lambda: a)()\n",
    "...\nx = ...\n",
    "f'a{x}b{y!r}c{z:>10}d{w!s:{width}.{prec}}'\nf'{{}}'\nf'{x=}'\nf'{x = !s:5}'\nf''\nf'{a}{b}'\n",
    "x = 'a' 'b' f'{c}' 'd'\ny = b'a' b'b'\n",
    "x = 1_000 + 0x_ff + 0o7 + 0b1 + 1.5 + .5 + 1e-3 + 10**30\n",
    "x = -1\ny = 1 << 4\nz = 2 ** 8\nw = 1 / 0\nv = 2 ** 1000\nu = 7 // -2\nt = -7 % 3\n",
    "from micropython import const\nX = const(10)\n_Y = const(X * 2)\nprint(X, _Y)\ndef f():\n    return X + _Y\n",
    "import micropython\nZ = micropython.const(1 << 3)\n",
    "def f():\n    x = 1\n    del x\n    def g():\n        return y\n    y = 2\n    del y\n",
    "global x\nx = 1\n",
    "class A:\n    def f(self):\n        def g():\n            return super().f()\n        return g\n",
    "def f(*, a=1, b):\n    pass\n",
    "if x:\n    if y:\n        if z:\n            pass\n        else:\n            pass\n",
    "try:\n    pass\nexcept E:\n    pass\n",
    "x = [\n  1,\n  2,\n]\ny = f(\n  a,\n  b=c,\n)\n",
    "def f(a, b):\n    a, b = b, a\n    return a\n",
    "for x in y: pass\nfor x, in y: pass\n",
    "def f():\n    yield\n",
    "x = not a == b\ny = -a ** -b\nz = ~a + +b\n",
    "print(*[1, 2], sep='')\n",
    "with a: pass\n",
    "class C:\n    x = [i for i in range(3)]\n    y = lambda self: self\n",
    "def f():\n    return [x for x in range(3) if x]\n",
    "def f(x):\n    return {x: y for y in x}\n",
    "async def f():\n    async with a:\n        await b\n",
    "def f():\n    try:\n        return\n    except:\n        pass\n",
    "def f():\n    with a:\n        with b:\n            return 1\n",
    "def f():\n    try:\n        pass\n    except E as e:\n        def g(): return e\n        return g\n",
    "x = a[b] = c.d = 1\n",
    "x = 1; y = 2; z = 3;\n",
    "if 1: x = 1\nif 0: y = 2\nelse: y = 3\n",
    "lambda *a, **k: (a, k)\n",
    "while x:\n    try:\n        break\n    finally:\n        pass\n",
    "for x in y:\n    with a:\n        continue\n",
    "def f():\n    for x in y:\n        with a:\n            return x\n",
    "def f(a, *, b):\n    return b\nf(1, b=2)\n",
    "def f():\n    def g():\n        def h():\n            return x\n        return h\n    x = 1\n    return g\n",
    "class A:\n    class B:\n        def m(self):\n            return super().m()\n",
    "x = (1, 2, (3, 4.5, 'a', b'b', None, True, ...))\n",
    "x = [1,2][0]\ny = 'abc'[1:]\n",
    "print(1 if x else 2, *y, z=3)\n",
    "e = 1\ntry:\n    pass\nexcept Exception as e:\n    pass\n",
    "def f(x):\n    if x: return 1\n    elif x > 2: return 2\n    else: return 3\n",
    "from __future__ import annotations\nx: int\n",
    "f'{a!=b}'\nf'{x:=10}'\nf'{a[\"}\"]}'\nf\"{ {'a': 1}['a'] }\"\nf'{(lambda: 1)()}'\nf'{x:{y}{z}}'\nrf'\\d{x}'\n",
    "def f():\n    for i in x:\n        with a as b:\n            try:\n                continue\n            except E as e:\n                break\n            finally:\n                return e\n",
    "async def f():\n    async for a in b:\n        async with c as d:\n            try:\n                await d\n            finally:\n                break\n",
    "def f():\n    try:\n        pass\n    finally:\n        try:\n            return 1\n        except:\n            return 2\n",
    "class C:\n    def f(self):\n        return [super().f() for _ in range(1)]\n",
    "def f(self):\n    def g():\n        return self\n    return super().f()\n",
    "x = [i for i in range(3) for j in range(i) if i if j]\ny = {i: j for i, j in z}\n",
    "i = 0\nwhile i < 10:\n    i += 1\nelse:\n    print(i)\n",
    "def f(*args, **kwargs):\n    return g(*args, **kwargs)\n",
    "def f(a, b):\n    return a.x(b, *a, k=b, **b)\n",
    "x = a[1:2:3], a[::], a[:], a[1:], a[:2]\n",
    "def f(n):\n    total = 0\n    for i in range(n):\n        total += i if i % 2 else -i\n    return total\n",
    "try:\n    import foo\nexcept ImportError:\n    foo = None\n",
    "def deco(f):\n    def w(*a, **k):\n        return f(*a, **k)\n    return w\n",
];

#[test]
fn snippets_compile_and_verify() {
    for s in SNIPPETS {
        ok_if_supported(s);
    }
}

#[test]
#[cfg(feature = "complex")]
fn imaginary_literals_compile() {
    ok("x = 4j + 1.5J - 1e3j\ny = (-1j, 2j)\n");
}

fn err(src: &str) -> CompileError {
    match compile(src, "t.py", CompileMode::File) {
        Ok(c) => panic!("expected an error for {:?}, got\n{}", src, disassemble(&c)),
        Err(e) => e,
    }
}

#[test]
fn error_messages() {
    let cases: &[(&str, &str, u32)] = &[
        ("x = (1 +\n", "'(' was never closed", 1),
        ("x = 1 +\n", "invalid syntax", 1),
        ("return 1\n", "'return' outside function", 1),
        ("class C:\n    return 1\n", "'return' outside function", 2),
        ("break\n", "'break' outside loop", 1),
        (
            "def f():\n    continue\n",
            "'continue' not properly in loop",
            2,
        ),
        (
            "while 1:\n    def f():\n        break\n",
            "'break' outside loop",
            3,
        ),
        (
            "def f():\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
            2,
        ),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
            1,
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
            3,
        ),
        (
            "def f():\n    print(x)\n    global x\n",
            "name 'x' is used prior to global declaration",
            3,
        ),
        (
            "def f(x):\n    global x\n",
            "name 'x' is parameter and global",
            2,
        ),
        ("if x\n    pass\n", "expected ':'", 1),
        ("x = 'abc\n", "unterminated string literal", 1),
        (
            "x = '''abc\n",
            "unterminated triple-quoted string literal",
            1,
        ),
        ("  x = 1\n", "unexpected indent", 1),
        ("if x:\n    a\n        b\n", "unexpected indent", 3),
        ("if x:\npass\n", "expected an indented block", 2),
        ("def f():\n", "expected an indented block", 1),
        ("1 = x\n", "cannot assign to literal", 1),
        ("f() = 1\n", "cannot assign to function call", 1),
        ("a + b = 1\n", "cannot assign to expression", 1),
        ("None = 1\n", "cannot assign to None", 1),
        ("for 1 in x: pass\n", "cannot assign to literal", 1),
        ("del f()\n", "cannot delete function call", 1),
        (
            "(a, b) += 1\n",
            "'tuple' is an illegal expression for augmented assignment",
            1,
        ),
        (
            "*a = 1\n",
            "starred assignment target must be in a list or tuple",
            1,
        ),
        (
            "a, *b, *c = x\n",
            "multiple starred expressions in assignment",
            1,
        ),
        (
            "f(a=1, b)\n",
            "positional argument follows keyword argument",
            1,
        ),
        (
            "f(**a, b)\n",
            "positional argument follows keyword argument unpacking",
            1,
        ),
        (
            "f(**a, *b)\n",
            "iterable argument unpacking follows keyword argument unpacking",
            1,
        ),
        ("f(a=1, a=2)\n", "keyword argument repeated: a", 1),
        (
            "f(x for x in y, 1)\n",
            "Generator expression must be parenthesized",
            1,
        ),
        ("f(a.b=1)\n", "expression cannot contain assignment", 1),
        (
            "def f(a=1, b): pass\n",
            "non-default argument follows default argument",
            1,
        ),
        (
            "def f(a, a): pass\n",
            "duplicate argument 'a' in function definition",
            1,
        ),
        ("def f(*): pass\n", "named arguments must follow bare *", 1),
        ("yield 1\n", "'yield' outside function", 1),
        #[cfg(feature = "async")]
        ("await x\n", "'await' outside async function", 1),
        #[cfg(feature = "async")]
        (
            "def f():\n    await x\n",
            "'await' outside async function",
            2,
        ),
        (
            "[(yield x) for x in y]\n",
            "'yield' inside comprehension",
            1,
        ),
        #[cfg(feature = "async")]
        (
            "async def f():\n    yield 1\n    return 2\n",
            "'return' with value in async generator",
            3,
        ),
        (
            "def f():\n    from m import *\n",
            "import * only allowed at module level",
            2,
        ),
        (
            "try:\n    pass\n",
            "expected 'except' or 'finally' block",
            2,
        ),
        (
            "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
            "default 'except:' must be last",
            3,
        ),
        (
            "x = b'a' 'b'\n",
            "cannot mix bytes and nonbytes literals",
            1,
        ),
        ("x = f'{}'\n", "f-string: empty expression not allowed", 1),
        (
            "x = f'{a!x}'\n",
            "f-string: invalid conversion character",
            1,
        ),
        ("x = f'}'\n", "f-string: single '}' is not allowed", 1),
        ("x = f'{a'\n", "f-string: expecting '}'", 1),
        ("x = 0777\n", "leading zeros in decimal integer literals", 1),
        ("x = 1 if y\n", "expected 'else' after 'if' expression", 1),
        (
            "(x + 1) := 2\n",
            "cannot use assignment expressions with expression",
            1,
        ),
        (
            "class C:\n    [y := 1 for x in z]\n",
            "assignment expression within a comprehension cannot be used in a class body",
            2,
        ),
        (
            "x = (]\n",
            "closing parenthesis ']' does not match opening parenthesis '('",
            1,
        ),
        ("x = )\n", "unmatched ')'", 1),
        ("a b\n", "invalid syntax", 1),
        ("x = 1 +* 2\n", "invalid syntax", 1),
        (
            "def f(**k, a): pass\n",
            "arguments cannot follow var-keyword argument",
            1,
        ),
        ("from . import (a, b\n", "'(' was never closed", 1),
        ("print(*)\n", "invalid syntax", 1),
        ("x = [1, 2\ny = 3\n", "'[' was never closed", 1),
    ];
    for (src, msg, line) in cases {
        let e = err(src);
        if msg.starts_with("f-string") && !cfg!(feature = "fstrings") {
            assert!(is_fstring_syntax_error(src, &e), "{src:?}: {e}");
            continue;
        }
        assert!(
            e.msg.contains(msg),
            "for {:?}: expected {:?}, got {:?}",
            src,
            msg,
            e.msg
        );
        assert_eq!(e.line, *line, "line for {:?} ({})", src, e.msg);
    }
    let e = err("if x:\n    a\n  b\n");
    assert_eq!(e.kind, CompileErrorKind::IndentationError);
    assert!(e
        .msg
        .contains("unindent does not match any outer indentation level"));
    assert_eq!(err("  x\n").kind, CompileErrorKind::IndentationError);
    assert_eq!(
        err("if x:\npass\n").kind,
        CompileErrorKind::IndentationError
    );
}

/// Without the `async` feature `async` and `await` are names (MicroPython without
/// MICROPY_PY_ASYNC_AWAIT): the async statements are "invalid syntax" where the name meets the
/// next token, and the names themselves can be bound and used.
#[test]
#[cfg(not(feature = "async"))]
fn async_statements_are_invalid_syntax_without_the_feature() {
    let cases: &[(&str, u32, u32)] = &[
        ("async def f():\n    pass\n", 1, 7),
        ("@d\nasync def f(): pass\n", 2, 1),
        ("def f():\n    await g()\n", 2, 11),
        ("x = await\ny = await z\n", 2, 11),
        ("def f():\n    async for x in y: pass\n", 2, 11),
        ("def f():\n    async with a: pass\n", 2, 11),
        ("x = [i async for i in y]\n", 1, 8),
    ];
    for &(src, line, col) in cases {
        let e = err(src);
        assert_eq!(e.kind, CompileErrorKind::SyntaxError, "{src:?}");
        assert_eq!(e.msg, "invalid syntax", "{src:?}");
        assert_eq!((e.line, e.col), (line, col), "{src:?}");
    }
    ok("async = 1\nawait = async + 1\ndef f(async, await=2):\n    return async + await\n");
    ok("class C:\n    def await(self): return self.async\nx = C().await()\n");
}

/// Deterministic xorshift PRNG for the robustness tests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn compile_any(src: &str) {
    for mode in [CompileMode::File, CompileMode::Single, CompileMode::Eval] {
        if let Ok(c) = compile(src, "fuzz.py", mode) {
            if let Err(e) = verify(&c) {
                panic!("verify failed for {:?}: {}\n{}", src, e, disassemble(&c));
            }
        }
    }
}

#[test]
fn robustness_mutations() {
    const PIECES: &[&str] = &[
        "(", ")", "[", "]", "{", "}", ":", "\n", "    ", "\t", "'", "\"", "'''", "f'{", "}", "\\",
        "#", "=", "==", ":=", "*", "**", "lambda", "yield", "await", "async", "def", "class",
        "return", "for", "in", "if", "else", "try", "except", "finally", "with", "as", "global",
        "nonlocal", "x", "1", "0x", "1e", ".", ",", ";", "@", "not", "and", "or", "is", "del",
        "import", "from", "\u{e9}", "\0", "\r", "break", "continue",
    ];
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut count = 0;
    for s in SNIPPETS {
        let bytes = s.as_bytes();
        // Every truncation.
        for cut in 0..=bytes.len() {
            compile_any(&String::from_utf8_lossy(&bytes[..cut]));
            count += 1;
        }
        // Byte flips and piece insertions.
        for _ in 0..40 {
            let mut v = bytes.to_vec();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(v.len() + 1);
                match rng.below(3) {
                    0 if !v.is_empty() => {
                        let i = rng.below(v.len());
                        v[i] = (rng.next() & 0x7f) as u8;
                    }
                    1 if !v.is_empty() => {
                        let i = rng.below(v.len());
                        v.remove(i);
                    }
                    _ => {
                        let p = PIECES[rng.below(PIECES.len())].as_bytes();
                        v.splice(at..at, p.iter().copied());
                    }
                }
            }
            compile_any(&String::from_utf8_lossy(&v));
            count += 1;
        }
    }
    // Random token soup.
    for _ in 0..2000 {
        let mut s = String::new();
        for _ in 0..rng.below(40) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        compile_any(&s);
        count += 1;
    }
    assert!(count > 5000, "only {} inputs", count);
}

#[test]
fn robustness_deep_nesting() {
    // Debug builds use ~27 KB of stack per nesting level (release ~3.5 KB): run with room.
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(deep_nesting_cases)
        .unwrap()
        .join()
        .unwrap();
}

fn deep_nesting_cases() {
    let n = 5000;
    let cases = [
        "(".repeat(n),
        format!("{}1{}", "(".repeat(n), ")".repeat(n)),
        format!("{}1", "-".repeat(n)),
        format!("{}1", "not ".repeat(n)),
        format!("x = 1{}", " + 1".repeat(n)),
        format!("x = a{}", ".b".repeat(n)),
        format!("x = f{}", "(1)".repeat(n)),
        format!("x = {}1{}", "[".repeat(n), "]".repeat(n)),
        format!("x = {}1", "lambda: ".repeat(n)),
        format!("x = 2{}", " ** 2".repeat(n)),
        format!("x = {}", "1 if x else ".repeat(n)) + "0",
        format!("x = {}", "{'a': ".repeat(n)),
        format!("x = f'{}x{}'", "{".repeat(n), "}".repeat(n)),
        format!("x = {}", "f'{".repeat(50)),
        (0..300)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(300)
            + "pass\n",
        (0..300)
            .map(|i| format!("{}def f():\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(300)
            + "pass\n",
        format!("x = {}", "a < ".repeat(n)) + "b",
        format!("x = {}", "a and ".repeat(n)) + "b",
        "x = 1\n".repeat(n),
        format!("x = [{}]", "1, ".repeat(n)),
    ];
    for c in cases.iter() {
        compile_any(c);
    }
    // A reasonable depth still compiles.
    ok(&format!("x = {}1{}\n", "(".repeat(50), ")".repeat(50)));
    ok(&format!("x = {}1{}\n", "[".repeat(30), "]".repeat(30)));
    ok(&format!("x = 1{}\n", " + 1".repeat(100)));
}

/// Compile every `.py` under tests/ and bench/ that CPython also accepts, and verify it.
#[test]
fn project_python_files() {
    let root = match std::env::var("MPY_PROJECT_ROOT") {
        Ok(r) => std::path::PathBuf::from(r),
        Err(_) => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
    };
    let mut files = std::vec::Vec::new();
    fn walk(dir: &std::path::Path, out: &mut std::vec::Vec<std::path::PathBuf>) {
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().map(|x| x == "py").unwrap_or(false) {
                    out.push(p);
                }
            }
        }
    }
    walk(&root.join("tests"), &mut files);
    walk(&root.join("bench"), &mut files);
    let mut failures = std::vec::Vec::new();
    for f in &files {
        let src = match std::fs::read_to_string(f) {
            Ok(s) => s,
            Err(_) => continue,
        };
        let name = format!("{}", f.display());
        match compile(&src, &name, CompileMode::File) {
            Ok(c) => {
                if let Err(e) = verify(&c) {
                    failures.push(format!("{}: verify: {}", name, e));
                }
            }
            // Builds without float / complex reject decimal / imaginary literals by design.
            Err(e) if unsupported_in_this_build(&src, &e) => {}
            Err(e) => {
                let cpython_ok = std::process::Command::new("python3")
                    .args(["-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())"])
                    .arg(f)
                    .status()
                    .map(|s| s.success())
                    .unwrap_or(false);
                if cpython_ok {
                    failures.push(format!("{}: {}", name, e));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

fn find_code<'c>(c: &'c RawCode, qualname: &str) -> Option<&'c RawCode> {
    if c.qualname == qualname {
        return Some(c);
    }
    c.consts.iter().find_map(|k| match k {
        Const::Code(inner) => find_code(inner, qualname),
        _ => None,
    })
}

/// The instruction listing of the code object `qualname` compiled from `src`, with offsets
/// and surrounding whitespace normalised.
fn listing(src: &str, qualname: &str) -> String {
    let c = ok(src);
    let code = find_code(&c, qualname)
        .unwrap_or_else(|| panic!("no code {} in\n{}", qualname, disassemble(&c)));
    let mut out = crate::disasm::disassemble_insns(code);
    for e in &code.exc_table {
        out.push_str(&format!(
            "exc {}..{} -> {} depth {}\n",
            e.start, e.end, e.handler, e.depth
        ));
    }
    out.lines()
        .map(|l| l.trim())
        .collect::<std::vec::Vec<_>>()
        .join("\n")
}

fn expect(src: &str, qualname: &str, expected: &str) {
    let got = listing(src, qualname);
    let want = expected
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<std::vec::Vec<_>>()
        .join("\n");
    assert_eq!(got, want, "\n--- got ---\n{}\n--- want ---\n{}", got, want);
}

#[test]
fn disasm_locals_cells_free() {
    let src = "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n        return [x*i for i in y]\n    return g\n";
    expect(
        src,
        "f",
        "
        0 MakeCell 0 (x)
        2 LoadSmallInt 1
        4 StoreDeref 0 (x)
        6 LoadClosure 0 (x)
        8 BuildTuple 1
        10 LoadConst 0 (<code f.<locals>.g>)
        12 MakeFunction 4
        14 StoreFast 1 (g)
        16 LoadFast 1 (g)
        18 Return",
    );
    expect(
        src,
        "f.<locals>.g",
        "
        0 LoadDeref 0 (x)
        2 LoadSmallInt 1
        4 BinaryOp 16 (inplace Add)
        6 StoreDeref 0 (x)
        8 LoadClosure 0 (x)
        10 BuildTuple 1
        12 LoadConst 0 (<code f.<locals>.g.<locals>.<listcomp>>)
        14 MakeFunction 4
        16 LoadGlobal 0 (y)
        18 GetIter
        19 CallFunction 1
        21 Return",
    );
    expect(
        src,
        "f.<locals>.g.<locals>.<listcomp>",
        "
        0 BuildList 0
        2 LoadFast 0 (.0)
        4 ForIter 20
        7 StoreFast 1 (i)
        9 LoadDeref 2 (x)
        11 LoadFast 1 (i)
        13 BinaryOp 2 (Mul)
        15 ListAppend 2
        17 Jump 4
        20 Return",
    );
}

#[test]
fn disasm_class_super() {
    let src = "class C(B):\n    def __init__(self):\n        super().__init__()\n";
    expect(
        src,
        "C",
        "
        0 MakeCell 0 (__class__)
        2 LoadName 0 (__name__)
        4 StoreName 1 (__module__)
        6 LoadConst 0 (\"C\")
        8 StoreName 2 (__qualname__)
        10 LoadClosure 0 (__class__)
        12 BuildTuple 1
        14 LoadConst 1 (<code C.__init__>)
        16 MakeFunction 4
        18 StoreName 3 (__init__)
        20 LoadClosure 0 (__class__)
        22 Return",
    );
    expect(
        src,
        "C.__init__",
        "
        0 LoadGlobal 0 (super)
        2 LoadSuperArgs 1 (__class__)
        4 CallFunction 2
        6 LoadMethod 1 (__init__)
        8 CallMethod 0
        10 Pop
        11 LoadNone
        12 Return",
    );
    expect(
        src,
        "<module>",
        "
        0 LoadBuildClass
        1 LoadConst 0 (<code C>)
        3 MakeFunction 0
        5 LoadConst 1 (\"C\")
        7 LoadName 0 (B)
        9 CallFunction 3
        11 StoreName 1 (C)
        13 LoadNone
        14 Return",
    );
}

#[test]
fn disasm_try_finally_return() {
    expect(
        "def f(x):\n    try:\n        return g(x)\n    finally:\n        h()\n",
        "f",
        "
        0 LoadGlobal 0 (g)
        2 LoadFast 0 (x)
        4 CallFunction 1
        6 LoadGlobal 1 (h)
        8 CallFunction 0
        10 Pop
        11 Return
        12 LoadGlobal 1 (h)
        14 CallFunction 0
        16 Pop
        17 Jump 30
        20 PushExcInfo
        21 LoadGlobal 1 (h)
        23 CallFunction 0
        25 Pop
        26 Reraise
        27 Rot2
        28 PopExcept
        29 Reraise
        30 LoadNone
        31 Return
        exc 0..6 -> 20 depth 0
        exc 21..27 -> 27 depth 1",
    );
}

#[test]
fn disasm_try_except() {
    expect(
        "def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n",
        "f",
        "
        0 LoadGlobal 0 (a)
        2 CallFunction 0
        4 Pop
        5 Jump 37
        8 PushExcInfo
        9 LoadGlobal 1 (E)
        11 CheckExcMatch
        12 PopJumpIfFalse 33
        15 StoreFast 0 (e)
        17 LoadGlobal 2 (b)
        19 LoadFast 0 (e)
        21 CallFunction 1
        23 Pop
        24 LoadNone
        25 StoreFast 0 (e)
        27 DeleteFast 0 (e)
        29 PopExcept
        30 Jump 37
        33 Reraise
        34 Rot2
        35 PopExcept
        36 Reraise
        37 LoadNone
        38 Return
        exc 0..5 -> 8 depth 0
        exc 9..29 -> 34 depth 1
        exc 33..34 -> 34 depth 1",
    );
}

#[test]
fn disasm_with() {
    expect(
        "def w():\n    with open(p) as fh:\n        return fh.read()\n",
        "w",
        "
        0 LoadGlobal 0 (open)
        2 LoadGlobal 1 (p)
        4 CallFunction 1
        6 BeforeWith
        7 StoreFast 0 (fh)
        9 LoadFast 0 (fh)
        11 LoadMethod 2 (read)
        13 CallMethod 0
        15 Rot2
        16 WithExitNormal
        17 Return
        18 WithExitNormal
        19 Jump 29
        22 WithExitExc
        23 PopJumpIfTrue 27
        26 Reraise
        27 Pop
        28 Pop
        29 LoadNone
        30 Return
        exc 9..15 -> 22 depth 1",
    );
}

#[test]
#[cfg(feature = "fstrings")]
fn disasm_fstring_and_calls() {
    expect(
        "def s(a, k):\n    print(f\"{a!r:>{k}} {a=}\", *a, sep=\"\", **k)\n    o.m(1, x=2)\n",
        "s",
        "
        0 LoadGlobal 0 (print)
        2 LoadFast 0 (a)
        4 LoadConst 0 (\">\")
        6 LoadFast 1 (k)
        8 FormatValue 0
        10 BuildString 2
        12 FormatValue 6
        14 LoadConst 1 (\" a=\")
        16 LoadFast 0 (a)
        18 FormatValue 2
        20 BuildString 3
        22 BuildList 1
        24 LoadFast 0 (a)
        26 ListExtend
        27 LoadConst 2 (\"sep\")
        29 LoadConst 3 (\"\")
        31 BuildMap 1
        33 LoadFast 1 (k)
        35 DictMerge
        36 CallFunctionEx 1
        38 Pop
        39 LoadGlobal 1 (o)
        41 LoadMethod 2 (m)
        43 LoadSmallInt 1
        45 LoadSmallInt 2
        47 LoadConst 4 ((\"x\",))
        49 CallMethodKw 2
        51 Pop
        52 LoadNone
        53 Return",
    );
    expect(
        "f(a, b=1)\n",
        "<module>",
        "
        0 LoadName 0 (f)
        2 LoadName 1 (a)
        4 LoadSmallInt 1
        6 LoadConst 0 ((\"b\",))
        8 CallFunctionKw 2
        10 Pop
        11 LoadNone
        12 Return",
    );
}

#[test]
fn disasm_generator_and_folding() {
    let src = "def gen(n):\n    for i in range(n):\n        yield i * 2\n    return n\n";
    expect(
        src,
        "gen",
        "
        0 LoadGlobal 0 (range)
        2 LoadFast 0 (n)
        4 CallFunction 1
        6 GetIter
        7 ForIter 23
        10 StoreFast 1 (i)
        12 LoadFast 1 (i)
        14 LoadSmallInt 2
        16 BinaryOp 2 (Mul)
        18 YieldValue
        19 Pop
        20 Jump 7
        23 LoadFast 0 (n)
        25 Return",
    );
    assert_eq!(
        find_code(&ok(src), "gen").unwrap().flags & FLAG_GENERATOR,
        FLAG_GENERATOR
    );
    expect(
        "x = -1 + (1 << 4) * 2 ** 8\ny = 1 / 0\n",
        "<module>",
        "
        0 LoadSmallInt 4095
        3 StoreName 0 (x)
        5 LoadSmallInt 1
        7 LoadSmallInt 0
        9 BinaryOp 4 (TrueDiv)
        11 StoreName 1 (y)
        13 LoadNone
        14 Return",
    );
    // const(): `_X` is not stored; later loads become the constant.
    expect(
        "from micropython import const\n_X = const(3)\nY = const(_X * 2)\nprint(_X, Y)\n",
        "<module>",
        "
        0 LoadSmallInt 0
        2 LoadConst 0 ((\"const\",))
        4 ImportName 0 (micropython)
        6 ImportFrom 1 (const)
        8 StoreName 1 (const)
        10 Pop
        11 LoadSmallInt 6
        13 StoreName 2 (Y)
        15 LoadName 3 (print)
        17 LoadSmallInt 3
        19 LoadSmallInt 6
        21 CallFunction 2
        23 Pop
        24 LoadNone
        25 Return",
    );
}

#[test]
fn disasm_conditions() {
    expect("def f(a, b, c):\n    if a < b < c and not a:\n        return 1\n    while a:\n        a -= 1\n", "f", "
        0 LoadFast 0 (a)
        2 LoadFast 1 (b)
        4 Dup
        5 Rot3
        6 CompareOp 0 (<)
        8 JumpIfFalseOrPop 18
        11 LoadFast 2 (c)
        13 CompareOp 0 (<)
        15 Jump 20
        18 Rot2
        19 Pop
        20 PopJumpIfFalse 31
        23 LoadFast 0 (a)
        25 PopJumpIfTrue 31
        28 LoadSmallInt 1
        30 Return
        31 LoadFast 0 (a)
        33 PopJumpIfFalse 49
        36 LoadFast 0 (a)
        38 LoadSmallInt 1
        40 BinaryOp 17 (inplace Sub)
        42 StoreFast 0 (a)
        44 LoadFast 0 (a)
        46 PopJumpIfTrue 36
        49 LoadNone
        50 Return");
}

#[test]
fn single_and_eval_modes() {
    let c = compile("1 + x\n", "<stdin>", CompileMode::Single).unwrap();
    verify(&c).unwrap();
    let l = crate::disasm::disassemble_insns(&c);
    assert!(l.contains("PrintExpr"), "{}", l);
    let c = compile("x * 2", "<eval>", CompileMode::Eval).unwrap();
    verify(&c).unwrap();
    let l = crate::disasm::disassemble_insns(&c);
    assert!(
        l.trim_end().ends_with("Return") && !l.contains("LoadNone"),
        "{}",
        l
    );
    assert!(compile("x = 1", "<eval>", CompileMode::Eval).is_err());
}

#[test]
fn line_table_points_at_statements() {
    let c = ok("x = 1\n\ny = (2 +\n     3)\nif x:\n    z = f(\n      1)\n");
    let lines: std::vec::Vec<u32> = (0..c.bytecode.len())
        .map(|o| line_for_offset(&c.line_table, c.first_line, o))
        .collect();
    assert_eq!(lines[0], 1);
    // `y = 5` is folded and starts line 3.
    let listing = crate::disasm::disassemble_insns(&c);
    let off_of = |name: &str| -> usize {
        let l = listing.lines().find(|l| l.contains(name)).unwrap();
        l.split_whitespace().next().unwrap().parse().unwrap()
    };
    assert_eq!(lines[off_of("StoreName 1 (y)")], 3);
    assert_eq!(lines[off_of("LoadName 0 (x)")], 5);
    assert_eq!(lines[off_of("LoadName 2 (f)")], 6);
}

/// Whole programs (checked against CPython by hand with the host VM; here: compile + verify).
const PROGRAMS: &[&str] = &[
    r####"def f1(x):
    try:
        if x: return "ret"
    finally:
        print("fin", x)
    return "end"
print(f1(1), f1(0))
def f2():
    out = []
    for i in range(5):
        try:
            if i == 1: continue
            if i == 3: break
            out.append(i)
        finally:
            out.append(-i)
    else:
        out.append("else")
    return out
print(f2())
def f3():
    try:
        try:
            raise ValueError("a")
        finally:
            print("inner fin")
    except ValueError as e:
        print("caught", e)
    try:
        e
    except NameError:
        print("e cleared")
f3()
def f4():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as k:
            if i == 1:
                return "r%d" % i
        finally:
            print("f4 fin", i)
print(f4())
def f5():
    try:
        return 1
    finally:
        return 2
print(f5())
def f6():
    while True:
        try:
            raise ValueError
        finally:
            break
    return "swallowed"
print(f6())
class CM:
    def __init__(self, name, suppress=False):
        self.name = name; self.suppress = suppress
    def __enter__(self):
        print("enter", self.name); return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None); return self.suppress
with CM("a") as a, CM("b") as b:
    print("body", a, b)
with CM("s", True):
    raise ValueError
print("after suppress")
def f7():
    with CM("r"):
        return "from with"
print(f7())
try:
    with CM("x"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
for i in range(2):
    with CM("loop%d" % i):
        if i == 0: continue
        break
"####,
    r####"def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc
c = counter(); c(); c(5); print(c())
class A:
    def hello(self): return "A.hello"
    @classmethod
    def cm(cls): return cls.__name__
class B(A):
    def hello(self): return "B>" + super().hello()
    def cls(self): return __class__.__name__
print(B().hello(), B().cls(), B.cm())
def gen(n):
    for i in range(n):
        x = yield i
        if x: print("sent", x)
    return "done"
g = gen(3); print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def deleg():
    r = yield from gen(2)
    print("r", r)
print(list(deleg()))
data = [1, 5, 3, 8]
if any((big := x) > 4 for x in data):
    print("big", big)
print([y := 10, y ** 2])
a, *b, c = range(6); print(a, b, c)
(x, y), z = (1, 2), 3; print(x, y, z)
first, *rest = "hello"; print(first, rest)
print(*[1, 2], *(3,), sep="-")
def kw(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, e=6), kw(*[1, 2], **{"c": 7}))
print({**{"a": 1}, "b": 2, **{"a": 3}}, [*range(3), 9], {*"ab", "c"} == {"a", "b", "c"})
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, (lambda: 0)() or "x")
print(f"{3.14159:.2f} {'s'!r} {10:>{5}} {x=} {{}}")
print(-7 // 2, -7 % 2, 2 ** -1, 1 << 10, ~5, 0x_ff, 0o17, 0b11, 1_000)
print([i * j for i in range(3) for j in range(3) if i != j])
print({k: v for k, v in zip("ab", range(2))}, {i % 3 for i in range(10)})
def outer():
    x = "enclosing"
    class C:
        y = x
        def m(self): return x
    return C.y, C().m()
print(outer())
print(sorted([3, 1, 2], key=lambda v: -v), "".join(reversed("abc")))
x = 5
def g2():
    global x
    x += 1
g2(); print(x)
print(type(...).__name__ if False else "ok", None is None, 1 if [] else 2)
assert True, "no"
try:
    assert 1 == 2, "msg"
except AssertionError as e:
    print("assert", e)
i = 0
while i < 3:
    i += 1
else:
    print("while else", i)
def fd(a, b=[]):
    b.append(a); return b
print(fd(1), fd(2))
s = "a" "b" 'c'
print(s, b"x" b"y", r"\n", "\x41\u00e9\101")
"####,
    r####"async def agen():
    for i in range(3):
        yield i
class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
class ACM:
    async def __aenter__(self): print("aenter"); return "v"
    async def __aexit__(self, t, v, tb): print("aexit", t); return False
async def main():
    async for x in AIter():
        print("ai", x)
    async with ACM() as v:
        print("in", v)
    try:
        async with ACM():
            raise ValueError
    except ValueError:
        print("caught")
    return "main done"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
"####,
];

#[test]
fn programs_compile_and_verify() {
    for p in PROGRAMS {
        ok_if_supported(p);
    }
}

#[test]
fn decimal_digits() {
    assert_eq!(decimal(0, 0), "0");
    assert_eq!(decimal(7, 9), "000000007");
    assert_eq!(decimal(4_294_967_295, 0), "4294967295");
    assert_eq!(decimal(123_456_789, 9), "123456789");
}

/// Emission and the symbol-table walk go on past a syntax error (see `Compiler::err`): the
/// error reported is still the first one, with its position, and nothing after it panics.
#[test]
fn first_error_of_a_statement_is_reported() {
    let cases: &[(&str, &str, u32)] = &[
        (
            "if x:\n    break\n    continue\n",
            "'break' outside loop",
            2,
        ),
        (
            "def f():\n    for a in b:\n        pass\n    break\n    return *a\n",
            "'break' outside loop",
            4,
        ),
        (
            "class C:\n    return 1\n    break\n",
            "'return' outside function",
            2,
        ),
        (
            "class C:\n    yield 1\n    import a\n    return 2\n",
            "'yield' outside function",
            2,
        ),
        (
            "def f(a):\n    global a\n    nonlocal b\n",
            "name 'a' is parameter and global",
            2,
        ),
        (
            "def f():\n    nonlocal q\n    def g():\n        nonlocal r\n",
            "no binding for nonlocal 'q' found",
            2,
        ),
        (
            "def f():\n    from m import *\n    break\n",
            "import * only allowed at module level",
            2,
        ),
    ];
    for (src, msg, line) in cases {
        let e = err(src);
        assert_eq!((e.msg.as_str(), e.line), (*msg, *line), "{:?}", src);
    }
}
