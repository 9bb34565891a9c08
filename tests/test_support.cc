#include "tests/test_support.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"

namespace quiver::testing {

TempDir::TempDir() {
  std::string base = ::testing::TempDir();
  if (base.empty() || base.back() != '/') base += "/";
  std::string tmpl = base + "quiver-test-XXXXXX";
  char* made = ::mkdtemp(tmpl.data());
  EXPECT_NE(made, nullptr) << "mkdtemp failed for " << tmpl;
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult RunCommand(const std::string& command, const std::string& input) {
  TempDir dir;
  std::string in = dir.Sub("in"), out = dir.Sub("out"), err = dir.Sub("err");
  WriteFile(in, input);
  std::string full = "(" + command + ") <" + in + " >" + out + " 2>" + err;
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

std::string QuiverBinary() { return std::string(QUIVER_BINARY_DIR) + "/cli/quiver"; }

CommandResult RunQuiver(const std::string& args, const std::string& input) {
  return RunCommand(QuiverBinary() + " " + args, input);
}

std::string ExampleFile(const std::string& name) {
  return std::string(QUIVER_SOURCE_DIR) + "/examples/" + name;
}

void LoadExampleTriples(const std::string& store) {
  CommandResult r = RunQuiver("load " + store + " " + ExampleFile("triples.tsv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

bool RunHeadlessChromium(const std::string& url, CommandResult* result) {
  if (access("/usr/bin/chromium", X_OK) != 0) return false;
  TempDir profile;
  *result = RunCommand(
      "/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
      "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
      profile.path() + " --enable-logging=stderr --v=0 --dump-dom '" + url + "'");
  return true;
}

}  // namespace quiver::testing
