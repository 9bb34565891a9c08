// The library's version agrees with the headers' macros and the CLI's.

#include "quiver/version.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

TEST(Version, TheLinkedLibraryMatchesTheHeaders) {
  EXPECT_EQ(std::string(Version()), absl::StrCat(QUIVER_VERSION_MAJOR, ".", QUIVER_VERSION_MINOR,
                                                 ".", QUIVER_VERSION_PATCH));
}

TEST(Version, TheProgramPrintsIt) {
  testing::CommandResult r = testing::RunQuiver("--version");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, absl::StrCat("quiver ", Version(), "\n"));
}

}  // namespace
}  // namespace quiver
