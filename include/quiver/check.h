// What Database::Check found: the store measured against its own invariants.
//
// Plain data: no RocksDB type, so callers (the `quiver check` command, tests)
// need nothing beyond the public API to print or inspect a report.

#ifndef QUIVER_CHECK_H_
#define QUIVER_CHECK_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace quiver {

// One broken invariant, named by the key that shows it.
struct CheckProblem {
  std::string family;   // The column family of the key ("out", "meta", ...).
  std::string key;      // The key decoded ("src 3, type 2, dst 5, edge 7").
  std::string key_hex;  // The raw key, lower-case hex.
  std::string message;  // What is wrong ("no edge record 7").
};

struct CheckReport {
  // The problems found, in the order the checker met them; at most the
  // `max_problems` asked for (problem_count says how many there were).
  std::vector<CheckProblem> problems;
  int64_t problem_count = 0;
  // Entries read per column family, in the store's family order.
  std::vector<std::pair<std::string, int64_t>> entries;
  // What the store holds, counted (not taken from its counters).
  int64_t nodes = 0;
  int64_t edges = 0;
  int64_t documents = 0;
  int64_t evidence = 0;

  bool ok() const { return problem_count == 0; }
};

}  // namespace quiver

#endif  // QUIVER_CHECK_H_
