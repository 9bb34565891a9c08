// N-Triples (RDF 1.1) terms: IRIs and literals escaped per the grammar.

#ifndef QUIVER_RENDER_NTRIPLES_H_
#define QUIVER_RENDER_NTRIPLES_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "quiver/value.h"

namespace quiver::render {

// `text` percent-encoded for use inside an IRI: the bytes IRIREF forbids
// (controls, space, <>"{}|^`\) and '%' itself; UTF-8 stays as it is, since
// IRIs allow it.
std::string IriSegment(std::string_view text);

// kInvalidArgument unless `base` can start an absolute IRIREF: a scheme,
// ':', and none of the forbidden characters.
absl::Status CheckBaseIri(std::string_view base);

// "text" with \" \\ \n \r \t escaped and other controls as \uXXXX.
std::string StringLiteral(std::string_view text);

// A typed literal for a property value: xsd:integer, xsd:double,
// xsd:boolean, or a plain string (lists and maps as their JSON text).
std::string Literal(const Value& value);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_NTRIPLES_H_
