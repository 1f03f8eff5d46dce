# global declarations in functions.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    global created
    created = "yes"
make()
print(created)
def reads():
    return counter * 10
print(reads())
def shadow():
    counter = 99
    return counter
print(shadow(), counter)
def unbound():
    try:
        print(counter)
        counter = 1
    except NameError as e:
        print(type(e).__name__)
unbound()
