#include "graph/surname_resolver.h"

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
#include "graph/write_txn.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

constexpr std::string_view kPerson = "Person";

bool MayBePerson(const std::vector<std::string>& labels) {
  return labels.empty() || HasLabel(labels, kPerson);
}

// The absorbed node's mentions found it by its own name; on `person` they
// are there by the surname rule, so their resolutions say that first (and
// SeparateSurnameMentions knows them), then how they were placed before.
// Returns the records, marked, by document.
absl::StatusOr<std::vector<std::pair<DocId, MentionRecord>>> MarkPlacedBySurname(
    WriteTxn& txn, const Node& absorbed, const Node& person) {
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, txn.DocumentsNaming(absorbed.id));
  const std::string rule = SurnameReason(person);
  std::vector<std::pair<DocId, MentionRecord>> marked;
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
// (WriteTxn::MoveMentions: a user's merge keeps what it gave). The surname
// rule's own merge gives them back, so those documents' records on
// `person` read as if the rule had placed them there directly: removing
// one, or SeparateSurnameMentions, then takes off what only it gave.
absl::Status KeepWhatTheyWrote(WriteTxn& txn, NodeId person,
                               const std::vector<std::pair<DocId, MentionRecord>>& absorbed) {
  for (const auto& [doc, was] : absorbed) {
    QUIVER_ASSIGN_OR_RETURN(auto mention, txn.GetMention(doc, person));
    if (!mention) continue;
    AddUnique(&mention->aliases, was.aliases);
    AddUnique(&mention->labels, was.labels);
    AddUnique(&mention->added_aliases, was.added_aliases);
    AddUnique(&mention->added_labels, was.added_labels);
    txn.AddMention(doc, person, *mention);
  }
  return absl::OkStatus();
}

// Whether a user's kg.merge brought a node of the surname `key` into
// `person`, or a kg.split took the surname off it: then the user has ruled
// what that surname means there, and ingest leaves its mentions alone.
// (Ingest's own merges are logged with reasons that begin "ingest:".)
absl::StatusOr<bool> UserRuledOnSurname(const Reader& reader, NodeId person,
                                        std::string_view key) {
  QUIVER_ASSIGN_OR_RETURN(std::vector<CurationRecord> log, CurationLog(reader));
  for (const CurationRecord& r : log) {
    if (r.node != person || absl::StartsWith(r.reason, "ingest:")) continue;
    for (const auto& name : r.names)
      if (NormalizeName(name) == key) return true;
  }
  return false;
}

// Whether a document's mentions of `person` are the surname alone, each
// placed there by the surname rule (directly, or absorbed: both begin with
// SurnameReason). A document that created the node or named it any other
// way (in full, resolved in the document, through kg.split's rule) keeps
// them all.
bool PlacedBySurnameAlone(const MentionRecord& mention, const Node& person,
                          std::string_view key) {
  if (mention.created || mention.resolutions.empty()) return false;
  const std::string rule = SurnameReason(person);
  for (const MentionResolution& r : mention.resolutions) {
    if (!absl::StartsWith(r.store, rule) || NormalizeName(r.name) != key) return false;
  }
  return true;
}

// The wording of AddDocument's store reasons (graph/document_writer.cc) for
// labels that agreed and for where a node came from, so a moved mention
// reads as one written after both people.
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

