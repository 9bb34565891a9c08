// ExecContext: what one statement's execution shares: the reader (snapshot
// or write transaction), parameters, limits, write counters, and a cache of
// loaded graph elements.

#ifndef QUIVER_QUERY_EXEC_CONTEXT_H_
#define QUIVER_QUERY_EXEC_CONTEXT_H_

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "graph/snapshot.h"
#include "graph/write_txn.h"
#include "query/ast/ast.h"
#include "query/errors.h"
#include "query/procedures/registry.h"
#include "quiver/result.h"
#include "quiver/value.h"

namespace quiver::query {

using Row = std::vector<Value>;

struct SubqueryPlan;  // exec/subquery.cc

struct ExecContext {
  const graph::Reader* reader = nullptr;
  graph::WriteTxn* txn = nullptr;  // Non-null for updating statements.
  const ValueMap* params = nullptr;
  const std::string* source = nullptr;  // Statement text, for error excerpts.
  QueryOptions options;
  std::chrono::steady_clock::time_point deadline =
      std::chrono::steady_clock::time_point::max();
  QueryStats stats;
  const ProcedureRegistry* local_procedures = nullptr;  // The Database's.
  // Aggregate results while projecting a group (Expr* → value).
  const std::unordered_map<const ast::Expr*, Value>* aggregates = nullptr;
  int64_t ticks = 0;
  // Graph elements loaded so far; cleared when the statement writes.
  std::unordered_map<uint64_t, Value> node_cache;
  std::unordered_map<uint64_t, Value> rel_cache;
  // The CSR snapshot of the reader's state (never for an updating
  // statement): looked up once per statement, built at most once.
  std::shared_ptr<const graph::Snapshot> snapshot;
  bool snapshot_checked = false;
  bool snapshot_build_tried = false;
  // Adjacency scans this statement sent to the store for lack of a snapshot
  // (the "rent" that decides when building one pays; see Snapshot()).
  int64_t store_scans = 0;
  int64_t store_scan_budget = 0;
  // The statement's clock for date(), datetime.statement() and the like:
  // read once, so every call in one statement sees the same instant
  // (nanoseconds since 1970-01-01T00:00Z; 0 until first read).
  int64_t statement_time_ns = 0;
  // The operators of each EXISTS/COUNT subquery, planned on its first run
  // and reused for every row of this statement.
  std::unordered_map<const ast::Subquery*, std::shared_ptr<const SubqueryPlan>> subquery_plans;

  absl::Status Error(ErrorType type, const ast::Span* span, std::string_view message,
                     std::string_view detail = {}) const {
    return MakeError(type, Phase::kRuntime, message, source ? *source : "", span, detail);
  }
  // Checks cancellation and the time limit every few thousand calls.
  absl::Status Tick() {
    if ((++ticks & 1023) != 0) return absl::OkStatus();
    return CheckInterrupts();
  }
  // Checks them now.
  absl::Status CheckInterrupts() const {
    if (options.cancel != nullptr && options.cancel->cancelled()) {
      return MakeError(ErrorType::kCancelled, Phase::kRuntime,
                       "the statement was cancelled (QueryOptions::cancel)");
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return MakeError(ErrorType::kLimitExceeded, Phase::kRuntime,
                       absl::StrCat("the statement ran longer than the time limit of ",
                                    options.timeout_ms, " ms (QueryOptions::timeout_ms)"));
    }
    return absl::OkStatus();
  }
  absl::Status CheckRows(size_t rows) const {
    if (options.max_rows > 0 && int64_t(rows) > options.max_rows) {
      return MakeError(ErrorType::kLimitExceeded, Phase::kRuntime,
                       absl::StrCat("the statement produced more than ", options.max_rows,
                                    " rows (QueryOptions::max_rows)"));
    }
    return absl::OkStatus();
  }

  // Node and relationship values, loaded once per statement.
  absl::StatusOr<Value> NodeValueOf(uint64_t id);
  absl::StatusOr<Value> RelValueOf(uint64_t id);
  // The snapshot of the reader's state when one is cached; null when none
  // is, and always in an updating statement.
  const graph::Snapshot* CachedSnapshot();
  // As CachedSnapshot, but builds the snapshot when none is cached and
  // QueryOptions::build_snapshot allows it (traversals: shortestPath, and
  // statements whose store scans pass ScansBeforeSnapshotBuild()).
  const graph::Snapshot* BuildSnapshot();
  // Called before each adjacency scan that goes to the store: counts it and
  // builds the snapshot once the statement has scanned enough that a build
  // (roughly 0.2 µs per edge, once per store state) costs less than going on.
  const graph::Snapshot* SnapshotAfterStoreScan();
  void InvalidateCaches() {
    node_cache.clear();
    rel_cache.clear();
  }
};

// Node properties as the query language sees them: the stored properties
// plus "aliases" (a list) when the node has any.
NodeValue ToNodeValue(const Node& node);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_CONTEXT_H_
