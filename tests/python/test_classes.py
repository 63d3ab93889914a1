"""One class table: the dataset's classes.json, shapegen.Generator.classes /
.class_to_idx, ShapeDataset's, and torchvision's ImageFolder on our
ImageFolder layout (its folder names mapped back to class names through
classes.json) give every class the same index, for a default preset and one
that relabels drawn classes (handdrawn: ellipse:circle, rectangle:square)."""
import json
import os
import sys

from module_common import Checks, generate, import_shapegen, workdir

shapegen = import_shapegen()
from shapegen.torch import ShapeDataset  # noqa: E402
from torchvision.datasets import ImageFolder  # noqa: E402

binary = sys.argv[1]
checks = Checks()

CASES = [("basic", {"triangle": ["triangle"], "circle": ["circle"], "square": ["square"]}),
         ("handdrawn", {"triangle": ["triangle"], "circle": ["circle", "ellipse"],
                        "square": ["square", "rectangle"]})]

with workdir() as tmp:
    for preset, drawn in CASES:
        out = os.path.join(tmp, preset)
        generate(binary, out, "--preset", preset, "--count", "60", "--formats", "imagefolder",
                 "--split", "train=0.7,val=0.3", "--output.split_mode=exact")
        with open(os.path.join(out, "classes.json")) as f:
            table = json.load(f)["classes"]
        from_file = {c["name"]: c["id"] for c in table}
        checks.check(from_file == {"triangle": 0, "circle": 1, "square": 2},
                     f"{preset}: classes.json {from_file}")
        checks.check({c["name"]: c["drawn"] for c in table} == drawn,
                     f"{preset}: drawn {[c['drawn'] for c in table]}")
        for c in table:
            checks.check(c["coco_category_id"] == c["mask_value"] == c["id"] + 1, f"{preset}: {c}")
        g = shapegen.Generator(preset, count=60)
        checks.check(g.class_to_idx == from_file, f"{preset}: Generator {g.class_to_idx}")
        checks.check(g.classes == [c["name"] for c in table], f"{preset}: Generator {g.classes}")
        ds = ShapeDataset(preset, count=60)
        checks.check(ds.class_to_idx == from_file and ds.classes == g.classes,
                     f"{preset}: ShapeDataset {ds.class_to_idx}")
        name_of_folder = {c["imagefolder"]: c["name"] for c in table}
        for split in ("train", "val"):
            folder = ImageFolder(os.path.join(out, split))
            torchvision = {name_of_folder[f]: i for f, i in folder.class_to_idx.items()}
            checks.check(torchvision == from_file, f"{preset}/{split}: ImageFolder {torchvision}")
        # The "class" target of an image is torchvision's label of its file.
        folder = ImageFolder(os.path.join(out, "train"))
        ours = {}
        for i in range(len(ds)):
            ours[f"{i:06d}.png"] = ds[i][1]
        for path, label in folder.samples:
            checks.check(ours[os.path.basename(path)] == label,
                         f"{preset}: {path}: ImageFolder {label}, ShapeDataset {ours[os.path.basename(path)]}")
checks.finish()
