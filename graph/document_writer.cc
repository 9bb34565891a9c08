#include "graph/document_writer.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "graph/acronym_resolver.h"
#include "graph/bulk_loader.h"
#include "graph/content_hash.h"
#include "graph/document_remover.h"
#include "graph/curation.h"
#include "graph/name_normalizer.h"
#include "graph/short_name_mentions.h"
#include "graph/surname_resolver.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

absl::Status InTriple(size_t index, const absl::Status& status) {
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat("triple ", index + 1, ": ", status.message()));
}

// Sources that name one document over time. Standard input ("-") and an
// unnamed document are new documents each time, never a new version.
bool Replaceable(std::string_view source) { return !source.empty() && source != "-"; }

// What the document's statements did to one node, gathered over the document:
// also each way the document wrote the node and why it landed there.
void NoteMention(MentionRecord* m, bool created, std::string_view name,
                 const std::vector<std::string>& labels,
                 const std::vector<std::string>& aliases, const NodeAdditions& added,
                 MentionResolution resolution) {
  auto add = [](std::vector<std::string>* to, const std::string& s) {
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
  };
  ++m->mentions;
  m->created |= created;
  add(&m->aliases, std::string(name));
  for (const auto& a : aliases) add(&m->aliases, a);
  for (const auto& l : labels) add(&m->labels, l);
  for (const auto& a : added.aliases) add(&m->added_aliases, a);
  for (const auto& l : added.labels) add(&m->added_labels, l);
  for (auto& r : m->resolutions) {
    if (r.mention == resolution.mention && r.name == resolution.name &&
        r.reason == resolution.reason && r.store == resolution.store) {
      ++r.count;
      return;
    }
  }
  resolution.count = 1;
  m->resolutions.push_back(std::move(resolution));
}

// How the store placed a one-word mention by its surname: the reason when
// it resolved to the one person so named, or why it resolved to none.
struct SurnameOutcome {
  std::string resolved;
  std::string ambiguous;
};

// Node `from` was merged into `to` during this document: what the document
// did to `from` is now done to `to`, as WriteTxn::MoveMentions hands over
// what earlier documents did.
void FoldMention(std::map<NodeId, MentionRecord>* mentions, NodeId from, NodeId to) {
  auto it = mentions->find(from);
  if (it == mentions->end()) return;
  MentionRecord moved = std::move(it->second);
  mentions->erase(it);
  MentionRecord& kept = (*mentions)[to];
  kept.mentions += moved.mentions;
  for (auto& r : moved.resolutions) kept.resolutions.push_back(std::move(r));
}

// Why the store put a name on the node it did (MentionResolution::store):
// "new node", or how the name matched a node that was there (its normalised
// name, or one of its aliases), which document created that node, and the
// labels that agreed. Origins are looked up once per node and document.
class StoreReasons {
 public:
  StoreReasons(const WriteTxn& txn, const std::map<NodeId, MentionRecord>& mentions)
      : txn_(txn), mentions_(mentions) {}

  absl::StatusOr<std::string> Explain(NodeId id, std::string_view name,
                                      const std::vector<std::string>& labels,
                                      const NodeAdditions& added,
                                      std::optional<NodeId> split_from) {
    std::string out;
    if (split_from) {
      absl::StrAppend(&out, "kg.split ruled \"", util::Absl(name), "\" is not node ",
                      *split_from, ", so the mention as written was resolved instead; ");
    }
    if (!added.matched) return absl::StrCat(out, util::Absl(kNewNodeReason));
    const Node& node = *added.matched;
    const std::string key = NormalizeName(name);
    std::string alias;  // Empty: the node's own name matched.
    if (key != NormalizeName(node.name)) {
      alias = std::string(name);
      for (const auto& a : node.aliases) {
        if (NormalizeName(a) == key) {
          alias = a;
          break;
        }
      }
    }
    std::string labels_agree;
    if (labels.empty()) {
      labels_agree = std::string(kMentionHasNoLabels);
    } else if (node.labels.empty()) {
      labels_agree = "labels agree: the node had none";
    } else {
      std::vector<std::string> shared;
      for (const auto& l : labels)
        if (std::find(node.labels.begin(), node.labels.end(), l) != node.labels.end())
          shared.push_back(l);
      labels_agree = absl::StrCat("labels agree: ", absl::StrJoin(shared, ", "));
    }
    QUIVER_ASSIGN_OR_RETURN(std::string origin, Origin(id));
    absl::StrAppend(&out, MatchReason(alias, id, node.name, origin, labels_agree));
    return out;
  }

