#include "query/exec/value_ops.h"

#include <cmath>
#include <functional>

#include "util/temporal.h"

namespace quiver::query {

namespace {

int Sign(double d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

int CompareNumbers(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.AsInt() < b.AsInt() ? -1 : a.AsInt() > b.AsInt();
  return Sign(a.AsNumber() - b.AsNumber());
}

}  // namespace

Value CypherEquals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return Value(a.AsInt() == b.AsInt());
    return Value(a.AsNumber() == b.AsNumber());
  }
  if (a.type() != b.type()) return Value(false);
  switch (a.type()) {
    case Value::Type::kList: {
      const auto& la = a.AsList();
      const auto& lb = b.AsList();
      if (la.size() != lb.size()) return Value(false);
      bool unknown = false;
      for (size_t i = 0; i < la.size(); ++i) {
        Value e = CypherEquals(la[i], lb[i]);
        if (e.is_null()) unknown = true;
        else if (!e.AsBool()) return Value(false);
      }
      return unknown ? Value() : Value(true);
    }
    case Value::Type::kMap: {
      const auto& ma = a.AsMap();
      const auto& mb = b.AsMap();
      if (ma.size() != mb.size()) return Value(false);
      bool unknown = false;
      for (auto ia = ma.begin(), ib = mb.begin(); ia != ma.end(); ++ia, ++ib) {
        if (ia->first != ib->first) return Value(false);
        Value e = CypherEquals(ia->second, ib->second);
        if (e.is_null()) unknown = true;
        else if (!e.AsBool()) return Value(false);
      }
      return unknown ? Value() : Value(true);
    }
    case Value::Type::kTemporal:
      return Value(temporal::Equal(a.AsTemporal(), b.AsTemporal()));
    default:
      return Value(a == b);
  }
}

int CypherCompare(const Value& a, const Value& b, bool* comparable) {
  *comparable = true;
  if (a.is_number() && b.is_number()) {
    if ((a.is_double() && std::isnan(a.AsDouble())) ||
        (b.is_double() && std::isnan(b.AsDouble()))) {
      *comparable = false;
      return 0;
    }
    return CompareNumbers(a, b);
  }
  if (a.type() != b.type() || a.is_null()) {
    *comparable = false;
    return 0;
  }
  switch (a.type()) {
    case Value::Type::kString: {
      int c = a.AsString().compare(b.AsString());
      return c < 0 ? -1 : c > 0;
    }
    case Value::Type::kBool: return int(a.AsBool()) - int(b.AsBool());
    case Value::Type::kList: {
      const auto& la = a.AsList();
      const auto& lb = b.AsList();
      for (size_t i = 0; i < la.size() && i < lb.size(); ++i) {
        bool ok = true;
        int c = CypherCompare(la[i], lb[i], &ok);
        if (!ok) {
          *comparable = false;
          return 0;
        }
        if (c != 0) return c;
      }
      return la.size() < lb.size() ? -1 : la.size() > lb.size();
    }
    case Value::Type::kTemporal:
      return temporal::Compare(a.AsTemporal(), b.AsTemporal(), comparable);
    default:
      *comparable = false;
      return 0;
  }
}

namespace {

int OrderRank(const Value& v) {
  switch (v.type()) {
    case Value::Type::kMap: return 0;
    case Value::Type::kNode: return 1;
    case Value::Type::kRelationship: return 2;
    case Value::Type::kList: return 3;
    case Value::Type::kPath: return 4;
    case Value::Type::kTemporal: return 5;  // Ordered among themselves by kind.
    case Value::Type::kString: return 6;
    case Value::Type::kBool: return 7;
    case Value::Type::kInt:
    case Value::Type::kDouble: return 8;
    case Value::Type::kNull: return 9;
  }
  return 9;
}

}  // namespace

