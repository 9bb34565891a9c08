// algo_bench: graph algorithms on the 1M-edge benchmark graph.
//
//   python3 ../shared/bench/gen_graph.py --out /tmp/quiver-bench
//   build/release/bench/algo_bench /tmp/quiver-bench [STORE]
//
// Builds STORE (default /tmp/quiver-algo-bench-store) with the bulk loader
// in a child process when it does not exist yet, then times snapshot build,
// PageRank (20 iterations), WCC, SCC, betweenness (exact on a 10k-node
// induced subgraph, sampled on the whole graph) and shortest paths. Every
// answer is checked before its time is printed: shortest distances against
// params.json; PageRank, WCC, SCC and betweenness against second
// implementations (a push-style PageRank over the CSV edge list, Boost's
// connected_components / strong_components / brandes on an adjacency_list).
// Peak memory is taken after the timed work, before the references run.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <nlohmann/json.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_join.h"
#include "bench/bench_graph.h"
#include "graph/algo/betweenness.h"
#include "graph/algo/components.h"
#include "graph/algo/pagerank.h"
#include "graph/algo/traversal.h"
#include "graph/reader.h"
#include "graph/snapshot.h"
#include "graph/store.h"

namespace {

using namespace quiver;
using namespace quiver::graph;
using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

double PeakMiB() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "algo_bench: " << what << "\n";
  std::exit(1);
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> out;
  std::istringstream in(bench::ReadFileOrExit(path));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

void Load(Store* store, std::string_view entities, const std::string& csv,
          const std::vector<bench::CsvEdge>& edges, const std::string& source) {
  auto r = bench::BulkLoadBenchmarkGraph(store, entities, csv, edges, source);
  if (!r.ok()) Die(std::string(r.status().message()));
}

// Runs `fn` `runs` times; returns the median milliseconds.
double Median(int runs, const std::function<void()>& fn) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t = Clock::now();
    fn();
    ms.push_back(Ms(t));
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

std::vector<uint32_t> Canonical(const std::vector<int>& label) {
  std::vector<uint32_t> out(label.size());
  absl::flat_hash_map<int, uint32_t> renamed;
  for (size_t v = 0; v < label.size(); ++v) {
    out[v] = renamed.emplace(label[v], uint32_t(renamed.size())).first->second;
  }
  return out;
}

// Vertex of every entity name, through the store's name index.
std::vector<Vertex> VerticesOf(const Reader& reader, const Snapshot& snap,
                               const std::vector<std::string>& names) {
  std::vector<Vertex> out;
  for (const auto& name : names) {
    auto ids = reader.FindNodesByName(name);
    if (!ids.ok() || ids->size() != 1) Die("no single node named " + name);
    out.push_back(*snap.vertex(ids->at(0)));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) Die("usage: algo_bench DATA_DIR [STORE]");
  const std::string data = argv[1];
  const std::string store_path = argc > 2 ? argv[2] : "/tmp/quiver-algo-bench-store";
  const nlohmann::json params = nlohmann::json::parse(bench::ReadFileOrExit(data + "/params.json"));
  const std::string csv = bench::ReadFileOrExit(data + "/edges.csv");
  const std::vector<bench::CsvEdge> edges = bench::ParseEdgesCsv(csv);

  if (!std::filesystem::exists(store_path)) {
    std::cout << "building " << store_path << " with the bulk loader ..." << std::endl;
    pid_t pid = fork();
    if (pid == 0) {
      auto store = Store::Open(store_path, {});
      if (!store.ok()) Die(std::string(store.status().message()));
      Load(store->get(), bench::ReadFileOrExit(data + "/entities.csv"), csv, edges, "edges.csv");
      _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) Die("building the store failed");
  }
  Options options;
  options.create_if_missing = false;
  auto opened = Store::Open(store_path, options);
  if (!opened.ok()) Die(std::string(opened.status().message()));
  Store& store = **opened;

  // Snapshot build: the first one reads from disk, the rest mostly from the
  // block cache; both are reported.
  auto t = Clock::now();
  auto built = Snapshot::Build(*store.NewReader());
  if (!built.ok()) Die(std::string(built.status().message()));
  double build_first = Ms(t);
  std::shared_ptr<const Snapshot> snap = *built;
  double build_ms = Median(3, [&] { (void)Snapshot::Build(*store.NewReader()); });
  const uint32_t n = snap->num_vertices();
  if (n != params["nodes"].get<uint32_t>() || snap->num_edges() != params["edges"].get<size_t>()) {
    Die("snapshot size differs from params.json");
  }

  algo::PageRankOptions pr_options;  // 20 iterations, damping 0.85.
  std::vector<double> pr;
  double pr_ms = Median(5, [&] { pr = algo::PageRank(*snap, pr_options); });
  std::vector<uint32_t> wcc, scc;
  double wcc_ms = Median(5, [&] { wcc = algo::WeaklyConnectedComponents(*snap, {}); });
  double scc_ms = Median(3, [&] { scc = algo::StronglyConnectedComponents(*snap, {}); });
  algo::BetweennessOptions sampled;
  sampled.sample = 100;
  double bc_sampled_ms = Median(1, [&] { (void)algo::Betweenness(*snap, sampled); });

  // Shortest paths: checked against params.json's directed distances.
  auto reader = store.NewReader();
  std::vector<double> sp_ms;
  for (const auto& pair : params["sp_pairs"]) {
    Vertex a = VerticesOf(*reader, *snap, {pair[0].get<std::string>()})[0];
    Vertex b = VerticesOf(*reader, *snap, {pair[1].get<std::string>()})[0];
    std::optional<algo::SnapshotPath> path;
    sp_ms.push_back(Median(21, [&] { path = algo::ShortestPath(*snap, a, b, {}); }));
    if (!path || int(path->edges.size()) != pair[2].get<int>()) {
      Die("shortest path " + pair[0].get<std::string>() + " -> " + pair[1].get<std::string>() +
          " has the wrong length");
    }
  }
  std::sort(sp_ms.begin(), sp_ms.end());
  const double peak = PeakMiB();

  // References.
  std::vector<std::string> entities = ReadLines(data + "/entities.csv");
  absl::flat_hash_map<std::string_view, Vertex> vertex_of;
  {
    std::vector<Vertex> vs = VerticesOf(*reader, *snap, entities);
    for (size_t i = 0; i < entities.size(); ++i) vertex_of[entities[i]] = vs[i];
  }
  std::vector<std::pair<Vertex, Vertex>> el;
  for (const auto& e : edges) el.emplace_back(vertex_of.at(e.src), vertex_of.at(e.dst));
  {  // PageRank, push style over the edge list.
    std::vector<double> rank(n, 1.0 / n), next(n);
    std::vector<uint32_t> outdeg(n, 0);
    for (auto [a, b] : el) ++outdeg[a];
    for (int it = 0; it < 20; ++it) {
      double dangling = 0;
      for (Vertex v = 0; v < n; ++v) {
        if (outdeg[v] == 0) dangling += rank[v];
      }
      std::fill(next.begin(), next.end(), 0.15 / n + 0.85 * dangling / n);
      for (auto [a, b] : el) next[b] += 0.85 * rank[a] / outdeg[a];
      rank.swap(next);
    }
    double worst = 0;
    for (Vertex v = 0; v < n; ++v) worst = std::max(worst, std::fabs(rank[v] - pr[v]));
    if (worst > 1e-12) Die("PageRank differs from the reference by " + std::to_string(worst));
  }
  {
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected g(el.begin(), el.end(), n);
    std::vector<int> comp(n);
    boost::connected_components(g, comp.data());
    if (Canonical(comp) != wcc) Die("WCC differs from boost::connected_components");
  }
  {
    using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Directed g(el.begin(), el.end(), n);
    std::vector<int> comp(n);
    boost::strong_components(g, boost::make_iterator_property_map(
                                    comp.begin(), boost::get(boost::vertex_index, g)));
    if (Canonical(comp) != scc) Die("SCC differs from boost::strong_components");
  }
  uint32_t wcc_count = *std::max_element(wcc.begin(), wcc.end()) + 1;
  uint32_t scc_count = *std::max_element(scc.begin(), scc.end()) + 1;

  // Betweenness, exact, on the subgraph induced by e0..e9999 (its own store).
  std::vector<std::string> sub_entities(entities.begin(), entities.begin() + 10000);
  absl::flat_hash_map<std::string_view, bool> in_sub;
  for (const auto& e : sub_entities) in_sub[e] = true;
  std::vector<bench::CsvEdge> sub_edges;
  for (const auto& e : edges) {
    if (in_sub.contains(e.src) && in_sub.contains(e.dst)) sub_edges.push_back(e);
  }
  Options mem;
  mem.in_memory = true;
  auto sub_store = Store::Open("/algo-bench-sub", mem);
  if (!sub_store.ok()) Die("in-memory store");
  Load(sub_store->get(), absl::StrJoin(sub_entities, "\n"), "sub", sub_edges, "edges.csv");
  auto sub = Snapshot::Build(*(*sub_store)->NewReader());
  if (!sub.ok()) Die("sub snapshot");
  std::vector<double> bc;
  double bc_ms = Median(1, [&] { bc = algo::Betweenness(**sub, {}); });
  {
    using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    std::vector<Vertex> sv = VerticesOf(*(*sub_store)->NewReader(), **sub, sub_entities);
    absl::flat_hash_map<std::string_view, Vertex> sub_vertex;
    for (size_t i = 0; i < sub_entities.size(); ++i) sub_vertex[sub_entities[i]] = sv[i];
    Directed g((*sub)->num_vertices());
    for (const auto& e : sub_edges) boost::add_edge(sub_vertex[e.src], sub_vertex[e.dst], g);
    std::vector<double> ref((*sub)->num_vertices());
    boost::brandes_betweenness_centrality(
        g, boost::make_iterator_property_map(ref.begin(), boost::get(boost::vertex_index, g)));
    for (size_t v = 0; v < ref.size(); ++v) {
      if (std::fabs(ref[v] - bc[v]) > 1e-6 * std::max(1.0, ref[v])) {
        Die("betweenness differs from boost::brandes_betweenness_centrality");
      }
    }
  }

  std::printf("graph: %u nodes, %zu edges (all answers checked)\n", n, snap->num_edges());
  std::printf("snapshot build          %8.1f ms (first, from disk: %.1f ms), %.1f MiB\n",
              build_ms, build_first, snap->MemoryBytes() / 1048576.0);
  std::printf("pagerank, 20 iterations %8.1f ms\n", pr_ms);
  std::printf("wcc                     %8.1f ms (%u components)\n", wcc_ms, wcc_count);
  std::printf("scc                     %8.1f ms (%u components)\n", scc_ms, scc_count);
  std::printf("betweenness, 100 sampled sources, whole graph  %8.1f ms\n", bc_sampled_ms);
  std::printf("betweenness, exact, 10k-node subgraph (%zu edges)  %8.1f ms\n", sub_edges.size(),
              bc_ms);
  std::printf("shortest path (bidirectional BFS), median of %zu pairs %.3f ms, max %.3f ms\n",
              sp_ms.size(), sp_ms[sp_ms.size() / 2], sp_ms.back());
  std::printf("peak memory (store open + snapshot + algorithms)  %.1f MiB\n", peak);
  return 0;
}
