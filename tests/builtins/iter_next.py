# iter and next with defaults and sentinel forms.
it = iter([1, 2])
print(next(it), next(it), next(it, "dflt"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
try:
    iter(5)
except TypeError:
    print("TypeError not iterable")
try:
    next([1])
except TypeError:
    print("TypeError not iterator")
data = [3, 2, 1, 0, 5]
pos = iter(data)
print(list(iter(lambda: next(pos), 0)))
print(list(iter(iter("abc"))))
