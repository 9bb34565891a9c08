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
