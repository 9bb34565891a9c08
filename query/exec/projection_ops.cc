// WITH / RETURN: projection or aggregation, DISTINCT, ORDER BY (top-k when a
// LIMIT follows), SKIP and LIMIT.

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "query/exec/evaluator.h"
#include "query/exec/operator.h"
#include "query/exec/value_ops.h"
#include "util/status_macros.h"
#include "util/temporal.h"

namespace quiver::query {

namespace {

using ast::ExprKind;


// Graph elements as they are now: an updating statement may have changed a
// node after it was bound.
absl::StatusOr<Value> Refresh(const Value& v, ExecContext& ctx) {
  if (!ctx.txn) return v;
  if (v.is_node()) {
    auto fresh = ctx.NodeValueOf(v.AsNode().id);
    return fresh.ok() ? *fresh : v;
  }
  if (v.is_relationship()) {
    auto fresh = ctx.RelValueOf(v.AsRelationship().id);
    return fresh.ok() ? *fresh : v;
  }
  if (v.is_list()) {
    ValueList out;
    for (const auto& e : v.AsList()) {
      QUIVER_ASSIGN_OR_RETURN(Value r, Refresh(e, ctx));
      out.push_back(std::move(r));
    }
    return Value(std::move(out));
  }
  return v;
}

class ProjectOp : public Operator {
 public:
  ProjectOp(const ast::Projection& p, bool keep_input) : p_(p), keep_input_(keep_input) {}

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    for (auto& row : rows) QUIVER_RETURN_IF_ERROR(Project(ctx, row));
    return absl::OkStatus();
  }

  bool Streams() const override { return true; }
  absl::Status Stream(ExecContext& ctx, Row& row, StreamState&, const RowFn& emit) override {
    QUIVER_RETURN_IF_ERROR(Project(ctx, row));
    return emit(row);
  }

  std::vector<std::string> Describe(const std::string&) const override {
    std::vector<std::string> cols;
    for (const auto& i : p_.items) if (!i.hidden) cols.push_back(i.alias);
    return {"Projection " + absl::StrJoin(cols, ", ")};
  }

 private:
  absl::Status Project(ExecContext& ctx, Row& row) {
    Row out;
    out.reserve(p_.items.size() + (keep_input_ ? row.size() : 0));
    for (const auto& item : p_.items) {
      QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*item.expr, row, ctx));
      QUIVER_ASSIGN_OR_RETURN(v, Refresh(v, ctx));
      out.push_back(std::move(v));
    }
    if (keep_input_) {
      row.resize(size_t(p_.input_width));
      for (auto& v : row) out.push_back(std::move(v));
    }
    row = std::move(out);
    return absl::OkStatus();
  }

  const ast::Projection& p_;
  bool keep_input_;
};

struct Accumulator {
  const ast::Expr* expr;
  std::string fn;
  int64_t count = 0;
  bool any_double = false;
  int64_t isum = 0;
  double dsum = 0;
  bool overflow = false;
  Value best;
  ValueList values;
  std::unordered_map<size_t, std::vector<Value>> seen;  // DISTINCT
  Value param;  // percentile
  // sum() and avg() of durations: their sum so far (null before the first).
  Value duration_sum;
};

void CollectAggregates(const ast::ExprPtr& e, std::vector<const ast::Expr*>* out) {
  if (!e) return;
  if (e->kind == ExprKind::kCountStar ||
      (e->kind == ExprKind::kFunction && e->has_aggregate && [&] {
        std::string n = e->name;
        for (auto& c : n) c = char(std::tolower(static_cast<unsigned char>(c)));
        return IsAggregateFunction(n);
      }())) {
    out->push_back(e.get());
    return;
  }
  for (const auto& c : e->children) CollectAggregates(c, out);
  if (e->case_subject) CollectAggregates(e->case_subject, out);
  for (const auto& [w, t] : e->case_alternatives) {
    CollectAggregates(w, out);
    CollectAggregates(t, out);
  }
  if (e->case_else) CollectAggregates(e->case_else, out);
}

