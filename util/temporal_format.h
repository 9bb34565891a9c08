// Canonical ISO 8601 text of temporal values, as openCypher's toString()
// and Neo4j print them (java.time's toString forms):
//   Date 2015-07-21, -0001-01-01, +10000-01-01
//   LocalTime 21:40, 21:40:32, 21:40:32.142 (fractions in groups of 3 digits)
//   Time 21:40:32+01:00, 21:40Z
//   LocalDateTime 2015-07-21T21:40:32.142
//   DateTime 2015-07-21T21:40:32.142+02:00[Europe/Stockholm]
//   Duration P1Y2M3DT4H5M6.7S, PT-1.5S, PT0S

#ifndef QUIVER_UTIL_TEMPORAL_FORMAT_H_
#define QUIVER_UTIL_TEMPORAL_FORMAT_H_

#include <cstdint>
#include <string>

#include "quiver/value.h"

namespace quiver::temporal {

std::string Format(const TemporalValue& value);
// Z, +01:00, -04:30, +00:53:28.
std::string FormatOffset(int32_t offset_seconds);

}  // namespace quiver::temporal

#endif  // QUIVER_UTIL_TEMPORAL_FORMAT_H_
