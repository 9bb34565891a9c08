// Turning the head words of arguments into entities within one document:
// proper names (titles stripped into facts), short forms and pronouns to the
// last compatible entity, demonyms to countries, common nouns to concepts.

#ifndef QUIVER_INGEST_ENTITY_RESOLVER_H_
#define QUIVER_INGEST_ENTITY_RESOLVER_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ingest/noun_phrase.h"

namespace quiver::ingest {

struct Entity {
  std::string name;                  // Canonical name.
  std::vector<std::string> labels;   // Empty when the type is unknown.
  std::vector<std::string> aliases;  // Surface forms seen ("President Hollande").
  std::string mention;               // The mention as written.
  std::string reason;                // Why it resolved to `name` (explainable merges).
  bool named = false;                // Proper name (not a Concept).
};

// An office stated in a name or apposition: holder –relation→ of.
struct TitleFact {
  Entity holder;
  std::string relation;  // "minister_of", "spokesman_of".
  Entity of;
};

// One document's entities. Not thread-safe; one per document.
class DocumentEntities {
 public:
  // Pass 1, sentence by sentence: remembers full person names, so a short
  // form resolves even before the full name appears ("Hollande ... François
  // Hollande").
  void Observe(const LinkGraph& g, const std::string& sentence);

  // Pass 2: the entity `head` names, or nullopt for what names nothing
  // ("which", an unresolved pronoun). Appends offices found in the name
  // ("Kremlin spokesman Dmitry Peskov") to `facts`.
  std::optional<Entity> Resolve(const LinkGraph& g, int head, std::vector<TitleFact>* facts);

  // Offices stated by apposition or copula: "Fabius, the French foreign
  // minister" / "Fabius is the foreign minister of France". `title_head` is
  // the noun "minister". None when the noun is not an office or names no
  // country or organisation. Coordinated roles share their of-phrase: "a
  // critic and ally of X" gives one fact for each conjunct that is a role.
  std::vector<TitleFact> OfficeFacts(const LinkGraph& g, const Entity& holder, int title_head);

 private:
  // OfficeFacts for one noun; its of-phrase is looked for on `title_head`,
  // then on `shared_of_owner` (the coordinator of "a critic and ally of").
  std::optional<TitleFact> OfficeFact(const LinkGraph& g, const Entity& holder, int title_head,
                                      int shared_of_owner);
  // Resolve's work. A name resolves the names it holds (an office's body,
  // the person after "French President"), so Resolve bounds the depth: a
  // cycle between two such rules must end in nullopt, not in a stack
  // overflow.
  std::optional<Entity> ResolveOnce(const LinkGraph& g, int head,
                                    std::vector<TitleFact>* facts);
  int resolve_depth_ = 0;

  struct NameParts;
  NameParts Analyse(const LinkGraph& g, int head) const;
  // Records a resolved mention: persons for "he"/"she", everything else for
  // "it" (as candidate or competitor). `head` says its position.
  void Remember(const LinkGraph& g, int head, const Entity& e);

  void PromoteSpeakers();
  // The person "he" (gender 'm') or "she" ('f') stands for, or nullopt
  // when the text names no one recently or more than one candidate.
  std::optional<Entity> PronounAntecedent(char gender) const;
  char GenderOf(const std::string& name) const;  // 'm', 'f' or '?'.
  // The country, organisation or city "it"/"its" stands for, or nullopt
  // when the nearest candidate is no such entity or is ambiguous.
  std::optional<Entity> ThingAntecedent() const;

  struct PersonMention {
    Entity entity;
    char gender;
    int sentence;
  };
  std::vector<PersonMention> mentions_;  // Persons in the order resolved.
  // Non-persons in the order resolved, named or not: the antecedents and
  // competitors of "it".
  struct ThingMention {
    Entity entity;
    bool plural;   // "the Russians", "officials"; a country or organisation is singular.
    bool subject;  // Subject of its clause.
    int sentence;
  };
  std::vector<ThingMention> things_;
  const ParseTree* current_tree_ = nullptr;  // Each sentence has its own tree.
  int sentence_ = 0;

  std::vector<Entity> persons_;  // Full person names seen in pass 1.
  std::vector<std::string> candidates_;  // Other multi-word names.
  std::set<std::string> speakers_;       // Capitalised subjects of "say".
  bool promoted_ = false;
  std::optional<Entity> last_person_;
  char last_person_gender_ = '?';   // 'm', 'f' or '?'.
  std::map<std::string, char> gender_;  // Full person name -> gender.
  // Qualified office ("foreign minister") -> countries the document gives it.
  std::map<std::string, std::set<std::string>> office_countries_;
};

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_ENTITY_RESOLVER_H_
