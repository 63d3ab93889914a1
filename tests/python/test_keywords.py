"""Keyword arguments a Python user writes: per-section dicts and Python values
(tuples for ranges, dicts for weights, lists for list keys, (r, g, b) for
colors) make the same dataset as the preset syntax, i.e. as the CLI with the
same keys (describe() equals `shapegen describe`); both forms mix; a key given
twice, a bad argument or an unknown section is one clear error naming it."""
import sys

import numpy as np

from module_common import Checks, cli, import_shapegen

shapegen = import_shapegen()
binary = sys.argv[1]
checks = Checks()


def cli_describe(*args):
    code, out, err = cli(binary, "describe", *args)
    if code != 0:
        sys.exit(f"shapegen describe {' '.join(args)} failed: {err}")
    return out


def cli_error(*args):
    code, _, err = cli(binary, "generate", "--out", "/nonexistent/never-written", *args)
    checks.check(code != 0, f"CLI accepted {args}")
    return err.strip().removeprefix("shapegen: error: ")


# (Python keywords, the same as CLI arguments)
SAME = [
    (dict(image={"width": 96}, shape={"size": (0.3, 0.6), "classes": {"triangle": 2, "circle": 1}}),
     ["--image.width=96", "--shape.size=0.3..0.6", "--shape.classes=triangle:2,circle:1"]),
    (dict(shape={"size": [0.5, 0.5], "rotation": (0, 90)}, style={"stroke_width": (1, 3)}),
     ["--shape.size=0.5..0.5", "--shape.rotation=0..90", "--style.stroke_width=1..3"]),
    (dict(output={"formats": ["coco", "yolo"], "split": {"train": 3, "val": 1}}),
     ["--output.formats=coco,yolo", "--output.split=train:3,val:1"]),
    (dict(image={"mode": "rgb", "background": (10, (20, 40), 30)}, objects={"count": (1, 3)}),
     ["--image.mode=rgb", "--image.background=10,20..40,30", "--objects.count=1..3"]),
    (dict(image={"background": (0, 40), "antialias": False}, dataset={"count": 7}),
     ["--image.background=0..40", "--image.antialias=false", "--dataset.count=7"]),
    # Sections next to dotted keys and shortcuts.
    (dict(image={"width": 80}, seed=3, **{"image.height": 48, "shape.size": "0.4..0.7"}),
     ["--image.width=80", "--seed", "3", "--image.height=48", "--shape.size=0.4..0.7"]),
]
for keywords, args in SAME:
    g = shapegen.Generator("basic", **keywords)
    expected = cli_describe("--preset", "basic", *args)
    checks.check(g.describe() == expected, f"{keywords}: describe() differs from `shapegen describe {' '.join(args)}`")
    # The dotted form of the same keywords: the same rows.
    dotted = {}
    for name, value in keywords.items():
        if isinstance(value, dict):
            dotted.update({f"{name}.{k}": v for k, v in value.items()})
        else:
            dotted[name] = value
    h = shapegen.Generator("basic", **dotted)
    checks.check(h.describe() == expected, f"{dotted}: dotted form differs")
    checks.check(np.array_equal(g[0][0], h[0][0]) and g[0][1] == h[0][1], f"{keywords}: row 0 differs")

g = shapegen.Generator("basic", count=4, shape={"classes": {"square": 1}})
checks.check({r["objects"][0]["class"] for _, r in g} == {"square"}, "shape.classes as a dict: only squares")
checks.check(g.config["shape.classes"] == "triangle:0, circle:0, square:1, ellipse:0, rectangle:0",
             f"shape.classes: {g.config['shape.classes']!r}")
# A pickled Generator keeps what the dicts said.
import pickle  # noqa: E402

p = pickle.loads(pickle.dumps(shapegen.Generator("basic", count=3, image={"width": 72})))
checks.check(p.shape == (64, 72) and len(p) == 3, f"pickled: {p.shape} {len(p)}")

# Values mapped from Python are checked by the library as the CLI's text is.
for keywords, args in [
    (dict(shape={"size": (0.8, 0.2)}), ["--shape.size=0.8..0.2"]),
    (dict(shape={"classes": {"triangle": 0}}), ["--shape.classes=triangle:0"]),
    (dict(output={"formats": ["coco", "nope"]}), ["--output.formats=coco, nope"]),
    (dict(image={"width": 1.5}), ["--image.width=1.5"]),
]:
    got = checks.raises(ValueError, lambda: shapegen.Generator(**keywords), f"{keywords}")
    checks.check(got == cli_error(*args), f"{keywords}: {got!r} vs CLI {cli_error(*args)!r}")
got = checks.raises(ValueError, lambda: shapegen.Generator(image={"widht": 96}), "unknown key in a section")
checks.check(got is not None and "unknown key 'image.widht'" in got and "did you mean 'image.width'" in got, f"{got!r}")

