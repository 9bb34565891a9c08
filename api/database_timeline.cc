// quiver::diagram::Timeline: gathering an entity's dated facts through the
// Database API (render/timeline.h), then drawing them (render/timeline_svg.h,
// render/timeline_html.h, render/svg_image.h).

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/date_range.h"
#include "graph/fact_time.h"
#include "quiver/database.h"
#include "quiver/timeline.h"
#include "render/svg_image.h"
#include "render/timeline.h"
#include "render/timeline_html.h"
#include "render/timeline_svg.h"
#include "util/status_macros.h"

namespace quiver::diagram {

namespace {

absl::Status Check(const TimelineOptions& o) {
  const std::string& f = o.format;
  if (f != "svg" && f != "png" && f != "pdf" && f != "html") {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown timeline format '", f, "' (use svg, png, pdf or html)"));
  }
  if (o.lanes != "counterpart" && o.lanes != "relation") {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown lanes '", o.lanes, "' (use counterpart or relation)"));
  }
  if (o.max_items == 0)
    return absl::InvalidArgumentError("max_items must be at least 1");
  return absl::OkStatus();
}

std::string Describe(const Node& n) {
  return absl::StrCat(
      "#", n.id, " ", n.name,
      n.labels.empty() ? "" : absl::StrCat(" (", n.labels[0], ")"));
}

absl::StatusOr<Node> Entity(Database& db, std::string_view name,
                            const TimelineOptions& o) {
  if (o.node) return db.GetNode(*o.node);
  QUIVER_ASSIGN_OR_RETURN(std::vector<Node> found, db.FindNodes(name));
  if (found.empty())
    return absl::NotFoundError(
        absl::StrCat("no node is named '", std::string(name), "'"));
  if (found.size() > 1) {
    std::vector<std::string> listed;
    for (const Node& n : found) listed.push_back(Describe(n));
    return absl::InvalidArgumentError(absl::StrCat(
        "'", std::string(name), "' names ", found.size(),
        " nodes: ", absl::StrJoin(listed, ", "), "; choose one by its id"));
  }
  return found.front();
}

std::string Text(const ValueMap& m, const std::string& key) {
  auto it = m.find(key);
  return it != m.end() && it->second.is_string() ? it->second.AsString() : "";
}

// Everything a timeline needs from the store, read once per node and
// document however many facts share them.
class Gatherer {
 public:
  Gatherer(Database& db, const Node& entity, const api::DayRange& range,
           bool by_relation)
      : db_(db), entity_(entity), range_(range), by_relation_(by_relation) {}

  // Adds the dated items of `edge` to `out`: one per distinct statement
  // span, with the statements that gave it.
  absl::Status Add(const Edge& edge, NodeId other,
                   std::vector<render::TimelineItem>* out) {
    QUIVER_ASSIGN_OR_RETURN(std::string src, NameOf(edge.src));
    QUIVER_ASSIGN_OR_RETURN(std::string dst, NameOf(edge.dst));
    QUIVER_ASSIGN_OR_RETURN(std::string counterpart, NameOf(other));
    render::TimelineItem proto;
    proto.edge = edge.id;
    proto.relation = edge.type;
    proto.lane = by_relation_ ? edge.type : counterpart;
    proto.negated = edge.negated();
    proto.fact = absl::StrCat(
        src, edge.negated() ? " \xE2\x80\x94not " : " \xE2\x80\x94", edge.type,
        "\xE2\x86\x92 ", dst);
    QUIVER_ASSIGN_OR_RETURN(std::vector<Evidence> statements,
                            db_.EvidenceFor(edge.id));
    std::map<graph::DaySpan, render::TimelineItem> by_span;
    std::vector<render::TimelineEvidence> undated;
    for (const Evidence& s : statements) {
      QUIVER_ASSIGN_OR_RETURN(render::TimelineEvidence ev, EvidenceOf(s));
      std::optional<graph::DaySpan> span = graph::StatementSpan(s.qualifiers);
      if (!span) {
        undated.push_back(std::move(ev));
        continue;
      }
      auto [it, added] = by_span.emplace(*span, proto);
      render::TimelineItem& item = it->second;
      if (added) {
        item.first_day = span->first;
        item.last_day = span->second;
        item.granularity = s.qualifiers.count("time_start")
                               ? Text(s.qualifiers, "time_granularity")
                               : "day";  // The report's day.
      }
      item.evidence.push_back(std::move(ev));
    }
    // Statements stored before they kept their times: the edge's own span.
    if (by_span.empty()) {
      if (auto seen = graph::SeenOf(edge.properties)) {
        render::TimelineItem item = proto;
        item.first_day = seen->first;
        item.last_day = seen->second;
        item.evidence = std::move(undated);
        by_span.emplace(*seen, std::move(item));
      }
    }
    for (auto& [span, item] : by_span) {
      if (range_.Overlaps(span.first, span.second))
        out->push_back(std::move(item));
    }
    return absl::OkStatus();
  }

