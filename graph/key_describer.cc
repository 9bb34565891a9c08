// DescribeKey (key_format.h): keys decoded for the checker's messages.

#include "absl/strings/str_cat.h"
#include "absl/strings/escaping.h"
#include "graph/coding.h"
#include "graph/key_format.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

std::string Malformed(std::string_view key) {
  return absl::StrCat("malformed: ", key.size(), " bytes");
}

// Text as it is, with control bytes (and the quote) escaped.
std::string Quoted(std::string_view text) {
  return absl::StrCat("\"", absl::CHexEscape(util::Absl(text)), "\"");
}

// `text` 0x00 id(8): names, 's' and 'b' keys.
std::string TextThenId(std::string_view key, std::string_view what) {
  if (key.size() < 9 || key[key.size() - 9] != '\0') return Malformed(key);
  return absl::StrCat(Quoted(key.substr(0, key.size() - 9)), " ", util::Absl(what), " ",
                      DecodeFixed64BE(key.data() + key.size() - 8));
}

std::string Adjacency(Cf cf, std::string_view key) {
  AdjEntry e;
  bool ok = cf == Cf::kOut ? DecodeOutKey(key, &e)
            : cf == Cf::kIn ? DecodeInKey(key, &e)
                            : DecodeByTypeKey(key, &e);
  if (!ok) return Malformed(key);
  return absl::StrCat("src ", e.src, ", type ", e.type, ", dst ", e.dst, ", edge ", e.edge);
}

std::string Provenance(std::string_view key) {
  if (key.empty()) return Malformed(key);
  uint64_t a = 0, b = 0;
  uint32_t sentence = 0;
  switch (key[0]) {
    case 'e':
      if (!DecodeDocEvidenceKey(key, &a, &b, &sentence)) return Malformed(key);
      return absl::StrCat("'e' doc ", a, ", edge ", b, ", sentence ", sentence);
    case 'n':
      if (!DecodeIdPairKey(key, &a, &b)) return Malformed(key);
      return absl::StrCat("'n' doc ", a, ", node ", b);
    case 'm':
      if (!DecodeIdPairKey(key, &a, &b)) return Malformed(key);
      return absl::StrCat("'m' node ", a, ", doc ", b);
    case 's':
      return absl::StrCat("'s' ", TextThenId(key.substr(1), "doc"));
  }
  return absl::StrCat("unknown kind ", Quoted(key.substr(0, 1)));
}

std::string Curation(std::string_view key) {
  if (key.empty()) return Malformed(key);
  if (key[0] == 'l') {
    if (key.size() != 9) return Malformed(key);
    return absl::StrCat("'l' seq ", DecodeFixed64BE(key.data() + 1));
  }
  if (key[0] == 'b') return absl::StrCat("'b' ", TextThenId(key.substr(1), "node"));
  return absl::StrCat("unknown kind ", Quoted(key.substr(0, 1)));
}

}  // namespace

std::string DescribeKey(Cf cf, std::string_view key) {
  switch (cf) {
    case Cf::kDefault:
    case Cf::kMeta:
      return Quoted(key);
    case Cf::kTerms:
      if (!key.empty() && key[0] == 'n') return absl::StrCat("'n' ", Quoted(key.substr(1)));
      if (key.size() == 5 && key[0] == 'i')
        return absl::StrCat("'i' term ", DecodeFixed32BE(key.data() + 1));
      return Malformed(key);
    case Cf::kNodes:
    case Cf::kEdges:
    case Cf::kDocs:
      if (key.size() != kIdSize) return Malformed(key);
      return absl::StrCat(cf == Cf::kNodes ? "node " : cf == Cf::kEdges ? "edge " : "doc ",
                          DecodeIdKey(key));
    case Cf::kNames:
      return TextThenId(key, "node");
    case Cf::kLabels:
      if (key.size() != kTermSize + kIdSize) return Malformed(key);
      return absl::StrCat("label ", DecodeFixed32BE(key.data()), ", node ",
                          DecodeFixed64BE(key.data() + kTermSize));
    case Cf::kOut:
    case Cf::kIn:
    case Cf::kByType:
      return Adjacency(cf, key);
    case Cf::kEvidence: {
      uint64_t edge = 0, doc = 0;
      uint32_t sentence = 0;
      if (!DecodeEvidenceKey(key, &edge, &doc, &sentence)) return Malformed(key);
      return absl::StrCat("edge ", edge, ", doc ", doc, ", sentence ", sentence);
    }
    case Cf::kHashes:
      if (key.size() != kHashSize) return Malformed(key);
      return absl::StrCat("hash ", absl::BytesToHexString(util::Absl(key)));
    case Cf::kProvenance:
      return Provenance(key);
    case Cf::kCuration:
      return Curation(key);
  }
  return Malformed(key);
}

}  // namespace quiver::graph
