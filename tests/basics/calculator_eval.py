# A recursive-descent evaluator over a token list exercising recursion and closures.
def evaluate(text):
    tokens = text.replace("(", " ( ").replace(")", " ) ").split()
    pos = [0]
    def peek():
        return tokens[pos[0]] if pos[0] < len(tokens) else None
    def take():
        pos[0] += 1
        return tokens[pos[0] - 1]
    def atom():
        t = take()
        if t == "(":
            v = expr()
            take()
            return v
        return int(t)
    def term():
        v = atom()
        while peek() in ("*", "/"):
            v = v * atom() if take() == "*" else v // atom()
        return v
    def expr():
        v = term()
        while peek() in ("+", "-"):
            v = v + term() if take() == "+" else v - term()
        return v
    return expr()
for e in ["1 + 2 * 3", "( 1 + 2 ) * 3", "10 / 3 - 1", "2 * ( 3 + 4 ) * 5"]:
    print(e, "=", evaluate(e))
