#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [TARGET...]: builds the libFuzzer targets (the
# `fuzz` preset: clang, ASan + UBSan) and runs each TARGET (default: all of
# fuzz/) for SECONDS (default 60), one after another, printing per target
# the executions, time and crashes. See fuzz/README.md.
#
# Each target's growing corpus and crash inputs stay under
# build/fuzz/work/TARGET/ (never committed); it starts from the committed
# seeds (fuzz/corpus/TARGET) and regressions (fuzz/regressions/TARGET).
# Environment:
#   FUZZ_RSS_MB=2048     memory limit per input run (-rss_limit_mb)
#   FUZZ_TIMEOUT=10      seconds one input may take (-timeout)
#   FUZZ_KEEP_GOING=1    go on after a crash, timeout or OOM (-fork=1
#                        -ignore_crashes=1 ...) instead of stopping at the first
#   FUZZ_SEEDS=DIR:...   more seed folders, read only (e.g. articles kept
#                        outside the repository)
#   FUZZ_ARGS="..."      more libFuzzer flags
# Exit status 1 when any target found a crash, timeout, leak or OOM.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(statement document_reader sentence triple_file records)
seconds=${1:-60}
[[ $# -gt 0 ]] && shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ -f fuzz/fuzz_$t.cc ]] || { echo "fuzz.sh: unknown target '$t' (${all_targets[*]})" >&2; exit 2; }
done

cmake --preset fuzz >/dev/null
nice -n 5 cmake --build --preset fuzz -j2

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

found=0
summary=()
for t in "${targets[@]}"; do
  work=build/fuzz/work/$t
  mkdir -p "$work/corpus" "$work/artifacts"
  args=(-max_total_time="$seconds" -rss_limit_mb="${FUZZ_RSS_MB:-2048}"
        -timeout="${FUZZ_TIMEOUT:-10}" -print_final_stats=1
        -artifact_prefix="$work/artifacts/")
  case $t in
    statement) args+=(-dict=build/fuzz/fuzz/statement.dict) ;;
    sentence) args+=(-max_len=1024) ;;  # fuzz_sentence.cc: kMaxBytes
  esac
  if [[ ${FUZZ_KEEP_GOING:-0} == 1 ]]; then
    args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  # shellcheck disable=SC2206
  args+=(${FUZZ_ARGS:-})
  seeds=("$work/corpus" "fuzz/corpus/$t" "fuzz/regressions/$t")
  IFS=: read -r -a extra <<< "${FUZZ_SEEDS:-}"
  for d in "${extra[@]}"; do [[ -n $d ]] && seeds+=("$d"); done
  before=$(find "$work/artifacts" -type f | wc -l)
  touch "$work/.start"
  start=$(date +%s)
  echo "== fuzz_$t: ${seconds}s, log in $work/log"
  status=0
  nice -n 5 "build/fuzz/fuzz/fuzz_$t" "${args[@]}" "${seeds[@]}" > "$work/log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
  if [[ -z $execs ]]; then  # fork mode: the last status line "#N ... exec/s: R"
    execs=$(grep -o '^#[0-9]*' "$work/log" | tail -1 | tr -d '#')
    rate=$(grep -o 'exec/s: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2)
  fi
  crashes=$(( $(find "$work/artifacts" -type f | wc -l) - before ))
  if (( crashes > 0 )) || { (( status != 0 )) && [[ ${FUZZ_KEEP_GOING:-0} != 1 ]]; }; then
    found=1
    (( crashes == 0 )) && crashes="exit $status"
  fi
  line=$(printf '%-16s %6ss %12s execs %8s exec/s  crashes: %s' "$t" "$elapsed" \
         "${execs:-?}" "${rate:-?}" "$crashes")
  echo "$line"
  summary+=("$line")
  find "$work/artifacts" -type f -newer "$work/.start" -printf '    %p\n' 2>/dev/null | head -20
done
echo "== summary"
printf '%s\n' "${summary[@]}"
exit $found
