#include "query/exec/matcher.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "graph/algo/edge_filter.h"
#include "graph/name_normalizer.h"
#include "query/exec/evaluator.h"
#include "query/exec/snapshot_paths.h"
#include "query/exec/value_ops.h"
#include "query/planner/use_analysis.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {

using graph::AdjEntry;

Direction StepDirection(ast::Direction d, bool forward) {
  if (d == ast::Direction::kBoth) return Direction::kBoth;
  bool out = (d == ast::Direction::kRight) == forward;
  return out ? Direction::kOutgoing : Direction::kIncoming;
}

bool IsUsed(const std::vector<uint64_t>& used, uint64_t e) {
  return std::find(used.begin(), used.end(), e) != used.end();
}

class Matcher {
 public:
  Matcher(const PartPlan& plan, Row& row, std::vector<uint64_t>& used, ExecContext& ctx,
          const EmitFn& emit, const CountSpec* spec = nullptr, int64_t* count = nullptr)
      : plan_(plan), part_(*plan.part), row_(row), used_(used), ctx_(ctx), emit_(emit),
        spec_(spec), count_(count) {
    ComputeStubs();
  }

  absl::Status Run();

 private:
  struct Step {
    size_t rel;
    size_t from;
    size_t to;
    bool forward;
  };

  absl::Status Start();
  void ComputeStubs();
  absl::Status Candidates(size_t node, StartKind kind, const ast::ExprPtr& name,
                          const std::function<absl::Status(uint64_t)>& fn);
  // Binds node `i` to `id` if it fits, runs `next`, then unbinds.
  absl::Status TryNode(size_t i, uint64_t id, const std::function<absl::Status()>& next);
  absl::Status TryRel(size_t r, const AdjEntry& e, const std::function<absl::Status()>& next);
  absl::Status RunSteps(size_t k);
  absl::Status VarExpand(size_t k, uint64_t at, int64_t depth, ValueList& rels);
  absl::Status Finish();
  absl::Status Shortest();
  // The first step of the trailing chain of free hops the count covers.
  void PlanCountTail();
  // Matches of steps k.. from `from` (all of them free), without binding.
  absl::StatusOr<int64_t> CountTail(size_t k, uint64_t from);
  // CountTail on the snapshot's vertices; tail_ holds the hops taken so far
  // (used_ keeps those of the rows being enumerated).
  absl::StatusOr<int64_t> CountTailInMemory(const graph::Snapshot& snap, size_t k,
                                            graph::Vertex from);
  struct TailEdge {
    EdgeId id;
    graph::Vertex src, dst;
  };
  std::vector<TailEdge> tail_;
  // The type terms of a relationship of the part (empty: no type in the
  // store matches), looked up once per match; TypeSetOf as a set.
  const std::vector<std::optional<graph::TermId>>& TypeTerms(const ast::RelPattern& r);
  const graph::algo::TypeSet& TypeSetOf(const ast::RelPattern& r);
  absl::Status Neighbours(uint64_t node, const ast::RelPattern& r, Direction dir,
                          std::optional<uint64_t> other, std::vector<AdjEntry>* out);

  const PartPlan& plan_;
  const ast::PatternPart& part_;
  Row& row_;
  std::vector<uint64_t>& used_;
  ExecContext& ctx_;
  const EmitFn& emit_;
  const CountSpec* spec_;
  int64_t* count_;
  size_t count_from_ = SIZE_MAX;  // Steps from here on are counted.
  std::vector<std::optional<graph::algo::TypeSet>> type_sets_;
  std::vector<Step> steps_;
  // Per node / relationship of the part: true when nothing reads the bound
  // value beyond its id, so a stub (id, ends) stands in for a store read.
  std::vector<bool> stub_node_;
  std::vector<bool> stub_rel_;
  std::vector<std::optional<std::vector<std::optional<graph::TermId>>>> terms_;
};

// Elements whose value nothing reads (CountSpec::*_read, from the use
// analysis of the bound statement, query/planner/use_analysis.h) are bound
// to id-only stubs made from the adjacency entry: no GetNode/GetEdge per hop
// — e.g. both reads per hop of MATCH (a {name: $n})-->()-->(c) RETURN c.
// Without a spec (MERGE, pattern comprehensions) every element is loaded.
void Matcher::ComputeStubs() {
  stub_node_.assign(part_.nodes.size(), false);
  stub_rel_.assign(part_.rels.size(), false);
  if (part_.path_slot >= 0 || spec_ == nullptr) return;
  for (size_t i = 0; i < part_.nodes.size(); ++i)
    stub_node_[i] = !part_.nodes[i].bound && !spec_->node_read[i];
  for (size_t i = 0; i < part_.rels.size(); ++i)
    stub_rel_[i] = !part_.rels[i].bound && !part_.rels[i].var_length && !spec_->rel_read[i];
}

