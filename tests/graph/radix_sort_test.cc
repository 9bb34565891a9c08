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

}  // namespace
}  // namespace quiver::graph
