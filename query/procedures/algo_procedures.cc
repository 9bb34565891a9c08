// algo.* procedures: the graph algorithms (graph/algo/) from the query
// language.
//
//   CALL algo.pagerank({iterations: 20, damping: 0.85}) YIELD node, score
//   CALL algo.betweenness({sample: 100, direction: 'BOTH'}) YIELD node, score
//   CALL algo.wcc({}) YIELD node, component
//   CALL algo.scc({types: ['knows']}) YIELD node, component
//   CALL algo.degree({direction: 'INCOMING'}) YIELD node, degree
//   CALL algo.neighbourhood(n, 2) YIELD node, depth
//
// Config keys: types (list of relationship types; default all), direction
// ('OUTGOING' default, 'INCOMING', 'BOTH'), iterations and damping
// (pagerank), sample, seed and normalized (betweenness). Rows come in node
// id order (neighbourhood: by depth, then id), so results are deterministic.
//
// The snapshot is the statement's own view (Snapshot::ForReader): shared
// between statements while the store's topology is unchanged, and built
// afresh inside a writing statement, so it sees that statement's writes.

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "graph/algo/betweenness.h"
#include "graph/algo/components.h"
#include "graph/algo/degree.h"
#include "graph/algo/pagerank.h"
#include "graph/algo/traversal.h"
#include "graph/reader.h"
#include "graph/snapshot.h"
#include "graph/store.h"
#include "query/exec/context.h"
#include "query/procedures/registry.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::query {

namespace {

using graph::Snapshot;
using graph::Vertex;

struct Config {
  graph::algo::EdgeFilter filter;
  int iterations = 20;
  double damping = 0.85;
  uint32_t sample = 0;
  uint64_t seed = 1;
  bool normalized = false;
};

absl::Status Bad(std::string_view proc, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(std::string(proc), ": ", std::string(what)));
}

absl::StatusOr<Config> ParseConfig(std::string_view proc, const graph::Reader& reader,
                                   const Value& arg, std::initializer_list<std::string_view> allowed) {
  Config c;
  if (arg.is_null()) return c;
  for (const auto& [key, v] : arg.AsMap()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string keys;
      for (auto k : allowed) absl::StrAppend(&keys, keys.empty() ? "" : ", ", std::string(k));
      return Bad(proc, absl::StrCat("unknown config key '", key, "' (known: ", keys, ")"));
    }
    if (key == "types") {
      if (!v.is_list()) return Bad(proc, "types must be a list of strings");
      std::vector<graph::TermId> ids;
      for (const Value& t : v.AsList()) {
        if (!t.is_string()) return Bad(proc, "types must be a list of strings");
        // Term ids start at 1: 0 keeps an unknown type from meaning "all".
        ids.push_back(reader.FindTerm(t.AsString()).value_or(0));
      }
      c.filter.types = graph::algo::TypeSet(ids);
    } else if (key == "direction") {
      std::string d = v.is_string() ? absl::AsciiStrToUpper(util::Absl(v.AsString())) : "";
      if (d == "OUTGOING") {
        c.filter.direction = Direction::kOutgoing;
      } else if (d == "INCOMING") {
        c.filter.direction = Direction::kIncoming;
      } else if (d == "BOTH") {
        c.filter.direction = Direction::kBoth;
      } else {
        return Bad(proc, "direction must be 'OUTGOING', 'INCOMING' or 'BOTH'");
      }
    } else if (key == "iterations") {
      if (!v.is_int() || v.AsInt() < 0 || v.AsInt() > 10000) {
        return Bad(proc, "iterations must be an integer from 0 to 10000");
      }
      c.iterations = int(v.AsInt());
    } else if (key == "damping") {
      if (!v.is_number() || v.AsNumber() < 0 || v.AsNumber() > 1) {
        return Bad(proc, "damping must be a number from 0 to 1");
      }
      c.damping = v.AsNumber();
    } else if (key == "sample") {
      if (!v.is_int() || v.AsInt() < 0 || v.AsInt() > UINT32_MAX) {
        return Bad(proc, "sample must be a non-negative integer");
      }
      c.sample = uint32_t(v.AsInt());
    } else if (key == "seed") {
      if (!v.is_int()) return Bad(proc, "seed must be an integer");
      c.seed = uint64_t(v.AsInt());
    } else if (key == "normalized") {
      if (!v.is_bool()) return Bad(proc, "normalized must be a boolean");
      c.normalized = v.AsBool();
    }
  }
  return c;
}

absl::StatusOr<Value> NodeOf(const graph::Reader& reader, NodeId id) {
  QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
  if (!node) return absl::InternalError(absl::StrCat("node ", id, " vanished"));
  return Value(ToNodeValue(*node));
}

template <typename T>
absl::StatusOr<std::vector<ValueList>> PerNode(const graph::Reader& reader, const Snapshot& s,
                                               const std::vector<T>& values) {
  std::vector<ValueList> rows;
  rows.reserve(values.size());
  for (Vertex v = 0; v < values.size(); ++v) {
    QUIVER_ASSIGN_OR_RETURN(Value node, NodeOf(reader, s.node_id(v)));
    if constexpr (std::is_floating_point_v<T>) {
      rows.push_back({std::move(node), Value(double(values[v]))});
    } else {
      rows.push_back({std::move(node), Value(int64_t(values[v]))});
    }
  }
  return rows;
}

