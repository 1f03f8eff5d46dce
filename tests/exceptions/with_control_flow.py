# return/break/continue leaving a with block still call __exit__.
class Log:
    def __init__(self, tag, log):
        self.tag, self.log = tag, log
    def __enter__(self):
        self.log.append("enter " + self.tag)
    def __exit__(self, *info):
        self.log.append("exit " + self.tag)
log = []
def ret():
    with Log("ret", log):
        return "value"
print(ret(), log)
log.clear()
for i in range(3):
    with Log(str(i), log):
        if i == 0:
            continue
        if i == 1:
            break
print(log)
log.clear()
with Log("outer", log):
    with Log("inner", log):
        log.append("body")
print(log)
