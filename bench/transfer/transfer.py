#!/usr/bin/env python3
"""Transfer benchmark: train a small CNN only on a shapegen preset, test it on
real hand-drawn doodles.

The model is deliberately fixed (4 conv layers, ~95k parameters, per-image
standardization, no augmentation of its own) so that the only thing that
changes between runs is the training set. Real drawings are only ever
evaluated on, never trained on.

  bench/transfer/transfer.py --preset handdrawn --preset sketch
  bench/transfer/transfer.py --preset augmented --ablation      # one op family off at a time
  bench/transfer/transfer.py --smoke                            # tiny run for the test suite

Needs Debian's python3 with python3-torch, python3-numpy, python3-pil.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLASSES = ["circle", "square", "triangle"]  # the dev set's folders, in this order
FAMILIES = {  # op families, for the ablation
    "geometric": ["affine", "perspective", "crop"],
    "hand-drawn": ["sketch", "elastic"],
    "background": ["background"],
    "occlusion": ["occlude"],
    "contrast": ["contrast"],
    "convolution": ["gaussian_blur", "box_blur", "motion_blur", "sharpen"],
    "noise": ["gaussian_noise", "speckle", "shot_noise", "salt_pepper", "sign_noise"],
}
SIDE = 28  # the model's input; every image is resized to SIDE x SIDE gray


def load_gray(path: pathlib.Path) -> np.ndarray:
    img = Image.open(path).convert("L")
    if img.size != (SIDE, SIDE):
        img = img.resize((SIDE, SIDE), Image.BILINEAR, reducing_gap=None)
    return np.asarray(img, dtype=np.uint8)


def generate(binary: str, preset: str, count: int, seed: int, overrides: list, folder: pathlib.Path):
    """Generates `count` samples and returns (images N x SIDE x SIDE uint8, labels N)."""
    out = folder / "ds"
    cmd = [binary, "generate", "--preset", preset, "--count", str(count), "--seed", str(seed),
           "--out", str(out), "--jobs", str(os.cpu_count() or 1), *overrides]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    images, labels = [], []
    with open(out / "manifest.jsonl") as manifest:
        for line in manifest:
            row = json.loads(line)
            if not row["objects"]:
                continue
            cls = row["objects"][0]["class"]
            if cls not in CLASSES:
                continue
            images.append(load_gray(out / row["file"]))
            labels.append(CLASSES.index(cls))
    return np.stack(images), np.array(labels, dtype=np.int64)


def load_devset(folder: pathlib.Path, limit: int = 0):
    images, labels = [], []
    for k, cls in enumerate(CLASSES):
        files = sorted((folder / cls).glob("*.png"))
        if limit:
            files = files[:limit]
        for f in files:
            images.append(load_gray(f))
            labels.append(k)
    return np.stack(images), np.array(labels, dtype=np.int64)


def standardize(images: np.ndarray):
    import torch
    x = torch.from_numpy(images).float().unsqueeze(1)
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    std = x.std(dim=(1, 2, 3), keepdim=True).clamp_min(1e-3)
    return (x - mean) / std


def make_model():
    import torch.nn as nn
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(),
        nn.Conv2d(32, 48, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(48, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 3))


def train_and_test(train_x, train_y, test_x, test_y, epochs: int, seed: int):
    import torch
    torch.manual_seed(seed)
    model = make_model()
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    x, y = standardize(train_x), torch.from_numpy(train_y)
    gen = torch.Generator().manual_seed(seed)
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=gen)
        for start in range(0, len(x), 128):
            idx = order[start:start + 128]
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
    model.eval()
    tx = standardize(test_x)
    with torch.no_grad():
        pred = torch.cat([model(tx[s:s + 512]).argmax(1) for s in range(0, len(tx), 512)]).numpy()
    confusion = np.zeros((3, 3), dtype=np.int64)
    for t, p in zip(test_y, pred):
        confusion[t, p] += 1
    return float((pred == test_y).mean()), confusion


def confusion_text(confusion) -> str:
    lines = ["true \\ predicted " + " ".join(f"{c:>9}" for c in CLASSES)]
    for k, cls in enumerate(CLASSES):
        lines.append(f"{cls:>17} " + " ".join(f"{n:>9}" for n in confusion[k]))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", action="append", help="preset name or file (repeatable)")
    ap.add_argument("--count", type=int, default=20000, help="training images per preset")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1, help="seed of the generated set and of training")
    ap.add_argument("--ablation", action="store_true", help="also train with each op family off")
    ap.add_argument("--devset", default=str(ROOT.parent / "shared" / "devset"))
    ap.add_argument("--shapegen", default=str(ROOT / "build" / "shapegen"))
    ap.add_argument("--smoke", action="store_true", help="a few hundred images, one epoch")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="preset override for every run, e.g. --set contrast.invert=0.5")
    args = ap.parse_args()
    import torch
    torch.set_num_threads(2)
    presets = args.preset or ["basic"]
    count, epochs, limit = args.count, args.epochs, 0
    if args.smoke:
        count, epochs, limit = 300, 1, 50
    devset = pathlib.Path(args.devset)
    if not devset.is_dir():
        print(f"transfer: no dev set at {devset}", file=sys.stderr)
        return 2
    test_x, test_y = load_devset(devset, limit)
    base = [f"--{kv}" for kv in args.set]
    runs = []
    for preset in presets:
        variants = [("all on", [])]
        if args.ablation:
            variants += [(f"no {family}", [f"--{op}.p=0" for op in ops]) for family, ops in FAMILIES.items()]
        for name, overrides in variants:
            started = time.time()
            with tempfile.TemporaryDirectory(prefix="shapegen-transfer-") as tmp:
                train_x, train_y = generate(args.shapegen, preset, count, args.seed, base + overrides,
                                            pathlib.Path(tmp))
            acc, confusion = train_and_test(train_x, train_y, test_x, test_y, epochs, args.seed)
            runs.append({"preset": preset, "variant": name, "accuracy": acc,
                         "confusion": confusion.tolist(), "seconds": round(time.time() - started, 1)})
            print(f"\n{preset} ({name}): accuracy {acc:.3f} on {len(test_y)} real doodles "
                  f"[{runs[-1]['seconds']} s]")
            print(confusion_text(confusion))
    print("\n| preset | variant | dev-set accuracy |\n|---|---|---|")
    for r in runs:
        print(f"| `{r['preset']}` | {r['variant']} | {r['accuracy']:.3f} |")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(runs, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
