#!/usr/bin/env python3
"""Trains a small CNN to tell triangles, circles and squares apart, on samples
shapegen makes on the fly, and reports its accuracy on a held-out set made
with another seed (so no held-out image was ever trained on).

    PYTHONPATH=build/python /usr/bin/python3 examples/train_classifier.py --preset basic --steps 1500

Training data: shapegen.torch.ShapeDataset(preset, seed, count) read by a
DataLoader with worker processes; each pass over `count` rows is an epoch
with its own samples (set_epoch). Held-out data: shapegen.Generator(preset,
seed=eval_seed).batch(...), made once, in C++ threads. The run is
reproducible: same arguments, same curve (on the same torch build).
"""
import argparse
import csv
import itertools
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.utils.data

import shapegen
from shapegen.torch import ShapeDataset


def small_cnn(channels, classes=len(shapegen.CLASSES)):
    def block(cin, cout):
        return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2)]

    return nn.Sequential(*block(channels, 16), *block(16, 32), *block(32, 64),
                         nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, classes))


def held_out(args, overrides):
    """The held-out set as tensors: images [N, C, H, W] in [0, 1] and class indices [N]."""
    g = shapegen.Generator(args.preset, seed=args.eval_seed, count=args.eval_count, **overrides)
    images, labels = g.batch(0, len(g))
    images = torch.from_numpy(images).float().div_(255)
    images = images[:, None] if images.ndim == 3 else images.permute(0, 3, 1, 2).contiguous()
    classes = torch.tensor([shapegen.CLASSES.index(row["objects"][0]["class"]) for row in labels])
    return images, classes


@torch.no_grad()
def accuracy(model, images, classes, batch=500):
    model.eval()
    correct = sum((model(images[i:i + batch]).argmax(1) == classes[i:i + batch]).sum().item()
                  for i in range(0, len(images), batch))
    model.train()
    return correct / len(images)


def parse_override(text):
    key, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"'{text}': expected section.key=value")
    return key.lstrip("-"), value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--preset", default="basic", help="shapegen preset (one object per image)")
    parser.add_argument("--set", type=parse_override, action="append", default=[], metavar="KEY=VALUE",
                        help="preset override, e.g. --set image.width=48 (repeatable)")
    parser.add_argument("--steps", type=int, default=1500, help="training steps (batches)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=3e-3, help="Adam learning rate (cosine decay to 0)")
    parser.add_argument("--seed", type=int, default=1, help="training data seed (epoch e: epoch_seed(seed, e))")
    parser.add_argument("--train-count", type=int, default=8192, help="rows per training epoch")
    parser.add_argument("--eval-seed", type=int, default=1_000_003, help="held-out data seed")
    parser.add_argument("--eval-count", type=int, default=1000, help="held-out images")
    parser.add_argument("--eval-every", type=int, default=100, help="steps between held-out evaluations")
    parser.add_argument("--workers", type=int, default=2, help="DataLoader worker processes")
    parser.add_argument("--threads", type=int, default=0, help="torch threads for training (0: torch's default)")
    parser.add_argument("--csv", help="write step, loss, accuracy, seconds per evaluation to this file")
    parser.add_argument("--plot", help="draw the learning curve into this PNG (needs matplotlib)")
    parser.add_argument("--min-accuracy", type=float, default=0.0,
                        help="exit with status 1 if the final held-out accuracy is lower")
    args = parser.parse_args()
    overrides = dict(args.set)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)  # model initialisation; the data does not use torch's RNG

    train = ShapeDataset(args.preset, seed=args.seed, count=args.train_count, target="class", **overrides)
    loader = torch.utils.data.DataLoader(train, batch_size=args.batch_size, shuffle=True, drop_last=True,
                                         num_workers=args.workers, generator=torch.Generator().manual_seed(args.seed))
    eval_images, eval_classes = held_out(args, overrides)
    model = small_cnn(eval_images.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.steps,
                                                   pct_start=0.1, anneal_strategy="cos")
    loss_fn = nn.CrossEntropyLoss()
    print(f"training on {args.preset} ({train.generator.shape} images, {args.train_count} per epoch, seed {args.seed}); "
          f"held out: {args.eval_count} images, seed {args.eval_seed}", flush=True)

    history, losses, step, start = [], [], 0, time.perf_counter()
    for epoch in itertools.count():
        train.set_epoch(epoch)  # before the iterator starts: workers copy the dataset then
        for images, classes in loader:
            loss = loss_fn(model(images), classes)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            schedule.step()
            losses.append(loss.item())
            step += 1
            if step % args.eval_every == 0 or step == args.steps:
                acc = accuracy(model, eval_images, eval_classes)
                seconds = time.perf_counter() - start
                history.append((step, float(np.mean(losses)), acc, seconds))
                losses = []
                print(f"step {step:5d}  epoch {epoch}  train loss {history[-1][1]:.4f}  held-out accuracy "
                      f"{acc:.4f}  ({step * args.batch_size / seconds:.0f} images/s)", flush=True)
            if step == args.steps:
                break
        if step == args.steps:
            break

    final = history[-1][2]
    print(f"final held-out accuracy: {final:.4f} on {args.eval_count} {args.preset} images "
          f"(seed {args.eval_seed}) after {step} steps, {history[-1][3]:.1f} s")
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["step", "train_loss", "heldout_accuracy", "seconds"])
            writer.writerows(history)
    if args.plot:
        plot(history, args)
    return 0 if final >= args.min_accuracy else 1


def plot(history, args):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    steps, loss, acc, _ = zip(*history)
    fig, left = plt.subplots(figsize=(7, 3.6), dpi=110)
    left.plot(steps, loss, color="tab:red", label="training loss (mean since last point)")
    left.set_xlabel(f"step (batch of {args.batch_size}, fresh samples every epoch of {args.train_count})")
    left.set_ylabel("cross-entropy loss", color="tab:red")
    left.set_yscale("log")
    right = left.twinx()
    right.plot(steps, acc, color="tab:blue", marker=".", label="held-out accuracy")
    right.set_ylabel(f"held-out accuracy ({args.eval_count} images, other seed)", color="tab:blue")
    right.set_ylim(min(acc) - 0.02, 1.0)
    left.set_title(f"examples/train_classifier.py --preset {args.preset}: held-out accuracy {acc[-1]:.3f}")
    fig.tight_layout()
    fig.savefig(args.plot)
    print(f"wrote {args.plot}")


if __name__ == "__main__":
    sys.exit(main())
