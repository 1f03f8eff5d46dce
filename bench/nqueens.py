# Count the solutions of the N-queens problem with bitmask backtracking.
def solve(n):
    full = (1 << n) - 1
    def place(cols, diag1, diag2):
        if cols == full:
            return 1
        count = 0
        free = full & ~(cols | diag1 | diag2)
        while free:
            bit = free & -free
            free ^= bit
            count += place(cols | bit, ((diag1 | bit) << 1) & full, (diag2 | bit) >> 1)
        return count
    return place(0, 0, 0)


total = 0
for repeat in range(2):
    for size in range(4, 13):
        total = (total * 7 + solve(size)) % 1000000007
print("nqueens", solve(8), total)
