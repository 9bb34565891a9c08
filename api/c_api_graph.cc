// The C API (quiver/c.h): evidence, algorithms, diagrams and exports.

#include "api/c_api_internal.h"
#include "quiver/algorithms.h"
#include "quiver/diagram.h"
#include "quiver/export.h"

using quiver::c_api::Guard;
using quiver::c_api::GuardVoid;
using quiver::c_api::SaveError;
using quiver::c_api::Str;

namespace {

template <typename T, typename Score>
quiver_scores_t* Scores(const absl::StatusOr<std::vector<T>>& in, Score score, char** errptr) {
  if (!in.ok()) {
    SaveError(errptr, in.status());
    return nullptr;
  }
  auto* out = new quiver_scores_t;
  out->scores.reserve(in->size());
  for (const T& s : *in) out->scores.emplace_back(s.node, score(s));
  return out;
}

quiver::Direction Direction(unsigned char directed) {
  return directed ? quiver::Direction::kOutgoing : quiver::Direction::kBoth;
}

char* Diagram(const absl::StatusOr<quiver::DiagramOutput>& out, size_t* len, char** errptr) {
  if (!out.ok()) {
    SaveError(errptr, out.status());
    return nullptr;
  }
  if (len) *len = out->data.size();
  return quiver::c_api::CopyBytes(out->data);
}

quiver::DiagramOptions DiagramFormat(const char* format) {
  quiver::DiagramOptions options;
  if (format != nullptr) options.format = format;
  return options;
}

}  // namespace

extern "C" {

quiver_evidence_t* quiver_evidence(quiver_db_t* db, uint64_t edge, char** errptr) {
  return Guard<quiver_evidence_t*>(errptr, nullptr, [&]() -> quiver_evidence_t* {
    auto statements = db->db->EvidenceFor(edge);
    if (!statements.ok()) {
      SaveError(errptr, statements.status());
      return nullptr;
    }
    auto out = std::make_unique<quiver_evidence_t>();
    for (const quiver::Evidence& e : *statements) {
      auto doc = db->db->GetDocument(e.doc);
      if (!doc.ok()) {
        SaveError(errptr, doc.status());
        return nullptr;
      }
      out->sources.push_back(doc->source);
    }
    out->statements = std::move(*statements);
    return out.release();
  });
}

void quiver_evidence_destroy(quiver_evidence_t* evidence) { delete evidence; }
size_t quiver_evidence_count(const quiver_evidence_t* evidence) {
  return evidence->statements.size();
}
const char* quiver_evidence_text(const quiver_evidence_t* evidence, size_t i) {
  return i < evidence->statements.size() ? evidence->statements[i].text.c_str() : nullptr;
}
const char* quiver_evidence_source(const quiver_evidence_t* evidence, size_t i) {
  return i < evidence->sources.size() ? evidence->sources[i].c_str() : nullptr;
}
uint64_t quiver_evidence_document(const quiver_evidence_t* evidence, size_t i) {
  return i < evidence->statements.size() ? evidence->statements[i].doc : 0;
}
uint32_t quiver_evidence_sentence(const quiver_evidence_t* evidence, size_t i) {
  return i < evidence->statements.size() ? evidence->statements[i].sentence : 0;
}

quiver_scores_t* quiver_pagerank(quiver_db_t* db, int iterations, double damping,
                                 char** errptr) {
  return Guard<quiver_scores_t*>(errptr, nullptr, [&] {
    quiver::PageRankOptions options;
    options.iterations = iterations;
    options.damping = damping;
    return Scores(quiver::algo::PageRank(*db->db, options),
                  [](const quiver::NodeScore& s) { return s.score; }, errptr);
  });
}

quiver_scores_t* quiver_betweenness(quiver_db_t* db, unsigned char directed,
                                    unsigned char normalized, char** errptr) {
  return Guard<quiver_scores_t*>(errptr, nullptr, [&] {
    quiver::BetweennessOptions options;
    options.filter.direction = Direction(directed);
    options.normalized = normalized != 0;
    return Scores(quiver::algo::Betweenness(*db->db, options),
                  [](const quiver::NodeScore& s) { return s.score; }, errptr);
  });
}

quiver_scores_t* quiver_degrees(quiver_db_t* db, unsigned char directed, char** errptr) {
  return Guard<quiver_scores_t*>(errptr, nullptr, [&] {
    quiver::AlgoFilter filter;
    filter.direction = Direction(directed);
    return Scores(quiver::algo::Degrees(*db->db, filter),
                  [](const quiver::NodeDegree& d) { return double(d.degree); }, errptr);
  });
}

void quiver_scores_destroy(quiver_scores_t* scores) { delete scores; }
size_t quiver_scores_count(const quiver_scores_t* scores) { return scores->scores.size(); }
uint64_t quiver_scores_node(const quiver_scores_t* scores, size_t i) {
  return i < scores->scores.size() ? scores->scores[i].first : 0;
}
double quiver_scores_value(const quiver_scores_t* scores, size_t i) {
  return i < scores->scores.size() ? scores->scores[i].second : 0.0;
}

char* quiver_diagram_around(quiver_db_t* db, const char* const* names, size_t count, int depth,
                            const char* format, size_t* len, char** errptr) {
  return Guard<char*>(errptr, nullptr, [&] {
    std::vector<std::string> list;
    for (size_t i = 0; i < count; ++i) list.push_back(Str(names[i]));
    return Diagram(quiver::diagram::Around(*db->db, list, depth, DiagramFormat(format)), len,
                   errptr);
  });
}

char* quiver_diagram_of_query(quiver_db_t* db, const char* statement, const char* format,
                              size_t* len, char** errptr) {
  return Guard<char*>(errptr, nullptr, [&] {
    return Diagram(quiver::diagram::OfQuery(*db->db, Str(statement), DiagramFormat(format)),
                   len, errptr);
  });
}

void quiver_export(quiver_db_t* db, const char* format, const char* path, char** errptr) {
  GuardVoid(errptr, [&] {
    auto parsed = quiver::ParseExportFormat(Str(format));
    if (!parsed.ok()) {
      SaveError(errptr, parsed.status());
      return;
    }
    quiver::ExportOptions options;
    options.format = *parsed;
    auto summary = quiver::Export(*db->db, Str(path), options);
    if (!summary.ok()) SaveError(errptr, summary.status());
  });
}

}  // extern "C"
