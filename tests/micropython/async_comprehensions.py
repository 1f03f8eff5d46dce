# Comprehensions inside `async def` cannot await or use `async for`, as in MicroPython (whose
# comprehensions are plain generator scopes). CPython 3.6+ compiles both as async comprehensions.
for src in ["async def f(v):\n    return [await v(i) for i in range(2)]",
            "async def f(it):\n    return [x async for x in it]",
            "async def f(v):\n    return [await v(0), await v(1)]"]:
    try:
        exec(src)
        print("compiled")
    except SyntaxError:
        print("SyntaxError")
