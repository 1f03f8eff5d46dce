# Helper module imported by import_helper_module.py (not run on its own: its name ends in _helper).
VALUE = 42
_loads = [1]
def double(x):
    return x * 2
class Counter:
    count = 0
    def incr(self):
        Counter.count += 1
        return Counter.count
def loaded_times():
    return len(_loads)
