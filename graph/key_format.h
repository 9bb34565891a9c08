// The byte layout of every column family of a Quiver store.
//
// All ids in keys are fixed-width big-endian, so RocksDB's bytewise order is
// numeric order and a prefix scan returns ids in ascending order. Where the
// key is the whole fact the value is empty (index entries). Record values
// start with a format byte (kRecordFormat) so each record type can evolve.
// docs/storage-format.md describes the same layout at length.
//
//   cf        key                                       value
//   --------  ----------------------------------------  -----------------------
//   meta      ascii name ("format_version", ...)        fixed64 BE, or raw bytes
//   terms     'n' term-text                             term-id: fixed32 BE
//             'i' term-id(4)                            term-text
//   nodes     node-id(8)                                NodeRecord
//   names     normalised-name 0x00 node-id(8)           (empty)
//   labels    label-term(4) node-id(8)                  (empty)
//   out       src(8) type-term(4) dst(8) edge-id(8)     (empty)
//   in        dst(8) type-term(4) src(8) edge-id(8)     (empty)
//   by_type   type-term(4) src(8) dst(8) edge-id(8)     (empty)
//   edges     edge-id(8)                                EdgeRecord
//   evidence  edge-id(8) doc-id(8) sentence(4)          EvidenceRecord
//   docs      doc-id(8)                                 DocRecord
//   hashes    content-hash(16)                          doc-id: fixed64 BE
//   provenance 'e' doc(8) edge(8) sentence(4)           statement: confidence
//                                                       (IEEE-754 bits), text,
//                                                       qualifiers (below)
//             'm' node(8) doc(8)                        (empty)
//             'n' doc(8) node(8)                        MentionRecord
//             's' source 0x00 doc(8)                    (empty)
//   curation  'l' seq(8)                                CurationRecord
//             'b' normalised-name 0x00 node-id(8)       (empty)
//
// Records (varint = LEB128; str = varint length + bytes; value = Value::Type
// tag byte + payload, see coding.h; map = varint n + n × (str key, value)):
//   NodeRecord      format(1) labels: varint n + n × str
//                   aliases: varint n + n × str   properties: map
//                   mentions: varint
//   EdgeRecord      format(1) src: fixed64 dst: fixed64 type-term: fixed32
//                   properties: map
//   EvidenceRecord  format(1) begin: varint end: varint text: str source: str
//                   subject-mention: str object-mention: str
//                   [subject-reason: str object-reason: str] (only when
//                   either is not empty)
//   DocRecord       format(1) source: str title: str date: str url: str
//                   hash: str(16 bytes) statements: varint
//   MentionRecord   format(1) mentions: varint created: byte(0/1)
//                   aliases: strs  labels: strs  added-aliases: strs
//                   added-labels: strs        (strs = varint n + n × str)
//                   [resolutions: varint n + n × (mention: str name: str
//                   reason: str store: str count: varint)] (only when n > 0)
//   'e' value       confidence: fixed64 BE [format(1) text: str
//                   qualifiers: map] (the bracket absent in older stores)
//
// `provenance` says what each document contributed, so that a document can
// be taken out again (graph/document_remover.h): 'e' mirrors `evidence`
// document-first, with the statement's confidence, relation as written and
// qualifiers (a fact's are recomputed from the statements left); 'n' is what
// a document did to a node it named (mentions, whether it created the node,
// the aliases and labels it gave and those it added, and each mention as
// written with why it resolved there: kg.mentions); 'm' lists the documents
// naming a node; 's' finds a document by its source.
//
// `curation` keeps what users decided with kg.merge and kg.split
// (graph/curation.h): 'l' is the log, in order; 'b' says that ingest must
// never resolve that name to that node again (kg.split's rule).
//   CurationRecord  format(1) kind(1: 1 merge, 2 split) time: zigzag varint
//                   (µs since the Unix epoch) node: fixed64 other: fixed64
//                   names: varint n + n × str  reason: str  edges: varint
//
// Terms give relationship types and labels 4-byte ids so adjacency keys stay
// fixed-width; ids are never reused.

#ifndef QUIVER_GRAPH_KEY_FORMAT_H_
#define QUIVER_GRAPH_KEY_FORMAT_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace quiver::graph {

