#include "render/value_json.h"

namespace quiver::render {

nlohmann::json ToJson(const Value& value) {
  switch (value.type()) {
    case Value::Type::kNull: return nullptr;
    case Value::Type::kBool: return value.AsBool();
    case Value::Type::kInt: return value.AsInt();
    case Value::Type::kDouble: return value.AsDouble();
    case Value::Type::kString: return value.AsString();
    case Value::Type::kList: {
      nlohmann::json out = nlohmann::json::array();
      for (const Value& v : value.AsList()) out.push_back(ToJson(v));
      return out;
    }
    case Value::Type::kMap: return ToJson(value.AsMap());
    case Value::Type::kTemporal: return value.ToString();  // ISO 8601 text
    default:
      // Graph elements are query results, never stored properties.
      return value.ToString();
  }
}

nlohmann::json ToJson(const ValueMap& map) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : map) out[k] = ToJson(v);
  return out;
}

std::string PlainText(const Value& value) {
  if (value.is_string()) return value.AsString();
  if (value.is_temporal()) return value.ToString();
  // Invalid UTF-8 is replaced rather than thrown on: exports never fail
  // half-way for one odd byte.
  return ToJson(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace quiver::render
