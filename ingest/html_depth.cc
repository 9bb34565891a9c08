#include "ingest/html_depth.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace quiver::ingest {

namespace {

bool DoesNotNest(const std::string& name) {
  static const std::unordered_set<std::string> kNames = {
      // Void elements.
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr",
      // End tag optional: the next sibling closes them.
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rp", "rt", "rtc",
      "tbody", "thead", "tfoot", "colgroup", "caption", "html", "head", "body"};
  return kNames.count(name) > 0;
}

// Skips raw text (<script>, <style>, …) up to its end tag.
size_t SkipRawText(std::string_view html, size_t pos, const std::string& name) {
  const std::string end = "</" + name;
  for (size_t i = pos; i + end.size() <= html.size(); ++i) {
    if (html[i] != '<') continue;
    bool match = true;
    for (size_t k = 1; k < end.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(html[i + k])) == end[k];
    if (match) return i;
  }
  return html.size();
}

}  // namespace

int HtmlNestingDepth(std::string_view html, int limit) {
  std::vector<std::string> open;                  // Names of open elements.
  std::unordered_map<std::string, int> open_count;  // Name → times on `open`.
  int deepest = 0;
  size_t i = 0;
  while (i < html.size() && deepest <= limit) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (html.substr(lt, 4) == "<!--") {
      const size_t end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    std::string name;
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) ||
                               html[i] == '-' || html[i] == ':')) {
      name.push_back(char(std::tolower(static_cast<unsigned char>(html[i]))));
      ++i;
    }
    const size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    const bool self_closed = gt > 0 && html[gt - 1] == '/';
    i = gt + 1;
    if (name.empty() || DoesNotNest(name)) continue;
    if (closing) {
      auto it = open_count.find(name);
      if (it == open_count.end() || it->second == 0) continue;  // Stray end tag.
      while (!open.empty()) {
        const std::string top = std::move(open.back());
        open.pop_back();
        --open_count[top];
        if (top == name) break;
      }
      continue;
    }
    if (self_closed) continue;
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      i = SkipRawText(html, i, name);
      continue;
    }
    open.push_back(name);
    ++open_count[name];
    deepest = std::max(deepest, int(open.size()));
  }
  return deepest;
}

}  // namespace quiver::ingest
