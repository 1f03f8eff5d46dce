# Dict-heavy word counting over a deterministic pseudo-random text generated on the fly.
SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po"]


def words(count, seed):
    state = seed
    for _ in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        length = 1 + (state >> 8) % 3
        word = ""
        for k in range(length):
            word += SYLLABLES[(state >> (4 * k + 12)) % 8]
        yield word


counts = {}
for word in words(600000, 42):
    counts[word] = counts.get(word, 0) + 1
pairs = {}
previous = ""
for word in words(250000, 7):
    key = previous[:2] + word[:2]
    pairs[key] = pairs.get(key, 0) + 1
    previous = word
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print("word_count", len(counts), len(pairs), top, sum(counts.values()))
