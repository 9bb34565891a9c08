#include "tests/tck/gherkin.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "util/strings.h"

namespace quiver::tck {
namespace {

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  size_t e = s.size();
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "Keyword: rest" -> rest, when `s` starts with one of `keywords` + ':'.
std::optional<std::string> Header(std::string_view s,
                                  std::initializer_list<std::string_view> keywords) {
  for (std::string_view k : keywords) {
    if (StartsWith(s, k) && s.size() > k.size() && s[k.size()] == ':') {
      return std::string(Trim(s.substr(k.size() + 1)));
    }
  }
  return std::nullopt;
}

std::vector<std::string> SplitTags(std::string_view s) {
  std::vector<std::string> tags;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i < s.size() && s[i] == '#') break;  // Trailing comment.
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) tags.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return tags;
}

class Parser {
 public:
  Parser(std::string_view text, std::string path) : path_(std::move(path)) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      lines_.push_back(text.substr(start, nl - start));
      start = nl + 1;
    }
  }

  absl::StatusOr<Feature> Parse() {
    Feature feature;
    feature.path = path_;
    std::vector<std::string> pending_tags;
    // Where steps go: the background, the current scenario, or nowhere yet.
    std::vector<Step>* steps = nullptr;
    Examples* examples = nullptr;  // The Examples block being read, if any.
    bool seen_feature = false;
    for (i_ = 0; i_ < lines_.size(); ++i_) {
      std::string_view line = Trim(lines_[i_]);
      int lineno = static_cast<int>(i_) + 1;
      if (line.empty() || line[0] == '#') continue;
      if (line[0] == '@') {
        auto t = SplitTags(line);
        pending_tags.insert(pending_tags.end(), t.begin(), t.end());
        continue;
      }
      if (auto name = Header(line, {"Feature"})) {
        if (seen_feature) return Error(lineno, "a second Feature");
        seen_feature = true;
        feature.name = *name;
        feature.tags = std::exchange(pending_tags, {});
        steps = nullptr;
        continue;
      }
      if (Header(line, {"Background"})) {
        if (!seen_feature) return Error(lineno, "Background before Feature");
        steps = &feature.background;
        examples = nullptr;
        continue;
      }
      if (auto name = Header(line, {"Scenario Outline", "Scenario Template"})) {
        if (!seen_feature) return Error(lineno, "Scenario before Feature");
        StartScenario(&feature, *name, lineno, true, &pending_tags);
        steps = &feature.scenarios.back().steps;
        examples = nullptr;
        continue;
      }
      if (auto name = Header(line, {"Scenario", "Example"})) {
        if (!seen_feature) return Error(lineno, "Scenario before Feature");
        StartScenario(&feature, *name, lineno, false, &pending_tags);
        steps = &feature.scenarios.back().steps;
        examples = nullptr;
        continue;
      }
      if (Header(line, {"Examples", "Scenarios"})) {
        if (feature.scenarios.empty() || !feature.scenarios.back().outline) {
          return Error(lineno, "Examples outside a Scenario Outline");
        }
        Examples ex;
        ex.line = lineno;
        ex.tags = std::exchange(pending_tags, {});
        feature.scenarios.back().examples.push_back(std::move(ex));
        examples = &feature.scenarios.back().examples.back();
        steps = nullptr;
        continue;
      }
      if (line[0] == '|') {
        if (examples != nullptr) {
          examples->table.push_back(SplitTableRow(line));
          examples->row_lines.push_back(lineno);
          if (examples->table.back().size() != examples->table.front().size()) {
            return Error(lineno, "Examples row has a different number of cells than its header");
          }
          continue;
        }
        if (steps == nullptr || steps->empty()) return Error(lineno, "a table outside a step");
        Step& step = steps->back();
        if (step.doc_string) return Error(lineno, "a step with both a doc string and a table");
        if (!step.table) step.table.emplace();
        step.table->push_back(SplitTableRow(line));
        continue;
      }
      if (StartsWith(line, "\"\"\"") || StartsWith(line, "```")) {
        if (steps == nullptr || steps->empty()) return Error(lineno, "a doc string outside a step");
        Step& step = steps->back();
        if (step.doc_string || step.table) return Error(lineno, "a second argument to a step");
        auto doc = ReadDocString(line);
        if (!doc.ok()) return doc.status();
        step.doc_string = std::move(*doc);
        continue;
      }
      if (auto step = ParseStep(line, lineno)) {
        if (steps == nullptr) return Error(lineno, "a step outside a Scenario or Background");
        steps->push_back(std::move(*step));
        continue;
      }
      // Free text: allowed as the description right after a header.
      if (steps != nullptr && !steps->empty()) {
        return Error(lineno, absl::StrCat("unexpected text '", util::Absl(line), "'"));
      }
    }
    if (!seen_feature) return Error(1, "no Feature");
    return feature;
  }

 private:
  void StartScenario(Feature* feature, const std::string& name, int line, bool outline,
                     std::vector<std::string>* tags) {
    ScenarioDef def;
    def.name = name;
    def.line = line;
    def.outline = outline;
    def.tags = std::exchange(*tags, {});
    feature->scenarios.push_back(std::move(def));
  }

  std::optional<Step> ParseStep(std::string_view line, int lineno) {
    for (std::string_view k : {"Given", "When", "Then", "And", "But", "*"}) {
      if (StartsWith(line, k) && (line.size() == k.size() || line[k.size()] == ' ')) {
        Step step;
        step.keyword = std::string(k);
        step.text = std::string(Trim(line.substr(k.size())));
        step.line = lineno;
        return step;
      }
    }
    return std::nullopt;
  }

  // Reads from the opening delimiter at lines_[i_] to the closing one, and
  // leaves i_ on the closing line. Content lines lose the opening line's
  // indentation, as Gherkin specifies.
  absl::StatusOr<std::string> ReadDocString(std::string_view open) {
    std::string_view raw = lines_[i_];
    size_t indent = raw.find_first_not_of(" \t");
    std::string_view delim = open.substr(0, 3);
    int start_line = static_cast<int>(i_) + 1;
    std::string out;
    bool first = true;
    for (++i_; i_ < lines_.size(); ++i_) {
      std::string_view l = lines_[i_];
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      if (Trim(l) == delim) return out;
      size_t strip = 0;
      while (strip < indent && strip < l.size() && (l[strip] == ' ' || l[strip] == '\t')) {
        ++strip;
      }
      if (!first) out += '\n';
      first = false;
      std::string content(l.substr(strip));
      // An escaped delimiter inside the doc string.
      for (size_t p; (p = content.find(delim == "```" ? "\\`\\`\\`" : "\\\"\\\"\\\"")) !=
                     std::string::npos;) {
        content.replace(p, 6, std::string(delim));
      }
      out += content;
    }
    return Error(start_line, "unterminated doc string");
  }

  absl::Status Error(int line, std::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat(path_, ":", line, ": ", util::Absl(what)));
  }

  std::string path_;
  std::vector<std::string_view> lines_;
  size_t i_ = 0;
};

}  // namespace

