// Store-side surname resolution across documents: a person named in full in
// one document ("Vladimir Putin") and by surname alone in another ("Putin",
// "President Putin" with the title stripped) is one node when exactly one
// stored person has that surname, whichever document came first. Two or
// more such people make the surname ambiguous: nothing is merged, and the
// mention's resolution says so with its candidates; a second person who
// arrives after the surname was placed on the first makes it ambiguous
// then (SeparateSurnameMentions), so the order of the documents does not
// matter. kg.split's and kg.merge's rulings win.

#ifndef QUIVER_GRAPH_SURNAME_RESOLVER_H_
#define QUIVER_GRAPH_SURNAME_RESOLVER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

// The normalised last word of a name of two words or more ("vladimir putin"
// → "putin"); empty for a one-word name.
std::string SurnameKey(std::string_view name);

// The Person nodes (ascending id) whose name has two words or more, ends
// with the one-word `name` and carries it as an alias (ingest's entity
// resolver gives every person's full name its surname as an alias; a caller
// of AddDocument that gives none keeps its full names out of this), leaving
// out those kg.split ruled `name` is not. Empty when `name` is not one word
// or `labels` say it is no person (they must be empty or include Person).
absl::StatusOr<std::vector<Node>> PersonsSurnamed(const Reader& reader, std::string_view name,
                                                  const std::vector<std::string>& labels);

// The store's reasons for a surname mention: resolved to `person`, or left
// apart from every one of `candidates` (listed by name, then id, so the
// reason reads the same whichever of them was stored first).
std::string SurnameReason(const Node& person);
std::string AmbiguousSurnameReason(std::string_view name, const std::vector<Node>& candidates);

// When node `full` is a Person with a full name that carries its surname as
// an alias (as PersonsSurnamed asks, so both directions agree), exactly one
// stored node is named by its surname alone (labels agreeing), no other
// stored person has that surname and kg.split did not rule the surname away
// from `full`:
// merges that node into `full` (graph/node_merger.h, so evidence,
// provenance and counts follow and kg.split can undo it), logged with the
// reason (graph/short_name_mentions.h's AbsorbShortNameNode: the absorbed
// node's mentions then read as if each had found `full` by its surname, so
// that SeparateSurnameMentions can take them apart again). Returns the id
// of the node merged away, nullopt when none was.
absl::StatusOr<std::optional<NodeId>> AbsorbSurnameNode(WriteTxn& txn, NodeId full);

// Called when document `doc` (being written in `txn`) gives node `full` a
// full name that carries its surname as an alias (as PersonsSurnamed asks):
// when the surname is now ambiguous, every other stored person of that
// surname gives up the surname-only mentions the surname rule placed on
// it (each resolution beginning with SurnameReason, directly or through
// AbsorbSurnameNode) in other documents that do not name it otherwise, to
// the node named by the surname alone, as SeparateShortNameMentions
// (graph/short_name_mentions.h) says; the person keeps the surname alias.
// Nothing happens to a person the surname is blocked from (kg.split) or
// whose surname a user merged in or split off. Returns how many
// documents' mentions moved.
absl::StatusOr<int64_t> SeparateSurnameMentions(WriteTxn& txn, NodeId full, DocId doc);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SURNAME_RESOLVER_H_
