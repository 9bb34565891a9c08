// Encoding of the record values stored in the nodes, edges, evidence and docs
// column families (layout in key_format.h). Decoders return false on a
// malformed record; the caller reports it as corruption with its key.

#ifndef QUIVER_GRAPH_RECORDS_H_
#define QUIVER_GRAPH_RECORDS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/key_format.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

// Node: labels, aliases, properties, mentions (the id is the key).
std::string EncodeNode(const Node& node);
bool DecodeNode(std::string_view value, Node* node);  // Leaves node->id alone.

// An edge as stored: the type as a term id; the Reader resolves its name.
struct EdgeRecord {
  uint64_t src = 0;
  uint64_t dst = 0;
  TermId type = 0;
  ValueMap properties;
};
std::string EncodeEdge(const EdgeRecord& edge);
bool DecodeEdge(std::string_view value, EdgeRecord* edge);

std::string EncodeEvidence(const Evidence& evidence);
bool DecodeEvidence(std::string_view value, Evidence* evidence);

// Document; `hash` is the raw 16-byte content hash.
std::string EncodeDocument(const Document& doc, std::string_view hash);
bool DecodeDocument(std::string_view value, Document* doc);

// What one document did to a node it named (`provenance` 'n' entries), so
// that removing the document can undo it. `aliases` and `labels` are those
// the document gave the node; `added_*` the subset the node did not have yet.
struct MentionRecord {
  int64_t mentions = 0;
  bool created = false;  // The document's statements created the node.
  std::vector<std::string> aliases;
  std::vector<std::string> labels;
  std::vector<std::string> added_aliases;
  std::vector<std::string> added_labels;
};
std::string EncodeMention(const MentionRecord& mention);
bool DecodeMention(std::string_view value, MentionRecord* mention);

// A statement's own confidence, the value of a `provenance` 'e' entry.
std::string EncodeConfidence(double confidence);
// Nullopt for a value of the wrong size.
std::optional<double> DecodeConfidence(std::string_view value);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_RECORDS_H_