// Document `doc`'s surname-only mentions of `person` (its record
// `mention`) go to the node named by the surname alone, as AddDocument
// would place them with `persons` stored: that node's mention count,
// labels and aliases, and the document's mention record. Returns the node.
absl::StatusOr<NodeId> PlaceOnSurnameNode(WriteTxn& txn, DocId doc, const MentionRecord& mention,
                                          const std::vector<Node>& persons) {
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
    const std::string ambiguous = AmbiguousSurnameReason(r.name, persons);
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

// The surname-only mentions `leaving` (document → its record) leave
// `person`: each document's go to the surname's own node with their
// statements, and `person` keeps its count, aliases and labels only as far
// as other documents give them.
absl::Status TakeOffPerson(WriteTxn& txn, const Node& person, std::string_view key,
                           const std::vector<std::pair<DocId, MentionRecord>>& leaving,
                           const std::vector<Node>& persons) {
  std::map<NodeId, std::set<DocId>> docs_to;  // Surname node → its documents.
  int64_t mentions = 0;
  std::set<std::string> added_aliases, added_labels;
  for (const auto& [doc, mention] : leaving) {
    txn.DeleteMention(doc, person.id);
    QUIVER_ASSIGN_OR_RETURN(NodeId target, PlaceOnSurnameNode(txn, doc, mention, persons));
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
    QUIVER_RETURN_IF_ERROR(MoveStatementEnds(txn, person.id, target, of_these).status());
  }

  QUIVER_ASSIGN_OR_RETURN(auto updated, txn.GetNode(person.id));
  if (!updated) return absl::InternalError(absl::StrCat("node ", person.id, " vanished"));
  updated->mentions = std::max<int64_t>(0, updated->mentions - mentions);
  std::set<std::string> aliases_given, labels_given;
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> others, txn.DocumentsNaming(person.id));
  for (DocId other : others) {
    QUIVER_ASSIGN_OR_RETURN(auto m, txn.GetMention(other, person.id));
    if (!m) continue;
    aliases_given.insert(m->aliases.begin(), m->aliases.end());
    labels_given.insert(m->labels.begin(), m->labels.end());
  }
  // As removing those documents would (graph/document_remover.h), except
  // that the full name keeps its surname: it is still that person's.
  std::vector<std::string> aliases, labels;
  for (const auto& a : updated->aliases) {
    if (!added_aliases.count(a) || aliases_given.count(a) || a == updated->name ||
        NormalizeName(a) == key)
      aliases.push_back(a);
  }
  for (const auto& l : updated->labels)
    if (!added_labels.count(l) || labels_given.count(l)) labels.push_back(l);
  updated->aliases = std::move(aliases);
  updated->labels = std::move(labels);
  return txn.UpdateNode(*updated);
}

}  // namespace

std::string SurnameKey(std::string_view name) {
  std::string key = NormalizeName(name);
  size_t space = key.rfind(' ');
  return space == std::string::npos ? std::string() : key.substr(space + 1);
}

