// N-Triples: nodes as <base>node/ID with rdfs:label, rdf:type per label and
// one triple per property; each edge as a direct triple
// <node/S> <rel/TYPE> <node/D> and, so that its properties and evidence have
// a subject, an RDF reification <edge/ID> (rdf:subject/predicate/object).
// With evidence, each statement is <statement/EDGE-DOC-SENTENCE>, linked by
// prop/statement, with its document, sentence, sentence text, the mentions as
// written and the reasons they resolved (those not empty); prop/evidence
// keeps each sentence on the edge too.

#include "absl/strings/str_cat.h"
#include "render/internal/exporters.h"
#include "render/ntriples.h"
#include "render/store_scan.h"
#include "util/status_macros.h"

namespace quiver::render::internal {

namespace {

constexpr char kRdf[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr char kRdfsLabel[] = "<http://www.w3.org/2000/01/rdf-schema#label>";

}  // namespace

absl::Status WriteNtriples(const graph::Reader& reader, const ExportOptions& options,
                           std::ostream& out, ExportSummary* summary) {
  QUIVER_RETURN_IF_ERROR(CheckBaseIri(options.base_iri));
  const std::string& base = options.base_iri;
  auto iri = [&](std::string_view kind, std::string_view local) {
    return absl::StrCat("<", base, std::string(kind), "/", IriSegment(local), ">");
  };
  auto node_iri = [&](NodeId id) { return iri("node", std::to_string(id)); };
  const std::string rdf_type = absl::StrCat("<", kRdf, "type>");
  const std::string alias = iri("prop", "alias");
  const std::string mentions = iri("prop", "mentions");
  QUIVER_RETURN_IF_ERROR(ForEachNode(reader, [&](const Node& n) {
    std::string s = node_iri(n.id);
    out << s << ' ' << kRdfsLabel << ' ' << StringLiteral(n.name) << " .\n";
    for (const auto& label : n.labels) out << s << ' ' << rdf_type << ' ' << iri("label", label) << " .\n";
    for (const auto& a : n.aliases) out << s << ' ' << alias << ' ' << StringLiteral(a) << " .\n";
    out << s << ' ' << mentions << ' ' << Literal(Value(n.mentions)) << " .\n";
    for (const auto& [k, v] : n.properties) {
      if (k == "name" || v.is_null()) continue;
      out << s << ' ' << iri("prop", k) << ' ' << Literal(v) << " .\n";
    }
    ++summary->nodes;
    return absl::OkStatus();
  }));
  const std::string subject = absl::StrCat("<", kRdf, "subject>");
  const std::string predicate = absl::StrCat("<", kRdf, "predicate>");
  const std::string object = absl::StrCat("<", kRdf, "object>");
  const std::string statement = absl::StrCat("<", kRdf, "Statement>");
  const std::string evidence = iri("prop", "evidence");
  const std::string statement_of = iri("prop", "statement");
  const std::string doc_p = iri("prop", "doc");
  const std::string sentence_p = iri("prop", "sentence");
  const std::string sentence_text_p = iri("prop", "sentence_text");
  const std::string subject_mention_p = iri("prop", "subject_mention");
  const std::string object_mention_p = iri("prop", "object_mention");
  const std::string subject_reason_p = iri("prop", "subject_reason");
  const std::string object_reason_p = iri("prop", "object_reason");
  auto write_edge = [&](const Edge& e, const std::vector<Evidence>* sentences) {
    std::string src = node_iri(e.src), dst = node_iri(e.dst), rel = iri("rel", e.type);
    out << src << ' ' << rel << ' ' << dst << " .\n";
    std::string s = iri("edge", std::to_string(e.id));
    out << s << ' ' << rdf_type << ' ' << statement << " .\n"
        << s << ' ' << subject << ' ' << src << " .\n"
        << s << ' ' << predicate << ' ' << rel << " .\n"
        << s << ' ' << object << ' ' << dst << " .\n";
    for (const auto& [k, v] : e.properties) {
      if (v.is_null()) continue;
      out << s << ' ' << iri("prop", k) << ' ' << Literal(v) << " .\n";
    }
    if (sentences != nullptr) {
      for (const auto& ev : *sentences) {
        if (!ev.text.empty()) out << s << ' ' << evidence << ' ' << StringLiteral(ev.text) << " .\n";
        std::string st = iri("statement", absl::StrCat(e.id, "-", ev.doc, "-", ev.sentence));
        out << s << ' ' << statement_of << ' ' << st << " .\n";
        out << st << ' ' << doc_p << ' ' << Literal(Value(int64_t(ev.doc))) << " .\n";
        out << st << ' ' << sentence_p << ' ' << Literal(Value(int64_t(ev.sentence))) << " .\n";
        auto text = [&](const std::string& p, const std::string& v) {
          if (!v.empty()) out << st << ' ' << p << ' ' << StringLiteral(v) << " .\n";
        };
        text(sentence_text_p, ev.text);
        text(subject_mention_p, ev.subject_mention);
        text(object_mention_p, ev.object_mention);
        text(subject_reason_p, ev.subject_reason);
        text(object_reason_p, ev.object_reason);
      }
    }
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