# The same key twice, in any two forms.
for keywords, key in [
    (dict(image={"width": 96}, **{"image.width": 80}), "image.width"),
    (dict(**{"shape.size": "0.3..0.5"}, shape={"size": (0.3, 0.5)}), "shape.size"),
]:
    got = checks.raises(ValueError, lambda: shapegen.Generator(**keywords), f"twice {key}")
    checks.check(got is not None and got.startswith(f"key '{key}' is given twice"), f"twice {key}: {got!r}")
got = checks.raises(ValueError, lambda: shapegen.Generator(seed=1, dataset={"seed": 2}), "seed twice")
checks.check(got == "seed: value 1 and key 'dataset.seed' 2 both given; give one", f"seed twice: {got!r}")
got = checks.raises(ValueError, lambda: shapegen.Generator(count=5, **{"dataset.count": 6}), "count twice")
checks.check(got == "count: value 5 and key 'dataset.count' 6 both given; give one", f"count twice: {got!r}")

# Argument checks: one line naming the argument, the value and what is allowed.
presets = ", ".join(shapegen.presets())
CHECKS = [
    (TypeError, lambda: shapegen.Generator(None), f"preset: value None is a NoneType; allowed: a built-in preset "
     f"name ({presets}) or the path of an INI file"),
    (TypeError, lambda: shapegen.Generator(preset=3), f"preset: value 3 is a int; allowed: a built-in preset "
     f"name ({presets}) or the path of an INI file"),
    (TypeError, lambda: shapegen.Generator(masks="yes"), "masks: value 'yes' is a str; allowed: True or False"),
    (TypeError, lambda: shapegen.Generator(masks=1), "masks: value 1 is a int; allowed: True or False"),
    (TypeError, lambda: shapegen.Generator(image=96), "image: value 96 is a int; allowed: a dict of [image] keys, "
     "e.g. image={'width': ...}"),
    (ValueError, lambda: shapegen.Generator(imag={"width": 96}), "section 'imag' is unknown (did you mean 'image'?); "
     f"allowed: {', '.join(shapegen.SECTIONS)}"),
    (TypeError, lambda: shapegen.Generator(shape={"size": (0.1, 0.2, 0.3)}), "key 'shape.size': value (0.1, 0.2, 0.3) "
     "is not valid for a range key; allowed: str (the preset syntax) or a number or (lo, hi)"),
    (TypeError, lambda: shapegen.Generator(shape={"classes": ["triangle"]}), "key 'shape.classes': value "
     "['triangle'] is not valid for a weights key; allowed: str (the preset syntax) or a dict {name: weight}"),
    (TypeError, lambda: shapegen.Generator(output={"formats": "coco yolo".split() + [3]}), "key 'output.formats': "
     "value ['coco', 'yolo', 3] is not valid for a list key; allowed: str (the preset syntax) or a list of names"),
    (TypeError, lambda: shapegen.Generator(shape={"classes": {"triangle": "2"}}), "key 'shape.classes': value "
     "{'triangle': '2'} is not valid for a weights key; allowed: str (the preset syntax) or a dict {name: weight}"),
]
g = shapegen.Generator("basic", count=4)
CHECKS += [
    (ValueError, lambda: g.batch(0, 2, jobs=0), "jobs: value '0' is invalid; allowed: 1..256"),
    (ValueError, lambda: g.batch(0, 2, jobs=-3), "jobs: value '-3' is invalid; allowed: 1..256"),
    (ValueError, lambda: g.batch(0, 2, jobs=10**6), "jobs: value '1000000' is invalid; allowed: 1..256"),
    (TypeError, lambda: g.batch(0, 2, jobs=2.0), "jobs: value 2.0 is a float; allowed: an int in 1..256, or None "
     "for all cores"),
    (TypeError, lambda: g.batch(0, 2, jobs=True), "jobs: value True is a bool; allowed: an int in 1..256, or None "
     "for all cores"),
]
for kind, call, expected in CHECKS:
    got = checks.raises(kind, call, expected)
    checks.check(got == expected, f"message\n  {got!r}\nexpected\n  {expected!r}")
checks.check(g.batch(0, 2, jobs=256)[0].shape == (2, 64, 64), "jobs=256 is allowed")

# ShapeDataset takes the same keywords; an epoch's seed replaces a seed given as a key.
import shapegen.torch as st  # noqa: E402

ds = st.ShapeDataset("basic", count=4, dataset={"seed": 5}, image={"width": 72}, transform=np.asarray)
checks.check(ds.seed == 5 and ds[0][0].shape == (64, 72), f"ShapeDataset: seed {ds.seed}, {ds[0][0].shape}")
ds.set_epoch(2)
want = shapegen.Generator("basic", count=4, seed=shapegen.epoch_seed(5, 2), image={"width": 72})
checks.check(np.array_equal(ds[1][0], want[1][0]), "ShapeDataset epoch 2 with dataset={'seed': 5}")
got = checks.raises(ValueError, lambda: st.ShapeDataset("basic", seed=1, dataset={"seed": 5}), "ShapeDataset seed twice")
checks.check(got == "seed: value 1 and key 'dataset.seed' 5 both given; give one", f"{got!r}")
checks.finish()
