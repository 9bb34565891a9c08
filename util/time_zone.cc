#include "util/time_zone.h"

#include <map>
#include <memory>

#include "unicode/basictz.h"
#include "unicode/timezone.h"
#include "unicode/unistr.h"

namespace quiver::temporal {
namespace {

// createTimeZone parses ICU's resource data on every call; a statement may
// resolve a zone once per row, so each thread keeps the zones it has seen.
const icu::BasicTimeZone* Zone(std::string_view name) {
  thread_local std::map<std::string, std::unique_ptr<icu::TimeZone>, std::less<>> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), int32_t(name.size())))));
    // An unknown name yields the "Etc/Unknown" zone, which behaves as UTC.
    if (zone && *zone == icu::TimeZone::getUnknown()) zone.reset();
    it = cache.emplace(std::string(name), std::move(zone)).first;
  }
  return dynamic_cast<const icu::BasicTimeZone*>(it->second.get());
}

}  // namespace

bool IsKnownZone(std::string_view name) { return !name.empty() && Zone(name) != nullptr; }

int32_t ZoneOffsetAt(const std::string& zone, int64_t epoch_second) {
  const icu::BasicTimeZone* tz = Zone(zone);
  if (tz == nullptr) return 0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(double(epoch_second) * 1000.0, /*local=*/false, raw, dst, status);
  return U_SUCCESS(status) ? (raw + dst) / 1000 : 0;
}

int32_t ZoneOffsetAtLocal(const std::string& zone, int64_t local_epoch_second) {
  const icu::BasicTimeZone* tz = Zone(zone);
  if (tz == nullptr) return 0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffsetFromLocal(double(local_epoch_second) * 1000.0, UCAL_TZ_LOCAL_FORMER,
                         UCAL_TZ_LOCAL_FORMER, raw, dst, status);
  return U_SUCCESS(status) ? (raw + dst) / 1000 : 0;
}

}  // namespace quiver::temporal
