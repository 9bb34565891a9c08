// What the store's surname and acronym rules (graph/surname_resolver.h,
// graph/acronym_resolver.h) share: a short name ("Dahl", "SNC") goes to the
// one stored node with a full name it fits (a person, an organisation), and
// a second such node makes it ambiguous. Mentions the rule placed while
// there was one, directly or by merging the short name's own node in, are
// marked so; when the second node arrives they go to the node named by the
// short name alone, as if their documents had come after both, so the
// order of the documents does not matter.

#ifndef QUIVER_GRAPH_SHORT_NAME_MENTIONS_H_
#define QUIVER_GRAPH_SHORT_NAME_MENTIONS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

// One rule's words for one short name.
struct ShortNameRule {
  std::string key;  // The short name, normalised: "dahl", "snc".
  // The store's reason for a mention the rule placed on `node`
  // (SurnameReason, AcronymReason): how its resolutions begin.
  std::function<std::string(const Node& node)> placed;
  // The store's reason for a mention `name` left apart from every one of
  // `candidates` (AmbiguousSurnameReason, AmbiguousAcronymReason).
  std::function<std::string(std::string_view name, const std::vector<Node>& candidates)>
      ambiguous;
  // Whether every full name the short name fits carries it as an alias of
  // its own (ingest gives each person's full name its surname). When not
  // (an acronym), the alias is there because a document gave it: a later
  // mention that found the node by that alias counts as placed by the
  // rule; a node another of whose documents gives it the short name keeps
  // all its mentions (they would find it by that alias in any order); and
  // the alias leaves with the mentions that alone gave it.
  bool full_names_carry_it = false;
};

// `candidates` by normalised name, then id: an ambiguity reason lists them
// so, as ids follow the order nodes were stored in and the reason should
// not.
std::vector<Node> ByName(std::vector<Node> candidates);

// The first node (by id) whose own name (not an alias) normalises like
// `name`, whose labels agree with `labels` and from which kg.split did not
// take `name`: where an ambiguous short name goes instead of to any full
// name.
absl::StatusOr<std::optional<NodeId>> NodeNamedExactly(const Reader& reader,
                                                        std::string_view name,
                                                        const std::vector<std::string>& labels);

// Merges `absorbed`, the node named by the short name alone, into `full`,
// the one stored node it fits (graph/node_merger.h, so evidence,
// provenance and counts follow and kg.split can undo it), logged with the
// reason `ingest: "NAME" (node ID) is the ` + rule.placed(full). The
// absorbed node's mention records then read as if the rule had placed
// them on `full` directly (their resolutions begin with rule.placed(full),
// the names and labels they wrote stay theirs), so that
// SeparateShortNameMentions can take them apart again.
absl::Status AbsorbShortNameNode(WriteTxn& txn, const Node& full, const Node& absorbed,
                                 const ShortNameRule& rule);

// Called when document `doc` (being written in `txn`) made node `full` one
// of `candidates`, the nodes the short name fits now (kg.split's rules
// already applied): when there are two or more, every other candidate
// gives up the mentions the rule placed on it (each resolution beginning
// with rule.placed(candidate), or finding it by the short name as an alias
// where full names do not carry it; every mention the short name alone) in
// documents other than `doc` that do not name it otherwise (a document
// that also names it in full, created it or found it another way keeps
// its mentions). Each such document's mentions go, with their statements
// (evidence, counts, provenance), to the node NodeNamedExactly finds for
// the short name, created when there is none, and each resolution becomes
// rule.ambiguous over `candidates` followed by how the short name met that
// node; aliases and labels only those documents gave the candidate go.
// Nothing happens to a candidate whose short name a user merged in or
// split off (kg.merge, kg.split, in the curation log), nor, where full
// names do not carry the short name, to one that another of its documents
// gives the short name as an alias of its own. No curation rule is
// added and nothing is logged: the reason is in the mention records.
// Returns how many documents' mentions moved.
absl::StatusOr<int64_t> SeparateShortNameMentions(WriteTxn& txn, NodeId full, DocId doc,
                                                  const std::vector<Node>& candidates,
                                                  const ShortNameRule& rule);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SHORT_NAME_MENTIONS_H_
