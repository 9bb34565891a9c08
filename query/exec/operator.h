// Operators: the steps of a plan. Each takes the rows produced so far and
// replaces them with its output (whole batches: simple, and the row limit
// bounds memory). Describe() gives the EXPLAIN lines; rows_out and micros
// are what PROFILE reports.

#ifndef QUIVER_QUERY_EXEC_OPERATOR_H_
#define QUIVER_QUERY_EXEC_OPERATOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "query/ast/ast.h"
#include "query/exec/context.h"
#include "query/planner/part_plan.h"

namespace quiver::query {

class Operator {
 public:
  virtual ~Operator() = default;
  virtual absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) = 0;
  // First line: the operator; further lines: its steps (indented deeper).
  virtual std::vector<std::string> Describe(const std::string& source) const = 0;

  int64_t rows_out = 0;
  int64_t micros = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

// read_ops.cc
OperatorPtr MakeMatchOp(const ast::Clause& clause, int width);
// A MATCH whose rows feed only a following count(*) (CountFoldable): outputs
// that count as its one row, standing in for the aggregation too.
OperatorPtr MakeCountMatchOp(const ast::Clause& clause, int width);
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
