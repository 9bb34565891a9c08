// graph::RadixSort: a stable least-significant-byte-first radix sort of
// entries by a 128-bit integer key, for the bulk loader's millions of packed
// index entries. It passes over the entries once per key byte that is not
// the same in all of them (ids of a few hundred thousand nodes vary in three
// bytes of their four), where a comparison sort pays log2(n) passes.

#ifndef QUIVER_GRAPH_RADIX_SORT_H_
#define QUIVER_GRAPH_RADIX_SORT_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace quiver::graph {

__extension__ using Packed = unsigned __int128;

inline Packed RadixKey(Packed v) { return v; }
inline Packed RadixKey(uint64_t v) { return v; }

namespace radix_internal {

// For entries larger than their key: when the key bits that differ among
// the entries (above `ignored_bits`), with an entry's position, fit in 64
// bits, sorts those 8-byte compact keys and then moves each entry once,
// instead of moving every entry on every pass. The bits that differ are
// taken per 32-bit field: from the lowest to the highest that differs
// anywhere in it (the bits outside are the same in all entries, so they
// do not change the order). Returns false, having done nothing, when they
// do not fit.
template <typename T>
bool SortByCompactKeys(std::vector<T>& v, std::vector<T>& scratch, Packed differ,
                       int ignored_bits) {
  struct Field {
    int shift, low, width;
  };
  Field fields[4];
  int n_fields = 0, key_bits = 0;
  for (int f = 3; f >= 0; --f) {  // Most significant first.
    if (32 * f + 32 <= ignored_bits) continue;
    uint32_t d = uint32_t(differ >> (32 * f));
    if (32 * f < ignored_bits) d &= ~uint32_t{0} << (ignored_bits - 32 * f);
    if (d == 0) continue;
    const int low = __builtin_ctz(d), high = 32 - __builtin_clz(d);
    fields[n_fields++] = {32 * f, low, high - low};
    key_bits += high - low;
  }
  const size_t n = v.size();
  int index_bits = 1;
  while (index_bits < 64 && (uint64_t{1} << index_bits) < n) ++index_bits;
  if (key_bits + index_bits > 64) return false;
  // 11-bit digits (2,048 counters, which stay in the L1 cache with 8-byte
  // entries): 40 key bits in 4 passes.
  constexpr int kDigitBits = 11, kBuckets = 1 << kDigitBits;
  const int digits = (key_bits + kDigitBits - 1) / kDigitBits;
  // Moving every entry costs about two passes more (making the keys, then
  // the entries once): worth it only where it saves more than that.
  int byte_passes = 0;
  for (int b = ignored_bits / 8; b < 16; ++b) byte_passes += uint8_t(differ >> (8 * b)) != 0;
  if (digits + 2 >= byte_passes) return false;
  const uint64_t digit_mask = kBuckets - 1;
  std::vector<uint64_t> keys(n), other(n);
  std::vector<std::array<size_t, kBuckets>> counts(digits);
  for (size_t i = 0; i < n; ++i) {
    const Packed k = RadixKey(v[i]);
    uint64_t c = 0;
    for (int f = 0; f < n_fields; ++f) {
      const Field& field = fields[f];
      const uint64_t bits = (uint32_t(k >> field.shift) >> field.low) &
                            ((uint64_t{1} << field.width) - 1);
      c = (c << field.width) | bits;
    }
    for (int d = 0; d < digits; ++d) ++counts[d][(c >> (kDigitBits * d)) & digit_mask];
    keys[i] = (c << index_bits) | i;  // Positions ascend: the sort is stable.
  }
  std::vector<size_t> pos(kBuckets);
  for (int d = 0; d < digits; ++d) {
    const int shift = index_bits + kDigitBits * d;
    if (counts[d][(keys[0] >> shift) & digit_mask] == n) continue;  // One value.
    size_t sum = 0;
    for (int i = 0; i < kBuckets; ++i) {
      pos[i] = sum;
      sum += counts[d][i];
    }
    for (uint64_t k : keys) other[pos[(k >> shift) & digit_mask]++] = k;
    keys.swap(other);
  }
  other = {};
  scratch.resize(n);
  const uint64_t mask = index_bits == 64 ? ~uint64_t{0} : (uint64_t{1} << index_bits) - 1;
  for (size_t j = 0; j < n; ++j) scratch[j] = v[keys[j] & mask];
  v.swap(scratch);
  return true;
}

}  // namespace radix_internal

// Sorts `v` by RadixKey, stably, using `scratch` (resized to v's size) as
// the second buffer. The lowest `ignored_bits` of the key take no part:
// entries keep their order there (use it when the entries are already in
// that order, or when the higher bits alone are unique).
template <typename T>
void RadixSort(std::vector<T>& v, std::vector<T>& scratch, int ignored_bits = 0) {
  if (v.size() < 2) return;
  if (v.size() < 256) {
    std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) {
      return (RadixKey(a) >> ignored_bits) < (RadixKey(b) >> ignored_bits);
    });
    return;
  }
  if constexpr (sizeof(T) > sizeof(Packed)) {
    // The bulk loader's 32-byte entries: 1M statements took 7 passes of
    // 64 MB (read and written) each; as compact keys, 4 passes of 16 MB
    // and one of the entries.
    const Packed first = RadixKey(v[0]);
    Packed differ = 0;
    for (const T& x : v) differ |= RadixKey(x) ^ first;
    if (radix_internal::SortByCompactKeys(v, scratch, differ, ignored_bits)) return;
  }
  // The bytes that differ anywhere, and every byte's histogram, in one pass.
  const Packed first = RadixKey(v[0]);
  Packed differ = 0;
  std::vector<std::array<size_t, 256>> counts(16);
  for (const T& x : v) {
    Packed k = RadixKey(x);
    differ |= k ^ first;
    for (int b = 0; b < 16; ++b) ++counts[b][uint8_t(k >> (8 * b))];
  }
  scratch.resize(v.size());
  for (int b = ignored_bits / 8; b < 16; ++b) {
    if (uint8_t(differ >> (8 * b)) == 0) continue;
    size_t pos[256];
    size_t sum = 0;
    for (int i = 0; i < 256; ++i) {
      pos[i] = sum;
      sum += counts[b][i];
    }
    for (const T& x : v) scratch[pos[uint8_t(RadixKey(x) >> (8 * b))]++] = x;
    v.swap(scratch);
  }
}

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_RADIX_SORT_H_
