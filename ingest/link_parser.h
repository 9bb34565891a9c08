// link-grammar behind a small interface: one shared English dictionary, and a
// ParserSession per worker thread with its own parse options.

#ifndef QUIVER_INGEST_LINK_PARSER_H_
#define QUIVER_INGEST_LINK_PARSER_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest/internal/parse_tree.h"
#include "ingest/sentence_chunker.h"

namespace quiver::ingest {

// The sentence with its double quotes blanked byte for byte, so offsets
// still index the original: ASCII ", typographic “ ” and the Penn Treebank's
// `` and ''. Quotes cost link-grammar many complete linkages.
std::string BlankQuotes(std::string_view sentence);

// How a sentence fared in the parser.
enum class ParseOutcome {
  kComplete,   // A linkage using every word.
  kPartial,    // A linkage that leaves some words out (null links).
  kTimedOut,   // The budget ran out before any linkage: use the fallback.
  kTooLong,    // Not parsed at all: more words than ParserSettings allow.
  kNoParse,    // No linkage even with null links.
};

// The most bytes ParserSession hands to link-grammar in one call; longer
// text is kTooLong. Far under the 32,767 bytes past which link-grammar 5.12
// corrupts its heap.
inline constexpr size_t kMaxParserInputBytes = 8192;

struct ParserSettings {
  // Measured on news text (issue 4): lower limits lose linkages, higher ones
  // halve the speed. Default: 300, 6, 1 s.
  int linkage_limit = 300;
  int short_length = 6;
  int max_parse_time_seconds = 1;
  // Our own wall-clock budget per sentence; link-grammar's timer is soft and
  // counts process CPU time, which other threads also consume. Default: 1500.
  int budget_ms = 1500;
  // At most this many words left unlinked. Sentences that need more are
  // rare and the slowest (4-6 nulls: 18 of 641 CaRB dev sentences, 1.8 of
  // 13 CPU-s) and the linkages they give added nothing to CaRB F1; 3 also
  // keeps most parses well inside max_parse_time. Default: 3.
  int max_null_words = 3;
  // Longer sentences are not parsed (the shallow fallback handles them).
  // Default: 60 words.
  int max_words = 60;
  // Sentences of more words are parsed in chunks split at ";", dashes and
  // parentheticals (ingest/sentence_chunker.h), which often parse completely
  // where the whole needs the costly null-link search: on CaRB dev 12% less
  // parse CPU time, F1 unchanged (+0.001). 0 = never. Default: 25.
  int chunk_min_words = 25;
  // A sentence (or chunk) is parsed for complete linkages first. When it has
  // none: at most null_pass_max_words words, a null-link pass (up to
  // max_null_words); longer, split by FallbackChunks
  // (ingest/sentence_chunker.h) and each piece parsed the same way, a piece
  // (or an unsplittable sentence) of at most piece_null_pass_max_words words
  // getting the null-link pass. On CaRB dev: parse CPU time -25-30%, F1
  // 0.461 -> 0.462 (bench/README.md). false: the earlier single pass
  // allowing max_null_words. Defaults: true, 25, 25.
  bool fallback_chunks = true;
  int null_pass_max_words = 25;
  int piece_null_pass_max_words = 25;
};

// The shared dictionary. Thread-safe after construction.
class LinkDictionary {
 public:
  // Errors: kFailedPrecondition when the English dictionary is not installed.
  static absl::StatusOr<std::shared_ptr<LinkDictionary>> Load();
  ~LinkDictionary();
  void* handle() const { return dict_; }

 private:
  explicit LinkDictionary(void* dict) : dict_(dict) {}
  void* dict_;
};

// One worker's parser. Not thread-safe: one per thread.
class ParserSession {
 public:
  ParserSession(std::shared_ptr<LinkDictionary> dict, const ParserSettings& settings);
  ~ParserSession();
  ParserSession(const ParserSession&) = delete;
  ParserSession& operator=(const ParserSession&) = delete;

  // Parses one sentence. Double quotes are blanked first (same byte length,
  // so spans still index `sentence`): they cost many complete linkages.
  // Fills `tree` unless the outcome is kTimedOut, kTooLong or kNoParse.
  ParseOutcome Parse(std::string_view sentence, ParseTree* tree);

 private:
  // Parses `text`, a copy of `sentence` with some bytes blanked, allowing
  // min_nulls..max_nulls unlinked words.
  ParseOutcome ParseText(const std::string& text, std::string_view sentence,
                         std::chrono::steady_clock::time_point start, int min_nulls,
                         int max_nulls, ParseTree* tree);
  // Parses `text` (a sentence or a chunk of one): complete linkages first,
  // then (fallback_chunks) its FallbackChunks at depth 0, then a null-link
  // pass when it is short enough.
  ParseOutcome ParsePiece(const std::string& text, std::string_view sentence,
                          std::chrono::steady_clock::time_point start, int depth,
                          ParseTree* tree);
  // Parses each chunk of `text` with ParsePiece and merges the trees.
  ParseOutcome ParseChunks(const std::string& text, const std::vector<SentenceChunk>& chunks,
                           std::string_view sentence,
                           std::chrono::steady_clock::time_point start, int depth,
                           ParseTree* tree);

  std::shared_ptr<LinkDictionary> dict_;
  ParserSettings settings_;
  void* options_;
};

// "Ss*s" without subscripts and asterisks ("S"), for matching link families
// in tests of the parser itself; extraction reads typed relations
// (ingest/sentence_view.h) instead.
inline bool LinkIs(const std::string& label, std::string_view family) {
  if (label.size() < family.size()) return false;
  if (label.compare(0, family.size(), family.data(), family.size()) != 0) return false;
  // The next character must not continue the upper-case family name.
  return label.size() == family.size() ||
         !(label[family.size()] >= 'A' && label[family.size()] <= 'Z');
}

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_LINK_PARSER_H_
