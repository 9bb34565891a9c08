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
// Rewrites src, dst and type of an encoded edge record in place: they are
// fixed-width at its start, so a writer of many edges whose properties are
// alike (the bulk loader) encodes the properties once, not per edge.
// REQUIRES: `encoded` is an EncodeEdge result.
void SetEdgeEnds(std::string* encoded, uint64_t src, uint64_t dst, TermId type);

std::string EncodeEvidence(const Evidence& evidence);
bool DecodeEvidence(std::string_view value, Evidence* evidence);

// Document; `hash` is the raw 16-byte content hash.
std::string EncodeDocument(const Document& doc, std::string_view hash);
bool DecodeDocument(std::string_view value, Document* doc);

// What one document did to a node it named (`provenance` 'n' entries), so
// that removing the document can undo it. `aliases` and `labels` are those
// the document gave the node; `added_*` the subset the node did not have yet.
//
// `resolutions` explains each automatic merge: every distinct way the
// document wrote the node, with why the document resolved it to the name it
// gave (the extractor's reason) and why the store put that name on this node
// (`store`: a new node, the same normalised name or an alias of a node some
// document created, the labels that agreed). Records written before
// resolutions were kept decode with none.
struct MentionResolution {
  std::string mention;  // As written ("Hollande", "he", "French").
  std::string name;     // The name the document resolved it to.
  std::string reason;   // The document's reason; may be empty.
  std::string store;    // The store's reason.
  int64_t count = 0;    // Statements that named the node this way.
};
// The wording of MentionResolution::store, shared by every writer so that
// the same resolution is the same bytes whichever path stored it.
inline constexpr std::string_view kNewNodeReason = "new node";
inline constexpr std::string_view kCreatedHere = "created by this document";
inline constexpr std::string_view kMentionHasNoLabels = "labels agree: the mention has none";
// `same normalised name as node ID "NAME" (ORIGIN); LABELS`, or with a
// non-empty `alias`: `alias "ALIAS" of node ID "NAME" (ORIGIN); LABELS`.
std::string MatchReason(std::string_view alias, uint64_t node, std::string_view node_name,
                        std::string_view origin, std::string_view labels);

// `node ID "NAME", node ID "NAME"`: the candidates an ambiguous mention
// was merged with none of.
std::string CandidateNodes(const std::vector<Node>& candidates);

struct MentionRecord {
  int64_t mentions = 0;
  bool created = false;  // The document's statements created the node.
  std::vector<std::string> aliases;
  std::vector<std::string> labels;
  std::vector<std::string> added_aliases;
  std::vector<std::string> added_labels;
  std::vector<MentionResolution> resolutions;  // In the order first seen.
};
std::string EncodeMention(const MentionRecord& mention);
bool DecodeMention(std::string_view value, MentionRecord* mention);

// What one statement said of its fact, the value of a `provenance` 'e'
// entry: its own confidence and, so that removing another document can give
// a surviving fact the properties of a statement that is left, its relation
// as written and its qualifiers. Entries written before those were kept
// (8 bytes: the confidence alone) decode with `known` false.
struct StatementRecord {
  double confidence = 1.0;
  bool known = false;  // text and qualifiers were recorded.
  std::string text;
  ValueMap qualifiers;
};
std::string EncodeStatement(const StatementRecord& statement);  // Sets known.
// False for a malformed value.
bool DecodeStatement(std::string_view value, StatementRecord* statement);
// A statement of confidence alone (the bulk loader's, older stores').
std::string EncodeConfidence(double confidence);
// Nullopt for a malformed value.
std::optional<double> DecodeConfidence(std::string_view value);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_RECORDS_H_
