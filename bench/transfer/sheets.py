#!/usr/bin/env python3
"""Pictures for docs/TRANSFER.md, made at run time: a contact sheet of a few
dev-set doodles and the proxies made from them (inverted, small in a corner,
stretched to aspect 2.5), and a `shapegen preview` sheet of each preset.

  bench/transfer/sheets.py [--devset DIR] [--out docs/transfer] [--preset handdrawn ...]

The dev set itself is never copied into the repository: the sheet shows 24
small tiles made from 6 of its images, which carry its attribution (CC BY 4.0)
in TRANSFER.md.
"""
import argparse
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import transfer  # noqa: E402  (same folder)

# Two doodles per class, fixed so the sheet is the same on every run.
PICKS = {"circle": [3, 17], "square": [5, 40], "triangle": [2, 29]}
SCALE, GAP = 3, 4


def devset_sheet(devset: pathlib.Path, out: pathlib.Path):
    import numpy as np
    from PIL import Image
    images = [transfer.load_gray(devset / cls / f"qd_{cls}_{i:04d}.png")
              for cls, picks in PICKS.items() for i in picks]
    images = np.stack(images)
    rows = [transfer.proxy(images, kind) for kind in transfer.PROXIES]
    tile = transfer.SIDE * SCALE
    sheet = Image.new("L", (len(images) * (tile + GAP) + GAP, len(rows) * (tile + GAP) + GAP), 96)
    for r, row in enumerate(rows):
        for c, image in enumerate(row):
            big = Image.fromarray(image).resize((tile, tile), Image.NEAREST)
            sheet.paste(big, (GAP + c * (tile + GAP), GAP + r * (tile + GAP)))
    sheet.save(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset")
    ap.add_argument("--out", default=str(transfer.ROOT / "docs" / "transfer"))
    ap.add_argument("--shapegen", default=str(transfer.ROOT / "build" / "shapegen"))
    ap.add_argument("--preset", action="append", help="preset to show (repeatable)")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    devset = transfer.find_devset(args.devset)
    if not devset.is_dir():
        print(f"sheets: no dev set at {devset}", file=sys.stderr)
        return 2
    devset_sheet(devset, out / "devset.png")
    for preset in args.preset or ["handdrawn"]:
        subprocess.run([args.shapegen, "preview", "--preset", preset, "--count", "36", "--columns", "12",
                        "--scale", str(SCALE), "--no-overlays", "--out", str(out / f"preset-{preset}.png")],
                       check=True, stdout=subprocess.DEVNULL)
    print(f"sheets: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
