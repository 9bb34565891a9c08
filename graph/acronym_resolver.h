// Store-side acronyms across documents: an all-capitals mention ("SNC")
// and the one stored organisation whose initials it is ("the Syrian
// National Council") are one node, whichever document came first. Two or
// more organisations with those initials make it ambiguous: nothing is
// merged, and the mention's resolution says so with its candidates; a
// second organisation that arrives after the acronym was placed on the
// first makes it ambiguous then (SeparateAcronymMentions), so the order of
// the documents does not matter. kg.split's and kg.merge's rulings win.

#ifndef QUIVER_GRAPH_ACRONYM_RESOLVER_H_
#define QUIVER_GRAPH_ACRONYM_RESOLVER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

// The initials of a name of two words or more, in capitals, leaving out
// "the", "of", "and" ("the Syrian National Council" → "SNC"); empty for a
// one-word name or fewer than two initials.
std::string Initials(std::string_view name);

// Whether `name` is written as an acronym: one word, two to eight letters,
// all of them capitals.
bool IsAcronym(std::string_view name);

// The Organization nodes (ascending id) whose initials are the acronym
// `name`, leaving out those kg.split ruled `name` is not. Empty when `name`
// is no acronym or `labels` say it is no organisation (they must be empty
// or include Organization). Reads every Organization node: call it only
// for an acronym no node is named by yet (the first time it is met).
absl::StatusOr<std::vector<Node>> OrganisationsAbbreviated(const Reader& reader,
                                                            std::string_view name,
                                                            const std::vector<std::string>& labels);

// The store's reasons for an acronym: resolved to `organisation`, or left
// apart from every one of `candidates` (listed by name, then id, so the
// reason reads the same whichever of them was stored first).
std::string AcronymReason(const Node& organisation);
std::string AmbiguousAcronymReason(std::string_view name, const std::vector<Node>& candidates);

// When node `full` is an Organization whose name has initials, exactly one
// stored node is named by those initials alone (labels agreeing), no other
// stored organisation has them and kg.split did not rule them away from
// `full`: merges that node into `full` (graph/node_merger.h), logged with
// the reason (graph/short_name_mentions.h's AbsorbShortNameNode: the
// absorbed node's mentions then read as if each had found `full` by the
// acronym, so that SeparateAcronymMentions can take them apart again).
// Returns the id of the node merged away, nullopt when none was.
absl::StatusOr<std::optional<NodeId>> AbsorbAcronymNode(WriteTxn& txn, NodeId full);

// Called when document `doc` (being written in `txn`) created node `full`
// or labelled it Organization: when its initials make an acronym another
// stored organisation has been named by, that acronym is now ambiguous, so
// every other organisation with those initials gives up the acronym-only
// mentions the acronym rule placed on it (each resolution beginning with
// AcronymReason, directly or through AbsorbAcronymNode) in other documents
// that do not name it otherwise, to the node named by the acronym alone,
// as SeparateShortNameMentions (graph/short_name_mentions.h) says; the
// acronym alias goes with them unless another document gave it. Nothing
// happens to an organisation the acronym is blocked from (kg.split) or
// whose acronym a user merged in or split off. Returns how many documents'
// mentions moved.
absl::StatusOr<int64_t> SeparateAcronymMentions(WriteTxn& txn, NodeId full, DocId doc);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_ACRONYM_RESOLVER_H_
