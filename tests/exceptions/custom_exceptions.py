# User-defined exception classes with extra state.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise DbError(42, "disk")
except AppError as e:
    print(type(e).__name__, e.code, e.args, str(e))
class Plain(Exception):
    pass
try:
    raise Plain("x", "y")
except Exception as e:
    print(isinstance(e, Plain), e.args)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(str(WithStr()))
print(issubclass(DbError, Exception), DbError.__mro__[1].__name__)
