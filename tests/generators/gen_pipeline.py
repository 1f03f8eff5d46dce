# Chained generator stages process a stream lazily.
def read(lines):
    for line in lines:
        yield line
def strip(items):
    for s in items:
        yield s.strip()
def nonempty(items):
    for s in items:
        if s:
            yield s
def numbered(items):
    n = 0
    for s in items:
        n += 1
        yield "%d:%s" % (n, s)
data = ["  alpha ", "", "beta", "   ", "gamma  "]
for line in numbered(nonempty(strip(read(data)))):
    print(line)
