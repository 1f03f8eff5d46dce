# Class-level registries filled by __init__ of subclasses.
class Plugin:
    registry = []
    def __init__(self, name):
        self.name = name
        Plugin.registry.append(self)
    def run(self):
        return self.name + ":base"
class Upper(Plugin):
    def run(self):
        return self.name.upper()
class Twice(Plugin):
    def run(self):
        return self.name * 2
for cls, name in [(Plugin, "p"), (Upper, "u"), (Twice, "t")]:
    cls(name)
print([p.run() for p in Plugin.registry])
print([type(p).__name__ for p in Plugin.registry])
