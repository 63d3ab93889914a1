"""COCO, YOLO and mask outputs of multi-object datasets (detection, and
hand-drawn classes relabeled), each decoded on its own, agree with the manifest: boxes to 1e-6 (relative; YOLO to its 6 decimals of the side), COCO passes a schema
check, instance masks' extents match the visible boxes within 1 px. Class
names and keypoints come from the dataset (COCO categories, data.yaml), so
the check follows the shape registry without naming a class."""
import json
import os
import sys

from common import Checks, generate, manifest, need, workdir

np = need("numpy")
Image = need("PIL.Image")
binary = sys.argv[1]
checks = Checks()


def close(a, b, rel=1e-6):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def yolo_names(path):
    """data.yaml's `names:` block, {class id: name}, read without a YAML module."""
    names, inside = {}, False
    with open(path) as f:
        for line in f:
            if line.rstrip() == "names:":
                inside = True
            elif inside and line.startswith("  "):
                key, name = line.strip().split(":", 1)
                names[int(key)] = name.strip()
            else:
                inside = False
    return names


def check_coco_schema(path, coco, out):
    """The fields and types COCO tools rely on, and their cross references."""
    for key, kind in (("info", dict), ("images", list), ("annotations", list), ("categories", list)):
        checks.check(isinstance(coco.get(key), kind), f"{path}: '{key}' missing or not a {kind.__name__}")
    cats = {c["id"]: c for c in coco["categories"]}
    checks.check(sorted(cats) == list(range(1, len(cats) + 1)), f"{path}: category ids {sorted(cats)}")
    for c in coco["categories"]:
        k = len(c["keypoints"])
        checks.check(all(1 <= i <= k and 1 <= j <= k for i, j in c["skeleton"]), f"{path}: bad skeleton {c}")
    images = {}
    for im in coco["images"]:
        ok = isinstance(im["id"], int) and im["id"] > 0 and isinstance(im["file_name"], str)
        ok = ok and isinstance(im["width"], int) and isinstance(im["height"], int)
        checks.check(ok, f"{path}: bad image {im}")
        checks.check(os.path.exists(os.path.join(out, im["file_name"])), f"{path}: missing {im['file_name']}")
        checks.check(im["id"] not in images, f"{path}: duplicate image id {im['id']}")
        images[im["id"]] = im
    ids = set()
    for a in coco["annotations"]:
        checks.check(a["id"] not in ids and isinstance(a["id"], int) and a["id"] > 0, f"{path}: bad id {a['id']}")
        ids.add(a["id"])
        checks.check(a["image_id"] in images, f"{path}: annotation {a['id']} names unknown image")
        checks.check(a["category_id"] in cats, f"{path}: annotation {a['id']} names unknown category")
        x, y, w, h = a["bbox"]
        checks.check(w > 0 and h > 0, f"{path}: annotation {a['id']} has an empty bbox")
        checks.check(a["iscrowd"] == 0 and a["area"] >= 0, f"{path}: annotation {a['id']} iscrowd/area")
        for ring in a["segmentation"]:
            checks.check(len(ring) % 2 == 0 and len(ring) >= 6, f"{path}: annotation {a['id']} polygon")
        kp = a["keypoints"]
        checks.check(len(kp) == 3 * len(cats[a["category_id"]]["keypoints"]), f"{path}: keypoint count")
        vs = kp[2::3]
        checks.check(all(v in (0, 1, 2) for v in vs), f"{path}: keypoint visibility {vs}")
        checks.check(a["num_keypoints"] == sum(v > 0 for v in vs), f"{path}: num_keypoints")


