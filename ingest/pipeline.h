// The ingest pipeline: a document's text to the triples it states, and many
// documents on several threads with results delivered in input order.

#ifndef QUIVER_INGEST_PIPELINE_H_
#define QUIVER_INGEST_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest/document_reader.h"
#include "ingest/link_parser.h"
#include "quiver/graph_types.h"

namespace quiver::ingest {

struct ExtractStats {
  int64_t sentences = 0;
  int64_t parsed_complete = 0;
  int64_t parsed_partial = 0;
  int64_t fallback = 0;   // No linkage (or too long): no parse-based triples.
  int64_t too_long = 0;   // Over ParserSettings::max_words.
  int64_t long_cut = 0;   // Over kMaxSentenceWords/Bytes: cut into pieces.
  int64_t no_triple = 0;  // Sentences that yielded no triple.
  int64_t triples = 0;
  void Add(const ExtractStats& o);
};

struct ExtractedDocument {
  DocumentInput input;  // Ready for graph::AddDocument.
  ExtractStats stats;
};

// Extracts one document. The same text always gives the same triples.
ExtractedDocument ExtractDocument(const SourceDocument& doc, ParserSession& parser);

// Runs `work(i, parser)` for every i in [0, n) on `jobs` threads, each with
// its own ParserSession (created before the threads start), and calls
// `sink(i)` on the calling thread in index order, as soon as item i and all
// before it are done. `work` stores its result where `sink` finds it (e.g.
// slot i of a vector the caller owns). Parsing has no time limit, so the
// results are the same on any number of threads. Items are scheduled as one-sentence
// documents by ingest/parse_scheduler.h, so only a window of results waits
// for the sink. Errors: the dictionary's.
absl::Status RunInOrder(size_t n, int jobs, const ParserSettings& settings,
                        const std::function<void(size_t, ParserSession&)>& work,
                        const std::function<void(size_t)>& sink);

// Extracts `docs` on `jobs` threads (each with its own ParserSession) and
// calls `sink` on the calling thread for each document in input order, as
// soon as it and all before it are done. Parsing is spread by sentence
// (ingest/parse_scheduler.h), so a single long document uses every thread;
// only a bounded window of documents is in flight at once. The result is
// the same for any `jobs`. Errors: the dictionary's.
absl::Status ExtractAll(const std::vector<SourceDocument>& docs, int jobs,
                        const ParserSettings& settings,
                        const std::function<void(size_t, ExtractedDocument&&)>& sink);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_PIPELINE_H_
