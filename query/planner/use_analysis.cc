#include "query/planner/use_analysis.h"

namespace quiver::query {

namespace {

void Mark(int slot, std::vector<bool>* slots) {
  if (slot < 0) return;
  if (size_t(slot) >= slots->size()) slots->resize(size_t(slot) + 1, false);
  (*slots)[size_t(slot)] = true;
}

bool Marked(int slot, const std::vector<bool>& slots) {
  return slot >= 0 && size_t(slot) < slots.size() && slots[size_t(slot)];
}

void CollectPatternSlots(const ast::PatternPart& part, std::vector<bool>* slots) {
  Mark(part.path_slot, slots);
  for (const auto& n : part.nodes) {
    Mark(n.slot, slots);
    if (n.properties) CollectReadSlots(*n.properties, slots);
  }
  for (const auto& r : part.rels) {
    Mark(r.slot, slots);
    if (r.properties) CollectReadSlots(*r.properties, slots);
  }
}

}  // namespace

void CollectReadSlots(const ast::Expr& e, std::vector<bool>* slots) {
  Mark(e.slot, slots);  // kVariable, and comprehension/quantifier variables
  for (const auto& c : e.children)
    if (c) CollectReadSlots(*c, slots);
  if (e.case_subject) CollectReadSlots(*e.case_subject, slots);
  for (const auto& [when, then] : e.case_alternatives) {
    if (when) CollectReadSlots(*when, slots);
    if (then) CollectReadSlots(*then, slots);
  }
  if (e.case_else) CollectReadSlots(*e.case_else, slots);
  if (e.pattern) CollectPatternSlots(*e.pattern, slots);
  if (e.subquery) {
    // Everything a subquery mentions may be an outer variable it reads.
    for (const ast::Clause& c : e.subquery->clauses) {
      for (const auto& part : c.patterns) CollectPatternSlots(part, slots);
      for (const ast::Expr* x : {c.where.get(), c.expr.get()})
        if (x) CollectReadSlots(*x, slots);
      for (const auto& item : c.projection.items) CollectReadSlots(*item.expr, slots);
      for (const auto& item : c.projection.order_by) CollectReadSlots(*item.expr, slots);
    }
  }
}

namespace {

// The specs of `parts` (a MATCH's patterns, or one pattern expression's)
// under `where` (may be null).
std::vector<CountSpec> SpecsOf(const ast::PatternPart* parts, size_t n, const ast::Expr* where) {
  // Slots whose value something reads: WHERE, property maps (which may
  // mention other elements), labels and property checks of any mention,
  // named paths. And how often each slot is mentioned by the patterns.
  std::vector<bool> read;
  std::vector<int> mentions;
  auto mention = [&](int slot) {
    if (slot < 0) return;
    if (size_t(slot) >= mentions.size()) mentions.resize(size_t(slot) + 1, 0);
    ++mentions[size_t(slot)];
  };
  if (where) CollectReadSlots(*where, &read);
  for (const ast::PatternPart* part_it = parts; part_it != parts + n; ++part_it) {
    const ast::PatternPart& part = *part_it;
    for (const auto& n : part.nodes) {
      mention(n.slot);
      if (n.properties) CollectReadSlots(*n.properties, &read);
      if (n.properties || !n.labels.empty()) Mark(n.slot, &read);
    }
    for (const auto& r : part.rels) {
      mention(r.slot);
      if (r.properties) {
        CollectReadSlots(*r.properties, &read);
        Mark(r.slot, &read);
      }
    }
    if (part.path_slot >= 0 || part.shortest != ast::ShortestKind::kNone) {
      for (const auto& n : part.nodes) Mark(n.slot, &read);
      for (const auto& r : part.rels) Mark(r.slot, &read);
    }
  }
  auto once = [&](int slot) {
    return slot >= 0 && size_t(slot) < mentions.size() && mentions[size_t(slot)] == 1;
  };
  std::vector<CountSpec> specs;
  for (size_t p = 0; p < n; ++p) {
    const ast::PatternPart& part = parts[p];
    CountSpec spec;
    for (const auto& n : part.nodes) {
      bool is_read = Marked(n.slot, read);
      spec.node_read.push_back(is_read);
      spec.node_free.push_back(!is_read && !n.bound && once(n.slot));
    }
    for (const auto& r : part.rels) {
      bool is_read = Marked(r.slot, read);
      spec.rel_read.push_back(is_read);
      spec.rel_free.push_back(!is_read && !r.bound && !r.var_length && once(r.slot));
    }
    spec.count_tail = p + 1 == n && !where && part.shortest == ast::ShortestKind::kNone &&
                      part.path_slot < 0;
    specs.push_back(std::move(spec));
  }
  return specs;
}

// Rows are built: nothing is counted instead of bound.
void BuildRows(CountSpec* spec) {
  spec->node_free.assign(spec->node_free.size(), false);
  spec->rel_free.assign(spec->rel_free.size(), false);
  spec->count_tail = false;
}

}  // namespace

std::vector<CountSpec> CountSpecsFor(const ast::Clause& match) {
  return SpecsOf(match.patterns.data(), match.patterns.size(), match.where.get());
}

CountSpec PatternReadSpec(const ast::PatternPart& part) {
  CountSpec spec = std::move(SpecsOf(&part, 1, nullptr)[0]);
  BuildRows(&spec);
  return spec;
}

namespace {

// Slots the clauses after clauses[i] read, through the next projection.
// Returns false when one of them reads every variable (RETURN *, WITH *).
bool CollectLaterReads(const std::vector<ast::Clause>& clauses, size_t i,
                       std::vector<bool>* read) {
  auto expr = [&](const ast::ExprPtr& e) {
    if (e) CollectReadSlots(*e, read);
  };
  // Projections may read input variables at slot items.size() + slot.
  auto shifted = [&](const ast::ExprPtr& e, size_t items) {
    if (!e) return;
    std::vector<bool> own;
    CollectReadSlots(*e, &own);
    for (size_t s = 0; s < own.size(); ++s) {
      if (!own[s]) continue;
      Mark(int(s), read);
      if (s >= items) Mark(int(s - items), read);
    }
  };
  auto sets = [&](const std::vector<ast::SetItem>& items) {
    for (const auto& it : items) {
      expr(it.target);
      expr(it.value);
    }
  };
  for (size_t j = i + 1; j < clauses.size(); ++j) {
    const ast::Clause& c = clauses[j];
    for (const auto& part : c.patterns) CollectPatternSlots(part, read);
    expr(c.expr);
    for (const auto& a : c.args) expr(a);
    for (const auto& d : c.delete_exprs) expr(d);
    for (const auto& r : c.remove_items) expr(r.target);
    sets(c.set_items);
    sets(c.on_create);
    sets(c.on_match);
    if (c.kind == ast::ClauseKind::kWith || c.kind == ast::ClauseKind::kReturn) {
      const ast::Projection& p = c.projection;
      if (p.star) return false;
      for (const auto& item : p.items) expr(item.expr);
      for (const auto& o : p.order_by) shifted(o.expr, p.items.size());
      shifted(c.where, p.items.size());
      expr(p.skip);
      expr(p.limit);
      return true;
    }
    expr(c.where);
  }
  return true;
}

}  // namespace

std::vector<CountSpec> ReadSpecsFor(const std::vector<ast::Clause>& clauses, size_t i) {
  const ast::Clause& match = clauses[i];
  std::vector<CountSpec> specs = CountSpecsFor(match);
  std::vector<bool> later;
  bool everything = !CollectLaterReads(clauses, i, &later);
  for (size_t p = 0; p < specs.size(); ++p) {
    CountSpec& spec = specs[p];
    const ast::PatternPart& part = match.patterns[p];
    for (size_t k = 0; k < part.nodes.size(); ++k)
      spec.node_read[k] = spec.node_read[k] || everything || Marked(part.nodes[k].slot, later);
    for (size_t k = 0; k < part.rels.size(); ++k)
      spec.rel_read[k] = spec.rel_read[k] || everything || Marked(part.rels[k].slot, later);
    BuildRows(&spec);
  }
  return specs;
}

bool CountFoldable(const std::vector<ast::Clause>& clauses, size_t i) {
  if (i + 1 >= clauses.size()) return false;
  const ast::Clause& m = clauses[i];
  const ast::Clause& next = clauses[i + 1];
  if (m.kind != ast::ClauseKind::kMatch || m.optional) return false;
  if (next.kind != ast::ClauseKind::kWith && next.kind != ast::ClauseKind::kReturn) return false;
  const ast::Projection& p = next.projection;
  return p.aggregates && !p.star && !p.distinct && p.order_by.empty() && p.items.size() == 1 &&
         !p.items[0].hidden && p.items[0].expr &&
         p.items[0].expr->kind == ast::ExprKind::kCountStar;
}

}  // namespace quiver::query
