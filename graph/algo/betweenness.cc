#include "graph/algo/betweenness.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace quiver::graph::algo {

namespace {

// Sources for a sampled run: a partial Fisher-Yates shuffle with a fixed
// engine (mt19937_64 is specified bit for bit by the standard, unlike the
// distributions, hence the plain modulo).
std::vector<Vertex> PickSources(uint32_t n, uint32_t sample, uint64_t seed) {
  std::vector<Vertex> all(n);
  std::iota(all.begin(), all.end(), 0);
  if (sample == 0 || sample >= n) return all;
  std::mt19937_64 rng(seed);
  for (uint32_t i = 0; i < sample; ++i) {
    uint32_t j = i + static_cast<uint32_t>(rng() % (n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(sample);
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace

std::vector<double> Betweenness(const Snapshot& s, const BetweennessOptions& options) {
  const uint32_t n = s.num_vertices();
  std::vector<double> score(n, 0.0);
  if (n == 0) return score;
  const Direction dir = options.filter.direction;
  const TypeSet& types = options.filter.types;
  std::vector<Vertex> sources = PickSources(n, options.sample, options.seed);

  std::vector<int32_t> dist(n, -1);
  std::vector<double> sigma(n, 0.0), delta(n, 0.0);
  // seen_from[w] == v: w was already reached from v in this step, so a
  // parallel edge (or the reverse edge under kBoth) adds no path.
  std::vector<uint32_t> seen_from(n, UINT32_MAX);
  std::vector<Vertex> order;  // BFS order: the stack of Brandes' algorithm.
  order.reserve(n);
  for (Vertex src : sources) {
    order.clear();
    dist[src] = 0;
    sigma[src] = 1;
    order.push_back(src);
    for (size_t head = 0; head < order.size(); ++head) {
      Vertex v = order[head];
      ForEachNeighbor(s, v, dir, types, [&](Vertex w, const SnapshotEdge&) {
        if (w == v || seen_from[w] == v) return;
        seen_from[w] = v;
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      });
    }
    // Accumulate from the farthest vertex back, over successors (the same
    // direction as the search, so no predecessor lists are kept).
    for (size_t i = order.size(); i-- > 0;) {
      Vertex w = order[i];
      double acc = 0;
      ForEachNeighbor(s, w, dir, types, [&](Vertex x, const SnapshotEdge&) {
        if (x == w || seen_from[x] == w + n) return;  // n..2n-1: second pass.
        seen_from[x] = w + n;
        if (dist[x] == dist[w] + 1) acc += sigma[w] / sigma[x] * (1.0 + delta[x]);
      });
      delta[w] = acc;
      if (w != src) score[w] += acc;
    }
    for (Vertex v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
      seen_from[v] = UINT32_MAX;  // Every marked vertex was reached.
    }
  }
  // seen_from can hold values up to 2n-1, which fits while n < 2^31.
  double scale = 1.0;
  if (sources.size() < n) scale = double(n) / double(sources.size());
  if (dir == Direction::kBoth) scale *= 0.5;  // Each pair was counted twice.
  if (options.normalized && n > 2) {
    scale = scale / (double(n - 1) * double(n - 2));
    if (dir == Direction::kBoth) scale *= 2.0;
  }
  for (double& x : score) x *= scale;
  return score;
}

}  // namespace quiver::graph::algo
