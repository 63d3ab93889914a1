#!/usr/bin/env bash
# `pip install .` as a Python user runs it: a fresh virtual environment (no
# system site packages), the source tree installed from outside it, offline
# (--no-index; the build requirements and NumPy from the wheelhouse that
# scripts/venv.sh downloads; in a network namespace of its own where unshare
# allows). Then the `shapegen` command and `import shapegen` work from the
# environment alone, with the presets it installed; and `pip wheel .` makes
# a wheel holding the package, the command and the presets.
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
# `pip wheel` builds in a new isolated environment, so scikit-build-core
# starts its build folder afresh: with ccache (a cache of this test's own,
# so the first build compiles for real) the second build is a copy.
build=(--config-settings=build-dir="$tmp/build")
if command -v ccache >/dev/null; then
  export CCACHE_DIR=$tmp/ccache
  build+=(--config-settings=cmake.define.CMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
run "$venv/bin/pip" install "${build[@]}" "$src"
echo "pip install: $(grep -E '^Successfully installed' "$tmp/log")"
run "$venv/bin/pip" wheel --no-deps "${build[@]}" -w "$tmp/wheels" "$src"
[[ -z ${CCACHE_DIR:-} ]] || echo "pip wheel: $(ccache --print-stats | grep -E '^(direct_cache_hit|cache_miss)' | tr '\t\n' '= ')"

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
echo "pip install, pip wheel, shapegen generate and import shapegen work offline" \
     "${offline[*]:+(${offline[*]})}"