const std::vector<std::optional<graph::TermId>>& Matcher::TypeTerms(const ast::RelPattern& r) {
  if (terms_.size() < part_.rels.size()) terms_.resize(part_.rels.size());
  auto& terms = terms_[size_t(&r - part_.rels.data())];
  if (!terms) {
    terms.emplace();
    if (r.types.empty()) terms->push_back(std::nullopt);
    for (const auto& t : r.types) {
      if (auto id = ctx_.reader->FindTerm(t)) terms->push_back(*id);
    }
  }
  return *terms;  // Empty: no relationship can match.
}

const graph::algo::TypeSet& Matcher::TypeSetOf(const ast::RelPattern& r) {
  if (type_sets_.size() < part_.rels.size()) type_sets_.resize(part_.rels.size());
  auto& set = type_sets_[size_t(&r - part_.rels.data())];
  if (!set) {
    std::vector<graph::TermId> wanted;
    for (const auto& t : TypeTerms(r))
      if (t) wanted.push_back(*t);
    set.emplace(wanted);
  }
  return *set;
}

absl::Status Matcher::Neighbours(uint64_t node, const ast::RelPattern& r, Direction dir,
                                 std::optional<uint64_t> other, std::vector<AdjEntry>* out) {
  const auto& terms = TypeTerms(r);
  const graph::Snapshot* snap = terms.empty() ? nullptr : ctx_.SnapshotAfterStoreScan();
  std::optional<graph::Vertex> v = snap ? snap->vertex(node) : std::nullopt;
  if (v) {
    // The cached snapshot holds the same adjacency in memory: no RocksDB
    // seek per expanded node (the cost of wide two-hop patterns).
    const graph::algo::TypeSet& types = TypeSetOf(r);
    for (Direction d : {Direction::kOutgoing, Direction::kIncoming}) {
      if (dir != Direction::kBoth && dir != d) continue;
      const auto& rows = snap->row_start(d);
      const auto& cols = snap->column(d);
      for (uint32_t i = rows[*v], end = rows[*v + 1]; i < end; ++i) {
        const graph::SnapshotEdge& e = snap->edge(d, i);
        if (!types.Contains(e.type)) continue;
        uint64_t far = snap->node_id(cols[i]);
        AdjEntry a;
        a.type = e.type;
        a.edge = e.id;
        a.src = d == Direction::kOutgoing ? node : far;
        a.dst = d == Direction::kOutgoing ? far : node;
        out->push_back(a);
      }
    }
  } else {
    for (const auto& t : terms) {
      QUIVER_RETURN_IF_ERROR(ctx_.reader->ScanAdjacent(
          node, dir, t, t ? other : std::nullopt, [&](const AdjEntry& e) {
            out->push_back(e);
            return true;
          }));
    }
  }
  if (dir == Direction::kBoth) {
    // A self-loop is listed by both `out` and `in`: keep it once.
    std::vector<AdjEntry> unique;
    for (const auto& e : *out) {
      if (e.src == e.dst && std::any_of(unique.begin(), unique.end(),
                                        [&](const AdjEntry& u) { return u.edge == e.edge; }))
        continue;
      unique.push_back(e);
    }
    *out = std::move(unique);
  }
  if (other) {
    std::vector<AdjEntry> filtered;
    for (const auto& e : *out)
      if ((e.src == node ? e.dst : e.src) == *other) filtered.push_back(e);
    *out = std::move(filtered);
  }
  return absl::OkStatus();
}

