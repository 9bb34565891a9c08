// quiver::algo: the public algorithm calls, on the store's cached snapshot
// of its current state (graph/snapshot_cache.h) and graph/algo/.

#include "quiver/algorithms.h"

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "graph/algo/betweenness.h"
#include "graph/algo/components.h"
#include "graph/algo/degree.h"
#include "graph/algo/pagerank.h"
#include "graph/algo/traversal.h"
#include "graph/snapshot.h"
#include "quiver/database.h"
#include "util/status_macros.h"

namespace quiver::algo {

namespace {

using graph::Snapshot;
using SnapshotPtr = std::shared_ptr<const Snapshot>;

// Term ids start at 1, so 0 stands for a type the store does not know: it
// keeps the set non-empty (not "every type") while matching no edge.
graph::algo::TypeSet Types(const graph::Store& store, const std::vector<std::string>& names) {
  std::vector<graph::TermId> ids;
  for (const auto& name : names) ids.push_back(store.FindTerm(name).value_or(0));
  return graph::algo::TypeSet(ids);
}

graph::algo::EdgeFilter Filter(const graph::Store& store, const AlgoFilter& f) {
  graph::algo::EdgeFilter out;
  out.direction = f.direction;
  out.types = Types(store, f.types);
  return out;
}

absl::StatusOr<graph::Vertex> VertexOf(const Snapshot& s, NodeId id) {
  auto v = s.vertex(id);
  if (!v) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  return *v;
}

template <typename Out, typename T>
std::vector<Out> ByNode(const Snapshot& s, const std::vector<T>& values) {
  std::vector<Out> out(values.size());
  for (graph::Vertex v = 0; v < values.size(); ++v) out[v] = Out{s.node_id(v), values[v]};
  return out;
}

}  // namespace

absl::StatusOr<std::vector<NodeScore>> PageRank(Database& db, const PageRankOptions& options) {
  if (options.iterations < 0 || !(options.damping >= 0 && options.damping <= 1)) {
    return absl::InvalidArgumentError(
        "pagerank: iterations must be >= 0 and damping between 0 and 1");
  }
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr s, store.snapshots().Current(store));
  graph::algo::PageRankOptions o;
  o.iterations = options.iterations;
  o.damping = options.damping;
  o.filter = Filter(store, options.filter);
  return ByNode<NodeScore>(*s, graph::algo::PageRank(*s, o));
}

absl::StatusOr<std::vector<NodeScore>> Betweenness(Database& db,
                                                   const BetweennessOptions& options) {
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr s, store.snapshots().Current(store));
  graph::algo::BetweennessOptions o;
  o.filter = Filter(store, options.filter);
  o.sample = options.sample;
  o.seed = options.seed;
  o.normalized = options.normalized;
  return ByNode<NodeScore>(*s, graph::algo::Betweenness(*s, o));
}

absl::StatusOr<std::vector<NodeComponent>> WeaklyConnectedComponents(
    Database& db, const std::vector<std::string>& types) {
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr s, store.snapshots().Current(store));
  return ByNode<NodeComponent>(
      *s, graph::algo::WeaklyConnectedComponents(*s, Types(store, types)));
}

absl::StatusOr<std::vector<NodeComponent>> StronglyConnectedComponents(
    Database& db, const std::vector<std::string>& types) {
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr s, store.snapshots().Current(store));
  return ByNode<NodeComponent>(
      *s, graph::algo::StronglyConnectedComponents(*s, Types(store, types)));
}

absl::StatusOr<std::vector<NodeDegree>> Degrees(Database& db, const AlgoFilter& filter) {
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr s, store.snapshots().Current(store));
  return ByNode<NodeDegree>(*s, graph::algo::Degrees(*s, Filter(store, filter)));
}

absl::StatusOr<std::vector<NodeAtDepth>> Neighbourhood(Database& db, NodeId start, int k,
                                                       const AlgoFilter& filter) {
  if (k < 0) return absl::InvalidArgumentError("neighbourhood: k must be >= 0");
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr s, store.snapshots().Current(store));
  QUIVER_ASSIGN_OR_RETURN(graph::Vertex v, VertexOf(*s, start));
  std::vector<NodeAtDepth> out;
  for (const auto& r : graph::algo::Neighbourhood(*s, v, k, Filter(store, filter))) {
    out.push_back(NodeAtDepth{s->node_id(r.vertex), static_cast<int>(r.depth)});
  }
  return out;
}

absl::StatusOr<std::optional<Path>> ShortestPath(Database& db, NodeId from, NodeId to,
                                                 const AlgoFilter& filter, int max_hops) {
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  QUIVER_ASSIGN_OR_RETURN(SnapshotPtr s, store.snapshots().Current(store));
  QUIVER_ASSIGN_OR_RETURN(graph::Vertex a, VertexOf(*s, from));
  QUIVER_ASSIGN_OR_RETURN(graph::Vertex b, VertexOf(*s, to));
  auto found = graph::algo::ShortestPath(*s, a, b, Filter(store, filter),
                                         max_hops < 0 ? 0 : uint32_t(max_hops));
  if (!found) return std::optional<Path>();
  Path path;
  for (graph::Vertex v : found->vertices) path.nodes.push_back(s->node_id(v));
  path.edges = found->edges;
  return std::optional<Path>(std::move(path));
}

}  // namespace quiver::algo
