#!/usr/bin/env python3
"""Transfer benchmark: train a small CNN only on a shapegen preset, test it on
real hand-drawn doodles.

The model is deliberately fixed (4 conv layers, ~95k parameters, per-image
standardization, no augmentation of its own) so that the only thing that
changes between runs is the training set. Real drawings are only ever
evaluated on, never trained on.

Besides the dev set as it is, every run is also scored on three cheap
stand-ins for real sets framed, inked and proportioned otherwise (the
"proxies"): the dev set inverted (dark on light), shrunk into a corner (small
drawings) and stretched to aspect 2.5 (ovals, rectangles, long triangles).

  bench/transfer/transfer.py --preset handdrawn --preset sketch
  bench/transfer/transfer.py --preset handdrawn --ablation    # one op family off at a time
  bench/transfer/transfer.py --smoke                          # tiny run for the test suite

Needs Debian's python3 with python3-torch, python3-numpy, python3-pil. The dev
set is looked for in ../shared/devset beside the checkout (or its parent), or
given with --devset / $SHAPEGEN_DEVSET.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLASSES = ["circle", "square", "triangle"]  # the dev set's folders, in this order
# Not an op family but the class's proportions: only the three plain classes,
# round circles and square squares.
PLAIN = {"shape.classes": "triangle:1, circle:1, square:1, ellipse:0, rectangle:0",
         "shape.circle_aspect": "1", "shape.square_aspect": "1", "shape.square_skew": "0",
         "shape.square_taper": "0"}
PROXIES = ["dev set", "inverted", "small, corner", "aspect 2.5"]
SIDE = 28  # the model's input; every image is resized to SIDE x SIDE gray


def load_gray(path: pathlib.Path):
    import numpy as np
    from PIL import Image
    img = Image.open(path).convert("L")
    if img.size != (SIDE, SIDE):
        img = img.resize((SIDE, SIDE), Image.BILINEAR, reducing_gap=None)
    return np.asarray(img, dtype=np.uint8)


def find_devset(given):
    if given:
        return pathlib.Path(given)
    if os.environ.get("SHAPEGEN_DEVSET"):
        return pathlib.Path(os.environ["SHAPEGEN_DEVSET"])
    # ../shared/devset beside the checkout; worktrees sit one level deeper.
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "devset").is_dir():
            return base / "shared" / "devset"
    return ROOT.parent / "shared" / "devset"


def resolved_preset(binary: str, preset: str, overrides: list) -> dict:
    """The preset's resolved keys, as `shapegen describe` prints them."""
    text = subprocess.run([binary, "describe", "--preset", preset, *overrides], check=True,
                          capture_output=True, text=True).stdout
    keys, section = {}, ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys[f"{section}.{key.strip()}"] = value.strip()
    return keys


def op_families(binary: str) -> dict:
    """{family: [op, ...]} in shapegen's order, as `shapegen describe --ops` lists them."""
    text = subprocess.run([binary, "describe", "--ops"], check=True, capture_output=True,
                          text=True).stdout
    families = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            family, op, _phase = line.split()
            families.setdefault(family, []).append(op)
    return families


def generate(binary: str, preset: str, count: int, seed: int, overrides: list, folder: pathlib.Path):
    """Generates `count` samples and returns (images N x SIDE x SIDE uint8, labels N)."""
    import numpy as np
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
            cls = row["objects"][0]["class"]  # the label class (shape.labels applied)
            if cls not in CLASSES:
                continue
            images.append(load_gray(out / row["file"]))
            labels.append(CLASSES.index(cls))
    return np.stack(images), np.array(labels, dtype=np.int64)


def load_devset(folder: pathlib.Path, limit: int = 0):
    import numpy as np
    images, labels = [], []
    for k, cls in enumerate(CLASSES):
        files = sorted((folder / cls).glob("*.png"))
        if limit:
            files = files[:limit]
        for f in files:
            images.append(load_gray(f))
            labels.append(k)
    return np.stack(images), np.array(labels, dtype=np.int64)


