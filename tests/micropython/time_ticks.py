# time.ticks_* and sleep_ms/sleep_us are MicroPython-only (documented in MicroPython's `time` module);
# ticks arithmetic wraps modulo a power of two, so only ticks_diff/ticks_add results are printed.
import time
t0 = time.ticks_ms()
print(type(t0).__name__)
print(time.ticks_diff(time.ticks_add(t0, 100), t0))
print(time.ticks_diff(time.ticks_add(t0, -250), t0))
print(time.ticks_diff(5, 10), time.ticks_diff(10, 5))
time.sleep_ms(1)
time.sleep_us(10)
t1 = time.ticks_ms()
print(time.ticks_diff(t1, t0) >= 1)
u0 = time.ticks_us()
print(type(u0).__name__, time.ticks_diff(time.ticks_us(), u0) >= 0)