 private:
  absl::StatusOr<std::string> NameOf(NodeId id) {
    if (id == entity_.id) return entity_.name;
    auto it = names_.find(id);
    if (it != names_.end()) return it->second;
    QUIVER_ASSIGN_OR_RETURN(Node n, db_.GetNode(id));
    return names_[id] = n.name;
  }

  absl::StatusOr<render::TimelineEvidence> EvidenceOf(const Evidence& s) {
    auto it = docs_.find(s.doc);
    if (it == docs_.end()) {
      QUIVER_ASSIGN_OR_RETURN(Document d, db_.GetDocument(s.doc));
      it = docs_.emplace(s.doc, std::move(d)).first;
    }
    const Document& d = it->second;
    return render::TimelineEvidence{
        s.text, d.title.empty() ? d.source : d.title, d.date};
  }

  Database& db_;
  const Node& entity_;
  const api::DayRange& range_;
  bool by_relation_;
  std::map<NodeId, std::string> names_;
  std::map<DocId, Document> docs_;
};

std::string RangeText(const TimelineOptions& o) {
  if (o.from.empty() && o.to.empty()) return "";
  if (o.to.empty()) return absl::StrCat(" from ", o.from);
  if (o.from.empty()) return absl::StrCat(" until ", o.to);
  return absl::StrCat(", ", o.from, " to ", o.to);
}

}  // namespace

absl::StatusOr<TimelineOutput> Timeline(Database& db, std::string_view name,
                                        const TimelineOptions& options) {
  QUIVER_RETURN_IF_ERROR(Check(options));
  QUIVER_ASSIGN_OR_RETURN(api::DayRange range,
                          api::ParseDayRange(options.from, options.to));
  QUIVER_ASSIGN_OR_RETURN(Node entity, Entity(db, name, options));
  QUIVER_ASSIGN_OR_RETURN(std::vector<Neighbor> neighbors,
                          db.Neighbors(entity.id, Direction::kBoth));
  Gatherer gather(db, entity, range, options.lanes == "relation");
  render::Timeline t;
  std::set<EdgeId> seen;  // A loop is listed from both of its ends.
  for (const Neighbor& n : neighbors) {
    if (!seen.insert(n.edge.id).second) continue;
    QUIVER_RETURN_IF_ERROR(gather.Add(n.edge, n.other, &t.items));
  }
  if (t.items.empty()) {
    return absl::NotFoundError(absl::StrCat(
        "'", entity.name, "' (#", entity.id, ") has no dated facts",
        RangeText(options), range.bounded ? " (widen or drop the range)" : "",
        ": ",
        neighbors.empty()
            ? "it has no relationships"
            : "none of its statements has a time or a dated document"));
  }
  render::Canonicalize(&t);
  TimelineOutput out;
  if (t.items.size() > options.max_items) {
    out.omitted = static_cast<int64_t>(t.items.size() - options.max_items);
    t.note = absl::StrCat("kept the earliest ", options.max_items, " of ",
                          t.items.size(), " dated facts (", out.omitted,
                          " later ones left out)");
    t.items.resize(options.max_items);
  }
  t.omitted = out.omitted;
  t.title = !options.title.empty()
                ? options.title
                : absl::StrCat(entity.name, ": timeline", RangeText(options));
  out.node = entity.id;
  out.items = static_cast<int64_t>(t.items.size());
  out.lanes = static_cast<int64_t>(render::LanesOf(t).size());
  out.note = t.note;
  render::TimelineSvg svg = render::WriteTimelineSvg(t);
  if (options.format == "svg") {
    out.data = std::move(svg.svg);
  } else if (options.format == "html") {
    out.data = render::WriteTimelineHtml(t, svg.svg);
  } else {
    QUIVER_ASSIGN_OR_RETURN(
        out.data,
        render::RenderSvgImage(svg.svg, svg.width, svg.height, options.format));
  }
  return out;
}

}  // namespace quiver::diagram
