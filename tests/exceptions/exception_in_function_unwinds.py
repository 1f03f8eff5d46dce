# Exceptions unwind through several frames and run every finally.
log = []
def level3():
    try:
        raise ValueError("deep")
    finally:
        log.append(3)
def level2():
    try:
        level3()
    finally:
        log.append(2)
def level1():
    try:
        level2()
    except ValueError as e:
        log.append("caught " + e.args[0])
    finally:
        log.append(1)
level1()
print(log)
