// The state the store checker's passes share (graph/store_checker.h): what
// each pass learned that a later pass compares against, and the report.
// Each pass lives in its own file: check_nodes.cc, check_edges.cc,
// check_documents.cc.

#ifndef QUIVER_GRAPH_INTERNAL_CHECK_CONTEXT_H_
#define QUIVER_GRAPH_INTERNAL_CHECK_CONTEXT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "graph/key_format.h"
#include "quiver/check.h"

namespace quiver::graph {

class Reader;

// An edge record as the checker keeps it: its adjacency entry and the
// `count` property when it is an integer.
struct CheckedEdge {
  AdjEntry adj;
  std::optional<int64_t> count;
  int64_t statements = 0;  // Evidence entries found for it.
  // "first_seen" / "last_seen" as the record says (epoch days), and the
  // hull of its statements' times as their provenance mirrors say.
  std::optional<std::pair<int64_t, int64_t>> seen;
  std::optional<std::pair<int64_t, int64_t>> statements_seen;
};

// One statement: an `evidence` key.
struct StatementId {
  uint64_t edge = 0;
  uint64_t doc = 0;
  uint32_t sentence = 0;
};

struct CheckedDoc {
  uint64_t id = 0;
  std::string source;
  std::string hash;  // Raw 16 bytes.
  int64_t statements = 0;  // As the record says.
  int64_t evidence = 0;    // As found.
};

class CheckContext {
 public:
  CheckContext(const Reader& reader, size_t max_problems, CheckReport* report)
      : reader_(reader), max_problems_(max_problems), report_(report) {}

  const Reader& reader() const { return reader_; }

  // Reports that `key` of `cf` breaks an invariant.
  void Problem(Cf cf, std::string_view key, std::string message);
  void CountEntry(Cf cf) { ++entries_[static_cast<int>(cf)]; }
  const std::array<int64_t, kNumCfs>& entries() const { return entries_; }

  // Walks the keys of `cf` under `prefix` beside `n` expected keys in
  // ascending byte order (`expected(i)`): `missing(i)` for an expected key
  // the family lacks, `extra(key, value)` for a key nobody expects,
  // `match(i, value)` for one both have. Counts the entries read.
  absl::Status MergeKeys(Cf cf, std::string_view prefix, size_t n,
                         absl::FunctionRef<std::string(size_t)> expected,
                         absl::FunctionRef<void(size_t)> missing,
                         absl::FunctionRef<void(std::string_view, std::string_view)> extra,
                         absl::FunctionRef<void(size_t, std::string_view)> match);

  // The relationship type or label with term id `id`, quoted, or "unknown".
  std::string TermName(TermId id) const;

  bool HasNode(uint64_t id) const;
  CheckedEdge* FindEdge(uint64_t id);
  CheckedDoc* FindDoc(uint64_t id);

  // What the passes learned. Each vector is sorted by id.
  absl::flat_hash_map<TermId, std::string> terms;  // From the 'i' entries.
  std::vector<uint64_t> nodes;
  std::vector<CheckedEdge> edges;
  std::vector<CheckedDoc> docs;
  std::vector<StatementId> statements;  // In `evidence` key order.
  uint64_t max_term = 0;

 private:
  const Reader& reader_;
  const size_t max_problems_;
  CheckReport* report_;
  std::array<int64_t, kNumCfs> entries_{};
};

// The passes, in the order CheckStore runs them: terms first (names in
// messages), then records before the indexes that point at them.
absl::Status CheckTerms(CheckContext& ctx);
absl::Status CheckNodes(CheckContext& ctx);  // nodes, names, labels
absl::Status CheckDocuments(CheckContext& ctx);  // docs, hashes, 's' entries
absl::Status CheckEdges(CheckContext& ctx);  // edges, out, in, by_type, evidence
absl::Status CheckProvenance(CheckContext& ctx);  // 'e', 'm', 'n', unknown
absl::Status CheckCuration(CheckContext& ctx);
absl::Status CheckMeta(CheckContext& ctx);  // counters against the counts

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_INTERNAL_CHECK_CONTEXT_H_
