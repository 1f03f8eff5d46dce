# A Dhrystone/pystone-flavoured mix of records, branches, string compares and integer arithmetic.
class Record:
    def __init__(self, ptr=None, discr=0, enum=0, value=0, text=""):
        self.ptr = ptr
        self.discr = discr
        self.enum = enum
        self.value = value
        self.text = text

    def copy(self):
        return Record(self.ptr, self.discr, self.enum, self.value, self.text)


IDENT1, IDENT2, IDENT3 = 1, 2, 3


def func1(ch1, ch2):
    return IDENT1 if ch1 != ch2 else IDENT2


def func2(s1, s2):
    if s1[2] == s2[3]:
        return True
    return s1 > s2


def proc7(a, b):
    return a + b + 2


def proc8(array, array2, a, b):
    index = a + 5
    array[index] = b
    array[index + 1] = array[index]
    array[index + 30] = index
    for i in range(index, index + 2):
        array2[index][i] = index
    array2[index][index - 1] += 1
    array2[index + 20][index] = array[index]
    return index


def run(loops):
    array = [0] * 51
    array2 = [[0] * 51 for _ in range(51)]
    glob = Record(None, 0, IDENT3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    glob.ptr = Record(glob, 0, IDENT3, 40, "DHRYSTONE PROGRAM, 1'ST STRING")
    checksum = 0
    s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    for loop in range(loops):
        s2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        int1, int2 = 2, 3
        enum = IDENT2
        flag = not func2(s1, s2)
        while int1 < int2:
            int3 = 5 * int1 - int2
            int3 = proc7(int1, int2)
            int1 += 1
        checksum += proc8(array, array2, int1, int3)
        rec = glob.ptr.copy()
        rec.value = proc7(rec.value, 10) % 1000
        for ch in "ABC":
            if enum == func1(ch, "C"):
                enum = IDENT1
        int2 = int2 * int1
        int1 = int2 // int3
        int2 = 7 * (int2 - int3) - int1
        checksum = (checksum + int1 + int2 + rec.value + (1 if flag else 0) + enum + loop) % 1000003
    return checksum


print("pystone_like", run(500000))
