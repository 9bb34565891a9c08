// query::Execute: the whole path of a statement: parse → bind → plan →
// execute. Read statements run on a snapshot; updating statements in one
// WriteTxn committed at the end (nothing is written when they fail).

#ifndef QUIVER_QUERY_ENGINE_H_
#define QUIVER_QUERY_ENGINE_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "graph/store.h"
#include "query/procedures/registry.h"
#include "quiver/result.h"
#include "quiver/value.h"

namespace quiver::query {

// `local` (may be null) holds procedures of this store only; it is searched
// before the global registry. `snapshot` (may be null: a reader taken now)
// is the read state a read statement runs on, kept by a streaming Result
// for as long as it lives; a statement that writes is refused then
// (ReadSnapshot::Query).
absl::StatusOr<Result> Execute(graph::Store& store, std::string_view text,
                               const ValueMap& params, const QueryOptions& options,
                               const ProcedureRegistry* local,
                               std::shared_ptr<const graph::Reader> snapshot = nullptr);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_ENGINE_H_
