"""pycocotools reads our keypoints as COCOeval means them: the ground truth
given back as detections (score 1), with params.kpt_oks_sigmas from the
file's info, gives keypoint AP 1.0; the same detections moved by a few pixels
give less, so the check can fail. Every annotation has K = 4 triplets."""
import contextlib
import io
import json
import os
import sys

from module_common import Checks, generate, workdir
from common import need  # noqa: E402 (tests/interop, on the path module_common sets)

np = need("numpy")
need("pycocotools")
from pycocotools.coco import COCO  # noqa: E402
from pycocotools.cocoeval import COCOeval  # noqa: E402

binary = sys.argv[1]
checks = Checks()


def keypoint_ap(gt, detections, sigmas):
    with contextlib.redirect_stdout(io.StringIO()):
        e = COCOeval(gt, gt.loadRes(detections), "keypoints")
        e.params.kpt_oks_sigmas = np.array(sigmas)
        e.evaluate()
        e.accumulate()
        e.summarize()
    return e.stats[0]


with workdir() as tmp:
    out = os.path.join(tmp, "ds")
    generate(binary, out, "--preset", "detection", "--count", "16", "--formats", "coco",
             "--split", "train=1", "--shape.vertex_order=clockwise_from_top")
    path = os.path.join(out, "annotations", "instances_train.json")
    with open(path) as f:
        info = json.load(f)["info"]
    sigmas = info["keypoint_sigmas"]
    checks.check(sigmas == [0.025] * 4, f"info keypoint_sigmas {sigmas}")
    with contextlib.redirect_stdout(io.StringIO()):
        gt = COCO(path)
    anns = gt.loadAnns(gt.getAnnIds())
    checks.check(all(len(a["keypoints"]) == 3 * len(sigmas) for a in anns), "keypoint triplets per annotation")
    for c in gt.loadCats(gt.getCatIds()):
        checks.check(len(c["keypoints"]) == len(sigmas), f"category {c['name']}: {c['keypoints']}")
    # COCOeval ignores objects without a labeled keypoint: they are not given back.
    scored = [a for a in anns if a["num_keypoints"] > 0]
    checks.check(len(scored) > 20, f"{len(scored)} annotations with keypoints")
    detections = [{"image_id": a["image_id"], "category_id": a["category_id"],
                   "keypoints": list(a["keypoints"]), "score": 1.0} for a in scored]
    ap = keypoint_ap(gt, detections, sigmas)
    checks.check(abs(ap - 1.0) < 1e-12, f"keypoint AP of the ground truth itself: {ap}")
    moved = [dict(d, keypoints=[x + 3 if k % 3 != 2 and d["keypoints"][k - k % 3 + 2] else x
                                for k, x in enumerate(d["keypoints"])]) for d in detections]
    moved_ap = keypoint_ap(gt, moved, sigmas)
    checks.check(moved_ap < 0.9, f"keypoint AP of detections 3 px off: {moved_ap}")
    print(f"keypoint AP {ap}, 3 px off {moved_ap}")
checks.finish()
