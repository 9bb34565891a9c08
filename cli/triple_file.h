// Reading triple files for `quiver load`: TSV and JSON Lines.
//
// TSV: subject<TAB>relation<TAB>object[<TAB>source[<TAB>sentence]].
// JSON Lines: {"subject", "relation", "object", "subject_labels",
// "object_labels", "source", "sentence"} per line.
// Blank lines and TSV lines starting with '#' are skipped silently.

#ifndef QUIVER_CLI_TRIPLE_FILE_H_
#define QUIVER_CLI_TRIPLE_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "quiver/graph_types.h"

namespace quiver::cli {

enum class TripleFormat { kTsv, kJsonl };

// From --format ("tsv", "jsonl") when given, else from the file's extension
// (.tsv/.txt → TSV; .jsonl/.json/.ndjson → JSON Lines).
// Errors: kInvalidArgument naming the format or extension.
absl::StatusOr<TripleFormat> ChooseTripleFormat(std::string_view path,
                                                std::string_view format_flag);

// The longest field or line accepted.
inline constexpr size_t kMaxFieldBytes = 4096;
inline constexpr size_t kMaxLineBytes = 1 << 20;

struct ParsedTriples {
  std::vector<Triple> triples;       // Evidence: sentence = line number.
  std::vector<std::string> errors;   // "FILE:LINE: what is wrong", in order.
  int64_t lines = 0;                 // Non-blank lines read.
};

// Parses `content` read from `name`. Bad lines become errors; the rest is
// kept. Errors (whole file): kInvalidArgument for a binary file.
absl::StatusOr<ParsedTriples> ParseTriples(std::string_view name,
                                           std::string_view content,
                                           TripleFormat format);

}  // namespace quiver::cli

#endif  // QUIVER_CLI_TRIPLE_FILE_H_