class AggregateOp : public Operator {
 public:
  explicit AggregateOp(const ast::Projection& p) : p_(p) {
    for (const auto& item : p.items) {
      if (item.has_aggregate) CollectAggregates(item.expr, &aggregates_);
    }
  }

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    struct Group {
      Row first;
      std::vector<Accumulator> accs;
    };
    std::unordered_map<Row, size_t, RowHash, RowEq> index;
    std::vector<std::pair<Row, Group>> groups;
    auto new_group = [&](const Row& key, const Row& row) {
      Group g;
      g.first = row;
      for (const auto* a : aggregates_) {
        Accumulator acc;
        acc.expr = a;
        acc.fn = a->kind == ExprKind::kCountStar ? "count*" : a->name;
        for (auto& c : acc.fn) c = char(std::tolower(static_cast<unsigned char>(c)));
        g.accs.push_back(std::move(acc));
      }
      index.emplace(key, groups.size());
      groups.emplace_back(key, std::move(g));
      return groups.size() - 1;
    };
    for (auto& row : rows) {
      QUIVER_RETURN_IF_ERROR(ctx.Tick());
      Row key;
      for (const auto& item : p_.items) {
        if (item.has_aggregate) continue;
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*item.expr, row, ctx));
        key.push_back(std::move(v));
      }
      auto it = index.find(key);
      size_t gi = it == index.end() ? new_group(key, row) : it->second;
      for (auto& acc : groups[gi].second.accs) QUIVER_RETURN_IF_ERROR(Add(acc, row, ctx));
    }
    if (groups.empty() && p_.items.size() == CountAggregateItems()) {
      new_group(Row(), Row(size_t(p_.input_width)));
    }
    std::vector<Row> out;
    for (auto& [key, g] : groups) {
      std::unordered_map<const ast::Expr*, Value> values;
      for (auto& acc : g.accs) {
        QUIVER_ASSIGN_OR_RETURN(Value v, Finish(acc, ctx));
        values[acc.expr] = std::move(v);
      }
      ctx.aggregates = &values;
      Row r;
      size_t k = 0;
      for (const auto& item : p_.items) {
        if (!item.has_aggregate) {
          QUIVER_ASSIGN_OR_RETURN(Value v, Refresh(key[k++], ctx));
          r.push_back(std::move(v));
          continue;
        }
        auto v = Evaluate(*item.expr, g.first, ctx);
        if (!v.ok()) {
          ctx.aggregates = nullptr;
          return v.status();
        }
        r.push_back(std::move(*v));
      }
      ctx.aggregates = nullptr;
      out.push_back(std::move(r));
    }
    rows = std::move(out);
    return absl::OkStatus();
  }

  std::vector<std::string> Describe(const std::string&) const override {
    std::vector<std::string> keys, aggs;
    for (const auto& i : p_.items)
      if (!i.hidden) (i.has_aggregate ? aggs : keys).push_back(i.alias);
    return {absl::StrCat("Aggregation keys [", absl::StrJoin(keys, ", "), "] aggregates [",
                         absl::StrJoin(aggs, ", "), "]")};
  }

 private:
  size_t CountAggregateItems() const {
    size_t n = 0;
    for (const auto& i : p_.items) n += i.has_aggregate;
    return n;
  }

  absl::Status Add(Accumulator& acc, const Row& row, ExecContext& ctx) {
    if (acc.fn == "count*") {
      ++acc.count;
      return absl::OkStatus();
    }
    const ast::Expr& e = *acc.expr;
    if (e.children.empty()) {
      return ctx.Error(ErrorType::kSemanticError, &e.span,
                       absl::StrCat(e.name, "() needs an argument"), "InvalidNumberOfArguments");
    }
    QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e.children[0], row, ctx));
    if (e.children.size() > 1 && acc.param.is_null()) {
      QUIVER_ASSIGN_OR_RETURN(acc.param, Evaluate(*e.children[1], row, ctx));
    }
    if (v.is_null()) return absl::OkStatus();
    if (e.distinct) {
      auto& bucket = acc.seen[EquivalenceHash(v)];
      for (const auto& s : bucket)
        if (Equivalent(s, v)) return absl::OkStatus();
      bucket.push_back(v);
    }
    ++acc.count;
    const std::string& fn = acc.fn;
    if (fn == "count") return absl::OkStatus();
    if (fn == "collect") {
      acc.values.push_back(std::move(v));
      return ctx.CheckRows(acc.values.size());
    }
    if (fn == "min" || fn == "max") {
      if (acc.best.is_null()) acc.best = v;
      else {
        int c = OrderCompare(v, acc.best);
        if ((fn == "min" && c < 0) || (fn == "max" && c > 0)) acc.best = v;
      }
      return absl::OkStatus();
    }
    bool duration = v.is_temporal() && v.AsTemporal().kind == TemporalValue::Kind::kDuration;
    if (duration && (fn == "sum" || fn == "avg") && acc.values.empty()) {
      // Durations add up as durations (openCypher); mixed with numbers they
      // fall through to the error below.
      TemporalValue zero;
      zero.kind = TemporalValue::Kind::kDuration;
      const TemporalValue& so_far = acc.duration_sum.is_null() ? zero : acc.duration_sum.AsTemporal();
      auto sum = temporal::AddDurations(so_far, v.AsTemporal(), false);
      if (!sum.ok()) {
        return ctx.Error(ErrorType::kArgumentError, &e.span, std::string(sum.status().message()),
                         "InvalidArgumentValue");
      }
      acc.duration_sum = Value(*sum);
      return absl::OkStatus();
    }
    if (!v.is_number() || !acc.duration_sum.is_null()) {
      return ctx.Error(ErrorType::kTypeError, &e.span,
                       absl::StrCat(e.name, "() needs numbers or durations, not ",
                                    acc.duration_sum.is_null() ? "" : "a mix with ",
                                    TypeNameOf(v)),
                       "InvalidArgumentType");
    }
    if (v.is_double()) acc.any_double = true;
    if (v.is_int() && !acc.overflow) {
      if (__builtin_add_overflow(acc.isum, v.AsInt(), &acc.isum)) acc.overflow = true;
    }
    acc.dsum += v.AsNumber();
    acc.values.push_back(v);
    return absl::OkStatus();
  }

  absl::StatusOr<Value> Finish(Accumulator& acc, ExecContext& ctx) {
    const std::string& fn = acc.fn;
    if (fn == "count*" || fn == "count") return Value(acc.count);
    if (fn == "collect") return Value(std::move(acc.values));
    if (fn == "min" || fn == "max") return acc.best;
    if (!acc.duration_sum.is_null()) {
      if (fn == "sum") return acc.duration_sum;
      auto avg = temporal::DivideDuration(acc.duration_sum.AsTemporal(), double(acc.count));
      if (!avg.ok()) {
        return ctx.Error(ErrorType::kArgumentError, &acc.expr->span,
                         std::string(avg.status().message()), "InvalidArgumentValue");
      }
      return Value(*avg);
    }
    if (fn == "sum") {
      if (acc.any_double) return Value(acc.dsum);
      if (acc.overflow)
        return ctx.Error(ErrorType::kArgumentError, &acc.expr->span, "integer overflow in sum()",
                         "IntegerOverflow");
      return Value(acc.isum);
    }
    if (acc.values.empty()) return Value();
    if (fn == "avg") return Value(acc.dsum / double(acc.values.size()));
    std::vector<double> xs;
    for (const auto& v : acc.values) xs.push_back(v.AsNumber());
    if (fn == "stdev" || fn == "stdevp") {
      double mean = acc.dsum / double(xs.size());
      double ss = 0;
      for (double x : xs) ss += (x - mean) * (x - mean);
      size_t n = fn == "stdev" ? xs.size() - 1 : xs.size();
      return Value(n == 0 ? 0.0 : std::sqrt(ss / double(n)));
    }
    // percentileCont / percentileDisc
    if (!acc.param.is_number() || acc.param.AsNumber() < 0 || acc.param.AsNumber() > 1) {
      return ctx.Error(ErrorType::kArgumentError, &acc.expr->span,
                       "the percentile must be a number between 0.0 and 1.0",
                       "NumberOutOfRange");
    }
    double p = acc.param.AsNumber();
    std::vector<size_t> order(xs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return xs[a] < xs[b]; });
    if (fn == "percentiledisc") {
      size_t idx = p == 0 ? 0 : size_t(std::ceil(p * double(xs.size()))) - 1;
      return acc.values[order[std::min(idx, xs.size() - 1)]];
    }
    double pos = p * double(xs.size() - 1);
    size_t lo = size_t(std::floor(pos)), hi = size_t(std::ceil(pos));
    double frac = pos - double(lo);
    return Value(xs[order[lo]] + (xs[order[hi]] - xs[order[lo]]) * frac);
  }

  const ast::Projection& p_;
  std::vector<const ast::Expr*> aggregates_;
};

