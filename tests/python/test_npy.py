"""The array layout (--formats npy) as NumPy reads it: every file maps with
np.load(mmap_mode="r") and its bytes are np.save's of the same array; row i
of a split's arrays is the split's i-th manifest row: images equal
images/<stem>.png's pixels (PIL), counts the objects, classes their
classes.json ids (-1 after), boxes the manifest's bbox as float32 (0 after),
keypoints the in-frame vertices with COCO's visibility (2 visible, 1
hidden), every other slot 0, 0, 0. A gray preset with up to 5 objects and an
RGB one with up to 3."""
import io
import json
import os
import sys

import numpy as np
from PIL import Image

from module_common import Checks, generate, manifest, workdir

binary = sys.argv[1]
checks = Checks()
NAMES = ("images", "index", "counts", "classes", "boxes", "keypoints")

with workdir() as tmp:
    for preset, objects in (("detection", "1..5"), ("color", "1..3")):
        out = os.path.join(tmp, preset)
        generate(binary, out, "--preset", preset, "--count", "30", "--formats", "npy",
                 "--split", "train=0.7,val=0.3", f"--objects.count={objects}")
        m = int(objects.split("..")[-1])
        with open(os.path.join(out, "classes.json")) as f:
            class_id = {c["name"]: c["id"] for c in json.load(f)["classes"]}
        rows = manifest(out)
        seen = 0
        for split in ("train", "val"):
            folder = os.path.join(out, "npy", split)
            a = {}
            for name in NAMES:
                path = os.path.join(folder, f"{name}.npy")
                a[name] = np.load(path, mmap_mode="r")
                checks.check(isinstance(a[name], np.memmap), f"{path}: not memory-mapped")
                saved = io.BytesIO()
                np.save(saved, np.asarray(a[name]))
                with open(path, "rb") as f:
                    checks.check(f.read() == saved.getvalue(), f"{path}: not np.save's bytes")
            mine = [r for r in rows if r["split"] == split]
            n = len(mine)
            rgb = preset == "color"
            k = a["keypoints"].shape[2] if a["keypoints"].ndim == 4 else -1
            checks.check(a["images"].dtype == np.uint8 and a["images"].ndim == (4 if rgb else 3)
                         and a["images"].shape[0] == n, f"{preset}/{split}: images {a['images'].shape}")
            checks.check(a["classes"].shape == (n, m) and a["classes"].dtype == np.int64,
                         f"{preset}/{split}: classes {a['classes'].shape} {a['classes'].dtype}")
            checks.check(a["boxes"].shape == (n, m, 4) and a["boxes"].dtype == np.float32,
                         f"{preset}/{split}: boxes {a['boxes'].shape}")
            checks.check(a["keypoints"].shape == (n, m, k, 3) and k >= 3 and a["keypoints"].dtype == np.float32,
                         f"{preset}/{split}: keypoints {a['keypoints'].shape}")
            checks.check(a["index"].dtype == np.int64 and a["counts"].dtype == np.int64, f"{preset}/{split}: dtypes")
            for i, r in enumerate(mine):
                where = f"{preset}/{split} row {i} ({r['file']})"
                pixels = np.asarray(Image.open(os.path.join(out, r["file"])))
                checks.check(np.array_equal(a["images"][i], pixels), f"{where}: pixels differ from the PNG")
                checks.check(a["index"][i] == r["index"], f"{where}: index {a['index'][i]}")
                objs = r["objects"]
                checks.check(a["counts"][i] == len(objs), f"{where}: count {a['counts'][i]}")
                want = [class_id[o["class"]] for o in objs] + [-1] * (m - len(objs))
                checks.check(a["classes"][i].tolist() == want, f"{where}: classes {a['classes'][i]} != {want}")
                boxes = np.zeros((m, 4), np.float32)
                boxes[:len(objs)] = np.array([o["bbox"] for o in objs], np.float32).reshape(-1, 4)
                checks.check(np.array_equal(a["boxes"][i], boxes), f"{where}: boxes {a['boxes'][i]}")
                for j in range(m):
                    kp = np.asarray(a["keypoints"][i, j])
                    labeled = sorted(map(tuple, kp[kp[:, 2] > 0].tolist()))
                    zeros = kp[kp[:, 2] == 0]
                    want = [] if j >= len(objs) else sorted(
                        (np.float32(v["x"]).item(), np.float32(v["y"]).item(), 2.0 if v["visible"] else 1.0)
                        for v in objs[j]["vertices"] if v["in_frame"])
                    checks.check(labeled == want, f"{where}: object {j} keypoints {labeled} != {want}")
                    checks.check(not zeros.any(), f"{where}: object {j}: an unlabeled slot is not 0, 0, 0")
            seen += n
        checks.check(seen == len(rows), f"{preset}: {seen} rows in the arrays, {len(rows)} in the manifest")
        print(f"ok: {preset}: {seen} rows, {sum(len(r['objects']) for r in rows)} objects")
checks.finish()
