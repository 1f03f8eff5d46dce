# Exceptions propagate through nested try blocks.
def nested(kind):
    try:
        try:
            if kind == 1:
                raise ValueError("v")
            if kind == 2:
                raise TypeError("t")
            return "none"
        except ValueError as e:
            return "inner caught " + e.args[0]
        finally:
            print("inner finally", kind)
    except TypeError as e:
        return "outer caught " + e.args[0]
    finally:
        print("outer finally", kind)
for k in range(3):
    print(nested(k))
