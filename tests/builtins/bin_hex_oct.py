# bin, hex and oct of positive, negative and big numbers, and __index__ objects.
for v in [0, 1, 7, 255, -1, -255, 2 ** 65]:
    print(bin(v), oct(v), hex(v))
class Seven:
    def __index__(self):
        return 7
print(bin(Seven()), hex(Seven()), oct(Seven()))
try:
    hex(1.5)
except TypeError:
    print("TypeError")
