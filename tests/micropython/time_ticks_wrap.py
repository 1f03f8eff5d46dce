# time.ticks_add/ticks_diff wrap around the (port-specific) ticks period; these functions exist only in
# MicroPython, so the expected output is in the .exp file. Checks are independent of the period's size.
import time
just_below_zero = time.ticks_add(0, -1)
print(just_below_zero > 0)
print(time.ticks_diff(just_below_zero, 0), time.ticks_diff(0, just_below_zero))
print(time.ticks_add(just_below_zero, 1))
print(time.ticks_diff(time.ticks_add(just_below_zero, 10), just_below_zero))
print(time.ticks_diff(time.ticks_add(5, 1000), 5), time.ticks_diff(5, time.ticks_add(5, 1000)))
