# random: only properties both implementations share (CPython's seeded sequences differ from MicroPython's).
import random
random.seed(12345)
first = [random.random() for _ in range(5)]
random.seed(12345)
second = [random.random() for _ in range(5)]
print(first == second, all(0.0 <= x < 1.0 for x in first))
vals = [random.randint(3, 7) for _ in range(200)]
print(min(vals) >= 3, max(vals) <= 7, type(vals[0]).__name__)
r = [random.randrange(10, 20, 5) for _ in range(50)]
print(set(r) <= {10, 15})
print(all(random.getrandbits(8) < 256 for _ in range(50)))
items = ["a", "b", "c"]
print(all(random.choice(items) in items for _ in range(20)))
u = random.uniform(2.0, 3.0)
print(2.0 <= u <= 3.0, type(u).__name__)
