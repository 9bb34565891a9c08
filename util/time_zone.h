// Named time zones (IANA names such as "Europe/Stockholm") through ICU's
// zone database. The only file of the util module that knows ICU.
// Thread-safe: each thread keeps its own cache of zone objects.

#ifndef QUIVER_UTIL_TIME_ZONE_H_
#define QUIVER_UTIL_TIME_ZONE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace quiver::temporal {

// True when ICU knows the zone name ("Europe/London", "UTC").
bool IsKnownZone(std::string_view name);

// The zone's offset from UTC in seconds at an instant (seconds since
// 1970-01-01T00:00Z). REQUIRES: IsKnownZone(zone).
int32_t ZoneOffsetAt(const std::string& zone, int64_t epoch_second);

// The zone's offset for a local wall-clock time (seconds since
// 1970-01-01T00:00 local). An hour that occurs twice takes the earlier
// offset; for a local time the zone skips, the offset before the transition
// (so the time moves forward by the gap, as java.time does).
// REQUIRES: IsKnownZone(zone).
int32_t ZoneOffsetAtLocal(const std::string& zone, int64_t local_epoch_second);

}  // namespace quiver::temporal

#endif  // QUIVER_UTIL_TIME_ZONE_H_
