// The `curation` column family: what users decided about nodes with
// kg.merge and kg.split, kept so that every such change can be explained
// (`CALL kg.merges()`) and later ingests respect it.
//
//   'l' seq(8)                        CurationRecord (the log, oldest first)
//   'b' normalised-name 0x00 node(8)  (empty): ingest never resolves that
//                                     name to that node (set by kg.split)
//
//   CurationRecord  format(1) kind(1) time: zigzag varint (µs since the Unix
//                   epoch) node: fixed64 other: fixed64 names: varint n +
//                   n × str  reason: str  edges: varint

#ifndef QUIVER_GRAPH_CURATION_H_
#define QUIVER_GRAPH_CURATION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

class Reader;

// DO NOT CHANGE: on-disk values.
enum class CurationKind : uint8_t { kMerge = 1, kSplit = 2 };
const char* CurationKindName(CurationKind kind);  // "merge", "split"

struct CurationRecord {
  uint64_t seq = 0;  // The key: 1, 2, ... in the order the changes were made.
  CurationKind kind = CurationKind::kMerge;
  int64_t time_micros = 0;  // When, since the Unix epoch.
  NodeId node = 0;   // merge: the node kept; split: the node split.
  NodeId other = 0;  // merge: the node merged away; split: the new node.
  // merge: the names of `other` that became aliases of `node`;
  // split: the aliases moved to `other`.
  std::vector<std::string> names;
  std::string reason;  // Who and why: "user: kg.merge".
  int64_t edges = 0;   // Relationships moved or combined.
};

std::string CurationLogKey(uint64_t seq);
std::string CurationLogPrefix();
std::string NameBlockKey(std::string_view normalised, NodeId node);

std::string EncodeCuration(const CurationRecord& record);
// False on a malformed key or value.
bool DecodeCuration(std::string_view key, std::string_view value, CurationRecord* record);

// The whole log, oldest first. Errors: kDataLoss on a corrupt record.
absl::StatusOr<std::vector<CurationRecord>> CurationLog(const Reader& reader);

// Whether kg.split took `normalised` away from any node.
absl::StatusOr<bool> NameEverSplitOff(const Reader& reader, std::string_view normalised);

// Whether kg.split ruled that `normalised` (a NormalizeName key) must not
// resolve to `node` in ingest.
absl::StatusOr<bool> NameBlocked(const Reader& reader, std::string_view normalised,
                                 NodeId node);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_CURATION_H_
