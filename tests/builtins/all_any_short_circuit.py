# all/any stop at the first deciding element; work on any iterable; empty cases.
def gen(log):
    for x in [1, 0, 2]:
        log.append(x)
        yield x
log = []; print(all(gen(log)), log)
log = []; print(any(gen(log)), log)
print(all([]), any([]), all(""), any("a"), all({0: 1}), any({0: 1}), all([[], 1]), any([[], None, ()]))
