# input() with empty stdin raises EOFError (the corpus runs programs with empty stdin).
try:
    input()
except EOFError as e:
    print(type(e).__name__)
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__)