absl::Status Matcher::TryNode(size_t i, uint64_t id, const std::function<absl::Status()>& next) {
  const ast::NodePattern& n = part_.nodes[i];
  Value& slot = row_[size_t(n.slot)];
  bool assigned = !slot.is_null();
  if (n.bound || assigned) {
    if (!slot.is_node() || slot.AsNode().id != id) return absl::OkStatus();
  }
  Value node;
  if (assigned || n.bound) {
    node = slot;
  } else if (stub_node_[i]) {
    NodeValue stub;
    stub.id = id;
    node = Value(std::move(stub));
  } else {
    QUIVER_ASSIGN_OR_RETURN(node, ctx_.NodeValueOf(id));
  }
  if (!n.labels.empty()) {
    Value fresh = node;
    if (ctx_.txn) { QUIVER_ASSIGN_OR_RETURN(fresh, ctx_.NodeValueOf(id)); }
    const auto& labels = fresh.AsNode().labels;
    for (const auto& l : n.labels)
      if (std::find(labels.begin(), labels.end(), l) == labels.end()) return absl::OkStatus();
  }
  if (n.properties) {
    QUIVER_ASSIGN_OR_RETURN(bool ok, PropertiesMatch(n.properties.get(), node, row_, ctx_));
    if (!ok) return absl::OkStatus();
  }
  if (!assigned && !n.bound) slot = node;
  absl::Status s = next();
  if (!assigned && !n.bound) slot = Value();
  return s;
}

absl::Status Matcher::TryRel(size_t r, const AdjEntry& e,
                             const std::function<absl::Status()>& next) {
  uint64_t edge = e.edge;
  const ast::RelPattern& rp = part_.rels[r];
  if (IsUsed(used_, edge)) return absl::OkStatus();
  Value& slot = row_[size_t(rp.slot)];
  if (rp.bound) {
    if (!slot.is_relationship() || slot.AsRelationship().id != edge) return absl::OkStatus();
  }
  Value rel;
  if (stub_rel_[r]) {
    RelationshipValue stub;
    stub.id = edge;
    stub.src = e.src;
    stub.dst = e.dst;
    rel = Value(std::move(stub));
  } else {
    QUIVER_ASSIGN_OR_RETURN(rel, ctx_.RelValueOf(edge));
  }
  if (rp.properties) {
    QUIVER_ASSIGN_OR_RETURN(bool ok, PropertiesMatch(rp.properties.get(), rel, row_, ctx_));
    if (!ok) return absl::OkStatus();
  }
  if (!rp.bound) slot = rel;
  used_.push_back(edge);
  absl::Status s = next();
  used_.pop_back();
  if (!rp.bound) slot = Value();
  return s;
}

absl::Status Matcher::Candidates(size_t node, StartKind kind, const ast::ExprPtr& name,
                                 const std::function<absl::Status(uint64_t)>& fn) {
  const ast::NodePattern& n = part_.nodes[node];
  switch (kind) {
    case StartKind::kBound: {
      const Value& v = row_[size_t(n.slot)];
      if (v.is_node()) return fn(v.AsNode().id);
      return absl::OkStatus();
    }
    case StartKind::kNameSeek: {
      QUIVER_ASSIGN_OR_RETURN(Value key, Evaluate(*name, row_, ctx_));
      if (!key.is_string()) return absl::OkStatus();
      QUIVER_ASSIGN_OR_RETURN(auto ids, ctx_.reader->FindNodesByName(key.AsString()));
      for (uint64_t id : ids) QUIVER_RETURN_IF_ERROR(fn(id));
      return absl::OkStatus();
    }
    case StartKind::kLabelScan: {
      auto term = ctx_.reader->FindTerm(n.labels[0]);
      if (!term) return absl::OkStatus();
      std::vector<uint64_t> ids;
      QUIVER_RETURN_IF_ERROR(ctx_.reader->ScanLabel(*term, [&](NodeId id) {
        ids.push_back(id);
        return true;
      }));
      for (uint64_t id : ids) {
        QUIVER_RETURN_IF_ERROR(ctx_.Tick());
        QUIVER_RETURN_IF_ERROR(fn(id));
      }
      return absl::OkStatus();
    }
    default: {
      std::vector<uint64_t> ids;
      QUIVER_RETURN_IF_ERROR(ctx_.reader->ScanNodes([&](NodeId id) {
        ids.push_back(id);
        return true;
      }));
      for (uint64_t id : ids) {
        QUIVER_RETURN_IF_ERROR(ctx_.Tick());
        QUIVER_RETURN_IF_ERROR(fn(id));
      }
      return absl::OkStatus();
    }
  }
}

