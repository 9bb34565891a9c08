// Fuzz target: the decoders of what the store holds (graph/records.h,
// graph/key_format.h, graph/coding.h), as a corrupt store would feed them.
// The first byte picks the decoder, the rest is the record or key. Beyond
// not crashing, a decoder must accept exactly what its encoder can write
// back: whatever decodes, re-encoded, decodes again to the same bytes.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/strings/escaping.h"
#include "graph/coding.h"
#include "graph/key_format.h"
#include "graph/records.h"

namespace {

using namespace quiver;         // NOLINT: a harness, not a library
using namespace quiver::graph;  // NOLINT

// Decoded, encoded, decoded and encoded again: the two encodings agree.
template <typename T, typename Decode, typename Encode>
void RoundTrip(std::string_view in, Decode decode, Encode encode) {
  T first;
  if (!decode(in, &first)) return;
  std::string once = encode(first);
  T second;
  if (!decode(once, &second)) std::abort();
  if (encode(second) != once) std::abort();
}

// Keys: a key that decodes is exactly the key its fields encode to.
template <typename Decode, typename Encode>
void KeyRoundTrip(std::string_view in, Decode decode, Encode encode) {
  AdjEntry e;
  if (decode(in, &e) && encode(e) != in) std::abort();
}

std::string DocumentBytes(const Document& doc) {
  return EncodeDocument(doc, absl::HexStringToBytes(doc.content_hash));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t which = data[0];
  std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (which % 16) {
    case 0:
      RoundTrip<Node>(in, DecodeNode, EncodeNode);
      break;
    case 1:
      RoundTrip<EdgeRecord>(in, DecodeEdge, EncodeEdge);
      break;
    case 2:
      RoundTrip<Evidence>(in, DecodeEvidence, EncodeEvidence);
      break;
    case 3:
      RoundTrip<Document>(in, DecodeDocument, DocumentBytes);
      break;
    case 4:
      RoundTrip<MentionRecord>(in, DecodeMention, EncodeMention);
      break;
    case 5:
      RoundTrip<StatementRecord>(in, DecodeStatement, EncodeStatement);
      DecodeConfidence(in);
      break;
    case 6: {
      Value v;
      std::string_view rest = in;
      if (GetValue(&rest, &v) && IsStorable(v)) {
        std::string once;
        PutValue(&once, v);
        std::string_view again = once;
        Value w;
        if (!GetValue(&again, &w) || !again.empty()) std::abort();
        std::string twice;
        PutValue(&twice, w);
        if (twice != once) std::abort();
      }
      break;
    }
    case 7: {
      ValueMap map;
      std::string_view rest = in;
      if (GetValueMap(&rest, &map)) {
        std::string once;
        PutValueMap(&once, map);
        std::string_view again = once;
        ValueMap second;
        if (!GetValueMap(&again, &second) || !again.empty()) std::abort();
      }
      break;
    }
    case 8: {
      // Varints of every kind, one after another until the input ends.
      std::string_view rest = in;
      uint64_t u;
      int64_t s;
      uint32_t u32;
      std::string_view str;
      while (!rest.empty()) {
        switch (uint8_t(rest[0]) % 5) {
          case 0: if (!GetVarint64(&rest, &u)) return 0; break;
          case 1: if (!GetVarsint64(&rest, &s)) return 0; break;
          case 2: if (!GetFixed32BE(&rest, &u32)) return 0; break;
          case 3: if (!GetFixed64BE(&rest, &u)) return 0; break;
          default: if (!GetLengthPrefixed(&rest, &str)) return 0; break;
        }
      }
      break;
    }
    case 9:
      KeyRoundTrip(in, DecodeOutKey, OutKey);
      break;
    case 10:
      KeyRoundTrip(in, DecodeInKey, InKey);
      break;
    case 11:
      KeyRoundTrip(in, DecodeByTypeKey, ByTypeKey);
      break;
    case 12: {
      uint64_t edge, doc;
      uint32_t sentence;
      if (DecodeEvidenceKey(in, &edge, &doc, &sentence) &&
          EvidenceKey(edge, doc, sentence) != in)
        std::abort();
      if (DecodeDocEvidenceKey(in, &doc, &edge, &sentence) &&
          DocEvidenceKey(doc, edge, sentence) != in)
        std::abort();
      break;
    }
    case 13: {
      uint64_t first, second;
      if (DecodeIdPairKey(in, &first, &second)) {
        if (in[0] == 'n' && DocNodeKey(first, second) != in) std::abort();
        if (in[0] == 'm' && NodeDocKey(first, second) != in) std::abort();
      }
      // Callers check the size first (REQUIRES).
      if (in.size() >= kIdSize) {
        DecodeIdKey(in);
        NodeFromNameKey(in);
      }
      break;
    }
    case 14: {
      // The successor is greater than every string with the prefix.
      std::string next = PrefixSuccessor(in);
      if (!next.empty() && !(std::string_view(next) > in)) std::abort();
      if (!next.empty() && std::string(in) + "\xff\xff" >= next) std::abort();
      break;
    }
    default: {
      // A value with a key: what decodes as one record kind must not
      // crash another kind's decoder either.
      Node n;
      EdgeRecord e;
      Evidence ev;
      Document d;
      MentionRecord m;
      StatementRecord s;
      DecodeNode(in, &n);
      DecodeEdge(in, &e);
      DecodeEvidence(in, &ev);
      DecodeDocument(in, &d);
      DecodeMention(in, &m);
      DecodeStatement(in, &s);
      break;
    }
  }
  return 0;
}
