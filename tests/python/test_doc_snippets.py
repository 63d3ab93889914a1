"""Every ```python snippet of docs/FORMATS.md and docs/PYTHON.md runs as it
stands (doc_snippets.py: a fresh interpreter each, offline), in a folder
holding `ds`, a dataset with every layout the snippets read (ImageFolder,
COCO, YOLO, masks, npy; train and val). Blocks marked `python signature` show a
call's signature and are left out."""
import os
import pathlib
import sys

import doc_snippets
from module_common import Checks, generate, import_shapegen, workdir

import_shapegen()  # skipped (77) where the module was not built
for module in ("torch", "torchvision", "ultralytics", "pycocotools"):
    doc_snippets.need(module)  # skipped where a client is missing (scripts/test.sh installs them)
binary = sys.argv[1]
checks = Checks()
docs = pathlib.Path(os.environ["SHAPEGEN_SOURCE_DIR"]) / "docs"

with workdir() as tmp:
    generate(binary, os.path.join(tmp, "ds"), "--preset", "basic", "--count", "40",
             "--formats", "imagefolder,coco,yolo,masks,npy", "--split", "train=0.8,val=0.2")
    for page in ("FORMATS.md", "PYTHON.md"):
        snippets = doc_snippets.python_blocks(docs / page)
        checks.check(len(snippets) >= 3, f"{page}: {len(snippets)} python snippets")
        for block in snippets:
            ok, output = doc_snippets.run_python(block, tmp)
            checks.check(ok, f"{block.where()} failed:\n{output[-4000:]}")
            print(f"{'ok' if ok else 'FAILED'}: {block.where()}")
checks.finish()