absl::Status Matcher::Run() {
  for (const auto& r : part_.rels) {
    if (r.var_length && r.max_hops && *r.max_hops > ctx_.options.max_var_length_depth) {
      return ctx_.Error(ErrorType::kLimitExceeded, &r.span,
                        absl::StrCat("variable-length relationship allows up to ", *r.max_hops,
                                     " hops; the limit is ", ctx_.options.max_var_length_depth,
                                     " (QueryOptions::max_var_length_depth)"));
    }
  }
  if (part_.shortest != ast::ShortestKind::kNone) return Shortest();
  size_t s = plan_.start_node;
  if (plan_.start == StartKind::kEdgeTypeScan) {
    for (size_t i = s + 1; i + 1 < part_.nodes.size(); ++i) steps_.push_back({i, i, i + 1, true});
    for (size_t i = s; i > 0; --i) steps_.push_back({i - 1, i, i - 1, false});
    PlanCountTail();
    const ast::RelPattern& r = part_.rels[s];
    const auto& terms = TypeTerms(r);
    for (const auto& t : terms) {
      std::vector<AdjEntry> entries;
      QUIVER_RETURN_IF_ERROR(ctx_.reader->ScanEdges(t, [&](const AdjEntry& e) {
        entries.push_back(e);
        return true;
      }));
      for (const auto& e : entries) {
        QUIVER_RETURN_IF_ERROR(ctx_.Tick());
        std::vector<std::pair<uint64_t, uint64_t>> orientations;
        if (r.direction != ast::Direction::kLeft) orientations.emplace_back(e.src, e.dst);
        if (r.direction != ast::Direction::kRight && !(r.direction == ast::Direction::kBoth && e.src == e.dst))
          orientations.emplace_back(e.dst, e.src);
        // Plain variables, not a structured binding: C++17 (and clang)
        // does not let lambdas capture those.
        for (const auto& orientation : orientations) {
          const uint64_t a = orientation.first, b = orientation.second;
          QUIVER_RETURN_IF_ERROR(TryNode(s, a, [&] {
            return TryRel(s, e, [&, b] {
              return TryNode(s + 1, b, [&] { return RunSteps(0); });
            });
          }));
        }
      }
    }
    return absl::OkStatus();
  }
  for (size_t i = s; i + 1 < part_.nodes.size(); ++i) steps_.push_back({i, i, i + 1, true});
  for (size_t i = s; i > 0; --i) steps_.push_back({i - 1, i, i - 1, false});
  PlanCountTail();
  return Candidates(s, plan_.start, plan_.name, [&](uint64_t id) {
    return TryNode(s, id, [&] { return RunSteps(0); });
  });
}

absl::Status Matcher::RunSteps(size_t k) {
  if (k == steps_.size()) return Finish();
  QUIVER_RETURN_IF_ERROR(ctx_.Tick());
  const Step& step = steps_[k];
  const ast::RelPattern& r = part_.rels[step.rel];
  uint64_t from = row_[size_t(part_.nodes[step.from].slot)].AsNode().id;
  if (k == count_from_) {
    QUIVER_ASSIGN_OR_RETURN(int64_t n, CountTail(k, from));
    *count_ += n;
    return absl::OkStatus();
  }
  if (r.var_length) {
    ValueList rels;
    return VarExpand(k, from, 0, rels);
  }
  const Value& target = row_[size_t(part_.nodes[step.to].slot)];
  std::optional<uint64_t> other;
  if (target.is_node()) other = target.AsNode().id;
  else if (part_.nodes[step.to].bound) return absl::OkStatus();  // bound to null
  std::vector<AdjEntry> entries;
  QUIVER_RETURN_IF_ERROR(Neighbours(from, r, StepDirection(r.direction, step.forward), other, &entries));
  for (const auto& e : entries) {
    uint64_t to = e.src == from ? e.dst : e.src;
    QUIVER_RETURN_IF_ERROR(TryRel(step.rel, e, [&] {
      return TryNode(step.to, to, [&] { return RunSteps(k + 1); });
    }));
  }
  return absl::OkStatus();
}

void Matcher::PlanCountTail() {
  count_from_ = SIZE_MAX;
  if (spec_ == nullptr || count_ == nullptr || !spec_->count_tail || part_.path_slot >= 0) return;
  for (size_t k = steps_.size(); k-- > 0;) {
    const Step& st = steps_[k];
    if (!spec_->rel_free[st.rel] || !spec_->node_free[st.to]) break;
    // One chain: each counted hop starts where the previous one ended (the
    // backward steps of a middle start begin again at the start node).
    if (k + 1 < steps_.size() && steps_[k + 1].from != st.to) break;
    count_from_ = k;
  }
}

