#include "ingest/confidence_model.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace quiver::ingest {

// Generated at build time from ingest/model/confidence.txt (empty when
// the file is absent).
extern const char kEmbeddedConfidenceModel[];

namespace {

// A finite number and nothing else.
bool ParseNumber(const std::string& s, double* out) {
  char* end = nullptr;
  errno = 0;
  *out = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size() && errno == 0 && std::isfinite(*out);
}

}  // namespace

absl::StatusOr<ConfidenceModel> ConfidenceModel::Parse(std::string_view text) {
  ConfidenceModel m;
  bool have_bias = false;
  std::istringstream in{std::string(text)};
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    std::istringstream words(line);
    std::vector<std::string> parts;
    for (std::string w; words >> w;) parts.push_back(w);
    if (parts.empty() || parts[0][0] == '#') continue;
    auto bad = [&](const std::string& why) {
      return absl::InvalidArgumentError("confidence model, line " + std::to_string(line_no) +
                                        ": " + why + ": " + line);
    };
    double value = 0;
    if (parts[0] == "bias" || parts[0] == "threshold") {
      if (parts.size() != 2 || !ParseNumber(parts[1], &value))
        return bad("expected '" + parts[0] + " <number>'");
      (parts[0] == "bias" ? m.bias_ : m.threshold_) = value;
      have_bias = have_bias || parts[0] == "bias";
    } else if (parts[0] == "feature") {
      if (parts.size() != 3 || !ParseNumber(parts[2], &value))
        return bad("expected 'feature <name> <number>'");
      if (!m.weights_.emplace(parts[1], value).second) return bad("feature given twice");
    } else {
      return bad("unknown entry (bias, threshold or feature)");
    }
  }
  if (!have_bias) return absl::InvalidArgumentError("confidence model: no 'bias' line");
  return m;
}

const ConfidenceModel* ConfidenceModel::Embedded() {
  // Parsed once; a model that does not parse is a build error in spirit,
  // reported once on stderr, and extraction falls back to hand confidence.
  static const std::optional<ConfidenceModel> model = []() -> std::optional<ConfidenceModel> {
    const std::string text(kEmbeddedConfidenceModel);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
    absl::StatusOr<ConfidenceModel> m = Parse(text);
    if (!m.ok()) {
      std::fprintf(stderr, "quiver: embedded %s\n", std::string(m.status().message()).c_str());
      return std::nullopt;
    }
    return *std::move(m);
  }();
  return model ? &*model : nullptr;
}

double ConfidenceModel::Score(const Features& features) const {
  double z = bias_;
  for (const auto& [name, value] : features) {
    auto it = weights_.find(name);
    if (it != weights_.end()) z += it->second * value;
  }
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace quiver::ingest
