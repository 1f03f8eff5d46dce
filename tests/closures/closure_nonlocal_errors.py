# nonlocal at module level or without a binding is a SyntaxError.
for src in ["nonlocal x", "def f():\n    nonlocal y\n"]:
    try:
        exec(src)
        print("no error")
    except SyntaxError as e:
        print(type(e).__name__)
