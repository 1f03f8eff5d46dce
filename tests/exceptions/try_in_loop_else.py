# try/except/else inside loops collecting results.
results = []
for text in ["1", "x", "3", "", "5"]:
    try:
        n = int(text)
    except ValueError:
        results.append("bad:" + repr(text))
        continue
    else:
        results.append(n * 2)
    finally:
        results.append("|")
print(results)
