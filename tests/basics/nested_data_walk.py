# Recursively walking nested lists and dicts.
def walk(node, depth=0):
    if isinstance(node, dict):
        for key in node:
            print("  " * depth + str(key) + ":")
            walk(node[key], depth + 1)
    elif isinstance(node, list):
        for item in node:
            walk(item, depth + 1)
    else:
        print("  " * depth + repr(node))
walk({"a": [1, {"b": "x"}], "c": {"d": [2.5, None]}})
