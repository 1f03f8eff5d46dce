# A tiny expression tokenizer using string predicates and int().
def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(int(text[i:j]))
            i = j
        else:
            tokens.append(c)
            i += 1
    return tokens
print(tokenize("12 + 345*(6 - 78)"))
