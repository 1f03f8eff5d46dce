# Several levels of nested functions with closures over each level.
def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                return a + b + c + d
            return level4
        return level3
    return level2
print(level1(1)(10)(100)(1000))
fns = [level1(i)(0)(0) for i in range(3)]
print([f(0) for f in fns])
