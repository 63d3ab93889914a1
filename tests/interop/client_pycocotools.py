"""pycocotools, the reference COCO API, reads shapegen's COCO as it is:
every annotations/instances_*.json loads with COCO(); annToMask of each
annotation agrees with our polygon (output.coco_segmentation = polygon) or
equals the masks layout's instance mask pixel for pixel (rle); COCOeval with
the ground truth given back as detections (score 1) reports AP 1.0 for bbox,
segm and keypoints (params.kpt_oks_sigmas = the file's info.keypoint_sigmas,
one vector for every category: the fixed-K schema).

Polygon mode: annToMask rasterizes `segmentation` (the outline clipped to the
frame) its own way; we rasterize the manifest's unclipped `polygon` by a
point-in-polygon test of our own at the pixel centres (x + 0.5, y + 0.5)
inside the frame. Both put pixel x over [x, x + 1), so a pixel may differ
only where its centre lies within BOUNDARY px of the outline: pycocotools'
rleFrPoly snaps the polygon to a 1/5 px grid (it upsamples by 5 and rounds
vertices and edge points, moving each by at most 0.1 px in x and in y,
0.1·√2 ≈ 0.14 px). Its pixel count must equal `area` (the clipped polygon's,
by the shoelace formula) within the outline's length times BOUNDARY.

Each row of CASES is a dataset (a preset and overrides) and the checks it
gets; a new mode or schema is one row (and its check, when new).
No network: forbid_network (tests/interop/offline.py) fails any attempt."""
import contextlib
import io
import math
import os
import sys

from common import Checks, generate, manifest, need, workdir
from offline import forbid_network

attempts = forbid_network()
np = need("numpy")
COCO = need("pycocotools.coco").COCO
COCOeval = need("pycocotools.cocoeval").COCOeval
binary = sys.argv[1]
checks = Checks()
BOUNDARY = 0.2  # px: how far from the outline a pixel centre may lie on the other side (above)
SPLITS = ("train", "val", "test")


def quiet(call, *args):
    """pycocotools prints progress on stdout: kept out of the log."""
    with contextlib.redirect_stdout(io.StringIO()):
        return call(*args)


def rings(flat):
    return np.asarray(flat, dtype=float).reshape(-1, 2)


def inside(poly, xs, ys):
    """Even-odd point-in-polygon of the points (xs, ys) (broadcast arrays)."""
    result = np.zeros(np.broadcast(xs, ys).shape, dtype=bool)
    for (x1, y1), (x2, y2) in zip(poly, np.roll(poly, -1, axis=0)):
        if y1 == y2:
            continue
        crosses = (y1 > ys) != (y2 > ys)
        x_at = x1 + (ys - y1) * (x2 - x1) / (y2 - y1)
        result ^= crosses & (xs < x_at)
    return result


def distance_to_outline(poly, xs, ys):
    best = np.full(np.broadcast(xs, ys).shape, np.inf)
    for (x1, y1), (x2, y2) in zip(poly, np.roll(poly, -1, axis=0)):
        dx, dy = x2 - x1, y2 - y1
        t = np.clip(((xs - x1) * dx + (ys - y1) * dy) / max(dx * dx + dy * dy, 1e-12), 0, 1)
        best = np.minimum(best, np.hypot(xs - (x1 + t * dx), ys - (y1 + t * dy)))
    return best


def perimeter(poly):
    return float(np.sum(np.hypot(*(np.roll(poly, -1, axis=0) - poly).T)))


def shoelace(poly):
    x, y = poly.T
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


class Dataset:
    """One generated dataset: its manifest, and per split the COCO object and
    the manifest object behind each annotation (the visible ones, in order)."""

    def __init__(self, out):
        self.out = out
        self.rows = manifest(out)
        self.coco = {}
        self.objects = {}  # (split, annotation id) -> (row, object index)
        for split in SPLITS:
            path = os.path.join(out, "annotations", f"instances_{split}.json")
            coco = quiet(COCO, path)
            self.coco[split] = coco
            for image_id in coco.getImgIds():
                row = self.rows[image_id - 1]
                shown = [k for k, o in enumerate(row["objects"]) if o["bbox"][2] > o["bbox"][0]]
                anns = coco.loadAnns(coco.getAnnIds(imgIds=[image_id]))
                checks.check(len(anns) == len(shown), f"{split} image {image_id}: {len(anns)} annotations, {len(shown)} shown")
                for a, k in zip(sorted(anns, key=lambda a: a["id"]), shown):
                    self.objects[(split, a["id"])] = (row, k)


