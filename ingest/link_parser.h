// link-grammar behind a small interface: one shared English dictionary, and a
// ParserSession per worker thread with its own parse options.

#ifndef QUIVER_INGEST_LINK_PARSER_H_
#define QUIVER_INGEST_LINK_PARSER_H_

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
  kTooLong,    // Not parsed at all: more words than ParserSettings allow.
  kNoParse,    // No linkage even with null links.
};

// The most bytes ParserSession hands to link-grammar in one call; longer
// text is kTooLong. Far under the 32,767 bytes past which link-grammar 5.12
// corrupts its heap.
inline constexpr size_t kMaxParserInputBytes = 8192;

struct ParserSettings {
  // Chosen by cross-validated CaRB dev F1 and CPU time (bench/README.md,
  // "Parser settings without a clock"): 100 linkages lose 0.005 F1 for 17%
  // less time, 30 lose 0.020, 1000 gain nothing at twice the time.
  // Default: 300, 6.
  int linkage_limit = 300;
  int short_length = 6;
  // There is no time limit: link-grammar's timer counts process CPU time,
  // so where it fired depended on the machine's load and the number of
  // threads, and the same text could give other facts. The work per
  // sentence is bounded by its length instead (max_words, chunking, and the
  // null-link pass only on short pieces); the slowest sentence of CaRB dev,
  // the corpus and the fuzz seeds takes 0.2 s.
  // At most this many words left unlinked. Sentences that need more are
  // rare and the slowest (4-6 nulls: 18 of 641 CaRB dev sentences, 1.8 of
  // 13 CPU-s) and the linkages they give added nothing to CaRB F1; 3 also
  // keeps the null-link search short. Default: 3.
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
  // Fills `tree` unless the outcome is kTooLong or kNoParse. The same
  // sentence and settings always give the same outcome and tree.
  ParseOutcome Parse(std::string_view sentence, ParseTree* tree);

 private:
  // Parses `text`, a copy of `sentence` with some bytes blanked, allowing
  // min_nulls..max_nulls unlinked words.
  ParseOutcome ParseText(const std::string& text, std::string_view sentence,
                         int min_nulls, int max_nulls, ParseTree* tree);
  // Parses `text` (a sentence or a chunk of one): complete linkages first,
  // then (fallback_chunks) its FallbackChunks at depth 0, then a null-link
  // pass when it is short enough.
  ParseOutcome ParsePiece(const std::string& text, std::string_view sentence,
                          int depth, ParseTree* tree);
  // Parses each chunk of `text` with ParsePiece and merges the trees.
  ParseOutcome ParseChunks(const std::string& text, const std::vector<SentenceChunk>& chunks,
                           std::string_view sentence, int depth, ParseTree* tree);

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
