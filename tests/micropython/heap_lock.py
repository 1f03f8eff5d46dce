# micropython.heap_lock() makes any heap allocation raise MemoryError until heap_unlock() (MicroPython-only).
import micropython
micropython.heap_lock()
try:
    x = [1, 2, 3]
    outcome = "allocated"
except MemoryError:
    outcome = "MemoryError"
micropython.heap_unlock()
print(outcome)
