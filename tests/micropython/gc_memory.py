# gc.mem_free/mem_alloc exist only in MicroPython, so the expected output is in the .exp file.
import gc
gc.collect()
free = gc.mem_free()
used = gc.mem_alloc()
print(type(free).__name__, type(used).__name__, free > 0, used > 0)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
blocks = [bytearray(100) for _ in range(50)]
print(gc.mem_alloc() > used - 1)
blocks = None
gc.collect()
print("collected")
