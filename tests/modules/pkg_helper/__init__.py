# Package used by import_package.py.
INIT_VALUE = "package init ran"
