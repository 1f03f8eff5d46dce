# else runs when no exception; finally always runs.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("bad")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(False))
print(run(True))
def only_finally():
    try:
        raise KeyError("k")
    finally:
        print("cleanup")
try:
    only_finally()
except KeyError as e:
    print("caught", e.args)
