# set identities hold for several random-free sets.
A, B, C = {1, 2, 3, 4}, {3, 4, 5}, {4, 5, 6, 1}
print(A | (B & C) == (A | B) & (A | C), A & (B | C) == (A & B) | (A & C), A - (B | C) == (A - B) & (A - C))
print(A ^ B == (A - B) | (B - A), (A ^ B) ^ B == A, A <= A | B, A & B <= A, len(A | B) == len(A) + len(B) - len(A & B))