absl::StatusOr<std::vector<Node>> PersonsSurnamed(const Reader& reader, std::string_view name,
                                                  const std::vector<std::string>& labels) {
  std::vector<Node> persons;
  const std::string key = NormalizeName(name);
  if (key.empty() || key.find(' ') != std::string::npos || !MayBePerson(labels)) return persons;
  QUIVER_ASSIGN_OR_RETURN(std::vector<NodeId> ids, reader.FindNodesByName(key));
  for (NodeId id : ids) {
    QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
    if (!node || !HasLabel(node->labels, kPerson) || SurnameKey(node->name) != key) continue;
    QUIVER_ASSIGN_OR_RETURN(bool blocked, NameBlocked(reader, key, id));
    if (!blocked) persons.push_back(std::move(*node));
  }
  return persons;
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

std::string SurnameReason(const Node& person) {
  return absl::StrCat("surname of ", person.name, " (node ", person.id,
                      "), the one stored person so named");
}

std::string AmbiguousSurnameReason(std::string_view name, const std::vector<Node>& candidates) {
  // By name, not id: ids follow the order people were stored in, and the
  // reason should not.
  std::vector<Node> sorted = candidates;
  std::sort(sorted.begin(), sorted.end(), [](const Node& a, const Node& b) {
    std::string x = NormalizeName(a.name), y = NormalizeName(b.name);
    return x != y ? x < y : a.id < b.id;
  });
  std::string out = absl::StrCat("ambiguous surname \"", util::Absl(name), "\": ",
                                 sorted.size(), " stored people have it (");
  absl::StrAppend(&out, CandidateNodes(sorted), "), so it was merged with none of them");
  return out;
}

absl::StatusOr<std::optional<NodeId>> AbsorbSurnameNode(WriteTxn& txn, NodeId full) {
  QUIVER_ASSIGN_OR_RETURN(auto person, txn.GetNode(full));
  if (!person || !HasLabel(person->labels, kPerson)) return std::nullopt;
  const std::string key = SurnameKey(person->name);
  if (key.empty() || !NameKeysOf(*person).count(key)) return std::nullopt;
  // kg.split ruled the surname is someone else: the user's word stands.
  QUIVER_ASSIGN_OR_RETURN(bool blocked, NameBlocked(txn, key, full));
  if (blocked) return std::nullopt;
  QUIVER_ASSIGN_OR_RETURN(std::vector<Node> persons, PersonsSurnamed(txn, key, {}));
  for (const Node& other : persons)
    if (other.id != full) return std::nullopt;  // Two people share it: ambiguous.
  QUIVER_ASSIGN_OR_RETURN(std::vector<NodeId> ids, txn.FindNodesByName(key));
  std::vector<Node> surname_only;
  for (NodeId id : ids) {
    if (id == full) continue;
    QUIVER_ASSIGN_OR_RETURN(auto node, txn.GetNode(id));
    if (node && NormalizeName(node->name) == key && MayBePerson(node->labels))
      surname_only.push_back(std::move(*node));
  }
  if (surname_only.size() != 1) return std::nullopt;
  const Node& absorbed = surname_only.front();
  QUIVER_ASSIGN_OR_RETURN(auto marked, MarkPlacedBySurname(txn, absorbed, *person));
  const std::string reason =
      absl::StrCat("ingest: \"", absorbed.name, "\" (node ", absorbed.id, ") is the ",
                   SurnameReason(*person));
  QUIVER_RETURN_IF_ERROR(MergeNodes(txn, full, absorbed.id, reason).status());
  QUIVER_RETURN_IF_ERROR(KeepWhatTheyWrote(txn, full, marked));
  return absorbed.id;
}

absl::StatusOr<int64_t> SeparateSurnameMentions(WriteTxn& txn, NodeId full, DocId doc) {
  QUIVER_ASSIGN_OR_RETURN(auto person, txn.GetNode(full));
  if (!person || !HasLabel(person->labels, kPerson)) return 0;
  const std::string key = SurnameKey(person->name);
  if (key.empty() || !NameKeysOf(*person).count(key)) return 0;
  QUIVER_ASSIGN_OR_RETURN(std::vector<Node> persons, PersonsSurnamed(txn, key, {}));
  // Blocked from `full` by kg.split, or alone with it: nothing is ambiguous.
  if (persons.size() < 2 ||
      std::none_of(persons.begin(), persons.end(), [&](const Node& n) { return n.id == full; }))
    return 0;
  int64_t moved = 0;
  for (const Node& other : persons) {
    if (other.id == full) continue;
    QUIVER_ASSIGN_OR_RETURN(bool ruled, UserRuledOnSurname(txn, other.id, key));
    if (ruled) continue;
    QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, txn.DocumentsNaming(other.id));
    std::vector<std::pair<DocId, MentionRecord>> leaving;  // Oldest first.
    for (DocId d : docs) {
      if (d == doc) continue;
      QUIVER_ASSIGN_OR_RETURN(auto mention, txn.GetMention(d, other.id));
      if (mention && PlacedBySurnameAlone(*mention, other, key))
        leaving.emplace_back(d, std::move(*mention));
    }
    if (leaving.empty()) continue;
    QUIVER_RETURN_IF_ERROR(TakeOffPerson(txn, other, key, leaving, persons));
    moved += int64_t(leaving.size());
  }
  return moved;
}

}  // namespace quiver::graph
