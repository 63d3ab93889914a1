"""docs/USE_WITH.md works as written: its `shapegen generate` commands make
the datasets, then every ```python snippet of the page runs as it stands, each
in a fresh interpreter, offline (doc_snippets.py: no connection or name
look-up succeeds, and none is tried; Ultralytics' offline settings; caches in
the test's folder), followed by this test's check of what it made against the
CLI's files. A snippet this test has no check for fails the test, so a new
snippet gets one."""
import os
import pathlib
import sys

import doc_snippets
from module_common import Checks, import_shapegen, workdir

import_shapegen()  # skipped (77) where the module was not built
# Skipped where a client is missing (scripts/test.sh installs them all).
for module in ("torch", "torchvision", "ultralytics", "pycocotools", "webdataset", "keras", "jax", "datasets"):
    doc_snippets.need(module)
binary = sys.argv[1]
checks = Checks()
page = pathlib.Path(os.environ["SHAPEGEN_SOURCE_DIR"]) / "docs" / "USE_WITH.md"

READ = """
import collections, json, os
import numpy as np
def _manifest(folder):
    with open(os.path.join(folder, "manifest.jsonl")) as f:
        return [json.loads(line) for line in f]
def _files(folder):
    return sorted(os.path.join(d, n) for d, _, names in os.walk(folder) for n in names)
SHAPES, BOXES = _manifest("shapes"), _manifest("boxes")
"""

# heading -> the checks of its snippets, in page order.
CHECKS = {
    "PyTorch": [
        """
assert len(train) + len(val) == 1000 and 100 < len(val) < 300, (len(train), len(val))
assert not set(train.rows.tolist()) & set(val.rows.tolist())
import shapegen
epoch0 = shapegen.Generator("basic", **keys)   # the CLI's dataset: its manifest says each row's split
assert all(epoch0[int(i)][1]["split"] == "train" for i in train.rows[:50])
assert all(epoch0[int(i)][1]["split"] == "val" for i in val.rows)
assert all(np.array_equal(np.rint(val[k][0].numpy()[0] * 255), epoch0[int(i)][0]) for k, i in enumerate(val.rows[:20]))
assert images.shape == (len(val), 1, 64, 64) and 0 <= accuracy <= 1 and np.isfinite(loss.item())
""",
        """
train_rows = [r for r in SHAPES if r["split"] == "train"]
assert len(train) == len(train_rows) == len(_files("shapes/train")), len(train)
assert sorted(train.classes) == sorted(os.listdir("shapes/train"))
by_stem = {os.path.basename(r["file"]): r for r in SHAPES}
for path, label in train.samples:
    assert by_stem[os.path.basename(path)]["objects"][0]["class"] in train.classes[label], path
assert name == train.classes[train.samples[0][1]]
coco_train = json.load(open("boxes/annotations/instances_train.json"))
assert len(coco) == len(coco_train["images"]) == sum(r["split"] == "train" for r in BOXES)
first = coco_train["images"][0]["id"]
assert annotations == [a for a in coco_train["annotations"] if a["image_id"] == first]
assert tuple(image.shape) == (3, 128, 128)
""",
    ],
    "Ultralytics": [
        """
import glob
val_labels = sum(1 for path in glob.glob("boxes/labels/val/*.txt") for line in open(path) if line.strip())
val_objects = sum(1 for r in BOXES if r["split"] == "val" for o in r["objects"] if o["bbox"][2] > o["bbox"][0])
assert val_labels == val_objects > 0, (val_labels, val_objects)
assert int(metrics.nt_per_class.sum()) == val_labels, (metrics.nt_per_class, val_labels)
assert list(metrics.names.values()) == ["triangle", "circle", "square"], metrics.names
""",
    ],
    "pycocotools": [
        """
assert abs(evaluation.stats[0] - 1.0) < 1e-9, evaluation.stats
assert len(masks) == len(annotations) > 0 and all(m.shape == (128, 128) and m.any() for m in masks)
""",
    ],
    "WebDataset": [
        """
seen = collections.Counter()
for images, classes in loader:
    assert images.dtype.is_floating_point and tuple(images.shape[1:]) == (1, 64, 64)
    seen.update(classes.tolist())
names = ["triangle", "circle", "square"]
want = collections.Counter(names.index(r["objects"][0]["class"]) for r in SHAPES if r["split"] == "train")
assert seen == want and len(urls) > 1, (seen, want, urls)
""",
    ],
    "Keras": [
        """
assert keras.backend.backend() == "jax"
losses = history.history["loss"]
assert len(losses) == 2 and all(np.isfinite(losses)), losses
x, y = Shapes(shapegen.Generator("basic", count=512), batch_size=64)[1]
assert x.shape == (64, 64, 64, 1) and x.dtype == np.float32 and y.shape == (64,)
""",
    ],
    "Hugging Face `datasets`": [
        """
for split, folder in (("train", "shapes/train"), ("validation", "shapes/val")):
    assert len(dataset[split]) == len(_files(folder)), (split, len(dataset[split]))
assert names == sorted(os.listdir("shapes/train")), names
assert np.asarray(example["image"]).shape == (64, 64) and name in names
labels = collections.Counter(names[label] for label in dataset["train"]["label"])
assert labels == collections.Counter(os.path.basename(os.path.dirname(p)) for p in _files("shapes/train"))
""",
    ],
}

with workdir() as tmp:
    checks.check(doc_snippets.run_commands(page, binary, tmp) == 2, "the page's two generate commands")
    seen = {}
    for block in doc_snippets.python_blocks(page):
        k = seen.setdefault(block.heading, 0)
        seen[block.heading] += 1
        section = CHECKS.get(block.heading, [])
        if k >= len(section):
            checks.check(False, f"{block.where()}: a snippet this test has no check for")
            continue
        ok, output = doc_snippets.run_python(block, tmp, READ + section[k])
        checks.check(ok, f"{block.where()} failed:\n{output[-4000:]}")
        print(f"{'ok' if ok else 'FAILED'}: {block.where()}")
    for heading, section in CHECKS.items():
        checks.check(seen.get(heading) == len(section), f"{heading}: {seen.get(heading)} snippets, {len(section)} checks")
checks.finish()
