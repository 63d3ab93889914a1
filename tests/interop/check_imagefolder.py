"""torchvision.datasets.ImageFolder loads shapegen's ImageFolder layout, and
its classes, class_to_idx and per-split counts match the manifest (whose
class names are the ones expected: no class is named here); its class index
of every image is the image's class id in classes.json."""
import collections
import json
import os
import sys

from common import Checks, generate, manifest, need, workdir

datasets = need("torchvision.datasets")
binary = sys.argv[1]
checks = Checks()
with workdir() as tmp:
    out = os.path.join(tmp, "ds")
    generate(binary, out, "--preset", "basic", "--count", "90", "--formats", "imagefolder",
             "--split", "train=0.6,val=0.2,test=0.2", "--output.split_mode=exact")
    rows = manifest(out)
    with open(os.path.join(out, "classes.json")) as f:
        table = json.load(f)["classes"]
    folder = {c["name"]: c["imagefolder"] for c in table}
    class_id = {c["name"]: c["id"] for c in table}
    expected = collections.Counter((r["split"], r["objects"][0]["class"]) for r in rows)
    for split in ("train", "val", "test"):
        ds = datasets.ImageFolder(os.path.join(out, split))
        # torchvision sorts the folders ("<id>_<name>"): the classes this split's images show.
        names = sorted({folder[cls] for s, cls in expected if s == split})
        checks.check(len(names) == len(table), f"{split}: only {names} in the sample")
        checks.check(ds.classes == names, f"{split}: classes {ds.classes}, manifest {names}")
        checks.check(ds.class_to_idx == {c["imagefolder"]: c["id"] for c in table},
                     f"{split}: {ds.class_to_idx} is not the ids of classes.json")
        got = collections.Counter(ds.classes[label] for _, label in ds.samples)
        for cls in class_id:
            checks.check(got[folder[cls]] == expected[(split, cls)],
                         f"{split}/{cls}: ImageFolder has {got[folder[cls]]}, manifest {expected[(split, cls)]}")
        by_file = {os.path.basename(r["file"]): r for r in rows if r["split"] == split}
        for path, label in ds.samples:
            cls = by_file[os.path.basename(path)]["objects"][0]["class"]
            checks.check(label == class_id[cls], f"{path}: ImageFolder index {label}, class id {class_id[cls]}")
        image, label = ds[0]
        checks.check(image.size == (64, 64), f"{split}: first image is {image.size}")
    # Exact mode: per class, 60/20/20 of that class's count (largest remainder).
    per_class = collections.Counter(r["objects"][0]["class"] for r in rows)
    for cls, n in per_class.items():
        checks.check(abs(expected[("train", cls)] - 0.6 * n) < 1, f"{cls}: train {expected[('train', cls)]} of {n}")
    # Every ImageFolder file is the primary image itself (a hard link).
    for r in rows:
        name = os.path.basename(r["file"])
        linked = os.path.join(out, r["split"], folder[r["objects"][0]["class"]], name)
        checks.check(os.path.samefile(linked, os.path.join(out, r["file"])), f"{linked} is not the primary image")
checks.finish()
