#include "query/exec/context.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "graph/store.h"
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
      auto cached = reader->store().snapshots().Cached(*reader);
      if (cached.ok()) snapshot = *std::move(cached);  // An error: use the store.
    }
  }
  return snapshot.get();
}

const graph::Snapshot* ExecContext::BuildSnapshot() {
  if (CachedSnapshot() != nullptr || txn != nullptr || snapshot_build_tried ||
      !options.build_snapshot)
    return snapshot.get();
  snapshot_build_tried = true;
  // The store's one snapshot cache shares the build with every statement,
  // procedure and API call that reads the same store state; an error leaves
  // the statement on the store's indexes.
  auto built = reader->store().snapshots().Get(*reader);
  if (built.ok()) snapshot = *std::move(built);
  return snapshot.get();
}

namespace {

// A store scan of one node's adjacency costs ~5-10 µs, a snapshot build
// ~0.2 µs per edge: after edges/200 scans (at least 256) a statement has
// spent about a third of a build on the store, and the build also serves
// every later statement on the same store state.
int64_t ScansBeforeSnapshotBuild(const graph::Reader& reader) {
  return std::max<int64_t>(256, reader.store().counters().edges / 200);
}

}  // namespace

const graph::Snapshot* ExecContext::SnapshotAfterStoreScan() {
  if (const graph::Snapshot* s = CachedSnapshot()) return s;
  if (txn != nullptr || snapshot_build_tried) return nullptr;
  if (store_scans == 0) store_scan_budget = ScansBeforeSnapshotBuild(*reader);
  if (++store_scans < store_scan_budget) return nullptr;
  return BuildSnapshot();
}

}  // namespace quiver::query
