# micropython.schedule: callbacks run later (here: when the program waits in time.sleep_ms),
# in order, at most 8 pending; plus heap_lock depth and gc.threshold bookkeeping.
import micropython
import time
import gc

log = []


def cb(arg):
    log.append(arg)


micropython.schedule(cb, 1)
micropython.schedule(cb, "two")
print("queued", log)
time.sleep_ms(0)
print("after sleep", log)

for i in range(8):
    micropython.schedule(cb, i)
try:
    micropython.schedule(cb, 99)
except RuntimeError as e:
    print("RuntimeError", e)
time.sleep_ms(1)
print(log)


def raiser(arg):
    raise ValueError(arg)


micropython.schedule(raiser, "boom")
try:
    time.sleep_us(10)
except ValueError as e:
    print("ValueError from callback", e)

micropython.heap_lock()
micropython.heap_lock()
print(micropython.heap_unlock(), micropython.heap_unlock(), micropython.heap_unlock())

print(gc.threshold())
gc.threshold(10000)
print(gc.threshold())
gc.threshold(-5)
print(gc.threshold())
print(micropython.opt_level())
micropython.opt_level(2)
print(micropython.opt_level())
micropython.opt_level(0)
print(micropython.const(123), micropython.alloc_emergency_exception_buf(100), micropython.kbd_intr(-1))
