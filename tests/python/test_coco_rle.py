"""output.coco_segmentation = rle, read by the real pycocotools: for a
multi-object, occluded preset with outline shapes (detection), annToMask of
every annotation is, pixel for pixel, the masks layout's instance mask of
its object (masks/instance/<stem>.png == k + 1 for the row's object k),
and its area is that mask's pixel count; the default (polygon) keeps its
polygons."""
import json
import os
import sys

import numpy as np
from PIL import Image

from module_common import Checks, generate, manifest, workdir
from common import need

coco_module = need("pycocotools.coco")
binary = sys.argv[1]
checks = Checks()

with workdir() as tmp:
    out = os.path.join(tmp, "rle")
    generate(binary, out, "--preset", "detection", "--count", "40", "--formats", "coco,masks",
             "--split", "train=0.5,val=0.5", "--output.coco_segmentation=rle")
    rows = {r["index"] + 1: r for r in manifest(out)}  # by COCO image id
    outlines = occluded = annotations = 0
    for split in ("train", "val"):
        coco = coco_module.COCO(os.path.join(out, "annotations", f"instances_{split}.json"))
        for image_id in coco.getImgIds():
            row = rows[image_id]
            stem = os.path.splitext(os.path.basename(row["file"]))[0]
            instance = np.asarray(Image.open(os.path.join(out, "masks", "instance", stem + ".png")))
            # Annotations follow the row's objects, those with nothing visible left out.
            kept = [k for k, o in enumerate(row["objects"]) if o["bbox"][2] > o["bbox"][0]]
            anns = sorted(coco.loadAnns(coco.getAnnIds(imgIds=[image_id])), key=lambda a: a["id"])
            checks.check(len(anns) == len(kept), f"{stem}: {len(anns)} annotations, {len(kept)} objects")
            for k, ann in zip(kept, anns):
                o = row["objects"][k]
                seg = ann["segmentation"]
                checks.check(isinstance(seg, dict) and seg["size"] == [row["height"], row["width"]]
                             and isinstance(seg["counts"], str), f"{stem}/{k}: segmentation {seg}")
                ours = (instance == k + 1).astype(np.uint8)
                theirs = coco.annToMask(ann)
                checks.check(theirs.shape == ours.shape and np.array_equal(theirs, ours),
                             f"{stem}/{k}: annToMask differs from masks/instance == {k + 1} in "
                             f"{int(np.sum(theirs != ours))} pixels")
                checks.check(ann["area"] == int(ours.sum()), f"{stem}/{k}: area {ann['area']}, mask {ours.sum()}")
                outlines += o["fill"] == "outline"
                occluded += o["visible_fraction"] < 0.99
                annotations += 1
    # The case is what it claims: outline shapes and objects partly hidden.
    checks.check(outlines >= 10 and occluded >= 5 and annotations >= 60,
                 f"{annotations} annotations, {outlines} outlines, {occluded} occluded")

    # polygon (the default): a list of rings, area the polygon's, the same masks.
    plain = os.path.join(tmp, "polygon")
    generate(binary, plain, "--preset", "detection", "--count", "40", "--formats", "coco,masks",
             "--split", "train=0.5,val=0.5")
    with open(os.path.join(plain, "annotations", "instances_train.json")) as f:
        anns = json.load(f)["annotations"]
    checks.check(all(isinstance(a["segmentation"], list) for a in anns), "polygon mode wrote RLE")
    with open(os.path.join(plain, "dataset.ini")) as f:
        checks.check("coco_segmentation" not in f.read(), "the default is written to dataset.ini")
checks.finish()
