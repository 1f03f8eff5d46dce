# complex(): no args, numbers, two args (complex ones combine as re + im*1j), keywords,
# strings in all of CPython's forms, objects with __complex__ / __float__ / __index__, errors.
print(complex(), complex(0), complex(2), complex(-2.5), complex(True), complex(3 + 4j), complex(10 ** 20))
print(complex(1, 2), complex(1.5, -0.0), complex(-0.0, 0), complex(0, -0.0), complex(1j, 1j), complex(1 + 2j, 3 + 4j))
print(complex(2, 1j), complex(1j, 2), complex(real=1, imag=2), complex(imag=-0.0), complex(imag=2j), complex(real=5))
z = 1 + 2j
print(complex(z) is z, complex(z) == z)
for s in ["1+2j", "1-2j", "-1.5e3+2.5e-1J", " 3j ", "j", "-j", "+j", "1+j", "1-J", "(2+3j)", " ( -4j ) ",
          "7", "1_000+2_5j", "inf", "-infj", "nan+nanj", "1e500", "infinity-INFj", "+1.5", ".5j", "5.j"]:
    print(repr(s), complex(s))
for s in ["", " ", "1 + 2j", "1+2", "j1", "1j+2", "(1+2j", "1+2j)", "()", "1__0", "_1", "1_", "1e", "1+2jj",
          "--1", "1+-2j", "abc", "1.2.3", "nanj+1", "(1)(2)"]:
    try:
        print(repr(s), complex(s))
    except ValueError:
        print(repr(s), "ValueError")
class F:
    def __float__(self):
        return 2.5
class C:
    def __complex__(self):
        return 1 - 1j
class I:
    def __index__(self):
        return 7
print(complex(F()), complex(C()), complex(I()), complex(F(), F()), complex(1, I()))
def check(*args, **kw):
    try:
        print(args, kw, complex(*args, **kw))
    except Exception as e:
        print(args, kw, type(e).__name__)
check("1", 2)
check(1, "2")
check([])
check(1, [])
check(None)
check(b"1")
check(1, 2, 3)
check(real=1, foo=2)
check(1, real=2)
check(10 ** 400)
