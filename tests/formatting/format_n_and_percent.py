# n formats like d/g without locale; % multiplies by 100; width/sign combine with them.
print(format(1234, "n"), format(1234.5, "n"), format(0.5, "%"), format(0.12345, ".2%"), format(-1, "+%"), format(1, "8.1%"))
print("{:n}|{:>10.3%}|{:+.0%}".format(10**6, 0.5, 0.255))