absl::StatusOr<int64_t> Matcher::CountTail(size_t k, uint64_t from) {
  const bool last = k + 1 == steps_.size();
  if (k == count_from_ || last) {
    // In memory, the rest of the tail runs on vertices: no id lookups per
    // hop (the last hop is often a plain degree).
    const graph::Snapshot* snap = ctx_.SnapshotAfterStoreScan();
    std::optional<graph::Vertex> v = snap ? snap->vertex(from) : std::nullopt;
    if (v) {
      tail_.clear();  // used_ holds the hops counted so far.
      return CountTailInMemory(*snap, k, *v);
    }
  }
  QUIVER_RETURN_IF_ERROR(ctx_.Tick());
  const Step& step = steps_[k];
  const ast::RelPattern& r = part_.rels[step.rel];
  std::vector<AdjEntry> entries;
  QUIVER_RETURN_IF_ERROR(
      Neighbours(from, r, StepDirection(r.direction, step.forward), std::nullopt, &entries));
  int64_t total = 0;
  if (last) {
    for (const auto& e : entries) total += !IsUsed(used_, e.edge);
    return total;
  }
  for (const auto& e : entries) {
    if (IsUsed(used_, e.edge)) continue;
    used_.push_back(e.edge);
    auto n = CountTail(k + 1, e.src == from ? e.dst : e.src);
    used_.pop_back();
    if (!n.ok()) return n.status();
    total += *n;
  }
  return total;
}

absl::StatusOr<int64_t> Matcher::CountTailInMemory(const graph::Snapshot& snap, size_t k,
                                                   graph::Vertex from) {
  QUIVER_RETURN_IF_ERROR(ctx_.Tick());
  const Step& step = steps_[k];
  const ast::RelPattern& r = part_.rels[step.rel];
  Direction dir = StepDirection(r.direction, step.forward);
  if (TypeTerms(r).empty()) return 0;
  const graph::algo::TypeSet& types = TypeSetOf(r);
  const bool last = k + 1 == steps_.size();
  int64_t total = 0;
  for (Direction d : {Direction::kOutgoing, Direction::kIncoming}) {
    if (dir != Direction::kBoth && dir != d) continue;
    const auto& rows = snap.row_start(d);
    const auto& cols = snap.column(d);
    const uint32_t begin = rows[from], end = rows[from + 1];
    if (last && types.all() && used_.empty() &&
        !(dir == Direction::kBoth && d == Direction::kIncoming)) {
      // The degree, less the tail's own relationships in this list (only
      // the previous hop's can be, e.g. (a)-->(m)<--(c) or a loop).
      int64_t n = end - begin;
      for (const TailEdge& u : tail_)
        if ((d == Direction::kOutgoing ? u.src : u.dst) == from) --n;
      total += n;
      continue;
    }
    for (uint32_t i = begin; i < end; ++i) {
      if (!last && i + 8 < end) __builtin_prefetch(&snap.row_start(d)[cols[i + 8]]);
      const graph::SnapshotEdge& e = snap.edge(d, i);
      if (!types.Contains(e.type)) continue;
      // Undirected: a self-loop is in both lists, and counts once.
      if (dir == Direction::kBoth && d == Direction::kIncoming && cols[i] == from) continue;
      if (!used_.empty() && IsUsed(used_, e.id)) continue;
      bool again = false;
      for (const TailEdge& u : tail_) again |= u.id == e.id;
      if (again) continue;
      if (last) {
        ++total;
        continue;
      }
      graph::Vertex to = cols[i];
      tail_.push_back(d == Direction::kOutgoing ? TailEdge{e.id, from, to}
                                                : TailEdge{e.id, to, from});
      auto n = CountTailInMemory(snap, k + 1, to);
      tail_.pop_back();
      if (!n.ok()) return n.status();
      total += *n;
    }
  }
  return total;
}

absl::Status Matcher::VarExpand(size_t k, uint64_t at, int64_t depth, ValueList& rels) {
  const Step& step = steps_[k];
  const ast::RelPattern& r = part_.rels[step.rel];
  int64_t min = r.min_hops.value_or(1);
  int64_t max = r.max_hops.value_or(ctx_.options.max_var_length_depth);
  QUIVER_RETURN_IF_ERROR(ctx_.Tick());
  if (depth >= min) {
    Value& slot = row_[size_t(r.slot)];
    ValueList ordered = rels;
    if (!step.forward) std::reverse(ordered.begin(), ordered.end());
    Value list(std::move(ordered));
    bool check = r.bound;
    if (!check || Equivalent(slot, list)) {
      if (!r.bound) slot = list;
      QUIVER_RETURN_IF_ERROR(TryNode(step.to, at, [&] { return RunSteps(k + 1); }));
      if (!r.bound) slot = Value();
    }
  }
  if (depth >= max) return absl::OkStatus();
  std::vector<AdjEntry> entries;
  QUIVER_RETURN_IF_ERROR(Neighbours(at, r, StepDirection(r.direction, step.forward),
                                    std::nullopt, &entries));
  for (const auto& e : entries) {
    if (IsUsed(used_, e.edge)) continue;
    QUIVER_ASSIGN_OR_RETURN(Value rel, ctx_.RelValueOf(e.edge));
    if (r.properties) {
      QUIVER_ASSIGN_OR_RETURN(bool ok, PropertiesMatch(r.properties.get(), rel, row_, ctx_));
      if (!ok) continue;
    }
    used_.push_back(e.edge);
    rels.push_back(rel);
    absl::Status s = VarExpand(k, e.src == at ? e.dst : e.src, depth + 1, rels);
    rels.pop_back();
    used_.pop_back();
    QUIVER_RETURN_IF_ERROR(s);
  }
  return absl::OkStatus();
}

