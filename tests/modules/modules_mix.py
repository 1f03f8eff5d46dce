# everyday use of json, struct, collections and io together (a smoke test across modules).
import json, struct, collections, io
print(json.dumps({"a": [1, 2.5, None, True], "b": "e"}), json.loads('{"x": [1, {"y": null}]}'))
print(struct.pack("<hI", -2, 7), struct.unpack(">H", b"\x01\x02"), struct.calcsize("<iHb"))
dq = collections.deque([1, 2], 5); dq.append(3); dq.appendleft(0); print(list(dq), dq.popleft(), dq.pop())
P = collections.namedtuple("P", ["x", "y"]); p = P(1, y=2); print(p, p.x + p.y, p._replace(x=5) if hasattr(p, "_replace") else P(5, 2), tuple(p))
s = io.StringIO(); s.write("abc"); print(s.getvalue(), io.BytesIO(b"xy").read())
od = collections.OrderedDict(); od["b"] = 1; od["a"] = 2; print(list(od), list(od.items()))
