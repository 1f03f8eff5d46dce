# list.sort: key exceptions propagate; sort is stable; sorting mixed int/float; mutation during sort is safe.
data = [("b", 2), ("a", 2), ("c", 1)]
data.sort(key=lambda p: p[1]); print(data)
nums = [3, 1.5, -2, 2**70, 0.0, True]
nums.sort(); print(nums)
def key(x):
    if x == 3:
        raise KeyError("bad key")
    return x
try:
    [1, 3, 2].sort(key=key)
except KeyError as e:
    print("key raised", e.args)
words = ["aa", "B", "c", "Aa"]
words.sort(key=lambda w: w.lower(), reverse=True); print(words)
