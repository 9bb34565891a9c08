#include "graph/short_name_mentions.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "graph/curation.h"
#include "graph/name_normalizer.h"
#include "graph/node_merger.h"
#include "graph/node_splitter.h"
#include "graph/records.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

using Records = std::vector<std::pair<DocId, MentionRecord>>;

// The absorbed node's mentions found it by its own name; on `full` they
// are there by the rule, so their resolutions say that first (and
// SeparateShortNameMentions knows them), then how they were placed before.
// Returns the records, marked, by document.
absl::StatusOr<Records> MarkPlacedByRule(WriteTxn& txn, const Node& absorbed,
                                         const std::string& rule) {
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, txn.DocumentsNaming(absorbed.id));
  Records marked;
  for (DocId doc : docs) {
    QUIVER_ASSIGN_OR_RETURN(auto mention, txn.GetMention(doc, absorbed.id));
    if (!mention) continue;
    for (MentionResolution& r : mention->resolutions) {
      r.store = absl::StrCat(rule, "; taken in with node ", absorbed.id, " \"", absorbed.name,
                             "\", where it had gone first: ", r.store);
    }
    txn.AddMention(doc, absorbed.id, *mention);
    marked.emplace_back(doc, std::move(*mention));
  }
  return marked;
}

void AddUnique(std::vector<std::string>* to, const std::vector<std::string>& from) {
  for (const auto& s : from)
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
}

// A merge hands mentions over without the names and labels they wrote
// (WriteTxn::MoveMentions: a user's merge keeps what it gave). The rule's
// own merge gives them back, so those documents' records on `full` read as
// if the rule had placed them there directly: removing one, or
// SeparateShortNameMentions, then takes off what only it gave.
absl::Status KeepWhatTheyWrote(WriteTxn& txn, NodeId full, const Records& absorbed) {
  for (const auto& [doc, was] : absorbed) {
    QUIVER_ASSIGN_OR_RETURN(auto mention, txn.GetMention(doc, full));
    if (!mention) continue;
    AddUnique(&mention->aliases, was.aliases);
    AddUnique(&mention->labels, was.labels);
    AddUnique(&mention->added_aliases, was.added_aliases);
    AddUnique(&mention->added_labels, was.added_labels);
    txn.AddMention(doc, full, *mention);
  }
  return absl::OkStatus();
}

// Whether a user's kg.merge brought a node of the short name `key` into
// `node`, or a kg.split took it off: then the user has ruled what that
// name means there, and ingest leaves its mentions alone. (Ingest's own
// merges are logged with reasons that begin "ingest:".)
absl::StatusOr<bool> UserRuledOnName(const Reader& reader, NodeId node, std::string_view key) {
  QUIVER_ASSIGN_OR_RETURN(std::vector<CurationRecord> log, CurationLog(reader));
  for (const CurationRecord& r : log) {
    if (r.node != node || absl::StartsWith(r.reason, "ingest:")) continue;
    for (const auto& name : r.names)
      if (NormalizeName(name) == key) return true;
  }
  return false;
}

// Whether the store found `node` for resolution `r` by an alias (its
// reason is MatchReason's `alias "NAME" of node ID "…`).
bool FoundByAlias(const MentionResolution& r, NodeId node) {
  return absl::StartsWith(r.store, "alias \"") &&
         absl::StrContains(r.store, absl::StrCat("\" of node ", node, " \""));
}

// Whether a document's mentions of `node` are the short name alone, each
// placed there by the rule (directly, or absorbed: both begin with
// `placed`; or, where full names do not carry the short name, found by it
// as an alias). A document that created the node or named it any other
// way (in full, resolved in the document, through kg.split's rule) keeps
// them all.
bool PlacedByRuleAlone(const MentionRecord& mention, const Node& node, const std::string& placed,
                       const ShortNameRule& rule) {
  if (mention.created || mention.resolutions.empty()) return false;
  for (const MentionResolution& r : mention.resolutions) {
    if (NormalizeName(r.name) != rule.key) return false;
    if (!absl::StartsWith(r.store, placed) &&
        (rule.full_names_carry_it || !FoundByAlias(r, node.id)))
      return false;
  }
  return true;
}

