#!/usr/bin/env python3
"""Pictures for docs/TRANSFER.md.

  bench/transfer/sheets.py [--devset DIR] [--preset handdrawn ...]

Writes two kinds of picture:

- `docs/transfer/preset-NAME.png` (`--out`): a `shapegen preview` sheet of
  each preset. Generated images only, so they may be committed.
- `build/transfer/` (`--local`): `devset.png`, a few dev-set doodles and the
  proxies made from them (inverted, small in a corner, stretched to aspect
  2.5), and `compare-NAME.png`, rows of the preset's 28x28 images (what the
  model is trained on) above rows of dev-set doodles of the same classes.
  These hold dev-set pixels, so they are written outside the tracked tree
  and never committed: the dev set stays out of the repository. Look at
  them locally to compare a preset with real drawings.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import transfer  # noqa: E402  (same folder)

# Two doodles per class, fixed so the sheet is the same on every run.
PICKS = {"circle": [3, 17], "square": [5, 40], "triangle": [2, 29]}
SCALE, GAP = 3, 4


def tiles_sheet(rows, out: pathlib.Path):
    """Rows of SIDE x SIDE gray images, scaled up, on a mid-gray sheet."""
    from PIL import Image
    tile = transfer.SIDE * SCALE
    columns = max(len(row) for row in rows)
    sheet = Image.new("L", (columns * (tile + GAP) + GAP, len(rows) * (tile + GAP) + GAP), 96)
    for r, row in enumerate(rows):
        for c, image in enumerate(row):
            big = Image.fromarray(image).resize((tile, tile), Image.NEAREST)
            sheet.paste(big, (GAP + c * (tile + GAP), GAP + r * (tile + GAP)))
    sheet.save(out)


def devset_sheet(devset: pathlib.Path, out: pathlib.Path):
    import numpy as np
    images = np.stack([transfer.load_gray(devset / cls / f"qd_{cls}_{i:04d}.png")
                       for cls, picks in PICKS.items() for i in picks])
    tiles_sheet([transfer.proxy(images, kind) for kind in transfer.PROXIES], out)


def compare_sheet(shapegen: str, preset: str, devset: pathlib.Path, out: pathlib.Path, per_row: int = 12):
    """Per class, a row of the preset's images (as the model sees them) above a
    row of dev-set doodles."""
    with tempfile.TemporaryDirectory(prefix="shapegen-sheets-") as tmp:
        subprocess.run([shapegen, "generate", "--preset", preset, "--count", str(per_row * 8),
                        "--seed", "7", "--out", tmp + "/ds"], check=True, stdout=subprocess.DEVNULL)
        by_class = {cls: [] for cls in transfer.CLASSES}
        with open(tmp + "/ds/manifest.jsonl") as manifest:
            for line in manifest:
                row = json.loads(line)
                cls = row["objects"][0]["class"] if row["objects"] else None
                if cls in by_class and len(by_class[cls]) < per_row:
                    by_class[cls].append(transfer.load_gray(pathlib.Path(tmp) / "ds" / row["file"]))
    rows = []
    for cls in transfer.CLASSES:
        files = sorted((devset / cls).glob("*.png"))[100:100 + per_row]
        rows += [by_class[cls], [transfer.load_gray(f) for f in files]]
    tiles_sheet(rows, out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset")
    ap.add_argument("--out", default=str(transfer.ROOT / "docs" / "transfer"),
                    help="preset sheets (generated images only)")
    ap.add_argument("--local", default=str(transfer.ROOT / "build" / "transfer"),
                    help="sheets with dev-set pixels: keep out of the repository")
    ap.add_argument("--shapegen", default=str(transfer.ROOT / "build" / "shapegen"))
    ap.add_argument("--preset", action="append", help="preset to show (repeatable)")
    args = ap.parse_args()
    out, local = pathlib.Path(args.out), pathlib.Path(args.local)
    out.mkdir(parents=True, exist_ok=True)
    local.mkdir(parents=True, exist_ok=True)
    presets = args.preset or ["handdrawn"]
    for preset in presets:
        subprocess.run([args.shapegen, "preview", "--preset", preset, "--count", "36", "--columns", "12",
                        "--scale", str(SCALE), "--no-overlays", "--out", str(out / f"preset-{preset}.png")],
                       check=True, stdout=subprocess.DEVNULL)
    print(f"sheets: wrote {out}")
    devset = transfer.find_devset(args.devset)
    if not all((devset / cls).is_dir() for cls in transfer.CLASSES):
        print(f"sheets: no dev set at {devset}: no comparison sheets", file=sys.stderr)
        return 0
    devset_sheet(devset, local / "devset.png")
    for preset in presets:
        compare_sheet(args.shapegen, preset, devset, local / f"compare-{preset}.png")
    print(f"sheets: wrote {local} (dev-set pixels: do not commit)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
