# user exception classes: multi-level hierarchy, catching by base, custom __str__, extra attributes.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table):
        super().__init__("db", table)
        self.table = table
    def __str__(self):
        return "DbError on " + self.table
class NetError(AppError, OSError):
    pass
for exc in [DbError("users"), NetError(5, "x"), AppError()]:
    try:
        raise exc
    except DbError as e:
        print("db", e.table, str(e), e.args)
    except OSError as e:
        print("os", type(e).__name__, e.args, isinstance(e, AppError))
    except AppError as e:
        print("app", repr(str(e)))
