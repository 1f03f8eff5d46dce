# repr of user exception classes shows the class name and args like builtin ones, unless overridden.
class AppError(Exception):
    pass
class Sub(AppError, KeyError):
    pass
class Custom(ValueError):
    def __repr__(self):
        return "Custom!"
print(repr(AppError()), repr(AppError("x")), repr(AppError(1, "two")), [AppError("in list")])
print(repr(Sub("k")), str(Sub("k")), repr(Custom(1)), str(Custom(1)), "%r" % (AppError(2),))
