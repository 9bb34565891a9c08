// Helpers shared by tests: temporary directories and running the CLI.

#ifndef QUIVER_TESTS_TEST_SUPPORT_H_
#define QUIVER_TESTS_TEST_SUPPORT_H_

#include <string>
#include <utility>

#include "quiver/graph_types.h"

namespace quiver::testing {

// A fresh directory under the test's temporary root, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// subject -relation-> object with every other field at its default (brace
// initialisation would name only the first three members, and
// -Wmissing-field-initializers says so).
inline Triple MakeTriple(std::string subject, std::string relation, std::string object) {
  Triple t;
  t.subject = std::move(subject);
  t.relation = std::move(relation);
  t.object = std::move(object);
  return t;
}

void WriteFile(const std::string& path, const std::string& content);
std::string ReadFile(const std::string& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs `command` through /bin/sh with stdin from `input`.
CommandResult RunCommand(const std::string& command, const std::string& input = "");

// Loads `url` in headless Chromium (every background service off, a fresh
// profile), with the page's DOM after its scripts on stdout and console
// messages on stderr. False, without running anything, where
// /usr/bin/chromium is not installed.
bool RunHeadlessChromium(const std::string& url, CommandResult* result);

// The path of the built `quiver` program.
std::string QuiverBinary();

// Runs the built `quiver` with `args` (a shell command line), as RunCommand.
CommandResult RunQuiver(const std::string& args, const std::string& input = "");

// The path of examples/NAME in the source tree.
std::string ExampleFile(const std::string& name);

// `quiver load STORE examples/triples.tsv`, a failed assertion if it fails.
void LoadExampleTriples(const std::string& store);

}  // namespace quiver::testing

#endif  // QUIVER_TESTS_TEST_SUPPORT_H_
