#include "ingest/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace quiver::ingest {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// Short names people use where iso-codes gives the formal one.
const std::map<std::string, std::string>& ShortNames() {
  static const auto* m = new std::map<std::string, std::string>{
      {"RU", "Russia"}, {"US", "United States"}, {"GB", "United Kingdom"},
      {"KR", "South Korea"}, {"KP", "North Korea"}, {"VN", "Vietnam"},
      {"LA", "Laos"}, {"MD", "Moldova"}, {"TZ", "Tanzania"}, {"VE", "Venezuela"},
      {"BO", "Bolivia"}, {"TW", "Taiwan"}, {"CZ", "Czech Republic"}};
  return *m;
}

struct Gazette {
  // Names and codes (lower case) -> canonical country name.
  std::map<std::string, std::string> countries;
  // ISO 3166 codes (lower case) that are no country's name: they name a
  // country only when written in capitals ("CO" is Colombia, "Co." a
  // company, "US" the United States, "us" a pronoun).
  std::set<std::string> codes;
};

const Gazette& Countries() {
  static const auto* m = [] {
    auto* gazette = new Gazette;
    auto* out = &gazette->countries;
    std::set<std::string> names;
    std::ifstream in(QUIVER_ISO_CODES_JSON);
    if (!in) return gazette;
    try {
      nlohmann::json j = nlohmann::json::parse(in);
      for (const auto& c : j["3166-1"]) {
        std::string code = c.value("alpha_2", "");
        std::string name = c.value("name", "");
        std::string canonical = c.value("common_name", name);
        auto s = ShortNames().find(code);
        if (s != ShortNames().end()) canonical = s->second;
        for (const char* key : {"name", "common_name", "official_name"}) {
          std::string v = c.value(key, "");
          if (!v.empty()) {
            (*out)[Lower(v)] = canonical;
            names.insert(Lower(v));
          }
        }
        (*out)[Lower(canonical)] = canonical;
        names.insert(Lower(canonical));
        std::string a3 = c.value("alpha_3", "");
        for (const std::string& k : {code, a3}) {
          if (k.empty()) continue;
          (*out)[Lower(k)] = canonical;
          gazette->codes.insert(Lower(k));
        }
      }
    } catch (const nlohmann::json::exception&) {
      // Without the list, no country is recognised by name; demonyms still are.
    }
    for (const auto& [k, v] : std::map<std::string, std::string>{
             {"america", "United States"}, {"u.s.", "United States"}, {"usa", "United States"},
             {"britain", "United Kingdom"}, {"great britain", "United Kingdom"},
             {"uk", "United Kingdom"}, {"u.k.", "United Kingdom"}, {"russia", "Russia"}})
      (*out)[k] = v;
    // Two-letter codes that are also English words would misfire.
    for (const char* w : {"in", "is", "it", "at", "be", "by", "do", "go", "me", "my", "no",
                          "so", "to", "us", "am", "an", "as", "ca", "id", "la", "ma", "mo",
                          "pa", "pe", "re", "se", "sh", "tv", "ad", "ag", "ai", "al", "ar",
                          "bb", "bo", "cv", "er", "es", "hm", "il", "ki", "ky", "lb", "mu",
                          "na", "nu", "om", "ph", "pt", "sa", "sc", "sm", "st", "tt"})
      out->erase(w);
    (*out)["us"] = "United States";
    for (const std::string& n : names) gazette->codes.erase(n);
    return gazette;
  }();
  return *m;
}

}  // namespace

