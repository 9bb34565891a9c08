#!/usr/bin/env bash
# Sanitizer runs (docs/reliability.md records the last result of each):
#   scripts/sanitize.sh asan   the whole suite under AddressSanitizer +
#                              UndefinedBehaviorSanitizer, leaks detected
#   scripts/sanitize.sh tsan   the multi-threaded tests (parallel ingest,
#                              concurrent readers, streaming results read on
#                              other threads, prepared statements, read
#                              snapshots, the query worker pool) under
#                              ThreadSanitizer
# Each builds its own tree (build/asan, build/tsan): tens of minutes on two
# cores, so not part of CI. Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-asan}"
shift || true
cmake --preset "$preset" >/dev/null
case "$preset" in
  asan)
    cmake --build --preset asan
    ASAN_OPTIONS=detect_leaks=1 ctest --preset asan -j "$(nproc)" "$@"
    ;;
  tsan)
    cmake --build --preset tsan --target quiver ingest_tests concurrent_readers_test \
      query_streaming_test cancellation_test result_threads_test prepared_statement_test \
      extension_test read_snapshot_tests query_worker_pool_test
    # second_deadlock_stack: name both lock orders when one is reported.
    # scripts/tsan.supp: RocksDB is not TSan-built (why, in the file).
    TSAN_OPTIONS="second_deadlock_stack=1 halt_on_error=1 suppressions=$PWD/scripts/tsan.supp" \
      ctest --preset tsan -j "$(nproc)" "$@"
    ;;
  *)
    echo "usage: scripts/sanitize.sh asan|tsan [ctest arguments]" >&2
    exit 2
    ;;
esac
