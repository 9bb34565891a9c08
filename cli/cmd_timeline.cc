// quiver timeline STORE NAME [--from DATE] [--to DATE] -o FILE
//
// The dated facts around one entity on a time axis (quiver/timeline.h).

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "quiver/database.h"
#include "quiver/timeline.h"

namespace quiver::cli {

namespace {

struct TimelineCliOptions {
  std::string store;
  std::string name;
  int64_t id = -1;
  std::string from;
  std::string to;
  std::string lanes = "counterpart";
  std::string output;
  std::string format;
  std::string title;
  size_t max_items = 200;
};

std::string FormatOf(const TimelineCliOptions& opts) {
  if (!opts.format.empty()) return opts.format;
  size_t dot = opts.output.rfind('.');
  if (dot == std::string::npos) {
    Fail(absl::StrCat(
        "cannot tell the format of '", opts.output,
        "': give it an extension (.svg .png .pdf .html) or --format"));
  }
  return opts.output.substr(dot + 1);
}

void RunTimeline(const TimelineCliOptions& opts) {
  if (opts.name.empty() == (opts.id < 0))
    Fail("give either a NAME or --id, not both or neither");
  TimelineOptions options;
  options.format = FormatOf(opts);
  options.from = opts.from;
  options.to = opts.to;
  options.lanes = opts.lanes;
  options.max_items = opts.max_items;
  options.title = opts.title;
  if (opts.id >= 0) options.node = static_cast<NodeId>(opts.id);
  Options store_options;
  store_options.create_if_missing = false;
  store_options.read_only = true;
  auto db = OpenStoreOrFail(opts.store, store_options);
  auto drawn = diagram::Timeline(*db, opts.name, options);
  if (!drawn.ok()) Fail(drawn.status());
  if (!drawn->note.empty()) std::cerr << "quiver: " << drawn->note << "\n";
  std::ofstream out(opts.output, std::ios::binary | std::ios::trunc);
  out << drawn->data;
  out.close();
  if (!out) Fail(absl::StrCat(opts.output, ": cannot write"));
  std::cerr << "wrote " << opts.output << " (" << drawn->items
            << " dated facts, " << drawn->lanes << " lanes)\n";
}

}  // namespace

void AddTimelineCommand(CLI::App& app) {
  auto opts = std::make_shared<TimelineCliOptions>();
  CLI::App* cmd =
      app.add_subcommand("timeline",
                         "Draw the dated facts around one entity on a time "
                         "axis: one lane per counterpart (or "
                         "relation), a point per dated day, a bar per month, "
                         "year or interval, coloured by "
                         "relation. A fact's time is its sentence's own time, "
                         "else its document's date. The "
                         "format follows the file name: .svg .png .pdf, or "
                         ".html (each fact's sentences, "
                         "document and date on hover).");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_option("name", opts->name, "The entity, by name or alias");
  cmd->add_option("--id", opts->id,
                  "The entity by node id (when a name is shared)");
  cmd->add_option("--from", opts->from,
                  "Keep facts on or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", opts->to,
                  "Keep facts on or before this date (YYYY-MM-DD)");
  cmd->add_option("--lanes", opts->lanes, "counterpart or relation")
      ->capture_default_str();
  cmd->add_option("--output,-o", opts->output, "File to write")->required();
  cmd->add_option("--format", opts->format,
                  "svg, png, pdf or html (default: from -o)");
  cmd->add_option("--title", opts->title, "Title above the timeline");
  cmd->add_option("--max-items", opts->max_items,
                  "Keep at most this many facts, the earliest")
      ->capture_default_str();
  cmd->callback([opts] { RunTimeline(*opts); });
}

}  // namespace quiver::cli
