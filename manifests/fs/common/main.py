# main.py: runs after boot.py; the REPL starts when it returns.
