# time: only types and monotonicity are printed (values are not deterministic).
import time
t1 = time.time()
time.sleep(0.01)
t2 = time.time()
print(type(t1).__name__ in ("int", "float"), t2 >= t1)
print(callable(time.sleep), hasattr(time, "localtime"))
lt = time.localtime(0)
print(len(tuple(lt)) >= 8)
