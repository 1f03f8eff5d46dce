# heapq keeps the smallest element first.
import heapq
h = []
for v in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(len(h))])
data = [7, 2, 9, 4]
heapq.heapify(data)
print(data[0], heapq.heappop(data), heapq.heappop(data))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
print(heapq.heappop(tasks))
