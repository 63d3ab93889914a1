"""g.batch gives the same arrays and labels on 1, 2 or 3 threads, and the same
rows as g[i], for any start."""
import sys

import numpy as np

from module_common import Checks, import_shapegen

shapegen = import_shapegen()
checks = Checks()

for preset, keywords in [("augmented", {"count": 150}), ("color", {"count": 40}),
                         ("detection", {"count": 30, "masks": True}),
                         ("basic", {"count": 20, "variants": 3, "affine.p": 1})]:
    g = shapegen.Generator(preset, **keywords)
    one, two, three = (g.batch(0, len(g), jobs=j) for j in (1, 2, 3))
    checks.check(one[0].shape == (len(g),) + g.shape and one[0].dtype == np.uint8, f"{preset}: {one[0].shape}")
    for name, other in (("jobs=2", two), ("jobs=3", three)):
        checks.check(len(other) == len(one), f"{preset} {name}: tuple length")
        checks.check(np.array_equal(one[0], other[0]), f"{preset} {name}: images differ from jobs=1")
        checks.check(one[1] == other[1], f"{preset} {name}: labels differ from jobs=1")
        if len(one) > 2:
            checks.check(np.array_equal(one[2], other[2]), f"{preset} {name}: masks differ from jobs=1")
    for i in range(len(g)):
        item = g[i]
        checks.check(np.array_equal(item[0], one[0][i]) and item[1] == one[1][i], f"{preset} row {i}: g[i] differs")
        if len(item) > 2:
            checks.check(np.array_equal(item[2], one[2][i]), f"{preset} row {i}: mask differs")
    start, n = 7, min(11, len(g) - 7)
    part = g.batch(start, n, jobs=2)
    checks.check(np.array_equal(part[0], one[0][start:start + n]) and part[1] == one[1][start:start + n],
                 f"{preset}: batch({start}, {n}) is not that slice")
    checks.check([row["index"] for row in part[1]] == list(range(start, start + n)), f"{preset}: indices")
checks.finish()
