"""Ultralytics trains on shapegen's YOLO layout as it is: for each row of
CASES a tiny dataset (64 px, about 16 train and 8 val images) passes its
dataset check (check_det_dataset), trains one epoch on the CPU from a model
built from its yaml, and `val` runs; the instances it read (its label cache,
labels/<split>.cache) and the ones its validator counts (nt_per_class) equal
the manifest's objects with visible ink, image by image and class by class;
then `shapegen verify` still passes (the caches are declared tool files).

Offline (tests/interop/offline.py): no weights (a model from its yaml; AMP,
whose check downloads weights, is off, and runs on CUDA only), no font
download (matplotlib's font linked in), no update check or usage events
(YOLO_OFFLINE, settings written off in the test's folder), any network use
fails the test. The pose row's cache holds our keypoints too: the K slots of
the schema (kpt_shape and flip_idx from data.yaml), normalized, with COCO's
visibility, object by object in the file's order."""
import collections
import importlib.util
import logging
import os
import subprocess
import sys

from common import Checks, generate, manifest, need, workdir
from offline import forbid_network, ultralytics_offline

attempts = forbid_network()
np = need("numpy")
need("torch")
# Ultralytics, and matplotlib, whose font stands in for the one it would
# download; imported only by ultralytics_offline, once their settings and
# caches are pointed at the test's folder.
for client in ("ultralytics", "matplotlib"):
    if importlib.util.find_spec(client) is None:
        print(f"SKIPPED: python module '{client}' is not installed ({sys.executable})")
        sys.exit(77)
binary = sys.argv[1]
checks = Checks()
TOLERANCE = 1e-4  # normalized YOLO numbers: the documented rounding

TINY = ["--image.width=64", "--image.height=64", "--count", "24", "--objects.count=1..3",
        "--split", "train=0.67,val=0.33", "--output.split_mode=exact"]
# name, model yaml (the task is its suffix), generate arguments
CASES = [
    ("detect", "yolov8n.yaml", ["--preset", "detection", *TINY]),
    ("segment", "yolov8n-seg.yaml", ["--preset", "detection", *TINY, "--output.yolo_task=segment"]),
    # K = 4 keypoint slots; clockwise from the top, so that data.yaml has flip_idx
    ("pose", "yolov8n-pose.yaml", ["--preset", "detection", *TINY, "--output.yolo_task=pose",
                                   "--shape.vertex_order=clockwise_from_top"]),
]


def expected_labels(rows, names):
    """Per image file stem: the manifest's visible objects as (class id, cx, cy, w, h), normalized."""
    ids = {name: i for i, name in names.items()}
    labels = {}
    for r in rows:
        W, H = r["width"], r["height"]
        stem = os.path.splitext(os.path.basename(r["file"]))[0]
        labels[(r["split"], stem)] = sorted(
            (ids[o["class"]], (x0 + x1) / 2 / W, (y0 + y1) / 2 / H, (x1 - x0) / W, (y1 - y0) / H)
            for o in r["objects"] for x0, y0, x1, y1 in [o["bbox"]] if x1 > x0)
    return labels


