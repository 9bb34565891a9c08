#include "graph/records.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "util/strings.h"
#include "graph/coding.h"

namespace quiver::graph {

namespace {

void PutStrings(std::string* dst, const std::vector<std::string>& v) {
  PutVarint64(dst, v.size());
  for (const auto& s : v) PutLengthPrefixed(dst, s);
}

bool GetStrings(std::string_view* in, std::vector<std::string>* v) {
  uint64_t n;
  if (!GetVarint64(in, &n) || n > in->size()) return false;
  v->clear();
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view s;
    if (!GetLengthPrefixed(in, &s)) return false;
    v->emplace_back(s);
  }
  return true;
}

bool GetFormat(std::string_view* in) {
  if (in->empty() || uint8_t((*in)[0]) != kRecordFormat) return false;
  in->remove_prefix(1);
  return true;
}

bool GetString(std::string_view* in, std::string* s) {
  std::string_view v;
  if (!GetLengthPrefixed(in, &v)) return false;
  s->assign(v);
  return true;
}

}  // namespace

std::string EncodeNode(const Node& node) {
  std::string out(1, char(kRecordFormat));
  PutStrings(&out, node.labels);
  PutStrings(&out, node.aliases);
  PutValueMap(&out, node.properties);
  PutVarint64(&out, uint64_t(node.mentions));
  return out;
}

bool DecodeNode(std::string_view in, Node* node) {
  uint64_t mentions;
  if (!GetFormat(&in) || !GetStrings(&in, &node->labels) ||
      !GetStrings(&in, &node->aliases) ||
      !GetValueMap(&in, &node->properties) || !GetVarint64(&in, &mentions) ||
      !in.empty()) {
    return false;
  }
  node->mentions = int64_t(mentions);
  auto it = node->properties.find("name");
  node->name = it != node->properties.end() && it->second.is_string()
                   ? it->second.AsString()
                   : std::string();
  return true;
}

std::string EncodeEdge(const EdgeRecord& edge) {
  std::string out(1, char(kRecordFormat));
  PutFixed64BE(&out, edge.src);
  PutFixed64BE(&out, edge.dst);
  PutFixed32BE(&out, edge.type);
  PutValueMap(&out, edge.properties);
  return out;
}

void SetEdgeEnds(std::string* encoded, uint64_t src, uint64_t dst, TermId type) {
  // After the format byte: src, dst (fixed64 BE), type (fixed32 BE).
  char* p = encoded->data() + 1;
  key_internal::StoreBE32(key_internal::StoreBE64(key_internal::StoreBE64(p, src), dst), type);
}

bool DecodeEdge(std::string_view in, EdgeRecord* edge) {
  return GetFormat(&in) && GetFixed64BE(&in, &edge->src) &&
         GetFixed64BE(&in, &edge->dst) && GetFixed32BE(&in, &edge->type) &&
         GetValueMap(&in, &edge->properties) && in.empty();
}

std::string EncodeEvidence(const Evidence& e) {
  std::string out(1, char(kRecordFormat));
  PutVarint64(&out, e.begin);
  PutVarint64(&out, e.end);
  PutLengthPrefixed(&out, e.text);
  PutLengthPrefixed(&out, e.source);
  PutLengthPrefixed(&out, e.subject_mention);
  PutLengthPrefixed(&out, e.object_mention);
  // Appended later: a record without them (older stores, or none to keep)
  // ends here, so the common case costs nothing.
  if (!e.subject_reason.empty() || !e.object_reason.empty()) {
    PutLengthPrefixed(&out, e.subject_reason);
    PutLengthPrefixed(&out, e.object_reason);
  }
  return out;
}

bool DecodeEvidence(std::string_view in, Evidence* e) {
  uint64_t begin, end;
  if (!GetFormat(&in) || !GetVarint64(&in, &begin) || !GetVarint64(&in, &end) ||
      !GetString(&in, &e->text) || !GetString(&in, &e->source) ||
      !GetString(&in, &e->subject_mention) || !GetString(&in, &e->object_mention) ||
      begin > UINT32_MAX || end > UINT32_MAX) {
    return false;
  }
  e->subject_reason.clear();
  e->object_reason.clear();
  if (!in.empty() &&
      (!GetString(&in, &e->subject_reason) || !GetString(&in, &e->object_reason) || !in.empty()))
    return false;
  e->begin = uint32_t(begin);
  e->end = uint32_t(end);
  return true;
}

std::string EncodeDocument(const Document& doc, std::string_view hash) {
  std::string out(1, char(kRecordFormat));
  PutLengthPrefixed(&out, doc.source);
  PutLengthPrefixed(&out, doc.title);
  PutLengthPrefixed(&out, doc.date);
  PutLengthPrefixed(&out, doc.url);
  PutLengthPrefixed(&out, hash);
  PutVarint64(&out, uint64_t(doc.statements));
  return out;
}

