# A float power too large for a double is inf, as in MicroPython (which calls the C pow without a
# range check). CPython raises OverflowError for `2.0 ** 10000` (but also gives inf for 1e308 * 10).
print(2.0 ** 10000, -(2.0 ** 10000), 10.0 ** 400 == float("inf"), 1e308 * 10)
