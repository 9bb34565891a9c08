// graph::CheckStore: verifies a store against its own invariants.
//
// Every index entry has its record and every record its index entries
// (names, labels, out, in, by_type, hashes, provenance), counters in `meta`
// equal what is stored, evidence, provenance and documents agree, and the
// curation log is well-formed. Each broken invariant is reported with the
// key that shows it (CheckReport, quiver/check.h); nothing is repaired.
//
// The checker reads each column family once, in key order, and compares
// sorted expectations against the scans, so it costs a few sequential passes
// and memory of about 40 bytes per edge and statement.

#ifndef QUIVER_GRAPH_STORE_CHECKER_H_
#define QUIVER_GRAPH_STORE_CHECKER_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "quiver/check.h"

namespace quiver::graph {

class Reader;

// Checks the store `reader` sees. REQUIRES: `reader` is one consistent view
// (a snapshot). Keeps at most `max_problems` problems in the report (all
// are counted). Errors: what reading fails with (kDataLoss when RocksDB
// finds a corrupted block); a record that does not decode is a problem, not
// an error.
absl::StatusOr<CheckReport> CheckStore(const Reader& reader, size_t max_problems);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_STORE_CHECKER_H_