// Whether a document's record gives its node the short name as an alias
// of another name ("the Syrian National Council (SNC)"), not as a mention
// of the short name alone (which the rule, or an alias it gave, placed).
bool GivesShortName(const MentionRecord& mention, const ShortNameRule& rule) {
  auto is_key = [&](const std::string& name) { return NormalizeName(name) == rule.key; };
  return std::any_of(mention.aliases.begin(), mention.aliases.end(), is_key) &&
         std::none_of(mention.resolutions.begin(), mention.resolutions.end(),
                      [&](const MentionResolution& r) { return is_key(r.name); });
}

// The wording of AddDocument's store reasons (graph/document_writer.cc) for
// labels that agreed and for where a node came from, so a moved mention
// reads as one written after both candidates.
std::string LabelsReason(const std::vector<std::string>& mention,
                         const std::vector<std::string>& node) {
  if (mention.empty()) return std::string(kMentionHasNoLabels);
  if (node.empty()) return "labels agree: the node had none";
  std::vector<std::string> shared;
  for (const auto& l : mention)
    if (HasLabel(node, l)) shared.push_back(l);
  return absl::StrCat("labels agree: ", absl::StrJoin(shared, ", "));
}

absl::StatusOr<std::string> Origin(const Reader& reader, NodeId id, DocId asking) {
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, reader.DocumentsNaming(id));
  for (DocId doc : docs) {
    QUIVER_ASSIGN_OR_RETURN(auto mention, reader.GetMention(doc, id));
    if (!mention || !mention->created) continue;
    if (doc == asking) return std::string(kCreatedHere);
    QUIVER_ASSIGN_OR_RETURN(auto d, reader.GetDocument(doc));
    return absl::StrCat("created by ", d ? (d->source.empty() ? "an unnamed document" : d->source)
                                         : "a removed document");
  }
  return std::string("created by no document still stored");
}

// Adds `r` to `to` as AddDocument records a resolution: counted with an
// equal one, else appended.
void AddResolution(std::vector<MentionResolution>* to, MentionResolution r) {
  for (MentionResolution& have : *to) {
    if (have.mention == r.mention && have.name == r.name && have.reason == r.reason &&
        have.store == r.store) {
      have.count += r.count;
      return;
    }
  }
  to->push_back(std::move(r));
}

