// A timeline's content: the dated facts around one entity, each on a lane
// (a counterpart or a relation type), with the statements that date it.
// Built by api/database_timeline.cc, drawn by render/timeline_svg.h.

#ifndef QUIVER_RENDER_TIMELINE_H_
#define QUIVER_RENDER_TIMELINE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "quiver/graph_types.h"

namespace quiver::render {

// One statement behind a timeline item, for the hover text.
struct TimelineEvidence {
  std::string sentence;
  std::string document;  // The document's title, else its source.
  std::string date;      // The document's date as stored; may be empty.
};

// One fact over [first_day, last_day] (epoch days, inclusive): a point when
// they are equal, a bar otherwise.
struct TimelineItem {
  EdgeId edge = 0;
  std::string lane;
  std::string relation;  // The edge's type: picks the colour.
  std::string fact;      // "Hollande —visit→ Berlin".
  bool negated = false;
  int64_t first_day = 0;
  int64_t last_day = 0;
  std::string granularity;  // "day", "month", "year"..., or empty.
  std::vector<TimelineEvidence> evidence;
};

// Items sorted by (first_day, last_day, lane, relation, edge): the order
// they are drawn in, so equal content gives equal bytes.
struct Timeline {
  std::string title;
  std::vector<TimelineItem> items;
  int64_t omitted = 0;  // Items left out by the size cap.
  std::string note;     // Says what the cap left out; empty otherwise.
};

// Sorts items into the canonical order above.
void Canonicalize(Timeline* timeline);

// The lanes in the order they are drawn: by each lane's earliest item, then
// by name.
std::vector<std::string> LanesOf(const Timeline& timeline);

// The relation types in legend order (by name).
std::vector<std::string> RelationsOf(const Timeline& timeline);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_TIMELINE_H_
