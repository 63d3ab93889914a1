"""Shared helpers for the interop tests: run shapegen, read the manifest,
skip (exit 77, which CTest reports as skipped) when a module is missing."""
import importlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77


def need(module):
    """Imports a module; skips only when its package is not installed at all
    (one that is installed but fails to import fails the test)."""
    if importlib.util.find_spec(module.split(".")[0]) is None:
        print(f"SKIPPED: python module '{module}' is not installed ({sys.executable})")
        sys.exit(SKIP)
    return importlib.import_module(module)


def generate(binary, out, *args):
    cmd = [binary, "generate", "--out", out, "--jobs", "2", *args]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")


def manifest(out):
    with open(os.path.join(out, "manifest.jsonl")) as f:
        return [json.loads(line) for line in f]


def workdir():
    return tempfile.TemporaryDirectory(prefix="shapegen-interop-")


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

    def raises(self, kind, call, what):
        """The message of the `kind` exception call() raises; a failed check if it raises another or none."""
        try:
            call()
        except kind as e:
            return str(e)
        except Exception as e:  # noqa: BLE001 - report the wrong kind
            self.check(False, f"{what}: raised {type(e).__name__}: {e}, expected {kind.__name__}")
            return None
        self.check(False, f"{what}: raised nothing, expected {kind.__name__}")
        return None

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
