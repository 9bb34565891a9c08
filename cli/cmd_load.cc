// quiver load STORE FILE...: bulk-load triples from TSV or JSON Lines.

#include <iostream>
#include <iterator>
#include <fstream>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "cli/cmd_load_bulk.h"
#include "cli/commands.h"
#include "cli/triple_file.h"
#include "quiver/database.h"

namespace quiver::cli {

namespace {

struct LoadOptions {
  std::string store;
  std::vector<std::string> files;
  std::string format = "auto";
  bool strict = false;
  int max_errors_shown = 20;
  bool bulk = false;  // Extraction files: cli/cmd_load_bulk.h.
};

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return ss.str();
}

struct FileToLoad {
  std::string name;
  std::string content;
  ParsedTriples parsed;
};

void RunLoad(const LoadOptions& opts) {
  std::vector<FileToLoad> files;
  int64_t bad_lines = 0, bad_files = 0, shown = 0;
  auto report = [&](const std::string& message) {
    if (shown++ < opts.max_errors_shown) std::cerr << message << "\n";
  };
  // Parse everything before writing anything, so --strict can refuse the
  // whole load on the first bad line.
  for (const auto& path : opts.files) {
    std::string name = path == "-" ? "<stdin>" : path;
    auto format = ChooseTripleFormat(path, opts.format);
    if (!format.ok()) Fail(format.status());
    auto content = ReadInput(path);
    absl::StatusOr<ParsedTriples> parsed =
        content.ok() ? ParseTriples(name, *content, *format)
                     : absl::StatusOr<ParsedTriples>(content.status());
    if (!parsed.ok()) {
      if (opts.strict) Fail(parsed.status());
      report(absl::StrCat(parsed.status().message(), "; skipped"));
      ++bad_files;
      continue;
    }
    if (!parsed->errors.empty()) {
      if (opts.strict) {
        Fail(absl::StrCat(parsed->errors.front(),
                          " (--strict: nothing was loaded)"));
      }
      for (const auto& e : parsed->errors) report(e);
      bad_lines += int64_t(parsed->errors.size());
    }
    files.push_back({name, std::move(*content), std::move(*parsed)});
  }
  if (shown > opts.max_errors_shown) {
    std::cerr << "... and " << shown - opts.max_errors_shown << " more problems\n";
  }

  Options options;
  options.holder = "quiver load";
  auto db = OpenStoreOrFail(opts.store, options);

  int64_t triples = 0, nodes = 0, edges = 0, duplicates = 0, loaded = 0;
  for (auto& f : files) {
    DocumentInput doc;
    doc.source = f.name;
    doc.content = std::move(f.content);
    doc.triples = std::move(f.parsed.triples);
    for (auto& t : doc.triples)
      if (t.source.empty()) t.source = f.name;
    auto result = db->AddDocument(doc);
    if (!result.ok()) Fail(absl::StrCat(f.name, ": ", result.status().message()));
    if (result->duplicate) {
      ++duplicates;
      std::cerr << f.name << ": already loaded (same content); nothing changed\n";
      continue;
    }
    ++loaded;
    triples += int64_t(doc.triples.size());
    nodes += result->nodes_created;
    edges += result->edges_created;
  }
  std::cout << "loaded " << loaded << " file(s): " << triples << " triples, "
            << nodes << " new nodes, " << edges << " new edges";
  if (duplicates) std::cout << "; " << duplicates << " already loaded";
  std::cout << "; skipped " << bad_lines << " bad line(s)";
  if (bad_files) std::cout << " and " << bad_files << " file(s)";
  std::cout << "\n";
}

}  // namespace

void AddLoadCommand(CLI::App& app) {
  auto opts = std::make_shared<LoadOptions>();
  CLI::App* cmd = app.add_subcommand(
      "load",
      "Bulk-load triples into STORE (created if missing). TSV lines are\n"
      "subject<TAB>relation<TAB>object[<TAB>source[<TAB>sentence]]; JSON Lines\n"
      "objects have subject, relation, object and optionally subject_labels,\n"
      "object_labels, source, sentence. Each file is one document: loading the\n"
      "same file again changes nothing. Bad lines are reported as FILE:LINE and\n"
      "skipped.");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_option("files", opts->files,
                  "Triple files; - reads standard input. With --bulk: extraction files, "
                  "or folders of them")
      ->required();
  cmd->add_option("--format", opts->format,
                  "tsv, jsonl, or auto (by extension: .tsv/.txt, .jsonl/.json)")
      ->capture_default_str();
  cmd->add_flag("--strict", opts->strict,
                "Fail on the first bad line or file; nothing is loaded then");
  cmd->add_option("--max-errors", opts->max_errors_shown,
                  "How many problems to print at most")
      ->capture_default_str();
  cmd->add_flag("--bulk", opts->bulk,
                "The files (or folders of *.jsonl) are extraction files from quiver extract "
                "--format jsonl: merge them in one atomic write into the graph quiver ingest "
                "would build from the same documents");
  cmd->callback([opts] {
    if (opts->bulk) return RunBulkLoad(opts->store, opts->files);
    RunLoad(*opts);
  });
}

}  // namespace quiver::cli
