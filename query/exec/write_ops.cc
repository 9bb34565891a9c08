// Updating operators: CREATE, MERGE, SET, REMOVE, DELETE. They run inside
// the statement's one WriteTxn; reads through it see the writes so far.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "query/exec/evaluator.h"
#include "query/exec/matcher.h"
#include "query/exec/operator.h"
#include "query/exec/value_ops.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::query {

namespace {

// Node properties minus the "aliases" the query language shows beside them.
ValueMap StorableProperties(const ValueMap& props) {
  ValueMap out;
  for (const auto& [k, v] : props) {
    if (v.is_null() || k == "aliases") continue;
    out[k] = v;
  }
  return out;
}

absl::Status CheckStorable(const std::string& key, const Value& v, const ast::Span& span,
                           ExecContext& ctx) {
  auto bad = [&] {
    return ctx.Error(ErrorType::kTypeError, &span,
                     absl::StrCat("property `", key, "` cannot hold a ", TypeNameOf(v)),
                     "InvalidPropertyType");
  };
  if (v.is_map() || v.is_node() || v.is_relationship() || v.is_path()) return bad();
  if (v.is_list()) {
    for (const auto& e : v.AsList()) {
      if (e.is_map() || e.is_node() || e.is_relationship() || e.is_path() || e.is_list())
        return bad();
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<ValueMap> EvalProperties(const ast::ExprPtr& e, const Row& row, ExecContext& ctx) {
  if (!e) return ValueMap();
  QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e, row, ctx));
  if (v.is_null()) return ValueMap();
  if (!v.is_map()) {
    return ctx.Error(ErrorType::kTypeError, &e->span, "properties must be a MAP",
                     "InvalidArgumentType");
  }
  for (const auto& [k, x] : v.AsMap()) QUIVER_RETURN_IF_ERROR(CheckStorable(k, x, e->span, ctx));
  return v.AsMap();
}

absl::Status CountNewProperties(const ValueMap& props, ExecContext& ctx) {
  for (const auto& [k, v] : props) if (!v.is_null()) ++ctx.stats.properties_set;
  return absl::OkStatus();
}

// Creates the unbound parts of `part` for one row.
absl::Status CreatePart(const ast::PatternPart& part, Row& row, ExecContext& ctx) {
  for (const auto& n : part.nodes) {
    Value& slot = row[size_t(n.slot)];
    if (n.bound || !slot.is_null()) {
      if (!slot.is_node()) {
        return ctx.Error(ErrorType::kSemanticError, &n.span,
                         absl::StrCat("cannot create a relationship from a missing node `",
                                      n.variable, "`"),
                         "VariableAlreadyBound");
      }
      continue;
    }
    QUIVER_ASSIGN_OR_RETURN(ValueMap props, EvalProperties(n.properties, row, ctx));
    ValueMap stored = StorableProperties(props);
    std::vector<std::string> aliases;
    auto it = props.find("aliases");
    if (it != props.end() && it->second.is_list()) {
      for (const auto& a : it->second.AsList()) if (a.is_string()) aliases.push_back(a.AsString());
    }
    auto id = ctx.txn->CreateNode(n.labels, stored, aliases);
    if (!id.ok()) {
      return ctx.Error(ErrorType::kConstraintVerificationFailed, &n.span, util::Std(id.status().message()));
    }
    ++ctx.stats.nodes_created;
    ctx.stats.labels_added += int64_t(n.labels.size());
    QUIVER_RETURN_IF_ERROR(CountNewProperties(stored, ctx));
    ctx.InvalidateCaches();
    QUIVER_ASSIGN_OR_RETURN(slot, ctx.NodeValueOf(*id));
  }
  for (size_t i = 0; i < part.rels.size(); ++i) {
    const auto& r = part.rels[i];
    uint64_t a = row[size_t(part.nodes[i].slot)].AsNode().id;
    uint64_t b = row[size_t(part.nodes[i + 1].slot)].AsNode().id;
    if (r.direction == ast::Direction::kLeft) std::swap(a, b);
    QUIVER_ASSIGN_OR_RETURN(ValueMap props, EvalProperties(r.properties, row, ctx));
    ValueMap stored = StorableProperties(props);
    auto id = ctx.txn->CreateEdge(a, r.types[0], b, stored);
    if (!id.ok()) {
      return ctx.Error(ErrorType::kEntityNotFound, &r.span, util::Std(id.status().message()), "EntityNotFound");
    }
    ++ctx.stats.relationships_created;
    QUIVER_RETURN_IF_ERROR(CountNewProperties(stored, ctx));
    ctx.InvalidateCaches();
    QUIVER_ASSIGN_OR_RETURN(row[size_t(r.slot)], ctx.RelValueOf(*id));
  }
  if (part.path_slot >= 0) {
    PathValue path;
    path.nodes.push_back(row[size_t(part.nodes[0].slot)].AsNode());
    for (size_t i = 0; i < part.rels.size(); ++i) {
      path.relationships.push_back(row[size_t(part.rels[i].slot)].AsRelationship());
      path.nodes.push_back(row[size_t(part.nodes[i + 1].slot)].AsNode());
    }
    row[size_t(part.path_slot)] = Value(std::move(path));
  }
  return absl::OkStatus();
}

class CreateOp : public Operator {
 public:
  CreateOp(const ast::Clause& c, int width) : clause_(c), width_(width) {}
  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    for (auto& row : rows) {
      row.resize(size_t(width_));
      for (const auto& part : clause_.patterns) QUIVER_RETURN_IF_ERROR(CreatePart(part, row, ctx));
    }
    return absl::OkStatus();
  }
  std::vector<std::string> Describe(const std::string& source) const override {
    return {"Create " + ExprTextOfClause(source)};
  }
  std::string ExprTextOfClause(const std::string& source) const {
    const auto& s = clause_.span;
    return s.end > s.begin && s.end <= source.size() ? source.substr(s.begin + 7, s.end - s.begin - 7) : "";
  }

 private:
  const ast::Clause& clause_;
  int width_;
};

class MergeOp : public Operator {
 public:
  MergeOp(const ast::Clause& c, int width) : clause_(c), width_(width) {
    plan_ = PlanPart(c.patterns[0], nullptr);
  }
  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    std::vector<Row> out;
    const ast::PatternPart& part = clause_.patterns[0];
    for (auto& row : rows) {
      row.resize(size_t(width_));
      for (const auto& n : part.nodes) {
        if (n.bound && row[size_t(n.slot)].is_null()) {
          return ctx.Error(ErrorType::kSemanticError, &n.span,
                           absl::StrCat("cannot merge a pattern with the null node `", n.variable, "`"),
                           "MergeReadOwnWrites");
        }
      }
      std::vector<Row> matches;
      std::vector<uint64_t> used;
      QUIVER_RETURN_IF_ERROR(MatchPart(plan_, row, used, ctx, [&](Row& r) {
        matches.push_back(r);
        return ctx.CheckRows(matches.size());
      }));
      if (!matches.empty()) {
        for (auto& m : matches) {
          QUIVER_RETURN_IF_ERROR(ApplySetItems(clause_.on_match, m, ctx));
          out.push_back(std::move(m));
        }
        continue;
      }
      for (const auto& n : part.nodes) {
        if (n.properties) {
          QUIVER_ASSIGN_OR_RETURN(Value props, Evaluate(*n.properties, row, ctx));
          if (props.is_map()) {
            for (const auto& [k, v] : props.AsMap()) {
              if (v.is_null()) {
                return ctx.Error(ErrorType::kSemanticError, &n.span,
                                 absl::StrCat("cannot merge a node with the null property `", k, "`"),
                                 "MergeReadOwnWrites");
              }
            }
          }
        }
      }
      QUIVER_RETURN_IF_ERROR(CreatePart(part, row, ctx));
      QUIVER_RETURN_IF_ERROR(ApplySetItems(clause_.on_create, row, ctx));
      out.push_back(std::move(row));
    }
    rows = std::move(out);
    return absl::OkStatus();
  }
  std::vector<std::string> Describe(const std::string& source) const override {
    std::vector<std::string> lines = {"Merge"};
    for (auto& l : DescribePart(plan_, source)) lines.push_back("  " + l);
    return lines;
  }

