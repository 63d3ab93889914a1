#!/usr/bin/env bash
# The tests' Python, made by scripts/test.sh before CTest runs (tests download
# nothing):
# - build/venv: Debian's /usr/bin/python3 with its site packages, so apt's
#   NumPy, PyTorch and torchvision are the ones used, plus the real clients
#   pinned in python/requirements-test.txt. pip is held to the Debian versions
#   by a constraints file, so it never fetches torch or a NumPy 2.
# - build/wheelhouse: the wheels of python/requirements-build.txt, from which
#   the test pip_install builds and installs shapegen offline (pip wheel .).
# Does nothing when neither file changed since the last run (build/venv/.stamp).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=build/venv
wheelhouse=build/wheelhouse
stamp=$(cat python/requirements-test.txt python/requirements-build.txt | sha256sum | cut -d' ' -f1)
if [[ -x $venv/bin/python && $(cat "$venv/.stamp" 2>/dev/null) == "$stamp" ]]; then
  exit 0
fi

echo "venv: making $venv and $wheelhouse (python/requirements-*.txt)"
rm -rf "$venv" "$wheelhouse"
/usr/bin/python3 -m venv --system-site-packages "$venv"
python=$venv/bin/python
pip=("$python" -m pip --disable-pip-version-check --quiet)

# The versions Debian installed; a missing one is an error, not a download.
"$python" - > "$venv/debian-constraints.txt" <<'EOF'
import importlib.metadata as md, sys
for name in ("numpy", "torch", "torchvision", "pillow", "pyyaml"):
    try:
        print(f"{name}=={md.version(name)}")
    except md.PackageNotFoundError:
        sys.exit(f"venv: {name} is not installed; scripts/test.sh installs it from Debian")
EOF
"${pip[@]}" install --only-binary=:all: -c "$venv/debian-constraints.txt" -r python/requirements-test.txt
"${pip[@]}" download --no-deps --only-binary=:all: -d "$wheelhouse" -r python/requirements-build.txt

# What the clients import is Debian's torch and NumPy 1.x. (Ultralytics'
# import is tested by the tests, offline: tests/interop/offline.py.)
"$python" - <<'EOF'
import numpy, torch, torchvision, pycocotools.coco, webdataset, cv2, pyarrow, datasets, jax
for m in (numpy, torch, torchvision):
    assert m.__file__.startswith("/usr/lib/python3/dist-packages/"), f"{m.__name__} from {m.__file__}"
assert numpy.__version__.startswith("1."), numpy.__version__
EOF
echo "$stamp" > "$venv/.stamp"
