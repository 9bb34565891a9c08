#include "cli/cmd_load_bulk.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "quiver/database.h"
#include "quiver/extraction_file.h"

namespace quiver::cli {

namespace {

namespace fs = std::filesystem;

// The files named, with every *.jsonl under a folder, sorted (the order
// only matters for which of two bad files is reported first: documents are
// sorted by their own key below).
std::vector<std::string> ExtractionFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".jsonl")
        found.push_back(it->path().string());
    }
    if (ec) Fail(absl::StrCat(path, ": cannot list: ", ec.message(), " (nothing was loaded)"));
    if (found.empty()) Fail(absl::StrCat(path, ": no *.jsonl extraction files in it"));
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace

void RunBulkLoad(const std::string& store, const std::vector<std::string>& paths) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  // Everything is read and checked before the store is touched, so a bad
  // line anywhere loads nothing.
  std::vector<ExtractionRecord> records;
  const std::vector<std::string> files = ExtractionFiles(paths);
  for (const std::string& file : files) {
    auto read = ReadExtractionFile(file);
    if (!read.ok()) Fail(absl::StrCat(read.status().message(), " (nothing was loaded)"));
    for (auto& r : *read) records.push_back(std::move(r));
  }
  // ingest's order (quiver/extraction_file.h): cross-document resolution
  // and node ids depend on which document comes first, so the graph equals
  // ingest's only in that order, however the files were partitioned. Equal
  // keys (a partition loaded twice) are the same document: the second is a
  // duplicate by content hash.
  std::stable_sort(records.begin(), records.end(), ExtractionOrderLess);
  std::vector<DocumentInput> documents;
  documents.reserve(records.size());
  int64_t triples = 0;
  for (auto& r : records) {
    triples += int64_t(r.document.triples.size());
    documents.push_back(std::move(r.document));
  }
  records.clear();
  const double read_secs = std::chrono::duration<double>(Clock::now() - start).count();

  Options options;
  options.holder = "quiver load --bulk";
  auto db = OpenStoreOrFail(store, options);
  // One write for the whole load: atomic (a failure or a kill leaves the
  // store as it was) and one sync instead of one per document.
  auto results = db->AddDocuments(documents);
  if (!results.ok()) Fail(absl::StrCat(results.status().message(), " (nothing was loaded)"));
  int64_t loaded = 0, duplicates = 0, replaced = 0, nodes = 0, edges = 0, evidence = 0;
  for (const AddResult& r : *results) {
    if (r.duplicate) {
      ++duplicates;
      continue;
    }
    ++loaded;
    replaced += r.replaced;
    nodes += r.nodes_created;
    edges += r.edges_created;
    evidence += r.evidence_added;
  }
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << "loaded " << loaded << " document(s) from " << files.size()
            << " file(s): " << triples << " triples, " << nodes << " new nodes, " << edges
            << " new edges, " << evidence << " statements";
  if (duplicates) std::cout << "; " << duplicates << " already stored (skipped)";
  if (replaced) std::cout << "; " << replaced << " earlier version(s) replaced";
  std::cout << "\n";
  std::fprintf(stdout, "time %.2f s (reading %.2f s)\n", secs, read_secs);
}

}  // namespace quiver::cli
