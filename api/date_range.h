// The --from/--to range timelines and diagrams take: ISO dates read into
// inclusive epoch days, either side open.

#ifndef QUIVER_API_DATE_RANGE_H_
#define QUIVER_API_DATE_RANGE_H_

#include <cstdint>
#include <limits>
#include <string_view>

#include "absl/status/statusor.h"

namespace quiver::api {

struct DayRange {
  int64_t from = std::numeric_limits<int64_t>::min();
  int64_t to = std::numeric_limits<int64_t>::max();
  bool bounded = false;  // Either side was given.

  bool Overlaps(int64_t first, int64_t last) const {
    return first <= to && last >= from;
  }
};

// Errors: kInvalidArgument naming the option for a date that does not read
// ("from: '2016-13-01' is not a date: ...") or a from after the to.
absl::StatusOr<DayRange> ParseDayRange(std::string_view from,
                                       std::string_view to);

}  // namespace quiver::api

#endif  // QUIVER_API_DATE_RANGE_H_
