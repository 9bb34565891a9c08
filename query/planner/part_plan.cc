#include "query/planner/part_plan.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace quiver::query {

namespace {

using ast::ExprKind;

// A usable seek value: no variables, so it can be evaluated before matching.
bool IsConstant(const ast::Expr& e) {
  if (e.kind == ExprKind::kVariable || e.kind == ExprKind::kPatternPredicate ||
      e.kind == ExprKind::kPatternComprehension || e.kind == ExprKind::kListComprehension ||
      e.kind == ExprKind::kQuantifier || e.kind == ExprKind::kExistsSubquery ||
      e.kind == ExprKind::kCountSubquery)
    return false;
  for (const auto& c : e.children)
    if (c && !IsConstant(*c)) return false;
  return e.kind != ExprKind::kCase;
}

ast::ExprPtr InlineName(const ast::NodePattern& n) {
  if (!n.properties || n.properties->kind != ExprKind::kMap) return nullptr;
  for (size_t i = 0; i < n.properties->keys.size(); ++i) {
    if (n.properties->keys[i] == "name" && IsConstant(*n.properties->children[i]))
      return n.properties->children[i];
  }
  return nullptr;
}

// WHERE ... AND n.name = value AND ...
void FindNameEqualities(const ast::Expr* e, int slot, ast::ExprPtr* out) {
  if (!e || *out) return;
  if (e->kind == ExprKind::kBinary && e->op == ast::Op::kAnd) {
    FindNameEqualities(e->children[0].get(), slot, out);
    FindNameEqualities(e->children[1].get(), slot, out);
    return;
  }
  if (e->kind != ExprKind::kComparison || e->ops.size() != 1 || e->ops[0] != ast::Op::kEq)
    return;
  for (int side = 0; side < 2; ++side) {
    const auto& prop = e->children[size_t(side)];
    const auto& value = e->children[size_t(1 - side)];
    if (prop->kind == ExprKind::kProperty && prop->name == "name" &&
        prop->children[0]->kind == ExprKind::kVariable && prop->children[0]->slot == slot &&
        IsConstant(*value)) {
      *out = value;
      return;
    }
  }
}

std::string NodeText(const ast::NodePattern& n) {
  std::string s = "(" + n.variable;
  for (const auto& l : n.labels) absl::StrAppend(&s, ":", l);
  return s + ")";
}

std::string RelText(const ast::RelPattern& r, bool forward) {
  std::string inner = r.variable;
  if (!r.types.empty()) absl::StrAppend(&inner, ":", absl::StrJoin(r.types, "|"));
  if (r.var_length) {
    absl::StrAppend(&inner, "*");
    if (r.min_hops) absl::StrAppend(&inner, *r.min_hops);
    if (!r.min_hops || !r.max_hops || *r.min_hops != *r.max_hops) {
      absl::StrAppend(&inner, "..");
      if (r.max_hops) absl::StrAppend(&inner, *r.max_hops);
    }
  }
  ast::Direction d = r.direction;
  if (!forward && d != ast::Direction::kBoth)
    d = d == ast::Direction::kRight ? ast::Direction::kLeft : ast::Direction::kRight;
  std::string body = inner.empty() ? "" : "[" + inner + "]";
  return (d == ast::Direction::kLeft ? "<-" : "-") + body +
         (d == ast::Direction::kRight ? "->" : "-");
}

}  // namespace

std::string ExprText(const ast::Expr& e, const std::string& source) {
  if (e.kind == ExprKind::kLiteral) return e.value.ToString();
  if (e.kind == ExprKind::kParameter) return "$" + e.name;
  if (e.span.end > e.span.begin && e.span.end <= source.size())
    return source.substr(e.span.begin, e.span.end - e.span.begin);
  return "?";
}