 private:
  const ast::Clause& clause_;
  int width_;
  PartPlan plan_;
};

absl::Status WriteNode(const Node& node, ExecContext& ctx) {
  QUIVER_RETURN_IF_ERROR(ctx.txn->UpdateNode(node));
  ctx.InvalidateCaches();
  return absl::OkStatus();
}

// Applies `fn` to the properties of the node or relationship `target`.
absl::Status UpdateProperties(const Value& target, const ast::Span& span, ExecContext& ctx,
                              const std::function<absl::Status(ValueMap&, std::vector<std::string>*)>& fn) {
  if (target.is_node()) {
    QUIVER_ASSIGN_OR_RETURN(auto node, ctx.txn->GetNode(target.AsNode().id));
    if (!node) return absl::OkStatus();  // deleted earlier in this statement
    QUIVER_RETURN_IF_ERROR(fn(node->properties, &node->aliases));
    return WriteNode(*node, ctx);
  }
  if (target.is_relationship()) {
    QUIVER_ASSIGN_OR_RETURN(auto rec, ctx.txn->GetEdgeRecord(target.AsRelationship().id));
    if (!rec) return absl::OkStatus();
    QUIVER_RETURN_IF_ERROR(fn(rec->properties, nullptr));
    QUIVER_RETURN_IF_ERROR(ctx.txn->UpdateEdgeProperties(target.AsRelationship().id, rec->properties));
    ctx.InvalidateCaches();
    return absl::OkStatus();
  }
  return ctx.Error(ErrorType::kTypeError, &span,
                   absl::StrCat("cannot set properties on a ", TypeNameOf(target)),
                   "InvalidArgumentType");
}

