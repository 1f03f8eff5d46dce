# Float Mandelbrot set: count the points that stay bounded, row by row.
def mandel_row(y, width, height, max_iter):
    ci = 2.0 * y / height - 1.0
    inside = 0
    for x in range(width):
        cr = 3.0 * x / width - 2.0
        zr = zi = 0.0
        i = 0
        while i < max_iter:
            zr2 = zr * zr
            zi2 = zi * zi
            if zr2 + zi2 > 4.0:
                break
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            i += 1
        if i == max_iter:
            inside += 1
    return inside


total = 0
checksum = 0
for row in range(240):
    n = mandel_row(row, 320, 240, 200)
    total += n
    checksum = (checksum * 17 + n) % 1000003
print("mandelbrot", total, checksum)
