# f-string format specifications.
x = 3.14159
n = 255
s = "hi"
print(f"{x:.2f}|{x:8.3f}|{x:<8.1f}|{x:>8.1f}|{x:^9.2f}|")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}|")
print(f"{s:>5}|{s:<5}|{s:^6}|{s:*^6}|")
print(f"{1234567:,}")
print(f"{0.5:%}", f"{0.125:.1%}")
print(f"{1e10:e}", f"{12345.678:.3e}")
print(f"{-7:5}|{-7:<5}|")
