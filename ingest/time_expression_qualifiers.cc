#include "ingest/time_expression_qualifiers.h"

#include <cctype>
#include <map>
#include <string>

#include "ingest/time_expression.h"
#include "util/temporal.h"

namespace quiver::ingest {

namespace {

Value DateValue(int64_t day) { return Value(temporal::MakeDate(day)); }

// Where the relation's longest word is in the sentence (its middle when it
// is not found), to pick the expression that most likely dates it: the
// longest is the content verb ("attempted to sway", "to use", "was
// threatening against"), not an auxiliary or "to" that occurs anywhere.
size_t RelationAt(const Triple& t) {
  const std::string& s = t.sentence_text;
  std::string first;
  for (size_t b = 0; b < t.text.size();) {
    size_t e = t.text.find(' ', b);
    if (e == std::string::npos) e = t.text.size();
    if (e - b >= first.size()) first = t.text.substr(b, e - b);
    b = e + 1;
  }
  auto alnum = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(s[k])) != 0; };
  // As a whole word: "use" is not the one in "because".
  for (size_t at = first.empty() ? std::string::npos : s.find(first); at != std::string::npos;
       at = s.find(first, at + 1)) {
    const size_t end = at + first.size();
    if ((at == 0 || !alnum(at - 1)) && (end == s.size() || !alnum(end))) return at;
  }
  return s.size() / 2;
}

}  // namespace

std::optional<int64_t> DocumentDay(std::string_view date) {
  if (date.size() < 10) return std::nullopt;
  auto day = ParseTemporal(TemporalValue::Kind::kDate, date.substr(0, 10));
  if (!day.ok()) return std::nullopt;
  return day->AsTemporal().epoch_day;
}

void AddTimeQualifiers(std::string_view document_date, std::vector<Triple>* triples) {
  const std::optional<int64_t> doc = DocumentDay(document_date);
  std::map<uint32_t, std::vector<TimeExpression>> by_sentence;
  for (Triple& t : *triples) {
    if (doc) t.qualifiers["reported"] = DateValue(*doc);
    auto it = by_sentence.find(t.sentence);
    if (it == by_sentence.end())
      it = by_sentence.emplace(t.sentence, FindTimeExpressions(t.sentence_text, doc)).first;
    const std::vector<TimeExpression>& found = it->second;
    if (found.empty()) continue;
    // A clause's time adverbial mostly follows its verb ("met Putin on
    // Tuesday") or opens the sentence ("On Tuesday, Putin met ..."); one
    // before the verb but after the sentence start is often in an aside
    // ("Hollande, elected in May 2012, met ..."). So: the first expression
    // after the relation words, else the last before them; normalised ones
    // first, an unnormalised one only when no other is there (its words are
    // still worth keeping).
    const size_t at = RelationAt(t);
    bool any_normalized = false;
    for (const TimeExpression& e : found) any_normalized |= e.normalized();
    const TimeExpression* after = nullptr;
    const TimeExpression* before = nullptr;
    for (const TimeExpression& e : found) {
      if (any_normalized && !e.normalized()) continue;
      if (e.end > at && after == nullptr) after = &e;
      if (e.end <= at) before = &e;
    }
    const TimeExpression* best = after != nullptr ? after : before;
    t.qualifiers["time"] = Value(best->text);
    if (best->start) t.qualifiers["time_start"] = DateValue(*best->start);
    if (best->end_day) t.qualifiers["time_end"] = DateValue(*best->end_day);
    t.qualifiers["time_granularity"] = Value(GranularityName(best->granularity));
    t.qualifiers["time_kind"] = Value(TimeKindName(best->kind));
  }
}

}  // namespace quiver::ingest
