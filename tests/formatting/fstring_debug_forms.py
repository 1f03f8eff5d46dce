# the = specifier in f-strings: keeps the expression text and spacing, uses repr unless a spec or !s.
x, name = 3.5, "mpy"
print(f"{x=}", f"{x = }", f"{x=:.2f}", f"{name=}", f"{name=!s}", f"{x*2=}", f"{len(name)=}")
items = [1, 2]
print(f"{items=}", f"{items[0]=}", f"{ x =}")
