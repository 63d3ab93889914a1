"""Runs the code blocks of a Markdown page as a reader would paste them:
each ```python block in a fresh interpreter (the tests' Python, the built
package on its path), in a folder where the page's ```sh `shapegen ...`
commands ran, with no network (tests/interop/offline.py): the audit hook
blocks every connection and name look-up, a snippet that imports ultralytics
gets its offline settings first, Hugging Face's caches live in the folder and
its download counting and Hub look-ups are off (HF_HUB_OFFLINE). After a snippet the test may run its own check code in the same
interpreter, on the snippet's variables.

A block whose info string is `python signature` shows a call's signature
(not runnable) and is left out; GitHub still highlights it as Python."""
import importlib.util
import os
import pathlib
import re
import shlex
import subprocess
import sys

INTEROP = pathlib.Path(__file__).resolve().parent.parent / "interop"
FENCE = re.compile(r"^```(\S*)([^\n]*)\n(.*?)^```\s*$", re.M | re.S)


def need(module):
    """Skips the test (77) where `module` is not installed; looked up, not
    imported (an import of ultralytics here would not be offline)."""
    if importlib.util.find_spec(module) is None:
        print(f"SKIPPED: python module '{module}' is not installed")
        sys.exit(77)


class Block:
    def __init__(self, page, line, lang, info, code, heading):
        self.page, self.line, self.lang, self.info, self.code, self.heading = page, line, lang, info, code, heading

    def where(self):
        return f"{self.page.name}:{self.line} ({self.heading})"


def blocks(page):
    """The fenced blocks of `page` with the heading each is under."""
    page = pathlib.Path(page)
    text = page.read_text()
    out = []
    for match in FENCE.finditer(text):
        before = text[:match.start()]
        headings = re.findall(r"^#+ (.*)$", before, re.M)
        out.append(Block(page, before.count("\n") + 1, match.group(1), match.group(2).strip(), match.group(3),
                         headings[-1] if headings else ""))
    return out


def python_blocks(page):
    return [b for b in blocks(page) if b.lang == "python" and "signature" not in b.info.split()]


def run_commands(page, binary, cwd):
    """Runs the `shapegen ...` lines of the page's sh blocks in `cwd` with `binary`; returns how many ran."""
    ran = 0
    for block in blocks(page):
        if block.lang != "sh":
            continue
        for line in block.code.splitlines():
            words = shlex.split(line, comments=True)
            if not words or words[0] != "shapegen":
                continue
            done = subprocess.run([binary, *words[1:]], cwd=cwd, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"{block.where()}: `{line}` failed:\n{done.stdout}{done.stderr}")
            ran += 1
    return ran


_PRELUDE = """\
import os, sys
sys.path[:0] = [{module_dir!r}, {interop!r}]
from offline import forbid_network
_attempts = forbid_network()
if {ultralytics!r}:
    from offline import ultralytics_offline
    ultralytics_offline({config!r})
del os, sys
"""
_EPILOGUE = """
assert not _attempts, f"network use: {_attempts}"
print("SNIPPET-DONE")
"""


def run_python(block, cwd, check="", timeout=900):
    """Runs one block (then `check`) in `cwd`; returns (ok, output)."""
    config = os.path.join(cwd, ".clients")
    os.makedirs(config, exist_ok=True)
    prelude = _PRELUDE.format(module_dir=os.environ["SHAPEGEN_PYTHON_MODULE_DIR"], interop=str(INTEROP),
                              ultralytics="ultralytics" in block.code, config=config)
    script = os.path.join(config, f"snippet_{block.page.stem}_{block.line}.py")
    with open(script, "w") as f:
        f.write(prelude + block.code + "\n# --- the test's check ---\n" + check + _EPILOGUE)
    env = dict(os.environ)
    env.update({
        "HF_HOME": os.path.join(config, "huggingface"),   # datasets' and the Hub's caches
        "HF_HUB_DISABLE_TELEMETRY": "1",
        # load_dataset() sends a HEAD request to count the download of a
        # packaged loader ("imagefolder"), even for local files.
        "HF_UPDATE_DOWNLOAD_COUNTS": "0",
        "HF_HUB_OFFLINE": "1",
        "KERAS_HOME": os.path.join(config, "keras"),
        "MPLCONFIGDIR": os.path.join(config, "matplotlib"),
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    done = subprocess.run([sys.executable, script], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    output = done.stdout + done.stderr
    return done.returncode == 0 and "SNIPPET-DONE" in done.stdout, output
