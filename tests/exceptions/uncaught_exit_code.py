# An uncaught exception exits with status 1 after printing a traceback on stderr.
print("before")
raise ValueError("uncaught on purpose")
