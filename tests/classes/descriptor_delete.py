class D:
    def __get__(self, obj, typ): return ('get', obj is None)
    def __set__(self, obj, v): print('set', v)
    def __delete__(self, obj): print('delete')
class C: d = D()
c = C(); print(c.d, C.d); c.d = 5; del c.d
