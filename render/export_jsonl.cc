// JSON Lines: one object per node, then one per edge with its evidence
// (each statement's sentence, mentions as written and resolution reasons).
// "kind" tells them apart, so a reader can stream the file.

#include "render/internal/exporters.h"
#include "render/store_scan.h"
#include "render/value_json.h"
#include "util/status_macros.h"

namespace quiver::render::internal {

namespace {

void Line(std::ostream& out, const nlohmann::json& j) {
  // Invalid UTF-8 in a stored string is replaced rather than thrown on.
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

absl::Status WriteJsonl(const graph::Reader& reader, const ExportOptions& options,
                        std::ostream& out, ExportSummary* summary) {
  QUIVER_RETURN_IF_ERROR(ForEachNode(reader, [&](const Node& n) {
    nlohmann::json j = {{"kind", "node"},         {"id", n.id},
                        {"name", n.name},         {"aliases", n.aliases},
                        {"labels", n.labels},     {"mentions", n.mentions},
                        {"properties", ToJson(n.properties)}};
    Line(out, j);
    ++summary->nodes;
    return absl::OkStatus();
  }));
  auto write_edge = [&](const Edge& e, const std::vector<Evidence>* sentences) {
    auto text = e.properties.find("text");
    nlohmann::json j = {{"kind", "edge"},
                        {"id", e.id},
                        {"src", e.src},
                        {"dst", e.dst},
                        {"type", e.type},
                        {"text", text != e.properties.end() ? PlainText(text->second) : ""},
                        {"count", e.count()},
                        {"negated", e.negated()},
                        {"properties", ToJson(e.properties)}};
    if (sentences != nullptr) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& ev : *sentences) {
        // The mentions as written ("" means the node's own name) and why
        // the document resolved them to the edge's ends ("" when none kept).
        list.push_back({{"doc", ev.doc},
                        {"sentence", ev.sentence},
                        {"begin", ev.begin},
                        {"end", ev.end},
                        {"text", ev.text},
                        {"source", ev.source},
                        {"subject_mention", ev.subject_mention},
                        {"object_mention", ev.object_mention},
                        {"subject_reason", ev.subject_reason},
                        {"object_reason", ev.object_reason}});
      }
      j["evidence"] = std::move(list);
    }
    Line(out, j);
    ++summary->edges;
    return absl::OkStatus();
  };
  if (options.evidence) {
    return ForEachEdgeWithEvidence(reader, [&](const Edge& e, const std::vector<Evidence>& ev) {
      return write_edge(e, &ev);
    });
  }
  return ForEachEdge(reader, [&](const Edge& e) { return write_edge(e, nullptr); });
}

}  // namespace quiver::render::internal
