"""ShapeDataset gives the same batches with num_workers 0 and 2 (fork and
spawn); epochs are fresh and reproducible; targets follow their definition
(checked against the CLI's COCO and masks layouts)."""
import json
import os
import sys

import numpy as np
from PIL import Image

from module_common import Checks, generate, import_shapegen, manifest, workdir

shapegen = import_shapegen()
import torch  # noqa: E402  (after the skip check)
import torch.utils.data  # noqa: E402
from shapegen.torch import ShapeDataset, collate_detection  # noqa: E402

binary = sys.argv[1]
checks = Checks()


def batches(dataset, workers, collate=None, context=None):
    loader = torch.utils.data.DataLoader(dataset, batch_size=8, shuffle=True, num_workers=workers,
                                         collate_fn=collate, multiprocessing_context=context,
                                         generator=torch.Generator().manual_seed(5))
    return list(loader)


def same(a, b):
    if isinstance(a, torch.Tensor):
        return isinstance(b, torch.Tensor) and a.dtype == b.dtype and torch.equal(a, b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


if __name__ == "__main__":
    # Same batches whatever the workers.
    for dataset, collate in [(ShapeDataset("augmented", count=48, target="class"), None),
                             (ShapeDataset("detection", count=24, target="boxes"), collate_detection),
                             (ShapeDataset("detection", count=24, target="masks"), collate_detection)]:
        reference = batches(dataset, 0, collate)
        checks.check(same(reference, batches(dataset, 2, collate)), f"{dataset}: num_workers 2 differs from 0")
        if dataset.target == "class":
            checks.check(same(reference, batches(dataset, 2, None, "spawn")), f"{dataset}: spawn workers differ")

    # Epochs: epoch 0 is the CLI's dataset; others are fresh and reproducible.
    dataset = ShapeDataset("basic", count=32, seed=11)
    g = shapegen.Generator("basic", count=32, seed=11)
    epoch0 = [dataset[i] for i in range(32)]
    checks.check(all(torch.equal(x, torch.from_numpy(g[i][0])[None].float() / 255) for i, (x, _) in enumerate(epoch0)),
                 "epoch 0 is not Generator(seed) scaled to [0, 1]")
    dataset.set_epoch(1)
    epoch1 = [dataset[i] for i in range(32)]
    checks.check(sum(torch.equal(a[0], b[0]) for a, b in zip(epoch0, epoch1)) == 0, "epoch 1 repeats epoch 0")
    again = ShapeDataset("basic", count=32, seed=11, epoch=1)
    checks.check(same(epoch1, [again[i] for i in range(32)]), "epoch=1 differs from set_epoch(1)")
    checks.check(again.generator.config["dataset.seed"] == str(shapegen.epoch_seed(11, 1)), "epoch seed")
    dataset.set_epoch(2)
    checks.check(not same(epoch1, [dataset[i] for i in range(32)]), "epoch 2 repeats epoch 1")
    dataset.set_epoch(0)
    checks.check(same(epoch0, [dataset[i] for i in range(32)]), "set_epoch(0) does not return to epoch 0")
    checks.check(len({shapegen.epoch_seed(11, e) for e in range(1000)}) == 1000, "epoch seeds collide")

    # Targets against the CLI's layouts: class from the manifest, boxes and
    # labels from COCO, masks from masks/instance. crop.p = 1 leaves some
    # objects with nothing visible, which COCO and the targets leave out.
    with workdir() as tmp:
        out = os.path.join(tmp, "det")
        generate(binary, out, "--preset", "detection", "--count", "24", "--formats", "coco,masks",
                 "--split", "train=1", "--crop.p=1")
        with open(os.path.join(out, "annotations", "instances_train.json")) as f:
            coco = json.load(f)
        names = {c["id"]: c["name"] for c in coco["categories"]}
        checks.check(names == {1: "triangle", 2: "circle", 3: "square"}, f"COCO categories {names}")
        checks.check(shapegen.CLASSES == ("triangle", "circle", "square", "ellipse", "rectangle"), "CLASSES")
        dataset = ShapeDataset("detection", count=24, target="masks", **{"crop.p": 1})
        hidden = 0
        for row in manifest(out):
            i = row["index"]
            _, target = dataset[i]
            annotations = [a for a in coco["annotations"] if a["image_id"] == i + 1]
            checks.check(target["labels"].tolist() == [a["category_id"] for a in annotations], f"row {i}: labels")
            coco_boxes = torch.tensor([[x, y, x + w, y + h] for x, y, w, h in (a["bbox"] for a in annotations)])
            checks.check(target["boxes"].dtype == torch.float32 and target["boxes"].shape == (len(annotations), 4)
                         and torch.allclose(target["boxes"], coco_boxes.reshape(-1, 4).float(), atol=2e-4),
                         f"row {i}: boxes {target['boxes']} vs COCO {coco_boxes}")
            stem = os.path.splitext(os.path.basename(row["file"]))[0]
            instance = np.asarray(Image.open(os.path.join(out, "masks", "instance", stem + ".png")))
            visible = [k for k, o in enumerate(row["objects"]) if o["bbox"] != [0, 0, 0, 0]]
            hidden += len(row["objects"]) - len(visible)
            expected = np.stack([instance == k + 1 for k in visible]) if visible else np.zeros((0,) + instance.shape)
            checks.check(target["masks"].dtype == torch.uint8 and np.array_equal(target["masks"].numpy(), expected),
                         f"row {i}: masks")
        checks.check(hidden > 0, "no object without visible ink: the test does not test leaving them out")
        classes = ShapeDataset("basic", count=30)
        g = shapegen.Generator("basic", count=30)
        checks.check([classes[i][1] for i in range(30)] ==
                     [shapegen.CLASSES.index(g[i][1]["objects"][0]["class"]) for i in range(30)], "class target")
        image, _ = ShapeDataset("color", count=2)[1]
        checks.check(image.shape == (3, 96, 96) and image.dtype == torch.float32, f"color image {image.shape}")
    checks.finish()
