#include "ingest/sentence_chunker.h"

#include <cstddef>

namespace quiver::ingest {

namespace {

using Range = std::pair<uint32_t, uint32_t>;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whitespace-separated words of `s` inside `ranges` (bytes outside count as
// spaces).
int CountWords(std::string_view s, const std::vector<Range>& ranges) {
  int words = 0;
  for (const Range& r : ranges) {
    bool in_word = false;
    for (uint32_t i = r.first; i < r.second; ++i) {
      if (IsSpace(s[i])) {
        in_word = false;
      } else if (!in_word) {
        in_word = true;
        ++words;
      }
    }
  }
  return words;
}

// Appends [b, e) to `ranges`, joining it to the last range when adjacent.
void Append(std::vector<Range>* ranges, uint32_t b, uint32_t e) {
  if (b >= e) return;
  if (!ranges->empty() && ranges->back().second == b) {
    ranges->back().second = e;
  } else {
    ranges->emplace_back(b, e);
  }
}

bool StandaloneAt(std::string_view s, size_t i, std::string_view token) {
  if (s.substr(i, token.size()) != token) return false;
  const size_t end = i + token.size();
  return (i == 0 || IsSpace(s[i - 1])) && (end == s.size() || IsSpace(s[end]));
}

enum Role : int8_t { kOuter = 0, kSplit = -1, kParenMark = -2 };

}  // namespace

std::vector<SentenceChunk> ChunkSentence(std::string_view s, int min_words,
                                         int min_piece_words) {
  std::vector<SentenceChunk> whole(1);
  whole[0].ranges.emplace_back(0, static_cast<uint32_t>(s.size()));
  if (CountWords(s, whole[0].ranges) <= min_words) return whole;

  // role[i]: kOuter, a split mark, a parenthesis, or k > 0 for the k-th
  // parenthetical's content.
  std::vector<int> role(s.size(), kOuter);
  std::vector<std::vector<Range>> parentheticals;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '(') continue;
    int depth = 0;
    size_t close = std::string_view::npos;
    for (size_t j = i; j < s.size(); ++j) {
      if (s[j] == '(') ++depth;
      if (s[j] == ')' && --depth == 0) {
        close = j;
        break;
      }
    }
    if (close == std::string_view::npos) break;  // Unbalanced: leave the rest whole.
    std::vector<Range> inner{{static_cast<uint32_t>(i + 1), static_cast<uint32_t>(close)}};
    if (CountWords(s, inner) >= min_piece_words) {
      parentheticals.push_back(inner);
      role[i] = role[close] = kParenMark;
      for (size_t j = i + 1; j < close; ++j) role[j] = static_cast<int>(parentheticals.size());
    }
    i = close;
  }
  // Split marks outside parentheticals: ";" anywhere, an em dash anywhere,
  // "--" and an en dash as words of their own.
  for (size_t i = 0; i < s.size(); ++i) {
    if (role[i] != kOuter) continue;
    if (s[i] == ';') {
      role[i] = kSplit;
    } else if (StandaloneAt(s, i, "--")) {
      role[i] = role[i + 1] = kSplit;
    } else if (s.substr(i, 3) == "\xE2\x80\x94" ||
               StandaloneAt(s, i, "\xE2\x80\x93")) {  // — anywhere, – alone.
      role[i] = role[i + 1] = role[i + 2] = kSplit;
    }
  }

  // Outer pieces between split marks; the marks between them kept aside so
  // that a piece too short to stand alone can be joined back with its mark.
  std::vector<std::vector<Range>> pieces(1);
  std::vector<std::vector<Range>> marks;  // marks[k] lies between pieces k and k+1.
  for (size_t i = 0; i < s.size(); ++i) {
    const uint32_t b = static_cast<uint32_t>(i);
    if (role[i] == kOuter) {
      Append(&pieces.back(), b, b + 1);
    } else if (role[i] == kSplit) {
      if (i == 0 || role[i - 1] != kSplit) {
        marks.emplace_back();
        pieces.emplace_back();
      }
      Append(&marks.back(), b, b + 1);
    }
  }
  auto join = [&](size_t k) {  // Pieces k and k+1 become one, with their mark.
    for (const Range& r : marks[k]) Append(&pieces[k], r.first, r.second);
    for (const Range& r : pieces[k + 1]) Append(&pieces[k], r.first, r.second);
    pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    marks.erase(marks.begin() + static_cast<std::ptrdiff_t>(k));
  };
  for (size_t k = 0; k < pieces.size() && pieces.size() > 1;) {
    if (CountWords(s, pieces[k]) >= min_piece_words) {
      ++k;
    } else if (k + 1 < pieces.size()) {
      join(k);
    } else {
      join(k - 1);
      k = k - 1;
    }
  }
  // Text around the parentheticals too short to stand alone: no chunking.
  if (pieces.size() == 1 && (parentheticals.empty() || CountWords(s, pieces[0]) < min_piece_words)) {
    return whole;
  }
  std::vector<SentenceChunk> out;
  size_t next_paren = 0;
  for (const std::vector<Range>& piece : pieces) {
    // Parentheticals in order of position, before the piece they precede.
    while (next_paren < parentheticals.size() && !piece.empty() &&
           parentheticals[next_paren][0].first < piece[0].first) {
      out.push_back(SentenceChunk{parentheticals[next_paren++]});
    }
    out.push_back(SentenceChunk{piece});
  }
  while (next_paren < parentheticals.size()) out.push_back(SentenceChunk{parentheticals[next_paren++]});
  return out;
}

}  // namespace quiver::ingest
