// quiver-tck: runs openCypher TCK feature files against Quiver's query engine.
//
//   quiver-tck [--verbose] [--filter TEXT] [--list-failures FILE]
//              [--floor FILE] [--timeout SECONDS] [--no-fork] [--run-tagged]
//              [--graphs DIR] [--tiers README] [--markdown FILE] PATH...
//
// Prints each failing scenario with its reason, a per-folder and per-tier
// summary (also as Markdown tables with --markdown, for docs/conformance.md),
// and ends with "N passed, N failed, N skipped (of N)".
// Exit: 0 (with --floor: every floor met; without: nothing failed), 1
// otherwise, 2 for bad usage, 77 (ctest's skip) when a PATH does not exist or
// the build has no query engine.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "tests/tck/engine.h"
#include "tests/tck/gherkin.h"
#include "tests/tck/isolation.h"
#include "tests/tck/runner.h"
#include "tests/tck/suite.h"

namespace quiver::tck {
namespace {

constexpr int kSkipExit = 77;

struct Args {
  bool verbose = false;
  bool fork = true;
  bool run_tagged = false;
  double timeout = 10;
  std::string filter, list_failures, floor, graphs, tiers, markdown;
  std::vector<std::string> paths;
};

void Usage() {
  std::cerr << "usage: quiver-tck [--verbose] [--filter TEXT] [--list-failures FILE]\n"
               "                  [--floor FILE] [--timeout SECONDS] [--no-fork] [--run-tagged]\n"
               "                  [--graphs DIR] [--tiers README] [--markdown FILE]\n"
               "                  PATH...\n";
}

bool ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    if (arg == "--verbose" || arg == "-v") {
      a->verbose = true;
    } else if (arg == "--no-fork") {
      a->fork = false;
    } else if (arg == "--run-tagged") {
      a->run_tagged = true;
    } else if (arg == "--filter") {
      if (!value(&a->filter)) return false;
    } else if (arg == "--list-failures") {
      if (!value(&a->list_failures)) return false;
    } else if (arg == "--floor") {
      if (!value(&a->floor)) return false;
    } else if (arg == "--graphs") {
      if (!value(&a->graphs)) return false;
    } else if (arg == "--tiers") {
      if (!value(&a->tiers)) return false;
    } else if (arg == "--markdown") {
      if (!value(&a->markdown)) return false;
    } else if (arg == "--timeout") {
      std::string t;
      if (!value(&t) || !absl::SimpleAtod(t, &a->timeout) || a->timeout <= 0) return false;
    } else if (arg == "--help" || arg == "-h") {
      return false;
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "quiver-tck: unknown option " << arg << "\n";
      return false;
    } else {
      a->paths.push_back(arg);
    }
  }
  return !a->paths.empty();
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The tier README: given, or README.md beside a features folder argument.
std::map<std::string, std::string> LoadTiers(const Args& a) {
  std::vector<std::string> candidates;
  if (!a.tiers.empty()) candidates.push_back(a.tiers);
  for (const auto& p : a.paths) {
    candidates.push_back((std::filesystem::path(p) / ".." / "README.md").string());
  }
  for (const auto& c : candidates) {
    if (auto text = ReadFile(c)) {
      auto tiers = ParseTiers(*text);
      if (!tiers.empty()) return tiers;
    }
  }
  return {};
}

std::string Percent(const Tally& t) {
  if (t.total() == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(t.passed) /
                                               static_cast<double>(t.total()));
  return buf;
}

void WriteMarkdown(const std::string& path, const std::map<std::string, Tally>& by_folder,
                   const std::map<std::string, Tally>& by_tier, const Tally& total) {
  std::ofstream out(path);
  auto row = [&](const std::string& name, const Tally& t) {
    out << "| " << name << " | " << t.passed << " | " << t.failed << " | " << t.skipped
        << " | " << t.total() << " | " << Percent(t) << " |\n";
  };
  auto table = [&](const char* what, const std::map<std::string, Tally>& rows) {
    out << "| " << what << " | passed | failed | skipped | total | pass rate |\n"
        << "|---|---:|---:|---:|---:|---:|\n";
    for (const auto& [name, t] : rows) row(name, t);
    row("**all**", total);
  };
  if (!by_tier.empty()) {
    table("tier", by_tier);
    out << "\n";
  }
  table("folder", by_folder);
}

int Main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    Usage();
    return 2;
  }
  std::map<std::string, int64_t> floors;
  if (!args.floor.empty()) {
    auto text = ReadFile(args.floor);
    if (!text) {
      std::cerr << "quiver-tck: cannot read floor file " << args.floor << "\n";
      return 2;
    }
    auto parsed = ParseFloors(*text);
    if (!parsed.ok()) {
      std::cerr << "quiver-tck: " << args.floor << ": " << parsed.status().message() << "\n";
      return 2;
    }
    floors = std::move(*parsed);
  }
  auto files = CollectFeatureFiles(args.paths);
  if (!files.ok()) {
    std::cerr << "quiver-tck: " << files.status().message() << " (nothing to run)\n";
    return kSkipExit;
  }
  // A build without the query engine can only skip; say so to ctest rather
  // than fail every floor.
  bool no_engine = false;
  if (!HaveQueryEngine()) {
    std::cout << "quiver-tck: this build has no query engine; every scenario is skipped\n";
    no_engine = true;
  }
  auto tiers = LoadTiers(args);
  RunnerConfig config;
  config.graphs_dir = args.graphs;
  config.run_tagged = args.run_tagged;

  std::map<std::string, Tally> by_folder, by_tier;
  Tally total;
  int64_t details_missed = 0;
  std::vector<std::string> failures;
  int store_number = 0;
  for (const FeatureFile& file : *files) {
    std::string tier;
    for (const auto& [path, t] : tiers) {
      if (file.relative == path ||
          (file.path.size() >= path.size() &&
           file.path.compare(file.path.size() - path.size(), path.size(), path) == 0)) {
        tier = t;
      }
    }
    auto count = [&](Verdict v) {
      for (Tally* t : {&total, &by_folder[file.folder], tier.empty() ? nullptr : &by_tier[tier]}) {
        if (t == nullptr) continue;
        (v == Verdict::kPass ? t->passed : v == Verdict::kFail ? t->failed : t->skipped)++;
      }
    };
    auto text = ReadFile(file.path);
    absl::StatusOr<std::vector<Scenario>> scenarios =
        absl::InvalidArgumentError(absl::StrCat(file.path, ": cannot read"));
    if (text) {
      auto feature = ParseFeature(*text, file.path);
      scenarios = feature.ok() ? ExpandFeature(*feature) : feature.status();
    }
    if (!scenarios.ok()) {
      std::cout << "FAIL " << file.relative << ": " << scenarios.status().message() << "\n";
      failures.push_back(file.relative);
      count(Verdict::kFail);
      continue;
    }
    for (const Scenario& s : *scenarios) {
      std::string id = absl::StrCat(file.relative, ":", s.line, " ", s.name);
      if (!args.filter.empty() && id.find(args.filter) == std::string::npos) continue;
      int n = ++store_number;
      auto factory = [n]() { return OpenQuiverEngine(n); };
      auto run = [&]() { return RunScenario(s, factory, config); };
      Outcome o = args.fork ? RunIsolated(run, args.timeout) : run();
      count(o.verdict);
      if (o.detail_missed) ++details_missed;
      if (o.verdict == Verdict::kFail) {
        std::cout << "FAIL " << id << ": " << o.reason << "\n";
        failures.push_back(id);
      } else if (args.verbose) {
        std::cout << (o.verdict == Verdict::kPass ? "PASS " : "SKIP ") << id
                  << (o.reason.empty() ? "" : ": " + o.reason) << "\n";
      }
      std::cout.flush();
    }
  }

  std::cout << "\nBy folder (passed/total):\n";
  for (const auto& [folder, t] : by_folder) {
    std::cout << "  " << folder << ": " << t.passed << "/" << t.total();
    if (t.skipped > 0) std::cout << " (" << t.skipped << " skipped)";
    std::cout << "\n";
  }
  if (!by_tier.empty()) {
    std::cout << "By tier (passed/total):\n";
    for (const auto& [tier, t] : by_tier) {
      std::cout << "  " << tier << ": " << t.passed << "/" << t.total() << "\n";
    }
  }
  if (details_missed > 0) {
    std::cout << "Expected errors whose detail code was not in the message: " << details_missed
              << "\n";
  }
  if (!args.markdown.empty()) WriteMarkdown(args.markdown, by_folder, by_tier, total);
  if (!args.list_failures.empty()) {
    std::ofstream out(args.list_failures);
    for (const auto& f : failures) out << f << "\n";
  }
  if (!args.filter.empty() && !floors.empty()) {
    // Floors count whole folders; a filtered run cannot be held to them.
    std::cout << "(--filter given: floors not checked)\n";
    floors.clear();
  }
  std::vector<std::string> below = CheckFloors(floors, by_folder);
  for (const auto& b : below) std::cout << "BELOW FLOOR " << b << "\n";
  std::cout << total.passed << " passed, " << total.failed << " failed, " << total.skipped
            << " skipped (of " << total.total() << ")" << std::endl;
  if (no_engine) return kSkipExit;
  if (!args.floor.empty()) return below.empty() ? 0 : 1;
  return total.failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace quiver::tck

int main(int argc, char** argv) { return quiver::tck::Main(argc, argv); }
