"""shapegen in Python: the rows of a shapegen dataset, made in memory.

    import shapegen
    g = shapegen.Generator(preset="augmented", seed=7, image={"width": 96})
    image, labels = g[0]              # uint8 (H, W) or (H, W, 3), manifest row as a dict
    images, rows = g.batch(0, 256)    # (256, H, W[, 3]), list of dicts; C++ threads

Row i is row i of `shapegen generate` with the same preset and overrides: the
image has the pixels of its PNG and the labels are its manifest.jsonl line.
See docs/PYTHON.md. `shapegen.torch` holds a PyTorch Dataset.
"""
import difflib
import importlib.metadata
import json
import numbers
import operator
import os

from . import _shapegen

__version__ = _shapegen.__version__
__all__ = ["Generator", "presets", "epoch_seed", "SECTIONS", "__version__"]

CLASSES = tuple(_shapegen.classes())
"""Class names in index order (the shape registry's rows, read from the library): YOLO class ids 0, 1, 2, ... and COCO
category ids 1, 2, 3, .... Presets draw the first three unless they ask for more; with
shape.labels a drawn class is labeled as another (the manifest's "class" is the label)."""


def _pip_presets():
    """The presets folder of a pip install of this package, or None.

    pip puts the presets in the install scheme's data folder
    (<prefix>/share/shapegen/presets, beside <prefix>/bin/shapegen, where the
    CLI finds them); the library looks beside the running executable, which
    here is the interpreter, so the package names the folder.
    """
    try:
        dist = importlib.metadata.distribution("shapegen")
        if not os.path.samefile(dist.locate_file("shapegen/__init__.py"), __file__):
            return None  # another copy (e.g. the build tree's on PYTHONPATH)
    except (importlib.metadata.PackageNotFoundError, OSError):
        return None
    for file in dist.files or ():
        if file.parts[-4:-1] == ("share", "shapegen", "presets"):
            return os.path.normpath(os.path.dirname(dist.locate_file(file)))
    return None


def _find_pip_presets():
    # After the folders the user gave: SHAPEGEN_PRESET_PATH still comes first.
    folder = _pip_presets()
    dirs = [d for d in os.environ.get("SHAPEGEN_PRESET_PATH", "").split(":") if d]
    if folder and folder not in dirs:
        os.environ["SHAPEGEN_PRESET_PATH"] = ":".join(dirs + [folder])


_find_pip_presets()


def presets():
    """Built-in presets: {name: description}."""
    return {name: description for name, _, description in _shapegen.presets()}


_KINDS = dict(_shapegen.keys())
"""Every preset key: its kind ("range", "weights", "list", ...), for mapping Python values."""
SECTIONS = tuple(dict.fromkeys(key.split(".", 1)[0] for key in _KINDS))
"""The preset's sections ("dataset", "image", "shape", ...): Generator(image={"width": 96})."""


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _number_text(value):
    return str(int(value)) if isinstance(value, numbers.Integral) else repr(float(value))


def _pair(value):
    """(lo, hi) or [lo, hi] of numbers -> 'lo..hi'; None for anything else."""
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(map(_is_number, value)):
        return f"{_number_text(value[0])}..{_number_text(value[1])}"
    return None


# What each kind takes besides str (the preset syntax itself), for TypeError.
_PYTHON_FORMS = {
    "range": "a number or (lo, hi)",
    "integer_range": "an int or (lo, hi)",
    "weights": "a dict {name: weight}",
    "list": "a list of names",
    "color": "a gray level, (lo, hi) or (r, g, b) with each a number or (lo, hi)",
    "boolean": "a bool",
    "integer": "an int",
    "real": "a number",
}


def _value_text(key, value):
    """A Python value as preset syntax; strings pass through as they are.

    By the key's kind: (lo, hi) -> "lo..hi" for ranges and colors, {name: w}
    -> "name:w, ..." for weights, [a, b] -> "a, b" for lists, (r, g, b) for
    colors. The C++ parser then checks the text as it checks a preset's.
    """
    kind = _KINDS.get(key)
    if isinstance(value, str):
        return value
    if kind is None:
        return str(value)  # an unknown key: the library names it, with a hint
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_number(value):
        return _number_text(value)
    if kind in ("range", "integer_range", "color") and _pair(value):
        return _pair(value)
    if kind == "color" and isinstance(value, (tuple, list)) and len(value) == 3:
        parts = [_number_text(v) if _is_number(v) else _pair(v) for v in value]
        if all(parts):
            return ", ".join(parts)
    if kind == "weights" and isinstance(value, dict):
        if all(isinstance(k, str) and _is_number(w) for k, w in value.items()):
            return ", ".join(f"{k}:{_number_text(w)}" for k, w in value.items())
    if kind == "list" and isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    forms = "str (the preset syntax)" + (f" or {_PYTHON_FORMS[kind]}" if kind in _PYTHON_FORMS else "")
    raise TypeError(f"key '{key}': value {value!r} is not valid for a {kind or 'preset'} key; "
                    f"allowed: {forms}")