absl::Status Matcher::Finish() {
  if (part_.path_slot < 0) return emit_(row_);
  PathValue path;
  const Value& first = row_[size_t(part_.nodes[0].slot)];
  path.nodes.push_back(first.AsNode());
  uint64_t cur = first.AsNode().id;
  for (size_t i = 0; i < part_.rels.size(); ++i) {
    const Value& rv = row_[size_t(part_.rels[i].slot)];
    ValueList rels = rv.is_list() ? rv.AsList() : ValueList{rv};
    for (const auto& rel : rels) {
      const auto& r = rel.AsRelationship();
      path.relationships.push_back(r);
      cur = r.src == cur ? r.dst : r.src;
      QUIVER_ASSIGN_OR_RETURN(Value n, ctx_.NodeValueOf(cur));
      path.nodes.push_back(n.AsNode());
    }
  }
  row_[size_t(part_.path_slot)] = Value(std::move(path));
  absl::Status s = emit_(row_);
  row_[size_t(part_.path_slot)] = Value();
  return s;
}

// Breadth-first search from both ends at once, expanding the smaller
// frontier; every shortest path (allShortestPaths) or the first one.
absl::Status Matcher::Shortest() {
  const ast::RelPattern& r = part_.rels[0];
  int64_t min = r.min_hops.value_or(1);
  int64_t max = r.max_hops.value_or(ctx_.options.max_var_length_depth);
  if (!r.var_length) max = min = 1;
  bool all = part_.shortest == ast::ShortestKind::kAll;
  Direction fwd = StepDirection(r.direction, true);
  Direction bwd = StepDirection(r.direction, false);
  // One path, read-only, no relationship properties to check: the CSR
  // snapshot's bidirectional BFS when a snapshot is at hand (same lengths;
  // any shortest path is a valid answer). allShortestPaths and filtered or
  // updating statements search the store.
  bool snapshot_ok = !all && r.var_length && min <= 1 && !r.properties && ctx_.txn == nullptr;
  // Both kinds of search want the snapshot: the single path runs the CSR's
  // own BFS, allShortestPaths (below) expands through Neighbours, which
  // reads the snapshot once there is one.
  const graph::Snapshot* snap = ctx_.BuildSnapshot();
  return Candidates(0, plan_.node_starts[0], plan_.node_names[0], [&](uint64_t a) {
    return TryNode(0, a, [&] {
      return Candidates(1, plan_.node_starts[1], plan_.node_names[1], [&](uint64_t b) {
        return TryNode(1, b, [&]() -> absl::Status {
          // Level maps: node -> (distance, parent edges toward its side).
          std::vector<std::vector<uint64_t>> paths_edges;  // edge id sequences a..b
          bool searched = false;
          if (a == b) {
            if (min == 0) paths_edges.push_back({});
            searched = true;
          } else if (snapshot_ok && snap != nullptr) {
            const auto& types = TypeTerms(r);
            if (!r.types.empty() && types.empty()) {
              searched = true;  // No such type: no path.
            } else {
              SnapshotPathQuery q;
              q.from = a;
              q.to = b;
              q.direction = fwd;
              for (const auto& t : types)
                if (t) q.types.push_back(*t);
              q.max_hops = uint32_t(std::min<int64_t>(max, UINT32_MAX));
              auto found = SnapshotShortestPath(*snap, q);
              if (found) {
                searched = true;
                if (!found->empty()) paths_edges.push_back(std::move(*found));
              }
            }
          }
          if (!searched) {
            std::unordered_map<uint64_t, std::vector<AdjEntry>> pa, pb;  // parents
            std::unordered_map<uint64_t, int64_t> da{{a, 0}}, db{{b, 0}};
            std::vector<uint64_t> fa{a}, fb{b};
            int64_t la = 0, lb = 0;
            std::vector<uint64_t> meet;
            while (!fa.empty() && !fb.empty() && la + lb < max && meet.empty()) {
              bool grow_a = fa.size() <= fb.size();
              auto& frontier = grow_a ? fa : fb;
              auto& dist = grow_a ? da : db;
              auto& other_dist = grow_a ? db : da;
              auto& parents = grow_a ? pa : pb;
              int64_t level = (grow_a ? la : lb) + 1;
              std::vector<uint64_t> next;
              for (uint64_t n : frontier) {
                QUIVER_RETURN_IF_ERROR(ctx_.Tick());
                std::vector<AdjEntry> entries;
                QUIVER_RETURN_IF_ERROR(Neighbours(n, r, grow_a ? fwd : bwd, std::nullopt, &entries));
                for (const auto& e : entries) {
                  if (r.properties) {
                    QUIVER_ASSIGN_OR_RETURN(Value rel, ctx_.RelValueOf(e.edge));
                    QUIVER_ASSIGN_OR_RETURN(bool ok, PropertiesMatch(r.properties.get(), rel, row_, ctx_));
                    if (!ok) continue;
                  }
                  uint64_t m = e.src == n ? e.dst : e.src;
                  auto it = dist.find(m);
                  if (it == dist.end()) {
                    dist[m] = level;
                    next.push_back(m);
                  } else if (it->second != level) {
                    continue;
                  }
                  AdjEntry parent = e;
                  parents[m].push_back(parent);
                  if (other_dist.count(m) &&
                      std::find(meet.begin(), meet.end(), m) == meet.end())
                    meet.push_back(m);
                }
              }
              (grow_a ? la : lb) = level;
              frontier = std::move(next);
            }
            // Paths from a to m and from m to b through parent edges.
            std::function<void(uint64_t, std::unordered_map<uint64_t, std::vector<AdjEntry>>&,
                               uint64_t, std::vector<uint64_t>&, std::vector<std::vector<uint64_t>>&)>
                back = [&](uint64_t n, auto& parents, uint64_t root, std::vector<uint64_t>& acc,
                           std::vector<std::vector<uint64_t>>& out) {
                  if (n == root) {
                    out.push_back(acc);
                    return;
                  }
                  for (const auto& e : parents[n]) {
                    acc.push_back(e.edge);
                    back(e.src == n ? e.dst : e.src, parents, root, acc, out);
                    acc.pop_back();
                    if (!all && !out.empty()) return;
                  }
                };
            for (uint64_t m : meet) {
              std::vector<std::vector<uint64_t>> left, right;
              std::vector<uint64_t> acc;
              back(m, pa, a, acc, left);
              back(m, pb, b, acc, right);
              for (auto& l : left) {
                std::reverse(l.begin(), l.end());
                for (auto& rt : right) {
                  std::vector<uint64_t> full = l;
                  full.insert(full.end(), rt.begin(), rt.end());
                  if (int64_t(full.size()) >= min && int64_t(full.size()) <= max)
                    paths_edges.push_back(std::move(full));
                  if (!all && !paths_edges.empty()) break;
                }
                if (!all && !paths_edges.empty()) break;
              }
              if (!all && !paths_edges.empty()) break;
            }
            // Keep only the shortest length found (meeting nodes may differ).
            size_t best = SIZE_MAX;
            for (const auto& p : paths_edges) best = std::min(best, p.size());
            paths_edges.erase(std::remove_if(paths_edges.begin(), paths_edges.end(),
                                             [&](const auto& p) { return p.size() != best; }),
                              paths_edges.end());
            std::sort(paths_edges.begin(), paths_edges.end());
            paths_edges.erase(std::unique(paths_edges.begin(), paths_edges.end()), paths_edges.end());
          }
          for (const auto& edges : paths_edges) {
            ValueList rels;
            for (uint64_t e : edges) {
              QUIVER_ASSIGN_OR_RETURN(Value rel, ctx_.RelValueOf(e));
              rels.push_back(rel);
            }
            row_[size_t(r.slot)] = r.var_length ? Value(rels) : (rels.empty() ? Value() : rels[0]);
            if (!r.var_length && rels.empty()) continue;
            QUIVER_RETURN_IF_ERROR(Finish());
            row_[size_t(r.slot)] = Value();
          }
          return absl::OkStatus();
        });
      });
    });
  });
}

}  // namespace

