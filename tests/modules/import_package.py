# Importing a package, its submodules and names from them.
import pkg_helper
print(pkg_helper.INIT_VALUE)
import pkg_helper.shapes
print(pkg_helper.shapes.area(3, 4))
from pkg_helper.shapes import area, PERIMETER_NAME
print(area(2, 5), PERIMETER_NAME)
from pkg_helper import shapes as sh
print(sh.area(1, 1), sh.__name__)
from pkg_helper.shapes import *
print(square(3))
