# Deeply nested try blocks unwind in order, each finally running exactly once.
log = []
def nest(level):
    try:
        if level == 0:
            raise KeyError("bottom")
        nest(level - 1)
    finally:
        log.append(level)
try:
    nest(5)
except KeyError as e:
    log.append("caught " + e.args[0])
print(log)
