# f-strings: expressions, conversions, nested specs, = debugging, quotes and braces.
x, y, name = 7, 2.5, "py"
print(f"{x}+{y}={x + y}", f"{x!r}", f"{name!r:>6}", f"{name:*^7}", f"{{x}}", f"{'a' + 'b'}")
w, p = 10, 3
print(f"{y:{w}.{p}f}|", f"{x:0{w}d}", f"{x:#{w}x}", f"{[1, 2][1]}", f"{ {'k': 1}['k'] }")
print(f"{x=}", f"{y = }", f"{name=!r}", f"{x*2=:>5}", f"{x=:03}")
print(f"{'nested ' + f'{x}'}", f"{3 if x > 5 else 4}", f"{(lambda v: v * 2)(x)}", f"{x:}")
print(f"""{x}
{y}""", rf"\n{x}", f"{chr(92)}")
