#include "query/parser/nesting.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "query/errors.h"

namespace quiver::query {

namespace {

using Pending = std::vector<std::pair<const ast::Expr*, int>>;

void PushPattern(const ast::PatternPart& part, int depth, Pending* pending) {
  for (const ast::NodePattern& n : part.nodes)
    if (n.properties) pending->emplace_back(n.properties.get(), depth);
  for (const ast::RelPattern& r : part.rels)
    if (r.properties) pending->emplace_back(r.properties.get(), depth);
}

void PushRoots(const ast::Clause& c, int depth, Pending* pending);

void PushSubexpressions(const ast::Expr& e, int depth, Pending* pending) {
  for (const ast::ExprPtr& c : e.children)
    if (c) pending->emplace_back(c.get(), depth);
  if (e.case_subject) pending->emplace_back(e.case_subject.get(), depth);
  for (const auto& [when, then] : e.case_alternatives) {
    if (when) pending->emplace_back(when.get(), depth);
    if (then) pending->emplace_back(then.get(), depth);
  }
  if (e.case_else) pending->emplace_back(e.case_else.get(), depth);
  if (e.pattern) PushPattern(*e.pattern, depth, pending);
  // A subquery's expressions sit one level below the EXISTS/COUNT holding it.
  if (e.subquery)
    for (const ast::Clause& c : e.subquery->clauses) PushRoots(c, depth, pending);
}

void PushRoots(const ast::Clause& c, int depth, Pending* pending) {
  auto push = [&](const ast::ExprPtr& e) {
    if (e) pending->emplace_back(e.get(), depth);
  };
  for (const ast::PatternPart& part : c.patterns) PushPattern(part, depth, pending);
  push(c.where);
  push(c.expr);
  for (const ast::ProjectionItem& item : c.projection.items) push(item.expr);
  for (const ast::SortItem& item : c.projection.order_by) push(item.expr);
  push(c.projection.skip);
  push(c.projection.limit);
  for (const auto* items : {&c.on_create, &c.on_match, &c.set_items}) {
    for (const ast::SetItem& item : *items) {
      push(item.target);
      push(item.value);
    }
  }
  for (const ast::RemoveItem& item : c.remove_items) push(item.target);
  for (const ast::ExprPtr& e : c.delete_exprs) push(e);
  for (const ast::ExprPtr& e : c.args) push(e);
}

}  // namespace

absl::Status CheckExpressionDepth(const ast::Statement& statement) {
  Pending pending;
  for (const ast::SingleQuery& q : statement.parts)
    for (const ast::Clause& c : q.clauses) PushRoots(c, 1, &pending);
  while (!pending.empty()) {
    const auto [e, depth] = pending.back();
    pending.pop_back();
    if (depth > kMaxExpressionDepth) {
      return MakeError(ErrorType::kLimitExceeded, Phase::kCompileTime,
                       absl::StrCat("the expression nests more than ", kMaxExpressionDepth,
                                    " levels deep (operands, brackets, CASE, NOT and "
                                    "operator chains each count a level)"),
                       statement.text, &e->span);
    }
    PushSubexpressions(*e, depth + 1, &pending);
  }
  return absl::OkStatus();
}

}  // namespace quiver::query
