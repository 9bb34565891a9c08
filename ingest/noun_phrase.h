// Noun phrases in a parse: which words belong to the phrase a head word
// governs, for arguments as written (CaRB) and for naming entities.

#ifndef QUIVER_INGEST_NOUN_PHRASE_H_
#define QUIVER_INGEST_NOUN_PHRASE_H_

#include <string>
#include <vector>

#include "ingest/internal/parse_tree.h"

namespace quiver::ingest {

// Links of one word, either direction.
struct Adjacent {
  int other;
  const ParseLink* link;
  bool to_right;  // `other` is right of the word.
};

// Adjacency lists over a parse tree. The tree must outlive it.
class LinkGraph {
 public:
  explicit LinkGraph(const ParseTree& tree);
  const ParseTree& tree() const { return tree_; }
  const std::vector<Adjacent>& at(int word) const { return adj_[word]; }
  // The first word linked to `word` on the given side by a link of `family`,
  // or -1.
  int Find(int word, const char* family, bool to_right) const;
  std::vector<int> FindAll(int word, const char* family, bool to_right) const;
  const ParseWord& word(int i) const { return tree_.words[i]; }
  int size() const { return static_cast<int>(tree_.words.size()); }

 private:
  const ParseTree& tree_;
  std::vector<std::vector<Adjacent>> adj_;
};

// Conjuncts of a coordinated phrase ("Russia and China" -> Russia, China);
// the word itself when it does not coordinate.
std::vector<int> Conjuncts(const LinkGraph& g, int head);

// The words of the phrase headed by `head`, sorted. `full` adds post-nominal
// modifiers (prepositional phrases, participles), as CaRB's arguments do;
// otherwise only the words before the head that name it ("French Foreign
// Minister Laurent Fabius").
std::vector<int> PhraseWords(const LinkGraph& g, int head, bool full);

// The text from the first to the last word of `words` in `sentence`.
std::string SpanText(const LinkGraph& g, const std::vector<int>& words,
                     const std::string& sentence);

bool IsCapitalized(const std::string& word);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_NOUN_PHRASE_H_
