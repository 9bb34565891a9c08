// Store-side acronyms across documents: an all-capitals mention ("SNC")
// and the one stored organisation whose initials it is ("the Syrian
// National Council") are one node, whichever document came first. Two or
// more organisations with those initials make it ambiguous: nothing is
// merged, and the mention's resolution says so with its candidates.

#ifndef QUIVER_GRAPH_ACRONYM_RESOLVER_H_
#define QUIVER_GRAPH_ACRONYM_RESOLVER_H_

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
// apart from every one of `candidates`.
std::string AcronymReason(const Node& organisation);
std::string AmbiguousAcronymReason(std::string_view name, const std::vector<Node>& candidates);

// When node `full` is an Organization whose name has initials, exactly one
// stored node is named by those initials alone (labels agreeing), no other
// stored organisation has them and kg.split did not rule them away from
// `full`: merges that node into `full` (graph/node_merger.h), logged with
// the reason. Returns the id of the node merged away, nullopt when none was.
absl::StatusOr<std::optional<NodeId>> AbsorbAcronymNode(WriteTxn& txn, NodeId full);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_ACRONYM_RESOLVER_H_
