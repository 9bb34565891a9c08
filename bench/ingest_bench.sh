#!/usr/bin/env bash
# Ingest and extraction throughput: sentences per second and peak memory of
# `quiver ingest` and `quiver extract`, for --jobs 1 and 2, on ../shared/corpus
# and on the CaRB dev sentences (641, grouped into 32 JSON Lines documents),
# and `quiver extract --format carb` on CaRB dev for --jobs 1 and 2.
# Usage: bench/ingest_bench.sh [BUILD_DIR]   (default build/release)
# Figures go into bench/README.md by hand.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/release}"
quiver="$build/cli/quiver"
shared="${QUIVER_SHARED_DIR:-$root/../shared}"
[ -x "$quiver" ] || { echo "no $quiver: build the quiver target first" >&2; exit 1; }
[ -d "$shared/corpus" ] || { echo "$shared/corpus absent: nothing to measure" >&2; exit 0; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 641 CaRB sentences as 32 documents, so documents spread over threads.
python3 - "$shared/data/carb/dev.txt" "$tmp/carb.jsonl" <<'PY'
import json, sys
lines = [l.strip() for l in open(sys.argv[1]) if l.strip()]
with open(sys.argv[2], "w") as out:
    for i in range(0, len(lines), 20):
        out.write(json.dumps({"id": str(i // 20), "text": "\n".join(lines[i:i + 20])}) + "\n")
PY
cp "$shared"/corpus/*.txt "$tmp/" 2>/dev/null
mkdir -p "$tmp/corpus" && mv "$tmp"/*.txt "$tmp/corpus/"

# Runs a command under /usr/bin/time; prints wall seconds, sentences per
# wall second and per CPU second (user+sys: the per-core rate, which stays
# meaningful when other jobs share the machine), and peak RSS.
measure() {
  local label="$1" sentences="$2"; shift 2
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  read -r secs kib user sys < "$tmp/time"
  awk -v l="$label" -v s="$secs" -v n="$sentences" -v k="$kib" -v c="$user" -v y="$sys" \
    'BEGIN { printf "%s: %.2f s wall, %.0f sentences/s, %.0f sentences per CPU-second, peak %.0f MiB\n", l, s, (s > 0 ? n / s : 0), (c + y > 0 ? n / (c + y) : 0), k / 1024 }'
}

corpus_sentences=$("$quiver" extract "$tmp/corpus" 2>&1 >/dev/null | sed -n 's/.* \([0-9]*\) sentences,.*/\1/p')
carb_sentences=$("$quiver" extract "$tmp/carb.jsonl" 2>&1 >/dev/null | sed -n 's/.* \([0-9]*\) sentences,.*/\1/p')
for jobs in 1 2; do
  rm -rf "$tmp/store"
  measure "ingest corpus   --jobs $jobs" "$corpus_sentences" "$quiver" ingest "$tmp/store" "$tmp/corpus" --jobs "$jobs"
  measure "extract corpus  --jobs $jobs" "$corpus_sentences" "$quiver" extract "$tmp/corpus" --jobs "$jobs"
  rm -rf "$tmp/store"
  measure "ingest CaRB     --jobs $jobs" "$carb_sentences" "$quiver" ingest "$tmp/store" "$tmp/carb.jsonl" --jobs "$jobs"
  measure "extract CaRB    --jobs $jobs" "$carb_sentences" "$quiver" extract "$tmp/carb.jsonl" --jobs "$jobs"
done
for jobs in 1 2; do
  measure "extract --format carb --jobs $jobs" 641 "$quiver" extract --format carb --jobs "$jobs" "$shared/data/carb/dev.txt"
done
