# control flow through finally/with: continue in finally swallowing an exception, return from a with
# in a loop, nested finally ordering, break in a generator's finally, raise in else, while/try/break.
def cont():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
            out.append(i)
        finally:
            out.append("f%d" % i)
            continue
    return out
print(cont())
def ret_in_loop_with():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a):
            print("exit", a[0])
            return False
    for i in range(3):
        with CM():
            if i == 1:
                return i
print(ret_in_loop_with())
def nested_finally_order():
    log = []
    try:
        try:
            try:
                raise KeyError
            finally:
                log.append(1)
        except KeyError:
            log.append(2)
            raise ValueError
        finally:
            log.append(3)
    except ValueError:
        log.append(4)
    finally:
        log.append(5)
    return log
print(nested_finally_order())
def gen_with_finally_break():
    for x in range(3):
        try:
            yield x
        finally:
            if x == 1:
                break
    yield "after"
print(list(gen_with_finally_break()))
def exc_in_else():
    try:
        pass
    except Exception:
        return "except"
    else:
        raise KeyError("from else")
    finally:
        print("finally after else")
try:
    exc_in_else()
except KeyError as e:
    print("caught", e.args)
def while_try_break():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        except Exception:
            pass
        finally:
            print("iteration", n)
    return n
print(while_try_break())
