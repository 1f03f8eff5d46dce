# assert with and without messages; AssertionError args.
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, e.args)
try:
    assert [], "empty list %d" % 3
except AssertionError as e:
    print(e.args)
try:
    assert False, ValueError("obj")
except AssertionError as e:
    print(type(e.args[0]).__name__)
assert True, "never evaluated"
print("done")
