# assorted number behaviours: literal forms, division signs, float precision artefacts, signed zeros,
# float printing thresholds, big-int byte conversion, pow forms.
print(int("0b1010", 0), int("-0x_ff", 0) if False else int("-0xff", 0), 1_000_000, 0x_1f, 0o_17, 0b_1)
print(10 / 4, 10 // 4, -10 // 4, 10 % -4, 2 ** 0.5, 4 ** -0.5, (-8) ** 2, -8 ** 2)
print(round(0.1 + 0.2, 10), 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1e-320 > 0, 1e-400 == 0)
print(float("1e308") * 10 == float("inf"), -float("inf") < -1e308, int(1e15), int(-1e15), int(123.999))
print(7 .bit_length(), (2**100).bit_length(), (-(2**100)).bit_length(), True.bit_length() if hasattr(True, "bit_length") else 1)
print(max(0.0, -0.0), min(0.0, -0.0), sorted([-0.0, 0.0, 0]), 0.0 == -0.0, str(-0.0), -0.0 + 0.0)
print(3 * 1.1, 1.1 * 3, 0.1 * 3, 1 / 3 * 3, 2 / 3, 10 ** 16 + 0.5, float(10 ** 16 + 1))
print(1e16, 1e15, 123456789012345678.0, 0.000001, 0.0000001, 1.5e-10, -1.0e+100)
print(divmod(1e308, 1e-308)[1] >= 0, 1e308 // 1e-308 if False else "skip", 5 % 0.75, -5 % 0.75, 5.5 // -1.25)
print(int.from_bytes(b"\xff" * 20, "big") + 1 == 2**160, (2**160).to_bytes(21, "big")[:2], hex(2**160 - 1)[-4:])
print(pow(3, 4, 5), pow(-3, 3), pow(3, -2), pow(2, 0.5) ** 2, pow(1.5, 2), pow(-1, 0.5) if False else 0)
print(sum([0.1] * 10) == 1.0, sum([1e100, 1.0, -1e100]), 1e100 + 1 - 1e100)
