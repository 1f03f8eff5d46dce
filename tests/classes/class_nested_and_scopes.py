# class bodies: names defined earlier are visible in the body but not inside methods; nested classes.
x = "global"
class A:
    x = "class"
    y = x + "!"
    def get(self):
        return x
    squares = [i * i for i in range(3)]
    class B:
        z = 1
print(A.y, A().get(), A.squares, A.B.z, A.B.__name__)
def factory(n):
    class Local:
        val = n
        def twice(self):
            return self.val * 2
    return Local
print(factory(3)().twice(), factory("a")().twice(), factory(1) is factory(1))
