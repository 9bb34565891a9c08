#include "graph/fact_time.h"

#include <algorithm>
#include <array>

#include "graph/key_format.h"
#include "graph/reader.h"
#include "graph/records.h"
#include "util/status_macros.h"
#include "util/temporal.h"

namespace quiver::graph {

namespace {

std::optional<int64_t> Day(const ValueMap& m, std::string_view key) {
  auto it = m.find(std::string(key));
  if (it == m.end() || !it->second.is_temporal()) return std::nullopt;
  const TemporalValue& t = it->second.AsTemporal();
  if (!temporal::HasDate(t.kind)) return std::nullopt;
  return t.epoch_day;
}

Value DateValue(int64_t epoch_day) { return Value(temporal::MakeDate(epoch_day)); }

}  // namespace

bool IsStatementTimeKey(std::string_view key) {
  static constexpr std::array<std::string_view, 6> kKeys = {
      "time", "time_start", "time_end", "time_granularity", "time_kind", "reported"};
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

std::optional<DaySpan> StatementSpan(const ValueMap& qualifiers) {
  if (auto start = Day(qualifiers, "time_start")) {
    auto end = Day(qualifiers, "time_end");
    return DaySpan{*start, std::max(*start, end.value_or(*start))};
  }
  if (auto reported = Day(qualifiers, "reported")) return DaySpan{*reported, *reported};
  return std::nullopt;
}

std::optional<DaySpan> SeenOf(const ValueMap& props) {
  auto first = Day(props, kFirstSeen), last = Day(props, kLastSeen);
  if (!first || !last) return std::nullopt;
  return DaySpan{*first, *last};
}

void SetSeen(const std::vector<DaySpan>& spans, ValueMap* props) {
  if (spans.empty()) {
    props->erase(std::string(kFirstSeen));
    props->erase(std::string(kLastSeen));
    return;
  }
  DaySpan hull = spans.front();
  for (const DaySpan& s : spans) {
    hull.first = std::min(hull.first, s.first);
    hull.second = std::max(hull.second, s.second);
  }
  (*props)[std::string(kFirstSeen)] = DateValue(hull.first);
  (*props)[std::string(kLastSeen)] = DateValue(hull.second);
}

void WidenSeen(const ValueMap& statement_qualifiers, ValueMap* props) {
  std::optional<DaySpan> span = StatementSpan(statement_qualifiers);
  if (!span) return;
  std::vector<DaySpan> spans{*span};
  if (auto seen = SeenOf(*props)) spans.push_back(*seen);
  SetSeen(spans, props);
}

absl::Status RecomputeSeen(const Reader& reader, EdgeId edge, ValueMap* props) {
  std::vector<DaySpan> spans;
  auto cursor = reader.Scan(Cf::kEvidence, IdKey(edge));
  std::vector<std::pair<uint64_t, uint32_t>> statements;
  for (; cursor->Valid(); cursor->Next()) {
    uint64_t e = 0, doc = 0;
    uint32_t sentence = 0;
    if (DecodeEvidenceKey(cursor->key(), &e, &doc, &sentence)) statements.emplace_back(doc, sentence);
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  for (const auto& [doc, sentence] : statements) {
    QUIVER_ASSIGN_OR_RETURN(auto raw, reader.Get(Cf::kProvenance, DocEvidenceKey(doc, edge, sentence)));
    StatementRecord statement;
    if (!raw || !DecodeStatement(*raw, &statement)) continue;
    if (auto span = StatementSpan(statement.qualifiers)) spans.push_back(*span);
  }
  SetSeen(spans, props);
  return absl::OkStatus();
}

}  // namespace quiver::graph
