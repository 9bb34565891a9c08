#include "cli/shell/shell.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/shell/interrupt.h"
#include "cli/shell/statement_splitter.h"
#include "quiver/diagram.h"
#include "util/strings.h"

namespace quiver::cli::shell {

namespace {

constexpr char kPrompt[] = "quiver> ";
constexpr char kContinuationPrompt[] = "     -> ";

std::string Plural(int64_t n, const char* one, const char* many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

std::string UpdateSummary(const QueryStats& s) {
  std::vector<std::string> parts;
  auto add = [&](int64_t n, const char* what) {
    if (n != 0) parts.push_back(absl::StrCat(what, " ", n));
  };
  add(s.nodes_created, "nodes created");
  add(s.nodes_deleted, "nodes deleted");
  add(s.relationships_created, "relationships created");
  add(s.relationships_deleted, "relationships deleted");
  add(s.properties_set, "properties set");
  add(s.labels_added, "labels added");
  add(s.labels_removed, "labels removed");
  return absl::StrJoin(parts, ", ");
}

void PrintCounts(const char* title, const std::vector<std::pair<std::string, int64_t>>& items,
                 std::ostream& out) {
  out << title << ":";
  if (items.empty()) out << " none";
  out << "\n";
  size_t width = 0;
  for (const auto& [name, count] : items) width = std::max(width, name.size());
  for (const auto& [name, count] : items) {
    out << "  " << std::left << std::setw(int(width)) << name << "  " << std::right << count
        << "\n";
  }
}

// The diagram format a file name asks for, from its extension.
absl::StatusOr<std::string> DiagramFormat(const std::string& file) {
  size_t dot = file.rfind('.');
  std::string ext = dot == std::string::npos
                        ? ""
                        : absl::AsciiStrToLower(util::Absl(std::string_view(file).substr(dot + 1)));
  for (const char* f : {"svg", "png", "pdf", "dot", "html"}) {
    if (ext == f) return ext;
  }
  return absl::InvalidArgumentError(
      absl::StrCat(":diagram ", file, ": name the file .svg, .png, .pdf, .dot or .html"));
}

}  // namespace

Shell::Shell(Database& db, ShellOptions options, std::ostream& out, std::ostream& err)
    : db_(db), options_(options), out_(out), err_(err) {
  RefreshSchema();
}

void Shell::CatchUp() {
  if (!options_.read_only) return;
  absl::Status s = db_.CatchUp();
  if (!s.ok()) err_ << "warning: could not catch up with the writer: " << s.message() << "\n";
}

void Shell::RefreshSchema() {
  auto stats = db_.GetStats();
  if (!stats.ok()) return;  // Completion simply offers no names.
  std::vector<std::string> labels, types;
  for (const auto& l : stats->labels) labels.push_back(l.first);
  for (const auto& t : stats->relation_types) types.push_back(t.first);
  completer_.SetSchema(std::move(labels), std::move(types));
}

int Shell::Run(LineReader& reader) {
  int failures = 0;
  StatementSplitter splitter;
  bool interrupted_before = false;  // The last prompt ended with Ctrl-C.
  while (!quit_) {
    std::optional<std::string> line =
        reader.ReadLine(splitter.pending() ? kContinuationPrompt : kPrompt);
    if (reader.TakeInterrupt()) {
      // A second Ctrl-C in a row, at an empty prompt, leaves.
      if (interrupted_before && !splitter.pending()) {
        quit_ = true;
        break;
      }
      splitter.Reset();
      interrupted_before = true;
      err_ << "(Ctrl-C again or Ctrl-D leaves the shell)\n";
      err_.flush();
      continue;
    }
    interrupted_before = false;
    if (!line) break;
    if (!splitter.pending() && IsMetaCommand(*line)) {
      reader.AddHistory(*line);
      if (!RunMetaCommand(*line)) ++failures;
      continue;
    }
    for (const std::string& statement : splitter.Feed(*line)) {
      reader.AddHistory(statement + ";");
      const bool ok = RunStatement(statement);
      if (!ok) ++failures;
      if (quit_) break;
      // Ctrl-C during a :read script stops the whole script.
      if (!ok && read_depth_ > 0 && last_cancelled_) return failures;
    }
  }
  if (!quit_) {
    std::string rest = splitter.TakeRest();
    if (!rest.empty()) {
      reader.AddHistory(rest);
      if (!RunStatement(rest)) ++failures;
    }
  }
  return failures;
}

bool Shell::RunStatement(const std::string& text) {
  CatchUp();
  auto start = std::chrono::steady_clock::now();
  // Ctrl-C from here on cancels this statement (while its rows print too).
  InterruptFlag().Reset();
  QueryOptions query_options;
  query_options.cancel = &InterruptFlag();
  last_cancelled_ = false;
  // The Ctrl-C that cancelled this statement is used up: the prompt after it
  // starts afresh (one more Ctrl-C there does not leave the shell).
  struct ResetAfter {
    ~ResetAfter() { InterruptFlag().Reset(); }
  } reset_after;
  auto result = db_.Query(text, params_, query_options);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
  if (!result.ok()) {
    last_cancelled_ = absl::IsCancelled(result.status());
    err_ << result.status().message() << "\n";
    err_.flush();
    return false;
  }
  last_statement_ = text;
  if (!result->plan().empty()) out_ << result->plan();
  size_t left_out = 0;
  if (!result->columns().empty() || !result->empty()) {
    left_out = PrintResult(*result, options_.format, options_.width, out_, options_.max_rows);
  }
  out_.flush();
  if (left_out > 0) {
    err_ << "(" << Plural(int64_t(left_out), "more row", "more rows")
         << " not shown: :maxrows off shows every row)\n";
  }
  if (!result->status().ok()) {
    last_cancelled_ = absl::IsCancelled(result->status());
    err_ << result->status().message() << "\n";
    err_.flush();
    return false;
  }
  // Tables end with their row count already; other formats are data only.
  std::vector<std::string> parts;
  if (options_.format != ResultFormat::kTable) {
    parts.push_back(Plural(int64_t(result->size()), "row", "rows"));
  }
  std::string updates = UpdateSummary(result->stats());
  if (!updates.empty()) parts.push_back(updates);
  if (options_.timing) parts.push_back(absl::StrFormat("(%.1f ms)", ms));
  if (!parts.empty()) err_ << absl::StrJoin(parts, "; ") << "\n";
  err_.flush();
  if (result->stats().contains_updates()) RefreshSchema();
  return true;
}

bool Shell::RunMetaCommand(std::string_view line) {
  auto command = ParseMetaCommand(line);
  if (!command.ok()) {
    err_ << "error: " << command.status().message() << "\n";
    return false;
  }
  switch (command->kind) {
    case MetaCommand::Kind::kHelp:
      out_ << MetaCommandHelp();
      return true;
    case MetaCommand::Kind::kSchema:
      return Schema();
    case MetaCommand::Kind::kStats:
      return PrintStats();
    case MetaCommand::Kind::kWhy:
      return Why(command->edge);
    case MetaCommand::Kind::kDiagram:
      return Diagram(command->file);
    case MetaCommand::Kind::kFormat: {
      auto format = ParseResultFormat(command->format);
      if (!format.ok()) {
        err_ << "error: " << format.status().message() << "\n";
        return false;
      }
      options_.format = *format;
      return true;
    }
    case MetaCommand::Kind::kTiming:
      options_.timing = command->timing;
      return true;
    case MetaCommand::Kind::kParam:
      return SetParam(*command);
    case MetaCommand::Kind::kParams:
      return ListParams(command->clear);
    case MetaCommand::Kind::kRead:
      return ReadScript(command->file);
    case MetaCommand::Kind::kWidth:
      options_.width = command->automatic ? TerminalWidth() : command->number;
      return true;
    case MetaCommand::Kind::kMaxRows:
      options_.max_rows = command->number;
      return true;
    case MetaCommand::Kind::kQuit:
      quit_ = true;
      return true;
  }
  return true;
}

std::optional<Stats> Shell::CurrentStats() {
  CatchUp();
  auto stats = db_.GetStats();
  if (!stats.ok()) {
    err_ << "error: " << stats.status().message() << "\n";
    return std::nullopt;
  }
  return *std::move(stats);
}

bool Shell::Schema() {
  std::optional<Stats> stats = CurrentStats();
  if (!stats) return false;
  PrintCounts("labels (nodes)", stats->labels, out_);
  PrintCounts("relationship types (edges)", stats->relation_types, out_);
  return true;
}

bool Shell::PrintStats() {
  std::optional<Stats> stats = CurrentStats();
  if (!stats) return false;
  out_ << "store      " << db_.path() << (options_.read_only ? " (read-only)" : "") << "\n"
       << "nodes      " << stats->nodes << "\n"
       << "edges      " << stats->edges << "\n"
       << "documents  " << stats->documents << "\n"
       << "evidence   " << stats->evidence << "\n"
       << "labels     " << stats->labels.size() << "\n"
       << "rel types  " << stats->relation_types.size() << "\n";
  return true;
}

bool Shell::Why(uint64_t edge_id) {
  CatchUp();
  auto edge = db_.GetEdge(edge_id);
  if (!edge.ok()) {
    err_ << "error: :why " << edge_id << ": " << edge.status().message() << "\n";
    return false;
  }
  auto name = [&](NodeId id) {
    auto node = db_.GetNode(id);
    return node.ok() ? node->name : absl::StrCat("#", id);
  };
  out_ << "edge " << edge_id << ": (" << name(edge->src) << ")-[:" << edge->type << "]->("
       << name(edge->dst) << ")" << (edge->negated() ? " (negated)" : "") << "\n";
  auto evidence = db_.EvidenceFor(edge_id);
  if (!evidence.ok()) {
    err_ << "error: :why " << edge_id << ": " << evidence.status().message() << "\n";
    return false;
  }
  if (evidence->empty()) {
    out_ << "  no evidence: the edge was created by a statement, not read from a document\n";
    return true;
  }
  for (const Evidence& e : *evidence) {
    auto doc = db_.GetDocument(e.doc);
    std::string where = doc.ok() ? doc->source : "";
    if (where.empty()) where = e.source;
    out_ << "  document " << e.doc;
    if (!where.empty()) out_ << " " << where;
    if (doc.ok() && !doc->title.empty()) out_ << " \"" << doc->title << "\"";
    out_ << ", sentence " << e.sentence << ":\n    " << e.text << "\n";
  }
  return true;
}

bool Shell::Diagram(const std::string& file) {
  if (last_statement_.empty()) {
    err_ << "error: :diagram draws the last statement's result: run a statement first\n";
    return false;
  }
  auto format = DiagramFormat(file);
  if (!format.ok()) {
    err_ << "error: " << format.status().message() << "\n";
    return false;
  }
  CatchUp();
  DiagramOptions options;
  options.format = *format;
  auto diagram = diagram::OfQuery(db_, last_statement_, options);
  if (!diagram.ok()) {
    err_ << "error: :diagram: " << diagram.status().message() << "\n";
    return false;
  }
  std::ofstream f(file, std::ios::binary | std::ios::trunc);
  f.write(diagram->data.data(), std::streamsize(diagram->data.size()));
  f.close();
  if (!f) {
    err_ << "error: :diagram: cannot write " << file << "\n";
    return false;
  }
  out_ << "wrote " << file << ": " << Plural(diagram->nodes, "node", "nodes") << ", "
       << Plural(diagram->edges, "edge", "edges") << "\n";
  if (!diagram->note.empty()) out_ << diagram->note << "\n";
  return true;
}

bool Shell::SetParam(const MetaCommand& command) {
  if (command.value.empty()) {
    if (params_.erase(command.name) == 0) {
      err_ << "error: :param " << command.name << ": no such parameter (:params lists them)\n";
      return false;
    }
    return true;
  }
  auto value = ParseParamValue(command.value);
  if (!value.ok()) {
    err_ << "error: :param " << command.name << ": " << value.status().message() << "\n";
    return false;
  }
  params_[command.name] = *std::move(value);
  return true;
}

bool Shell::ListParams(bool clear) {
  if (clear) {
    params_.clear();
    return true;
  }
  if (params_.empty()) out_ << "no parameters (:param NAME VALUE sets one)\n";
  for (const auto& [name, value] : params_) {
    out_ << "$" << name << " = " << value.ToString() << "\n";
  }
  return true;
}

bool Shell::ReadScript(const std::string& file) {
  if (read_depth_ >= kMaxReadDepth) {
    err_ << "error: :read " << file << ": scripts nest more than " << kMaxReadDepth
         << " deep (does a script read itself?)\n";
    return false;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    err_ << "error: :read " << file << ": cannot open: " << std::strerror(errno) << "\n";
    return false;
  }
  std::unique_ptr<LineReader> reader = NewStreamLineReader(in);
  ++read_depth_;
  int failures = Run(*reader);
  --read_depth_;
  if (failures > 0) {
    err_ << ":read " << file << ": " << Plural(failures, "statement or command", "statements or commands")
         << " failed\n";
  }
  return failures == 0;
}

}  // namespace quiver::cli::shell
