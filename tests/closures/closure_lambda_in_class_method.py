# Lambdas created in methods capture self.
class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []
    def on_click(self):
        self.handlers.append(lambda: "clicked " + self.label)
    def click(self):
        return [h() for h in self.handlers]
b = Button("ok")
b.on_click()
b.label = "renamed"
b.on_click()
print(b.click())
