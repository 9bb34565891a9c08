#include "api/date_range.h"

#include "absl/strings/str_cat.h"
#include "quiver/value.h"

namespace quiver::api {

namespace {

absl::StatusOr<int64_t> Day(std::string_view option, std::string_view text) {
  auto v = ParseTemporal(TemporalValue::Kind::kDate, text);
  if (!v.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        std::string(option), ": '", std::string(text), "' is not a date (",
        v.status().message(), "); use YYYY-MM-DD"));
  }
  return v->AsTemporal().epoch_day;
}

}  // namespace

absl::StatusOr<DayRange> ParseDayRange(std::string_view from,
                                       std::string_view to) {
  DayRange range;
  if (!from.empty()) {
    auto d = Day("from", from);
    if (!d.ok()) return d.status();
    range.from = *d;
    range.bounded = true;
  }
  if (!to.empty()) {
    auto d = Day("to", to);
    if (!d.ok()) return d.status();
    range.to = *d;
    range.bounded = true;
  }
  if (range.from > range.to) {
    return absl::InvalidArgumentError(
        absl::StrCat("from (", std::string(from), ") is after to (",
                     std::string(to), "): no day is in that range"));
  }
  return range;
}

}  // namespace quiver::api
