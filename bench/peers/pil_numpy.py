#!/usr/bin/env python3
"""A hand-written PIL + NumPy generator of comparable work, the baseline of
bench/throughput.cpp: 64x64 gray images, one triangle, circle or square per
image (drawn at 2x and reduced, for antialiasing), labels as JSON lines, and
for `augmented` the same families of ops at the preset's probabilities.

    /usr/bin/python3 bench/peers/pil_numpy.py --preset augmented --count 2000 --out DIR

Prints the wall and CPU seconds of its loop (drawing, augmenting, PNG files,
labels), without the interpreter's start.
"""
import argparse, json, math, os, time
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

S, SS = 64, 2  # frame, supersampling


def outline(rng, kind, r):
    if kind == "circle":
        a = np.linspace(0, 2 * np.pi, 64, endpoint=False)
    elif kind == "square":
        a = np.arange(4) * np.pi / 2 + np.pi / 4
    else:
        a = np.cumsum(rng.uniform(0.4, 1.6, 3)) * 2 * np.pi / 3  # no slivers
    return np.stack([np.cos(a), np.sin(a)], 1) * r


def sample(rng, aug):
    kind = rng.choice(["triangle", "circle", "square"])
    width = rng.uniform(1, 4) if aug else 2.0
    r = rng.uniform(0.45, 0.85) * S / 2 if aug else rng.uniform(0.5, 0.9) * S / 2
    t = math.radians(rng.uniform(0, 360))
    pts = outline(rng, kind, r) @ np.array([[math.cos(t), math.sin(t)], [-math.sin(t), math.cos(t)]])
    pts += rng.uniform(r + width, S - r - width, 2)
    bg, fg = (int(rng.integers(0, 61)), int(rng.integers(150, 256))) if aug else (0, 255)
    fill = rng.choice(["outline", "filled", "both"], p=[6 / 9, 2 / 9, 1 / 9]) if aug else "outline"
    ops = []
    if aug:
        c = np.array([S / 2, S / 2])
        if rng.random() < 0.8:  # affine: rotate, scale, shear about the centre
            m = np.array([[rng.uniform(0.8, 1.15), math.tan(math.radians(rng.uniform(-10, 10)))], [0, 1]])
            pts = (pts - c) @ m.T + c; ops.append("affine")
        if rng.random() < 0.4:  # perspective: a projective tilt
            h = math.tan(math.radians(rng.uniform(10, 40))) / S
            d = 1 + h * (pts[:, 1:] - S / 2); pts = (pts - c) / d + c; ops.append("perspective")
        if rng.random() < 0.5:  # sketch / elastic: a wobbly outline
            dense = np.concatenate([np.linspace(p, q, 8, endpoint=False) for p, q in zip(pts, np.roll(pts, -1, 0))])
            pts = dense + rng.normal(0, 0.5, dense.shape); ops.append("elastic")
        if rng.random() < 0.2:  # crop: zoom and shift part of it out of frame
            pts = (pts - c) * rng.uniform(1, 1.3) + c + rng.uniform(-12, 12, 2); ops.append("crop")
    big = Image.new("L", (S * SS, S * SS), bg)
    draw = ImageDraw.Draw(big)
    xy = [tuple(p) for p in pts * SS]
    if fill != "outline":
        draw.polygon(xy, fill=int(rng.integers(60, 201)) if fill == "both" else fg)
    draw.line(xy + [xy[0]], fill=fg, width=max(1, round(width * SS)), joint="curve")
    img = big.reduce(SS)
    if aug:
        if rng.random() < 0.35:  # background texture: coarse noise, smoothly upscaled
            tex = Image.fromarray(rng.integers(0, 90, (8, 8), dtype=np.uint8)).resize((S, S), Image.BILINEAR)
            a = np.asarray(img).astype(np.int16); img = Image.fromarray(np.where(a == bg, np.asarray(tex), a).astype(np.uint8))
        if rng.random() < 0.25:  # occluder
            x, y = rng.uniform(0, S, 2); s = rng.uniform(8, 20)
            ImageDraw.Draw(img).rectangle([x, y, x + s, y + s * rng.uniform(0.4, 1)], fill=int(rng.integers(0, 256)))
        a = np.asarray(img).astype(np.float32)
        if rng.random() < 0.6:  # contrast, brightness, gamma, inversion
            a = 255 * ((np.clip((a - 128) * rng.uniform(0.6, 1.3) + 128 + rng.uniform(-20, 20), 0, 255) / 255) ** rng.uniform(0.7, 1.4))
            if rng.random() < 0.3: a = 255 - a
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        for p, f in ((0.2, ImageFilter.GaussianBlur(rng.uniform(0.4, 1.2))), (0.05, ImageFilter.BoxBlur(1)),
                     (0.1, ImageFilter.Kernel((5, 5), [1 if i // 5 == 2 else 0 for i in range(25)])), (0.1, ImageFilter.SHARPEN)):
            if rng.random() < p: img = img.filter(f)
        a = np.asarray(img).astype(np.float32)
        if rng.random() < 0.4: a = a + rng.normal(0, rng.uniform(2, 12), a.shape)
        if rng.random() < 0.1: a = a * (1 + rng.normal(0, 0.1, a.shape))
        if rng.random() < 0.1: peak = rng.uniform(30, 200); a = rng.poisson(np.clip(a, 0, 255) / 255 * peak) * 255 / peak
        if rng.random() < 0.08: m = rng.random(a.shape) < rng.uniform(0.005, 0.03); a[m] = 255 * (rng.random(m.sum()) < 0.5)
        if rng.random() < 0.05: a = a + np.where(rng.random(a.shape) < 0.5, -3, 3)
        img = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8))
    lo, hi = pts.min(0) - width / 2, pts.max(0) + width / 2
    label = {"class": str(kind), "bbox": [*np.clip(lo, 0, S).round(4).tolist(), *np.clip(hi, 0, S).round(4).tolist()],
             "polygon": pts.round(4).ravel().tolist(), "stroke_width": round(width, 4), "fill": str(fill), "augment": ops}
    return img, label


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", choices=["basic", "augmented"], default="basic")
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--compress-level", type=int, default=1, help="zlib level of the PNG files")
    args = ap.parse_args()
    rng = np.random.default_rng(1)
    os.makedirs(os.path.join(args.out, "images"))
    start, cpu = time.perf_counter(), time.process_time()
    with open(os.path.join(args.out, "manifest.jsonl"), "w") as manifest:
        for i in range(args.count):
            img, label = sample(rng, args.preset == "augmented")
            name = f"images/{i:06d}.png"
            img.save(os.path.join(args.out, name), compress_level=args.compress_level)
            manifest.write(json.dumps({"file": name, "index": i, "objects": [label]}) + "\n")
    print(f"seconds {time.perf_counter() - start:.6f} cpu {time.process_time() - cpu:.6f}")


if __name__ == "__main__":
    main()
