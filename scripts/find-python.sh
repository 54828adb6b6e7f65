#!/usr/bin/env bash
# Prints the path of a Python >= 3.12: first on PATH, then among pyenv's versions.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
for name in python3.13 python3.12 python3 python; do
  p=$(command -v "$name" 2>/dev/null) && ok "$p" && { echo "$p"; exit 0; }
done
root=${PYENV_ROOT:-$HOME/.pyenv}
for p in $(ls -d "$root"/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV); do
  ok "$p" && { echo "$p"; exit 0; }
done
echo "dxhub needs Python 3.12 or newer: none found on PATH or in pyenv ($root/versions)." >&2
echo "Install one (e.g. 'pyenv install 3.12') and run make again." >&2
exit 1
