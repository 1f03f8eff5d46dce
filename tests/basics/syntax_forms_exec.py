# statement syntax variants compiled through exec(): continuation lines, trailing commas, one-line
# compound statements, literal forms, implicit string concatenation, operator precedence.
try:
    exec("x = (1,\n 2,\n 3)\nprint(x)")
    exec("if True:\n    pass\nelse:\n    pass\nprint('ok')")
    exec("def f(a,\n      b=2,\n      *c):\n    return a + b\nprint(f(1))")
    exec("print([\n 1,\n 2,\n])")
    exec("x = 1 if \\\n  True else 2\nprint(x)")
    exec("class A: x = 1; y = 2\nprint(A.y)")
    exec("for i in range(2): print(i)")
    exec("while False: pass\nprint('w')")
    exec("with open('/dev/null') as f: pass\nprint('with')" if False else "print('with')")
    exec("try: 1/0\nexcept: print('bare except')")
    exec("print(lambda: (yield))" if False else "print('lam')")
    exec("a = b = 3\nprint(a, b)")
    exec("print(1,)")
    exec("x = [i for i in range(3) if i]\nprint(x)")
    exec("print(f'{1}' f'{2}' '3')")
    exec("print('a' 'b' \\\n 'c')")
    exec("print(0xFF, 0o17, 0b11, 1e3, 1_0, .5, 5., 1j.imag)")
    exec("print(not 1 == 2, -2 ** 2, (-2) ** 2, 2 ** -1, ~5, +-3)")
except SyntaxError as e:
    print("SyntaxError", e)