class DistinctOp : public Operator {
 public:
  explicit DistinctOp(size_t columns) : columns_(columns) {}
  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    std::unordered_map<Row, bool, RowHash, RowEq> seen;
    std::vector<Row> out;
    for (auto& row : rows) {
      Row key(row.begin(), row.begin() + std::min(columns_, row.size()));
      if (seen.emplace(std::move(key), true).second) out.push_back(std::move(row));
    }
    rows = std::move(out);
    return absl::OkStatus();
  }
  std::vector<std::string> Describe(const std::string&) const override { return {"Distinct"}; }

 private:
  size_t columns_;
};

absl::StatusOr<int64_t> CountOf(const ast::ExprPtr& e, const char* what, ExecContext& ctx) {
  QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e, Row(), ctx));
  if (v.is_double() && v.AsDouble() == std::floor(v.AsDouble())) {
    return ctx.Error(ErrorType::kSyntaxError, &e->span,
                     absl::StrCat(what, " needs an INTEGER, not ", v.ToString()),
                     "InvalidArgumentType");
  }
  if (!v.is_int()) {
    return ctx.Error(ErrorType::kSyntaxError, &e->span,
                     absl::StrCat(what, " needs an INTEGER, not ", v.ToString()),
                     "InvalidArgumentType");
  }
  if (v.AsInt() < 0) {
    return ctx.Error(ErrorType::kSyntaxError, &e->span,
                     absl::StrCat(what, " needs a non-negative INTEGER, not ", v.AsInt()),
                     "NegativeIntegerArgument");
  }
  return v.AsInt();
}