absl::Status SetOne(ValueMap& props, std::vector<std::string>* aliases, const std::string& key,
                    const Value& v, ExecContext& ctx) {
  if (key == "aliases" && aliases) {
    aliases->clear();
    if (v.is_list())
      for (const auto& a : v.AsList()) if (a.is_string()) aliases->push_back(a.AsString());
    ++ctx.stats.properties_set;
    return absl::OkStatus();
  }
  if (v.is_null()) {
    if (props.erase(key)) ++ctx.stats.properties_set;
  } else {
    props[key] = v;
    ++ctx.stats.properties_set;
  }
  return absl::OkStatus();
}

class SetOp : public Operator {
 public:
  SetOp(const std::vector<ast::SetItem>& items, const char* name) : items_(items), name_(name) {}
  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    for (auto& row : rows) QUIVER_RETURN_IF_ERROR(ApplySetItems(items_, row, ctx));
    return absl::OkStatus();
  }
  std::vector<std::string> Describe(const std::string&) const override { return {name_}; }

 private:
  const std::vector<ast::SetItem>& items_;
  std::string name_;
};

class RemoveOp : public Operator {
 public:
  explicit RemoveOp(const ast::Clause& c) : clause_(c) {}
  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    for (auto& row : rows) {
      for (const auto& item : clause_.remove_items) {
        if (!item.labels.empty()) {
          QUIVER_ASSIGN_OR_RETURN(Value target, Evaluate(*item.target, row, ctx));
          if (target.is_null()) continue;
          if (!target.is_node()) {
            return ctx.Error(ErrorType::kTypeError, &item.span, "labels belong to nodes",
                             "InvalidArgumentType");
          }
          QUIVER_ASSIGN_OR_RETURN(auto node, ctx.txn->GetNode(target.AsNode().id));
          if (!node) continue;
          for (const auto& l : item.labels) {
            auto it = std::find(node->labels.begin(), node->labels.end(), l);
            if (it != node->labels.end()) {
              node->labels.erase(it);
              ++ctx.stats.labels_removed;
            }
          }
          QUIVER_RETURN_IF_ERROR(WriteNode(*node, ctx));
          continue;
        }
        QUIVER_ASSIGN_OR_RETURN(Value target, Evaluate(*item.target->children[0], row, ctx));
        if (target.is_null()) continue;
        const std::string& key = item.target->name;
        QUIVER_RETURN_IF_ERROR(UpdateProperties(
            target, item.span, ctx, [&](ValueMap& props, std::vector<std::string>* aliases) {
              return SetOne(props, aliases, key, Value(), ctx);
            }));
      }
    }
    return absl::OkStatus();
  }
  std::vector<std::string> Describe(const std::string&) const override { return {"Remove"}; }

 private:
  const ast::Clause& clause_;
};

