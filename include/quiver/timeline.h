// Timelines of a Database: the dated facts around one entity on a time
// axis, one lane per counterpart (or per relation type), a point for a fact
// of one day and a bar for one over a month, a year or an interval, with a
// legend of relation colours. A fact's time is its statement's event time
// ("time_start".."time_end" qualifiers), else the date of the document that
// reported it; a fact stored before statements kept their times falls back
// to its edge's first_seen..last_seen. Deterministic: the same store and
// request give the same bytes. Thread-safety: as Database.

#ifndef QUIVER_TIMELINE_H_
#define QUIVER_TIMELINE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "quiver/graph_types.h"

namespace quiver {

class Database;

struct TimelineOptions {
  // "svg" or "html" (one self-contained page: the SVG, and on hover each
  // item's sentences with their document and date). Default: "svg".
  std::string format = "svg";
  // Keep facts whose time overlaps [from, to], ISO dates ("2016-10-11");
  // empty means open on that side. Default: both empty.
  std::string from;
  std::string to;
  // "counterpart" (one lane per node at the far end) or "relation" (one
  // lane per relation type). Default: "counterpart".
  std::string lanes = "counterpart";
  // Past this many items keep the earliest; TimelineOutput::note says how
  // many were left out. Default: 200.
  size_t max_items = 200;
  std::string title;  // Default: empty (the entity's name and the range).
  // Draw this node, found by id, instead of by name (for a name several
  // nodes share). Default: none.
  std::optional<NodeId> node;
};

struct TimelineOutput {
  std::string data;  // The file's bytes.
  NodeId node = 0;   // The entity drawn.
  int64_t items = 0;
  int64_t lanes = 0;
  int64_t omitted = 0;  // Items left out by max_items.
  std::string note;     // Says what the cap left out; empty otherwise.
};

namespace diagram {

// The timeline of the node named `name` (as Database::FindNodes finds it),
// or of options.node when set. Errors: kNotFound for a name no node has or
// an entity with no dated fact in range (the message says which);
// kInvalidArgument for a name several nodes share (the message lists them
// with their ids), a date that does not read, from after to, or another
// bad option.
absl::StatusOr<TimelineOutput> Timeline(Database& db, std::string_view name,
                                        const TimelineOptions& options = {});

}  // namespace diagram
}  // namespace quiver

#endif  // QUIVER_TIMELINE_H_
