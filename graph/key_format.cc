#include "graph/key_format.h"

#include "graph/coding.h"

namespace quiver::graph {

const char* CfName(Cf cf) {
  static constexpr const char* kNames[kNumCfs] = {
      "default", "meta", "terms", "nodes", "names", "labels", "out",
      "in", "by_type", "edges", "evidence", "docs", "hashes", "provenance",
      "curation"};
  return kNames[static_cast<int>(cf)];
}

std::string IdKey(uint64_t id) {
  std::string k;
  AppendIdKey(&k, id);
  return k;
}

uint64_t DecodeIdKey(std::string_view key) { return DecodeFixed64BE(key.data()); }

std::string TermByNameKey(std::string_view text) {
  std::string k = "n";
  k.append(text);
  return k;
}

std::string TermByIdKey(TermId id) {
  std::string k = "i";
  PutFixed32BE(&k, id);
  return k;
}

std::string NamePrefix(std::string_view normalised) {
  std::string k(normalised);
  k.push_back('\0');
  return k;
}

std::string NameKey(std::string_view normalised, uint64_t node) {
  std::string k = NamePrefix(normalised);
  PutFixed64BE(&k, node);
  return k;
}

uint64_t NodeFromNameKey(std::string_view key) {
  return DecodeFixed64BE(key.data() + key.size() - 8);
}

std::string LabelPrefix(TermId label) {
  std::string k;
  PutFixed32BE(&k, label);
  return k;
}

std::string LabelKey(TermId label, uint64_t node) {
  std::string k = LabelPrefix(label);
  PutFixed64BE(&k, node);
  return k;
}

std::string OutKey(const AdjEntry& e) {
  std::string k;
  AppendOutKey(&k, e);
  return k;
}

std::string InKey(const AdjEntry& e) {
  std::string k;
  AppendInKey(&k, e);
  return k;
}

std::string ByTypeKey(const AdjEntry& e) {
  std::string k;
  AppendByTypeKey(&k, e);
  return k;
}

bool DecodeOutKey(std::string_view key, AdjEntry* e) {
  if (key.size() != kAdjKeySize) return false;
  const char* p = key.data();
  e->src = DecodeFixed64BE(p);
  e->type = DecodeFixed32BE(p + 8);
  e->dst = DecodeFixed64BE(p + 12);
  e->edge = DecodeFixed64BE(p + 20);
  return true;
}

bool DecodeInKey(std::string_view key, AdjEntry* e) {
  if (!DecodeOutKey(key, e)) return false;
  std::swap(e->src, e->dst);
  return true;
}

bool DecodeByTypeKey(std::string_view key, AdjEntry* e) {
  if (key.size() != kAdjKeySize) return false;
  const char* p = key.data();
  e->type = DecodeFixed32BE(p);
  e->src = DecodeFixed64BE(p + 4);
  e->dst = DecodeFixed64BE(p + 12);
  e->edge = DecodeFixed64BE(p + 20);
  return true;
}

std::string AdjPrefix(uint64_t node) { return IdKey(node); }

std::string AdjPrefix(uint64_t node, TermId type) {
  std::string k = IdKey(node);
  PutFixed32BE(&k, type);
  return k;
}

std::string AdjPrefix(uint64_t node, TermId type, uint64_t other) {
  std::string k = AdjPrefix(node, type);
  PutFixed64BE(&k, other);
  return k;
}

std::string ByTypePrefix(TermId type) { return LabelPrefix(type); }

std::string EvidenceKey(uint64_t edge, uint64_t doc, uint32_t sentence) {
  std::string k;
  AppendEvidenceKey(&k, edge, doc, sentence);
  return k;
}

bool DecodeEvidenceKey(std::string_view key, uint64_t* edge, uint64_t* doc,
                       uint32_t* sentence) {
  if (key.size() != kEvidenceKeySize) return false;
  *edge = DecodeFixed64BE(key.data());
  *doc = DecodeFixed64BE(key.data() + 8);
  *sentence = DecodeFixed32BE(key.data() + 16);
  return true;
}

namespace {

std::string TaggedId(char tag, uint64_t id) {
  std::string k(1, tag);
  PutFixed64BE(&k, id);
  return k;
}

}  // namespace

std::string DocEvidenceKey(uint64_t doc, uint64_t edge, uint32_t sentence) {
  std::string k;
  AppendDocEvidenceKey(&k, doc, edge, sentence);
  return k;
}

std::string DocEvidencePrefix(uint64_t doc) { return TaggedId('e', doc); }

bool DecodeDocEvidenceKey(std::string_view key, uint64_t* doc, uint64_t* edge,
                          uint32_t* sentence) {
  if (key.size() != kDocEvidenceKeySize || key[0] != 'e') return false;
  *doc = DecodeFixed64BE(key.data() + 1);
  *edge = DecodeFixed64BE(key.data() + 9);
  *sentence = DecodeFixed32BE(key.data() + 17);
  return true;
}

std::string DocNodeKey(uint64_t doc, uint64_t node) {
  std::string k;
  AppendDocNodeKey(&k, doc, node);
  return k;
}
std::string DocNodePrefix(uint64_t doc) { return TaggedId('n', doc); }
std::string NodeDocKey(uint64_t node, uint64_t doc) {
  std::string k;
  AppendNodeDocKey(&k, node, doc);
  return k;
}
std::string NodeDocPrefix(uint64_t node) { return TaggedId('m', node); }

bool DecodeIdPairKey(std::string_view key, uint64_t* first, uint64_t* second) {
  if (key.size() != kDocNodeKeySize) return false;
  *first = DecodeFixed64BE(key.data() + 1);
  *second = DecodeFixed64BE(key.data() + 9);
  return true;
}

// A source never holds a NUL byte (it is a path or URL), so the separator
// keeps "a.txt" from matching "a.txt.bak", as in `names`.
std::string SourcePrefix(std::string_view source) { return "s" + NamePrefix(source); }

std::string SourceKey(std::string_view source, uint64_t doc) {
  std::string k = SourcePrefix(source);
  PutFixed64BE(&k, doc);
  return k;
}

}  // namespace quiver::graph