def check_load(ds, name):
    """COCO() indexes every file; its images are the split's manifest rows."""
    for split, coco in ds.coco.items():
        files = sorted(im["file_name"] for im in coco.loadImgs(coco.getImgIds()))
        want = sorted(r["file"] for r in ds.rows if r["split"] == split)
        checks.check(files == want, f"{name}/{split}: COCO images {len(files)}, manifest rows {len(want)}")
        names = [c["name"] for c in coco.loadCats(coco.getCatIds())]
        used = {o["class"] for r in ds.rows for o in r["objects"]}
        checks.check(used <= set(names), f"{name}/{split}: categories {names} lack some of {used}")
        for a in coco.loadAnns(coco.getAnnIds()):
            row, k = ds.objects[(split, a["id"])]
            checks.check(coco.loadCats(a["category_id"])[0]["name"] == row["objects"][k]["class"],
                         f"{name}/{split} annotation {a['id']}: category differs from the manifest")
    n = sum(len(c.getAnnIds()) for c in ds.coco.values())
    print(f"{name}: COCO() loaded {len(ds.rows)} images, {n} annotations in {len(ds.coco)} files")


def check_polygon_masks(ds, name):
    """annToMask against the manifest polygon rasterized here (see the top)."""
    pixels = differing = 0
    worst = 0.0
    for (split, ann_id), (row, k) in ds.objects.items():
        a = ds.coco[split].loadAnns(ann_id)[0]
        checks.check(isinstance(a["segmentation"], list), f"{name}: annotation {ann_id} is not a polygon")
        got = ds.coco[split].annToMask(a).astype(bool)
        H, W = row["height"], row["width"]
        checks.check(got.shape == (H, W), f"{name}: annToMask shape {got.shape}")
        poly = rings(row["objects"][k]["polygon"])
        ys, xs = np.mgrid[0:H, 0:W] + 0.5  # pixel centres
        want = inside(poly, xs, ys)
        off = got != want
        if off.any():
            far = distance_to_outline(poly, xs[off], ys[off])
            worst = max(worst, float(far.max()))
            checks.check(far.max() <= BOUNDARY,
                         f"{name} {row['file']} object {k}: annToMask differs {far.max():.3f} px inside the outline")
        # area: the clipped polygon's, and as many pixels as that within the band
        clipped = sum(shoelace(rings(r)) for r in a["segmentation"])
        checks.check(math.isclose(a["area"], clipped, rel_tol=1e-4, abs_tol=1e-3),
                     f"{name} annotation {ann_id}: area {a['area']}, its polygon's {clipped}")
        band = perimeter(poly) * BOUNDARY + 4
        checks.check(abs(int(got.sum()) - a["area"]) <= band,
                     f"{name} annotation {ann_id}: {got.sum()} pixels, area {a['area']:.1f} (band {band:.1f})")
        pixels += int(got.sum())
        differing += int(off.sum())
    print(f"{name}: annToMask of {len(ds.objects)} polygons: {pixels} pixels, {differing} on the outline"
          f" (within {worst:.3f} <= {BOUNDARY} px of it) differ from our rasterization")


# What a detector's result carries per iouType: a box; a mask as RLE (the
# form loadRes takes for segm, made from the ground truth by pycocotools);
# the K keypoint triplets of the schema.
result_fields = {
    "bbox": lambda gt, a: {"bbox": a["bbox"]},
    "segm": lambda gt, a: {"segmentation": gt.annToRLE(a)},
    "keypoints": lambda gt, a: {"keypoints": a["keypoints"]},
}
# summarize()'s stats: AP, AP50 and the AR of all areas at the most detections
# (bbox and segm list AR at 1, 10, 100 then by area; keypoints AR at 20 first)
STATS = {"bbox": (0, 1, 8), "segm": (0, 1, 8), "keypoints": (0, 1, 5)}


def check_rle_masks(ds, name):
    """RLE mode: annToMask equals the masks layout's instance mask, pixel for pixel."""
    from PIL import Image

    pixels = 0
    for (split, ann_id), (row, k) in ds.objects.items():
        a = ds.coco[split].loadAnns(ann_id)[0]
        checks.check(isinstance(a["segmentation"], dict), f"{name}: annotation {ann_id} is not RLE")
        stem = os.path.splitext(os.path.basename(row["file"]))[0]
        instance = np.asarray(Image.open(os.path.join(ds.out, "masks", "instance", stem + ".png")))
        got = ds.coco[split].annToMask(a).astype(bool)
        checks.check(np.array_equal(got, instance == k + 1), f"{name} {row['file']} object {k}: annToMask is not its instance mask")
        checks.check(a["area"] == int(got.sum()), f"{name} annotation {ann_id}: area {a['area']}, {got.sum()} pixels")
        pixels += int(got.sum())
    print(f"{name}: annToMask of {len(ds.objects)} RLE masks equals masks/instance ({pixels} pixels)")


