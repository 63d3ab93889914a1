"""shapegen in Python: the rows of a shapegen dataset, made in memory.

    import shapegen
    g = shapegen.Generator(preset="augmented", seed=7, **{"image.width": 96})
    image, labels = g[0]              # uint8 (H, W) or (H, W, 3), manifest row as a dict
    images, rows = g.batch(0, 256)    # (256, H, W[, 3]), list of dicts; C++ threads

Row i is row i of `shapegen generate` with the same preset and overrides: the
image has the pixels of its PNG and the labels are its manifest.jsonl line.
See docs/PYTHON.md. `shapegen.torch` holds a PyTorch Dataset.
"""
import importlib.metadata
import json
import numbers
import operator
import os

from . import _shapegen

__version__ = _shapegen.__version__
__all__ = ["Generator", "presets", "epoch_seed", "__version__"]

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


def _value_text(key, value):
    """A Python value as preset syntax; strings pass through as they are."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    raise TypeError(f"key '{key}': value {value!r} is a {type(value).__name__}; allowed: str (the "
                    f"preset syntax, e.g. '0.5..0.9' or 'triangle:2, circle:1'), int, float or bool")


class Generator:
    """The rows of a dataset, each a pure function of (preset, overrides, row).

    Generator(preset="basic", *, seed=None, count=None, variants=None, masks=False, **overrides)

    preset     built-in name or path to an INI file, as `shapegen generate --preset`
    seed, count, variants
               shortcuts for dataset.seed, dataset.count, dataset.variants
    overrides  any preset key, e.g. **{"image.width": 96, "shape.size": "0.3..0.6"};
               values are str (preset syntax), int, float or bool
    masks      g[i] also returns the instance mask (as masks/instance/<stem>.png)

    A bad preset, key or value raises ValueError with the CLI's message.
    """

    def __init__(self, preset="basic", *, seed=None, count=None, variants=None, masks=False,
                 **overrides):
        assignments = [(key, _value_text(key, value)) for key, value in overrides.items()]
        # The CLI applies its shortcuts after the key overrides; so do we.
        for key, value in (("dataset.count", count), ("dataset.seed", seed),
                           ("dataset.variants", variants)):
            if value is not None:
                assignments.append((key, _value_text(key, value)))
        self._build(os.fspath(preset), assignments, bool(masks))

    def _build(self, preset, assignments, masks):
        self._args = (preset, assignments, masks)
        self._g = _shapegen.Generator(preset, assignments, masks)
        self._len = len(self._g)
        self._config = None

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
    def masks(self):
        return self._args[2]

    @property
    def config(self):
        """The resolved preset: {key: canonical value text} for every key describe() shows (but the recorded versions)."""
        if self._config is None:
            self._config = self._g.values()
        return dict(self._config)

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
        jobs = (os.cpu_count() or 1) if jobs is None else operator.index(jobs)
        out = self._g.batch(start, n, jobs)
        return (out[0], [json.loads(line) for line in out[1]]) + tuple(out[2:])

    def __repr__(self):
        return (f"shapegen.Generator(preset={self._args[0]!r}, {len(self)} rows, "
                f"shape={self.shape}, overrides={dict(self._args[1])!r})")


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
