#!/usr/bin/env bash
# Installs every Debian package Quiver needs to build, test and run.
# Idempotent: packages already present are left alone. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config python3
  librocksdb-dev
  antlr4 libantlr4-runtime-dev
  libboost-graph-dev
  libabsl-dev
  libgtest-dev libgmock-dev
  liblink-grammar-dev link-grammar-dictionaries-en
  wordnet-dev wordnet-base
  libicu-dev iso-codes
  libxxhash-dev
  libgraphviz-dev graphviz
  libedit-dev
  libcli11-dev
  nlohmann-json3-dev
  libgumbo-dev
  chromium  # tests: the HTML diagram loads in headless Chromium
  # tools/train_confidence.py and the CaRB scorer it runs (its ctest skips
  # without them)
  python3-numpy python3-docopt python3-sklearn python3-nltk
  # tools/dask_ingest.py, the scale-out driver (its ctest skips without them)
  python3-dask python3-distributed
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
