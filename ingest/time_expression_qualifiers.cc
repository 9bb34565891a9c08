#include "ingest/time_expression_qualifiers.h"

#include <cctype>
#include <map>
#include <string>

#include "ingest/time_expression.h"
#include "util/temporal.h"

namespace quiver::ingest {

namespace {

Value DateValue(int64_t day) { return Value(temporal::MakeDate(day)); }

// Where `word` first stands as a whole word in `s` ("use" is not the one in
// "because"), or npos.
size_t WholeWordAt(const std::string& s, const std::string& word) {
  auto alnum = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(s[k])) != 0; };
  for (size_t at = word.empty() ? std::string::npos : s.find(word); at != std::string::npos;
       at = s.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || !alnum(at - 1)) && (end == s.size() || !alnum(end))) return at;
  }
  return std::string::npos;
}

// Where the relation's longest word is in the sentence (its middle when it
// is not found), to pick the expression that most likely dates it: the
// longest is the content verb ("attempted to sway", "to use", "was
// threatening against"), not an auxiliary or "to" that occurs anywhere.
size_t RelationAt(const Triple& t) {
  std::string longest;
  for (size_t b = 0; b < t.text.size();) {
    size_t e = t.text.find(' ', b);
    if (e == std::string::npos) e = t.text.size();
    if (e - b >= longest.size()) longest = t.text.substr(b, e - b);
    b = e + 1;
  }
  const size_t at = WholeWordAt(t.sentence_text, longest);
  return at == std::string::npos ? t.sentence_text.size() / 2 : at;
}

// Where the subject is named in the sentence, or npos.
size_t SubjectAt(const Triple& t) {
  return WholeWordAt(t.sentence_text, t.subject_mention.empty() ? t.subject : t.subject_mention);
}

// Whether only punctuation and an optional "that" stand between `e` and the
// subject at `subject`: "said Tuesday that Russia was threatening" dates
// what was said as of that day, unlike a time inside another clause.
bool LeadsToSubject(const TimeExpression& e, const std::string& sentence, size_t subject) {
  std::string between;
  for (size_t k = e.end; k < subject; ++k)
    if (std::isalnum(static_cast<unsigned char>(sentence[k]))) between += sentence[k];
  return between.empty() || between == "that";
}

// Whether `e` opens the sentence (nothing but punctuation before it).
bool OpensSentence(const TimeExpression& e, const std::string& sentence) {
  for (size_t k = 0; k < e.begin; ++k)
    if (std::isalnum(static_cast<unsigned char>(sentence[k]))) return false;
  return true;
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
    // ("Hollande, elected in May 2012, met ..."), and one before the
    // subject, not opening the sentence, in another clause ("the minister,
    // who held talks last week, said … Assad continue a crackdown"). So:
    // the first expression after the relation words, else the last before
    // them that is not before the subject (unless it opens the sentence or
    // leads straight to the subject: "said Tuesday that Russia …");
    // normalised ones first, an unnormalised one only when no other is
    // there (its words are still worth keeping).
    const size_t at = RelationAt(t);
    const size_t subject = SubjectAt(t);
    bool any_normalized = false;
    for (const TimeExpression& e : found) any_normalized |= e.normalized();
    const TimeExpression* after = nullptr;
    const TimeExpression* before = nullptr;
    for (const TimeExpression& e : found) {
      if (any_normalized && !e.normalized()) continue;
      if (e.end > at && after == nullptr) after = &e;
      const bool other_clause = subject != std::string::npos && subject < at &&
                                e.end <= subject && !OpensSentence(e, t.sentence_text) &&
                                !LeadsToSubject(e, t.sentence_text, subject);
      if (e.end <= at && !other_clause) before = &e;
    }
    const TimeExpression* best = after != nullptr ? after : before;
    if (best == nullptr) continue;  // Only other clauses' times: report time alone.
    t.qualifiers["time"] = Value(best->text);
    if (best->start) t.qualifiers["time_start"] = DateValue(*best->start);
    if (best->end_day) t.qualifiers["time_end"] = DateValue(*best->end_day);
    t.qualifiers["time_granularity"] = Value(GranularityName(best->granularity));
    t.qualifiers["time_kind"] = Value(TimeKindName(best->kind));
  }
}

}  // namespace quiver::ingest
