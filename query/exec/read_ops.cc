// Reading operators: MATCH / OPTIONAL MATCH, UNWIND, filters, CALL.

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/ascii.h"
#include "query/exec/evaluator.h"
#include "query/exec/matcher.h"
#include "query/exec/operator.h"
#include "query/exec/value_ops.h"
#include "query/planner/use_analysis.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {

// WHERE: true keeps the row, false and null drop it, anything else is an error.
absl::StatusOr<bool> PassesWhere(const ast::ExprPtr& where, const Row& row, ExecContext& ctx) {
  QUIVER_ASSIGN_OR_RETURN(Value keep, Evaluate(*where, row, ctx));
  if (!keep.is_null() && !keep.is_bool()) {
    return ctx.Error(ErrorType::kTypeError, &where->span, "WHERE needs a BOOLEAN",
                     "InvalidArgumentType");
  }
  return IsTrue(keep);
}

// What MATCH and its count(*) fold share: the parts' plans, matched in
// order, then the WHERE.
class MatchPartsOp : public Operator {
 protected:
  MatchPartsOp(const ast::Clause& c, std::vector<CountSpec> specs)
      : clause_(c), width_(c.width), specs_(std::move(specs)) {
    for (const auto& part : c.patterns) plans_.push_back(PlanPart(part, c.where.get()));
  }

  std::vector<std::string> DescribeAs(std::string title, const std::string& source) const {
    std::vector<std::string> lines{std::move(title)};
    for (const auto& plan : plans_) {
      for (auto& l : DescribePart(plan, source)) lines.push_back("  " + l);
    }
    if (clause_.where) lines.push_back("  Filter " + ExprText(*clause_.where, source));
    return lines;
  }

  // Calls `out` per match of parts i.. that passes the WHERE; with `count`,
  // the matcher adds the matches of trailing free hops to it instead
  // (CountSpec::count_tail).
  absl::Status MatchFrom(size_t i, Row& row, std::vector<uint64_t>& used, ExecContext& ctx,
                         const RowFn& out, int64_t* count) {
    if (i == plans_.size()) {
      if (clause_.where) {
        QUIVER_ASSIGN_OR_RETURN(bool keep, PassesWhere(clause_.where, row, ctx));
        if (!keep) return absl::OkStatus();
      }
      return out(row);
    }
    return CountPart(plans_[i], specs_[i], row, used, ctx,
                     [&](Row& r) { return MatchFrom(i + 1, r, used, ctx, out, count); }, count);
  }

  const ast::Clause& clause_;
  int width_;
  std::vector<CountSpec> specs_;
  std::vector<PartPlan> plans_;
};

class MatchOp : public MatchPartsOp {
 public:
  MatchOp(const std::vector<ast::Clause>& clauses, size_t i)
      : MatchPartsOp(clauses[i], ReadSpecsFor(clauses, i)) {}

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    return ExecuteByStreaming(*this, ctx, rows);
  }

  bool Streams() const override { return true; }
  absl::Status Stream(ExecContext& ctx, Row& in, StreamState&, const RowFn& emit) override {
    Row row = std::move(in);
    row.resize(size_t(width_));
    std::vector<uint64_t> used;
    bool any = false;
    // `emit` may take the row apart; the matcher keeps binding in its own.
    RowFn out = [&](Row& r) {
      any = true;
      Row copy = r;
      return emit(copy);
    };
    QUIVER_RETURN_IF_ERROR(MatchFrom(0, row, used, ctx, out, nullptr));
    // No match: the pattern's new variables are null.
    if (clause_.optional && !any) return emit(row);
    return absl::OkStatus();
  }

  std::vector<std::string> Describe(const std::string& source) const override {
    return DescribeAs(clause_.optional ? "OptionalMatch" : "Match", source);
  }
};

