#!/usr/bin/env bash
# `pip wheel .` and `pip install` as a Python user runs them: a fresh virtual
# environment (no system site packages), the source tree built from outside
# it, offline (--no-index; the build requirements and NumPy from the
# wheelhouse that scripts/venv.sh downloads; in a network namespace of its
# own where unshare allows). The project is compiled once: `pip wheel .`
# makes the wheel (holding the package, the command and the presets) and
# `pip install` installs that wheel, which is what `pip install .` does after
# building the same wheel through the same PEP 517 backend. Then the
# `shapegen` command and `import shapegen` work from the environment alone,
# with the presets it installed.
# usage: test_pip_install.sh SOURCE_DIR WHEELHOUSE PYTHON
set -euo pipefail
skip() { echo "SKIPPED: $*"; exit 77; }
[[ -n ${SHAPEGEN_PYTHON_MODULE_DIR:-} ]] || skip "the Python module is not built here (pybind11, Python headers)"
[[ $# -eq 3 ]] || skip "no Python found"
src=$1 wheelhouse=$2 python=$3
[[ -d $wheelhouse ]] || skip "no wheelhouse $wheelhouse: scripts/venv.sh downloads it"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/shapegen-pip-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
offline=()
if unshare -n true 2>/dev/null; then
  offline=(unshare -n)
elif unshare -rn true 2>/dev/null; then
  offline=(unshare -rn)
fi
fail() { echo "FAIL: $*"; exit 1; }
# Runs "$@" offline from $tmp, its output kept in $tmp/log and shown on failure.
run() {
  (cd "$tmp" && "${offline[@]}" "$@") >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "$*"; }
}

export PIP_NO_INDEX=1 PIP_FIND_LINKS=$wheelhouse PIP_DISABLE_PIP_VERSION_CHECK=1
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}
unset PYTHONPATH SHAPEGEN_PRESET_PATH PIP_CONFIG_FILE
venv=$tmp/venv
"$python" -m venv "$venv"
run "$venv/bin/pip" wheel --no-deps -w "$tmp/wheels" "$src"
wheels=("$tmp"/wheels/shapegen-*.whl)
[[ ${#wheels[@]} -eq 1 && -f ${wheels[0]} ]] || fail "pip wheel made no one shapegen wheel: $(ls "$tmp/wheels")"
echo "pip wheel: $(basename "${wheels[0]}")"
run "$venv/bin/pip" install "${wheels[0]}"
echo "pip install: $(grep -E '^Successfully installed' "$tmp/log")"

# The command, with the presets installed beside it.
run "$venv/bin/shapegen" presets --paths
grep -q "\[$venv/share/shapegen/presets/basic.ini\]" "$tmp/log" ||
  { cat "$tmp/log"; fail "shapegen presets: basic is not the installed one"; }
run "$venv/bin/shapegen" generate --preset basic --count 6 --seed 3 --out "$tmp/out"
[[ $(wc -l <"$tmp/out/manifest.jsonl") -eq 6 ]] || fail "shapegen generate wrote no 6 rows"

# The module: imported from the environment, its presets the installed ones,
# row 0 the CLI's.
run "$venv/bin/python" - "$venv" "$tmp/out" "$tmp/wheels" <<'EOF'
import json, os, sys, zipfile
venv, out, wheels = sys.argv[1:]
import shapegen
assert shapegen.__file__.startswith(venv + "/"), shapegen.__file__
basic = shapegen._shapegen.presets()
path = {name: p for name, p, _ in basic}["basic"]
assert path == f"{venv}/share/shapegen/presets/basic.ini", path
g = shapegen.Generator("basic", count=6, seed=3)
image, labels = g[0]
with open(os.path.join(out, "manifest.jsonl")) as f:
    assert labels == json.loads(f.readline()), "row 0 differs from the CLI's"
assert image.shape == (64, 64) and image.dtype.name == "uint8", image.shape
assert shapegen.CLASSES[:3] == ("triangle", "circle", "square"), shapegen.CLASSES

(wheel,) = os.listdir(wheels)
assert wheel.startswith(f"shapegen-{shapegen.__version__}-cp"), wheel
names = zipfile.ZipFile(os.path.join(wheels, wheel)).namelist()
data = f"shapegen-{shapegen.__version__}.data"
for want in ("shapegen/__init__.py", "shapegen/torch.py", f"{data}/scripts/shapegen",
             f"{data}/data/share/shapegen/presets/basic.ini"):
    assert want in names, f"{want} not in {wheel}: {names}"
assert any(n.startswith("shapegen/_shapegen.") and n.endswith(".so") for n in names), names
print(f"import shapegen {shapegen.__version__} from {os.path.dirname(shapegen.__file__)}; wheel {wheel}")
EOF
cat "$tmp/log"
echo "pip wheel, pip install of the wheel, shapegen generate and import shapegen work offline" \
     "${offline[*]:+(${offline[*]})}"
