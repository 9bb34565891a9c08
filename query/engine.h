// query::Prepare / query::Run / query::Execute: the whole path of a
// statement: parse → bind → plan (Prepare, once) → execute (Run, any number
// of times, with any parameters). Read statements run on a snapshot;
// updating statements in one WriteTxn committed at the end (nothing is
// written when they fail).

#ifndef QUIVER_QUERY_ENGINE_H_
#define QUIVER_QUERY_ENGINE_H_

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "graph/store.h"
#include "query/ast/ast.h"
#include "query/binder/binder.h"
#include "query/planner/planner.h"
#include "query/procedures/registry.h"
#include "quiver/result.h"
#include "quiver/value.h"

namespace quiver::query {

// A statement parsed, bound and planned. Operators keep no per-run state
// (PROFILE's counters aside: Run plans a PROFILE statement afresh each
// time), so one PreparedQuery may run on several threads at once.
struct PreparedQuery {
  ast::Statement st;
  Plan plan;
  // The parameters it needs, checked by Run.
  std::vector<ParameterNeed> params;
  // Bound to something of `local` (a procedure or function registered on
  // one store): valid for that store only.
  bool uses_local = false;
};

// `local` (may be null) holds procedures of this store only; it is searched
// before the global registry. Errors: the statement's compile-time errors.
absl::StatusOr<std::shared_ptr<PreparedQuery>> Prepare(std::string_view text,
                                                       const ProcedureRegistry* local);

// Runs `prepared` on `store`. `local` must be the registry it was prepared
// with. `snapshot` (may be null: a reader taken now) is the read state a
// read statement runs on, kept by a streaming Result for as long as it
// lives; a statement that writes is refused then (ReadSnapshot::Query).
// Errors: a missing parameter (compile time, as Prepare would give it with
// the parameters known), the statement's runtime errors.
absl::StatusOr<Result> Run(graph::Store& store, std::shared_ptr<PreparedQuery> prepared,
                           const ValueMap& params, const QueryOptions& options,
                           const ProcedureRegistry* local,
                           std::shared_ptr<const graph::Reader> snapshot = nullptr);

// Prepare (or a cached prepared statement of the same text) then Run.
absl::StatusOr<Result> Execute(graph::Store& store, std::string_view text,
                               const ValueMap& params, const QueryOptions& options,
                               const ProcedureRegistry* local,
                               std::shared_ptr<const graph::Reader> snapshot = nullptr);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_ENGINE_H_
