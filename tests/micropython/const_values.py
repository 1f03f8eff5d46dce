# micropython.const: MicroPython-only (CPython has no `micropython` module), so the output is in the .exp file.
from micropython import const
WIDTH = const(16)
HEIGHT = const(WIDTH * 2)
_PRIVATE = const(0x7F)
print(WIDTH, HEIGHT, _PRIVATE, WIDTH * HEIGHT)
def area():
    return WIDTH * HEIGHT
print(area())
