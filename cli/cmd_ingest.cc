// quiver ingest STORE PATH...: read documents, extract their facts, and add
// each document to the store in one atomic write.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "quiver/database.h"
#include "quiver/extractor.h"

namespace quiver::cli {

namespace {

struct IngestOptions {
  std::string store;
  std::vector<std::string> paths;
  int jobs = 1;
  std::string date;  // --date: for documents that give none.
};

void RunIngest(const IngestOptions& opts) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  Options options;
  options.create_if_missing = true;
  auto db = OpenStoreOrFail(opts.store, options);
  const bool tty = isatty(STDERR_FILENO) != 0;
  ExtractProgress at;  // As of the document the sink is given.
  int64_t sentences_before = 0;
  ExtractorOptions extract_options;
  extract_options.jobs = opts.jobs;
  extract_options.default_date = opts.date;
  extract_options.progress = [&](const ExtractProgress& p) { at = p; };
  auto extractor = Extractor::Create(extract_options);
  if (!extractor.ok()) Fail(extractor.status());
  int64_t duplicates = 0, replaced = 0, nodes = 0, edges = 0, evidence = 0;
  size_t written = 0;
  absl::Status failure;
  auto summary = (*extractor)->ExtractPaths(opts.paths, [&](ExtractionRecord&& record) {
    // The content is here, so AddDocument hashes it itself, as before the
    // Extractor (which also keeps a document eligible for the bulk path).
    record.document.content_hash.clear();
    const DocumentInput& d = record.document;
    const int64_t sentences = at.sentences - sentences_before;
    sentences_before = at.sentences;
    auto r = db->AddDocument(d);
    if (!r.ok()) {
      std::cerr << "quiver: " << d.source << ": " << r.status().message() << "\n";
      if (failure.ok()) failure = r.status();
      return;
    }
    ++written;
    duplicates += r->duplicate ? 1 : 0;
    replaced += r->replaced;
    nodes += r->nodes_created;
    edges += r->edges_created;
    evidence += r->evidence_added;
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    const double rate = secs > 0 ? double(at.sentences) / secs : 0;
    const double eta = at.done > 0 ? secs / double(at.done) * double(at.total - at.done) : 0;
    if (tty) {
      const int width = 30;
      const int filled = int(width * double(at.done) / double(at.total));
      std::fprintf(stderr, "\r[%s%s] %zu/%zu docs  %.0f sent/s  %lld triples  ETA %.0fs ",
                   std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                   at.done, at.total, rate, (long long)at.triples, eta);
      std::fflush(stderr);
    } else {
      std::fprintf(stderr, "ingested %s: %lld sentences, %zu triples%s\n", d.source.c_str(),
                   (long long)sentences, d.triples.size(),
                   r->duplicate  ? " (unchanged, skipped)"
                   : r->replaced ? " (replaced its earlier version)"
                                 : "");
    }
  });
  if (tty) std::fprintf(stderr, "\n");
  if (!summary.ok()) Fail(summary.status());
  const ExtractSummary& total = *summary;
  for (const auto& [path, reason] : total.skipped)
    std::cerr << "skipped " << path << ": " << reason << "\n";
  for (const auto& [path, reason] : total.warnings)
    std::cerr << "warning: " << path << ": " << reason << "\n";
  auto stats = db->GetStats();
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << "documents  " << written << " (" << duplicates << " unchanged"
            << (replaced ? absl::StrCat(", ", replaced, " replaced") : "") << ")\n"
            << "skipped    " << total.skipped.size() << "\n"
            << "sentences  " << total.sentences << " (" << total.fallback
            << " fallback, " << total.too_long << " too long, " << total.no_triple
            << " without triples)\n"
            << (total.long_cut > 0
                    ? absl::StrCat("warning    ", total.long_cut,
                                   " over-long sentence(s) cut into pieces of at most ",
                                   Extractor::MaxSentenceWords(), " words or ",
                                   Extractor::MaxSentenceBytes(), " bytes\n")
                    : "")
            << "triples    " << total.triples << "\n"
            << "created    " << nodes << " nodes, " << edges << " edges, " << evidence
            << " evidence\n";
  if (stats.ok())
    std::cout << "store      " << stats->nodes << " nodes, " << stats->edges << " edges\n";
  std::fprintf(stdout, "time       %.2f s (%.0f sentences/s)\n", secs,
               secs > 0 ? double(total.sentences) / secs : 0.0);
  if (!failure.ok()) Fail(failure);
  if (total.documents == 0) Fail("no document could be read");
}

}  // namespace

void AddIngestCommand(CLI::App& app) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Read documents (text, Markdown, HTML, JSON Lines, folders, - for stdin), "
                "extract their facts and add them to STORE, one atomic write per document.");
  cmd->add_option("store", opts->store, "Store directory (created if missing)")->required();
  cmd->add_option("paths", opts->paths, "Files, folders, or - for stdin")->required();
  cmd->add_option("--jobs,-j", opts->jobs,
                  "Parser threads (sentences are spread over them, so one long document "
                  "uses them all); the graph is the same for any number")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  AddDocumentDateOption(*cmd, &opts->date);
  cmd->callback([opts] { RunIngest(*opts); });
}

}  // namespace quiver::cli