std::vector<std::string> SplitTableRow(std::string_view line) {
  std::vector<std::string> cells;
  line = Trim(line);
  if (line.empty() || line[0] != '|') return cells;
  std::string cell;
  bool open = false;  // Inside a cell, i.e. after a '|'.
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '|') {
      if (open) cells.emplace_back(Trim(cell));
      cell.clear();
      open = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      char n = line[i + 1];
      if (n == '|') {
        cell += '|';
        ++i;
      } else if (n == '\\') {
        cell += '\\';
        ++i;
      } else if (n == 'n') {
        cell += '\n';
        ++i;
      } else {
        cell += c;  // Gherkin keeps other backslashes as written.
      }
    } else {
      cell += c;
    }
  }
  // Text after the last '|' is not a cell (a row always ends with '|').
  return cells;
}

std::string SubstitutePlaceholders(std::string_view text,
                                   const std::vector<std::string>& header,
                                   const std::vector<std::string>& row) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      size_t close = text.find('>', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (size_t c = 0; c < header.size() && c < row.size(); ++c) {
          if (header[c] == name) {
            out += row[c];
            i = close + 1;
            replaced = true;
            break;
          }
        }
        if (replaced) continue;
      }
    }
    out += text[i++];
  }
  return out;
}

absl::StatusOr<Feature> ParseFeature(std::string_view text, std::string path) {
  return Parser(text, std::move(path)).Parse();
}

absl::StatusOr<std::vector<Scenario>> ExpandFeature(const Feature& feature) {
  std::vector<Scenario> out;
  auto base = [&](const ScenarioDef& def) {
    Scenario s;
    s.path = feature.path;
    s.name = def.name;
    s.line = def.line;
    s.tags = feature.tags;
    s.tags.insert(s.tags.end(), def.tags.begin(), def.tags.end());
    s.steps = feature.background;
    return s;
  };
  for (const ScenarioDef& def : feature.scenarios) {
    if (!def.outline) {
      Scenario s = base(def);
      s.steps.insert(s.steps.end(), def.steps.begin(), def.steps.end());
      out.push_back(std::move(s));
      continue;
    }
    for (const Examples& ex : def.examples) {
      if (ex.table.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            feature.path, ":", ex.line, ": Examples without a header row"));
      }
      const auto& header = ex.table[0];
      for (size_t r = 1; r < ex.table.size(); ++r) {
        const auto& row = ex.table[r];
        Scenario s = base(def);
        s.name = SubstitutePlaceholders(def.name, header, row);
        s.line = ex.row_lines[r];
        s.tags.insert(s.tags.end(), ex.tags.begin(), ex.tags.end());
        for (Step step : def.steps) {
          step.text = SubstitutePlaceholders(step.text, header, row);
          if (step.doc_string) {
            step.doc_string = SubstitutePlaceholders(*step.doc_string, header, row);
          }
          if (step.table) {
            for (auto& cells : *step.table) {
              for (auto& cell : cells) cell = SubstitutePlaceholders(cell, header, row);
            }
          }
          s.steps.push_back(std::move(step));
        }
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

}  // namespace quiver::tck