// Document `doc`'s short-name mentions (its record `mention`) go to the
// node named by the short name alone, as AddDocument would place them with
// `candidates` stored: that node's mention count, labels and aliases, and
// the document's mention record. Returns the node.
absl::StatusOr<NodeId> PlaceOnShortNameNode(WriteTxn& txn, DocId doc, const MentionRecord& mention,
                                            const std::vector<Node>& candidates,
                                            const ShortNameRule& rule) {
  const std::string& name = mention.resolutions.front().name;
  QUIVER_ASSIGN_OR_RETURN(std::optional<NodeId> found,
                          NodeNamedExactly(txn, name, mention.labels));
  NodeAdditions added;
  NodeId target = 0;
  if (found) {
    target = *found;
    QUIVER_RETURN_IF_ERROR(
        txn.NameExistingNode(target, name, mention.labels, mention.aliases, &added));
  } else {
    QUIVER_ASSIGN_OR_RETURN(target,
                            txn.CreateNamedNode(name, mention.labels, mention.aliases, &added));
  }
  QUIVER_ASSIGN_OR_RETURN(auto node, txn.GetNode(target));
  if (!node) return absl::InternalError(absl::StrCat("node ", target, " vanished"));
  // Both count one mention; the document made this many.
  node->mentions += mention.mentions - 1;
  QUIVER_RETURN_IF_ERROR(txn.UpdateNode(*node));

  // The first mention created the node or found it; later ones found it.
  std::string origin;
  if (found) {
    QUIVER_ASSIGN_OR_RETURN(origin, Origin(txn, target, doc));
  } else {
    origin = std::string(kCreatedHere);
  }
  const std::vector<std::string>& labels_before = found ? added.matched->labels : node->labels;
  const std::string found_it =
      MatchReason("", target, node->name, origin, LabelsReason(mention.labels, labels_before));
  QUIVER_ASSIGN_OR_RETURN(auto record, txn.GetMention(doc, target));
  if (!record) record.emplace();
  record->mentions += mention.mentions;
  record->created |= !found;
  AddUnique(&record->aliases, mention.aliases);
  AddUnique(&record->labels, mention.labels);
  AddUnique(&record->added_aliases, added.aliases);
  AddUnique(&record->added_labels, added.labels);
  bool first = !found;
  for (MentionResolution r : mention.resolutions) {
    const std::string ambiguous = rule.ambiguous(r.name, candidates);
    if (first) {
      MentionResolution created = r;
      created.store = absl::StrCat(ambiguous, "; ", util::Absl(kNewNodeReason));
      created.count = 1;
      AddResolution(&record->resolutions, std::move(created));
      r.count -= 1;
      first = false;
    }
    if (r.count <= 0) continue;
    r.store = absl::StrCat(ambiguous, "; ", found_it);
    AddResolution(&record->resolutions, std::move(r));
  }
  txn.AddMention(doc, target, *record);
  return target;
}

// The short-name mentions `leaving` (document → its record) leave `full`:
// each document's go to the short name's own node with their statements,
// and `full` keeps its count, aliases and labels only as far as other
// documents give them.
absl::Status TakeOff(WriteTxn& txn, const Node& full, const Records& leaving,
                     const std::vector<Node>& candidates, const ShortNameRule& rule) {
  std::map<NodeId, std::set<DocId>> docs_to;  // Short name's node → its documents.
  int64_t mentions = 0;
  std::set<std::string> added_aliases, added_labels;
  for (const auto& [doc, mention] : leaving) {
    txn.DeleteMention(doc, full.id);
    QUIVER_ASSIGN_OR_RETURN(NodeId target,
                            PlaceOnShortNameNode(txn, doc, mention, candidates, rule));
    docs_to[target].insert(doc);
    mentions += mention.mentions;
    added_aliases.insert(mention.added_aliases.begin(), mention.added_aliases.end());
    added_labels.insert(mention.added_labels.begin(), mention.added_labels.end());
  }
  for (const auto& [target, docs] : docs_to) {
    QUIVER_ASSIGN_OR_RETURN(auto node, txn.GetNode(target));
    if (!node) return absl::InternalError(absl::StrCat("node ", target, " vanished"));
    const std::string own = NormalizeName(node->name);
    // The statement keeps the mention as AddDocument would have kept it on
    // that node: none when it is the node's own name.
    auto of_these = [&](const Evidence& ev,
                        const std::string& mention) -> std::optional<std::string> {
      if (!docs.count(ev.doc) || mention.empty()) return std::nullopt;
      return NormalizeName(mention) == own ? std::string() : mention;
    };
    QUIVER_RETURN_IF_ERROR(MoveStatementEnds(txn, full.id, target, of_these).status());
  }

  QUIVER_ASSIGN_OR_RETURN(auto updated, txn.GetNode(full.id));
  if (!updated) return absl::InternalError(absl::StrCat("node ", full.id, " vanished"));
  updated->mentions = std::max<int64_t>(0, updated->mentions - mentions);
  std::set<std::string> aliases_given, labels_given;
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> others, txn.DocumentsNaming(full.id));
  for (DocId other : others) {
    QUIVER_ASSIGN_OR_RETURN(auto m, txn.GetMention(other, full.id));
    if (!m) continue;
    aliases_given.insert(m->aliases.begin(), m->aliases.end());
    labels_given.insert(m->labels.begin(), m->labels.end());
  }
  // As removing those documents would (graph/document_remover.h), except
  // that a full name keeps a short name all full names carry (a surname).
  std::vector<std::string> aliases, labels;
  for (const auto& a : updated->aliases) {
    if (!added_aliases.count(a) || aliases_given.count(a) || a == updated->name ||
        (rule.full_names_carry_it && NormalizeName(a) == rule.key))
      aliases.push_back(a);
  }
  for (const auto& l : updated->labels)
    if (!added_labels.count(l) || labels_given.count(l)) labels.push_back(l);
  updated->aliases = std::move(aliases);
  updated->labels = std::move(labels);
  return txn.UpdateNode(*updated);
}

}  // namespace

