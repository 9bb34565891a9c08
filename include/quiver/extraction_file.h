// Extraction files: what `quiver extract --format jsonl` writes and
// `quiver load --bulk` reads. One JSON line per document holds everything
// Database::AddDocument needs to store it as `quiver ingest` would: the
// document's metadata, its content hash (not its text), every triple with
// its evidence, qualifiers, mentions and resolution reasons, and where the
// document was read from, which fixes the order documents are applied in.
//
// A line (fields left out when empty, false, or 1.0 for confidence):
//   {"quiver_extraction": 1, "source": "...", "title": "...", "date": "...",
//    "url": "...", "content_hash": "<32 hex>",
//    "input": {"file": "corpus/a.jsonl", "line": 12},
//    "triples": [{"subject": "...", "relation": "...", "object": "...",
//                 "subject_labels": [...], "qualifiers": {"time_start":
//                 {"temporal": "date", "value": "2016-10-11"}}, ...}]}
// Qualifier values keep their type: JSON strings, numbers (an integer stays
// an integer, 1.0 stays a double), booleans, null and lists as themselves; a
// map as {"map": {...}}; a temporal value as {"temporal": KIND, "value":
// ISO 8601 text}, KIND one of date, localtime, time, localdatetime,
// datetime, duration.
//
// Thread-safety: the functions keep no state.

#ifndef QUIVER_EXTRACTION_FILE_H_
#define QUIVER_EXTRACTION_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "quiver/graph_types.h"

namespace quiver {

// The "quiver_extraction" field of every line. A reader refuses other
// versions, saying which it read.
inline constexpr int kExtractionFormatVersion = 1;

// One document as extracted.
struct ExtractionRecord {
  // `content` is empty and `content_hash` set (Document::content_hash).
  DocumentInput document;
  // Where the document was read: the file ("-" for standard input) and, for
  // a record of a JSON Lines file, its line (1-based); 0 for a whole file.
  std::string input_file;
  int64_t input_line = 0;
};

// The canonical order of documents: by input file (bytewise), then line.
// It is the order `quiver ingest` reads one folder in (files sorted by
// path) and a JSON Lines file in (line by line), so loading records in it
// builds the graph ingest builds, whatever the partitioning of the files.
bool ExtractionOrderLess(const ExtractionRecord& a, const ExtractionRecord& b);

// The hash Database::AddDocument stores for `content`: 32 hex digits.
std::string ContentHashHex(std::string_view content);

// One line of an extraction file, without the newline.
std::string FormatExtractionRecord(const ExtractionRecord& record);

// Reads one line. Errors: kInvalidArgument naming the field that is
// missing or of the wrong type ("triples[3].qualifiers.time_start: ...").
absl::StatusOr<ExtractionRecord> ParseExtractionRecord(std::string_view line);

// Reads a whole extraction file (blank lines are skipped), records in file
// order. Errors: kNotFound when it cannot be opened; kDataLoss on a read
// error; kInvalidArgument "FILE:LINE: FIELD: reason" for the first bad line.
absl::StatusOr<std::vector<ExtractionRecord>> ReadExtractionFile(const std::string& path);

}  // namespace quiver

#endif  // QUIVER_EXTRACTION_FILE_H_
