// Binding patterns (MATCH, CREATE, MERGE, pattern expressions) and SET items.

#include "query/binder/binder_impl.h"

#include "absl/strings/str_cat.h"
#include "util/status_macros.h"

namespace quiver::query::binding {

absl::Status Binder::BindPattern(ast::PatternPart& part, bool creating, bool in_expression,
                                 std::set<std::string>* rel_names) {
  if (!part.path_variable.empty()) {
    bool clash = scope_.Find(part.path_variable) >= 0;
    for (const auto& n : part.nodes) clash |= n.variable == part.path_variable;
    for (const auto& r : part.rels) clash |= r.variable == part.path_variable;
    if (clash) {
      return Error(part.span, absl::StrCat("variable `", part.path_variable, "` already declared"),
                   "VariableAlreadyBound");
    }
  }
  if (!creating && !in_expression) {
    for (const auto& n : part.nodes) {
      if (n.properties && n.properties->kind == ExprKind::kParameter) {
        return Error(n.properties->span, "a parameter cannot be used as a property map in MATCH",
                     "InvalidParameterUse");
      }
    }
    for (const auto& r : part.rels) {
      if (r.properties && r.properties->kind == ExprKind::kParameter) {
        return Error(r.properties->span, "a parameter cannot be used as a property map in MATCH",
                     "InvalidParameterUse");
      }
    }
  }
  // Variables bound before this pattern part are checked, not bound again;
  // a variable repeated inside the part shares the first mention's slot.
  const std::map<std::string, int> before = scope_.visible();
  for (auto& n : part.nodes) {
    int slot = n.variable.empty() ? -1 : scope_.Find(n.variable);
    if (slot >= 0 && !before.count(n.variable)) {
      QUIVER_RETURN_IF_ERROR(CheckKind(n.variable, n.span, slot, VarKind::kNode));
      n.slot = slot;
      n.bound = false;
    } else if (slot >= 0) {
      QUIVER_RETURN_IF_ERROR(CheckKind(n.variable, n.span, slot, VarKind::kNode));
      scope_.SetKind(slot, VarKind::kNode);
      n.slot = slot;
      n.bound = true;
      if (creating && (!n.labels.empty() || n.properties || part.nodes.size() == 1)) {
        return Error(n.span, absl::StrCat("variable `", n.variable, "` already declared"),
                     "VariableAlreadyBound");
      }
    } else {
      n.slot = scope_.Add(n.variable, VarKind::kNode);
      n.bound = false;
    }
  }
  for (auto& r : part.rels) {
    int slot = r.variable.empty() ? -1 : scope_.Find(r.variable);
    if (creating) {
      if (slot >= 0) {
        return Error(r.span, absl::StrCat("variable `", r.variable, "` already declared"),
                     "VariableAlreadyBound");
      }
      if (r.types.size() != 1) {
        return Error(r.span, "a relationship to create needs exactly one type",
                     "NoSingleRelationshipType");
      }
      if (r.direction == ast::Direction::kBoth) {
        return Error(r.span, "only directed relationships can be created",
                     "RequiresDirectedRelationship");
      }
      if (r.var_length) {
        return Error(r.span, "a variable-length relationship cannot be created",
                     "CreatingVarLength");
      }
    }
    if (rel_names && !r.variable.empty()) {
      if (!rel_names->insert(r.variable).second) {
        return Error(r.span, absl::StrCat("cannot use the same relationship variable `",
                                          r.variable, "` for multiple relationships"),
                     "RelationshipUniquenessViolation");
      }
    }
    VarKind kind = r.var_length ? VarKind::kRelList : VarKind::kRel;
    if (slot >= 0) {
      VarKind have = scope_.KindOf(slot);
      auto known = slot_types_.find(slot);
      bool list_value = have == VarKind::kValue && known != slot_types_.end() &&
                        known->second == Value::Type::kList;
      if (have != VarKind::kAny && have != kind && !(r.var_length && list_value)) {
        return Error(r.span, absl::StrCat("variable `", r.variable, "` is ", KindName(have),
                                          ", not ", KindName(kind)),
                     "VariableTypeConflict");
      }
      r.slot = slot;
      r.bound = true;
    } else {
      r.slot = scope_.Add(r.variable, kind);
    }
  }
  if (!part.path_variable.empty()) part.path_slot = scope_.Add(part.path_variable, VarKind::kPath);
  for (auto& n : part.nodes) {
    if (n.properties) QUIVER_RETURN_IF_ERROR(BindExpr(*n.properties, false));
  }
  for (auto& r : part.rels) {
    if (r.properties) QUIVER_RETURN_IF_ERROR(BindExpr(*r.properties, false));
  }
  (void)in_expression;
  return absl::OkStatus();
}

absl::Status Binder::BindSetItems(std::vector<ast::SetItem>& items) {
  for (auto& item : items) {
    QUIVER_RETURN_IF_ERROR(BindExpr(*item.target, false));
    if (item.value) QUIVER_RETURN_IF_ERROR(BindExpr(*item.value, false));
  }
  return absl::OkStatus();
}

}  // namespace quiver::query::binding