std::vector<Node> ByName(std::vector<Node> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Node& a, const Node& b) {
    std::string x = NormalizeName(a.name), y = NormalizeName(b.name);
    return x != y ? x < y : a.id < b.id;
  });
  return candidates;
}

absl::StatusOr<std::optional<NodeId>> NodeNamedExactly(const Reader& reader,
                                                        std::string_view name,
                                                        const std::vector<std::string>& labels) {
  const std::string key = NormalizeName(name);
  QUIVER_ASSIGN_OR_RETURN(std::vector<NodeId> ids, reader.FindNodesByName(key));
  for (NodeId id : ids) {
    QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
    if (!node || NormalizeName(node->name) != key || !LabelsAgree(node->labels, labels)) continue;
    QUIVER_ASSIGN_OR_RETURN(bool blocked, NameBlocked(reader, key, id));
    if (!blocked) return id;
  }
  return std::nullopt;
}

absl::Status AbsorbShortNameNode(WriteTxn& txn, const Node& full, const Node& absorbed,
                                 const ShortNameRule& rule) {
  const std::string placed = rule.placed(full);
  QUIVER_ASSIGN_OR_RETURN(Records marked, MarkPlacedByRule(txn, absorbed, placed));
  const std::string reason =
      absl::StrCat("ingest: \"", absorbed.name, "\" (node ", absorbed.id, ") is the ", placed);
  QUIVER_RETURN_IF_ERROR(MergeNodes(txn, full.id, absorbed.id, reason).status());
  return KeepWhatTheyWrote(txn, full.id, marked);
}

absl::StatusOr<int64_t> SeparateShortNameMentions(WriteTxn& txn, NodeId full, DocId doc,
                                                  const std::vector<Node>& candidates,
                                                  const ShortNameRule& rule) {
  // Blocked from `full` by kg.split, or alone with it: nothing is ambiguous.
  if (candidates.size() < 2 ||
      std::none_of(candidates.begin(), candidates.end(),
                   [&](const Node& n) { return n.id == full; }))
    return 0;
  int64_t moved = 0;
  for (const Node& other : candidates) {
    if (other.id == full) continue;
    QUIVER_ASSIGN_OR_RETURN(bool ruled, UserRuledOnName(txn, other.id, rule.key));
    if (ruled) continue;
    const std::string placed = rule.placed(other);
    QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, txn.DocumentsNaming(other.id));
    Records leaving;  // Oldest first.
    bool given = false;  // Another document calls it by the short name.
    for (DocId d : docs) {
      if (d == doc) continue;
      QUIVER_ASSIGN_OR_RETURN(auto mention, txn.GetMention(d, other.id));
      if (!mention) continue;
      if (PlacedByRuleAlone(*mention, other, placed, rule)) {
        leaving.emplace_back(d, std::move(*mention));
      } else if (!rule.full_names_carry_it && GivesShortName(*mention, rule)) {
        given = true;
        break;
      }
    }
    if (given) continue;
    if (leaving.empty()) continue;
    QUIVER_RETURN_IF_ERROR(TakeOff(txn, other, leaving, candidates, rule));
    moved += int64_t(leaving.size());
  }
  return moved;
}

}  // namespace quiver::graph
