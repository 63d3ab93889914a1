"""ShapeDataset(split=...) and Generator.split_rows are the rows the CLI puts
in that split: for hash and exact splits (and with variants, which share
their base sample's split) the items equal, in order, the CLI's rows whose
manifest "split" is that split (pixels of their PNG, labels of their line);
the rows stay the same across epochs; a split that is unknown or has no rows
is a ValueError naming it and the allowed ones."""
import os
import sys

import numpy as np
from PIL import Image

from module_common import Checks, generate, import_shapegen, manifest, workdir

shapegen = import_shapegen()
import shapegen.torch as st  # noqa: E402

binary = sys.argv[1]
checks = Checks()


# (name, preset, CLI arguments, the same as keywords)
CASES = [
    ("hash", "basic", ["--count", "60", "--output.split=train:0.6,val:0.25,test:0.15"],
     {"count": 60, "output": {"split": {"train": 0.6, "val": 0.25, "test": 0.15}}}),
    ("exact", "basic", ["--count", "45", "--output.split=train:0.6,val:0.2,test:0.2", "--output.split_mode=exact"],
     {"count": 45, "output": {"split": "train:0.6, val:0.2, test:0.2", "split_mode": "exact"}}),
    ("variants", "basic", ["--count", "20", "--variants", "2", "--output.split=train:0.5,val:0.5", "--affine.p=1"],
     {"count": 20, "variants": 2, "output.split": "train:0.5,val:0.5", "affine.p": 1}),
]

with workdir() as tmp:
    for name, preset, args, keywords in CASES:
        out = os.path.join(tmp, name)
        generate(binary, out, "--preset", preset, *args)
        rows = manifest(out)
        cli_splits = {}
        for row in rows:
            cli_splits.setdefault(row["split"], []).append(row["index"])
        g = shapegen.Generator(preset, **keywords)
        order = [s for s in ("train", "val", "test") if s in cli_splits]
        checks.check(g.splits == tuple(order), f"{name}: splits {g.splits}, CLI {order}")
        for split in order:
            got = g.split_rows(split)
            checks.check(got.dtype == np.int64 and got.tolist() == cli_splits[split],
                         f"{name} {split}: split_rows {got.tolist()}, CLI {cli_splits[split]}")
            ds = st.ShapeDataset(preset, split=split, target="class", transform=np.asarray, **keywords)
            checks.check(len(ds) == len(cli_splits[split]), f"{name} {split}: len {len(ds)}")
            checks.check(list(ds.rows) == cli_splits[split], f"{name} {split}: rows differ")
            for k, index in enumerate(cli_splits[split]):
                image, target = ds[k]
                png = np.asarray(Image.open(os.path.join(out, rows[index]["file"])))
                checks.check(np.array_equal(image, png), f"{name} {split} item {k}: pixels differ from row {index}")
                cls = shapegen.CLASSES.index(rows[index]["objects"][0]["class"])
                checks.check(target == cls, f"{name} {split} item {k}: class {target}, CLI {cls}")
                checks.check(ds.generator[index][1] == rows[index], f"{name} {split} row {index}: labels differ")
            # Epochs: the same rows (so the same length), fresh samples in them,
            # and epoch 0 again gives the CLI's.
            first = ds[0][0]
            ds.set_epoch(1)
            checks.check(list(ds.rows) == cli_splits[split] and len(ds) == len(cli_splits[split]),
                         f"{name} {split}: rows moved in epoch 1")
            checks.check(not np.array_equal(ds[0][0], first), f"{name} {split}: epoch 1 has the same image")
            again = st.ShapeDataset(preset, split=split, epoch=1, target="class", transform=np.asarray, **keywords)
            checks.check(np.array_equal(again[0][0], ds[0][0]), f"{name} {split}: epoch 1 not reproducible")
            ds.set_epoch(0)
            checks.check(np.array_equal(ds[0][0], first), f"{name} {split}: epoch 0 again differs")
        # split=None: every row; the splits' rows together are all rows.
        every = st.ShapeDataset(preset, target="class", **keywords)
        checks.check(len(every) == len(rows) and list(every.rows) == list(range(len(rows))), f"{name}: split=None")
        joined = sorted(i for s in g.splits for i in g.split_rows(s).tolist())
        checks.check(joined == list(range(len(rows))), f"{name}: the splits do not cover the rows once")

    # Items out of range of a split; the DataLoader sees the split's rows.
    val = st.ShapeDataset("basic", count=30, split="val", **{"output.split": "train:0.5,val:0.5"})
    for i in (-1, len(val)):
        message = checks.raises(IndexError, lambda: val[i], f"val[{i}]")
        checks.check(message is not None and f"split 'val' has {len(val)} rows" in (message or ""), f"{message!r}")

    # Errors: unknown split, a split with no rows, a split of the default (train only).
    message = checks.raises(ValueError, lambda: st.ShapeDataset("basic", count=10, split="valid"), "unknown split")
    checks.check(message == "split: value 'valid' is invalid; allowed: train (the splits of output.split "
                 "'train:1, val:0, test:0' that have rows)", f"unknown split: {message!r}")
    # detection at count 10 declares test:0.1, but no base sample draws it:
    # the allowed splits are those with rows.
    g = shapegen.Generator("detection", count=10)
    checks.check(g.splits == ("train", "val"), f"detection count 10: splits {g.splits}")
    message = checks.raises(ValueError, lambda: st.ShapeDataset("detection", count=10, split="test", target="boxes"),
                     "split without rows")
    checks.check(message == "split: value 'test' is invalid; allowed: train, val (the splits of output.split "
                 "'train:0.8, val:0.1, test:0.1' that have rows)", f"{message!r}")
    # Exact mode: 3 base samples at 1% val give val no row either.
    g = shapegen.Generator("basic", count=3, output={"split": {"train": 0.99, "val": 0.01}, "split_mode": "exact"})
    checks.check(g.splits == ("train",), f"count 3: splits {g.splits}")
    message = checks.raises(ValueError, lambda: g.split_rows("val"), "split without rows")
    checks.check(message is not None and message.startswith("split: value 'val' is invalid; allowed: train ("),
                 f"{message!r}")
    checks.raises(ValueError, lambda: g.split_rows(None), "split_rows(None)")
checks.finish()
