#!/usr/bin/env python3
"""Regenerates the key tables in the docs from the key declarations.

Every region between
    <!-- keys: SECTION[,SECTION...] -->
    <!-- /keys -->
in README.md and docs/*.md is replaced by `shapegen describe --markdown
SECTIONS`. With --check nothing is written; the exit code is 1 when a
committed table differs from the declarations (a CTest test runs this).

Usage: scripts/docs-tables.py [--check] [PATH_TO_SHAPEGEN]
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
REGION = re.compile(r"(<!-- keys: ([a-z_,]+) -->\n)(.*?)(<!-- /keys -->)", re.S)


def main() -> int:
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    binary = args[0] if args else str(ROOT / "build" / "shapegen")
    stale = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text()

        def table(match: re.Match) -> str:
            out = subprocess.run([binary, "describe", "--markdown", match.group(2)],
                                 check=True, capture_output=True, text=True).stdout
            return match.group(1) + out + match.group(4)

        new = REGION.sub(table, text)
        if new != text:
            stale.append(doc.relative_to(ROOT))
            if not check:
                doc.write_text(new)
    if check and stale:
        print("key tables out of date in: " + ", ".join(map(str, stale)) +
              "; run scripts/docs-tables.py", file=sys.stderr)
        return 1
    for path in stale:
        print(f"rewrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
