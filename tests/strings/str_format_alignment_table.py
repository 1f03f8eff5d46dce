# Aligned columns built with format specs.
rows = [("id", "name", "score"), (1, "ann", 9.5), (22, "bob", 10.0), (333, "cy", 7.25)]
for r in rows:
    if r[0] == "id":
        print("{:>4} {:<5} {:>6}".format(*r))
    else:
        print("{:>4d} {:<5s} {:>6.2f}".format(*r))
print("{:-^17}".format(" end "))
