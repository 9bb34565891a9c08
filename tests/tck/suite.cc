#include "tests/tck/suite.h"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "util/strings.h"

namespace quiver::tck {
namespace fs = std::filesystem;

absl::StatusOr<std::vector<FeatureFile>> CollectFeatureFiles(
    const std::vector<std::string>& paths) {
  std::vector<FeatureFile> out;
  for (const std::string& arg : paths) {
    std::error_code ec;
    fs::path root(arg);
    if (fs::is_regular_file(root, ec)) {
      std::string folder = root.parent_path().filename().string();
      out.push_back({arg, folder.empty() ? "." : folder, root.filename().string()});
      continue;
    }
    if (!fs::is_directory(root, ec)) {
      return absl::NotFoundError(absl::StrCat(arg, ": no such file or folder"));
    }
    std::vector<FeatureFile> found;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file() || it->path().extension() != ".feature") continue;
      fs::path rel = fs::relative(it->path(), root, ec);
      std::string folder = rel.parent_path().generic_string();
      found.push_back({it->path().string(), folder.empty() ? "." : folder,
                       rel.generic_string()});
    }
    if (ec) return absl::UnavailableError(absl::StrCat(arg, ": ", ec.message()));
    std::sort(found.begin(), found.end(),
              [](const FeatureFile& a, const FeatureFile& b) { return a.path < b.path; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

absl::StatusOr<std::map<std::string, int64_t>> ParseFloors(std::string_view text) {
  std::map<std::string, int64_t> floors;
  std::istringstream in{std::string(text)};
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    std::string folder, count, extra;
    if (!(words >> folder)) continue;
    int64_t n = 0;
    if (!(words >> count) || !absl::SimpleAtoi(count, &n) || n < 0 || (words >> extra)) {
      return absl::InvalidArgumentError(
          absl::StrCat("floor line ", lineno, ": expected '<folder> <min passed>'"));
    }
    floors[folder] = n;
  }
  return floors;
}

std::vector<std::string> CheckFloors(const std::map<std::string, int64_t>& floors,
                                     const std::map<std::string, Tally>& tallies) {
  std::vector<std::string> out;
  for (const auto& [folder, floor] : floors) {
    auto it = tallies.find(folder);
    int64_t passed = it == tallies.end() ? 0 : it->second.passed;
    if (passed < floor) {
      out.push_back(absl::StrCat(folder, ": ", passed, " passed, below the floor of ", floor));
    }
  }
  return out;
}

std::map<std::string, std::string> ParseTiers(std::string_view readme) {
  std::map<std::string, std::string> tiers;
  static const std::regex kHeading(R"(^##\s+(Tier\s+\d+))");
  static const std::regex kItem(R"(^-\s+`([^`]+\.feature)`)");
  std::istringstream in{std::string(readme)};
  std::string line, tier;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, kHeading)) {
      tier = std::regex_replace(m[1].str(), std::regex(R"(\s+)"), " ");
    } else if (line.rfind("#", 0) == 0) {
      tier.clear();
    } else if (!tier.empty() && std::regex_search(line, m, kItem)) {
      tiers[m[1].str()] = tier;
    }
  }
  return tiers;
}

}  // namespace quiver::tck
