#include "ingest/sentence_splitter.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace quiver::ingest {

std::string NormalizeNfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString out = nfc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::vector<SentenceSpan> SplitSentences(std::string_view nfc_text, SplitStats* stats) {
  std::vector<SentenceSpan> out;
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(nfc_text.data(), nfc_text.size()));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) return out;
  it->setText(text);
  int64_t counted = 0;     // Code points before UTF-16 index counted_to.
  int32_t counted_to = 0;
  auto emit = [&](int32_t start, int32_t limit) {
    // Trim white space, then require a letter.
    while (start < limit && u_isUWhiteSpace(text.char32At(start))) start = text.moveIndex32(start, 1);
    while (limit > start && u_isUWhiteSpace(text.char32At(text.moveIndex32(limit, -1))))
      limit = text.moveIndex32(limit, -1);
    if (start >= limit) return;
    bool letter = false;
    for (int32_t i = start; i < limit; i = text.moveIndex32(i, 1))
      if (u_isalpha(text.char32At(i))) {
        letter = true;
        break;
      }
    if (!letter) return;
    SentenceSpan s;
    icu::UnicodeString piece(text, start, limit - start);
    piece.findAndReplace(icu::UnicodeString("\r\n"), icu::UnicodeString(" "));
    piece.findAndReplace(icu::UnicodeString("\n"), icu::UnicodeString(" "));
    piece.findAndReplace(icu::UnicodeString("\t"), icu::UnicodeString(" "));
    piece.toUTF8String(s.text);
    // Offsets in code points, counted on from the last sentence: counting
    // from 0 each time is quadratic in a text of many sentences.
    counted += text.countChar32(counted_to, start - counted_to);
    counted_to = start;
    s.begin = static_cast<uint32_t>(counted);
    s.end = s.begin + static_cast<uint32_t>(text.countChar32(start, limit - start));
    out.push_back(std::move(s));
  };
  auto emit_bounded = [&](int32_t start, int32_t limit) {
    bool cut_any = false;
    int32_t piece = start;
    while (piece < limit) {
      int words = 0;
      size_t bytes = 0;
      bool in_word = false;
      int32_t last_mark = -1, last_space = -1, i = piece;
      for (; i < limit; i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        const bool space = u_isUWhiteSpace(c);
        if (!space && !in_word && ++words > kMaxSentenceWords) break;
        in_word = !space;
        bytes += U8_LENGTH(c);
        if (bytes > kMaxSentenceBytes) break;
        if (space) last_space = i;
        if (c == u';' || c == u':' || c == u',') last_mark = text.moveIndex32(i, 1);
      }
      if (i >= limit) {
        emit(piece, limit);
        break;
      }
      cut_any = true;
      int32_t cut = i;
      if (last_mark > piece && last_mark - piece >= (i - piece) / 2) {
        cut = last_mark;
      } else if (last_space > piece) {
        cut = last_space;
      } else if (cut == piece) {
        cut = text.moveIndex32(piece, 1);  // One code point over the limit alone.
      }
      emit(piece, cut);
      piece = cut;
    }
    if (cut_any && stats != nullptr) ++stats->long_sentences_cut;
  };
  // Text with long lines has one paragraph per line: a line break ends a
  // sentence (headlines carry no full stop). Hard-wrapped text (all lines
  // short) breaks only at blank lines and where ICU says.
  bool paragraph_lines = false;
  for (int32_t i = 0, line_start = 0; i <= text.length(); ++i) {
    if (i == text.length() || text.charAt(i) == u'\n') {
      if (i - line_start > 150) paragraph_lines = true;
      line_start = i + 1;
    }
  }
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    // ICU keeps a headline and the next sentence together when the headline
    // has no full stop; split at line breaks ourselves.
    int32_t piece_start = start;
    for (int32_t i = start; i < end; ++i) {
      if (text.charAt(i) == u'\n' && i + 1 < end && text.charAt(i + 1) == u'\n') {
        emit_bounded(piece_start, i);
        piece_start = i + 1;
      } else if (paragraph_lines && text.charAt(i) == u'\n') {
        emit_bounded(piece_start, i);
        piece_start = i + 1;
      }
    }
    emit_bounded(piece_start, end);
  }
  return out;
}

}  // namespace quiver::ingest
