#include "ingest/quotation.h"

#include <cstdint>

#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace quiver::ingest {

std::vector<bool> SentencesInsideQuotation(std::string_view nfc_text,
                                           const std::vector<SentenceSpan>& spans) {
  std::vector<bool> inside(spans.size(), false);
  std::vector<int> letters_in(spans.size(), 0), letters_out(spans.size(), 0);
  bool open = false;
  size_t s = 0;           // The first span that may still contain the position.
  uint32_t position = 0;  // Code points, as SentenceSpan counts them.
  const auto* bytes = reinterpret_cast<const uint8_t*>(nfc_text.data());
  const int32_t length = static_cast<int32_t>(nfc_text.size());
  for (int32_t i = 0; i < length; ++position) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c == '\n' || c == 0x2029) {
      open = false;
    } else if (c == 0x201C || c == 0x201E || c == 0x00AB) {
      open = true;
    } else if (c == 0x201D || c == 0x00BB) {
      open = false;
    } else if (c == '"') {
      open = !open;
    } else if (c >= 0 && u_isalpha(c)) {
      while (s < spans.size() && spans[s].end <= position) ++s;
      if (s < spans.size() && spans[s].begin <= position) (open ? letters_in : letters_out)[s]++;
    }
  }
  for (size_t k = 0; k < spans.size(); ++k) inside[k] = letters_in[k] > 0 && letters_out[k] == 0;
  return inside;
}

}  // namespace quiver::ingest
