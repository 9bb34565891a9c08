// Tab completion for the shell: query-language keywords (from
// grammar/keywords.txt, embedded at build time), the store's labels and
// relationship types, and meta command names after a leading ':'.

#ifndef QUIVER_CLI_SHELL_COMPLETION_H_
#define QUIVER_CLI_SHELL_COMPLETION_H_

#include <string>
#include <string_view>
#include <vector>

namespace quiver::cli::shell {

// The keyword list the grammar is generated from, upper case, in file order.
const std::vector<std::string>& Keywords();

class Completer {
 public:
  Completer();

  // Replaces the store's names (labels and relationship types).
  void SetSchema(std::vector<std::string> labels, std::vector<std::string> types);

  // Candidates for the word `word` that starts at byte `start` of `line`,
  // sorted and unique; prefixes match ignoring case. A word after ':' at the
  // start of a line completes meta commands; after ':' elsewhere (n:Per,
  // [:mayor_of]) labels and relationship types; otherwise keywords (in the
  // case the word is typed in: "ma" gives "match"), labels and types.
  std::vector<std::string> Complete(std::string_view line, size_t start,
                                    std::string_view word) const;

 private:
  std::vector<std::string> labels_;
  std::vector<std::string> types_;
};

}  // namespace quiver::cli::shell

#endif  // QUIVER_CLI_SHELL_COMPLETION_H_
