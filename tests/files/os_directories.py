# os: mkdir, listdir, rename, remove, rmdir, stat, chdir/getcwd with relative paths and '..',
# and their errors.
import os
import scratch_helper

scratch_helper.enter("os_directories")
start = os.getcwd()
print(start.endswith("/os_directories_scratch_helper"), os.sep)

os.mkdir("d")
os.mkdir("d/sub")
with open("d/a.txt", "w") as f:
    f.write("12345")
print(sorted(os.listdir("d")), os.listdir("d/sub"), sorted(os.listdir()))
st = os.stat("d/a.txt")
print(len(st), st[0] & 0xF000 == 0x8000, st[6])
print(os.stat("d")[0] & 0xF000 == 0x4000)

os.rename("d/a.txt", "d/sub/b.txt")
print(os.listdir("d/sub"), sorted(os.listdir("d")))

os.chdir("d/sub")
print(os.getcwd() == start + "/d/sub", open("b.txt").read())
os.chdir("../..")
print(os.getcwd() == start)
os.chdir("d/./sub/..")
print(os.getcwd() == start + "/d")
os.chdir(start)

attempt = scratch_helper.attempt
attempt("mkdir existing", os.mkdir, "d")
attempt("mkdir missing parent", os.mkdir, "x/y")
attempt("rmdir not empty", os.rmdir, "d")
attempt("rmdir missing", os.rmdir, "nothing")
attempt("remove missing", os.remove, "nothing")
attempt("remove directory", os.remove, "d/sub")
attempt("listdir missing", os.listdir, "nothing")
attempt("listdir file", os.listdir, "d/sub/b.txt")
attempt("stat missing", os.stat, "nothing")
attempt("chdir missing", os.chdir, "nothing")
attempt("chdir file", os.chdir, "d/sub/b.txt")
attempt("rename missing", os.rename, "nothing", "x")
attempt("stat type", os.stat, 5.5)

os.remove("d/sub/b.txt")
os.rmdir("d/sub")
os.rmdir("d")
print(os.listdir())

scratch_helper.leave("os_directories")
