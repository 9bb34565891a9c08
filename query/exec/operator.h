// Operators: the steps of a plan. Each takes the rows produced so far and
// replaces them with its output (whole batches: simple, and the row limit
// bounds memory). Describe() gives the EXPLAIN lines; rows_out and micros
// are what PROFILE reports.

#ifndef QUIVER_QUERY_EXEC_OPERATOR_H_
#define QUIVER_QUERY_EXEC_OPERATOR_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "query/ast/ast.h"
#include "query/exec/context.h"
#include "query/planner/part_plan.h"

namespace quiver::query {

using RowFn = std::function<absl::Status(Row&)>;

// Per-run state of a streaming operator (operators themselves are shared by
// every run of a cached plan).
struct StreamState {
  int64_t skip = -1;
  int64_t limit = -1;
  int64_t seen = 0;
  bool done = false;  // Wants no more input (LIMIT reached).
};

// The status a streaming operator returns when it wants no more rows (a
// LIMIT reached): it unwinds the operators upstream of it like an error,
// and the pipeline runner (query/exec/pipeline.h) does not report it.
absl::Status StopStatus();
bool IsStop(const absl::Status& s);

class Operator {
 public:
  virtual ~Operator() = default;
  // Batch: replaces `rows` (all the input) with the output.
  virtual absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) = 0;
  // Streaming: operators that handle each input row on its own (match,
  // unwind, filter, projection, call, skip/limit) say so and get one row at a
  // time, calling `emit` per output row; the others (aggregation, sort,
  // distinct, writes) only run in batch, on everything before them.
  virtual bool Streams() const { return false; }
  virtual absl::Status Stream(ExecContext& ctx, Row& row, StreamState& state,
                              const RowFn& emit) {
    (void)ctx, (void)row, (void)state, (void)emit;
    return absl::InternalError("operator does not stream");
  }
  // First line: the operator; further lines: its steps (indented deeper).
  virtual std::vector<std::string> Describe(const std::string& source) const = 0;

  int64_t rows_out = 0;
  int64_t micros = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

// Execute for an operator that streams: each input row through Stream, the
// output rows collected (and counted against the row limit).
absl::Status ExecuteByStreaming(Operator& op, ExecContext& ctx, std::vector<Row>& rows);

// read_ops.cc
// The MATCH at clauses[i]; what later clauses read decides which pattern
// elements are loaded from the store (use_analysis.h, ReadSpecsFor).
OperatorPtr MakeMatchOp(const std::vector<ast::Clause>& clauses, size_t i);
// A MATCH whose rows feed only a following count(*) (CountFoldable): outputs
// that count as its one row, standing in for the aggregation too.
OperatorPtr MakeCountMatchOp(const ast::Clause& clause);
OperatorPtr MakeUnwindOp(const ast::Clause& clause, int width);
OperatorPtr MakeFilterOp(const ast::ExprPtr& predicate);
OperatorPtr MakeCallOp(const ast::Clause& clause, int width, std::shared_ptr<const Procedure> proc,
                       bool standalone);

// projection_ops.cc: WITH/RETURN become Projection or Aggregation, then
// Distinct, Sort (Top when a LIMIT follows), Skip/Limit.
void AddProjectionOps(const ast::Clause& clause, std::vector<OperatorPtr>* ops);

// write_ops.cc
OperatorPtr MakeCreateOp(const ast::Clause& clause, int width);
OperatorPtr MakeMergeOp(const ast::Clause& clause, int width);
OperatorPtr MakeSetOp(const std::vector<ast::SetItem>& items, const char* name);
OperatorPtr MakeRemoveOp(const ast::Clause& clause);
OperatorPtr MakeDeleteOp(const ast::Clause& clause);

// Shared by SET and MERGE's ON CREATE/ON MATCH.
absl::Status ApplySetItems(const std::vector<ast::SetItem>& items, Row& row, ExecContext& ctx);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_OPERATOR_H_
