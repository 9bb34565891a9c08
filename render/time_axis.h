// A time axis for timelines: the domain around the facts' days and ticks at
// a calendar unit (days, months, quarters, years, decades...) that gives
// between a few and about ten labels.

#ifndef QUIVER_RENDER_TIME_AXIS_H_
#define QUIVER_RENDER_TIME_AXIS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace quiver::render {

struct AxisTick {
  int64_t day = 0;    // Epoch day the tick stands at.
  std::string label;  // "2016-10-11", "2016-10" or "2016", by the unit.
};

struct TimeAxis {
  // Drawn range, epoch days: [begin, end) covers every item, widened to
  // whole ticks so points never sit on the frame.
  int64_t begin = 0;
  int64_t end = 1;
  std::vector<AxisTick> ticks;
};

// The axis for items over the inclusive days [first, last]. REQUIRES:
// first <= last.
TimeAxis MakeTimeAxis(int64_t first, int64_t last);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_TIME_AXIS_H_
