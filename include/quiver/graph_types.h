// Plain records the Database API reads and writes: nodes, edges, their
// evidence, documents, triples to add, and store statistics.

#ifndef QUIVER_GRAPH_TYPES_H_
#define QUIVER_GRAPH_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "quiver/value.h"

namespace quiver {

using NodeId = uint64_t;
using EdgeId = uint64_t;
using DocId = uint64_t;

// A thing in the graph. `name` mirrors properties["name"] when that is a
// string; `aliases` holds every surface form the node can be found by.
struct Node {
  NodeId id = 0;
  std::string name;
  std::vector<std::string> labels;
  std::vector<std::string> aliases;
  ValueMap properties;
  int64_t mentions = 0;  // How many statements named this node.
};

// A directed, typed relationship. Facts added from documents merge into one
// edge per (src, type, dst); `count` is how many sentences or lines stated it.
struct Edge {
  EdgeId id = 0;
  NodeId src = 0;
  NodeId dst = 0;
  std::string type;
  ValueMap properties;  // Includes "text", "negated", "count", "confidence"
                        // for extracted facts, and "first_seen" / "last_seen"
                        // (Dates) when any statement has a time.
  int64_t count() const;
  bool negated() const;
};

// One statement of an edge: which document and sentence said it, where.
struct Evidence {
  EdgeId edge = 0;
  DocId doc = 0;
  uint32_t sentence = 0;  // Sentence index, or line number for loads.
  uint32_t begin = 0;     // Character span in the document (0, 0 if unknown).
  uint32_t end = 0;
  std::string text;    // The sentence as written.
  std::string source;  // Where the statement came from, when it says.
  // How the sentence named the edge's subject and object ("Hollande", "he"),
  // when that differs from the node's name; empty means the node's name.
  // kg.split moves statements by these.
  std::string subject_mention;
  std::string object_mention;
  // Why the document resolved each mention to its node ("short form of
  // François Hollande (same document)", "pronoun: …"), kept beside a
  // mention that is kept; empty otherwise, and in stores written before
  // reasons were recorded.
  std::string subject_reason;
  std::string object_reason;
  // What the statement itself said beside the fact (its qualifiers:
  // "modality", prepositions, and its time: "time" as written, "time_start"
  // and "time_end" Dates, "time_granularity", "time_kind", and "reported",
  // the document's date); empty for statements stored before they were kept.
  ValueMap qualifiers;
};

struct Document {
  DocId id = 0;
  std::string source;  // Path or URL the document was read from.
  std::string title;
  // Publication date, ISO 8601: "2016-10-11", or "2016-10-11T14:30:00+02:00"
  // when the document gave a time with its offset; empty when unknown.
  // Stores written before dates were normalised may hold another spelling.
  std::string date;
  std::string url;
  std::string content_hash;  // 32 hex digits (XXH3-128 of the content).
  int64_t statements = 0;    // Triples the document contributed.

  // The day of `date` as a Date value; null when there is none or it does
  // not begin with an ISO date (an older store's unparsed spelling).
  Value date_value() const;
};

// A fact to add: subject –relation→ object, named by strings. The store finds
// or creates the nodes by normalised name (see Database::FindNodes).
struct Triple {
  std::string subject;
  std::string relation;  // Relationship type, e.g. "veto", "minister_of".
  std::string object;
  std::vector<std::string> subject_labels;
  std::vector<std::string> object_labels;
  std::vector<std::string> subject_aliases;  // Further names of the subject.
  std::vector<std::string> object_aliases;
  std::string text;       // Relation as written ("was vetoed by").
  bool negated = false;
  double confidence = 1.0;
  ValueMap qualifiers;    // Extra edge properties (e.g. "in": "Paris").
  // Evidence: which sentence (or line) of the document stated it.
  uint32_t sentence = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string sentence_text;
  std::string source;
  // The subject and object as written in the sentence, when they differ from
  // `subject` / `object` (a short form, a pronoun); kept in the evidence.
  std::string subject_mention;
  std::string object_mention;
  // Why the extractor resolved each mention to `subject` / `object` (the
  // entity resolver's reason: "title stripped", "demonym", …); kept with the
  // evidence and the document's provenance so every merge is explainable.
  std::string subject_reason;
  std::string object_reason;
};

// A document and the facts it states; added atomically.
struct DocumentInput {
  std::string source;
  std::string title;
  std::string date;  // As Document::date.
  std::string url;
  std::string content;  // Hashed to recognise a document seen before.
  // The content's hash (Document::content_hash: 32 hex digits) when the
  // content itself is not at hand (an extraction file ships the hash, not the
  // text); when set, it is stored instead of hashing `content`. Default: "".
  std::string content_hash;
  std::vector<Triple> triples;
};

struct AddResult {
  bool duplicate = false;  // The content was already stored; nothing changed.
  DocId doc = 0;
  int64_t nodes_created = 0;
  int64_t edges_created = 0;
  int64_t evidence_added = 0;
  // Earlier versions of the same source (other content) that this write
  // replaced: removed as Database::RemoveDocument does, in the same batch.
  int64_t replaced = 0;
};

// What removing documents took out.
struct RemoveResult {
  int64_t documents = 0;
  int64_t edges = 0;     // Facts left without evidence, deleted.
  int64_t evidence = 0;  // Statements removed.
  int64_t nodes = 0;     // Nodes no remaining document named, deleted.
};

enum class Direction { kOutgoing, kIncoming, kBoth };

// An edge seen from one of its ends: `other` is the node at the far end.
struct Neighbor {
  Edge edge;
  NodeId other = 0;
  Direction direction = Direction::kOutgoing;  // kOutgoing or kIncoming.
};

// One edge at a node as the adjacency index holds it: which edge, its type,
// the node at the far end and the direction, without the edge's record
// (properties, count, evidence), so a traversal step costs one index scan.
struct Adjacency {
  EdgeId edge = 0;
  std::string type;
  NodeId other = 0;
  Direction direction = Direction::kOutgoing;  // kOutgoing or kIncoming.
};

struct Stats {
  int64_t nodes = 0;
  int64_t edges = 0;
  int64_t documents = 0;
  int64_t evidence = 0;
  // Documents whose date reads as one (Document::date_value), and the
  // earliest and latest of those days (YYYY-MM-DD; empty when none).
  int64_t dated_documents = 0;
  std::string earliest_date;
  std::string latest_date;
  // (name, count), most frequent first, ties by name.
  std::vector<std::pair<std::string, int64_t>> labels;
  std::vector<std::pair<std::string, int64_t>> relation_types;
};

}  // namespace quiver

#endif  // QUIVER_GRAPH_TYPES_H_