 private:
  // "created by SOURCE", "created by this document", or that no document
  // did (a query, a merge). Looks at the first few documents naming the
  // node: the creator is the oldest unless a merge brought others in.
  absl::StatusOr<std::string> Origin(NodeId id) {
    auto mine = mentions_.find(id);
    if (mine != mentions_.end() && mine->second.created) return std::string(kCreatedHere);
    auto known = origins_.find(id);
    if (known != origins_.end()) return known->second;
    constexpr int kLook = 8;
    std::vector<DocId> docs;
    auto cursor = txn_.Scan(Cf::kProvenance, NodeDocPrefix(id));
    for (; cursor->Valid() && int(docs.size()) < kLook; cursor->Next()) {
      uint64_t n = 0, doc = 0;
      if (DecodeIdPairKey(cursor->key(), &n, &doc)) docs.push_back(doc);
    }
    QUIVER_RETURN_IF_ERROR(cursor->status());
    std::string origin = "created by no document still stored";
    for (DocId doc : docs) {
      QUIVER_ASSIGN_OR_RETURN(auto m, txn_.GetMention(doc, id));
      if (!m || !m->created) continue;
      QUIVER_ASSIGN_OR_RETURN(auto d, txn_.GetDocument(doc));
      origin = absl::StrCat("created by ", d ? (d->source.empty() ? "an unnamed document" : d->source)
                                              : "a removed document");
      break;
    }
    origins_.emplace(id, origin);
    return origin;
  }

  const WriteTxn& txn_;
  const std::map<NodeId, MentionRecord>& mentions_;
  absl::flat_hash_map<NodeId, std::string> origins_;
};

// The mention as written (the triple's name when it gives none), kept in the
// evidence for kg.split; empty when it is the node's own name, which is what
// an empty mention means, so the common case costs nothing. Node names do
// not change within the document's transaction, so they are looked up once.
class MentionKeeper {
 public:
  explicit MentionKeeper(const WriteTxn& txn) : txn_(txn) {}

  absl::StatusOr<std::string> Keep(NodeId node, const std::string& name,
                                   const std::string& mention) {
    const std::string& written = mention.empty() ? name : mention;
    auto it = names_.find(node);
    if (it == names_.end()) {
      QUIVER_ASSIGN_OR_RETURN(auto n, txn_.GetNode(node));
      it = names_.emplace(node, n ? n->name : std::string()).first;
    }
    if (written == it->second || NormalizeName(written) == NormalizeName(it->second))
      return std::string();
    return written;
  }

 private:
  const WriteTxn& txn_;
  absl::flat_hash_map<NodeId, std::string> names_;
};

// The name and aliases one side of a triple is resolved by: ingest's
// canonical name, except when the mention as written is a name that kg.split
// took away from the node that canonical name finds ("Dahl" written, "Erik
// Dahl" resolved, "Dahl" split off Erik Dahl): the user said that mention is
// someone else, so it is resolved by the mention alone.
struct ResolveBy {
  std::string_view name;
  const std::vector<std::string>* aliases;
  std::optional<NodeId> split_from;  // The node kg.split took the mention from.
};

absl::StatusOr<ResolveBy> NameToResolve(const WriteTxn& txn, const std::string& name,
                                        const std::string& mention,
                                        const std::vector<std::string>& labels,
                                        const std::vector<std::string>& aliases) {
  static const std::vector<std::string>* const kNone = new std::vector<std::string>();
  ResolveBy by{name, &aliases, std::nullopt};
  if (mention.empty()) return by;
  QUIVER_RETURN_IF_ERROR(CheckText("mention", mention, kMaxNameBytes));
  const std::string key = NormalizeName(mention);
  if (key.empty() || key == NormalizeName(name)) return by;
  QUIVER_ASSIGN_OR_RETURN(bool split_off, NameEverSplitOff(txn, key));
  if (!split_off) return by;
  QUIVER_ASSIGN_OR_RETURN(auto target, txn.FindNamedNode(name, labels));
  if (!target) return by;
  QUIVER_ASSIGN_OR_RETURN(bool blocked, NameBlocked(txn, key, *target));
  return blocked ? ResolveBy{mention, kNone, *target} : by;
}