// MATCH ... RETURN/WITH count(*) when nothing else reads the match's rows:
// counts matches per input row instead of building them (CountPart), and
// outputs the one row the aggregation would have.
class CountMatchOp : public MatchPartsOp {
 public:
  explicit CountMatchOp(const ast::Clause& c) : MatchPartsOp(c, CountSpecsFor(c)) {}

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    int64_t total = 0;
    RowFn count_one = [&](Row&) {
      ++total;
      return absl::OkStatus();
    };
    for (auto& in : rows) {
      Row row = std::move(in);
      row.resize(size_t(width_));
      std::vector<uint64_t> used;
      QUIVER_RETURN_IF_ERROR(MatchFrom(0, row, used, ctx, count_one, &total));
    }
    rows.assign(1, Row{Value(total)});
    return absl::OkStatus();
  }

  std::vector<std::string> Describe(const std::string& source) const override {
    return DescribeAs("MatchCount count(*)", source);
  }
};

class UnwindOp : public Operator {
 public:
  UnwindOp(const ast::Clause& c, int width) : clause_(c), width_(width) {}

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    return ExecuteByStreaming(*this, ctx, rows);
  }

  bool Streams() const override { return true; }
  absl::Status Stream(ExecContext& ctx, Row& row, StreamState&, const RowFn& emit) override {
    row.resize(size_t(width_));
    QUIVER_ASSIGN_OR_RETURN(std::optional<Range> range, LazyRange(ctx, row));
    if (range) {
      // UNWIND range(...): the integers one by one, never the whole list.
      for (int64_t i = range->from; range->step > 0 ? i <= range->to : i >= range->to;) {
        QUIVER_RETURN_IF_ERROR(ctx.Tick());
        Row r = row;
        r[size_t(clause_.slot)] = Value(i);
        QUIVER_RETURN_IF_ERROR(emit(r));
        if (__builtin_add_overflow(i, range->step, &i)) break;
      }
      return absl::OkStatus();
    }
    QUIVER_ASSIGN_OR_RETURN(Value list, Evaluate(*clause_.expr, row, ctx));
    if (list.is_null()) return absl::OkStatus();
    if (!list.is_list()) {
      row[size_t(clause_.slot)] = list;
      return emit(row);
    }
    for (const auto& item : list.AsList()) {
      Row r = row;
      r[size_t(clause_.slot)] = item;
      QUIVER_RETURN_IF_ERROR(emit(r));
    }
    return absl::OkStatus();
  }

  std::vector<std::string> Describe(const std::string& source) const override {
    return {absl::StrCat("Unwind ", ExprText(*clause_.expr, source), " AS ", clause_.variable)};
  }

 private:
  struct Range {
    int64_t from, to, step;
  };
  // range(a, b[, step]) with valid INTEGER arguments; nullopt for anything
  // else (including bad arguments: the evaluator reports those).
  absl::StatusOr<std::optional<Range>> LazyRange(ExecContext& ctx, const Row& row) const {
    const ast::Expr& e = *clause_.expr;
    if (e.kind != ast::ExprKind::kFunction || e.distinct ||
        (e.children.size() != 2 && e.children.size() != 3))
      return std::optional<Range>();
    if (absl::AsciiStrToLower(e.name) != "range") return std::optional<Range>();
    int64_t args[3] = {0, 0, 1};
    for (size_t i = 0; i < e.children.size(); ++i) {
      if (!e.children[i]) return std::optional<Range>();
      QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e.children[i], row, ctx));
      if (!v.is_int()) return std::optional<Range>();
      args[i] = v.AsInt();
    }
    if (args[2] == 0) return std::optional<Range>();
    return std::optional<Range>(Range{args[0], args[1], args[2]});
  }

  const ast::Clause& clause_;
  int width_;
};

class FilterOp : public Operator {
 public:
  explicit FilterOp(ast::ExprPtr p) : predicate_(std::move(p)) {}

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    return ExecuteByStreaming(*this, ctx, rows);
  }

  bool Streams() const override { return true; }
  absl::Status Stream(ExecContext& ctx, Row& row, StreamState&, const RowFn& emit) override {
    QUIVER_ASSIGN_OR_RETURN(bool keep, PassesWhere(predicate_, row, ctx));
    return keep ? emit(row) : absl::OkStatus();
  }

  std::vector<std::string> Describe(const std::string& source) const override {
    return {"Filter " + ExprText(*predicate_, source)};
  }

 private:
  ast::ExprPtr predicate_;
};

