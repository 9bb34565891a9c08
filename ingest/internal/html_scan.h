// A linear scan over HTML tags, for pages too deeply nested to hand to
// gumbo (ingest/document_reader.cc): gumbo's tree construction looks
// through the stack of open elements at every tag, so its time grows with
// the square of the nesting depth (200000 nested <div>s: minutes; <b>s:
// more than 2 GB), and walking the tree recurses as deep.

#ifndef QUIVER_INGEST_INTERNAL_HTML_SCAN_H_
#define QUIVER_INGEST_INTERNAL_HTML_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace quiver::ingest {

// The most elements open at once, as a scan that knows no implied end tags
// sees them (an end tag closes the nearest open element of its name among
// the innermost few): an upper estimate of how deep `html` nests, give or
// take the elements a parser adds itself (<tbody>, <tr>). Void elements
// (<br>, <img>...), self-closing tags, comments, declarations and the text
// of <script> and <style> do not count. Linear in the size of `html`.
size_t HtmlNestingEstimate(std::string_view html);

// The text of `html` without tags, comments, scripts and styles; block
// elements (<p>, <div>, <li>, headings...) start a new line, the common
// character references (&amp; &lt; &gt; &quot; &#39; &nbsp;) are decoded.
// Sets `title` (when not null and empty) from <title>. Valid UTF-8 in,
// valid UTF-8 out. Linear in the size of `html`.
std::string StripHtmlTags(std::string_view html, std::string* title);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_INTERNAL_HTML_SCAN_H_
