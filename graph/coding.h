// Byte-level encoding shared by keys and records.
//
// Keys use fixed-width big-endian integers so that byte order is numeric
// order; record values use varints and length-prefixed strings. Decoders take
// a std::string_view they advance, and return false on truncated or malformed
// input instead of reading past the end.

#ifndef QUIVER_GRAPH_CODING_H_
#define QUIVER_GRAPH_CODING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "quiver/value.h"

namespace quiver::graph {

void PutFixed32BE(std::string* dst, uint32_t v);
void PutFixed64BE(std::string* dst, uint64_t v);
uint32_t DecodeFixed32BE(const char* p);
uint64_t DecodeFixed64BE(const char* p);
bool GetFixed32BE(std::string_view* in, uint32_t* v);
bool GetFixed64BE(std::string_view* in, uint64_t* v);
// IEEE-754 bits of a double, and back (for fixed-width float values).
uint64_t DoubleBits(double d);
double DoubleFromBits(uint64_t bits);

void PutVarint64(std::string* dst, uint64_t v);
bool GetVarint64(std::string_view* in, uint64_t* v);
// Signed values as zigzag varints, so small negatives stay short.
void PutVarsint64(std::string* dst, int64_t v);
bool GetVarsint64(std::string_view* in, int64_t* v);

void PutLengthPrefixed(std::string* dst, std::string_view s);
bool GetLengthPrefixed(std::string_view* in, std::string_view* s);

// A property value: a Value::Type tag byte then the payload. Graph elements
// (nodes, relationships, paths) are not storable; the caller checks with
// IsStorable first. A temporal value (tag 10, added in format version 2
// without a version change: older stores never hold one) is its
// TemporalValue::Kind byte, then
//   date           varsint epoch_day
//   local time     varint nano_of_day
//   time           varint nano_of_day, varsint offset_seconds
//   local datetime varsint epoch_day, varint nano_of_day
//   datetime       varsint epoch_day, varint nano_of_day,
//                  varsint offset_seconds, length-prefixed zone name
//   duration       varsint months, days, seconds, varint nanos
bool IsStorable(const Value& v);
void PutValue(std::string* dst, const Value& v);
bool GetValue(std::string_view* in, Value* v);

void PutValueMap(std::string* dst, const ValueMap& map);
bool GetValueMap(std::string_view* in, ValueMap* map);

// The smallest string greater than every string that starts with `prefix`,
// for RocksDB's exclusive iterate_upper_bound; empty when there is none
// (a prefix of only 0xFF bytes, or the empty prefix).
std::string PrefixSuccessor(std::string_view prefix);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_CODING_H_
