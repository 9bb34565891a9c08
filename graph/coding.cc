#include "graph/coding.h"

#include <cstring>

namespace quiver::graph {

void PutFixed32BE(std::string* dst, uint32_t v) {
  char buf[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  dst->append(buf, 4);
}

void PutFixed64BE(std::string* dst, uint64_t v) {
  PutFixed32BE(dst, uint32_t(v >> 32));
  PutFixed32BE(dst, uint32_t(v));
}

uint32_t DecodeFixed32BE(const char* p) {
  const auto* u = reinterpret_cast<const uint8_t*>(p);
  return (uint32_t(u[0]) << 24) | (uint32_t(u[1]) << 16) |
         (uint32_t(u[2]) << 8) | uint32_t(u[3]);
}

uint64_t DecodeFixed64BE(const char* p) {
  return (uint64_t(DecodeFixed32BE(p)) << 32) | DecodeFixed32BE(p + 4);
}

bool GetFixed32BE(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = DecodeFixed32BE(in->data());
  in->remove_prefix(4);
  return true;
}

bool GetFixed64BE(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  *v = DecodeFixed64BE(in->data());
  in->remove_prefix(8);
  return true;
}

uint64_t DoubleBits(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, 8);
  return bits;
}

double DoubleFromBits(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, 8);
  return d;
}

void PutVarint64(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(char(v | 0x80));
    v >>= 7;
  }
  dst->push_back(char(v));
}

bool GetVarint64(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0, i = 0; shift <= 63 && i < int(in->size()); shift += 7, ++i) {
    uint64_t byte = uint8_t((*in)[i]);
    result |= (byte & 0x7F) << shift;
    if (!(byte & 0x80)) {
      in->remove_prefix(i + 1);
      *v = result;
      return true;
    }
  }
  return false;
}

void PutVarsint64(std::string* dst, int64_t v) {
  PutVarint64(dst, (uint64_t(v) << 1) ^ uint64_t(v >> 63));
}

bool GetVarsint64(std::string_view* in, int64_t* v) {
  uint64_t u;
  if (!GetVarint64(in, &u)) return false;
  *v = int64_t(u >> 1) ^ -int64_t(u & 1);
  return true;
}

void PutLengthPrefixed(std::string* dst, std::string_view s) {
  PutVarint64(dst, s.size());
  dst->append(s.data(), s.size());
}

bool GetLengthPrefixed(std::string_view* in, std::string_view* s) {
  uint64_t n;
  if (!GetVarint64(in, &n) || n > in->size()) return false;
  *s = in->substr(0, n);
  in->remove_prefix(n);
  return true;
}

bool IsStorable(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNode:
    case Value::Type::kRelationship:
    case Value::Type::kPath:
      return false;
    case Value::Type::kList:
      for (const auto& e : v.AsList())
        if (!IsStorable(e)) return false;
      return true;
    case Value::Type::kMap:
      for (const auto& [k, e] : v.AsMap())
        if (!IsStorable(e)) return false;
      return true;
    default:
      return true;
  }
}

namespace {

// A temporal value after its tag: the kind byte, then only the fields of
// that kind (see coding.h).
void PutTemporal(std::string* dst, const TemporalValue& t) {
  using Kind = TemporalValue::Kind;
  dst->push_back(char(t.kind));
  switch (t.kind) {
    case Kind::kDate:
      PutVarsint64(dst, t.epoch_day);
      break;
    case Kind::kLocalTime:
      PutVarint64(dst, uint64_t(t.nano_of_day));
      break;
    case Kind::kTime:
      PutVarint64(dst, uint64_t(t.nano_of_day));
      PutVarsint64(dst, t.offset_seconds);
      break;
    case Kind::kLocalDateTime:
      PutVarsint64(dst, t.epoch_day);
      PutVarint64(dst, uint64_t(t.nano_of_day));
      break;
    case Kind::kDateTime:
      PutVarsint64(dst, t.epoch_day);
      PutVarint64(dst, uint64_t(t.nano_of_day));
      PutVarsint64(dst, t.offset_seconds);
      PutLengthPrefixed(dst, t.zone);
      break;
    case Kind::kDuration:
      PutVarsint64(dst, t.months);
      PutVarsint64(dst, t.days);
      PutVarsint64(dst, t.seconds);
      PutVarint64(dst, uint64_t(t.nanos));
      break;
  }
}

bool GetTemporal(std::string_view* in, Value* v) {
  using Kind = TemporalValue::Kind;
  if (in->empty()) return false;
  uint8_t kind = uint8_t((*in)[0]);
  in->remove_prefix(1);
  if (kind > uint8_t(Kind::kDuration)) return false;
  TemporalValue t;
  t.kind = Kind(kind);
  constexpr uint64_t kNanosPerDay = 86'400'000'000'000;
  uint64_t nano = 0, nanos = 0;
  int64_t offset = 0;
  std::string_view zone;
  bool ok = true;
  switch (t.kind) {
    case Kind::kDate:
      ok = GetVarsint64(in, &t.epoch_day);
      break;
    case Kind::kLocalTime:
      ok = GetVarint64(in, &nano);
      break;
    case Kind::kTime:
      ok = GetVarint64(in, &nano) && GetVarsint64(in, &offset);
      break;
    case Kind::kLocalDateTime:
      ok = GetVarsint64(in, &t.epoch_day) && GetVarint64(in, &nano);
      break;
    case Kind::kDateTime:
      ok = GetVarsint64(in, &t.epoch_day) && GetVarint64(in, &nano) &&
           GetVarsint64(in, &offset) && GetLengthPrefixed(in, &zone);
      break;
    case Kind::kDuration:
      ok = GetVarsint64(in, &t.months) && GetVarsint64(in, &t.days) &&
           GetVarsint64(in, &t.seconds) && GetVarint64(in, &nanos);
      break;
  }
  // Fields out of their range mean corruption.
  constexpr int64_t kMaxOffset = 18 * 3600;
  if (!ok || nano >= kNanosPerDay || nanos >= 1'000'000'000 || offset < -kMaxOffset ||
      offset > kMaxOffset)
    return false;
  t.nano_of_day = int64_t(nano);
  t.nanos = int32_t(nanos);
  t.offset_seconds = int32_t(offset);
  t.zone = std::string(zone);
  *v = Value(std::move(t));
  return true;
}

}  // namespace

