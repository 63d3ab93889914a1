"""Shared by the Python module's tests: the interop tests' helpers
(tests/interop/common.py: run the CLI, read the manifest, count failed
checks) plus importing the built package (or reporting skipped, exit 77,
when it was not built) and running the CLI for its output."""
import os
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "interop"))
from common import SKIP, Checks, generate, manifest, workdir  # noqa: E402,F401


def import_shapegen():
    module_dir = os.environ.get("SHAPEGEN_PYTHON_MODULE_DIR", "")
    if not module_dir:
        print("SKIPPED: the Python module was not built (needs pybind11-dev, python3-pybind11, python3-dev)")
        sys.exit(SKIP)
    sys.path.insert(0, module_dir)
    import shapegen  # a module that was built must import: no skip from here on
    return shapegen


def cli(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr
