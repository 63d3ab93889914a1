"""shapegen.torch: shapegen rows as a map-style torch.utils.data.Dataset.

    from shapegen.torch import ShapeDataset
    train = ShapeDataset("basic", seed=1, count=10000, target="class")
    loader = torch.utils.data.DataLoader(train, batch_size=64, shuffle=True, num_workers=2)
    for epoch in range(10):
        train.set_epoch(epoch)           # fresh samples, still reproducible
        for images, classes in loader: ...

Item i is a pure function of (preset, overrides, seed, epoch, i): no global
random state is read, so any num_workers, worker order or start method gives
the same items. Targets (docs/PYTHON.md):

  "class"  int: class index of the image's one object, shapegen.CLASSES order
           (triangle 0, circle 1, square 2, ellipse 3, rectangle 4 = YOLO class id =
           COCO category_id - 1), of its label class (shape.labels)
  "boxes"  dict(boxes=float32 [N, 4] x0, y0, x1, y1 in pixels (the manifest's
           "bbox": visible ink, clipped to the frame), labels=int64 [N] COCO
           category_id (triangle 1, circle 2, square 3; 0 is background, as
           torchvision's detection models expect)); objects with nothing visible
           are left out, as in the COCO and YOLO layouts
  "masks"  "boxes" plus masks=uint8 [N, H, W]: 1 where the pixel belongs to that
           object (masks/instance/<stem>.png == k + 1 for manifest object k)
  "keypoints"
           "boxes" plus keypoints=float32 [N, K, 3] (x, y, v) in the dataset's keypoint
           schema (Generator.keypoints: K slots, the largest vertex count of its classes):
           COCO's v, 2 visible, 1 in the frame but hidden, 0 outside the frame or a slot
           the class does not use (then x = y = 0); torchvision's KeypointRCNN counts
           v > 0 as visible, with num_keypoints=K
"""
import operator

import numpy as np
import torch
import torch.utils.data

from . import CLASSES, Generator, _assignments, epoch_seed

__all__ = ["ShapeDataset", "collate_detection", "TARGETS"]

TARGETS = ("class", "boxes", "masks", "keypoints")
_CLASS_INDEX = {name: i for i, name in enumerate(CLASSES)}


def _to_tensor(image):
    """uint8 (H, W) or (H, W, 3) -> float32 [C, H, W] in [0, 1], as torchvision's ToTensor."""
    array = image[None] if image.ndim == 2 else image.transpose(2, 0, 1)
    return torch.from_numpy(np.ascontiguousarray(array)).float().div_(255)