int OrderCompare(const Value& a, const Value& b) {
  int ra = OrderRank(a), rb = OrderRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case Value::Type::kNull: return 0;
    case Value::Type::kInt:
    case Value::Type::kDouble: {
      bool na = a.is_double() && std::isnan(a.AsDouble());
      bool nb = b.is_double() && std::isnan(b.AsDouble());
      if (na || nb) return int(na) - int(nb);
      return CompareNumbers(a, b);
    }
    case Value::Type::kString: {
      int c = a.AsString().compare(b.AsString());
      return c < 0 ? -1 : c > 0;
    }
    case Value::Type::kBool: return int(a.AsBool()) - int(b.AsBool());
    case Value::Type::kList: {
      const auto& la = a.AsList();
      const auto& lb = b.AsList();
      for (size_t i = 0; i < la.size() && i < lb.size(); ++i) {
        int c = OrderCompare(la[i], lb[i]);
        if (c != 0) return c;
      }
      return la.size() < lb.size() ? -1 : la.size() > lb.size();
    }
    case Value::Type::kMap: {
      const auto& ma = a.AsMap();
      const auto& mb = b.AsMap();
      auto ia = ma.begin();
      auto ib = mb.begin();
      for (; ia != ma.end() && ib != mb.end(); ++ia, ++ib) {
        int c = ia->first.compare(ib->first);
        if (c != 0) return c < 0 ? -1 : 1;
        c = OrderCompare(ia->second, ib->second);
        if (c != 0) return c;
      }
      return ma.size() < mb.size() ? -1 : ma.size() > mb.size();
    }
    case Value::Type::kNode: {
      auto x = a.AsNode().id, y = b.AsNode().id;
      return x < y ? -1 : x > y;
    }
    case Value::Type::kRelationship: {
      auto x = a.AsRelationship().id, y = b.AsRelationship().id;
      return x < y ? -1 : x > y;
    }
    case Value::Type::kPath: {
      const auto& pa = a.AsPath();
      const auto& pb = b.AsPath();
      for (size_t i = 0; i < pa.nodes.size() && i < pb.nodes.size(); ++i) {
        if (pa.nodes[i].id != pb.nodes[i].id) return pa.nodes[i].id < pb.nodes[i].id ? -1 : 1;
      }
      return pa.nodes.size() < pb.nodes.size() ? -1 : pa.nodes.size() > pb.nodes.size();
    }
    case Value::Type::kTemporal:
      return temporal::OrderCompare(a.AsTemporal(), b.AsTemporal());
  }
  return 0;
}

bool Equivalent(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_number() && b.is_number()) {
    if (a.is_double() && b.is_double() && std::isnan(a.AsDouble()) &&
        std::isnan(b.AsDouble()))
      return true;
    return CompareNumbers(a, b) == 0 && !(a.is_double() && std::isnan(a.AsDouble()));
  }
  if (a.type() != b.type()) return false;
  if (a.is_list()) {
    const auto& la = a.AsList();
    const auto& lb = b.AsList();
    if (la.size() != lb.size()) return false;
    for (size_t i = 0; i < la.size(); ++i)
      if (!Equivalent(la[i], lb[i])) return false;
    return true;
  }
  if (a.is_map()) {
    const auto& ma = a.AsMap();
    const auto& mb = b.AsMap();
    if (ma.size() != mb.size()) return false;
    for (auto ia = ma.begin(), ib = mb.begin(); ia != ma.end(); ++ia, ++ib)
      if (ia->first != ib->first || !Equivalent(ia->second, ib->second)) return false;
    return true;
  }
  if (a.is_temporal()) return temporal::Equal(a.AsTemporal(), b.AsTemporal());
  return a == b;
}

size_t EquivalenceHash(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: return 0x9e3779b9;
    case Value::Type::kBool: return v.AsBool() ? 1231 : 1237;
    case Value::Type::kInt:
    case Value::Type::kDouble: {
      double d = v.AsNumber();
      if (std::isnan(d)) return 7;
      if (d == std::floor(d) && std::fabs(d) < 9e18) return std::hash<int64_t>()(int64_t(d));
      return std::hash<double>()(d);
    }
    case Value::Type::kString: return std::hash<std::string>()(v.AsString());
    case Value::Type::kList: {
      size_t h = 17;
      for (const auto& e : v.AsList()) h = h * 31 + EquivalenceHash(e);
      return h;
    }
    case Value::Type::kMap: {
      size_t h = 19;
      for (const auto& [k, e] : v.AsMap())
        h = h * 31 + std::hash<std::string>()(k) * 7 + EquivalenceHash(e);
      return h;
    }
    case Value::Type::kNode: return std::hash<uint64_t>()(v.AsNode().id) * 3;
    case Value::Type::kRelationship: return std::hash<uint64_t>()(v.AsRelationship().id) * 5;
    case Value::Type::kPath: {
      size_t h = 23;
      for (const auto& n : v.AsPath().nodes) h = h * 31 + n.id;
      return h;
    }
    case Value::Type::kTemporal: {
      // Equal date-times may differ in zone name only: leave it out.
      TemporalValue t = v.AsTemporal();
      t.zone.clear();
      return temporal::Hash(t);
    }
  }
  return 0;
}

}  // namespace quiver::query