// Column families. DO NOT CHANGE the names: they are on-disk identifiers.
enum class Cf : int {
  kDefault = 0,
  kMeta,
  kTerms,
  kNodes,
  kNames,
  kLabels,
  kOut,
  kIn,
  kByType,
  kEdges,
  kEvidence,
  kDocs,
  kHashes,
  kProvenance,  // Added in format version 2.
  kCuration,    // Added in format version 2.
};
inline constexpr int kNumCfs = 15;
const char* CfName(Cf cf);

using TermId = uint32_t;

// The format version this code writes and reads. Bump it with a migration in
// graph/store_format.cc whenever a layout above changes.
// Version 2 added the `provenance` and `curation` column families and the
// mentions in EvidenceRecord.
inline constexpr uint64_t kFormatVersion = 2;
// The first byte of every record value. DO NOT CHANGE: on-disk value.
inline constexpr uint8_t kRecordFormat = 1;

inline constexpr size_t kIdSize = 8;
inline constexpr size_t kTermSize = 4;
inline constexpr size_t kAdjKeySize = 8 + 4 + 8 + 8;
inline constexpr size_t kEvidenceKeySize = 8 + 8 + 4;
inline constexpr size_t kHashSize = 16;

// Meta keys. DO NOT CHANGE: on-disk names.
namespace meta {
inline constexpr std::string_view kFormatVersion = "format_version";
inline constexpr std::string_view kStoreId = "store_id";
inline constexpr std::string_view kNextNodeId = "next_node_id";
inline constexpr std::string_view kNextEdgeId = "next_edge_id";
inline constexpr std::string_view kNextDocId = "next_doc_id";
inline constexpr std::string_view kNextTermId = "next_term_id";
inline constexpr std::string_view kNodeCount = "count_nodes";
inline constexpr std::string_view kEdgeCount = "count_edges";
inline constexpr std::string_view kDocCount = "count_docs";
inline constexpr std::string_view kEvidenceCount = "count_evidence";
}  // namespace meta

std::string IdKey(uint64_t id);  // nodes, edges, docs
uint64_t DecodeIdKey(std::string_view key);  // REQUIRES: key.size() >= 8

std::string TermByNameKey(std::string_view text);
std::string TermByIdKey(TermId id);

std::string NameKey(std::string_view normalised, uint64_t node);
std::string NamePrefix(std::string_view normalised);
uint64_t NodeFromNameKey(std::string_view key);  // the last 8 bytes

std::string LabelKey(TermId label, uint64_t node);
std::string LabelPrefix(TermId label);

// An adjacency entry as the `out` index orders it. `in` swaps src and dst;
// `by_type` puts the type first.
struct AdjEntry {
  uint64_t src = 0;
  TermId type = 0;
  uint64_t dst = 0;
  uint64_t edge = 0;
};
std::string OutKey(const AdjEntry& e);
std::string InKey(const AdjEntry& e);
std::string ByTypeKey(const AdjEntry& e);
// Decoders return false for a key of the wrong size.
bool DecodeOutKey(std::string_view key, AdjEntry* e);
bool DecodeInKey(std::string_view key, AdjEntry* e);
bool DecodeByTypeKey(std::string_view key, AdjEntry* e);
// Prefixes: node, node+type, node+type+other.
std::string AdjPrefix(uint64_t node);
std::string AdjPrefix(uint64_t node, TermId type);
std::string AdjPrefix(uint64_t node, TermId type, uint64_t other);
std::string ByTypePrefix(TermId type);

std::string EvidenceKey(uint64_t edge, uint64_t doc, uint32_t sentence);
bool DecodeEvidenceKey(std::string_view key, uint64_t* edge, uint64_t* doc,
                       uint32_t* sentence);

// `provenance` keys (see the layout above).
inline constexpr size_t kDocEvidenceKeySize = 1 + 8 + 8 + 4;
std::string DocEvidenceKey(uint64_t doc, uint64_t edge, uint32_t sentence);
std::string DocEvidencePrefix(uint64_t doc);
bool DecodeDocEvidenceKey(std::string_view key, uint64_t* doc, uint64_t* edge,
                          uint32_t* sentence);
