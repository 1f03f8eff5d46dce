class C:
    def __format__(self, spec): return 'F' + spec
print(format(C(), 'x'), f'{C():y}', format(3.14159, '.2f'), format(255, '#x'), format('a', '>3'), format(12))
for bad in [(1, 2), ()]:
    try: format(*bad)
    except TypeError as e: print('TypeError')