def check_dataset(name, *args):
    """Generates a multi-object dataset and checks every layout against its manifest."""
    with workdir() as tmp:
        out = os.path.join(tmp, name)
        generate(binary, out, *args, "--formats", "coco,yolo,masks")
        rows = manifest(out)
        by_file = {r["file"]: r for r in rows}
        visible = {(r["index"], k): o for r in rows for k, o in enumerate(r["objects"]) if o["bbox"][2] > o["bbox"][0]}

        # The classes, as the dataset names them: COCO's categories (id = class + 1)
        # and YOLO's data.yaml must agree, and the manifest's vertices fit the keypoints.
        classes, keypoints = None, None
        yaml_names = yolo_names(os.path.join(out, "data.yaml"))
        checks.check(len(yaml_names) > 0, "data.yaml names no class")

        # COCO, decoded on its own.
        coco_boxes = {}
        for split in ("train", "val", "test"):
            path = os.path.join(out, "annotations", f"instances_{split}.json")
            with open(path) as f:
                coco = json.load(f)
            check_coco_schema(path, coco, out)
            names = {c["id"] - 1: c["name"] for c in coco["categories"]}
            checks.check(classes is None or names == classes, f"{path}: categories differ between splits")
            classes = names
            keypoints = {c["name"]: c["keypoints"] for c in coco["categories"]}
            checks.check("shapegen_recipe" in coco["info"], f"{path}: info lacks the recipe")
            files = {im["id"]: im["file_name"] for im in coco["images"]}
            for im in coco["images"]:
                checks.check(by_file[im["file_name"]]["split"] == split, f"{im['file_name']} in the wrong split")
            for a in coco["annotations"]:
                coco_boxes.setdefault(files[a["image_id"]], []).append((classes[a["category_id"] - 1], a["bbox"]))
        checks.check(yaml_names == classes, f"data.yaml names {yaml_names}, COCO categories {classes}")
        for r in rows:
            for o in r["objects"]:
                # K slots for every class (docs/FORMATS.md): its vertices, and "unused_<s>" names.
                named = [k for k in keypoints[o["class"]] if not k.startswith("unused_")]
                checks.check(len(o["vertices"]) == len(named),
                             f"{r['file']}: {o['class']} has {len(o['vertices'])} vertices, COCO keypoints {keypoints[o['class']]}")
        checks.check(len({len(k) for k in keypoints.values()}) == 1, f"keypoint counts differ: {keypoints}")
        checks.check({o["class"] for r in rows for o in r["objects"]} == set(classes.values()),
                     "the sample does not show every class")

        # YOLO, decoded on its own.
        yolo_boxes = {}
        for r in rows:
            stem = os.path.splitext(os.path.basename(r["file"]))[0]
            checks.check(os.path.samefile(os.path.join(out, "images", r["split"], stem + ".png"), os.path.join(out, r["file"])),
                         f"{stem}: YOLO image is not the primary image")
            with open(os.path.join(out, "labels", r["split"], stem + ".txt")) as f:
                for line in f:
                    c, cx, cy, w, h = line.split()
                    W, H = r["width"], r["height"]
                    # Normalized numbers have at most 6 decimals (1e-6 of the side).
                    for number in (cx, cy, w, h):
                        checks.check(len(number.partition(".")[2]) <= 6 and "e" not in number,
                                     f"{stem}: YOLO number {number} is not rounded to 6 decimals")
                    x0, y0 = (float(cx) - float(w) / 2) * W, (float(cy) - float(h) / 2) * H
                    yolo_boxes.setdefault(r["file"], []).append((yaml_names[int(c)], [x0, y0, float(w) * W, float(h) * H]))

        # Both against the manifest, object by object in manifest order.
        for r in rows:
            expected = [(o["class"], [o["bbox"][0], o["bbox"][1], o["bbox"][2] - o["bbox"][0], o["bbox"][3] - o["bbox"][1]])
                        for o in r["objects"] if o["bbox"][2] > o["bbox"][0]]
            for name, got in (("COCO", coco_boxes.get(r["file"], [])), ("YOLO", yolo_boxes.get(r["file"], []))):
                checks.check(len(got) == len(expected), f"{name} {r['file']}: {len(got)} objects, manifest {len(expected)}")
                for (gc, gb), (ec, eb) in zip(got, expected):
                    # YOLO: each number within 0.5e-6 of the side, a corner from two of them.
                    tolerance = 1e-6 * max(r["width"], r["height"]) if name == "YOLO" else None
                    near = (lambda g, e: abs(g - e) <= tolerance) if tolerance else close
                    checks.check(gc == ec and all(near(g, e) for g, e in zip(gb, eb)), f"{name} {r['file']}: {gc} {gb} != {ec} {eb}")

        # Masks: pixel-aligned, ids in range, per-object extents against the visible boxes.
        occluded = 0
        for r in rows:
            stem = os.path.splitext(os.path.basename(r["file"]))[0]
            inst = np.asarray(Image.open(os.path.join(out, "masks", "instance", stem + ".png")))
            sem = np.asarray(Image.open(os.path.join(out, "masks", "semantic", stem + ".png")))
            checks.check(inst.shape == (r["height"], r["width"]), f"{stem}: mask shape {inst.shape}")
            for k, o in enumerate(r["objects"]):
                ys, xs = np.nonzero(inst == k + 1)
                if o["visible_fraction"] < 1:
                    occluded += 1
                if len(xs) == 0:
                    continue  # thin strokes may hold no pixel covered by half
                class_id = next(i for i, name in classes.items() if name == o["class"])
                checks.check(np.all(sem[ys, xs] == class_id + 1), f"{stem}: semantic class of object {k}")
                x0, y0, x1, y1 = o["bbox"]
                ext = (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)
                checks.check(all(abs(a - b) <= 1.0 for a, b in zip(ext, (x0, y0, x1, y1))),
                             f"{stem} object {k}: mask extents {ext} vs bbox {o['bbox']}")
        checks.check(occluded > 5, f"only {occluded} objects were partly hidden: occlusion was not exercised")
check_dataset("detection", "--preset", "detection", "--count", "60")
# Hand-drawn objects (the pen model: ink varying along strokes, aliased
# pieces, strays) drawn as five classes and labeled as three
# (ellipse:circle, rectangle:square): every layout names the label.
check_dataset("handdrawn", "--preset", "handdrawn", "--count", "60", "--image.width=96", "--image.height=96",
              "--objects.count=2..4", "--shape.size=0.25..0.55", "--frame.p=0", "--split", "train=0.8,val=0.1,test=0.1")

checks.finish()
