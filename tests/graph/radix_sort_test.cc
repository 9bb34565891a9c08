#include "graph/radix_sort.h"

#include <algorithm>
#include <random>

#include "gtest/gtest.h"

namespace quiver::graph {
namespace {

TEST(RadixSort, SortsLikeAComparisonSort) {
  std::mt19937_64 rng(3);
  std::vector<Packed> v, scratch;
  for (int i = 0; i < 50000; ++i) {
    // Varying bytes at both ends of the key, constant ones between.
    v.push_back((Packed(rng() % 1000) << 100) | (Packed(7) << 64) | (rng() % 70000));
  }
  std::vector<Packed> expected = v;
  std::sort(expected.begin(), expected.end());
  RadixSort(v, scratch);
  EXPECT_TRUE(v == expected);
}

TEST(RadixSort, IgnoredLowBitsKeepTheOrderAdded) {
  std::mt19937_64 rng(5);
  std::vector<Packed> v, scratch;
  for (uint32_t i = 0; i < 3000; ++i) v.push_back((Packed(rng() % 40) << 32) | (3000 - i));
  std::vector<Packed> expected = v;
  std::stable_sort(expected.begin(), expected.end(),
                   [](Packed a, Packed b) { return (a >> 32) < (b >> 32); });
  RadixSort(v, scratch, /*ignored_bits=*/32);
  EXPECT_TRUE(v == expected);
  // A few entries take the comparison path, with the same meaning.
  std::vector<Packed> small(v.rbegin(), v.rbegin() + 100);
  std::vector<Packed> small_expected = small;
  std::stable_sort(small_expected.begin(), small_expected.end(),
                   [](Packed a, Packed b) { return (a >> 32) < (b >> 32); });
  RadixSort(small, scratch, 32);
  EXPECT_TRUE(small == small_expected);
}

// An entry larger than its key, as the bulk loader's, which takes the
// compact-key path when the differing key bits and a position fit in 64
// and that saves passes.
struct Entry {
  Packed key;
  uint32_t a, b, c, d;
};
Packed RadixKey(const Entry& e) { return e.key; }

bool SameEntries(const std::vector<Entry>& x, const std::vector<Entry>& y) {
  return x.size() == y.size() &&
         std::equal(x.begin(), x.end(), y.begin(), [](const Entry& p, const Entry& q) {
           return p.key == q.key && p.a == q.a && p.b == q.b && p.c == q.c && p.d == q.d;
         });
}

// Sorts a copy of `v` both ways and compares, payload included.
void ExpectSortedLikeStableSort(std::vector<Entry> v, int ignored_bits) {
  std::vector<Entry> expected = v, scratch;
  std::stable_sort(expected.begin(), expected.end(), [&](const Entry& x, const Entry& y) {
    return (x.key >> ignored_bits) < (y.key >> ignored_bits);
  });
  RadixSort(v, scratch, ignored_bits);
  EXPECT_TRUE(SameEntries(v, expected)) << "ignored bits " << ignored_bits;
}

TEST(RadixSort, LargeEntriesSortByCompactKeysStably) {
  std::mt19937_64 rng(11);
  std::vector<Entry> v;
  for (uint32_t i = 0; i < 40000; ++i) {
    // (subject, type, object, index) as the statements: gaps of constant
    // bits inside and between the fields, repeats, payload to carry along.
    const uint32_t s = 1 + rng() % 100000, t = 1 + rng() % 9, o = (rng() % 100000) << 3;
    v.push_back({(Packed((uint64_t(s) << 32) | t) << 64) | ((uint64_t(o) << 32) | i), i,
                 uint32_t(rng()), 7, i * 3});
  }
  ExpectSortedLikeStableSort(v, 32);  // The index in order, ignored: compact keys.
  ExpectSortedLikeStableSort(v, 0);   // 70 bits with the position: by bytes.
  ExpectSortedLikeStableSort(v, 64);  // Subject and type only: stability shows.
  ExpectSortedLikeStableSort(v, 96);
}

TEST(RadixSort, LargeEntriesWithWideKeysTakeTheBytePath) {
  // Random bits everywhere: the key bits that differ do not fit in 64.
  std::mt19937_64 rng(13);
  std::vector<Entry> v;
  for (uint32_t i = 0; i < 5000; ++i)
    v.push_back({(Packed(rng()) << 64) | (rng() % 8 == 0 ? 42 : rng()), i, 0, 0, 0});
  ExpectSortedLikeStableSort(v, 0);
  ExpectSortedLikeStableSort(v, 8);
  // All keys equal: nothing moves.
  std::vector<Entry> same;
  for (uint32_t i = 0; i < 1000; ++i) same.push_back({Packed(5) << 70, i, 0, 0, 0});
  ExpectSortedLikeStableSort(same, 0);
}

}  // namespace
}  // namespace quiver::graph