bool BulkLoadable(const Triple& t) {
  return t.subject_labels.empty() && t.object_labels.empty() &&
         t.subject_aliases.empty() && t.object_aliases.empty() &&
         t.qualifiers.empty() && !t.negated && t.confidence == 1.0 &&
         t.begin == 0 && t.end == 0 && t.subject_mention.empty() &&
         t.object_mention.empty() && t.subject_reason.empty() && t.object_reason.empty();
}

absl::StatusOr<AddResult> BulkAdd(Store& store, const DocumentInput& input) {
  BulkLoader loader(&store);
  Document doc;
  doc.source = input.source;
  doc.title = input.title;
  doc.date = input.date;
  doc.url = input.url;
  loader.SetDocument(doc, input.content);
  for (size_t i = 0; i < input.triples.size(); ++i) {
    const Triple& t = input.triples[i];
    QUIVER_RETURN_IF_ERROR(InTriple(i, loader.AddStatement(t.subject, t.relation, t.object,
                                                           t.sentence, t.text,
                                                           t.sentence_text, t.source)));
  }
  return loader.Finish();
}

}  // namespace

absl::StatusOr<AddResult> AddDocument(Store& store, const DocumentInput& input,
                                      size_t bulk_threshold) {
  if (input.source.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError("document source contains a NUL byte");
  }
  const Counters counters = store.counters();
  // The bulk loader hashes the content itself, so a document that brings
  // only its hash takes the ordinary path (which writes the same store).
  if (input.content_hash.empty() && input.triples.size() >= bulk_threshold &&
      counters.nodes == 0 &&
      counters.docs == 0 && counters.next_term == 1 &&
      std::all_of(input.triples.begin(), input.triples.end(), BulkLoadable)) {
    // Finish() re-checks emptiness under the writer lock; a writer that got
    // in first makes it fail cleanly, and the ordinary path takes over.
    auto result = BulkAdd(store, input);
    if (result.ok() || result.status().code() != absl::StatusCode::kFailedPrecondition)
      return result;
  }
  QUIVER_ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  QUIVER_ASSIGN_OR_RETURN(AddResult result, AddDocumentIn(*txn, input));
  if (!result.duplicate) QUIVER_RETURN_IF_ERROR(txn->Commit());
  return result;
}

