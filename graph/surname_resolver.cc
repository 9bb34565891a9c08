#include "graph/surname_resolver.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "graph/curation.h"
#include "graph/name_normalizer.h"
#include "graph/records.h"
#include "graph/short_name_mentions.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

constexpr std::string_view kPerson = "Person";

bool MayBePerson(const std::vector<std::string>& labels) {
  return labels.empty() || HasLabel(labels, kPerson);
}

// The surname rule's words for the surname `key`.
ShortNameRule SurnameRule(std::string key) {
  ShortNameRule rule;
  rule.key = std::move(key);
  rule.placed = SurnameReason;
  rule.ambiguous = AmbiguousSurnameReason;
  rule.full_names_carry_it = true;
  return rule;
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

std::string SurnameReason(const Node& person) {
  return absl::StrCat("surname of ", person.name, " (node ", person.id,
                      "), the one stored person so named");
}

std::string AmbiguousSurnameReason(std::string_view name, const std::vector<Node>& candidates) {
  const std::vector<Node> sorted = ByName(candidates);
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
  QUIVER_RETURN_IF_ERROR(AbsorbShortNameNode(txn, *person, absorbed, SurnameRule(key)));
  return absorbed.id;
}

absl::StatusOr<int64_t> SeparateSurnameMentions(WriteTxn& txn, NodeId full, DocId doc) {
  QUIVER_ASSIGN_OR_RETURN(auto person, txn.GetNode(full));
  if (!person || !HasLabel(person->labels, kPerson)) return 0;
  const std::string key = SurnameKey(person->name);
  if (key.empty() || !NameKeysOf(*person).count(key)) return 0;
  QUIVER_ASSIGN_OR_RETURN(std::vector<Node> persons, PersonsSurnamed(txn, key, {}));
  return SeparateShortNameMentions(txn, full, doc, persons, SurnameRule(key));
}

}  // namespace quiver::graph
