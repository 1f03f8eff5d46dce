# json dumps/loads round trips with default separators.
import json
data = {"name": "x", "n": [1, 2.5, None, True, False], "nested": {"k": "v"}}
text = json.dumps(data)
print(text)
print(json.loads(text) == data)
print(json.loads("[1, \"a\", {\"b\": null}]"), json.loads(" 3 "), json.dumps("quo\"te"))
print(json.dumps([]), json.dumps({}), json.dumps(1.5), json.dumps("é") in ('"\\u00e9"', '"é"'))
try:
    json.loads("{bad")
except ValueError:
    print("ValueError")