PartPlan PlanPart(const ast::PatternPart& part, const ast::Expr* where) {
  PartPlan plan;
  plan.part = &part;
  int best = 100;
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    const auto& n = part.nodes[i];
    ast::ExprPtr name = InlineName(n);
    if (!name) FindNameEqualities(where, n.slot, &name);
    StartKind kind = n.bound ? StartKind::kBound
                     : name ? StartKind::kNameSeek
                     : !n.labels.empty() ? StartKind::kLabelScan
                                         : StartKind::kAllNodes;
    plan.node_starts.push_back(kind);
    plan.node_names.push_back(name);
    int score = kind == StartKind::kBound ? 0 : kind == StartKind::kNameSeek ? 1
                : kind == StartKind::kLabelScan ? 2 : 4;
    if (score < best) {
      best = score;
      plan.start = kind;
      plan.start_node = i;
      plan.name = name;
      plan.label = n.labels.empty() ? "" : n.labels[0];
    }
  }
  if (best == 4 && part.shortest == ast::ShortestKind::kNone) {
    for (size_t i = 0; i < part.rels.size(); ++i) {
      const auto& r = part.rels[i];
      if (!r.types.empty() && !r.var_length && !r.bound) {
        plan.start = StartKind::kEdgeTypeScan;
        plan.start_node = i;
        break;
      }
    }
  }
  return plan;
}

std::vector<std::string> DescribePart(const PartPlan& plan, const std::string& source) {
  const ast::PatternPart& part = *plan.part;
  std::vector<std::string> lines;
  if (part.shortest != ast::ShortestKind::kNone) {
    for (size_t i = 0; i < 2; ++i) {
      const auto& n = part.nodes[i];
      StartKind k = plan.node_starts[i];
      if (k == StartKind::kBound) lines.push_back(absl::StrCat("Argument ", NodeText(n)));
      else if (k == StartKind::kNameSeek)
        lines.push_back(absl::StrCat("NodeByNameSeek ", NodeText(n), " name = ",
                                     ExprText(*plan.node_names[i], source)));
      else if (k == StartKind::kLabelScan)
        lines.push_back(absl::StrCat("NodeByLabelScan ", NodeText(n)));
      else lines.push_back(absl::StrCat("AllNodesScan ", NodeText(n)));
    }
    lines.push_back(absl::StrCat(
        part.shortest == ast::ShortestKind::kShortest ? "ShortestPath " : "AllShortestPaths ",
        NodeText(part.nodes[0]), RelText(part.rels[0], true), NodeText(part.nodes[1]),
        " (bidirectional BFS)"));
    return lines;
  }
  size_t s = plan.start_node;
  size_t fwd_from = s, back_from = s;
  switch (plan.start) {
    case StartKind::kBound:
      lines.push_back(absl::StrCat("Argument ", NodeText(part.nodes[s])));
      break;
    case StartKind::kNameSeek:
      lines.push_back(absl::StrCat("NodeByNameSeek ", NodeText(part.nodes[s]), " name = ",
                                   ExprText(*plan.name, source)));
      break;
    case StartKind::kLabelScan:
      lines.push_back(absl::StrCat("NodeByLabelScan ", NodeText(part.nodes[s])));
      break;
    case StartKind::kAllNodes:
      lines.push_back(absl::StrCat("AllNodesScan ", NodeText(part.nodes[s])));
      break;
    case StartKind::kEdgeTypeScan:
      lines.push_back(absl::StrCat("RelationshipTypeScan ", NodeText(part.nodes[s]),
                                   RelText(part.rels[s], true), NodeText(part.nodes[s + 1])));
      fwd_from = s + 1;
      back_from = s;
      break;
  }
  for (size_t i = fwd_from; i + 1 < part.nodes.size(); ++i) {
    lines.push_back(absl::StrCat(part.rels[i].var_length ? "VarLengthExpand " : "Expand ",
                                 NodeText(part.nodes[i]), RelText(part.rels[i], true),
                                 NodeText(part.nodes[i + 1])));
  }
  for (size_t i = back_from; i > 0; --i) {
    lines.push_back(absl::StrCat(part.rels[i - 1].var_length ? "VarLengthExpand " : "Expand ",
                                 NodeText(part.nodes[i]), RelText(part.rels[i - 1], false),
                                 NodeText(part.nodes[i - 1])));
  }
  return lines;
}

}  // namespace quiver::query
