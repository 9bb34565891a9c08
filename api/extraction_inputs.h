// The documents quiver::Extractor::ExtractPaths reads, each with where it was read from
// (file, and line for a JSON Lines record), which extraction files carry so
// `quiver load --bulk` can apply documents in the order `quiver ingest`
// reads them, whatever the partitioning.

#ifndef QUIVER_API_EXTRACTION_INPUTS_H_
#define QUIVER_API_EXTRACTION_INPUTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/document_reader.h"

namespace quiver {

struct InputPlace {
  std::string file;  // As ingest names it: the path as given or as listed.
  int64_t line = 0;  // JSON Lines record: its line, 1-based; else 0.
};

// A range of JSON Lines records to read (1-based, inclusive): a partition of
// a big JSON Lines file. Other files are read whole.
struct LineRange {
  int64_t first = 1;
  int64_t last = INT64_MAX;
};

struct PlacedInputs {
  ingest::ReadResult read;          // As ingest::ReadInputs gives it.
  std::vector<InputPlace> places;   // One per read.documents entry.
};

// Reads `paths` as ingest::ReadInputs does (same documents, sources, order,
// skips) and notes each document's place. JSON Lines files are read a line
// at a time so that each record's line is known.
PlacedInputs ReadPlacedInputs(const std::vector<std::string>& paths, const LineRange& lines);

}  // namespace quiver

#endif  // QUIVER_API_EXTRACTION_INPUTS_H_
