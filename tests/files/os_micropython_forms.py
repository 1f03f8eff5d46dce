# MicroPython's forms where CPython differs (so this file has a .exp): os.ilistdir yields
# (name, type, inode, size) tuples, os.stat is a plain 10-tuple, OSError(errno) prints as
# "[Errno N] NAME", os.statvfs is a 10-tuple, os.uname a 5-tuple, filesystems mount with
# os.mount(VfsPosix(dir), path) and unmount with os.umount(path).
import os
import scratch_helper

scratch_helper.enter("os_micropython_forms")
# CPython stops at the first MicroPython-only call: clean up either way.
try:
    os.mkdir("sub")
    with open("f.bin", "wb") as f:
        f.write(b"12345")
    for name, kind, inode, size in sorted(os.ilistdir()):
        print(name, hex(kind), type(inode).__name__, size if kind == 0x8000 else "-")
    st = os.stat("f.bin")
    print(type(st).__name__, len(st), hex(st[0]), st[2:6], st[6], st[7] == st[8] == st[9])
    try:
        open("missing")
    except OSError as e:
        print(e, e.args)
    print(str(OSError(17)), str(OSError(12345)), str(OSError(2, "text")))
    sv = os.statvfs(".")
    print(type(sv).__name__, len(sv), sv[0] > 0)
    print(len(os.uname()), os.sep)

    # Mount this directory a second time under /scratch_mnt; umount makes it disappear.
    os.mount(os.VfsPosix(os.getcwd()), "/scratch_mnt")
    print(sorted(os.listdir("/scratch_mnt")), open("/scratch_mnt/f.bin", "rb").read())
    try:
        os.mount(os.VfsPosix(), "/scratch_mnt")
    except OSError as e:
        print("mounted twice:", e)
    g = open("/scratch_mnt/f.bin", "rb")
    os.umount("/scratch_mnt")
    try:
        g.read()
    except OSError as e:
        print("file of an unmounted filesystem:", e)
    try:
        os.umount("/scratch_mnt")
    except OSError as e:
        print("umount twice:", e)
    os.mount(os.VfsPosix(os.getcwd()), "/scratch_mnt", readonly=True)
    try:
        open("/scratch_mnt/new", "w")
    except OSError as e:
        print("read-only:", e)
    os.umount("/scratch_mnt")
    try:
        os.mount("not a filesystem", "/x")
    except TypeError:
        print("TypeError")
finally:
    scratch_helper.leave("os_micropython_forms")
