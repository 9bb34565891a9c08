#include "ingest/sentence_chunker.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <initializer_list>
#include <string>

#include "absl/strings/ascii.h"
#include "util/strings.h"

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

// A dash used as punctuation at `i`: its length in bytes, or 0. An em dash
// anywhere; "--" and an en dash only as words of their own (an en dash
// inside a word is a range: "2014–2015").
size_t DashAt(std::string_view s, size_t i) {
  if (s.substr(i, 3) == "\xE2\x80\x94") return 3;
  if (StandaloneAt(s, i, "\xE2\x80\x93")) return 3;
  if (StandaloneAt(s, i, "--")) return 2;
  return 0;
}

// The whitespace-delimited word starting at or after `i` (commas and
// periods stripped), and where it starts.
std::string_view WordAt(std::string_view s, size_t i, size_t* begin = nullptr) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  size_t e = i;
  while (e < s.size() && !IsSpace(s[e]) && s[e] != ',') ++e;
  if (begin != nullptr) *begin = i;
  return s.substr(i, e - i);
}

// The word that ends just before byte `i`.
std::string_view WordBefore(std::string_view s, size_t i, size_t* begin = nullptr) {
  while (i > 0 && IsSpace(s[i - 1])) --i;
  size_t b = i;
  while (b > 0 && !IsSpace(s[b - 1])) --b;
  if (begin != nullptr) *begin = b;
  return s.substr(b, i - b);
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words) {
    if (w == x) return true;
  }
  return false;
}

bool EndsWith(std::string_view w, std::string_view tail) {
  return w.size() >= tail.size() && w.substr(w.size() - tail.size()) == tail;
}

// Marks the parenthetical [b, e) (its marks at b - mark_len and e) as the
// next one; false when it is too short to stand alone.
bool AddParenthetical(std::string_view s, size_t open, size_t open_len, size_t close,
                      size_t close_len, int min_piece_words, std::vector<int>* role,
                      std::vector<std::vector<Range>>* parentheticals) {
  std::vector<Range> inner{{static_cast<uint32_t>(open + open_len), static_cast<uint32_t>(close)}};
  if (CountWords(s, inner) < min_piece_words) return false;
  parentheticals->push_back(inner);
  for (size_t j = open; j < open + open_len; ++j) (*role)[j] = kParenMark;
  for (size_t j = close; j < close + close_len && j < s.size(); ++j) (*role)[j] = kParenMark;
  for (size_t j = open + open_len; j < close; ++j) {
    (*role)[j] = static_cast<int>(parentheticals->size());
  }
  return true;
}

// Commas that link-grammar's fallback splits at (FallbackChunks).
void MarkCommas(std::string_view s, int min_piece_words, std::vector<int>* role,
                std::vector<std::vector<Range>>* parentheticals) {
  std::vector<int>& r = *role;
  auto top_comma = [&](size_t i) {
    return s[i] == ',' && r[i] == kOuter && (i + 1 == s.size() || IsSpace(s[i + 1]));
  };
  // The end of the sentence's text before its final punctuation.
  size_t text_end = s.size();
  while (text_end > 0 && (IsSpace(s[text_end - 1]) || s[text_end - 1] == '.' ||
                          s[text_end - 1] == '!' || s[text_end - 1] == '?')) {
    --text_end;
  }
  // An opening subordinate clause ("While X lost …, Y …") up to its comma:
  // a piece of its own, the subordinator in none (as after a comma below).
  {
    size_t first_begin = 0;
    const std::string first = absl::AsciiStrToLower(util::Absl(WordAt(s, 0, &first_begin)));
    if (OneOf(first, {"while", "whereas", "although", "though", "because", "since", "when",
                      "after", "before", "until"}) &&
        r[first_begin] == kOuter) {
      for (size_t j = first_begin; j < text_end; ++j) {
        if (r[j] != kOuter) break;
        if (top_comma(j)) {
          for (size_t k = first_begin; k < first_begin + first.size(); ++k) r[k] = kSplit;
          r[j] = kSplit;
          break;
        }
      }
    }
  }
  for (size_t i = 0; i < s.size(); ++i) {
    if (!top_comma(i)) continue;
    size_t next_begin = 0;
    const std::string next = absl::AsciiStrToLower(util::Absl(WordAt(s, i + 1, &next_begin)));
    if (next.empty()) continue;
    // Two clauses: the comma and the connective belong to neither (a
    // clause alone parses where "because it …" does not; what the clause
    // states is still asserted). "if" and "unless" are kept out: the
    // extractor reads conditions from their links.
    if (OneOf(next, {"and", "but", "or", "yet", "nor", "while", "whereas", "although", "though",
                     "because", "since", "when", "after", "before", "until", "where"})) {
      r[i] = kSplit;
      for (size_t j = next_begin; j < next_begin + next.size(); ++j) r[j] = kSplit;
      continue;
    }
    // A name (capitalised words) before the comma, not the object of an
    // opening preposition ("Although in Flanders , the Flemish Region …").
    size_t name_begin = i;
    int name_words = 0;
    for (;;) {
      size_t b = 0;
      const std::string_view w = WordBefore(s, name_begin, &b);
      if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) break;
      name_begin = b;
      ++name_words;
      if (b == 0) break;
    }
    const std::string_view before_name = WordBefore(s, name_begin);
    // A lone capitalised first word is no name ("Yesterday , the …").
    const bool name_before =
        name_words > 0 && !(name_begin == 0 && name_words == 1) &&
        !OneOf(before_name, {"in", "In", "at", "At", "of", "from", "to", "on", "On", "by", "with",
                             "for", "For", "after", "After", "before", "Before", "during",
                             "During", "Although", "although", "When", "when", "If", "if"});
    const bool phrase =
        OneOf(next, {"which", "who", "whom", "whose"}) ||
        (next.size() > 4 && EndsWith(next, "ing") &&
         !OneOf(next, {"during", "according", "including", "nothing", "something", "anything",
                       "everything"})) ||
        // "-ed" alone may be the finite verb after an apposition ("X , Y ,
        // served as"): only "founded by", "killed in" ….
        (next.size() > 4 && EndsWith(next, "ed") &&
         OneOf(WordAt(s, next_begin + next.size()), {"by", "in", "at", "on", "from", "to"})) ||
        (name_before && OneOf(next, {"the", "a", "an"}));
    if (!phrase) continue;
    // To the next top-level comma, or to the end of the text.
    size_t close = text_end;
    for (size_t j = i + 1; j < text_end; ++j) {
      if (top_comma(j)) {
        close = j;
        break;
      }
      if (r[j] != kOuter) {  // A split mark or parenthetical ends it too.
        close = j;
        break;
      }
    }
    if (close <= i + 1) continue;
    const size_t close_len = close < text_end && s[close] == ',' ? 1 : 0;
    if (AddParenthetical(s, i, 1, close, close_len, min_piece_words, role, parentheticals)) {
      i = close;
    }
  }
}

