# abs, divmod, pow and round on ints and floats.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-(2 ** 80)), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(5.5, 2))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(5, 3, 7), pow(-2, 3))
print(round(3.14159, 2), round(2.5), round(3.5), round(-1.5), round(10), round(1.23456, 4))
class A:
    def __abs__(self):
        return "abs called"
print(abs(A()))
