# Lists used as stacks and queues; nested lists; identity and copies.
stack = []
for i in range(4):
    stack.append(i)
print(stack.pop(), stack.pop(), stack)
queue = ["a", "b", "c"]
queue.append("d")
print(queue.pop(0), queue.pop(0), queue)
original = [[1, 2], [3]]
shallow = list(original)
shallow[0].append(99)
shallow.append("new")
print(original, shallow)
print(list(reversed(stack)), stack[::-1] == list(reversed(stack)))
