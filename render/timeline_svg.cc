#include "render/timeline_svg.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "render/time_axis.h"
#include "render/xml_escape.h"
#include "util/temporal.h"
#include "util/temporal_format.h"

namespace quiver::render {

namespace {

// Fixed geometry: a width that fits a report page, lanes tall enough for
// 12 px labels and a point of radius 5.
constexpr double kWidth = 960;
constexpr double kLeft = 200;  // Lane labels end here.
constexpr double kRight = 40;  // Half a "2016-10-11" tick label fits.
constexpr double kTop = 44;  // Below the title.
constexpr double kLane = 26;
constexpr size_t kLabelChars = 30;  // Longer lane labels end with "…".

// Tableau 10: distinct, and legible on white.
constexpr const char* kColours[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2",
                                    "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                                    "#9c755f", "#bab0ac"};

std::string Num(double v) { return absl::StrFormat("%.1f", v); }

// Cuts at a character boundary, never inside a UTF-8 sequence.
std::string Shorten(const std::string& s) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (++chars > kLabelChars) return s.substr(0, i) + "\xE2\x80\xA6";
  }
  return s;
}

std::string Day(int64_t day) { return temporal::Format(temporal::MakeDate(day)); }

}  // namespace

std::string DaysText(int64_t first_day, int64_t last_day) {
  if (first_day == last_day) return Day(first_day);
  return absl::StrCat(Day(first_day), " \xE2\x80\x93 ", Day(last_day));
}

TimelineSvg WriteTimelineSvg(const Timeline& t) {
  int64_t first = t.items.front().first_day, last = t.items.front().last_day;
  for (const auto& item : t.items) {
    first = std::min(first, item.first_day);
    last = std::max(last, item.last_day);
  }
  TimeAxis axis = MakeTimeAxis(first, last);
  std::vector<std::string> lanes = LanesOf(t);
  std::vector<std::string> relations = RelationsOf(t);
  std::map<std::string, size_t> lane_of, colour_of;
  for (size_t i = 0; i < lanes.size(); ++i) lane_of[lanes[i]] = i;
  for (size_t i = 0; i < relations.size(); ++i)
    colour_of[relations[i]] = i % std::size(kColours);

  const double plot = kWidth - kLeft - kRight;
  auto x = [&](int64_t day) {
    return kLeft +
           plot * static_cast<double>(day - axis.begin) /
               static_cast<double>(std::max<int64_t>(1, axis.end - axis.begin));
  };
  const double axis_y = kTop + kLane * static_cast<double>(lanes.size()) + 8;
  const double legend_y = axis_y + 40;
  const double height =
      legend_y + 20 * static_cast<double>((relations.size() + 3) / 4) + 10;

  std::string out = absl::StrCat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"", Num(kWidth),
      "\" height=\"", Num(height), "\" viewBox=\"0 0 ", Num(kWidth), " ",
      Num(height),
      "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
  absl::StrAppend(&out, "<text x=\"", Num(kLeft),
                  "\" y=\"24\" font-size=\"16\">", XmlEscape(t.title),
                  "</text>\n");
  // Lanes: a faint band every other row, the label right-aligned before the
  // plot.
  for (size_t i = 0; i < lanes.size(); ++i) {
    double y = kTop + kLane * static_cast<double>(i);
    if (i % 2 == 0) {
      absl::StrAppend(&out, "<rect class=\"lane\" x=\"", Num(kLeft), "\" y=\"",
                      Num(y), "\" width=\"", Num(plot), "\" height=\"",
                      Num(kLane), "\" fill=\"#f4f4f4\"/>\n");
    }
    absl::StrAppend(&out, "<text class=\"lane-label\" x=\"", Num(kLeft - 8),
                    "\" y=\"", Num(y + kLane / 2 + 4),
                    "\" text-anchor=\"end\"><title>", XmlEscape(lanes[i]),
                    "</title>", XmlEscape(Shorten(lanes[i])), "</text>\n");
  }
  // The axis and its ticks, with a light grid line up through the lanes.
  absl::StrAppend(&out, "<line class=\"axis\" x1=\"", Num(kLeft), "\" y1=\"",
                  Num(axis_y), "\" x2=\"", Num(kLeft + plot), "\" y2=\"",
                  Num(axis_y), "\" stroke=\"#333\"/>\n");
  for (const AxisTick& tick : axis.ticks) {
    double tx = x(tick.day);
    absl::StrAppend(&out, "<line x1=\"", Num(tx), "\" y1=\"", Num(kTop),
                    "\" x2=\"", Num(tx), "\" y2=\"", Num(axis_y + 5),
                    "\" stroke=\"#ccc\"/>\n");
    absl::StrAppend(&out, "<text class=\"tick\" x=\"", Num(tx), "\" y=\"",
                    Num(axis_y + 18), "\" text-anchor=\"middle\">",
                    XmlEscape(tick.label), "</text>\n");
  }
  // Items: a bar over [first, last + 1) days, a point at the middle of a day.
  for (size_t i = 0; i < t.items.size(); ++i) {
    const TimelineItem& item = t.items[i];
    const char* colour = kColours[colour_of[item.relation]];
    double y =
        kTop + kLane * static_cast<double>(lane_of[item.lane]) + kLane / 2;
    std::string title = absl::StrCat(
        item.fact, " (", DaysText(item.first_day, item.last_day), ")");
    if (!item.evidence.empty())
      absl::StrAppend(&title, "\n", item.evidence.front().sentence);
    absl::StrAppend(&out, "<g class=\"item\" id=\"i", i, "\"><title>",
                    XmlEscape(title), "</title>");
    std::string dash = item.negated ? " stroke-dasharray=\"3,2\"" : "";
    if (item.first_day == item.last_day) {
      absl::StrAppend(&out, "<circle cx=\"",
                      Num(x(item.first_day) +
                          (x(item.first_day + 1) - x(item.first_day)) / 2),
                      "\" cy=\"", Num(y), "\" r=\"5\" fill=\"", colour,
                      "\" stroke=\"#222\"", dash, "/>");
    } else {
      double x0 = x(item.first_day),
             x1 = std::max(x(item.last_day + 1), x0 + 3);
      absl::StrAppend(&out, "<rect x=\"", Num(x0), "\" y=\"", Num(y - 6),
                      "\" width=\"", Num(x1 - x0),
                      "\" height=\"12\" rx=\"3\" fill=\"", colour,
                      "\" fill-opacity=\"0.75\" stroke=\"#222\"", dash, "/>");
    }
    absl::StrAppend(&out, "</g>\n");
  }
  // Legend: four relations a row.
  for (size_t i = 0; i < relations.size(); ++i) {
    double lx = kLeft + static_cast<double>(i % 4) * (plot / 4);
    double ly = legend_y + 20 * static_cast<double>(i / 4);
    absl::StrAppend(&out, "<g class=\"legend\"><rect x=\"", Num(lx), "\" y=\"",
                    Num(ly - 10), "\" width=\"12\" height=\"12\" fill=\"",
                    kColours[colour_of[relations[i]]], "\"/><text x=\"",
                    Num(lx + 18), "\" y=\"", Num(ly), "\">",
                    XmlEscape(Shorten(relations[i])), "</text></g>\n");
  }
  absl::StrAppend(&out, "</svg>\n");
  return TimelineSvg{std::move(out), kWidth, height};
}

}  // namespace quiver::render
