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
#include "ingest/document_reader.h"
#include "ingest/document_reader_dates.h"
#include "ingest/pipeline.h"
#include "ingest/sentence_splitter.h"
#include "quiver/database.h"

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
  ingest::ReadResult read = ingest::ReadInputs(opts.paths);
  for (const auto& s : read.skipped) std::cerr << "skipped " << s.path << ": " << s.reason << "\n";
  for (const auto& w : read.warnings) std::cerr << "warning: " << w.path << ": " << w.reason << "\n";
  if (!opts.date.empty()) ingest::FillMissingDates(opts.date, &read.documents);
  const bool tty = isatty(STDERR_FILENO) != 0;
  ingest::ExtractStats total;
  int64_t duplicates = 0, replaced = 0, nodes = 0, edges = 0, evidence = 0;
  size_t written = 0;
  absl::Status failure;
  absl::Status st = ingest::ExtractAll(
      read.documents, opts.jobs, ingest::ParserSettings(),
      [&](size_t i, ingest::ExtractedDocument&& d) {
        total.Add(d.stats);
        auto r = db->AddDocument(d.input);
        if (!r.ok()) {
          std::cerr << "quiver: " << d.input.source << ": " << r.status().message() << "\n";
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
        const double rate = secs > 0 ? double(total.sentences) / secs : 0;
        const double eta = (i + 1) > 0 ? secs / double(i + 1) * double(read.documents.size() - i - 1) : 0;
        if (tty) {
          const int width = 30;
          const int filled = int(width * double(i + 1) / double(read.documents.size()));
          std::fprintf(stderr, "\r[%s%s] %zu/%zu docs  %.0f sent/s  %lld triples  ETA %.0fs ",
                       std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                       i + 1, read.documents.size(), rate, (long long)total.triples, eta);
          std::fflush(stderr);
        } else {
          std::fprintf(stderr, "ingested %s: %lld sentences, %zu triples%s\n",
                       d.input.source.c_str(), (long long)d.stats.sentences,
                       d.input.triples.size(),
                       r->duplicate  ? " (unchanged, skipped)"
                       : r->replaced ? " (replaced its earlier version)"
                                     : "");
        }
      });
  if (tty) std::fprintf(stderr, "\n");
  if (!st.ok()) Fail(st);
  auto stats = db->GetStats();
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << "documents  " << written << " (" << duplicates << " unchanged"
            << (replaced ? absl::StrCat(", ", replaced, " replaced") : "") << ")\n"
            << "skipped    " << read.skipped.size() << "\n"
            << "sentences  " << total.sentences << " (" << total.fallback
            << " fallback, " << total.too_long << " too long, " << total.no_triple
            << " without triples)\n"
            << (total.long_cut > 0
                    ? absl::StrCat("warning    ", total.long_cut,
                                   " over-long sentence(s) cut into pieces of at most ",
                                   ingest::kMaxSentenceWords, " words or ",
                                   ingest::kMaxSentenceBytes, " bytes\n")
                    : "")
            << "triples    " << total.triples << "\n"
            << "created    " << nodes << " nodes, " << edges << " edges, " << evidence
            << " evidence\n";
  if (stats.ok())
    std::cout << "store      " << stats->nodes << " nodes, " << stats->edges << " edges\n";
  std::fprintf(stdout, "time       %.2f s (%.0f sentences/s)\n", secs,
               secs > 0 ? double(total.sentences) / secs : 0.0);
  if (!failure.ok()) Fail(failure);
  if (read.documents.empty()) Fail("no document could be read");
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