class CallOp : public Operator {
 public:
  CallOp(const ast::Clause& c, int width, std::shared_ptr<const Procedure> proc, bool standalone)
      : clause_(c), width_(width), proc_(std::move(proc)), standalone_(standalone) {}

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    return ExecuteByStreaming(*this, ctx, rows);
  }

  bool Streams() const override { return true; }
  absl::Status Stream(ExecContext& ctx, Row& row, StreamState&, const RowFn& emit) override {
    row.resize(size_t(width_));
    ValueList args;
    if (!clause_.args_given) {
      for (const auto& in : proc_->inputs) {
        auto it = ctx.params->find(in.name);
        if (it == ctx.params->end() && in.default_value) {
          args.push_back(*in.default_value);
          continue;
        }
        if (it == ctx.params->end()) {
          return MakeError(ErrorType::kSemanticError, Phase::kCompileTime,
                           absl::StrCat("procedure ", proc_->name, " needs parameter $", in.name),
                           *ctx.source, &clause_.span, "ParameterMissing");
        }
        args.push_back(it->second);
      }
    } else {
      for (const auto& a : clause_.args) {
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*a, row, ctx));
        args.push_back(std::move(v));
      }
    }
    for (size_t i = 0; i < args.size() && i < proc_->inputs.size(); ++i) {
      if (!ProcTypeAccepts(proc_->inputs[i].type, args[i])) {
        return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime,
                         absl::StrCat("procedure ", proc_->name, ": argument `",
                                      proc_->inputs[i].name, "` must be ",
                                      ProcTypeName(proc_->inputs[i].type), ", not ",
                                      TypeNameOf(args[i])),
                         *ctx.source, &clause_.span, "InvalidArgumentType");
      }
      if (proc_->inputs[i].type == ProcType::kFloat && args[i].is_int())
        args[i] = Value(double(args[i].AsInt()));
    }
    auto result = proc_->fn(*ctx.reader, args);
    if (!result.ok()) {
      return MakeError(ErrorType::kProcedureError, Phase::kRuntime,
                       absl::StrCat("procedure ", proc_->name, " failed: ",
                                    result.status().message()),
                       *ctx.source, &clause_.span, "ProcedureCallFailed");
    }
    for (auto& prow : *result) {
      Row r = row;
      for (size_t y = 0; y < clause_.yields.size(); ++y) {
        const std::string& col = clause_.yields[y].column;
        for (size_t o = 0; o < proc_->outputs.size() && o < prow.size(); ++o)
          if (proc_->outputs[o].name == col) r[size_t(clause_.yield_slots[y])] = prow[o];
      }
      if (clause_.where) {
        QUIVER_ASSIGN_OR_RETURN(Value keep, Evaluate(*clause_.where, r, ctx));
        if (!IsTrue(keep)) continue;
      }
      QUIVER_RETURN_IF_ERROR(emit(r));
    }
    if (proc_->outputs.empty() && !standalone_) return emit(row);
    return absl::OkStatus();
  }

  std::vector<std::string> Describe(const std::string&) const override {
    std::vector<std::string> cols;
    for (const auto& y : clause_.yields) cols.push_back(y.variable);
    return {absl::StrCat("ProcedureCall ", proc_->name,
                         cols.empty() ? "" : " YIELD " + absl::StrJoin(cols, ", "))};
  }

 private:
  const ast::Clause& clause_;
  int width_;
  std::shared_ptr<const Procedure> proc_;
  bool standalone_;
};

}  // namespace

OperatorPtr MakeMatchOp(const std::vector<ast::Clause>& clauses, size_t i) {
  return std::make_unique<MatchOp>(clauses, i);
}
OperatorPtr MakeCountMatchOp(const ast::Clause& c) {
  return std::make_unique<CountMatchOp>(c);
}
OperatorPtr MakeUnwindOp(const ast::Clause& c, int width) { return std::make_unique<UnwindOp>(c, width); }
OperatorPtr MakeFilterOp(const ast::ExprPtr& p) { return std::make_unique<FilterOp>(p); }
OperatorPtr MakeCallOp(const ast::Clause& c, int width, std::shared_ptr<const Procedure> proc,
                       bool standalone) {
  return std::make_unique<CallOp>(c, width, std::move(proc), standalone);
}

}  // namespace quiver::query
