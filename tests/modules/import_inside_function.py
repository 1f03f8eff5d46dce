# Imports are statements: they bind names in the current scope.
def use():
    import math as m
    from modtool_helper import double
    return m.floor(2.7), double(4)
print(use())
try:
    print(m)
except NameError:
    print("NameError m is local")
