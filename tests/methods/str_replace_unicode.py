# replace, find and count on multi-byte characters keep character positions.
s = "naïve café naïve"
print(s.replace("ï", "i"), s.count("ï"), s.find("café"), s.rfind("naïve"), s.index("é"), s[s.find("café"):][:4])
print("€€€".replace("€", "E", 1), "😀a😀".split("a"), "x😀y".partition("😀"), len("😀".encode()))
