// Parsing spread over sentences instead of documents: the sentences of a
// window of documents go to `jobs` parser threads, a document is finished as
// soon as its last sentence is parsed, and documents are delivered in input
// order. One long document gets every thread, and a short document never
// waits behind a long one.

#ifndef QUIVER_INGEST_PARSE_SCHEDULER_H_
#define QUIVER_INGEST_PARSE_SCHEDULER_H_

#include <cstddef>
#include <functional>

#include "absl/status/status.h"
#include "ingest/link_parser.h"

namespace quiver::ingest {

// How much may be in flight: documents split and not yet delivered. A new
// document is taken only while fewer than `documents_per_job * jobs`
// documents and fewer than `max_sentences` sentences are in flight, except
// that with nothing in flight the next document is always taken (so one
// document larger than the budget still runs, alone).
struct SchedulerWindow {
  // Documents are delivered in order, so a sentence that takes its whole
  // budget (1.5 s) holds up delivery; the other workers keep going only as
  // far as the window reaches. 64 one-sentence documents at ~20 ms each
  // cover that. Default: 64.
  size_t documents_per_job = 64;
  // The bound that matters for memory (parse trees are a few KiB each).
  // Default: 2000.
  size_t max_sentences = 2000;
};

// The steps of one run, for documents 0..n-1. For each document d, in this
// order: split(d) returns its number of sentences; parse(d, s, parser) runs
// for every sentence s in [0, that number), in any order; finish(d); then
// deliver(d). split, parse and finish run on worker threads, for several
// documents and sentences at once (each call's effects are visible to the
// later steps of the same document); deliver runs on the calling thread, in
// index order. A document without sentences goes straight to finish.
struct SentenceSteps {
  std::function<size_t(size_t doc)> split;
  std::function<void(size_t doc, size_t sentence, ParserSession& parser)> parse;
  std::function<void(size_t doc)> finish;
  std::function<void(size_t doc)> deliver;
};

// Runs `steps` over `n` documents on `jobs` threads, each with its own
// ParserSession created before the threads start; with jobs == 1 everything
// runs on the calling thread. Parsing has no time limit, so the result is
// the same for any `jobs` and any load. Errors: the dictionary's.
absl::Status ParseSentencesInOrder(size_t n, int jobs, const ParserSettings& settings,
                                   const SentenceSteps& steps,
                                   const SchedulerWindow& window = SchedulerWindow());

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_PARSE_SCHEDULER_H_
