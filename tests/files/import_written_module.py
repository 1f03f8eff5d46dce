# A module written by the program is importable from a sys.path directory (imports go through
# the same filesystem as open()).
import sys
import scratch_helper

scratch_helper.enter("import_written_module")
with open("written_mod.py", "w") as f:
    f.write("VALUE = 6 * 7\ndef twice(x):\n    return 2 * x\n")
sys.path.insert(0, ".")
import written_mod

print(written_mod.VALUE, written_mod.twice(21))
sys.path.pop(0)
scratch_helper.leave("import_written_module")
