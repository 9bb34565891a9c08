#include "cli/shell/shell.h"

#include <chrono>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
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
  while (!quit_) {
    std::optional<std::string> line =
        reader.ReadLine(splitter.pending() ? kContinuationPrompt : kPrompt);
    if (reader.TakeInterrupt()) {
      splitter.Reset();
      continue;
    }
    if (!line) break;
    if (!splitter.pending() && IsMetaCommand(*line)) {
      reader.AddHistory(*line);
      if (!RunMetaCommand(*line)) ++failures;
      continue;
    }
    for (const std::string& statement : splitter.Feed(*line)) {
      reader.AddHistory(statement + ";");
      if (!RunStatement(statement)) ++failures;
      if (quit_) break;
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
  auto result = db_.Query(text);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
  if (!result.ok()) {
    err_ << result.status().message() << "\n";
    err_.flush();
    return false;
  }
  last_statement_ = text;
  if (!result->plan().empty()) out_ << result->plan();
  if (!result->columns().empty() || !result->empty()) {
    PrintResult(*result, options_.format, options_.width, out_);
  }
  out_.flush();
  if (!result->status().ok()) {
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

}  // namespace quiver::cli::shell
