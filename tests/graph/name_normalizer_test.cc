#include "graph/name_normalizer.h"

#include "gtest/gtest.h"

namespace quiver::graph {
namespace {

TEST(NameNormalizer, IgnoresCaseAccentsAndWhiteSpace) {
  std::string key = NormalizeName("François Hollande");
  EXPECT_EQ(key, "francois hollande");
  EXPECT_EQ(NormalizeName("Francois Hollande"), key);
  EXPECT_EQ(NormalizeName("FRANÇOIS  HOLLANDE"), key);
  EXPECT_EQ(NormalizeName("  françois\tHollande \n"), key);
}

TEST(NameNormalizer, FoldsCompatibilityFormsAndNonLatinCase) {
  EXPECT_EQ(NormalizeName("Straße"), NormalizeName("STRASSE"));
  EXPECT_EQ(NormalizeName("ＡＢＣ"), "abc");  // full-width letters
  EXPECT_EQ(NormalizeName("ПУТИН"), NormalizeName("путин"));
}

TEST(NameNormalizer, KeepsDistinctNamesDistinct) {
  EXPECT_NE(NormalizeName("Assad"), NormalizeName("Asad"));
  EXPECT_NE(NormalizeName("al-Assad"), NormalizeName("al Assad"));
}

}  // namespace
}  // namespace quiver::graph
