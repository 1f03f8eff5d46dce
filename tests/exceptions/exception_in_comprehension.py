# Exceptions raised inside comprehensions propagate normally.
def safe_div(values, d):
    try:
        return [v // d for v in values]
    except ZeroDivisionError:
        return "div by zero"
print(safe_div([4, 8], 2), safe_div([1], 0))
try:
    {k: 1 / k for k in [1, 0]}
except ZeroDivisionError:
    print("ZeroDivisionError in dict comp")
try:
    list(int(x) for x in ["1", "x"])
except ValueError:
    print("ValueError in genexp")
