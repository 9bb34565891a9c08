// RunReadStatement: a read-only statement run for a Result that pages.
// The statement runs on a worker thread of its own (query/exec/
// worker_pool.h) and pauses whenever the reader's page is full, so the
// Result may be read from any thread; one whose rows are known to fit in
// one page runs to its end on the caller's thread instead.

#ifndef QUIVER_QUERY_READ_STATEMENT_H_
#define QUIVER_QUERY_READ_STATEMENT_H_

#include <memory>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "query/engine.h"
#include "query/exec/context.h"
#include "quiver/result.h"

namespace quiver::query {

// Rows per page of a streaming result: Query returns once the first page is
// ready (or the statement is done), each Result::Next past a page fetches
// the next. Large enough that the switches cost nothing per row, small
// enough that a page is little memory.
inline constexpr size_t kPageRows = 1024;

// Makes the first page here (on the worker, waiting for it), so that most
// errors, and every error of a statement with fewer rows, come from Query;
// later errors end the Result's rows (Result::status()). `reader` is the
// statement's snapshot; it is released when the statement ends or its
// Result is destroyed, before that returns.
absl::StatusOr<Result> RunReadStatement(std::shared_ptr<PreparedQuery> prepared,
                                        const ValueMap& params, const QueryOptions& options,
                                        const ProcedureRegistry* local,
                                        std::shared_ptr<const graph::Reader> reader);

// What every run of `prepared` starts with: parameters, limits, the
// statement's text for error excerpts, the store's own procedures.
void InitContext(ExecContext& ctx, const PreparedQuery& prepared, const ValueMap& params,
                 const QueryOptions& options, const ProcedureRegistry* local);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_READ_STATEMENT_H_
