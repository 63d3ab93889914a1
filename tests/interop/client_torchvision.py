"""torchvision reads shapegen's layouts as they are:
- datasets.CocoDetection loads each instances_<split>.json: one item per
  image, its image the file's pixels, its target the file's annotations of
  that image (equal dicts, in order);
- datasets.ImageFolder loads the ImageFolder layout: each split's images,
  each labeled with a class whose folder names the manifest's class (by name
  only: the folder may carry more, such as an id), one class per folder; and
  its class_to_idx, mapped through the folder names (classes.json's
  imagefolder), is classes.json's name -> id: the index it gives is the class
  id of every other layout (the promise of the <id>_<name> folders);
- one training step of fasterrcnn_resnet50_fpn (weights=None,
  weights_backbone=None: nothing downloaded) on a CocoDetection batch turned
  into torchvision targets (boxes x0 y0 x1 y1, labels = category ids) gives
  finite losses and moves the weights.
Keypoint R-CNN on ShapeDataset(target="keypoints") is one training step in
tests/python/test_keypoints_torch.py (python_keypoints_torch).
No network (offline.py: any attempt fails)."""
import collections
import contextlib
import io
import json
import os
import sys

from common import Checks, generate, manifest, need, workdir
from offline import forbid_network

attempts = forbid_network()
np = need("numpy")
torch = need("torch")
datasets = need("torchvision.datasets")
detection = need("torchvision.models.detection")
functional = need("torchvision.transforms.functional")
binary = sys.argv[1]
checks = Checks()
SPLITS = ("train", "val", "test")


def coco_detection(*args, **kwargs):
    """CocoDetection, without pycocotools' progress lines on stdout."""
    with contextlib.redirect_stdout(io.StringIO()):
        return datasets.CocoDetection(*args, **kwargs)


def check_coco(out, rows):
    for split in SPLITS:
        path = os.path.join(out, "annotations", f"instances_{split}.json")
        ds = coco_detection(out, path)
        with open(path) as f:
            coco = json.load(f)
        by_image = collections.defaultdict(list)
        for a in coco["annotations"]:
            by_image[a["image_id"]].append(a)
        checks.check(len(ds) == len(coco["images"]) == sum(r["split"] == split for r in rows),
                     f"{split}: CocoDetection has {len(ds)} items, the file {len(coco['images'])} images")
        n = 0
        for i in range(len(ds)):
            image, target = ds[i]
            info = coco["images"][i]  # CocoDetection orders by image id, as the file lists them
            checks.check(ds.ids[i] == info["id"], f"{split} item {i}: image id {ds.ids[i]}, file {info['id']}")
            checks.check(target == by_image[info["id"]], f"{split} item {i}: target differs from the annotations")
            pixels = np.asarray(datasets.folder.default_loader(os.path.join(out, info["file_name"])))
            checks.check(image.size == (info["width"], info["height"]) and np.array_equal(np.asarray(image), pixels),
                         f"{split} item {i}: image differs from {info['file_name']}")
            n += len(target)
        print(f"{split}: CocoDetection loads {len(ds)} images, {n} targets equal to the annotations")


def check_imagefolder(out, rows):
    with open(os.path.join(out, "classes.json")) as f:
        classes = json.load(f)["classes"]
    for split in SPLITS:
        ds = datasets.ImageFolder(os.path.join(out, split))
        mine = {os.path.basename(r["file"]): r["objects"][0]["class"] for r in rows if r["split"] == split}
        checks.check(sorted(os.path.basename(p) for p, _ in ds.samples) == sorted(mine),
                     f"{split}: ImageFolder has {len(ds.samples)} images, manifest {len(mine)}")
        folder_of = {}
        for path, label in ds.samples:
            name = mine.get(os.path.basename(path))
            folder = ds.classes[label]
            checks.check(name is not None and (folder == name or folder.endswith("_" + name)),
                         f"{split}: {path} labeled {folder}, manifest {name}")
            folder_of.setdefault(name, set()).add(label)
        checks.check(all(len(labels) == 1 for labels in folder_of.values()) and len(folder_of) == len(ds.classes),
                     f"{split}: classes {ds.classes} are not one per manifest class {folder_of}")
        table = {c["imagefolder"]: c for c in classes}
        checks.check(set(ds.class_to_idx) <= set(table), f"{split}: folders {ds.classes}, classes.json {sorted(table)}")
        theirs = {table[f]["name"]: i for f, i in ds.class_to_idx.items() if f in table}
        ours = {c["name"]: c["id"] for c in classes}
        checks.check(theirs == ours, f"{split}: ImageFolder's class_to_idx {ds.class_to_idx} is {theirs} by classes.json, its ids {ours}")
        print(f"{split}: ImageFolder loads {len(ds)} images in classes {ds.classes}, each the manifest's class;"
              f" its indices are classes.json's ids {ours}")


def train_step(out):
    path = os.path.join(out, "annotations", "instances_train.json")
    ds = coco_detection(out, path, transform=functional.to_tensor)
    categories = len(ds.coco.getCatIds())
    images, targets = [], []
    for image, anns in (ds[i] for i in range(2)):
        boxes = [[x, y, x + w, y + h] for x, y, w, h in (a["bbox"] for a in anns)]
        images.append(image)
        targets.append({"boxes": torch.tensor(boxes, dtype=torch.float32).reshape(-1, 4),
                        "labels": torch.tensor([a["category_id"] for a in anns], dtype=torch.int64)})
    torch.manual_seed(0)
    # At the images' own size (128 px) rather than resized to 800, and with
    # 64 RoIs per image for the box head rather than 512: its first layer
    # (12544 x 1024) is most of the step's work, slow with a reference BLAS.
    model = detection.fasterrcnn_resnet50_fpn(weights=None, weights_backbone=None, num_classes=categories + 1,
                                              min_size=128, max_size=128, rpn_post_nms_top_n_train=256,
                                              box_batch_size_per_image=64)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
    head = model.roi_heads.box_predictor.cls_score.weight
    before = head.detach().clone()
    losses = model(images, targets)
    total = sum(losses.values())
    optimizer.zero_grad()
    total.backward()
    optimizer.step()
    values = {k: round(float(v), 4) for k, v in losses.items()}
    checks.check(set(values) >= {"loss_classifier", "loss_box_reg", "loss_objectness", "loss_rpn_box_reg"},
                 f"losses {values}")
    checks.check(all(np.isfinite(list(values.values()))), f"a loss is not finite: {values}")
    checks.check(not torch.equal(before, head.detach()), "the step moved no weight of the box head")
    n = sum(len(t["labels"]) for t in targets)
    print(f"fasterrcnn_resnet50_fpn: one step on {len(images)} images, {n} objects: losses {values}")


with workdir() as tmp:
    out = os.path.join(tmp, "ds")
    generate(binary, out, "--preset", "detection", "--count", "30", "--split", "train=0.6,val=0.2,test=0.2",
             "--formats", "coco,imagefolder")
    rows = manifest(out)
    check_coco(out, rows)
    check_imagefolder(out, rows)
    train_step(out)
checks.check(not attempts, f"network use: {attempts}")
checks.finish()
