// quiver::Extractor: documents in, the facts `quiver ingest` would store out,
// without a store. What `quiver extract` and `quiver ingest` run, and what an
// embedding program runs to extract on one machine and store on another
// (quiver/extraction_file.h, Database::AddDocuments). Also the open-IE
// tuples of single sentences (quiver/open_tuples.h), for CaRB.
//
// Thread-safety: an Extractor may be used from one thread at a time; it runs
// its own parser threads (ExtractorOptions::jobs) inside each call.

#ifndef QUIVER_EXTRACTOR_H_
#define QUIVER_EXTRACTOR_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "quiver/extraction_file.h"
#include "quiver/graph_types.h"
#include "quiver/open_tuples.h"

namespace quiver {

// How far an extraction is: given to ExtractorOptions::progress after each
// document, in input order.
struct ExtractProgress {
  size_t done = 0;   // Documents extracted so far.
  size_t total = 0;  // Documents read.
  int64_t sentences = 0;
  int64_t triples = 0;
};

struct ExtractorOptions {
  // Parser threads; sentences are spread over them, so one long document
  // uses them all. The result is the same for any number. Default: 1.
  int jobs = 1;
  // Publication date (YYYY-MM-DD) of documents that give none; it dates
  // their statements' time expressions. Default: "" (none).
  std::string default_date;
  // The most linkages link-grammar looks at per sentence. Default: 300
  // (chosen by CaRB F1 and time, bench/README.md). There is no time limit:
  // the work per sentence is bounded by its length, so the same text gives
  // the same triples on any machine under any load.
  int linkage_limit = 300;
  // JSON Lines inputs: read only these lines (1-based, inclusive), a
  // partition of a big file; records keep their line numbers. Other files
  // are read whole. Default: every line.
  int64_t first_line = 1;
  int64_t last_line = INT64_MAX;
  // Called on the calling thread after each document is extracted, before
  // it goes to the sink (so the sink can read the counts). Default: none.
  std::function<void(const ExtractProgress&)> progress;
};

// What an extraction read, parsed and found.
struct ExtractSummary {
  size_t documents = 0;
  int64_t sentences = 0;
  int64_t fallback = 0;   // Without a linkage (or too long).
  int64_t too_long = 0;   // Too many words to parse.
  int64_t long_cut = 0;   // Over Extractor::MaxSentenceWords/Bytes: cut.
  int64_t no_triple = 0;  // Sentences that gave no triple.
  int64_t triples = 0;
  // (path, reason): inputs not read ("binary file"), and read with
  // something ignored ("date ... is not a date").
  std::vector<std::pair<std::string, std::string>> skipped;
  std::vector<std::pair<std::string, std::string>> warnings;
};

class Extractor {
 public:
  // Errors: kInvalidArgument for options out of range (jobs 1 to 256,
  // a positive linkage_limit, 1 <= first_line <= last_line). The extraction calls
  // fail with kFailedPrecondition when link-grammar's English dictionary is
  // missing.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      const ExtractorOptions& options = ExtractorOptions());
  ~Extractor();

  // Sentences longer than this many words or bytes are cut into pieces.
  static int MaxSentenceWords();
  static int MaxSentenceBytes();

  // Why `date` is not an ExtractorOptions::default_date (YYYY-MM-DD naming
  // a day that exists), or "" when it is one: for a program that checks the
  // date where it is typed (the CLI's --date).
  static std::string CheckDefaultDate(std::string_view date);

  // Reads `paths` as `quiver ingest` does (files, folders walked
  // recursively in sorted order, JSON Lines records, "-" for stdin),
  // extracts every document and calls `sink` with each, in input order, on
  // the calling thread: `document` has its content, content_hash and
  // triples with evidence; input_file/input_line say where it was read.
  // Inputs that cannot be read are in the summary, not errors.
  // Errors: the parser's; a sink cannot stop the run.
  absl::StatusOr<ExtractSummary> ExtractPaths(
      const std::vector<std::string>& paths,
      const std::function<void(ExtractionRecord&&)>& sink);

  // Extracts one document's `content` (plain text) and returns it with the
  // extracted triples followed by the ones it had, content_hash set; `date`
  // (as documents write dates) is normalised to ISO 8601. Errors:
  // kInvalidArgument for a date that does not read as one.
  absl::StatusOr<DocumentInput> ExtractText(const DocumentInput& document);

  // The open-IE tuples of `sentence` (one sentence of plain text, as CaRB
  // gives them; quiver/open_tuples.h): the reported tuples, scored by the
  // learned confidence model when the library has one, and every candidate
  // with its features. The same sentence always gives the same tuples.
  // Errors: kFailedPrecondition when link-grammar's English dictionary is
  // missing.
  absl::StatusOr<SentenceTuples> ExtractOpenTuples(const std::string& sentence);
  // The same for each of `sentences`, parsed on ExtractorOptions::jobs
  // threads; `sink` gets each sentence's tuples on the calling thread, in
  // input order (the result is the same for any number of jobs). Errors: as
  // above; a sink cannot stop the run.
  absl::Status ExtractOpenTuples(const std::vector<std::string>& sentences,
                                 const std::function<void(size_t, SentenceTuples&&)>& sink);

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace quiver

#endif  // QUIVER_EXTRACTOR_H_
