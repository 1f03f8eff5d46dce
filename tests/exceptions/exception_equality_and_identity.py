# Exception instances are objects: comparison by identity, stored in containers.
errors = []
for i in range(3):
    try:
        raise ValueError(i)
    except ValueError as e:
        errors.append(e)
print([e.args[0] for e in errors], errors[0] is errors[0], errors[0] == errors[1])
print(all(isinstance(e, ValueError) for e in errors))
