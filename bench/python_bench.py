#!/usr/bin/env python3
"""Speed of the Python module against the CLI, side by side in one run.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py [--cli build/shapegen]

1. Images per second for the same preset and count: `shapegen generate`
   writing files (PNG, manifest, labels.csv; on disk, and on tmpfs for the
   CLI without the file system's cost) vs g.batch() in memory (uint8
   array + labels parsed into dicts) vs g[i] one row at a time, at 1 and 2
   threads. Rounds interleave the contenders, each cell is the median.
   Every CLI run writes into a fresh folder (creating files right after a
   mass deletion is slow on some file systems); all are removed at the end.
2. Whether a DataLoader with 2 workers keeps a small CNN fed: the time the
   training loop waits for batches, next to the time it computes.
Not a test: numbers depend on the machine and its load (docs/PYTHON.md).
"""
import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import shapegen

HERE = os.path.dirname(os.path.abspath(__file__))


def seconds(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def generation(args, folders):
    """folders: {contender name: parent folder of its CLI runs}."""
    cells = {}  # (preset, jobs, contender) -> [seconds]
    run = 0
    for _ in range(args.rounds):
        for preset in args.presets:
            g = shapegen.Generator(preset, count=args.count)
            for jobs in (1, 2):
                def cli(parent):
                    nonlocal run
                    run += 1
                    out = os.path.join(parent, f"run{run:03d}-{preset}-j{jobs}")  # always a fresh folder
                    subprocess.run([args.cli, "generate", "--preset", preset, "--count", str(args.count),
                                    "--jobs", str(jobs), "--out", out], check=True, stdout=subprocess.DEVNULL)

                contenders = [(name, lambda parent=parent: cli(parent)) for name, parent in folders.items()]
                contenders.append(("batch", lambda: g.batch(0, len(g), jobs=jobs)))
                if jobs == 1:
                    contenders.append(("getitem", lambda: [g[i] for i in range(len(g))]))
                for name, fn in contenders:
                    cells.setdefault((preset, jobs, name), []).append(seconds(fn))
    tmpfs = "cli_tmpfs" in folders
    print(f"\n{args.count} images per run, {args.rounds} rounds, medians; images/s. CLI: `shapegen generate` "
          f"into a fresh folder in {folders['cli']}" + (f" (disk) and in {folders['cli_tmpfs']} (tmpfs)" if tmpfs else "")
          + "; g.batch: one array + labels as dicts; g[i]: one row at a time\n")
    print("| preset | threads | CLI, files on disk |" + (" CLI, files on tmpfs |" if tmpfs else "")
          + " g.batch, in memory | x CLI disk |" + (" x CLI tmpfs |" if tmpfs else "") + " g[i] loop |")
    print("|---|---|---|" + ("---|" if tmpfs else "") + "---|---|" + ("---|" if tmpfs else "") + "---|")
    for preset in args.presets:
        for jobs in (1, 2):
            rate = {name: args.count / statistics.median(cells[(preset, jobs, name)])
                    for name in ("cli", "cli_tmpfs", "batch", "getitem") if (preset, jobs, name) in cells}
            row = f"| {preset} | {jobs} | {rate['cli']:,.0f} |"
            if tmpfs:
                row += f" {rate['cli_tmpfs']:,.0f} |"
            row += f" {rate['batch']:,.0f} | {rate['batch'] / rate['cli']:.1f} |"
            if tmpfs:
                row += f" {rate['batch'] / rate['cli_tmpfs']:.1f} |"
            row += f" {rate['getitem']:,.0f} |" if "getitem" in rate else " |"
            print(row)


def dataloader(args):
    import torch
    import torch.nn as nn
    import torch.utils.data
    from shapegen.torch import ShapeDataset

    spec = importlib.util.spec_from_file_location("train_classifier",
                                                  os.path.join(HERE, "..", "examples", "train_classifier.py"))
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    torch.manual_seed(0)
    model = example.small_cnn(1)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def step(images, classes):
        loss = loss_fn(model(images), classes)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()

    print(f"\nDataLoader, small CNN of examples/train_classifier.py, batch {args.batch_size}, "
          f"{args.steps} steps, torch threads {torch.get_num_threads()}\n")
    print("| preset | compute only, ms/step | loader only (2 workers), ms/batch | "
          "training with 2 workers, ms/step | of which waiting for data |")
    print("|---|---|---|---|---|")
    for preset in args.loader_presets:
        dataset = ShapeDataset(preset, count=args.steps * args.batch_size)

        def loader():
            return torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, shuffle=True, num_workers=2,
                                               drop_last=True, prefetch_factor=4)

        fixed = next(iter(loader()))
        for _ in range(5):
            step(*fixed)  # warm up
        compute = seconds(lambda: [step(*fixed) for _ in range(args.steps)]) / args.steps
        only = seconds(lambda: [None for _ in loader()]) / args.steps
        waited, start = 0.0, time.perf_counter()
        it = iter(loader())
        for _ in range(args.steps):
            t = time.perf_counter()
            batch = next(it)
            waited += time.perf_counter() - t
            step(*batch)
        total = time.perf_counter() - start
        print(f"| {preset} | {compute * 1e3:.1f} | {only * 1e3:.1f} | {total / args.steps * 1e3:.1f} | "
              f"{waited / args.steps * 1e3:.1f} ms ({waited / total:.0%}) |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "build", "shapegen"))
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--presets", nargs="+", default=["basic", "augmented"])
    parser.add_argument("--loader-presets", nargs="+", default=["basic", "augmented"])
    parser.add_argument("--steps", type=int, default=150, help="training steps per DataLoader measurement")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--tmpfs", default="/dev/shm", help="also run the CLI into this in-memory file system ('' : no)")
    parser.add_argument("--skip-loader", action="store_true")
    args = parser.parse_args()
    print(f"shapegen {shapegen.__version__}, {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    folders = {"cli": tempfile.mkdtemp(prefix="shapegen-bench-")}
    if args.tmpfs and os.path.isdir(args.tmpfs):
        folders["cli_tmpfs"] = tempfile.mkdtemp(prefix="shapegen-bench-", dir=args.tmpfs)
    try:
        generation(args, folders)
    finally:
        for folder in folders.values():
            shutil.rmtree(folder, ignore_errors=True)
    if not args.skip_loader:
        dataloader(args)
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    sys.exit(main())
