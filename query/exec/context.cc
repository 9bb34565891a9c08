#include "query/exec/context.h"

#include "absl/strings/str_cat.h"
#include "util/status_macros.h"

namespace quiver::query {

NodeValue ToNodeValue(const Node& node) {
  NodeValue v;
  v.id = node.id;
  v.labels = node.labels;
  v.properties = node.properties;
  // Loaded nodes list their own name among their aliases; show the list
  // only when it says more than the name.
  bool more = false;
  auto name = node.properties.find("name");
  for (const auto& a : node.aliases) {
    if (name == node.properties.end() || !name->second.is_string() ||
        a != name->second.AsString())
      more = true;
  }
  if (more) {
    ValueList aliases;
    for (const auto& a : node.aliases) aliases.emplace_back(a);
    v.properties["aliases"] = Value(std::move(aliases));
  }
  return v;
}

absl::StatusOr<Value> ExecContext::NodeValueOf(uint64_t id) {
  auto it = node_cache.find(id);
  if (it != node_cache.end()) return it->second;
  QUIVER_ASSIGN_OR_RETURN(auto node, reader->GetNode(id));
  if (!node) {
    return Error(ErrorType::kEntityNotFound, nullptr,
                 absl::StrCat("node ", id, " does not exist (deleted?)"), "DeletedEntityAccess");
  }
  Value v(ToNodeValue(*node));
  node_cache.emplace(id, v);
  return v;
}

absl::StatusOr<Value> ExecContext::RelValueOf(uint64_t id) {
  auto it = rel_cache.find(id);
  if (it != rel_cache.end()) return it->second;
  QUIVER_ASSIGN_OR_RETURN(auto edge, reader->GetEdge(id));
  if (!edge) {
    return Error(ErrorType::kEntityNotFound, nullptr,
                 absl::StrCat("relationship ", id, " does not exist (deleted?)"),
                 "DeletedEntityAccess");
  }
  RelationshipValue r;
  r.id = id;
  r.src = edge->src;
  r.dst = edge->dst;
  r.type = std::move(edge->type);
  r.properties = std::move(edge->properties);
  Value v(std::move(r));
  rel_cache.emplace(id, v);
  return v;
}

const graph::Snapshot* ExecContext::CachedSnapshot() {
  if (!snapshot_checked) {
    snapshot_checked = true;
    if (txn == nullptr) {
      auto cached = graph::Snapshot::CachedForReader(*reader);
      if (cached.ok()) snapshot = *std::move(cached);  // An error: use the store.
    }
  }
  return snapshot.get();
}

}  // namespace quiver::query