def schema_slots(n, K):
    """Slot of each of a class's n vertices in the K-slot schema (docs/FORMATS.md,
    Keypoints): v0 in slot 0, vj in j and v(n-j) in K-j, an even n's middle in K/2."""
    slots = {0: 0}
    for j in range(1, (n - 1) // 2 + 1):
        slots[j], slots[n - j] = j, K - j
    if n % 2 == 0 and n > 1:
        slots[n // 2] = K // 2 if K % 2 == 0 else n // 2
    return [slots[i] for i in range(n)]


def expected_keypoints(rows, names, K):
    """Per image file stem: the manifest's visible objects in row order as (class
    id, K x 3 keypoints): x / W, y / H and COCO's v (0 outside the frame or
    an unused slot, as 0 0 0; 1 hidden; 2 visible)."""
    ids = {name: i for i, name in names.items()}
    labels = {}
    for r in rows:
        stem = os.path.splitext(os.path.basename(r["file"]))[0]
        objects = []
        for o in r["objects"]:
            if o["bbox"][2] <= o["bbox"][0]:
                continue
            kpts = np.zeros((K, 3))
            for slot, v in zip(schema_slots(len(o["vertices"]), K), o["vertices"]):
                if v["in_frame"]:
                    kpts[slot] = (v["x"] / r["width"], v["y"] / r["height"], 2 if v["visible"] else 1)
            objects.append((ids[o["class"]], kpts))
        labels[(r["split"], stem)] = objects
    return labels


def check_cache(name, task, out, split, expected, keypoints=None):
    """The labels Ultralytics parsed and cached for a split, against ours."""
    from ultralytics.data.utils import load_dataset_cache_file

    path = os.path.join(out, "labels", f"{split}.cache")
    checks.check(os.path.exists(path), f"{name}: no {path} after training")
    if not os.path.exists(path):
        return
    cache = load_dataset_cache_file(path)
    found, missing, empty, corrupt, total = cache["results"]
    want = {stem: objs for (s, stem), objs in expected.items() if s == split}
    checks.check((found, missing, corrupt, total) == (len(want), 0, 0, len(want)),
                 f"{name}/{split}: cache found {found}, missing {missing}, corrupt {corrupt} of {total}; {len(want)} images")
    checks.check(empty == sum(not objs for objs in want.values()), f"{name}/{split}: {empty} empty images")
    checks.check(not cache["msgs"], f"{name}/{split}: Ultralytics warned: {cache['msgs']}")
    instances = 0
    for label in cache["labels"]:
        stem = os.path.splitext(os.path.basename(label["im_file"]))[0]
        mine = want.get(stem)
        checks.check(mine is not None, f"{name}/{split}: Ultralytics read an image of no row: {label['im_file']}")
        if mine is None:
            continue
        classes = sorted(int(c) for c in label["cls"].ravel())
        checks.check(classes == sorted(c for c, *_ in mine), f"{name}/{split} {stem}: classes {classes}, ours {mine}")
        instances += len(classes)
        if task in ("detect", "pose"):
            theirs = sorted((int(c), *map(float, b)) for c, b in zip(label["cls"].ravel(), label["bboxes"]))
            close = len(theirs) == len(mine) and all(
                abs(a - b) <= TOLERANCE for t, m in zip(theirs, mine) for a, b in zip(t[1:], m[1:]))
            checks.check(close, f"{name}/{split} {stem}: boxes {theirs}, ours {mine}")
        elif task == "segment":
            checks.check(len(label["segments"]) == len(classes), f"{name}/{split} {stem}: {len(label['segments'])} segments")
        if task == "pose":
            # the file's rows in order (duplicates, which Ultralytics would drop, make msgs)
            ours = keypoints[(split, stem)]
            theirs = label["keypoints"]
            same = (theirs is not None and len(theirs) == len(ours)
                    and [int(c) for c in label["cls"].ravel()] == [c for c, _ in ours]
                    and all(np.allclose(t, k, rtol=0, atol=TOLERANCE) for t, (_, k) in zip(theirs, ours)))
            checks.check(same, f"{name}/{split} {stem}: keypoints {None if theirs is None else theirs.tolist()},"
                         f" ours {[k.tolist() for _, k in ours]}")
    print(f"{name}/{split}: Ultralytics' label cache holds {len(cache['labels'])} images, {instances} instances"
          f" (ours {sum(map(len, want.values()))})")


def run_case(ultralytics, tmp, name, model_yaml, args):
    from ultralytics.data.utils import check_det_dataset

    out = os.path.join(tmp, name)
    generate(binary, out, *args, "--formats", "yolo")
    rows = manifest(out)
    yaml = os.path.join(out, "data.yaml")

    data = check_det_dataset(yaml, autodownload=False)
    names = data["names"]
    checks.check(data["train"] == os.path.join(out, "images", "train") and data["val"] == os.path.join(out, "images", "val"),
                 f"{name}: check_det_dataset resolved train {data['train']}, val {data['val']}")
    used = {o["class"] for r in rows for o in r["objects"]}
    checks.check(used <= set(names.values()) and data["nc"] == len(names), f"{name}: names {names}, classes used {used}")
    expected = expected_labels(rows, names)
    keypoints = None
    if "--output.yolo_task=pose" in args:
        # K: the largest vertex count of the label classes, all drawn here
        K = max(len(o["vertices"]) for r in rows for o in r["objects"])
        checks.check(list(data.get("kpt_shape", [])) == [K, 3] and list(data.get("flip_idx", [])) == [0, *range(K - 1, 0, -1)],
                     f"{name}: check_det_dataset read kpt_shape {data.get('kpt_shape')}, flip_idx {data.get('flip_idx')}; K {K}")
        keypoints = expected_keypoints(rows, names, K)
        print(f"{name}: check_det_dataset accepts kpt_shape {data['kpt_shape']}, flip_idx {data['flip_idx']}")
    per_split = collections.Counter(r["split"] for r in rows)
    print(f"{name}: check_det_dataset accepts {yaml}: nc {data['nc']}, {dict(per_split)} images")

    runs = os.path.join(tmp, "runs")
    model = ultralytics.YOLO(model_yaml)
    task = model.task
    common = dict(data=yaml, imgsz=64, batch=8, device="cpu", workers=0, plots=False, project=runs, exist_ok=True,
                  verbose=False)
    # deterministic off: Ultralytics' deterministic mode wants torch 2 (Debian's is 1.13) and only warns
    model.train(epochs=1, amp=False, name=f"{name}-train", seed=0, deterministic=False, val=False, **common)
    trainer = model.trainer
    losses = {k: round(float(v), 4) for k, v in trainer.tloss.items()}  # the epoch's mean loss items
    checks.check(trainer.epoch == 0 and losses and all(np.isfinite(list(losses.values()))),
                 f"{name}: epoch {trainer.epoch}, losses {losses}")
    print(f"{name}: trained 1 epoch of {model_yaml} ({task}) on {per_split['train']} images: losses {losses}")
    for split in ("train", "val"):
        check_cache(name, task, out, split, expected, keypoints)

    metrics = model.val(split="val", name=f"{name}-val", **common)
    counted = metrics.nt_per_class
    ours = collections.Counter(c for (s, _), objs in expected.items() if s == "val" for c, *_ in objs)
    want = [ours.get(i, 0) for i in range(len(counted))]
    checks.check(counted.tolist() == want, f"{name}: val counts {counted.tolist()} instances per class, ours {want}")
    pose = f", pose mAP50-95 {metrics.pose.map:.4f}" if task == "pose" else ""
    print(f"{name}: val on {per_split['val']} images: {int(counted.sum())} instances per class {counted.tolist()}"
          f" (ours {want}), mAP50-95 {metrics.box.map:.4f}{pose}")

    done = subprocess.run([binary, "verify", out], capture_output=True, text=True)
    checks.check(done.returncode == 0, f"{name}: shapegen verify after Ultralytics:\n{done.stdout}{done.stderr}")
    caches = sorted(f for f in os.listdir(os.path.join(out, "labels")) if f.endswith(".cache"))
    print(f"{name}: shapegen verify passes beside Ultralytics' {caches}")


with workdir() as tmp:
    ultralytics = ultralytics_offline(os.path.join(tmp, "config"))
    logging.getLogger("ultralytics").setLevel(logging.WARNING)  # our lines, and its warnings
    for case in CASES:
        run_case(ultralytics, tmp, *case)
checks.check(not attempts, f"network use: {attempts}")
checks.finish()
