"""WebDataset tars, read by Python's tarfile alone: the webdataset
convention (keys without dots, a sample's files contiguous, tar k of a split
holding that split's rows k*S .. (k+1)*S-1 in index order), fixed headers
(ustar, mode 0644, uid/gid 0, no owner names, mtime 0), and members equal to
the folder's own files: PNG bytes and pixels (PIL) as images/<key>.png, JSON
as the manifest line, .cls as the first object's label class index
(also where a class is labeled as another). Then the same
for tars joined by merge from three shards."""
import io
import json
import os
import subprocess
import sys
import tarfile

from common import Checks, generate, manifest, need, workdir

np = need("numpy")
Image = need("PIL.Image")
binary = sys.argv[1]
checks = Checks()
CLASSES = ["triangle", "circle", "square"]
S = 4  # samples per tar


def check_tars(out):
    rows = manifest(out)
    with open(os.path.join(out, "manifest.jsonl")) as f:
        lines = f.read().splitlines()
    expected = {}  # tar name -> its rows' keys, in order
    placed = {}
    for r in rows:
        split = r["split"]
        k = placed.get(split, 0)
        placed[split] = k + 1
        expected.setdefault(f"{split}-{k // S:06d}.tar", []).append(r)
    names = sorted(os.listdir(os.path.join(out, "webdataset")))
    checks.check(names == sorted(expected), f"{out}: tars {names}, expected {sorted(expected)}")
    for name in names:
        path = os.path.join(out, "webdataset", name)
        with tarfile.open(path) as tar:
            members = tar.getmembers()
            keys = []
            for m in members:
                key, _, ext = m.name.partition(".")
                checks.check("." not in key and "/" not in m.name, f"{name}: member name {m.name}")
                checks.check(m.isfile() and m.mode == 0o644 and m.uid == 0 and m.gid == 0 and m.mtime == 0
                             and m.uname == "" and m.gname == "", f"{name}/{m.name}: header {m.get_info()}")
                if not keys or keys[-1] != key:
                    checks.check(key not in keys, f"{name}: files of {key} are not contiguous")
                    keys.append(key)
            want = [os.path.splitext(os.path.basename(r["file"]))[0] for r in expected.get(name, [])]
            checks.check(keys == want, f"{name}: keys {keys}, expected {want}")
            for r in expected.get(name, []):
                key = os.path.splitext(os.path.basename(r["file"]))[0]
                png = tar.extractfile(f"{key}.png").read()
                with open(os.path.join(out, r["file"]), "rb") as f:
                    on_disk = f.read()
                checks.check(png == on_disk, f"{name}/{key}.png: bytes differ from {r['file']}")
                pixels = np.asarray(Image.open(io.BytesIO(png)))
                checks.check(np.array_equal(pixels, np.asarray(Image.open(os.path.join(out, r["file"])))),
                             f"{name}/{key}.png: pixels differ")
                text = tar.extractfile(f"{key}.json").read().decode()
                checks.check(text == lines[r["index"]], f"{name}/{key}.json is not manifest line {r['index']}")
                checks.check(json.loads(text) == r, f"{name}/{key}.json: decodes differently")
                cls = tar.extractfile(f"{key}.cls").read().decode()
                checks.check(int(cls) == CLASSES.index(r["objects"][0]["class"]), f"{name}/{key}.cls = {cls}")
        checks.check(os.path.getsize(path) % 10240 == 0, f"{name}: not padded to whole 10240-byte records")


def run(*args):
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")


with workdir() as tmp:
    recipe = ["--preset", "detection", "--count", "21", "--variants", "1", "--split", "train=0.6,val=0.2,test=0.2",
              "--formats", "webdataset", "--output.webdataset_samples", str(S)]
    one = os.path.join(tmp, "one")
    generate(binary, one, *recipe)
    check_tars(one)
    # Classes drawn as others (an ellipse is labeled circle): .cls is the label's index, as in YOLO.
    mapped = os.path.join(tmp, "mapped")
    generate(binary, mapped, "--preset", "handdrawn", "--count", "40", "--formats", "webdataset",
             "--output.webdataset_samples", str(S))
    checks.check(any(r["objects"] and r["objects"][0].get("shape") for r in manifest(mapped)),
                 "handdrawn drew no class labeled as another")
    check_tars(mapped)
    shards = []
    for i in range(3):
        shards.append(os.path.join(tmp, f"shard{i}"))
        generate(binary, shards[-1], *recipe, "--shard", f"{i}/3")
    merged = os.path.join(tmp, "merged")
    run("merge", "--out", merged, *shards)
    check_tars(merged)
    for name in sorted(os.listdir(os.path.join(one, "webdataset"))):
        with open(os.path.join(one, "webdataset", name), "rb") as a, open(os.path.join(merged, "webdataset", name), "rb") as b:
            checks.check(a.read() == b.read(), f"merged {name} differs from the one-run tar")

checks.finish()
