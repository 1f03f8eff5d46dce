# A compact Richards-style operating system task scheduler simulation.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
PACKET_WORK, PACKET_DEVICE = 0, 1


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.count = 0

    def runnable(self):
        # The idle task always has work; every other task needs a queued packet.
        return not self.held and (self.ident == IDLE or self.queue is not None)

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        return packet

    def receive(self, packet):
        self.queue = packet.append_to(self.queue)


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.queue_count = 0
        self.hold_count = 0

    def send(self, packet, target):
        packet.ident = target
        self.queue_count += 1
        self.tasks[target].receive(packet)

    def run(self, limit):
        order = sorted(self.tasks.values(), key=lambda t: -t.priority)
        steps = 0
        while steps < limit:
            progressed = False
            for task in order:
                if task.runnable():
                    self.step(task)
                    progressed = True
                    steps += 1
                    break
            if not progressed:
                for task in order:
                    task.held = False
        return steps

    def step(self, task):
        task.count += 1
        kind = task.ident
        if kind == IDLE:
            for t in self.tasks.values():
                t.held = False
            task.held = True
            self.hold_count += 1
        elif kind == WORKER:
            packet = task.take_packet()
            packet.datum = (packet.datum + task.count) % 26
            for i in range(4):
                packet.data[i] = (packet.data[i] + packet.datum + i) % 26
            self.send(packet, HANDLER_A if task.count % 2 else HANDLER_B)
        elif kind in (HANDLER_A, HANDLER_B):
            packet = task.take_packet()
            packet.kind = PACKET_DEVICE
            self.send(packet, DEVICE_A if kind == HANDLER_A else DEVICE_B)
        else:
            packet = task.take_packet()
            packet.kind = PACKET_WORK
            self.send(packet, WORKER)
            task.held = True


def run_once(limit):
    sched = Scheduler()
    sched.tasks[IDLE] = Task(sched, IDLE, 0, None)
    queue = None
    for i in range(4):
        queue = Packet(None, WORKER, PACKET_WORK).append_to(queue)
    sched.tasks[WORKER] = Task(sched, WORKER, 1000, queue)
    for ident, prio in ((HANDLER_A, 2000), (HANDLER_B, 3000), (DEVICE_A, 4000), (DEVICE_B, 5000)):
        sched.tasks[ident] = Task(sched, ident, prio, None)
    steps = sched.run(limit)
    counts = [sched.tasks[i].count for i in range(6)]
    return steps, sched.queue_count, sched.hold_count, counts


print("richards", run_once(600000))
