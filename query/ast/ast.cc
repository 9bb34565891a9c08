#include "query/ast/ast.h"

#include <utility>
#include <vector>

namespace quiver::query::ast {

namespace {

// Moves e's direct subexpressions to `out`, leaving e without any.
void TakeSubexpressions(Expr& e, std::vector<ExprPtr>* out) {
  for (ExprPtr& c : e.children)
    if (c) out->push_back(std::move(c));
  e.children.clear();
  if (e.case_subject) out->push_back(std::move(e.case_subject));
  for (auto& [when, then] : e.case_alternatives) {
    if (when) out->push_back(std::move(when));
    if (then) out->push_back(std::move(then));
  }
  e.case_alternatives.clear();
  if (e.case_else) out->push_back(std::move(e.case_else));
}

}  // namespace

Expr::~Expr() {
  // A chain of 100,000 ANDs is a left-deep tree 100,000 levels high; the
  // default destructor would release it 100,000 frames deep. Instead detach
  // each subtree we own alone and release it once it has no children.
  // Pattern parts inside expressions nest only as deep as the parser lets
  // brackets nest (query/parser/nesting.h), so they keep their destructors.
  std::vector<ExprPtr> pending;
  TakeSubexpressions(*this, &pending);
  while (!pending.empty()) {
    ExprPtr e = std::move(pending.back());
    pending.pop_back();
    if (e.use_count() == 1) TakeSubexpressions(*e, &pending);
  }
}

}  // namespace quiver::query::ast
