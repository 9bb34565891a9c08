// Property values as JSON, for the JSON Lines export and for list and map
// values in the text formats (GraphML, CSV), which have no such types.

#ifndef QUIVER_RENDER_VALUE_JSON_H_
#define QUIVER_RENDER_VALUE_JSON_H_

#include <string>

#include <nlohmann/json.hpp>

#include "quiver/value.h"

namespace quiver::render {

nlohmann::json ToJson(const Value& value);
nlohmann::json ToJson(const ValueMap& map);

// A string as itself; anything else as its JSON text.
std::string PlainText(const Value& value);

}  // namespace quiver::render

#endif  // QUIVER_RENDER_VALUE_JSON_H_