absl::StatusOr<bool> PropertiesMatch(const ast::Expr* props, const Value& element,
                                     const Row& row, ExecContext& ctx) {
  QUIVER_ASSIGN_OR_RETURN(Value want, Evaluate(*props, row, ctx));
  if (want.is_null()) return true;
  if (!want.is_map()) {
    return ctx.Error(ErrorType::kTypeError, &props->span, "pattern properties must be a MAP",
                     "InvalidArgumentType");
  }
  Value fresh = element;
  if (ctx.txn) {
    if (element.is_node()) { QUIVER_ASSIGN_OR_RETURN(fresh, ctx.NodeValueOf(element.AsNode().id)); }
    else { QUIVER_ASSIGN_OR_RETURN(fresh, ctx.RelValueOf(element.AsRelationship().id)); }
  }
  const ValueMap& have = fresh.is_node() ? fresh.AsNode().properties
                                         : fresh.AsRelationship().properties;
  for (const auto& [key, value] : want.AsMap()) {
    auto it = have.find(key);
    if (it != have.end() && IsTrue(CypherEquals(it->second, value))) continue;
    if (key == "name" && fresh.is_node() && value.is_string()) {
      // The name index's notion of a name: normalised, aliases included.
      std::string wanted = graph::NormalizeName(value.AsString());
      bool found = it != have.end() && it->second.is_string() &&
                   graph::NormalizeName(it->second.AsString()) == wanted;
      auto aliases = have.find("aliases");
      if (!found && aliases != have.end() && aliases->second.is_list()) {
        for (const auto& a : aliases->second.AsList())
          if (a.is_string() && graph::NormalizeName(a.AsString()) == wanted) found = true;
      }
      if (found) continue;
    }
    return false;
  }
  return true;
}

