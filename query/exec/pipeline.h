// Running one pipeline (the operators of one UNION part) in streaming mode:
// rows are pushed through the streaming operators one at a time and reach
// `sink` as soon as they are made; an operator that needs all of its input
// (aggregation, sort, distinct) collects it and runs, in batch, once
// everything before it is done. A LIMIT that has its rows stops the
// operators that feed it. Read-only statements run this way (on a worker
// thread of their own, so that `sink` can pause the whole pipeline while
// the reader holds a page); updating statements and PROFILE run operator
// by operator (engine.cc).

#ifndef QUIVER_QUERY_EXEC_PIPELINE_H_
#define QUIVER_QUERY_EXEC_PIPELINE_H_

#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "query/exec/context.h"
#include "query/exec/operator.h"

namespace quiver::query {

// Runs `ops` on one empty input row. `sink` gets each output row; it may
// return StopStatus() to end the run early (not an error), or an error.
absl::Status RunStreaming(const std::vector<OperatorPtr>& ops, ExecContext& ctx,
                          const RowFn& sink);

// As RunStreaming, from the input row `start` (a subquery's, which holds
// the enclosing query's variables).
absl::Status RunStreamingFrom(const std::vector<OperatorPtr>& ops, Row start, ExecContext& ctx,
                              const RowFn& sink);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_PIPELINE_H_
