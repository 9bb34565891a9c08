// Text for XML and HTML documents (GraphML, SVG titles, the HTML diagram).

#ifndef QUIVER_RENDER_XML_ESCAPE_H_
#define QUIVER_RENDER_XML_ESCAPE_H_

#include <string>
#include <string_view>

namespace quiver::render {

// Escapes & < > " ' ; keeps tab and newline, writes CR as &#13; (a parser
// would turn a raw one into a newline) and replaces the other C0 controls,
// which XML 1.0 cannot carry at all, with U+FFFD.
std::string XmlEscape(std::string_view text);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_XML_ESCAPE_H_