absl::Status MatchPart(const PartPlan& plan, Row& row, std::vector<uint64_t>& used_edges,
                       ExecContext& ctx, const EmitFn& emit) {
  Matcher m(plan, row, used_edges, ctx, emit);
  return m.Run();
}

absl::Status CountPart(const PartPlan& plan, const CountSpec& spec, Row& row,
                       std::vector<uint64_t>& used_edges, ExecContext& ctx, const EmitFn& emit,
                       int64_t* count) {
  Matcher m(plan, row, used_edges, ctx, emit, &spec, count);
  return m.Run();
}

namespace {

absl::Status MatchExpressionPattern(const ast::PatternPart& part, const Row& row,
                                    ExecContext& ctx, const EmitFn& emit,
                                    bool exists_only = false) {
  PartPlan plan = PlanPart(part, nullptr);
  Row local = row;
  int width = part.path_slot + 1;
  for (const auto& n : part.nodes) width = std::max(width, n.slot + 1);
  for (const auto& r : part.rels) width = std::max(width, r.slot + 1);
  if (int(local.size()) < width) local.resize(size_t(width));
  // Variables new to this pattern start unbound even if the row reuses slots.
  for (const auto& n : part.nodes) if (!n.bound) local[size_t(n.slot)] = Value();
  for (const auto& r : part.rels) if (!r.bound) local[size_t(r.slot)] = Value();
  std::vector<uint64_t> used;
  if (exists_only) {
    // Only whether a match exists: the pattern's own checks are all that
    // read its elements.
    CountSpec spec = PatternReadSpec(part);
    return CountPart(plan, spec, local, used, ctx, emit, nullptr);
  }
  return MatchPart(plan, local, used, ctx, emit);
}

}  // namespace

absl::StatusOr<bool> PatternExists(const ast::PatternPart& part, const Row& row,
                                   ExecContext& ctx) {
  bool found = false;
  absl::Status stop = absl::CancelledError("found");
  absl::Status s = MatchExpressionPattern(part, row, ctx, [&](Row&) {
    found = true;
    return stop;
  }, /*exists_only=*/true);
  if (!s.ok() && !found) return s;
  return found;
}

absl::StatusOr<std::vector<Row>> MatchPatternRows(const ast::PatternPart& part,
                                                  const Row& row, ExecContext& ctx) {
  std::vector<Row> rows;
  QUIVER_RETURN_IF_ERROR(MatchExpressionPattern(part, row, ctx, [&](Row& r) {
    rows.push_back(r);
    return ctx.CheckRows(rows.size());
  }));
  return rows;
}

}  // namespace quiver::query
