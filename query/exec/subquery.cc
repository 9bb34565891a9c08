#include "query/exec/subquery.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "query/exec/evaluator.h"
#include "query/exec/matcher.h"
#include "query/exec/value_ops.h"
#include "query/planner/part_plan.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {

// Matches the subquery's MATCH clauses one after the other, as a query's
// MATCH clauses are: relationship uniqueness within a clause, not across.
class SubqueryRun {
 public:
  SubqueryRun(const ast::Subquery& sq, ExecContext& ctx, int64_t limit)
      : ctx_(ctx), limit_(limit) {
    for (const ast::Clause& c : sq.clauses) {
      if (c.kind != ast::ClauseKind::kMatch) continue;  // RETURN: rows count as they are
      matches_.push_back(&c);
      std::vector<PartPlan> plans;
      for (const auto& part : c.patterns) plans.push_back(PlanPart(part, c.where.get()));
      plans_.push_back(std::move(plans));
    }
  }

  absl::StatusOr<int64_t> Run(Row& row) {
    absl::Status s = Clause(0, row);
    // Reaching the limit unwinds the matcher with an error; only that one
    // is not a failure.
    if (!s.ok() && !(stopped_ && count_ >= limit_)) return s;
    return count_;
  }

 private:
  absl::Status Clause(size_t c, Row& row) {
    if (c == matches_.size()) {
      if (++count_ >= limit_) {
        stopped_ = true;
        return absl::CancelledError("subquery limit reached");
      }
      return absl::OkStatus();
    }
    std::vector<uint64_t> used;
    return Part(c, 0, row, used);
  }

  absl::Status Part(size_t c, size_t p, Row& row, std::vector<uint64_t>& used) {
    if (p == plans_[c].size()) {
      if (const ast::ExprPtr& where = matches_[c]->where) {
        QUIVER_ASSIGN_OR_RETURN(Value keep, Evaluate(*where, row, ctx_));
        if (!keep.is_null() && !keep.is_bool()) {
          return ctx_.Error(ErrorType::kTypeError, &where->span, "WHERE needs a BOOLEAN",
                            "InvalidArgumentType");
        }
        if (!IsTrue(keep)) return absl::OkStatus();
      }
      return Clause(c + 1, row);
    }
    return MatchPart(plans_[c][p], row, used, ctx_,
                     [&](Row& r) { return Part(c, p + 1, r, used); });
  }

  ExecContext& ctx_;
  const int64_t limit_;
  std::vector<const ast::Clause*> matches_;
  std::vector<std::vector<PartPlan>> plans_;
  int64_t count_ = 0;
  bool stopped_ = false;
};

}  // namespace

absl::StatusOr<int64_t> CountSubqueryRows(const ast::Subquery& subquery, const Row& row,
                                          ExecContext& ctx, int64_t limit) {
  Row local = row;
  if (local.size() < size_t(subquery.width)) local.resize(size_t(subquery.width));
  // The subquery's own variables start unbound, even where the row (of a
  // comprehension, say) reuses their slots.
  for (const ast::Clause& c : subquery.clauses) {
    for (const auto& part : c.patterns) {
      for (const auto& n : part.nodes) if (!n.bound) local[size_t(n.slot)] = Value();
      for (const auto& r : part.rels) if (!r.bound) local[size_t(r.slot)] = Value();
      if (part.path_slot >= 0) local[size_t(part.path_slot)] = Value();
    }
  }
  SubqueryRun run(subquery, ctx, std::max<int64_t>(limit, 1));
  return run.Run(local);
}

}  // namespace quiver::query