def ink_crop(image):
    """The image cut to its ink box (pixels above a quarter of the range)."""
    import numpy as np
    ys, xs = np.nonzero(image > 64)
    if len(xs) == 0:
        return image
    return image[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


def place(ink, width: int, height: int, x: int, y: int):
    """The ink resized to width x height (antialiased) at (x, y) on black."""
    import numpy as np
    from PIL import Image
    out = np.zeros((SIDE, SIDE), dtype=np.uint8)
    small = Image.fromarray(ink).resize((max(1, width), max(1, height)), Image.LANCZOS)
    out[y:y + small.height, x:x + small.width] = np.asarray(small)
    return out


def proxy(images, kind: str):
    """The dev set as another real set might show it (see the module doc)."""
    import numpy as np
    if kind == "dev set":
        return images
    if kind == "inverted":
        return 255 - images
    out = []
    for i, image in enumerate(images):
        ink = ink_crop(image)
        h, w = ink.shape
        if kind == "small, corner":
            # Longer side 10 px (about a third of the frame), in corner i % 4.
            s = 10 / max(h, w)
            nw, nh = max(1, round(w * s)), max(1, round(h * s))
            x = 1 if i % 4 in (0, 3) else SIDE - 1 - nw
            y = 1 if i % 4 in (0, 1) else SIDE - 1 - nh
            out.append(place(ink, nw, nh, x, y))
        else:
            # Aspect 2.5 along x (even i) or y (odd i), longer side 26 px, centred.
            ax, ay = (2.5, 1.0) if i % 2 == 0 else (1.0, 2.5)
            sw, sh = w * ax, h * ay
            s = 26 / max(sw, sh)
            nw, nh = max(1, round(sw * s)), max(1, round(sh * s))
            out.append(place(ink, nw, nh, (SIDE - nw) // 2, (SIDE - nh) // 2))
    return np.stack(out)


def standardize(images):
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


def train(train_x, train_y, epochs: int, seed: int):
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
    return model


def test(model, test_x, test_y):
    import numpy as np
    import torch
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


def variants_of(binary: str, preset: str, base: list, ablation: bool):
    """("all on", []) and, for the ablation, each family that is on, turned off."""
    variants = [("all on", [])]
    if not ablation:
        return variants
    keys = resolved_preset(binary, preset, base)
    for family, ops in op_families(binary).items():
        on = [op for op in ops if float(keys.get(f"{op}.p", "0")) > 0]
        if on:
            ops_on = "" if on == [family] else f" ({', '.join(on)})"
            variants.append((f"no {family}{ops_on}", [f"--{op}.p=0" for op in ops]))
    if any(keys.get(key) != value for key, value in PLAIN.items()):
        variants.append(("no proportions", [f"--{key}={value}" for key, value in PLAIN.items()]))
    return variants


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", action="append", help="preset name or file (repeatable)")
    ap.add_argument("--count", type=int, default=20000, help="training images per preset")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1, help="seed of the generated set and of training")
    ap.add_argument("--ablation", action="store_true", help="also train with each op family off")
    ap.add_argument("--devset", help="folder of the dev set (circle/, square/, triangle/)")
    ap.add_argument("--shapegen", default=str(ROOT / "build" / "shapegen"))
    ap.add_argument("--smoke", action="store_true",
                    help="a few hundred images, one epoch; exit 77 (skipped) without torch or dev set")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="preset override for every run, e.g. --set contrast.invert=0.5")
    args = ap.parse_args()
    missing = 77 if args.smoke else 2  # the test suite reports a missing prerequisite as skipped
    try:
        import numpy  # noqa: F401
        import PIL  # noqa: F401
        import torch
    except ImportError as e:
        print(f"transfer: skipped: {e.name} is not installed (Debian: python3-torch, python3-numpy, "
              f"python3-pil; run with /usr/bin/python3)", file=sys.stderr)
        return missing
    torch.set_num_threads(2)
    presets = args.preset or (["handdrawn"] if args.smoke else ["basic"])
    count, epochs, limit = args.count, args.epochs, 0
    if args.smoke:
        count, epochs, limit = 300, 1, 50
    devset = find_devset(args.devset)
    if not all((devset / cls).is_dir() for cls in CLASSES):
        print(f"transfer: skipped: no dev set at {devset} (give --devset or $SHAPEGEN_DEVSET)",
              file=sys.stderr)
        return missing
    test_x, test_y = load_devset(devset, limit)
    tests = {name: proxy(test_x, name) for name in PROXIES}
    base = [f"--{kv}" for kv in args.set]
    runs = []
    for preset in presets:
        for name, overrides in variants_of(args.shapegen, preset, base, args.ablation):
            started = time.time()
            with tempfile.TemporaryDirectory(prefix="shapegen-transfer-") as tmp:
                train_x, train_y = generate(args.shapegen, preset, count, args.seed, base + overrides,
                                            pathlib.Path(tmp))
            model = train(train_x, train_y, epochs, args.seed)
            scores = {proxy_name: test(model, x, test_y) for proxy_name, x in tests.items()}
            acc, confusion = scores["dev set"]
            runs.append({"preset": preset, "variant": name, "accuracy": acc,
                         "proxies": {k: v[0] for k, v in scores.items()},
                         "proxy_confusion": {k: v[1].tolist() for k, v in scores.items()},
                         "confusion": confusion.tolist(), "seconds": round(time.time() - started, 1)})
            print(f"\n{preset} ({name}): accuracy {acc:.3f} on {len(test_y)} real doodles "
                  f"[{runs[-1]['seconds']} s]", flush=True)
            print(confusion_text(confusion))
            for k, (proxy_acc, proxy_confusion) in scores.items():
                if k != "dev set":
                    print(f"proxy '{k}': accuracy {proxy_acc:.3f}\n{confusion_text(proxy_confusion)}")
            sys.stdout.flush()
    print("\n| preset | variant | " + " | ".join(PROXIES) + " |\n|---|---|" + "---|" * len(PROXIES))
    for r in runs:
        print(f"| `{r['preset']}` | {r['variant']} | " +
              " | ".join(f"{r['proxies'][k]:.3f}" for k in PROXIES) + " |")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(runs, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
