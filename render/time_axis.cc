#include "render/time_axis.h"

#include "absl/strings/str_format.h"
#include "util/temporal.h"
#include "util/temporal_format.h"

namespace quiver::render {

namespace {

// At most this many intervals between ticks: about one per 72 px of the
// 720 px plot (render/timeline_svg.cc), which keeps "2016-10-11" labels
// (about 60 px at 12 px) from touching.
constexpr size_t kMaxIntervals = 10;

enum class Unit { kDay, kMonth, kYear };

struct Step {
  Unit unit;
  int64_t n;
};

// From fine to coarse; the first that fits wins.
constexpr Step kSteps[] = {
    {Unit::kDay, 1},    {Unit::kDay, 2},    {Unit::kDay, 7},
    {Unit::kDay, 14},   {Unit::kMonth, 1},  {Unit::kMonth, 2},
    {Unit::kMonth, 3},  {Unit::kMonth, 6},  {Unit::kYear, 1},
    {Unit::kYear, 2},   {Unit::kYear, 5},   {Unit::kYear, 10},
    {Unit::kYear, 20},  {Unit::kYear, 50},  {Unit::kYear, 100},
    {Unit::kYear, 200}, {Unit::kYear, 500}, {Unit::kYear, 1000}};

std::string Label(Unit unit, int64_t day) {
  temporal::CivilDate c = temporal::CivilOf(day);
  switch (unit) {
    case Unit::kDay:
      return temporal::Format(temporal::MakeDate(day));
    case Unit::kMonth:
      return absl::StrFormat("%04d-%02d", c.year, c.month);
    case Unit::kYear:
      return absl::StrFormat("%04d", c.year);
  }
  return "";
}

// The tick at or before `day` (aligned to the step), and the one after a tick.
int64_t Floor(Step s, int64_t day) {
  if (s.unit == Unit::kDay) return day;  // Day steps start at the first fact.
  temporal::CivilDate c = temporal::CivilOf(day);
  if (s.unit == Unit::kMonth) {
    int64_t months = c.year * 12 + (c.month - 1);
    months = temporal::FloorDiv(months, s.n) * s.n;
    return temporal::EpochDayOf(
        temporal::FloorDiv(months, 12),
        static_cast<int>(temporal::FloorMod(months, 12)) + 1, 1);
  }
  return temporal::EpochDayOf(temporal::FloorDiv(c.year, s.n) * s.n, 1, 1);
}

int64_t Next(Step s, int64_t tick) {
  if (s.unit == Unit::kDay) return tick + s.n;
  temporal::CivilDate c = temporal::CivilOf(tick);
  if (s.unit == Unit::kMonth) {
    int64_t months = c.year * 12 + (c.month - 1) + s.n;
    return temporal::EpochDayOf(
        temporal::FloorDiv(months, 12),
        static_cast<int>(temporal::FloorMod(months, 12)) + 1, 1);
  }
  return temporal::EpochDayOf(c.year + s.n, 1, 1);
}

}  // namespace

TimeAxis MakeTimeAxis(int64_t first, int64_t last) {
  TimeAxis axis;
  for (const Step& s : kSteps) {
    axis.ticks.clear();
    int64_t tick = Floor(s, first);
    axis.begin = tick;
    // The last item covers [last, last + 1): the axis ends at the tick after.
    while (true) {
      axis.ticks.push_back(AxisTick{tick, Label(s.unit, tick)});
      if (tick > last || axis.ticks.size() > kMaxIntervals + 1) break;
      tick = Next(s, tick);
    }
    axis.end = tick;
    if (axis.ticks.size() <= kMaxIntervals + 1) return axis;
  }
  return axis;  // Past a thousand years a step: the coarsest, crowded.
}

}  // namespace quiver::render
