# random: every value of small ranges turns up, negative steps and big ints work, bad ranges raise.
import random

random.seed(7)
print(sorted(set(random.randint(-2, 2) for _ in range(500))))
print(sorted(set(random.randrange(10, 0, -3) for _ in range(500))))
print(sorted(set(random.randrange(4) for _ in range(300))))
print(sorted(set(random.choice((1, 2, 3)) for _ in range(300))))
print(sorted(set(random.getrandbits(2) for _ in range(300))))
big = random.randrange(2**100, 2**100 + 10)
print(2**100 <= big < 2**100 + 10)
print(all(0 <= random.getrandbits(70) < 2**70 for _ in range(50)))
print(random.getrandbits(0))
bits = 0
for _ in range(64):
    bits |= random.getrandbits(64)
print(bits == 2**64 - 1)

random.seed(2**80 + 1)
a = [random.getrandbits(32) for _ in range(4)]
random.seed(2**80 + 1)
print(a == [random.getrandbits(32) for _ in range(4)])
random.seed(1)
x = random.random()
random.seed(2)
print(x != random.random())

for args in ((5, 5), (3, 1), (0, 10, 0)):
    try:
        random.randrange(*args)
    except ValueError:
        print("ValueError", args)
try:
    random.randint(3, 1)
except ValueError:
    print("ValueError randint")
try:
    random.choice([])
except IndexError:
    print("IndexError")
try:
    random.randrange(1.5)
except (TypeError, ValueError):
    print("rejected float")
