// The bookkeeping of a TCK run: which files, which folder each counts under,
// per-folder tallies, floors and tiers.

#ifndef QUIVER_TESTS_TCK_SUITE_H_
#define QUIVER_TESTS_TCK_SUITE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace quiver::tck {

struct FeatureFile {
  std::string path;    // As found.
  std::string folder;  // Relative to the argument it came from ("clauses/match").
  std::string relative;  // The file relative to that argument.
};

// *.feature files under each path (files given directly count under their
// parent folder's name), sorted by path. Errors: kNotFound for a path that
// does not exist.
absl::StatusOr<std::vector<FeatureFile>> CollectFeatureFiles(
    const std::vector<std::string>& paths);

struct Tally {
  int64_t passed = 0, failed = 0, skipped = 0;
  int64_t total() const { return passed + failed + skipped; }
};

// "<folder> <min passed>" per line; '#' starts a comment.
// Errors: kInvalidArgument naming the line.
absl::StatusOr<std::map<std::string, int64_t>> ParseFloors(std::string_view text);

// One message per folder whose passed count is below its floor (a folder
// with a floor and no scenarios counts as 0 passed).
std::vector<std::string> CheckFloors(const std::map<std::string, int64_t>& floors,
                                     const std::map<std::string, Tally>& tallies);

// Reads the tier lists of the shared TCK README: under a "## Tier N" heading,
// lines "- `path/File.feature` (n)". Returns path -> "Tier N".
std::map<std::string, std::string> ParseTiers(std::string_view readme);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_SUITE_H_
