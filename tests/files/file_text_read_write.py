# Text files: write (returns the character count), read(n) in characters, readline,
# readlines, iteration, append and exclusive-create modes, read+write modes.
import scratch_helper

scratch_helper.enter("file_text_read_write")

with open("t.txt", "w") as f:
    print(f.write("héllo wörld\n"), f.write("line two\n"), f.write("last"))
print(f.closed)

with open("t.txt") as f:
    print(repr(f.read(5)), repr(f.read(3)))
    print(repr(f.readline()))
    print(repr(f.readline(4)), repr(f.readline()))
    print(repr(f.readline()), repr(f.read()))

with open("t.txt", "r") as f:
    print(f.readlines())

with open("t.txt") as f:
    for i, line in enumerate(f):
        print(i, repr(line))

with open("t.txt", "a") as f:
    print(f.write("\nappended"))
print(repr(open("t.txt").read()))

with open("t.txt", "w") as f:
    f.write("short")
print(repr(open("t.txt").read()))

with open("new.txt", "x") as f:
    f.write("created")
print(open("new.txt").read())

with open("t.txt", "r+") as f:
    print(repr(f.read(2)))
    f.seek(0)
    f.write("SH")
    f.seek(0)
    print(repr(f.read()))

with open("w.txt", "w+") as f:
    f.write("abc\ndef\n")
    f.seek(0)
    print(f.readlines())

with open("t.txt", "a+") as f:
    f.write("!")
    f.seek(0)
    print(repr(f.read()))

f = open("empty.txt", "wt")
f.close()
f.close()
print(repr(open("empty.txt").read()), open("empty.txt").readline() == "")

scratch_helper.leave("file_text_read_write")