void PutValue(std::string* dst, const Value& v) {
  dst->push_back(char(v.type()));
  switch (v.type()) {
    case Value::Type::kNull:
      break;
    case Value::Type::kBool:
      dst->push_back(v.AsBool() ? 1 : 0);
      break;
    case Value::Type::kInt:
      PutVarsint64(dst, v.AsInt());
      break;
    case Value::Type::kDouble: {
      uint64_t bits;
      double d = v.AsDouble();
      std::memcpy(&bits, &d, 8);
      PutFixed64BE(dst, bits);
      break;
    }
    case Value::Type::kString:
      PutLengthPrefixed(dst, v.AsString());
      break;
    case Value::Type::kList:
      PutVarint64(dst, v.AsList().size());
      for (const auto& e : v.AsList()) PutValue(dst, e);
      break;
    case Value::Type::kMap:
      PutValueMap(dst, v.AsMap());
      break;
    case Value::Type::kTemporal:
      PutTemporal(dst, v.AsTemporal());
      break;
    default:
      // Not storable: callers reject these before encoding. Encode null so
      // the record stays well-formed.
      dst->back() = char(Value::Type::kNull);
  }
}

namespace {

// Nesting deeper than this in a stored record means corruption: values are
// built by code that never nests that deep.
constexpr int kMaxDepth = 64;

bool GetValueAtDepth(std::string_view* in, Value* v, int depth);

bool GetValueMapAtDepth(std::string_view* in, ValueMap* map, int depth) {
  uint64_t n;
  if (!GetVarint64(in, &n) || n > in->size()) return false;
  map->clear();
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view key;
    Value value;
    if (!GetLengthPrefixed(in, &key) || !GetValueAtDepth(in, &value, depth + 1))
      return false;
    map->emplace(std::string(key), std::move(value));
  }
  return true;
}

bool GetValueAtDepth(std::string_view* in, Value* v, int depth) {
  if (depth > kMaxDepth || in->empty()) return false;
  auto tag = static_cast<Value::Type>(uint8_t((*in)[0]));
  in->remove_prefix(1);
  switch (tag) {
    case Value::Type::kNull:
      *v = Value();
      return true;
    case Value::Type::kBool:
      if (in->empty() || uint8_t((*in)[0]) > 1) return false;
      *v = Value((*in)[0] == 1);
      in->remove_prefix(1);
      return true;
    case Value::Type::kInt: {
      int64_t i;
      if (!GetVarsint64(in, &i)) return false;
      *v = Value(i);
      return true;
    }
    case Value::Type::kDouble: {
      uint64_t bits;
      if (!GetFixed64BE(in, &bits)) return false;
      double d;
      std::memcpy(&d, &bits, 8);
      *v = Value(d);
      return true;
    }
    case Value::Type::kString: {
      std::string_view s;
      if (!GetLengthPrefixed(in, &s)) return false;
      *v = Value(std::string(s));
      return true;
    }
    case Value::Type::kList: {
      uint64_t n;
      if (!GetVarint64(in, &n) || n > in->size()) return false;
      ValueList list;
      list.reserve(n);
      for (uint64_t i = 0; i < n; ++i) {
        Value e;
        if (!GetValueAtDepth(in, &e, depth + 1)) return false;
        list.push_back(std::move(e));
      }
      *v = Value(std::move(list));
      return true;
    }
    case Value::Type::kMap: {
      ValueMap map;
      if (!GetValueMapAtDepth(in, &map, depth)) return false;
      *v = Value(std::move(map));
      return true;
    }
    case Value::Type::kTemporal:
      return GetTemporal(in, v);
    default:
      return false;
  }
}

}  // namespace

bool GetValue(std::string_view* in, Value* v) { return GetValueAtDepth(in, v, 0); }

void PutValueMap(std::string* dst, const ValueMap& map) {
  PutVarint64(dst, map.size());
  for (const auto& [k, v] : map) {
    PutLengthPrefixed(dst, k);
    PutValue(dst, v);
  }
}

bool GetValueMap(std::string_view* in, ValueMap* map) {
  return GetValueMapAtDepth(in, map, 0);
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    auto& last = reinterpret_cast<uint8_t&>(s.back());
    if (last != 0xFF) {
      ++last;
      return s;
    }
    s.pop_back();
  }
  return s;
}

}  // namespace quiver::graph
