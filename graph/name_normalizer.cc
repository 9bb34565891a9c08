#include "graph/name_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace quiver::graph {

std::string NormalizeName(std::string_view name) {
  UErrorCode error = U_ZERO_ERROR;
  // ICU owns the singleton; it is immutable and safe to share across threads.
  static const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(error);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), int32_t(name.size())));
  error = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfkd->normalize(text, error);
  if (U_FAILURE(error)) decomposed = text;

  icu::UnicodeString stripped;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isUWhiteSpace(c)) {
      pending_space = !stripped.isEmpty();
      continue;
    }
    if (pending_space) {
      stripped.append(UChar32(' '));
      pending_space = false;
    }
    stripped.append(c);
  }
  stripped.foldCase();
  std::string out;
  stripped.toUTF8String(out);
  return out;
}

}  // namespace quiver::graph
