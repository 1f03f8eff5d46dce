# The first matching handler wins, even if a later one is more specific.
def which(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError handler"
    except KeyError:
        return "KeyError handler (unreachable)"
    except Exception:
        return "Exception handler"
print(which(KeyError()), which(IndexError()), which(ValueError()))
