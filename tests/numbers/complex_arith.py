# complex arithmetic with CPython semantics: mixed int/float/complex operands (reflected too),
# Smith's division, integer powers by repeated squaring, and the error cases.
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, b / a, a ** 2, a ** -2, a ** 0, b ** 3, (0.5 + 0.5j) ** 10)
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, a + 0.5, 0.5 - a, 2.5 * a, True + a)
print(a + 10 ** 20, 10 ** 20 * a, a * -1, -1 * a, 1j * 1j, 1j ** 2, 1j ** 3, 1j ** 4, (-1j) ** 5)
print(-a, +a, -(0j), -(-0j), abs(3 + 4j), abs(-5j), abs(0j), abs(complex(float("inf"), float("nan"))))
print(1 / 1j, 1j / 1j, (1 + 1j) / (1 - 1j), 1e300j / 1e-300, (1 + 1j) / float("inf"))
print(2 ** 0.5j == 2 ** complex(0, 0.5), 0 ** 0j, 0j ** 0, 0j ** 2, 0j ** 1.5, (0j ** 0).imag)
x = 1 + 1j
x += 1
x *= 1j
x -= 2.5
x /= 2
print(x, sum([1j, 2, 3.5, 4j]), sum([0.5j] * 4, 1j))
print((2 + 0j) ** 10, (1 + 1j) ** 16, (1 - 1j) ** -4, (3 + 4j) ** 2, (3 + 4j) ** 1.0)
print(complex(1.5, -0.0) * 2, complex(-0.0, 0.0) + 0, 0j - 0, -0.0 + 0j)
def check(expr):
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__)
for expr in ["(1+1j) / 0", "1 / 0j", "1.5 / (0j - 0)", "0j ** -1", "0j ** -2.5", "0j ** 1j",
             "0.0 ** (1+1j)", "(1e200+1j) ** 2", "complex(1e308, 1e308) ** 2", "abs(complex(1e308, 1e308))",
             "1j // 2", "1j % 2", "divmod(1j, 2)", "1j << 1", "~1j", "1j < 2j", "1j >= 1", "2 > 1j",
             "1j + 'a'", "'a' * 1j", "[1] * 1j", "1j + None", "1j + 10 ** 400", "int(1j)", "float(1j)",
             "round(1j)", "pow(1j, 2, 3)", "pow(2, 1j, 3)", "hash([1j])", "sorted([1j, 2j])", "max(1j, 2j)", "1j & 1"]:
    check(expr)
