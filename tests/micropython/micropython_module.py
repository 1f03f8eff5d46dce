# The micropython module's introspection helpers exist only in MicroPython.
import micropython
print(callable(micropython.mem_info), callable(micropython.qstr_info), callable(micropython.opt_level))
print(callable(micropython.heap_lock), callable(micropython.heap_unlock))
print(micropython.const(3) + 1)
