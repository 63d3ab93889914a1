"""webdataset streams shapegen's tars as they are: for each split,
wds.WebDataset over its tars (several per split: output.webdataset_samples is
small) through a torch DataLoader with 2 workers, both of which deliver.
Raw, every sample equals the dataset's files: .png the bytes of
images/<key>.png, .json the manifest line, .cls the first object's class id
as data.yaml numbers it, from the tar that holds its row; the keys are the
split's rows, none twice. Decoded by webdataset ("pil"), the same pixels,
rows and ids. No network (offline.py: any attempt fails)."""
import os
import sys

from common import Checks, generate, manifest, need, workdir
from offline import forbid_network

attempts = forbid_network()
np = need("numpy")
Image = need("PIL.Image")
yaml = need("yaml")
torch = need("torch")
wds = need("webdataset")
binary = sys.argv[1]
checks = Checks()
S = 3  # samples per tar


def tag_worker(sample):
    """Which DataLoader worker streamed the sample (a forked worker runs this)."""
    sample["__worker__"] = torch.utils.data.get_worker_info().id
    return sample


def stream(urls, decode=None):
    ds = wds.WebDataset(urls, shardshuffle=False, empty_check=True)
    if decode:
        ds = ds.decode(decode)
    loader = torch.utils.data.DataLoader(ds.map(tag_worker), batch_size=None, num_workers=2)
    return list(loader)


with workdir() as tmp:
    out = os.path.join(tmp, "ds")
    generate(binary, out, "--preset", "detection", "--count", "40", "--split", "train=0.6,val=0.2,test=0.2",
             "--output.split_mode=exact", "--formats", "webdataset,yolo", "--output.webdataset_samples", str(S))
    rows = manifest(out)
    with open(os.path.join(out, "manifest.jsonl"), "rb") as f:
        lines = f.read().splitlines()
    with open(os.path.join(out, "data.yaml")) as f:
        ids = {name: i for i, name in yaml.safe_load(f)["names"].items()}
    tars = sorted(os.listdir(os.path.join(out, "webdataset")))
    for split in ("train", "val", "test"):
        mine = [r for r in rows if r["split"] == split]
        by_key = {os.path.splitext(os.path.basename(r["file"]))[0]: r for r in mine}
        # the tar a row is in: k // S of the split's rows in index order
        home = {key: f"{split}-{k // S:06d}.tar" for k, key in enumerate(by_key)}
        urls = [os.path.join(out, "webdataset", t) for t in tars if t.startswith(split + "-")]
        checks.check(len(urls) >= 2, f"{split}: {len(urls)} tars, want several")

        samples = stream(urls)
        keys = [s["__key__"] for s in samples]
        checks.check(len(keys) == len(set(keys)), f"{split}: a key streamed twice: {sorted(keys)}")
        checks.check(set(keys) == set(by_key), f"{split}: keys {sorted(keys)}, rows {sorted(by_key)}")
        workers = {s["__worker__"] for s in samples}
        checks.check(workers == {0, 1}, f"{split}: samples came from workers {workers}")
        for s in samples:
            key, r = s["__key__"], by_key.get(s["__key__"])
            if r is None:
                continue
            files = sorted(k for k in s if not k.startswith("__"))
            checks.check(files == ["cls", "json", "png"], f"{split}/{key}: members {files}")
            checks.check(os.path.basename(s["__url__"]) == home[key], f"{split}/{key}: in {s['__url__']}, want {home[key]}")
            with open(os.path.join(out, r["file"]), "rb") as f:
                checks.check(s["png"] == f.read(), f"{split}/{key}.png differs from {r['file']}")
            checks.check(s["json"] == lines[r["index"]], f"{split}/{key}.json is not manifest line {r['index']}")
            checks.check(s["cls"] == str(ids[r["objects"][0]["class"]]).encode(), f"{split}/{key}.cls = {s['cls']}")

        decoded = stream(urls, "pil")
        checks.check(sorted(s["__key__"] for s in decoded) == sorted(by_key), f"{split}: decoded keys differ")
        for s in decoded:
            r = by_key[s["__key__"]]
            pixels = np.asarray(Image.open(os.path.join(out, r["file"])).convert("RGB"))
            checks.check(np.array_equal(np.asarray(s["png"]), pixels), f"{split}/{s['__key__']}: decoded pixels differ")
            checks.check(s["json"] == r and s["cls"] == ids[r["objects"][0]["class"]],
                         f"{split}/{s['__key__']}: decoded json/cls {s['cls']}")
        print(f"{split}: wds.WebDataset over {len(urls)} tars, DataLoader with 2 workers (both streamed):"
              f" {len(samples)} samples = {len(mine)} rows, png/json/cls equal the files; decoded ('pil') alike")
checks.check(not attempts, f"network use: {attempts}")
checks.finish()