std::vector<SentenceChunk> Chunk(std::string_view s, int min_piece_words, bool commas) {
  std::vector<SentenceChunk> whole(1);
  whole[0].ranges.emplace_back(0, static_cast<uint32_t>(s.size()));

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
    AddParenthetical(s, i, 1, close, 1, min_piece_words, &role, &parentheticals);
    i = close;
  }
  // Dashes outside parentheticals. Two of the same kind with no ";" between
  // enclose a parenthetical ("attacks in Belgium — carried out by … — to
  // impose"): the text around them reads on as one clause. Any other dash
  // splits, as does ";".
  std::vector<std::pair<size_t, size_t>> dashes;  // (position, length)
  for (size_t i = 0; i < s.size(); ++i) {
    if (role[i] != kOuter) continue;
    if (s[i] == ';') {
      role[i] = kSplit;
      dashes.emplace_back(i, 0);  // Ends any pair.
    } else if (const size_t len = DashAt(s, i); len > 0) {
      dashes.emplace_back(i, len);
      i += len - 1;
    }
  }
  for (size_t k = 0; k < dashes.size(); ++k) {
    const auto [pos, len] = dashes[k];
    if (len == 0) continue;
    if (k + 1 < dashes.size() && dashes[k + 1].second == len &&
        s.substr(pos, len) == s.substr(dashes[k + 1].first, len) &&
        AddParenthetical(s, pos, len, dashes[k + 1].first, len, min_piece_words, &role,
                         &parentheticals)) {
      ++k;
      continue;
    }
    for (size_t j = pos; j < pos + len; ++j) role[j] = kSplit;
  }
  if (commas) MarkCommas(s, min_piece_words, &role, &parentheticals);
  // Parentheticals in order of position (the comma phrases came last).
  std::sort(parentheticals.begin(), parentheticals.end(),
            [](const std::vector<Range>& a, const std::vector<Range>& b) {
              return a[0].first < b[0].first;
            });

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
  // Whitespace left between two marks (", and") is no piece.
  for (size_t k = 0; k < pieces.size() && pieces.size() > 1;) {
    if (CountWords(s, pieces[k]) > 0) {
      ++k;
      continue;
    }
    pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(k));
    marks.erase(marks.begin() + static_cast<std::ptrdiff_t>(k < marks.size() ? k : k - 1));
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

}  // namespace

int CountWords(std::string_view s) {
  return CountWords(s, {{0, static_cast<uint32_t>(s.size())}});
}

std::vector<SentenceChunk> ChunkSentence(std::string_view s, int min_words,
                                         int min_piece_words) {
  if (CountWords(s) <= min_words) return {SentenceChunk{{{0, static_cast<uint32_t>(s.size())}}}};
  return Chunk(s, min_piece_words, /*commas=*/false);
}

std::vector<SentenceChunk> FallbackChunks(std::string_view s, int min_piece_words) {
  return Chunk(s, min_piece_words, /*commas=*/true);
}

}  // namespace quiver::ingest
