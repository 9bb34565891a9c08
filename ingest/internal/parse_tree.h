// A sentence as link-grammar parsed it: words with their character spans in
// the sentence and the typed links between them. Plain data, so extraction
// can be unit-tested on hand-built trees as well as real parses.

#ifndef QUIVER_INGEST_INTERNAL_PARSE_TREE_H_
#define QUIVER_INGEST_INTERNAL_PARSE_TREE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace quiver::ingest {

struct ParseWord {
  std::string text;  // As written ("vetoed"), subscript removed.
  std::string tag;   // link-grammar subscript ("v-d", "n", "l", "" if none).
  bool guessed = false;  // Unknown word typed by a regex (e.g. a capitalised name).
  uint32_t begin = 0;    // Byte span in the sentence; begin == end for walls.
  uint32_t end = 0;
};

struct ParseLink {
  int left = 0;
  int right = 0;
  std::string label;  // "Ss*s", "Os", "MVp", ...
};

struct ParseTree {
  std::vector<ParseWord> words;  // words[0] is LEFT-WALL.
  std::vector<ParseLink> links;
  int null_count = 0;  // Words the linkage left out.
  // How sure the parser was, for the confidence model's features: the
  // chosen linkage's place among link-grammar's (0 = its cheapest), how
  // many valid linkages it found, the chosen one's disjunct cost, and how
  // many chunks were parsed apart (1 = the whole sentence at once). Over
  // chunks: the largest rank and count, the summed cost.
  int linkage_rank = 0;
  int linkages = 0;
  double disjunct_cost = 0;
  int chunks = 1;
};

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_INTERNAL_PARSE_TREE_H_