bool DecodeDocument(std::string_view in, Document* doc) {
  std::string_view hash;
  uint64_t statements;
  if (!GetFormat(&in) || !GetString(&in, &doc->source) ||
      !GetString(&in, &doc->title) || !GetString(&in, &doc->date) ||
      !GetString(&in, &doc->url) || !GetLengthPrefixed(&in, &hash) ||
      hash.size() != kHashSize || !GetVarint64(&in, &statements) || !in.empty()) {
    return false;
  }
  doc->content_hash = absl::BytesToHexString(
      absl::string_view(hash.data(), hash.size()));
  doc->statements = int64_t(statements);
  return true;
}

std::string EncodeMention(const MentionRecord& m) {
  std::string out(1, char(kRecordFormat));
  PutVarint64(&out, uint64_t(m.mentions));
  out.push_back(m.created ? 1 : 0);
  PutStrings(&out, m.aliases);
  PutStrings(&out, m.labels);
  PutStrings(&out, m.added_aliases);
  PutStrings(&out, m.added_labels);
  // Appended later; absent (not an empty list) when there is none, so older
  // records and new ones without resolutions are the same bytes.
  if (!m.resolutions.empty()) {
    PutVarint64(&out, m.resolutions.size());
    for (const auto& r : m.resolutions) {
      PutLengthPrefixed(&out, r.mention);
      PutLengthPrefixed(&out, r.name);
      PutLengthPrefixed(&out, r.reason);
      PutLengthPrefixed(&out, r.store);
      PutVarint64(&out, uint64_t(r.count));
    }
  }
  return out;
}

bool DecodeMention(std::string_view in, MentionRecord* m) {
  uint64_t mentions;
  if (!GetFormat(&in) || !GetVarint64(&in, &mentions) || in.empty() ||
      uint8_t(in[0]) > 1) {
    return false;
  }
  m->mentions = int64_t(mentions);
  m->created = in[0] == 1;
  in.remove_prefix(1);
  if (!GetStrings(&in, &m->aliases) || !GetStrings(&in, &m->labels) ||
      !GetStrings(&in, &m->added_aliases) || !GetStrings(&in, &m->added_labels))
    return false;
  m->resolutions.clear();
  if (in.empty()) return true;  // Written before resolutions were kept.
  uint64_t n;
  if (!GetVarint64(&in, &n) || n > in.size()) return false;
  for (uint64_t i = 0; i < n; ++i) {
    MentionResolution r;
    uint64_t count;
    if (!GetString(&in, &r.mention) || !GetString(&in, &r.name) || !GetString(&in, &r.reason) ||
        !GetString(&in, &r.store) || !GetVarint64(&in, &count))
      return false;
    r.count = int64_t(count);
    m->resolutions.push_back(std::move(r));
  }
  return in.empty();
}

std::string CandidateNodes(const std::vector<Node>& candidates) {
  std::string out;
  for (size_t i = 0; i < candidates.size(); ++i) {
    absl::StrAppend(&out, i ? ", " : "", "node ", candidates[i].id, " \"", candidates[i].name,
                    "\"");
  }
  return out;
}

std::string MatchReason(std::string_view alias, uint64_t node, std::string_view node_name,
                        std::string_view origin, std::string_view labels) {
  std::string out =
      alias.empty() ? std::string("same normalised name as")
                    : absl::StrCat("alias \"", util::Absl(alias), "\" of");
  absl::StrAppend(&out, " node ", node, " \"", util::Absl(node_name), "\" (", util::Absl(origin),
                  "); ", util::Absl(labels));
  return out;
}

std::string EncodeStatement(const StatementRecord& s) {
  std::string out = EncodeConfidence(s.confidence);
  out.push_back(char(kRecordFormat));
  PutLengthPrefixed(&out, s.text);
  PutValueMap(&out, s.qualifiers);
  return out;
}

bool DecodeStatement(std::string_view in, StatementRecord* s) {
  if (in.size() < 8) return false;
  s->confidence = DoubleFromBits(DecodeFixed64BE(in.data()));
  in.remove_prefix(8);
  s->text.clear();
  s->qualifiers.clear();
  s->known = !in.empty();
  if (!s->known) return true;  // The confidence alone.
  return GetFormat(&in) && GetString(&in, &s->text) && GetValueMap(&in, &s->qualifiers) &&
         in.empty();
}

std::string EncodeConfidence(double confidence) {
  std::string out;
  PutFixed64BE(&out, DoubleBits(confidence));
  return out;
}

std::optional<double> DecodeConfidence(std::string_view value) {
  StatementRecord s;
  if (!DecodeStatement(value, &s)) return std::nullopt;
  return s.confidence;
}

}  // namespace quiver::graph

namespace quiver {

// Beside the document record's codec: the date is stored as text (so older
// stores, which kept it unparsed, still decode) and read as a Date here.
Value Document::date_value() const {
  if (date.size() < 10) return Value();
  auto day = ParseTemporal(TemporalValue::Kind::kDate, std::string_view(date).substr(0, 10));
  if (!day.ok()) return Value();
  return *day;
}

}  // namespace quiver