class DeleteOp : public Operator {
 public:
  explicit DeleteOp(const ast::Clause& c) : clause_(c) {}
  absl::Status Execute(ExecContext& ctx, std::vector<Row>& rows) override {
    // Relationships first, so DELETE r, n works in one clause.
    std::vector<std::pair<uint64_t, const ast::Expr*>> nodes;
    std::vector<uint64_t> rels;
    for (auto& row : rows) {
      for (const auto& e : clause_.delete_exprs) {
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e, row, ctx));
        QUIVER_RETURN_IF_ERROR(Collect(v, e.get(), ctx, &nodes, &rels));
      }
    }
    for (uint64_t r : rels) {
      absl::Status s = ctx.txn->DeleteEdge(r);
      if (s.ok()) ++ctx.stats.relationships_deleted;
      else if (!absl::IsNotFound(s)) return s;
    }
    for (const auto& [n, e] : nodes) {
      int64_t degree = 0;
      QUIVER_RETURN_IF_ERROR(ctx.txn->ScanAdjacent(n, Direction::kBoth, std::nullopt, std::nullopt,
                                                   [&](const graph::AdjEntry&) { ++degree; return true; }));
      absl::Status s = ctx.txn->DeleteNode(n, clause_.detach);
      if (s.ok()) {
        ++ctx.stats.nodes_deleted;
        ctx.stats.relationships_deleted += degree;
      } else if (absl::IsFailedPrecondition(s)) {
        return ctx.Error(ErrorType::kConstraintVerificationFailed, &e->span,
                         absl::StrCat("cannot delete node ", n,
                                      " because it still has relationships; use DETACH DELETE"),
                         "DeleteConnectedNode");
      } else if (!absl::IsNotFound(s)) {
        return s;
      }
    }
    ctx.InvalidateCaches();
    return absl::OkStatus();
  }
  std::vector<std::string> Describe(const std::string&) const override {
    return {clause_.detach ? "DetachDelete" : "Delete"};
  }

 private:
  absl::Status Collect(const Value& v, const ast::Expr* e, ExecContext& ctx,
                       std::vector<std::pair<uint64_t, const ast::Expr*>>* nodes,
                       std::vector<uint64_t>* rels) {
    switch (v.type()) {
      case Value::Type::kNull: return absl::OkStatus();
      case Value::Type::kNode: nodes->emplace_back(v.AsNode().id, e); return absl::OkStatus();
      case Value::Type::kRelationship: rels->push_back(v.AsRelationship().id); return absl::OkStatus();
      case Value::Type::kPath:
        for (const auto& r : v.AsPath().relationships) rels->push_back(r.id);
        for (const auto& n : v.AsPath().nodes) nodes->emplace_back(n.id, e);
        return absl::OkStatus();
      case Value::Type::kList:
        for (const auto& x : v.AsList()) QUIVER_RETURN_IF_ERROR(Collect(x, e, ctx, nodes, rels));
        return absl::OkStatus();
      default:
        return ctx.Error(ErrorType::kTypeError, &e->span,
                         absl::StrCat("DELETE needs a node, relationship or path, not ", TypeNameOf(v)),
                         "InvalidArgumentType");
    }
  }

  const ast::Clause& clause_;
};

}  // namespace

