// AST builder for EXISTS { … } and COUNT { … } subqueries.

#include "query/parser/ast_builder.h"

namespace quiver::query {

using P = AstBuilder::P;

ast::ExprPtr AstBuilder::BuildSubquery(ast::ExprKind kind, antlr4::ParserRuleContext* atom,
                                       P::SubqueryBodyContext* body) {
  ast::ExprPtr e = Make(kind, atom);
  e->subquery = std::make_shared<ast::Subquery>();
  e->subquery->span = SpanOf(body);
  if (auto* q = body->singleQuery()) {
    e->subquery->clauses = BuildSingleQuery(q).clauses;
    return e;
  }
  // The short form { pattern WHERE … } is a MATCH without the keyword.
  ast::Clause match;
  match.kind = ast::ClauseKind::kMatch;
  match.span = SpanOf(body);
  match.patterns = BuildPattern(body->pattern());
  if (auto* where = body->whereClause()) match.where = BuildExpression(where->expression());
  e->subquery->clauses.push_back(std::move(match));
  return e;
}

}  // namespace quiver::query
