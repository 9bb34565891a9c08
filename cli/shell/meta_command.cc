#include "cli/shell/meta_command.h"

#include <algorithm>
#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "util/strings.h"

namespace quiver::cli::shell {

namespace {

struct CommandInfo {
  const char* name;
  const char* usage;
  const char* help;
};

constexpr CommandInfo kCommands[] = {
    {"help", ":help", "this list"},
    {"schema", ":schema", "labels and relationship types, with counts"},
    {"stats", ":stats", "how many nodes, edges, documents and evidence the store holds"},
    {"why", ":why EDGE_ID", "the evidence of an edge: document, sentence index and text"},
    {"diagram", ":diagram FILE", "draw the last statement's result (.svg, .png, .pdf, .dot, .html)"},
    {"format", ":format table|csv|json|jsonl", "how rows are printed"},
    {"timing", ":timing on|off", "print the time each statement took"},
    {"param", ":param NAME VALUE", "set $NAME for later statements (JSON or text; no VALUE: unset)"},
    {"params", ":params [clear]", "list the parameters set (or drop them all)"},
    {"read", ":read FILE", "run the statements and commands in FILE"},
    {"width", ":width N|auto|off", "cut table columns to fit N columns (auto: the terminal's)"},
    {"maxrows", ":maxrows N|off", "print at most N rows of a result, then how many were left out"},
    {"quit", ":quit", "leave the shell (also :exit, Ctrl-D)"},
};

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

bool IsMetaCommand(std::string_view line) {
  line = TrimSpace(line);
  return !line.empty() && line.front() == ':';
}

absl::StatusOr<MetaCommand> ParseMetaCommand(std::string_view line) {
  line = TrimSpace(line);
  if (line.empty() || line.front() != ':') {
    return absl::InvalidArgumentError("a meta command starts with ':' (try :help)");
  }
  line.remove_prefix(1);
  if (!line.empty() && line.back() == ';') line = TrimSpace(line.substr(0, line.size() - 1));
  size_t space = 0;
  while (space < line.size() && !std::isspace(static_cast<unsigned char>(line[space]))) ++space;
  std::string name = absl::AsciiStrToLower(util::Absl(line.substr(0, space)));
  std::string_view arg = TrimSpace(line.substr(space));
  auto no_argument = [&](MetaCommand::Kind kind) -> absl::StatusOr<MetaCommand> {
    if (!arg.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(":", name, " takes no argument"));
    }
    MetaCommand c;
    c.kind = kind;
    return c;
  };
  MetaCommand c;
  if (name == "help" || name == "h" || name == "?") return no_argument(MetaCommand::Kind::kHelp);
  if (name == "schema") return no_argument(MetaCommand::Kind::kSchema);
  if (name == "stats") return no_argument(MetaCommand::Kind::kStats);
  if (name == "quit" || name == "exit" || name == "q") return no_argument(MetaCommand::Kind::kQuit);
  if (name == "why") {
    c.kind = MetaCommand::Kind::kWhy;
    if (arg.empty() || !absl::SimpleAtoi(util::Absl(arg), &c.edge)) {
      return absl::InvalidArgumentError(
          absl::StrCat("usage: :why EDGE_ID (an edge's id, e.g. from RETURN id(r)); got '",
                       util::Absl(arg), "'"));
    }
    return c;
  }
  if (name == "diagram") {
    c.kind = MetaCommand::Kind::kDiagram;
    if (arg.empty()) {
      return absl::InvalidArgumentError(
          "usage: :diagram FILE (FILE.svg, .png, .pdf, .dot or .html)");
    }
    c.file = std::string(arg);
    return c;
  }
  if (name == "format") {
    c.kind = MetaCommand::Kind::kFormat;
    c.format = absl::AsciiStrToLower(util::Absl(arg));
    if (c.format != "table" && c.format != "csv" && c.format != "json" && c.format != "jsonl") {
      return absl::InvalidArgumentError(
          absl::StrCat("usage: :format table|csv|json|jsonl; got '", util::Absl(arg), "'"));
    }
    return c;
  }
  if (name == "timing") {
    c.kind = MetaCommand::Kind::kTiming;
    std::string v = absl::AsciiStrToLower(util::Absl(arg));
    if (v == "on") {
      c.timing = true;
    } else if (v == "off") {
      c.timing = false;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("usage: :timing on|off; got '", util::Absl(arg), "'"));
    }
    return c;
  }
  if (name == "param") {
    c.kind = MetaCommand::Kind::kParam;
    size_t end = 0;
    while (end < arg.size() && !std::isspace(static_cast<unsigned char>(arg[end]))) ++end;
    c.name = std::string(arg.substr(0, end));
    if (!c.name.empty() && c.name.front() == '$') c.name.erase(0, 1);
    bool valid = !c.name.empty() && !std::isdigit(static_cast<unsigned char>(c.name.front()));
    for (char ch : c.name) valid = valid && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_');
    if (!valid) {
      return absl::InvalidArgumentError(absl::StrCat(
          "usage: :param NAME VALUE (NAME letters, digits and _; VALUE JSON such as 42, "
          "\"text\", [1, 2] or {\"$date\": \"2016-10-11\"}, else taken as text); got '",
          util::Absl(arg), "'"));
    }
    c.value = std::string(TrimSpace(arg.substr(end)));
    return c;
  }
  if (name == "params") {
    c.kind = MetaCommand::Kind::kParams;
    std::string v = absl::AsciiStrToLower(util::Absl(arg));
    if (v == "clear") {
      c.clear = true;
    } else if (!v.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("usage: :params [clear]; got '", util::Absl(arg), "'"));
    }
    return c;
  }
  if (name == "read") {
    c.kind = MetaCommand::Kind::kRead;
    if (arg.empty()) return absl::InvalidArgumentError("usage: :read FILE");
    c.file = std::string(arg);
    return c;
  }
  if (name == "width" || name == "maxrows") {
    const bool width = name == "width";
    c.kind = width ? MetaCommand::Kind::kWidth : MetaCommand::Kind::kMaxRows;
    std::string v = absl::AsciiStrToLower(util::Absl(arg));
    if (v == "off") {
      c.number = 0;
    } else if (width && v == "auto") {
      c.automatic = true;
    } else if (!absl::SimpleAtoi(v, &c.number) || c.number == 0 ||
               (width && c.number < 10)) {
      return absl::InvalidArgumentError(absl::StrCat(
          width ? "usage: :width N|auto|off (N at least 10)" : "usage: :maxrows N|off (N at least 1)",
          "; got '", util::Absl(arg), "'"));
    }
    return c;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown command ':", name, "' (:help lists the commands)"));
}

std::string MetaCommandHelp() {
  std::string out =
      "Statements end with ';' and may span lines. Meta commands:\n";
  for (const CommandInfo& c : kCommands) {
    std::string usage = c.usage;
    usage.resize(std::max<size_t>(usage.size(), 32), ' ');
    absl::StrAppend(&out, "  ", usage, c.help, "\n");
  }
  return out;
}

const std::vector<std::string>& MetaCommandNames() {
  static const auto* names = [] {
    auto* v = new std::vector<std::string>;
    for (const CommandInfo& c : kCommands) v->push_back(c.name);
    return v;
  }();
  return *names;
}

}  // namespace quiver::cli::shell
