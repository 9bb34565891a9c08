// AST builders for statements, queries and clauses.

#include "absl/strings/str_cat.h"
#include "query/parser/ast_builder.h"

namespace quiver::query {

using P = AstBuilder::P;

ast::Statement AstBuilder::BuildStatement(P::StatementContext* ctx) {
  ast::Statement st;
  if (ctx->EXPLAIN()) st.mode = ast::ExplainMode::kExplain;
  if (ctx->PROFILE()) st.mode = ast::ExplainMode::kProfile;
  auto* q = ctx->query();
  st.parts.push_back(BuildSingleQuery(q->singleQuery()));
  for (auto* u : q->unionPart()) {
    st.union_all.push_back(u->ALL() != nullptr);
    st.parts.push_back(BuildSingleQuery(u->singleQuery()));
  }
  st.has_call = has_call_;
  return st;
}

ast::SingleQuery AstBuilder::BuildSingleQuery(P::SingleQueryContext* ctx) {
  ast::SingleQuery q;
  for (auto* c : ctx->clause()) q.clauses.push_back(BuildClause(c));
  return q;
}

ast::Clause AstBuilder::BuildClause(P::ClauseContext* ctx) {
  ast::Clause c;
  if (auto* x = ctx->matchClause()) c = BuildMatch(x);
  else if (auto* x = ctx->unwindClause()) c = BuildUnwind(x);
  else if (auto* x = ctx->withClause()) c = BuildWith(x);
  else if (auto* x = ctx->returnClause()) c = BuildReturn(x);
  else if (auto* x = ctx->createClause()) c = BuildCreate(x);
  else if (auto* x = ctx->mergeClause()) c = BuildMerge(x);
  else if (auto* x = ctx->setClause()) c = BuildSet(x);
  else if (auto* x = ctx->removeClause()) c = BuildRemove(x);
  else if (auto* x = ctx->deleteClause()) c = BuildDelete(x);
  else if (auto* x = ctx->callClause()) c = BuildCall(x);
  c.span = SpanOf(ctx);
  return c;
}

ast::Clause AstBuilder::BuildMatch(P::MatchClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kMatch;
  c.optional = ctx->OPTIONAL() != nullptr;
  c.patterns = BuildPattern(ctx->pattern());
  if (ctx->whereClause()) c.where = BuildExpression(ctx->whereClause()->expression());
  return c;
}

ast::Clause AstBuilder::BuildUnwind(P::UnwindClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kUnwind;
  c.expr = BuildExpression(ctx->expression());
  c.variable = Name(ctx->variable()->symbolicName());
  return c;
}

ast::Projection AstBuilder::BuildProjection(P::ProjectionBodyContext* ctx) {
  ast::Projection p;
  p.span = SpanOf(ctx);
  p.distinct = ctx->DISTINCT() != nullptr;
  auto* items = ctx->projectionItems();
  p.star = items->getStart()->getText() == "*";
  for (auto* item : items->projectionItem()) {
    ast::ProjectionItem pi;
    pi.expr = BuildExpression(item->expression());
    pi.text = SourceText(item->expression());
    if (item->variable()) {
      pi.alias = Name(item->variable()->symbolicName());
      pi.has_alias = true;
    } else {
      pi.alias = SourceText(item->expression());
    }
    p.items.push_back(std::move(pi));
  }
  if (auto* order = ctx->orderClause()) {
    for (auto* s : order->sortItem()) {
      ast::SortItem si;
      si.expr = BuildExpression(s->expression());
      si.text = SourceText(s->expression());
      si.descending = s->DESC() || s->DESCENDING();
      p.order_by.push_back(std::move(si));
    }
  }
  if (ctx->skipClause()) p.skip = BuildExpression(ctx->skipClause()->expression());
  if (ctx->limitClause()) p.limit = BuildExpression(ctx->limitClause()->expression());
  return p;
}

ast::Clause AstBuilder::BuildWith(P::WithClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kWith;
  c.projection = BuildProjection(ctx->projectionBody());
  if (ctx->whereClause()) c.where = BuildExpression(ctx->whereClause()->expression());
  return c;
}

ast::Clause AstBuilder::BuildReturn(P::ReturnClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kReturn;
  c.projection = BuildProjection(ctx->projectionBody());
  return c;
}

ast::Clause AstBuilder::BuildCreate(P::CreateClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kCreate;
  c.patterns = BuildPattern(ctx->pattern());
  return c;
}

ast::Clause AstBuilder::BuildMerge(P::MergeClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kMerge;
  c.patterns.push_back(BuildPatternPart(ctx->patternPart()));
  for (auto* action : ctx->mergeAction()) {
    auto items = BuildSetItems(action->setClause());
    auto& to = action->MATCH() ? c.on_match : c.on_create;
    to.insert(to.end(), items.begin(), items.end());
  }
  return c;
}

std::vector<ast::SetItem> AstBuilder::BuildSetItems(P::SetClauseContext* ctx) {
  std::vector<ast::SetItem> items;
  for (auto* s : ctx->setItem()) {
    ast::SetItem item;
    item.span = SpanOf(s);
    if (auto* pe = s->propertyExpression()) {
      item.kind = ast::SetKind::kProperty;
      ast::ExprPtr target = BuildAtom(pe->atom());
      for (auto* lookup : pe->propertyLookup()) {
        auto prop = Make(ast::ExprKind::kProperty, lookup);
        prop->name = Name(lookup->schemaName());
        prop->children.push_back(target);
        target = prop;
      }
      item.target = target;
      item.value = BuildExpression(s->expression());
    } else {
      auto var = Make(ast::ExprKind::kVariable, s->variable());
      var->name = Name(s->variable()->symbolicName());
      item.target = var;
      if (s->nodeLabels()) {
        item.kind = ast::SetKind::kLabels;
        item.labels = BuildLabels(s->nodeLabels());
      } else {
        item.kind = s->getText().find("+=") != std::string::npos &&
                            s->children.size() > 1 &&
                            s->children[1]->getText() == "+="
                        ? ast::SetKind::kMergeProperties
                        : ast::SetKind::kReplaceProperties;
        item.value = BuildExpression(s->expression());
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

ast::Clause AstBuilder::BuildSet(P::SetClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kSet;
  c.set_items = BuildSetItems(ctx);
  return c;
}

ast::Clause AstBuilder::BuildRemove(P::RemoveClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kRemove;
  for (auto* r : ctx->removeItem()) {
    ast::RemoveItem item;
    item.span = SpanOf(r);
    if (r->variable()) {
      auto var = Make(ast::ExprKind::kVariable, r->variable());
      var->name = Name(r->variable()->symbolicName());
      item.target = var;
      item.labels = BuildLabels(r->nodeLabels());
    } else {
      auto* pe = r->propertyExpression();
      ast::ExprPtr target = BuildAtom(pe->atom());
      for (auto* lookup : pe->propertyLookup()) {
        auto prop = Make(ast::ExprKind::kProperty, lookup);
        prop->name = Name(lookup->schemaName());
        prop->children.push_back(target);
        target = prop;
      }
      item.target = target;
    }
    c.remove_items.push_back(std::move(item));
  }
  return c;
}

ast::Clause AstBuilder::BuildDelete(P::DeleteClauseContext* ctx) {
  ast::Clause c;
  c.kind = ast::ClauseKind::kDelete;
  c.detach = ctx->DETACH() != nullptr;
  for (auto* e : ctx->expression()) c.delete_exprs.push_back(BuildExpression(e));
  return c;
}

ast::Clause AstBuilder::BuildCall(P::CallClauseContext* ctx) {
  has_call_ = true;
  ast::Clause c;
  c.kind = ast::ClauseKind::kCall;
  std::vector<std::string> parts;
  parts.push_back(Name(ctx->procedureName()->symbolicName()));
  for (auto* n : ctx->procedureName()->schemaName()) parts.push_back(Name(n));
  for (size_t i = 0; i < parts.size(); ++i)
    c.procedure += (i ? "." : "") + parts[i];
  c.args_given = false;
  for (auto* child : ctx->children) {
    if (child->getText() == "(") c.args_given = true;
  }
  for (auto* e : ctx->expression()) c.args.push_back(BuildExpression(e));
  if (auto* y = ctx->yieldClause()) {
    c.yield_star = y->yieldItem().empty();
    for (auto* item : y->yieldItem()) {
      ast::YieldItem yi;
      yi.span = SpanOf(item);
      yi.variable = Name(item->variable()->symbolicName());
      yi.column = item->symbolicName() ? Name(item->symbolicName()) : yi.variable;
      c.yields.push_back(std::move(yi));
    }
    if (y->whereClause()) c.where = BuildExpression(y->whereClause()->expression());
  }
  return c;
}

}  // namespace quiver::query
