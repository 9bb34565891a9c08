// Binding WITH and RETURN: items, aggregation rules, ORDER BY, SKIP, LIMIT,
// and WITH's WHERE.

#include "query/binder/binder_impl.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "util/status_macros.h"

namespace quiver::query::binding {

// The source text an expression spans (its children included).
std::string Binder::TextOf(const Expr& e) const {
  size_t begin = e.span.begin, end = e.span.end;
  std::function<void(const Expr&)> walk = [&](const Expr& x) {
    if (x.span.end > x.span.begin) {
      begin = std::min(begin, x.span.begin);
      end = std::max(end, x.span.end);
    }
    for (const auto& c : x.children) if (c) walk(*c);
  };
  walk(e);
  if (end <= begin || end > st_.text.size()) return "";
  return st_.text.substr(begin, end - begin);
}

namespace {

ast::ExprPtr ColumnRef(const std::string& alias, int slot, const ast::Span& span) {
  auto var = std::make_shared<Expr>();
  var->kind = ExprKind::kVariable;
  var->name = alias;
  var->slot = slot;
  var->span = span;
  return var;
}

}  // namespace

ast::ExprPtr Binder::ReplaceItems(const ast::ExprPtr& e, const ast::Projection& p,
                                  size_t visible) const {
  if (!e) return e;
  std::string t = TextOf(*e);
  for (size_t i = 0; i < visible; ++i) {
    if (!t.empty() && (t == TextOf(*p.items[i].expr) || t == p.items[i].alias))
      return ColumnRef(p.items[i].alias, int(i), e->span);
  }
  auto copy = std::make_shared<Expr>(*e);
  for (auto& c : copy->children) c = ReplaceItems(c, p, visible);
  return copy;
}

const Expr* Binder::AmbiguousBesideAggregate(const Expr& key, const ast::Projection& p,
                                             size_t visible) const {
  if (!ContainsAggregate(key)) return nullptr;
  const std::string key_text = TextOf(key);
  for (size_t i = 0; i < visible; ++i)
    if (key_text == TextOf(*p.items[i].expr) || key_text == p.items[i].alias) return nullptr;
  // openCypher allows beside an aggregate only what is unambiguous per
  // group: constants, parameters, projected aliases and projected n.prop.
  std::function<const Expr*(const Expr&)> walk = [&](const Expr& e) -> const Expr* {
    if (IsAggregateCall(e)) return nullptr;
    const std::string t = TextOf(e);
    for (size_t i = 0; i < visible; ++i) {
      const ast::ProjectionItem& item = p.items[i];
      if (item.has_aggregate || t != TextOf(*item.expr)) continue;
      const Expr& x = *item.expr;
      bool simple = x.kind == ExprKind::kVariable ||
                    (x.kind == ExprKind::kProperty && x.children[0]->kind == ExprKind::kVariable);
      return simple ? nullptr : &e;
    }
    for (const auto& c : e.children)
      if (c)
        if (const Expr* bad = walk(*c)) return bad;
    return nullptr;
  };
  return walk(key);
}

// ORDER BY after aggregation or DISTINCT sees only the projected columns. A
// key that repeats a projected expression (ORDER BY a.name after WITH a.name
// AS name) sorts by that column; any other key (one with an aggregate, say)
// becomes a hidden column computed with the others.
absl::Status Binder::BindGroupedOrderBy(ast::Projection& p, const Scope& input,
                                        Scope& projected) {
  size_t visible = p.items.size();
  for (size_t k = 0; k < p.order_by.size(); ++k) {
    auto& s = p.order_by[k];
    if (p.aggregates) {
      if (const Expr* bad = AmbiguousBesideAggregate(*s.expr, p, visible)) {
        return Error(bad->span,
                     absl::StrCat("`", TextOf(*bad), "` is used beside an aggregate in ORDER BY; "
                                  "only projected variables and properties may be"),
                     "AmbiguousAggregationExpression");
      }
    }
    ast::ExprPtr replaced = ReplaceItems(s.expr, p, visible);
    Scope saved = scope_;
    scope_ = projected;
    absl::Status st = BindExpr(*replaced, false);
    scope_ = saved;
    if (st.ok()) {
      s.expr = replaced;
      s.bound = true;
      continue;
    }
    // After aggregation only the projected columns exist, also inside an
    // aggregate of the sort key (ORDER BY sum(x) where x was not projected).
    const Expr* undefined = FirstUndefined(*replaced, projected);
    const Expr* complex = nullptr;
    VariablesOutsideAggregates(*replaced, [&](const Expr& v) {
      if (v.slot >= 0 && size_t(v.slot) < visible &&
          p.items[size_t(v.slot)].expr->kind != ExprKind::kVariable && !complex)
        complex = &v;
    });
    if (undefined) {
      return Error(undefined->span, absl::StrCat("variable `", undefined->name, "` not defined"),
                   "UndefinedVariable");
    }
    if (complex && p.aggregates) {
      return Error(complex->span,
                   absl::StrCat("`", complex->name, "` is used beside an aggregate in ORDER BY "
                                "but is not a grouping key"),
                   "AmbiguousAggregationExpression");
    }
    // A hidden column, evaluated like the items (in the input scope, with
    // projected aliases standing for their expressions).
    std::function<ast::ExprPtr(const ast::ExprPtr&)> unalias = [&](const ast::ExprPtr& e) -> ast::ExprPtr {
      if (!e) return e;
      if (e->kind == ExprKind::kVariable && input.Find(e->name) < 0) {
        for (size_t i = 0; i < visible; ++i)
          if (p.items[i].alias == e->name) return p.items[i].expr;
      }
      auto copy = std::make_shared<Expr>(*e);
      for (auto& c : copy->children) c = unalias(c);
      return copy;
    };
    ast::ProjectionItem hidden;
    hidden.expr = unalias(s.expr);
    hidden.alias = absl::StrCat(" order ", k);
    hidden.has_alias = true;
    hidden.hidden = true;
    scope_ = input;
    st = BindExpr(*hidden.expr, true);
    scope_ = saved;
    if (!st.ok()) return st;
    hidden.has_aggregate = hidden.expr->has_aggregate;
    if (!p.aggregates && hidden.has_aggregate) {
      return Error(s.expr->span, "ORDER BY cannot aggregate when the projection does not",
                   "InvalidAggregation");
    }
    int slot = projected.Add("", VarKind::kAny);
    s.expr = ColumnRef(hidden.alias, slot, s.expr->span);
    s.bound = true;
    p.items.push_back(std::move(hidden));
  }
  return absl::OkStatus();
}

absl::Status Binder::BindProjection(ast::Clause& c, bool is_with) {
  ast::Projection& p = c.projection;
  p.input_width = scope_.width();
  if (p.star) {
    std::vector<ast::ProjectionItem> star;
    for (const auto& [name, slot] : scope_.visible()) {
      ast::ProjectionItem item;
      item.expr = std::make_shared<Expr>();
      item.expr->kind = ExprKind::kVariable;
      item.expr->name = name;
      item.expr->span = p.span;
      item.alias = name;
      item.has_alias = true;
      star.push_back(std::move(item));
    }
    if (star.empty() && p.items.empty() && !is_with) {
      return Error(p.span, is_with ? "WITH * needs variables in scope"
                                   : "RETURN * needs variables in scope",
                   "NoVariablesInScope");
    }
    p.items.insert(p.items.begin(), star.begin(), star.end());
  }
  std::set<std::string> aliases;
  for (auto& item : p.items) {
    QUIVER_RETURN_IF_ERROR(BindExpr(*item.expr, true));
    item.has_aggregate = item.expr->has_aggregate;
    p.aggregates |= item.has_aggregate;
  }
  // Beside an aggregate, an item may only use variables that are grouping
  // keys themselves (RETURN n, n.x + count(*) is ambiguous).
  std::set<std::string> key_variables;
  std::set<std::string> key_texts;
  for (const auto& item : p.items) {
    if (item.has_aggregate) continue;
    if (item.expr->kind == ExprKind::kVariable) key_variables.insert(item.expr->name);
    key_texts.insert(TextOf(*item.expr));
  }
  // Only simple keys (n.prop) may be repeated beside an aggregate; a larger
  // expression, even when projected, is ambiguous (as in Neo4j).
  auto is_key = [&](const Expr& x) {
    return x.kind == ExprKind::kProperty && x.children[0]->kind == ExprKind::kVariable &&
           key_texts.count(TextOf(x)) > 0;
  };
  for (const auto& item : p.items) {
    if (!item.has_aggregate || item.expr->kind == ExprKind::kFunction ||
        item.expr->kind == ExprKind::kCountStar)
      continue;
    const Expr* bad = nullptr;
    VariablesOutsideAggregates(
        *item.expr, [&](const Expr& v) {
          // Comprehension variables are local (bound past the input row).
          bool local = v.slot >= p.input_width;
          if (!local && !key_variables.count(v.name) && !bad) bad = &v;
        },
        is_key);
    if (bad) {
      return Error(bad->span,
                   absl::StrCat("`", bad->name, "` is used beside an aggregate but is not a "
                                "grouping key; project it on its own"),
                   "AmbiguousAggregationExpression");
    }
  }
  for (auto& item : p.items) {
    if (is_with && !item.has_alias && item.expr->kind != ExprKind::kVariable) {
      return Error(item.expr->span, "expression in WITH must be aliased (use AS)",
                   "NoExpressionAlias");
    }
    if (!aliases.insert(item.alias).second) {
      return Error(item.expr->span,
                   absl::StrCat("multiple result columns with the same name `", item.alias, "`"),
                   "ColumnNameConflict");
    }
  }
  // The new scope: projected columns first, then (for ORDER BY only) the
  // input variables behind them.
  Scope old = scope_;
  Scope projected;
  std::map<int, Value::Type> new_types;
  for (auto& item : p.items) {
    if (auto t = KnownType(*item.expr)) new_types[projected.width()] = *t;
    auto static_type = StaticType(*item.expr);
    VarKind kind = item.expr->kind == ExprKind::kVariable ? old.KindOf(item.expr->slot)
                   : static_type && *static_type != Value::Type::kNull ? VarKind::kValue
                                                                        : VarKind::kAny;
    projected.Add(item.alias, kind);
  }
  Scope extended = projected;
  if (!p.order_by.empty() || (is_with && c.where)) {
    if (!p.aggregates && !p.distinct) {
      // Input variables, shadowed by the projected aliases.
      Scope shifted;
      for (int i = 0; i < int(p.items.size()); ++i) shifted.Add("", VarKind::kAny);
      std::vector<std::pair<std::string, int>> vis(old.visible().begin(), old.visible().end());
      std::vector<VarKind> kinds;
      for (int i = 0; i < old.width(); ++i) shifted.Add("", old.KindOf(i));
      extended = projected;
      for (int i = 0; i < old.width(); ++i) extended.Add("", old.KindOf(i));
      for (const auto& [name, slot] : vis) {
        if (projected.Find(name) < 0) {
          // Make `name` visible at its shifted slot.
          Scope tmp = extended;
          (void)tmp;
        }
      }
      // Rebuild visibility: projected names win.
      Scope rebuilt;
      for (int i = 0; i < int(p.items.size()); ++i)
        rebuilt.Add(p.items[size_t(i)].alias, projected.KindOf(i));
      for (int i = 0; i < old.width(); ++i) {
        std::string name;
        for (const auto& [n, s] : vis)
          if (s == i && projected.Find(n) < 0) name = n;
        rebuilt.Add(name, old.KindOf(i));
      }
      extended = rebuilt;
    }
    scope_ = extended;
    if (p.aggregates || p.distinct) {
      QUIVER_RETURN_IF_ERROR(BindGroupedOrderBy(p, old, projected));
      extended = projected;
      scope_ = extended;
    }
    for (auto& s : p.order_by) {
      if (s.bound) continue;
      // ORDER BY an expression that is also a projected item sorts by it.
      for (size_t i = 0; i < p.items.size(); ++i) {
        if (s.text == p.items[i].alias) {
          auto var = std::make_shared<Expr>();
          var->kind = ExprKind::kVariable;
          var->name = p.items[i].alias;
          var->span = s.expr->span;
          s.expr = var;
          break;
        }
      }
      absl::Status st = BindExpr(*s.expr, false);
      if (!st.ok()) {
        scope_ = old;
        return st;
      }
    }
  }
  scope_ = projected;
  slot_types_ = std::move(new_types);
  for (ast::ExprPtr* e : {&p.skip, &p.limit}) {
    if (!*e) continue;
    Scope saved = scope_;
    scope_ = Scope();
    absl::Status st = BindExpr(**e, false);
    scope_ = saved;
    if (!st.ok()) {
      return Error((*e)->span, "SKIP and LIMIT need a constant expression",
                   "NonConstantExpression");
    }
    if ((*e)->kind == ExprKind::kLiteral) {
      const Value& v = (*e)->value;
      if (!v.is_int() || v.AsInt() < 0) {
        return Error((*e)->span,
                     absl::StrCat(e == &p.skip ? "SKIP" : "LIMIT",
                                  " needs a non-negative integer, not ", v.ToString()),
                     v.is_int() ? "NegativeIntegerArgument" : "InvalidArgumentType");
      }
    }
  }
  if (is_with && c.where) {
    // WITH ... WHERE also sees the variables before the WITH, unless the
    // projection aggregates or is DISTINCT.
    Scope saved = scope_;
    if (!p.aggregates && !p.distinct) {
      scope_ = extended;
    } else {
      size_t visible = 0;
      for (const auto& i : p.items) visible += !i.hidden;
      c.where = ReplaceItems(c.where, p, visible);
    }
    absl::Status st = BindExpr(*c.where, false);
    scope_ = saved;
    QUIVER_RETURN_IF_ERROR(st);
  }
  return absl::OkStatus();
}

}  // namespace quiver::query::binding
