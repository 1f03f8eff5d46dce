# time.gmtime / localtime / mktime: calendar arithmetic (leap years, negative times, round trips).
import time

for secs in (0, 1, 59, 86399, 86400, 951782400, 951827696, 978307199, 1700000000, 4102444800, 4107542400):
    print(secs, tuple(time.gmtime(secs))[:8])

for secs in (0, 86400 * 365, 951827696, 1700000000, 2000000000):
    t = time.localtime(secs)
    print(len(tuple(t)) >= 8, time.mktime(t) == secs)

print(tuple(time.gmtime(1.9))[:8] == tuple(time.gmtime(1))[:8])
print(type(time.time()) in (int, float), time.time() > 1500000000, time.time_ns() > 1500000000 * 10**9)

try:
    time.gmtime("x")
except TypeError:
    print("TypeError")
try:
    time.sleep(-1)
except ValueError:
    print("ValueError")
