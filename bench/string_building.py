# String building: formatting, concatenation, joining, slicing and searching, keeping live data small.
def build_line(i):
    parts = []
    for j in range(12):
        parts.append("%d:%s" % (i * j, "abcdefghij"[(i + j) % 10]))
    return ",".join(parts)


checksum = 0
for i in range(100000):
    line = build_line(i)
    acc = ""
    for piece in line.split(",")[:4]:
        acc += piece.upper() + "|"
    checksum = (checksum * 31 + len(line) + acc.count("|") + line.find("5") + len(acc.replace(":", "")) ) % 1000000007
    if line.startswith("0"):
        checksum += 1
print("string_building", checksum)
