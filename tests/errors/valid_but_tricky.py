# Programs that look odd but are valid compile and run.
sources = ["x = (\n1,\n)", "if 1: pass", "def f(): return 1\nr = f()", "x = [\n]", "y = 1; z = 2;",
           "a = b = c = 0", "pass\n\n\n", "class C: pass", "x = 1 if 1 else 2", "t = 1,",
           "for i in []: pass\nelse: pass", "f = lambda: (yield)", "x = -+-+1", "x = not not 1",
           "def g(*, a): pass"]
for src in sources:
    ns = {}
    try:
        exec(src, ns)
        print("ok", repr(src))
    except SyntaxError as e:
        print("unexpected", type(e).__name__, repr(src))
