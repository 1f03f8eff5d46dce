# callable() on various objects; chr/ord over ranges and errors.
class WithCall:
    def __call__(self):
        return 1
print(callable(len), callable(WithCall), callable(WithCall()), callable(object()), callable(lambda: 0), callable("s"))
print(ord("a"), ord("€"), ord("😀"), chr(97), chr(0x20AC), chr(0x1F600), chr(0), ord("\x00"))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: ord(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
