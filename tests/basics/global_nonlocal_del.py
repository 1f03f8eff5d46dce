# del of global and local names; global declared in a nested function; NameError/UnboundLocalError.
g = 1
def delete_global():
    global g
    del g
delete_global()
try:
    g
except NameError as e:
    print(type(e).__name__)
def unbound():
    print(z)
    z = 1
try:
    unbound()
except NameError as e:
    print(type(e).__name__, isinstance(e, NameError))
def local_del():
    a = 1
    del a
    try:
        return a
    except NameError as e:
        return type(e).__name__
print(local_del())
def setter():
    def inner():
        global created
        created = "yes"
    inner()
setter(); print(created)
