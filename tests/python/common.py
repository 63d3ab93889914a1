"""Shared by the Python module's tests: import the built package (or report
skipped, exit 77, when it was not built), run the CLI, count failed checks."""
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77


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


def generate(binary, out, *args):
    code, stdout, stderr = cli(binary, "generate", "--out", out, "--jobs", "2", *args)
    if code != 0:
        sys.exit(f"shapegen generate {' '.join(args)} failed:\n{stdout}{stderr}")


def manifest_lines(out):
    with open(os.path.join(out, "manifest.jsonl")) as f:
        return [json.loads(line) for line in f]


def workdir():
    return tempfile.TemporaryDirectory(prefix="shapegen-python-")


class Checks:
    """Counts failed checks; prints the first few."""

    def __init__(self):
        self.failed = 0
        self.passed = 0

    def check(self, ok, message):
        if ok:
            self.passed += 1
            return
        self.failed += 1
        if self.failed <= 20:
            print("FAIL:", message)

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
