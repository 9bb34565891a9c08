// quiver extract PATH...: what ingest would store, without a store: an
// extraction file (quiver/extraction_file.h, one JSON line per document, for
// quiver load --bulk), one JSON line per triple, or open-IE tuples in CaRB's
// tab format for one sentence per input line.

#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/commands.h"
#include "quiver/extraction_file.h"
#include "quiver/extractor.h"
#include "quiver/open_tuples.h"

namespace quiver::cli {

namespace {

struct ExtractOptions {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  int jobs = 1;
  std::string date;  // --date: for documents that give none.
  std::string lines;  // --lines FIRST-LAST: a partition of JSON Lines input.
};

// CaRB: every input line is one sentence, written back exactly as given,
// with its tuples in CaRB's tab format, or with every candidate and its
// features (carb-features, for training). Lines are parsed on --jobs threads
// and written in input order; a line's tuples depend only on the line, so
// the output is the same for any --jobs.
void RunCarb(const ExtractOptions& opts) {
  std::vector<std::string> lines;
  for (const std::string& path : opts.paths) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path);
      if (!file) Fail(path + ": cannot be read");
      in = &file;
    }
    std::string line;
    while (std::getline(*in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) lines.push_back(std::move(line));
    }
  }
  ExtractorOptions options;
  options.jobs = opts.jobs;
  auto extractor = Extractor::Create(options);
  if (!extractor.ok()) Fail(extractor.status());
  const bool features = opts.format == "carb-features";
  absl::Status st = (*extractor)->ExtractOpenTuples(
      lines, [&](size_t i, SentenceTuples&& tuples) {
        std::string out = features ? FormatCarbFeatures(lines[i], tuples)
                                   : FormatCarb(lines[i], tuples);
        if (!out.empty()) std::cout << out << "\n";
      });
  if (!st.ok()) Fail(st);
}

nlohmann::json ValueJson(const Value& v) {
  if (v.is_string()) return v.AsString();
  if (v.is_bool()) return v.AsBool();
  if (v.is_int()) return v.AsInt();
  if (v.is_double()) return v.AsDouble();
  if (v.is_temporal()) return v.ToString();  // ISO 8601, as date() reads it back.
  return nullptr;
}

// One JSON line per triple, with its document's source and date: the
// format before extraction files, for reading triples by eye or with jq.
void PrintTriples(const DocumentInput& d) {
  for (const Triple& t : d.triples) {
    nlohmann::json j;
    j["document"] = d.source;
    if (!d.date.empty()) j["document_date"] = d.date;
    j["subject"] = t.subject;
    j["relation"] = t.relation;
    j["object"] = t.object;
    j["subject_labels"] = t.subject_labels;
    j["object_labels"] = t.object_labels;
    j["text"] = t.text;
    j["negated"] = t.negated;
    j["confidence"] = t.confidence;
    nlohmann::json q = nlohmann::json::object();
    for (const auto& [k, v] : t.qualifiers) q[k] = ValueJson(v);
    j["qualifiers"] = q;
    j["sentence"] = t.sentence;
    j["begin"] = t.begin;
    j["end"] = t.end;
    j["sentence_text"] = t.sentence_text;
    std::cout << j.dump() << "\n";
  }
}

// --lines FIRST-LAST into `options`.
void ParseLines(const std::string& text, ExtractorOptions* options) {
  if (text.empty()) return;
  std::vector<std::string> parts = absl::StrSplit(text, '-');
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &options->first_line) ||
      !absl::SimpleAtoi(parts[1], &options->last_line) || options->first_line < 1 ||
      options->last_line < options->first_line)
    Fail(absl::StrCat("--lines \"", text, "\": write FIRST-LAST, 1 <= FIRST <= LAST"));
}

void RunJsonl(const ExtractOptions& opts) {
  ExtractorOptions options;
  options.jobs = opts.jobs;
  options.default_date = opts.date;
  ParseLines(opts.lines, &options);
  auto extractor = Extractor::Create(options);
  if (!extractor.ok()) Fail(extractor.status());
  auto summary = (*extractor)->ExtractPaths(opts.paths, [&](ExtractionRecord&& record) {
    if (opts.format == "triples") return PrintTriples(record.document);
    record.document.content.clear();  // The file carries the hash, not the text.
    std::cout << FormatExtractionRecord(record) << "\n";
  });
  if (!summary.ok()) Fail(summary.status());
  const ExtractSummary& total = *summary;
  for (const auto& [path, reason] : total.skipped)
    std::cerr << "quiver: skipped " << path << ": " << reason << "\n";
  for (const auto& [path, reason] : total.warnings)
    std::cerr << "quiver: warning: " << path << ": " << reason << "\n";
  std::cerr << "extract: " << total.documents << " documents, " << total.sentences
            << " sentences, " << total.triples << " triples, " << total.skipped.size()
            << " skipped inputs, " << total.fallback << " fallback sentences ("
            << total.too_long << " too long), " << total.no_triple
            << " sentences without triples"
            << (total.long_cut > 0
                    ? absl::StrCat(", ", total.long_cut,
                                   " over-long sentence(s) cut into pieces of at most ",
                                   Extractor::MaxSentenceWords(), " words or ",
                                   Extractor::MaxSentenceBytes(), " bytes")
                    : "")
            << "\n";
  std::cout.flush();
  if (!std::cout) Fail("writing the output failed");
  if (total.documents == 0 && !total.skipped.empty()) throw CLI::RuntimeError(1);
}

}  // namespace

void AddExtractCommand(CLI::App& app) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract facts from documents without a store: an extraction file (one JSON "
                 "line per document with everything ingest would store; quiver load --bulk "
                 "merges such files), one JSON line per triple, or CaRB's tab format (one "
                 "sentence per input line).");
  cmd->add_option("paths", opts->paths, "Files, folders, or - for stdin")->required();
  cmd->add_option("--format", opts->format,
                  "jsonl (an extraction file: one line per document), triples (one line per "
                  "triple), carb, or carb-features (every candidate tuple with its features)")
      ->check(CLI::IsMember({"jsonl", "triples", "carb", "carb-features"}))
      ->capture_default_str();
  cmd->add_option("--jobs,-j", opts->jobs,
                  "Parser threads (sentences are spread over them, so one long document "
                  "uses them all); the output is the same for any number")
      ->check(CLI::Range(1, 256));
  AddDocumentDateOption(*cmd, &opts->date);
  cmd->add_option("--lines", opts->lines,
                  "FIRST-LAST: read only these lines of JSON Lines inputs (a partition of a "
                  "big file; records keep their line numbers)");
  cmd->callback([opts] {
    if (opts->format == "carb" || opts->format == "carb-features") RunCarb(*opts);
    else RunJsonl(*opts);
  });
}

}  // namespace quiver::cli
