#include "render/timeline.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace quiver::render {

void Canonicalize(Timeline* t) {
  std::sort(
      t->items.begin(), t->items.end(),
      [](const TimelineItem& a, const TimelineItem& b) {
        return std::tie(a.first_day, a.last_day, a.lane, a.relation, a.edge) <
               std::tie(b.first_day, b.last_day, b.lane, b.relation, b.edge);
      });
}

std::vector<std::string> LanesOf(const Timeline& t) {
  std::map<std::string, int64_t> earliest;
  for (const auto& item : t.items) {
    auto [it, added] = earliest.emplace(item.lane, item.first_day);
    if (!added) it->second = std::min(it->second, item.first_day);
  }
  std::vector<std::string> lanes;
  for (const auto& [lane, day] : earliest) lanes.push_back(lane);
  std::stable_sort(lanes.begin(), lanes.end(),
                   [&](const std::string& a, const std::string& b) {
                     return earliest[a] < earliest[b];
                   });
  return lanes;
}

std::vector<std::string> RelationsOf(const Timeline& t) {
  std::set<std::string> types;
  for (const auto& item : t.items) types.insert(item.relation);
  return {types.begin(), types.end()};
}

}  // namespace quiver::render
