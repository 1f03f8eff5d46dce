# Importing a helper module that lives next to the test (found through sys.path).
import modtool_helper
print(modtool_helper.VALUE, modtool_helper.double(21), modtool_helper.__name__)
from modtool_helper import double, Counter as C
print(double(5), C().incr(), C().incr())
import modtool_helper as mh
print(mh is modtool_helper, mh.loaded_times())
import modtool_helper
print(modtool_helper.loaded_times())
import sys
print("modtool_helper" in sys.modules)
