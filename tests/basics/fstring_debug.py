# The = specifier in f-strings prints the expression text.
x = 10
y = "s"
print(f"{x=}")
print(f"{x + 1=}")
print(f"{y=}")
print(f"{x=:>4}")