def _assignments(overrides):
    """Keyword arguments -> [(dotted key, value)]: section dicts
    (image={"width": 96}) and dotted keys (**{"image.width": 96}) alike; a key
    given twice is a ValueError."""
    out = {}
    for name, value in overrides.items():
        if name in SECTIONS:
            if not isinstance(value, dict):
                first = next(k.split(".", 1)[1] for k in _KINDS if k.startswith(name + "."))
                raise TypeError(f"{name}: value {value!r} is a {type(value).__name__}; allowed: a dict "
                                f"of [{name}] keys, e.g. {name}={{'{first}': ...}}")
            pairs = [(f"{name}.{sub}", v) for sub, v in value.items()]
        elif "." not in name and isinstance(value, dict):
            close = difflib.get_close_matches(name, SECTIONS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ValueError(f"section '{name}' is unknown{hint}; allowed: {', '.join(SECTIONS)}")
        else:
            pairs = [(name, value)]  # a dotted key; an unknown one gets the CLI's hint
        for key, v in pairs:
            if key in out:
                raise ValueError(f"key '{key}' is given twice (values {out[key]!r} and {v!r}); give it once")
            out[key] = v
    return out


class Generator:
    """The rows of a dataset, each a pure function of (preset, overrides, row).

    Generator(preset="basic", *, seed=None, count=None, variants=None, masks=False, **overrides)

    preset     built-in name or path to an INI file, as `shapegen generate --preset`
    seed, count, variants
               shortcuts for dataset.seed, dataset.count, dataset.variants
    overrides  preset keys, by section or dotted:
                 image={"width": 96}, shape={"size": (0.3, 0.6), "classes": {"triangle": 2, "circle": 1}}
                 **{"image.width": 96, "shape.size": "0.3..0.6"}
               values: str (preset syntax), int, float, bool; (lo, hi) for a range,
               {name: weight} for weights, [names] for a list (output.formats)
    masks      g[i] also returns the instance mask (as masks/instance/<stem>.png)

    A bad preset, key or value raises ValueError with the CLI's message; a
    value of a type the key cannot take, TypeError.
    """

    def __init__(self, preset="basic", *, seed=None, count=None, variants=None, masks=False,
                 **overrides):
        if not isinstance(preset, (str, os.PathLike)):
            raise TypeError(f"preset: value {preset!r} is a {type(preset).__name__}; allowed: a built-in "
                            f"preset name ({', '.join(presets())}) or the path of an INI file")
        if not isinstance(masks, bool):
            raise TypeError(f"masks: value {masks!r} is a {type(masks).__name__}; allowed: True or False")
        keys = _assignments(overrides)
        # The CLI applies its shortcuts after the key overrides; here a key set
        # both ways is a mistake, not an order.
        shortcuts = {"dataset.count": ("count", count), "dataset.seed": ("seed", seed),
                     "dataset.variants": ("variants", variants)}
        assignments = [(key, _value_text(key, value)) for key, value in keys.items()]
        for key, (name, value) in shortcuts.items():
            if value is None:
                continue
            if key in keys:
                raise ValueError(f"{name}: value {value!r} and key '{key}' {keys[key]!r} both given; give one")
            assignments.append((key, _value_text(key, value)))
        self._build(os.fspath(preset), assignments, masks)

    def _build(self, preset, assignments, masks):
        self._args = (preset, assignments, masks)
        self._g = _shapegen.Generator(preset, assignments, masks)
        self._len = len(self._g)
        self._config = None
        self._split_rows = None

    def __reduce__(self):
        # Rebuilt from its recipe, so a DataLoader can send it to spawned workers.
        return (_restore, self._args)

    def __len__(self):
        return self._len

    @property
    def shape(self):
        """Shape of every image: (H, W) gray or (H, W, 3) RGB."""
        return self._g.shape

    @property
    def classes(self):
        """Label class names by class id, as torchvision datasets' .classes (classes.json)."""
        return [c["name"] for c in self._class_table()]

    @property
    def class_to_idx(self):
        """{name: class id}, as torchvision datasets' .class_to_idx (classes.json)."""
        return {c["name"]: c["id"] for c in self._class_table()}

    def _class_table(self):
        return json.loads(self._g.class_table())["classes"]

    @property
    def masks(self):
        return self._args[2]

    @property
    def config(self):
        """The resolved preset: {key: canonical value text} for every key describe() shows (but the recorded versions)."""
        if self._config is None:
            self._config = self._g.values()
        return dict(self._config)

    @property
    def splits(self):
        """The splits that have rows, in the order train, val, test: the
        values the manifest's "split" takes (output.split and split_mode)."""
        return tuple(name for name, rows in self._splits().items() if len(rows))

    def split_rows(self, split):
        """Rows of `split` ("train", "val" or "test"), ascending: an int64
        array of the rows whose manifest line has that "split". The C++
        writer's own rule (output.split, output.split_mode), so the rows are
        those `shapegen generate` puts in that split."""
        rows = self._splits().get(split) if isinstance(split, str) else None
        if rows is None or not len(rows):
            raise ValueError(f"split: value {split!r} is invalid; allowed: {', '.join(self.splits)} "
                             f"(the splits of output.split '{self.config['output.split']}' that have rows)")
        return rows.copy()

    def _splits(self):
        if self._split_rows is None:
            self._split_rows = {name: self._g.split_rows(name) for name in self._g.splits()}
        return self._split_rows

    @property
    def keypoints(self):
        """The dataset's keypoint schema, as COCO and YOLO pose write it (docs/FORMATS.md):
        {"slots": K, "slot_of": {class id: [slot of each vertex]}, "flip_idx": [0, K-1, ..., 1]
        where it maps a horizontal flip right (shape.vertex_order = clockwise_from_top), else None}."""
        return self._g.keypoints()

    def describe(self):
        """The resolved preset as commented INI, the text of `shapegen describe`."""
        return self._g.describe()

    def _index(self, i):
        i = operator.index(i)
        if not 0 <= i < self._len:
            raise IndexError(f"row {i} out of range: the dataset has {self._len} rows (0..{self._len - 1})")
        return i

    def __getitem__(self, i):
        """(image, labels), or (image, labels, instance) with masks=True.

        image     uint8 array (H, W) or (H, W, 3): the pixels of images/<stem>.png
        labels    dict: the row's manifest.jsonl line, parsed with json.loads
        instance  uint8 array (H, W): 0 background, k + 1 where object k shows
                  (the pixels of masks/instance/<stem>.png)
        """
        out = self._g.row(self._index(i))
        return (out[0], json.loads(out[1])) + tuple(out[2:])

    def __iter__(self):
        for i in range(self._len):
            yield self[i]

    def batch(self, start, n, jobs=None):
        """Rows start .. start+n-1: (images, labels[, instances]).

        images is one uint8 array (n, H, W) or (n, H, W, 3), labels a list of
        dicts; made on `jobs` C++ threads (default: all cores) with the GIL
        released. The result does not depend on `jobs`.
        """
        start, n = operator.index(start), operator.index(n)
        if n < 0 or start < 0 or start + n > self._len:
            raise IndexError(f"rows {start}..{start + n - 1} out of range: the dataset has "
                             f"{self._len} rows (0..{self._len - 1})")
        jobs = min(os.cpu_count() or 1, _MAX_JOBS) if jobs is None else _jobs(jobs)
        out = self._g.batch(start, n, jobs)
        return (out[0], [json.loads(line) for line in out[1]]) + tuple(out[2:])

    def __repr__(self):
        return (f"shapegen.Generator(preset={self._args[0]!r}, {len(self)} rows, "
                f"shape={self.shape}, overrides={dict(self._args[1])!r})")


_MAX_JOBS = 256  # as the C++ binding allows


def _jobs(jobs):
    if isinstance(jobs, bool) or not isinstance(jobs, numbers.Integral):
        raise TypeError(f"jobs: value {jobs!r} is a {type(jobs).__name__}; allowed: an int in "
                        f"1..{_MAX_JOBS}, or None for all cores")
    if not 1 <= jobs <= _MAX_JOBS:
        raise ValueError(f"jobs: value '{jobs}' is invalid; allowed: 1..{_MAX_JOBS}")
    return int(jobs)


def _restore(preset, assignments, masks):
    g = Generator.__new__(Generator)
    g._build(preset, assignments, masks)
    return g


_MASK64 = (1 << 64) - 1


def _splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)


def epoch_seed(seed, epoch):
    """The dataset seed of epoch `epoch` of a dataset with seed `seed`.

    Epoch 0 is the seed itself (the CLI's dataset); epoch e > 0 is
    splitmix64(splitmix64(seed) ^ e) >> 11, a 53-bit number (dataset.seed
    allows 0..2^53). A pure function, so every epoch can be made again.
    """
    seed, epoch = operator.index(seed), operator.index(epoch)
    if epoch < 0:
        raise ValueError(f"epoch: value '{epoch}' is invalid; allowed: an integer >= 0")
    if epoch == 0:
        return seed
    return _splitmix64(_splitmix64(seed) ^ epoch) >> 11
