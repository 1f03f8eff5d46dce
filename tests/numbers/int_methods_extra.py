# int methods and attributes: bit_length, to_bytes defaults, real/imag-free numerator checks, conjugate-free.
print((255).bit_length(), int.bit_length(1024), (-5).bit_length(), (5).to_bytes(2, "big"), int.from_bytes(b"\x05", "big"))
print(int("10", base=2), int(x="5") if False else int("5"), type(int("5")).__name__, int(int(7)), int(-0.0))