class SortOp : public Operator {
 public:
  explicit SortOp(const ast::Projection& p) : p_(p) {}

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    std::vector<std::pair<Row, size_t>> keyed;
    keyed.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      Row key;
      for (const auto& s : p_.order_by) {
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*s.expr, rows[i], ctx));
        key.push_back(std::move(v));
      }
      keyed.emplace_back(std::move(key), i);
    }
    auto less = [&](const std::pair<Row, size_t>& a, const std::pair<Row, size_t>& b) {
      for (size_t k = 0; k < p_.order_by.size(); ++k) {
        int c = OrderCompare(a.first[k], b.first[k]);
        if (c != 0) return p_.order_by[k].descending ? c > 0 : c < 0;
      }
      return a.second < b.second;  // stable
    };
    size_t keep = keyed.size();
    if (p_.limit) {
      QUIVER_ASSIGN_OR_RETURN(int64_t limit, CountOf(p_.limit, "LIMIT", ctx));
      int64_t skip = 0;
      if (p_.skip) { QUIVER_ASSIGN_OR_RETURN(skip, CountOf(p_.skip, "SKIP", ctx)); }
      keep = size_t(std::min<int64_t>(int64_t(keyed.size()), skip + limit));
    }
    if (keep < keyed.size()) {
      std::partial_sort(keyed.begin(), keyed.begin() + keep, keyed.end(), less);
      keyed.resize(keep);
    } else {
      std::sort(keyed.begin(), keyed.end(), less);
    }
    std::vector<Row> out;
    out.reserve(keyed.size());
    for (auto& [key, i] : keyed) out.push_back(std::move(rows[i]));
    rows = std::move(out);
    return absl::OkStatus();
  }

  std::vector<std::string> Describe(const std::string& source) const override {
    std::vector<std::string> keys;
    for (const auto& s : p_.order_by)
      keys.push_back(s.text + (s.descending ? " DESC" : ""));
    return {absl::StrCat(p_.limit ? "Top " : "Sort ", absl::StrJoin(keys, ", "))};
  }

 private:
  const ast::Projection& p_;
};