absl::Status ApplySetItems(const std::vector<ast::SetItem>& items, Row& row, ExecContext& ctx) {
  for (const auto& item : items) {
    switch (item.kind) {
      case ast::SetKind::kProperty: {
        QUIVER_ASSIGN_OR_RETURN(Value target, Evaluate(*item.target->children[0], row, ctx));
        if (target.is_null()) continue;
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*item.value, row, ctx));
        QUIVER_RETURN_IF_ERROR(CheckStorable(item.target->name, v, item.span, ctx));
        QUIVER_RETURN_IF_ERROR(UpdateProperties(
            target, item.span, ctx, [&](ValueMap& props, std::vector<std::string>* aliases) {
              return SetOne(props, aliases, item.target->name, v, ctx);
            }));
        break;
      }
      case ast::SetKind::kReplaceProperties:
      case ast::SetKind::kMergeProperties: {
        QUIVER_ASSIGN_OR_RETURN(Value target, Evaluate(*item.target, row, ctx));
        if (target.is_null()) continue;
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*item.value, row, ctx));
        ValueMap from;
        if (v.is_map()) from = v.AsMap();
        else if (v.is_node()) {
          QUIVER_ASSIGN_OR_RETURN(Value fresh, ctx.NodeValueOf(v.AsNode().id));
          from = StorableProperties(fresh.AsNode().properties);
        } else if (v.is_relationship()) {
          QUIVER_ASSIGN_OR_RETURN(Value fresh, ctx.RelValueOf(v.AsRelationship().id));
          from = fresh.AsRelationship().properties;
        } else if (!v.is_null()) {
          return ctx.Error(ErrorType::kTypeError, &item.span, "SET = needs a MAP",
                           "InvalidArgumentType");
        }
        for (const auto& [k, x] : from) QUIVER_RETURN_IF_ERROR(CheckStorable(k, x, item.span, ctx));
        bool replace = item.kind == ast::SetKind::kReplaceProperties;
        QUIVER_RETURN_IF_ERROR(UpdateProperties(
            target, item.span, ctx, [&](ValueMap& props, std::vector<std::string>* aliases) {
              if (replace) {
                for (const auto& [k, x] : props) {
                  if (!from.count(k)) ++ctx.stats.properties_set;
                }
                props.clear();
              }
              for (const auto& [k, x] : from) QUIVER_RETURN_IF_ERROR(SetOne(props, aliases, k, x, ctx));
              return absl::OkStatus();
            }));
        break;
      }
      case ast::SetKind::kLabels: {
        QUIVER_ASSIGN_OR_RETURN(Value target, Evaluate(*item.target, row, ctx));
        if (target.is_null()) continue;
        if (!target.is_node()) {
          return ctx.Error(ErrorType::kTypeError, &item.span, "labels belong to nodes",
                           "InvalidArgumentType");
        }
        QUIVER_ASSIGN_OR_RETURN(auto node, ctx.txn->GetNode(target.AsNode().id));
        if (!node) continue;
        for (const auto& l : item.labels) {
          if (std::find(node->labels.begin(), node->labels.end(), l) == node->labels.end()) {
            node->labels.push_back(l);
            ++ctx.stats.labels_added;
          }
        }
        QUIVER_RETURN_IF_ERROR(WriteNode(*node, ctx));
        break;
      }
    }
  }
  return absl::OkStatus();
}

OperatorPtr MakeCreateOp(const ast::Clause& c, int width) { return std::make_unique<CreateOp>(c, width); }
OperatorPtr MakeMergeOp(const ast::Clause& c, int width) { return std::make_unique<MergeOp>(c, width); }
OperatorPtr MakeSetOp(const std::vector<ast::SetItem>& items, const char* name) {
  return std::make_unique<SetOp>(items, name);
}
OperatorPtr MakeRemoveOp(const ast::Clause& c) { return std::make_unique<RemoveOp>(c); }
OperatorPtr MakeDeleteOp(const ast::Clause& c) { return std::make_unique<DeleteOp>(c); }

}  // namespace quiver::query