class ShapeDataset(torch.utils.data.Dataset):
    """Rows of a shapegen preset as (image, target).

    ShapeDataset(preset="basic", *, seed=None, count=None, epoch=0, target="class",
                 split=None, transform=None, target_transform=None, **overrides)

    preset, count, overrides
        as shapegen.Generator (image={"width": 96} or **{"image.width": 96})
    seed    dataset seed (default: the preset's dataset.seed)
    epoch   epoch e uses dataset seed shapegen.epoch_seed(seed, e); epoch 0 is
            the seed itself, i.e. exactly the CLI's dataset
    split   None: every row; "train", "val" or "test": the rows the CLI puts
            in that split (output.split), chosen at epoch 0 and kept for every
            epoch (set_epoch redraws their samples, the rows stay)
    target  "class", "boxes", "masks" or "keypoints" (see the module docstring)
    transform
            called with the uint8 NumPy image (H, W) or (H, W, 3); default:
            float32 tensor [C, H, W] in [0, 1] (what ToTensor() gives)
    target_transform
            called with the target
    """

    def __init__(self, preset="basic", *, seed=None, count=None, epoch=0, target="class",
                 split=None, transform=None, target_transform=None, **overrides):
        if target not in TARGETS:
            raise ValueError(f"target: value '{target}' is invalid; allowed: {', '.join(TARGETS)}")
        self.preset, self.count, self.overrides = preset, count, dict(overrides)
        self.target, self.transform, self.target_transform = target, transform, target_transform
        # Epoch 0: the preset's errors surface here, and its seed is the default.
        self._generator = Generator(preset, seed=seed, count=count, masks=target == "masks", **overrides)
        config = self._generator.config
        if target == "keypoints":
            schema = self._generator.keypoints
            self.num_keypoints, self._slot_of = schema["slots"], schema["slot_of"]
        self.seed, self.epoch = int(config["dataset.seed"]), 0
        # Dotted keys, so that an epoch's seed replaces a dataset.seed given as a key.
        self._keys = _assignments(overrides)
        self._keys.pop("dataset.seed", None)
        self.split = split
        self._rows = None if split is None else self._generator.split_rows(split)
        if target == "class" and float(config["objects.count"].split("..")[-1]) > 1:
            raise ValueError(f"target 'class' needs one object per image, but objects.count is "
                             f"'{config['objects.count']}'; use target='boxes' or 'masks'")
        self.set_epoch(epoch)

    def set_epoch(self, epoch):
        """Switches to the samples of `epoch` (dataset seed epoch_seed(seed, epoch)).

        Call it before iterating a DataLoader: its workers copy the dataset when
        an iterator starts (so not with persistent_workers=True).
        """
        if epoch == self.epoch:
            return
        self._generator = Generator(self.preset, seed=epoch_seed(self.seed, epoch), count=self.count,
                                    masks=self.target == "masks", **self._keys)
        self.epoch = epoch

    @property
    def generator(self):
        """The shapegen.Generator of the current epoch."""
        return self._generator

    @property
    def rows(self):
        """The generator's row of each item: range(len) without a split."""
        return range(len(self._generator)) if self._rows is None else self._rows.copy()

    @property
    def classes(self):
        """Label class names by class index (the dataset's classes.json), as torchvision's."""
        return self._generator.classes

    @property
    def class_to_idx(self):
        """{name: class index} (the dataset's classes.json), as torchvision's."""
        return self._generator.class_to_idx

    def __len__(self):
        return len(self._generator) if self._rows is None else len(self._rows)

    def __getitem__(self, i):
        if self._rows is not None:
            i = operator.index(i)
            if not 0 <= i < len(self._rows):
                raise IndexError(f"item {i} out of range: split '{self.split}' has {len(self._rows)} rows "
                                 f"(0..{len(self._rows) - 1})")
            i = int(self._rows[i])
        row = self._generator[i]
        image, labels = row[0], row[1]
        target = self._target(labels, row[2] if len(row) > 2 else None)
        image = self.transform(image) if self.transform is not None else _to_tensor(image)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return image, target

    def _target(self, labels, instance):
        objects = labels["objects"]
        if self.target == "class":
            return _CLASS_INDEX[objects[0]["class"]]
        keep = [k for k, o in enumerate(objects) if o["bbox"][2] > o["bbox"][0] and o["bbox"][3] > o["bbox"][1]]
        out = {
            "boxes": torch.tensor([objects[k]["bbox"] for k in keep], dtype=torch.float32).reshape(-1, 4),
            "labels": torch.tensor([_CLASS_INDEX[objects[k]["class"]] + 1 for k in keep], dtype=torch.int64),
        }
        if self.target == "masks":
            ids = np.asarray(keep, dtype=np.uint8).reshape(-1, 1, 1) + 1
            out["masks"] = torch.from_numpy((instance[None] == ids).astype(np.uint8))
        if self.target == "keypoints":
            out["keypoints"] = self._keypoints([objects[k] for k in keep])
        return out

    def _keypoints(self, objects):
        """[N, K, 3]: each object's vertices in its class's slots (the C++ schema's)."""
        points = np.zeros((len(objects), self.num_keypoints, 3), dtype=np.float32)
        for n, o in enumerate(objects):
            for vertex, slot in zip(o["vertices"], self._slot_of[_CLASS_INDEX[o["class"]]]):
                if vertex["in_frame"]:
                    points[n, slot] = (vertex["x"], vertex["y"], 2 if vertex["visible"] else 1)
        return torch.from_numpy(points)

    def __repr__(self):
        split = "" if self.split is None else f"split={self.split!r}, "
        return (f"ShapeDataset(preset={self.preset!r}, seed={self.seed}, epoch={self.epoch}, "
                f"target={self.target!r}, {split}{len(self)} rows)")


def collate_detection(batch):
    """For targets "boxes", "masks" and "keypoints": (images stacked [B, C, H, W], list of target dicts)."""
    images, targets = zip(*batch)
    return torch.stack(images), list(targets)