std::optional<std::string> CountryByName(std::string_view name) {
  const Gazette& gazette = Countries();
  auto it = gazette.countries.find(Lower(name));
  if (it == gazette.countries.end()) return std::nullopt;
  if (gazette.codes.count(it->first) > 0 &&
      std::any_of(name.begin(), name.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
    return std::nullopt;
  return it->second;
}

std::optional<std::string> CountryByDemonym(std::string_view word) {
  static const auto* m = new std::map<std::string, std::string>{
      {"french", "France"}, {"russian", "Russia"}, {"syrian", "Syria"},
      {"american", "United States"}, {"british", "United Kingdom"}, {"german", "Germany"},
      {"chinese", "China"}, {"iranian", "Iran"}, {"iraqi", "Iraq"}, {"turkish", "Turkey"},
      {"israeli", "Israel"}, {"italian", "Italy"}, {"spanish", "Spain"},
      {"ukrainian", "Ukraine"}, {"saudi", "Saudi Arabia"}, {"egyptian", "Egypt"},
      {"lebanese", "Lebanon"}, {"jordanian", "Jordan"}, {"japanese", "Japan"},
      {"indian", "India"}, {"pakistani", "Pakistan"}, {"afghan", "Afghanistan"},
      {"polish", "Poland"}, {"dutch", "Netherlands"}, {"belgian", "Belgium"},
      {"swiss", "Switzerland"}, {"swedish", "Sweden"}, {"norwegian", "Norway"},
      {"danish", "Denmark"}, {"finnish", "Finland"}, {"greek", "Greece"},
      {"canadian", "Canada"}, {"mexican", "Mexico"}, {"brazilian", "Brazil"},
      {"australian", "Australia"}, {"qatari", "Qatar"}, {"kurdish", "Kurdistan"},
      {"libyan", "Libya"}, {"tunisian", "Tunisia"}, {"algerian", "Algeria"},
      {"moroccan", "Morocco"}, {"austrian", "Austria"}, {"irish", "Ireland"},
      {"portuguese", "Portugal"}, {"korean", "South Korea"}, {"belarusian", "Belarus"},
      {"icelandic", "Iceland"}, {"icelander", "Iceland"}, {"estonian", "Estonia"},
      {"latvian", "Latvia"}, {"lithuanian", "Lithuania"}, {"hungarian", "Hungary"},
      {"romanian", "Romania"}, {"bulgarian", "Bulgaria"}, {"serbian", "Serbia"},
      {"croatian", "Croatia"}, {"czech", "Czech Republic"}, {"slovak", "Slovakia"},
      {"slovenian", "Slovenia"}, {"nigerian", "Nigeria"}, {"kenyan", "Kenya"},
      {"ethiopian", "Ethiopia"}, {"argentine", "Argentina"}, {"argentinian", "Argentina"},
      {"chilean", "Chile"}, {"colombian", "Colombia"}, {"peruvian", "Peru"},
      {"venezuelan", "Venezuela"}, {"cuban", "Cuba"}, {"vietnamese", "Vietnam"},
      {"thai", "Thailand"}, {"indonesian", "Indonesia"}, {"malaysian", "Malaysia"},
      {"filipino", "Philippines"}, {"emirati", "United Arab Emirates"},
      {"yemeni", "Yemen"}, {"sudanese", "Sudan"}, {"somali", "Somalia"},
      {"georgian", "Georgia"}, {"armenian", "Armenia"}, {"azerbaijani", "Azerbaijan"},
      {"kazakh", "Kazakhstan"}, {"uzbek", "Uzbekistan"}, {"mongolian", "Mongolia"},
      {"bahraini", "Bahrain"}, {"kuwaiti", "Kuwait"}, {"omani", "Oman"},
      {"luxembourgish", "Luxembourg"}, {"maltese", "Malta"}, {"cypriot", "Cyprus"},
      {"new zealander", "New Zealand"}, {"south african", "South Africa"},
      {"ghanaian", "Ghana"}, {"senegalese", "Senegal"}, {"malian", "Mali"},
      {"palestinian", "Palestine"}, {"scottish", "United Kingdom"}, {"english", "United Kingdom"}};
  std::string w = Lower(word);
  if (w.size() > 1 && w.back() == 's') {
    auto it = m->find(w.substr(0, w.size() - 1));  // "Russians"
    if (it != m->end()) return it->second;
  }
  auto it = m->find(w);
  if (it == m->end()) return std::nullopt;
  return it->second;
}

bool IsTitleWord(std::string_view lower) {
  static const std::set<std::string> k = {
      "president", "minister", "spokesman", "spokeswoman", "spokesperson", "secretary",
      "chancellor", "premier", "king", "queen", "prince", "ambassador", "envoy", "chairman",
      "chairwoman", "chief", "director", "governor", "mayor", "senator", "general",
      "commander", "leader", "head", "ceo", "founder", "vice-president", "prime-minister",
      "representative", "adviser", "advisor", "emir", "sheikh", "pope", "cardinal",
      "ayatollah", "colonel", "lieutenant", "admiral", "marshal", "judge", "editor",
      "correspondent", "deputy", "emperor", "monarch", "dictator", "mp", "lawmaker"};
  return k.count(Lower(lower)) > 0;
}

bool IsTitleQualifier(std::string_view lower) {
  static const std::set<std::string> k = {"foreign", "prime", "defence", "defense", "interior",
                                          "finance", "former", "vice", "deputy", "general",
                                          "acting", "then", "current", "new", "senior",
                                          "economy", "justice", "health", "press"};
  return k.count(Lower(lower)) > 0;
}

bool IsHonorific(std::string_view word) {
  static const std::set<std::string> k = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr",
                                          "dr.", "sir", "madame", "monsieur", "mme", "m."};
  return k.count(Lower(word)) > 0;
}

bool IsOrganizationWord(std::string_view word) {
  static const std::set<std::string> k = {
      "council", "ministry", "party", "union", "organization", "organisation", "agency",
      "bank", "corporation", "company", "inc", "inc.", "ltd", "ltd.", "committee",
      "commission", "army", "forces", "government", "parliament", "assembly", "nato", "un",
      "kremlin", "senate", "congress", "court", "university", "institute", "association",
      "federation", "league", "front", "group", "network", "times", "post", "news",
      "office", "department", "brigade", "movement", "coalition", "alliance", "elysée",
      "elysee", "pentagon", "eu", "opec", "isis", "isil", "daesh", "hezbollah", "nusra"};
  return k.count(Lower(word)) > 0;
}

}  // namespace quiver::ingest
