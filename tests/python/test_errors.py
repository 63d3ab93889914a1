"""Bad presets, keys and values raise ValueError with the CLI's message; bad
rows raise IndexError; bad types TypeError."""
import os
import sys

from module_common import Checks, cli, import_shapegen, workdir

shapegen = import_shapegen()
binary = sys.argv[1]
checks = Checks()
PREFIX = "shapegen: error: "


def cli_message(*args):
    code, _, stderr = cli(binary, "generate", "--out", os.path.join(tmp, "never-written"), *args)
    checks.check(code == 2 and stderr.startswith(PREFIX), f"CLI {args}: exit {code}, {stderr!r}")
    return stderr[len(PREFIX):].strip()


with workdir() as tmp:
    # Values, cross-key rules and presets: exactly the CLI's message.
    for keywords, args in [
        ({"shape.size": "0.8..0.2"}, ["--shape.size=0.8..0.2"]),
        ({"image.width": 0}, ["--image.width=0"]),
        ({"image.mode": "cmyk"}, ["--image.mode=cmyk"]),
        ({"shape.classes": "triangle:1, hexagon:2"}, ["--shape.classes=triangle:1, hexagon:2"]),
        ({"style.foreground": "255, 0, 0"}, ["--style.foreground=255, 0, 0"]),
        ({"image.antialias": "maybe"}, ["--image.antialias=maybe"]),
        ({"seed": -1}, ["--seed=-1"]),
        ({"count": 0}, ["--count", "0"]),
        ({"preset": "no-such-preset"}, ["--preset", "no-such-preset"]),
    ]:
        expected = cli_message(*args)
        got = checks.raises(ValueError, lambda: shapegen.Generator(**keywords), f"{keywords}")
        checks.check(got == expected, f"{keywords}: message\n  {got!r}\nCLI:\n  {expected!r}")

    # Unknown key: the message the CLI gives for it in a preset file, with the
    # "did you mean" hint; the command line's own parser names the same key.
    preset = os.path.join(tmp, "typo.ini")
    with open(preset, "w") as f:
        f.write("[shape]\nsise = 0.5\n")
    from_file = cli_message("--preset", preset)
    got = checks.raises(ValueError, lambda: shapegen.Generator(**{"shape.sise": 0.5}), "unknown key")
    checks.check(got == from_file.replace(preset, "command line", 1),
                 f"unknown key: message\n  {got!r}\nCLI (preset file):\n  {from_file!r}")
    checks.check(got is not None and "(did you mean 'shape.size'?)" in got, f"unknown key: no hint in {got!r}")
    checks.check("did you mean '--shape.size'" in cli_message("--shape.sise=0.5"), "CLI hint")
    got = checks.raises(ValueError, lambda: shapegen.Generator(sed=3), "unknown key without section")
    checks.check(got is not None and "did you mean 'dataset.seed'" in got, f"sed=3: {got!r}")

    # Types and rows.
    checks.raises(TypeError, lambda: shapegen.Generator(**{"shape.size": (0.2, 0.5, 0.7)}), "3-tuple for a range")
    g = shapegen.Generator("basic", count=5)
    for i in (-1, 5, 10**12):
        message = checks.raises(IndexError, lambda: g[i], f"g[{i}]")
        checks.check(message is not None and "5 rows" in message, f"g[{i}]: {message!r}")
    checks.raises(TypeError, lambda: g[1.5], "g[1.5]")
    checks.raises(IndexError, lambda: g.batch(3, 3), "batch(3, 3)")
    checks.raises(IndexError, lambda: g.batch(-1, 2), "batch(-1, 2)")
    checks.raises(IndexError, lambda: g.batch(0, -1), "batch(0, -1)")
    message = checks.raises(ValueError, lambda: g.batch(0, 2, jobs=0), "jobs=0")
    checks.check(message == "jobs: value '0' is invalid; allowed: 1..256", f"jobs=0: {message!r}")
    checks.check(g.batch(5, 0)[0].shape == (0, 64, 64), "batch(5, 0) is empty")
    checks.raises(IndexError, lambda: g._g.row(5), "_shapegen row 5")
    checks.raises(ValueError, lambda: shapegen.epoch_seed(1, -1), "epoch -1")

    try:
        import shapegen.torch as st
    except ImportError as e:
        sys.exit(f"shapegen.torch does not import ({e}); install python3-torch")
    message = checks.raises(ValueError, lambda: st.ShapeDataset("basic", target="pose"), "target")
    checks.check(message == "target: value 'pose' is invalid; allowed: class, boxes, masks, keypoints", f"{message!r}")
    message = checks.raises(ValueError, lambda: st.ShapeDataset("detection", target="class"), "class on detection")
    checks.check(message is not None and "objects.count is '1..5'" in message, f"{message!r}")
    expected = cli_message("--shape.size=2")
    got = checks.raises(ValueError, lambda: st.ShapeDataset("basic", **{"shape.size": 2}), "dataset bad value")
    checks.check(got == expected, f"ShapeDataset: {got!r} vs {expected!r}")
checks.finish()