absl::StatusOr<AddResult> AddDocumentIn(WriteTxn& txn, const DocumentInput& input) {
  if (input.source.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError("document source contains a NUL byte");
  }
  std::string hash;
  if (input.content_hash.empty()) {
    hash = ContentHash(input.content);
  } else {
    if (input.content_hash.size() != 32 ||
        input.content_hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          "content hash \"", input.content_hash, "\" is not 32 lower-case hex digits"));
    }
    hash = absl::HexStringToBytes(input.content_hash);
  }
  AddResult result;
  QUIVER_ASSIGN_OR_RETURN(auto existing, txn.FindDocumentByHash(hash));
  if (existing) {
    result.duplicate = true;
    result.doc = *existing;
    return result;
  }
  // A new version of a document replaces the old one in this same batch, so
  // a crash leaves one version or the other, never both or a mix.
  if (Replaceable(input.source)) {
    QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> old, FindDocumentsBySource(txn, input.source));
    RemoveResult removed;
    for (DocId id : old) QUIVER_RETURN_IF_ERROR(RemoveDocument(txn, id, &removed));
    result.replaced = removed.documents;
  }
  Document doc;
  doc.source = input.source;
  doc.title = input.title;
  doc.date = input.date;
  doc.url = input.url;
  doc.statements = int64_t(input.triples.size());
  result.doc = txn.AddDocumentRecord(doc, hash);

  const Counters before = txn.counters();
  // Ordered by node id so the provenance entries are written in key order.
  std::map<NodeId, MentionRecord> mentions;
  MentionKeeper mentions_as_written(txn);
  StoreReasons store_reasons(txn, mentions);
  // Nodes merged away in this document (a surname-only node absorbed by a
  // full name), so a side resolved before the merge follows it.
  absl::flat_hash_map<NodeId, NodeId> absorbed_into;
  std::set<NodeId> surname_checked;  // Full names the Absorb* calls looked at.
  // Nodes this document created, labelled Person or Organization or gave
  // their surname as an alias: one may be a second person of a surname, or
  // a second organisation of an acronym, the store gave the first alone.
  // (Checked only then: for a common surname the check reads every
  // document of every other person so named.)
  std::set<NodeId> named_anew;
  auto current = [&](NodeId id) {
    for (auto it = absorbed_into.find(id); it != absorbed_into.end(); it = absorbed_into.find(id))
      id = it->second;
    return id;
  };
  // Where the store puts a name: a one-word person mention by its surname
  // (graph/surname_resolver.h), else by name or alias (FindOrCreateNamedNode),
  // else an acronym by its organisation (graph/acronym_resolver.h).
  auto place = [&](const ResolveBy& by, const std::vector<std::string>& labels,
                   const std::vector<std::string>& aliases, NodeAdditions* added,
                   SurnameOutcome* outcome) -> absl::StatusOr<std::pair<NodeId, bool>> {
    if (by.split_from) return txn.FindOrCreateNamedNode(by.name, labels, aliases, added);
    QUIVER_RETURN_IF_ERROR(CheckText("name", by.name, kMaxNameBytes));
    QUIVER_ASSIGN_OR_RETURN(std::vector<Node> persons, PersonsSurnamed(txn, by.name, labels));
    if (persons.size() == 1) {
      QUIVER_RETURN_IF_ERROR(
          txn.NameExistingNode(persons.front().id, by.name, labels, aliases, added));
      outcome->resolved = SurnameReason(persons.front());
      return std::make_pair(persons.front().id, false);
    }
    if (persons.empty()) {
      if (!IsAcronym(by.name)) return txn.FindOrCreateNamedNode(by.name, labels, aliases, added);
      QUIVER_ASSIGN_OR_RETURN(std::optional<NodeId> found, txn.FindNamedNode(by.name, labels));
      if (found) {
        QUIVER_RETURN_IF_ERROR(txn.NameExistingNode(*found, by.name, labels, aliases, added));
        return std::make_pair(*found, false);
      }
      // An acronym met for the first time: the organisation it abbreviates.
      QUIVER_ASSIGN_OR_RETURN(std::vector<Node> organisations,
                              OrganisationsAbbreviated(txn, by.name, labels));
      if (organisations.size() == 1) {
        QUIVER_RETURN_IF_ERROR(
            txn.NameExistingNode(organisations.front().id, by.name, labels, aliases, added));
        outcome->resolved = AcronymReason(organisations.front());
        return std::make_pair(organisations.front().id, false);
      }
      if (organisations.size() > 1)
        outcome->ambiguous = AmbiguousAcronymReason(by.name, organisations);
      QUIVER_ASSIGN_OR_RETURN(NodeId id, txn.CreateNamedNode(by.name, labels, aliases, added));
      return std::make_pair(id, true);
    }
    // Two people or more have the surname: never one of them by an alias,
    // only a node named by the surname alone.
    outcome->ambiguous = AmbiguousSurnameReason(by.name, persons);
    QUIVER_ASSIGN_OR_RETURN(auto own, NodeNamedExactly(txn, by.name, labels));
    if (own) {
      QUIVER_RETURN_IF_ERROR(txn.NameExistingNode(*own, by.name, labels, aliases, added));
      return std::make_pair(*own, false);
    }
    QUIVER_ASSIGN_OR_RETURN(NodeId id, txn.CreateNamedNode(by.name, labels, aliases, added));
    return std::make_pair(id, true);
  };
  // One side of a triple: the node it names, recorded in `mentions` with
  // the mention as written and why it resolved there.
  auto resolve = [&](size_t i, const std::string& name, const std::string& mention,
                     const std::string& reason, const std::vector<std::string>& labels,
                     const std::vector<std::string>& aliases) -> absl::StatusOr<NodeId> {
    auto by = NameToResolve(txn, name, mention, labels, aliases);
    QUIVER_RETURN_IF_ERROR(InTriple(i, by.status()));
    NodeAdditions added;
    SurnameOutcome surname;
    auto node = place(*by, labels, *by->aliases, &added, &surname);
    QUIVER_RETURN_IF_ERROR(InTriple(i, node.status()));
    if (!reason.empty())
      QUIVER_RETURN_IF_ERROR(InTriple(i, CheckText("resolution reason", reason, kMaxNameBytes)));
    MentionResolution resolution;
    resolution.mention = mention.empty() ? name : mention;
    resolution.name = std::string(by->name);
    resolution.reason = reason;
    QUIVER_ASSIGN_OR_RETURN(resolution.store, store_reasons.Explain(node->first, by->name, labels,
                                                                    added, by->split_from));
    // The surname rule comes first: it is what chose the node (or chose
    // none), the match that follows says how the name met it.
    const std::string& rule = !surname.resolved.empty() ? surname.resolved : surname.ambiguous;
    if (!rule.empty()) resolution.store = absl::StrCat(rule, "; ", resolution.store);
    const std::string surname_key = SurnameKey(added.matched ? added.matched->name : by->name);
    if (node->second || HasLabel(added.labels, "Person") ||
        HasLabel(added.labels, "Organization") ||
        std::any_of(added.aliases.begin(), added.aliases.end(),
                    [&](const std::string& a) { return NormalizeName(a) == surname_key; }))
      named_anew.insert(node->first);
    NoteMention(&mentions[node->first], node->second, by->name, labels, *by->aliases, added,
                std::move(resolution));
    // A full name that arrives after its surname or acronym alone takes
    // that node in.
    if (surname_checked.insert(node->first).second) {
      QUIVER_ASSIGN_OR_RETURN(std::optional<NodeId> gone,
                              AbsorbSurnameNode(txn, node->first));
      if (!gone) {
        QUIVER_ASSIGN_OR_RETURN(gone, AbsorbAcronymNode(txn, node->first));
      }
      if (gone) {
        absorbed_into[*gone] = node->first;
        FoldMention(&mentions, *gone, node->first);
      }
    }
    return node->first;
  };
  for (size_t i = 0; i < input.triples.size(); ++i) {
    const Triple& t = input.triples[i];
    QUIVER_ASSIGN_OR_RETURN(NodeId subject, resolve(i, t.subject, t.subject_mention,
                                                    t.subject_reason, t.subject_labels,
                                                    t.subject_aliases));
    QUIVER_ASSIGN_OR_RETURN(NodeId object, resolve(i, t.object, t.object_mention,
                                                   t.object_reason, t.object_labels,
                                                   t.object_aliases));
    subject = current(subject);  // The object's full name may have absorbed it.
    object = current(object);
    FactProperties fact;
    fact.text = t.text;
    fact.negated = t.negated;
    fact.confidence = t.confidence;
    fact.qualifiers = t.qualifiers;
    Evidence evidence;
    evidence.doc = result.doc;
    evidence.sentence = t.sentence;
    evidence.begin = t.begin;
    evidence.end = t.end;
    evidence.text = t.sentence_text;
    evidence.source = t.source;
    QUIVER_ASSIGN_OR_RETURN(evidence.subject_mention,
                            mentions_as_written.Keep(subject, t.subject, t.subject_mention));
    QUIVER_ASSIGN_OR_RETURN(evidence.object_mention,
                            mentions_as_written.Keep(object, t.object, t.object_mention));
    // The reason stays beside the mention it explains; a statement naming
    // the node by its own name needs none (the mention record has it).
    if (!evidence.subject_mention.empty()) evidence.subject_reason = t.subject_reason;
    if (!evidence.object_mention.empty()) evidence.object_reason = t.object_reason;
    auto edge = txn.AddFact(subject, t.relation, object, fact, evidence);
    QUIVER_RETURN_IF_ERROR(InTriple(i, edge.status()));
  }
  for (const auto& [node, mention] : mentions) txn.AddMention(result.doc, node, mention);
  // Last, so the document's own mention records count among those that
  // still give the earlier person (organisation) its aliases, and its own
  // "Dahl" ("SNC"), now ambiguous, has made the node the earlier mentions
  // join.
  for (NodeId node : named_anew) {
    QUIVER_RETURN_IF_ERROR(SeparateSurnameMentions(txn, current(node), result.doc).status());
    QUIVER_RETURN_IF_ERROR(SeparateAcronymMentions(txn, current(node), result.doc).status());
  }
  const Counters& after = txn.counters();
  result.nodes_created = after.nodes - before.nodes;
  result.edges_created = after.edges - before.edges;
  result.evidence_added = after.evidence - before.evidence;
  return result;
}

}  // namespace quiver::graph
