"""g[i] is row i of `shapegen generate`: the pixels of its PNG (decoded by PIL),
its manifest line (parsed JSON, same keys in the same order), its instance
mask, and g.describe() is the dataset's dataset.ini / `shapegen describe`."""
import json
import os
import sys

import numpy as np
from PIL import Image

from module_common import Checks, cli, generate, import_shapegen, manifest, workdir

shapegen = import_shapegen()
binary = sys.argv[1]
checks = Checks()

# (preset, CLI arguments, the same as Generator keywords)
CASES = [
    ("basic", ["--count", "40"], {"count": 40}),
    ("augmented", ["--count", "40", "--seed", "7", "--image.width=96"],
     {"count": 40, "seed": 7, "image.width": 96}),
    ("color", ["--count", "20"], {"count": 20}),
    ("sketch", ["--count", "20", "--shape.size=0.3..0.6"], {"count": 20, "shape.size": "0.3..0.6"}),
    ("detection", ["--count", "20", "--formats", "masks"], {"count": 20, "masks": True, "output.formats": "masks"}),
    ("basic", ["--count", "10", "--variants", "2", "--affine.p=1"], {"count": 10, "variants": 2, "affine.p": 1.0}),
    ("basic", ["--count", "30", "--output.split=train:0.5,val:0.5", "--output.split_mode=exact"],
     {"count": 30, "output.split": "train:0.5,val:0.5", "output.split_mode": "exact"}),
]

with workdir() as tmp:
    for n, (preset, args, keywords) in enumerate(CASES):
        name = f"{preset} {' '.join(args)}"
        out = os.path.join(tmp, f"case{n}")
        generate(binary, out, "--preset", preset, *args)
        g = shapegen.Generator(preset, **keywords)
        rows = manifest(out)
        checks.check(len(g) == len(rows), f"{name}: len {len(g)}, manifest {len(rows)} rows")
        with open(os.path.join(out, "dataset.ini")) as f:
            checks.check(g.describe() == f.read(), f"{name}: describe() differs from dataset.ini")
        for i, row in enumerate(rows):
            item = g[i]
            image, labels = item[0], item[1]
            png = np.asarray(Image.open(os.path.join(out, row["file"])))
            checks.check(image.dtype == np.uint8 and image.shape == png.shape and image.flags.c_contiguous,
                         f"{name} row {i}: image {image.dtype} {image.shape}, PNG {png.shape}")
            checks.check(np.array_equal(image, png), f"{name} row {i}: pixels differ from {row['file']}")
            checks.check(labels == row, f"{name} row {i}: labels differ from the manifest line")
            checks.check(json.dumps(labels) == json.dumps(row), f"{name} row {i}: key order differs")
            if keywords.get("masks"):
                stem = os.path.splitext(os.path.basename(row["file"]))[0]
                instance = np.asarray(Image.open(os.path.join(out, "masks", "instance", stem + ".png")))
                checks.check(np.array_equal(item[2], instance), f"{name} row {i}: instance mask differs")
        # The batch holds the same rows.
        batch = g.batch(0, len(g), jobs=2)
        checks.check(batch[1] == rows, f"{name}: batch labels differ from the manifest")
        checks.check(all(np.array_equal(batch[0][i], g[i][0]) for i in range(len(g))), f"{name}: batch images differ")

    code, described, _ = cli(binary, "describe", "--preset", "augmented", "--seed", "7", "--image.width=96")
    g = shapegen.Generator("augmented", seed=7, **{"image.width": 96})
    checks.check(code == 0 and g.describe() == described, "describe() differs from `shapegen describe`")
    checks.check(g.config["image.width"] == "96" and g.config["dataset.seed"] == "7", f"config: {g.config}")
    checks.check(g.shape == (64, 96) and shapegen.Generator("color").shape == (96, 96, 3), "shape")
    checks.check("basic" in shapegen.presets() and "augmented" in shapegen.presets(), "presets()")
checks.finish()
