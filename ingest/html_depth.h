// How deeply an HTML page nests its elements, measured before it is parsed.
//
// Debian's gumbo (0.10.1) spends time quadratic in the nesting depth: a page
// of 40,000 nested <div>s takes 8 s, 200,000 take 213 s. A page deeper than
// kMaxHtmlDepth is skipped with that reason instead of holding ingest up.

#ifndef QUIVER_INGEST_HTML_DEPTH_H_
#define QUIVER_INGEST_HTML_DEPTH_H_

#include <string_view>

namespace quiver::ingest {

// Real pages nest a few dozen elements deep; at 2,000 gumbo takes ~20 ms.
inline constexpr int kMaxHtmlDepth = 2000;

// The deepest nesting of elements in `html`, stopping early once past
// `limit`. Void elements (<br>, <img>, …), elements whose end tag HTML lets
// one leave out (<p>, <li>, <td>, …) and self-closed tags do not nest; an end
// tag closes its element and everything opened inside it, and an end tag
// with no open element of its name is ignored, as HTML parsers do. Linear in
// the size of the page.
int HtmlNestingDepth(std::string_view html, int limit = kMaxHtmlDepth);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_HTML_DEPTH_H_
