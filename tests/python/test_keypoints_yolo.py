"""Ultralytics reads our YOLO pose layout as it reads its own: its dataset
check takes data.yaml (kpt_shape [4, 3], flip_idx), and its label reader
(verify_image_label, what training caches) finds no corrupt file and the
keypoints the manifest holds, in the schema's slots. Offline
(tests/interop/offline.py)."""
import importlib.util
import json
import os
import sys

from module_common import Checks, generate, manifest, workdir
from common import need  # noqa: E402 (tests/interop, on the path module_common sets)
from offline import forbid_network, ultralytics_offline  # noqa: E402

attempts = forbid_network()
np = need("numpy")
if importlib.util.find_spec("ultralytics") is None:  # not imported: offline.py must come first
    print("SKIPPED: python module 'ultralytics' is not installed")
    sys.exit(77)
binary = sys.argv[1]
checks = Checks()

with workdir() as tmp:
    ultralytics_offline(os.path.join(tmp, "config"))
    from ultralytics.data.utils import check_det_dataset, verify_image_label

    out = os.path.join(tmp, "ds")
    generate(binary, out, "--preset", "detection", "--count", "12", "--formats", "yolo,coco",
             "--output.yolo_task=pose", "--shape.vertex_order=clockwise_from_top")
    data = check_det_dataset(os.path.join(out, "data.yaml"))
    checks.check(list(data["kpt_shape"]) == [4, 3], f"kpt_shape {data.get('kpt_shape')}")
    checks.check(list(data["flip_idx"]) == [0, 3, 2, 1], f"flip_idx {data.get('flip_idx')}")
    # The COCO slots of the same objects: what the YOLO rows must hold, normalized.
    coco = {}
    for split in ("train", "val", "test"):
        with open(os.path.join(out, "annotations", f"instances_{split}.json")) as f:
            for a in json.load(f)["annotations"]:
                coco.setdefault(a["image_id"] - 1, []).append(a)
    rows = 0
    for r in manifest(out):
        stem = os.path.splitext(os.path.basename(r["file"]))[0]
        im = os.path.join(out, "images", r["split"], stem + ".png")
        lb = os.path.join(out, "labels", r["split"], stem + ".txt")
        _, labels, shape, _, keypoints, nm, nf, ne, nc, msg = verify_image_label(
            (im, lb, "", True, len(data["names"]), 4, 3, False))
        checks.check(nc == 0 and nf == 1, f"{lb}: corrupt ({msg})")
        expected = [np.array(a["keypoints"], dtype=np.float32).reshape(4, 3) / [r["width"], r["height"], 1]
                    for a in coco.get(r["index"], [])]
        checks.check(keypoints is not None and len(keypoints) == len(expected), f"{lb}: {len(expected)} objects")
        for got, want in zip(keypoints if keypoints is not None else [], expected):
            checks.check(np.allclose(got, want, atol=1e-6), f"{lb}: keypoints {got.tolist()} != {want.tolist()}")
            rows += 1
    checks.check(rows > 12, f"{rows} pose rows")
checks.check(not attempts, f"network use: {attempts}")
checks.finish()
