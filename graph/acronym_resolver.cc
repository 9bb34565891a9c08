#include "graph/acronym_resolver.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "graph/curation.h"
#include "graph/name_normalizer.h"
#include "graph/records.h"
#include "graph/short_name_mentions.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

constexpr std::string_view kOrganization = "Organization";

bool MayBeOrganisation(const std::vector<std::string>& labels) {
  return labels.empty() || HasLabel(labels, kOrganization);
}

// The acronym rule's words for the acronym `initials`.
ShortNameRule AcronymRule(const std::string& initials) {
  ShortNameRule rule;
  rule.key = NormalizeName(initials);
  rule.placed = AcronymReason;
  rule.ambiguous = AmbiguousAcronymReason;
  return rule;
}

}  // namespace

std::string Initials(std::string_view name) {
  std::string out;
  int words = 0;
  for (absl::string_view word : absl::StrSplit(util::Absl(name), ' ', absl::SkipEmpty())) {
    ++words;
    const std::string lower = absl::AsciiStrToLower(word);
    if (lower == "the" || lower == "of" || lower == "and") continue;
    // Only ASCII letters make an initial: an accented or non-Latin first
    // letter has no one capital an acronym would use.
    if (!absl::ascii_isalpha(static_cast<unsigned char>(word[0]))) return std::string();
    out.push_back(absl::ascii_toupper(static_cast<unsigned char>(word[0])));
  }
  return words >= 2 && out.size() >= 2 ? out : std::string();
}

bool IsAcronym(std::string_view name) {
  if (name.size() < 2 || name.size() > 8) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; });
}

absl::StatusOr<std::vector<Node>> OrganisationsAbbreviated(const Reader& reader,
                                                            std::string_view name,
                                                            const std::vector<std::string>& labels) {
  std::vector<Node> found;
  if (!IsAcronym(name) || !MayBeOrganisation(labels)) return found;
  auto term = reader.FindTerm(kOrganization);
  if (!term) return found;
  std::vector<NodeId> ids;
  QUIVER_RETURN_IF_ERROR(reader.ScanLabel(*term, [&](NodeId id) {
    ids.push_back(id);
    return true;
  }));
  const std::string key = NormalizeName(name);
  for (NodeId id : ids) {
    QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
    if (!node || Initials(node->name) != name) continue;
    QUIVER_ASSIGN_OR_RETURN(bool blocked, NameBlocked(reader, key, id));
    if (!blocked) found.push_back(std::move(*node));
  }
  return found;
}

std::string AcronymReason(const Node& organisation) {
  return absl::StrCat("acronym of ", organisation.name, " (node ", organisation.id,
                      "), the one stored organisation with those initials");
}

std::string AmbiguousAcronymReason(std::string_view name, const std::vector<Node>& candidates) {
  const std::vector<Node> sorted = ByName(candidates);
  std::string out = absl::StrCat("ambiguous acronym \"", util::Absl(name), "\": ",
                                 sorted.size(), " stored organisations have those initials (");
  absl::StrAppend(&out, CandidateNodes(sorted), "), so it was merged with none of them");
  return out;
}

absl::StatusOr<std::optional<NodeId>> AbsorbAcronymNode(WriteTxn& txn, NodeId full) {
  QUIVER_ASSIGN_OR_RETURN(auto organisation, txn.GetNode(full));
  if (!organisation || !HasLabel(organisation->labels, kOrganization)) return std::nullopt;
  const std::string initials = Initials(organisation->name);
  if (initials.empty()) return std::nullopt;
  const std::string key = NormalizeName(initials);
  QUIVER_ASSIGN_OR_RETURN(bool blocked, NameBlocked(txn, key, full));
  if (blocked) return std::nullopt;  // kg.split ruled the acronym is someone else.
  QUIVER_ASSIGN_OR_RETURN(std::vector<NodeId> ids, txn.FindNodesByName(key));
  std::vector<Node> acronym_only;
  for (NodeId id : ids) {
    if (id == full) continue;
    QUIVER_ASSIGN_OR_RETURN(auto node, txn.GetNode(id));
    if (node && node->name == initials && MayBeOrganisation(node->labels))
      acronym_only.push_back(std::move(*node));
  }
  if (acronym_only.size() != 1) return std::nullopt;
  // Only now, with a node to take in, is every organisation read.
  QUIVER_ASSIGN_OR_RETURN(std::vector<Node> organisations,
                          OrganisationsAbbreviated(txn, initials, {}));
  for (const Node& other : organisations)
    if (other.id != full) return std::nullopt;  // Two share the initials: ambiguous.
  const Node& absorbed = acronym_only.front();
  QUIVER_RETURN_IF_ERROR(AbsorbShortNameNode(txn, *organisation, absorbed, AcronymRule(initials)));
  return absorbed.id;
}

absl::StatusOr<int64_t> SeparateAcronymMentions(WriteTxn& txn, NodeId full, DocId doc) {
  QUIVER_ASSIGN_OR_RETURN(auto organisation, txn.GetNode(full));
  if (!organisation || !HasLabel(organisation->labels, kOrganization)) return 0;
  const std::string initials = Initials(organisation->name);
  if (initials.empty()) return 0;
  // The acronym rule gives the organisation its acronym as an alias (and
  // its own merge the acronym node's name): with no other organisation of
  // those initials named by it, the rule placed nothing to take back, and
  // every organisation need not be read.
  QUIVER_ASSIGN_OR_RETURN(std::vector<NodeId> ids, txn.FindNodesByName(initials));
  bool holder = false;
  for (NodeId id : ids) {
    if (id == full) continue;
    QUIVER_ASSIGN_OR_RETURN(auto node, txn.GetNode(id));
    holder |= node && HasLabel(node->labels, kOrganization) && Initials(node->name) == initials;
  }
  if (!holder) return 0;
  QUIVER_ASSIGN_OR_RETURN(std::vector<Node> organisations,
                          OrganisationsAbbreviated(txn, initials, {}));
  return SeparateShortNameMentions(txn, full, doc, organisations, AcronymRule(initials));
}

}  // namespace quiver::graph
