# All quote kinds, implicit concatenation, triple quotes.
print('single', "double")
print('''triple single''', """triple double""")
print("it's", 'say "hi"')
print('con' 'cat' "enation")
s = """line1
line2"""
print(s)
print(len(s), s.count("\n"))
print("a\
b")
print('' == "", len(''))
