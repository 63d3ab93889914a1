"""ShapeDataset(target="keypoints") in the form torchvision's KeypointRCNN
takes: its keypoints are the COCO file's (the C++ keypoint schema: K slots,
unused ones 0, 0, 0), an unknown target is a ValueError naming the allowed
ones, and one training step of keypointrcnn_resnet50_fpn (no weights, CPU,
64 px, batch 2) gives a finite loss for every term. No network: the model is
built without weights and offline.py blocks any attempt."""
import glob
import json
import math
import os
import sys

from module_common import Checks, generate, import_shapegen, workdir
from common import need  # noqa: E402 (tests/interop, on the path module_common sets)
from offline import forbid_network  # noqa: E402

attempts = forbid_network()
shapegen = import_shapegen()
torch = need("torch")
need("torchvision")
from torchvision.models.detection import keypointrcnn_resnet50_fpn  # noqa: E402

from shapegen.torch import ShapeDataset, TARGETS, collate_detection  # noqa: E402

binary = sys.argv[1]
checks = Checks()
overrides = {"image.width": 64, "image.height": 64, "shape.vertex_order": "clockwise_from_top"}
data = ShapeDataset("detection", count=6, target="keypoints", **overrides)
K = data.num_keypoints
checks.check(K == 4, f"K = {K}: triangle 3, circle 1, square 4 vertices")
checks.check("keypoints" in TARGETS, f"TARGETS {TARGETS}")

# The targets against the CLI's COCO files of the same dataset, slot by slot.
with workdir() as tmp:
    out = os.path.join(tmp, "ds")
    generate(binary, out, "--preset", "detection", "--count", "6", "--formats", "coco",
             *[f"--{k}={v}" for k, v in overrides.items()])
    coco = {}
    for path in glob.glob(os.path.join(out, "annotations", "instances_*.json")):
        with open(path) as f:
            doc = json.load(f)
        for a in doc["annotations"]:
            coco.setdefault(a["image_id"] - 1, []).append(a)
for i in range(len(data)):
    image, target = data[i]
    anns = coco.get(i, [])
    n = len(anns)
    checks.check(tuple(image.shape) == (1, 64, 64), f"row {i}: image {tuple(image.shape)}")
    checks.check(target["keypoints"].dtype == torch.float32 and tuple(target["keypoints"].shape) == (n, K, 3),
                 f"row {i}: keypoints {target['keypoints'].dtype} {tuple(target['keypoints'].shape)}, COCO has {n}")
    checks.check(target["boxes"].dtype == torch.float32 and target["labels"].dtype == torch.int64, f"row {i}: dtypes")
    checks.check(target["labels"].tolist() == [a["category_id"] for a in anns], f"row {i}: labels")
    for k, a in enumerate(anns):
        expected = torch.tensor(a["keypoints"], dtype=torch.float32).reshape(K, 3)
        checks.check(torch.equal(target["keypoints"][k], expected),
                     f"row {i} object {k}: {target['keypoints'][k].tolist()} != COCO {expected.tolist()}")

try:
    ShapeDataset("detection", count=2, target="keypoint")
    checks.check(False, "target='keypoint' was accepted")
except ValueError as e:
    checks.check(str(e) == "target: value 'keypoint' is invalid; allowed: " + ", ".join(TARGETS), str(e))

# One training step: images [C, H, W] in [0, 1], targets as the dataset gives them.
torch.manual_seed(0)
torch.set_num_threads(2)
classes = len(data.generator.keypoints["slot_of"])  # the label classes; 0 is background
model = keypointrcnn_resnet50_fpn(weights=None, weights_backbone=None, num_keypoints=K,
                                  num_classes=classes + 1, min_size=64, max_size=64)
model.train()
images, targets = collate_detection([data[0], data[1]])
losses = model(list(images), targets)
total = sum(losses.values())
total.backward()
torch.optim.SGD(model.parameters(), lr=0.01).step()
print({k: float(v) for k, v in losses.items()})
checks.check("loss_keypoint" in losses, f"loss terms {sorted(losses)}")
checks.check(all(math.isfinite(float(v)) for v in losses.values()), f"losses {losses}")
checks.check(not attempts, f"network use: {attempts}")
checks.finish()