class SkipLimitOp : public Operator {
 public:
  SkipLimitOp(const ast::Projection& p, size_t columns, bool trim)
      : p_(p), columns_(columns), trim_(trim) {}

  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    int64_t skip = 0, limit = -1;
    if (p_.skip) { QUIVER_ASSIGN_OR_RETURN(skip, CountOf(p_.skip, "SKIP", ctx)); }
    if (p_.limit) { QUIVER_ASSIGN_OR_RETURN(limit, CountOf(p_.limit, "LIMIT", ctx)); }
    size_t from = size_t(std::min<int64_t>(skip, int64_t(rows.size())));
    size_t to = limit < 0 ? rows.size() : std::min(rows.size(), from + size_t(limit));
    std::vector<Row> out;
    out.reserve(to - from);
    for (size_t i = from; i < to; ++i) {
      if (trim_) rows[i].resize(columns_);
      out.push_back(std::move(rows[i]));
    }
    rows = std::move(out);
    return absl::OkStatus();
  }

  // Streaming, LIMIT stops whatever feeds it once its last row is out.
  bool Streams() const override { return true; }
  absl::Status Stream(ExecContext& ctx, Row& row, StreamState& st, const RowFn& emit) override {
    if (st.skip < 0) {
      st.skip = 0;
      if (p_.skip) { QUIVER_ASSIGN_OR_RETURN(st.skip, CountOf(p_.skip, "SKIP", ctx)); }
      if (p_.limit) { QUIVER_ASSIGN_OR_RETURN(st.limit, CountOf(p_.limit, "LIMIT", ctx)); }
    }
    if (st.limit >= 0 && st.seen >= st.skip + st.limit) {
      st.done = true;
      return StopStatus();
    }
    if (st.seen++ < st.skip) return absl::OkStatus();
    if (trim_) row.resize(columns_);
    QUIVER_RETURN_IF_ERROR(emit(row));
    if (st.limit >= 0 && st.seen >= st.skip + st.limit) {
      // The last row wanted: stop what feeds this operator now.
      st.done = true;
      return StopStatus();
    }
    return absl::OkStatus();
  }

  std::vector<std::string> Describe(const std::string& source) const override {
    std::string s;
    if (p_.skip) s += "Skip " + ExprText(*p_.skip, source);
    if (p_.limit) s += std::string(s.empty() ? "" : " ") + "Limit " + ExprText(*p_.limit, source);
    return {s.empty() ? "Project" : s};
  }

 private:
  const ast::Projection& p_;
  size_t columns_;
  bool trim_;
};

}  // namespace

void AddProjectionOps(const ast::Clause& clause, std::vector<OperatorPtr>* ops) {
  const ast::Projection& p = clause.projection;
  bool where = clause.kind == ast::ClauseKind::kWith && clause.where;
  bool keep_input = (!p.order_by.empty() || where) && !p.aggregates && !p.distinct;
  if (p.aggregates) ops->push_back(std::make_unique<AggregateOp>(p));
  else ops->push_back(std::make_unique<ProjectOp>(p, keep_input));
  size_t visible = 0;
  for (const auto& i : p.items) visible += !i.hidden;
  if (p.distinct) ops->push_back(std::make_unique<DistinctOp>(visible));
  if (!p.order_by.empty()) ops->push_back(std::make_unique<SortOp>(p));
  if (p.skip || p.limit || (keep_input && !where))
    ops->push_back(std::make_unique<SkipLimitOp>(p, p.items.size(), keep_input && !where));
  if (where) {
    ops->push_back(MakeFilterOp(clause.where));
    if (keep_input) {
      static const ast::Projection kNoLimits;
      ops->push_back(std::make_unique<SkipLimitOp>(kNoLimits, p.items.size(), true));
    }
  }
}

}  // namespace quiver::query
