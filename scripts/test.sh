#!/usr/bin/env bash
# Every test: install dependencies, build (release preset), run ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# Warnings are errors here (CI runs this script), not in a user's build.
cmake --preset release -DQUIVER_WERROR=ON >/dev/null
cmake --build --preset release
ctest --preset release -j "$(nproc)" "$@"