def keypoint_sigmas(ds, name):
    """The schema's one sigma vector (info.keypoint_sigmas): K numbers, and K
    triplets in every annotation and K names in every category, so that it
    fits them all."""
    sigmas = np.asarray(next(iter(ds.coco.values())).dataset["info"]["keypoint_sigmas"], dtype=float)
    for split, coco in ds.coco.items():
        checks.check(coco.dataset["info"]["keypoint_sigmas"] == sigmas.tolist(),
                     f"{name}/{split}: sigmas {coco.dataset['info']['keypoint_sigmas']}, other splits {sigmas.tolist()}")
        for c in coco.loadCats(coco.getCatIds()):
            checks.check(len(c["keypoints"]) == len(sigmas), f"{name}/{split} {c['name']}: {len(c['keypoints'])} keypoint names, {len(sigmas)} sigmas")
        for a in coco.loadAnns(coco.getAnnIds()):
            v = a["keypoints"][2::3]
            checks.check(len(a["keypoints"]) == 3 * len(sigmas) and a["num_keypoints"] == sum(x > 0 for x in v),
                         f"{name}/{split} annotation {a['id']}: {len(a['keypoints'])} numbers, num_keypoints {a['num_keypoints']}, {len(sigmas)} sigmas")
    return sigmas


def evaluate(ds, name, iou_type):
    """COCOeval of the ground truth given back as detections: AP 1.0 per split.
    Keypoints: one COCOeval over all categories with the file's one sigma
    vector (pycocotools' computeOks reads detections per category only, so
    useCats = 0 would find no pair at all); an annotation without labeled
    keypoints (num_keypoints 0, which COCOeval ignores) is not given back: a
    detection of no keypoints lies at (0, 0), far from every object, and
    would count as a false positive."""
    sigmas = keypoint_sigmas(ds, name) if iou_type == "keypoints" else None
    for split, gt in ds.coco.items():
        anns = [a for a in gt.loadAnns(gt.getAnnIds()) if iou_type != "keypoints" or a["num_keypoints"] > 0]
        if not anns:
            continue
        results = [{"image_id": a["image_id"], "category_id": a["category_id"], "score": 1.0,
                    **result_fields[iou_type](gt, a)} for a in anns]
        dt = quiet(gt.loadRes, results)
        e = COCOeval(gt, dt, iou_type)
        if sigmas is not None:
            e.params.kpt_oks_sigmas = sigmas
        quiet(e.evaluate)
        quiet(e.accumulate)
        quiet(e.summarize)
        ap, ap50, ar = (e.stats[i] for i in STATS[iou_type])
        # precision is tp / (tp + fp + eps) there: 1 - 2e-16 for a perfect detector
        checks.check(all(math.isclose(v, 1.0, abs_tol=1e-9) for v in (ap, ap50, ar)),
                     f"{name}/{split} {iou_type}: AP {ap}, AP50 {ap50}, AR {ar} (want 1.0)")
        cats = len({a["category_id"] for a in anns})
        print(f"{name}/{split}: COCOeval {iou_type} on {len(anns)} annotations of {cats} categories:"
              f" AP {ap:.3f} AP50 {ap50:.3f} AR {ar:.3f}")


CHECKS = {
    "load": check_load,
    "polygon_masks": check_polygon_masks,
    "rle_masks": check_rle_masks,  # for the RLE mode's row (COCO segmentation as the visible mask)
    "eval_bbox": lambda ds, name: evaluate(ds, name, "bbox"),
    "eval_segm": lambda ds, name: evaluate(ds, name, "segm"),
    "eval_keypoints": lambda ds, name: evaluate(ds, name, "keypoints"),
}

# name, generate arguments, checks. Every split is written (COCO files are,
# even empty ones); each dataset has annotations in all three. rle_masks
# wants "--formats coco,masks".
COMMON = ("--split", "train=0.6,val=0.2,test=0.2", "--formats", "coco")
CASES = [
    # occlusion, mixed fills, 1-5 objects per image
    ("detection", ["--preset", "detection", "--count", "40", *COMMON],
     ("load", "polygon_masks", "eval_bbox", "eval_segm", "eval_keypoints")),
    # the same scenes with the visible mask as RLE (an outline's is its
    # stroke, less what objects on top hide), vertices clockwise from the top
    ("detection-rle", ["--preset", "detection", "--count", "40", *COMMON[:-1], "coco,masks",
                       "--output.coco_segmentation=rle", "--shape.vertex_order=clockwise_from_top"],
     ("load", "rle_masks", "eval_bbox", "eval_segm", "eval_keypoints")),
    # one outline shape per image: the filled outline is the segment
    ("basic", ["--preset", "basic", "--count", "30", *COMMON],
     ("load", "polygon_masks", "eval_bbox", "eval_segm", "eval_keypoints")),
    # hand-drawn ovals and rectangles labeled circle and square
    ("handdrawn", ["--preset", "handdrawn", "--count", "30", "--image.width=64", "--image.height=64",
                   "--objects.count=1..3", "--frame.p=0", *COMMON],
     ("load", "polygon_masks", "eval_bbox", "eval_segm", "eval_keypoints")),
]

with workdir() as tmp:
    for name, args, wanted in CASES:
        out = os.path.join(tmp, name)
        generate(binary, out, *args)
        ds = Dataset(out)
        for check in wanted:
            CHECKS[check](ds, name)
checks.check(not attempts, f"network use: {attempts}")
checks.finish()
