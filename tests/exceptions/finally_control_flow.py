# return/break/continue inside finally override the pending exception or value.
def ret_in_finally():
    try:
        raise ValueError
    finally:
        return "finally wins"
print(ret_in_finally())
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise IndexError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def finally_order():
    log = []
    for i in range(2):
        try:
            try:
                log.append("inner try %d" % i)
                continue
            finally:
                log.append("inner finally %d" % i)
        finally:
            log.append("outer finally %d" % i)
    return log
print(finally_order())
