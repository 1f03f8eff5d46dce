# assorted semantics: generator send loops, iterators seeing list growth, unbound builtin methods, every
# augmented assignment operator, str/tuple augmented ops, zip/map unpacking, floor division signs.
def gen():
    x = yield
    while True:
        x = yield x * 2
g = gen(); next(g); print(g.send(3), g.send(5))
import sys
print(type(sys.stdout.write("")).__name__)
a = [1, 2, 3]
it = iter(a)
a.append(4)
print(list(it))
d = {"a": 1}
print(str.upper("x"), dict.get({"k": 1}, "k"), str.join("-", "ab"))
print(getattr(int, "from_bytes")(b"\x01", "big"), float.fromhex("0x1p3") if hasattr(float, "fromhex") else 8.0)
x = 5
x **= 2; x //= 3; x %= 5; x <<= 2; x >>= 1; x |= 1; x &= 7; x ^= 2; x -= 1; x *= 3; x /= 2
print(x)
s = "ab"; s *= 2; s += "c"; print(s)
t = (1,); t += (2,); t *= 2; print(t)
print(*map(lambda *a: a, "ab", "cd"))
print(sorted({3: "a", 1: "b"}.items(), key=lambda kv: kv[1]))
print(list(zip(*zip("abc", "123"))))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, round(-2.5), int(-2.5))
print("%s %s" % ("a", ["b"]), "{0}{0}".format("x"), f"{'q'!r}")
