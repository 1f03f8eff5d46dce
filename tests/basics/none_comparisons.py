# None compares equal only to itself; ordering comparisons raise TypeError.
print(None == None, None == 0, None != False)
try:
    None < 1
except TypeError:
    print("TypeError")
try:
    print(1 < "a")
except TypeError:
    print("TypeError int < str")
try:
    print([1] < (1,))
except TypeError:
    print("TypeError list < tuple")
print(1 == 1.0, 1 == "1", (1, 2) == [1, 2])
