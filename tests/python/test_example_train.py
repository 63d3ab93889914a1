"""examples/train_classifier.py trains for a few hundred steps on samples made
on the fly (2 DataLoader workers) and must reach 95% held-out accuracy, which
it cannot if images and labels disagree (chance is 33%)."""
import os
import re
import subprocess
import sys

from module_common import import_shapegen

shapegen = import_shapegen()
example = os.path.join(os.environ["SHAPEGEN_SOURCE_DIR"], "examples", "train_classifier.py")
env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(shapegen.__file__)))
# mnist28 (28x28) keeps the run to seconds on two cores.
cmd = [sys.executable, example, "--preset", "mnist28", "--steps", "300", "--batch-size", "32",
       "--eval-every", "100", "--workers", "2", "--threads", "1", "--min-accuracy", "0.95"]
done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=280)
print(done.stdout, done.stderr, sep="")
final = re.search(r"final held-out accuracy: ([0-9.]+)", done.stdout)
if done.returncode != 0 or not final:
    sys.exit(f"{' '.join(cmd)}: exit {done.returncode}")
print(f"ok: held-out accuracy {final.group(1)}")
