// Word lists that type entities: countries (Debian's iso-codes) and their
// demonyms, titles, honorifics, organisation words, pronouns.

#ifndef QUIVER_INGEST_GAZETTEER_H_
#define QUIVER_INGEST_GAZETTEER_H_

#include <optional>
#include <string>
#include <string_view>

namespace quiver::ingest {

// The country's canonical short name for a country name or code ("Russian
// Federation", "Russia", "RU" -> "Russia"), or nullopt. Thread-safe.
std::optional<std::string> CountryByName(std::string_view name);

// The country a demonym stands for ("French" -> "France", "Russians" ->
// "Russia"), or nullopt.
std::optional<std::string> CountryByDemonym(std::string_view word);

// Words that name an office ("president", "minister", "spokesman").
bool IsTitleWord(std::string_view lower);
// Words that qualify an office without being one ("foreign", "prime").
bool IsTitleQualifier(std::string_view lower);
bool IsHonorific(std::string_view word);  // "Mr.", "Mrs", "Dr."
// Last words of organisation names ("Council", "Ministry", "Party").
bool IsOrganizationWord(std::string_view word);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_GAZETTEER_H_