using Body = std::function<absl::StatusOr<std::vector<ValueList>>(
    const graph::Reader&, const Snapshot&, const ValueList&)>;

void Add(ProcedureRegistry& registry, std::string name, std::vector<ProcParam> inputs,
         std::vector<ProcParam> outputs, std::string description, Body body) {
  Procedure p;
  p.name = std::move(name);
  p.inputs = std::move(inputs);
  p.outputs = std::move(outputs);
  p.description = std::move(description);
  p.fn = [body = std::move(body)](const graph::Reader& reader, const ValueList& args)
      -> absl::StatusOr<std::vector<ValueList>> {
    QUIVER_ASSIGN_OR_RETURN(auto snap, Snapshot::ForReader(reader));
    return body(reader, *snap, args);
  };
  (void)registry.Register(std::move(p));
}

}  // namespace

void RegisterAlgoProcedures(ProcedureRegistry& registry) {
  // Every algorithm runs with its defaults when the configuration is left out.
  const ProcParam config{"config", ProcType::kMap, Value(ValueMap{})};
  const ProcParam node{"node", ProcType::kNode};
  Add(registry, "algo.pagerank", {config}, {node, {"score", ProcType::kFloat}},
      "PageRank of every node (config: iterations, damping, types, direction).",
      [](const graph::Reader& reader, const Snapshot& s, const ValueList& args)
          -> absl::StatusOr<std::vector<ValueList>> {
        QUIVER_ASSIGN_OR_RETURN(Config c, ParseConfig("algo.pagerank", reader, args[0],
                                                      {"iterations", "damping", "types", "direction"}));
        graph::algo::PageRankOptions o;
        o.iterations = c.iterations;
        o.damping = c.damping;
        o.filter = c.filter;
        return PerNode(reader, s, graph::algo::PageRank(s, o));
      });
  Add(registry, "algo.betweenness", {config}, {node, {"score", ProcType::kFloat}},
      "Betweenness centrality, Brandes (config: sample, seed, normalized, types, direction).",
      [](const graph::Reader& reader, const Snapshot& s, const ValueList& args)
          -> absl::StatusOr<std::vector<ValueList>> {
        QUIVER_ASSIGN_OR_RETURN(
            Config c, ParseConfig("algo.betweenness", reader, args[0],
                                  {"sample", "seed", "normalized", "types", "direction"}));
        graph::algo::BetweennessOptions o;
        o.filter = c.filter;
        o.sample = c.sample;
        o.seed = c.seed;
        o.normalized = c.normalized;
        return PerNode(reader, s, graph::algo::Betweenness(s, o));
      });
  Add(registry, "algo.wcc", {config}, {node, {"component", ProcType::kInt}},
      "Weakly connected components, numbered by smallest node id (config: types).",
      [](const graph::Reader& reader, const Snapshot& s, const ValueList& args)
          -> absl::StatusOr<std::vector<ValueList>> {
        QUIVER_ASSIGN_OR_RETURN(Config c, ParseConfig("algo.wcc", reader, args[0], {"types"}));
        return PerNode(reader, s, graph::algo::WeaklyConnectedComponents(s, c.filter.types));
      });
  Add(registry, "algo.scc", {config}, {node, {"component", ProcType::kInt}},
      "Strongly connected components, numbered by smallest node id (config: types).",
      [](const graph::Reader& reader, const Snapshot& s, const ValueList& args)
          -> absl::StatusOr<std::vector<ValueList>> {
        QUIVER_ASSIGN_OR_RETURN(Config c, ParseConfig("algo.scc", reader, args[0], {"types"}));
        return PerNode(reader, s, graph::algo::StronglyConnectedComponents(s, c.filter.types));
      });
  Add(registry, "algo.degree", {config}, {node, {"degree", ProcType::kInt}},
      "Degree of every node (config: direction, types).",
      [](const graph::Reader& reader, const Snapshot& s, const ValueList& args)
          -> absl::StatusOr<std::vector<ValueList>> {
        QUIVER_ASSIGN_OR_RETURN(
            Config c, ParseConfig("algo.degree", reader, args[0], {"direction", "types"}));
        return PerNode(reader, s, graph::algo::Degrees(s, c.filter));
      });
  Add(registry, "algo.neighbourhood", {node, {"k", ProcType::kInt}},
      {node, {"depth", ProcType::kInt}},
      "Nodes within k hops of a node, either direction: the node itself (depth 0) first.",
      [](const graph::Reader& reader, const Snapshot& s, const ValueList& args)
          -> absl::StatusOr<std::vector<ValueList>> {
        if (args[0].is_null() || args[1].is_null()) return std::vector<ValueList>();
        int64_t k = args[1].AsInt();
        if (k < 0) return Bad("algo.neighbourhood", "k must be >= 0");
        auto start = s.vertex(args[0].AsNode().id);
        if (!start) return std::vector<ValueList>();  // Created by this statement.
        graph::algo::EdgeFilter both;
        both.direction = Direction::kBoth;
        std::vector<ValueList> rows;
        for (const auto& r : graph::algo::Neighbourhood(s, *start, uint32_t(std::min<int64_t>(k, UINT32_MAX)), both)) {
          QUIVER_ASSIGN_OR_RETURN(Value n, NodeOf(reader, s.node_id(r.vertex)));
          rows.push_back({std::move(n), Value(int64_t(r.depth))});
        }
        return rows;
      });
}

}  // namespace quiver::query