inline constexpr size_t kDocNodeKeySize = 1 + 8 + 8;
std::string DocNodeKey(uint64_t doc, uint64_t node);  // 'n'
std::string DocNodePrefix(uint64_t doc);
std::string NodeDocKey(uint64_t node, uint64_t doc);  // 'm'
std::string NodeDocPrefix(uint64_t node);
// Decode 'n' and 'm' keys: the two ids in key order. False on a bad size.
bool DecodeIdPairKey(std::string_view key, uint64_t* first, uint64_t* second);
std::string SourceKey(std::string_view source, uint64_t doc);
std::string SourcePrefix(std::string_view source);

// Appending forms of the fixed-width keys above, for writers of millions of
// keys (the bulk loader): each appends to the caller's buffer, so a key
// costs no allocation once the buffer has grown (the string-returning forms
// cost a malloc each, as the keys are longer than a short string holds;
// measured at 0.5 CPU s per million edges of the bulk load). Defined here,
// inline, so that the compiler writes the bytes in place. The
// string-returning forms are these into a new string.
namespace key_internal {
inline char* StoreBE32(char* p, uint32_t v) {
  v = __builtin_bswap32(v);
  std::memcpy(p, &v, 4);
  return p + 4;
}
inline char* StoreBE64(char* p, uint64_t v) {
  v = __builtin_bswap64(v);
  std::memcpy(p, &v, 8);
  return p + 8;
}
// Grows `dst` by n bytes and returns where they start.
inline char* Grow(std::string* dst, size_t n) {
  const size_t at = dst->size();
  dst->resize(at + n);
  return dst->data() + at;
}
inline void AppendAdj(std::string* dst, uint64_t a, TermId type, uint64_t b, uint64_t edge) {
  char* p = Grow(dst, kAdjKeySize);
  p = StoreBE64(StoreBE32(StoreBE64(p, a), type), b);
  StoreBE64(p, edge);
}
inline void AppendTaggedIdPair(std::string* dst, char tag, uint64_t a, uint64_t b) {
  char* p = Grow(dst, 1 + 8 + 8);
  *p = tag;
  StoreBE64(StoreBE64(p + 1, a), b);
}
}  // namespace key_internal

inline void AppendIdKey(std::string* dst, uint64_t id) {
  key_internal::StoreBE64(key_internal::Grow(dst, kIdSize), id);
}
inline void AppendOutKey(std::string* dst, const AdjEntry& e) {
  key_internal::AppendAdj(dst, e.src, e.type, e.dst, e.edge);
}
inline void AppendInKey(std::string* dst, const AdjEntry& e) {
  key_internal::AppendAdj(dst, e.dst, e.type, e.src, e.edge);
}
inline void AppendByTypeKey(std::string* dst, const AdjEntry& e) {
  char* p = key_internal::Grow(dst, kAdjKeySize);
  p = key_internal::StoreBE64(key_internal::StoreBE64(key_internal::StoreBE32(p, e.type), e.src),
                              e.dst);
  key_internal::StoreBE64(p, e.edge);
}
inline void AppendEvidenceKey(std::string* dst, uint64_t edge, uint64_t doc, uint32_t sentence) {
  char* p = key_internal::Grow(dst, kEvidenceKeySize);
  key_internal::StoreBE32(key_internal::StoreBE64(key_internal::StoreBE64(p, edge), doc),
                          sentence);
}
inline void AppendDocEvidenceKey(std::string* dst, uint64_t doc, uint64_t edge,
                                 uint32_t sentence) {
  key_internal::AppendTaggedIdPair(dst, 'e', doc, edge);
  key_internal::StoreBE32(key_internal::Grow(dst, 4), sentence);
}
inline void AppendDocNodeKey(std::string* dst, uint64_t doc, uint64_t node) {
  key_internal::AppendTaggedIdPair(dst, 'n', doc, node);
}
inline void AppendNodeDocKey(std::string* dst, uint64_t node, uint64_t doc) {
  key_internal::AppendTaggedIdPair(dst, 'm', node, doc);
}

// A key of `cf` for people (graph/key_describer.cc): ids as numbers, names
// and text as text ("src 3, type 2, dst 5, edge 7", "'n' doc 4, node 9",
// "\"erik dahl\" node 2"), or "malformed: N bytes" for a key of no shape
// that family writes.
std::string DescribeKey(Cf cf, std::string_view key);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_KEY_FORMAT_H_
