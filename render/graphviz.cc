#include "render/graphviz.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

#include <graphviz/gvc.h>

#include "absl/strings/str_cat.h"

namespace quiver::render {

namespace {

bool KnownEngine(std::string_view e) { return e == "dot" || e == "neato" || e == "sfdp"; }
bool KnownFormat(std::string_view f) { return f == "svg" || f == "png" || f == "pdf"; }

// Graphviz's error text, collected instead of printed (child process only).
std::string* graphviz_errors = nullptr;

int CollectError(char* message) {
  if (graphviz_errors != nullptr) *graphviz_errors += message;
  return 0;
}

// Runs in the child: 'O' + bytes on success, 'E' + message on failure.
std::string RenderHere(const std::string& dot, const std::string& format,
                       const std::string& engine) {
  std::string errors;
  graphviz_errors = &errors;
  agseterr(AGERR);  // Warnings (label overlaps and such) are not errors.
  agseterrf(CollectError);
  GVC_t* gvc = gvContext();
  Agraph_t* g = agmemread(dot.c_str());
  if (g == nullptr) {
    gvFreeContext(gvc);
    while (!errors.empty() && (errors.back() == '\n' || errors.back() == ' ')) errors.pop_back();
    return "Egraphviz could not parse the DOT text: " + errors;
  }
  std::string out;
  if (gvLayout(gvc, g, engine.c_str()) != 0) {
    out = absl::StrCat("Egraphviz layout ", engine, " failed");
  } else {
    char* data = nullptr;
    unsigned int len = 0;
    if (gvRenderData(gvc, g, format.c_str(), &data, &len) != 0 || data == nullptr) {
      out = absl::StrCat("Egraphviz could not render ", format,
                         " (is the Graphviz plugin for it installed?)");
    } else {
      out = "O";
      out.append(data, len);
      gvFreeRenderData(data);
    }
    gvFreeLayout(gvc, g);
  }
  agclose(g);
  gvFreeContext(gvc);
  return out;
}

int64_t NowMs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// Layout in a forked child: Graphviz cannot be interrupted in-process, and a
// big layout can run for minutes. The child only calls Graphviz and writes
// to the pipe, then _exits.
absl::StatusOr<std::string> RenderInChild(const std::string& dot, const std::string& format,
                                          const std::string& engine, int budget_ms) {
  int fds[2];
  if (pipe(fds) != 0) return absl::InternalError("pipe failed");
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return absl::InternalError("fork failed");
  }
  if (pid == 0) {
    close(fds[0]);
    std::string result = RenderHere(dot, format, engine);
    const char* p = result.data();
    size_t left = result.size();
    while (left > 0) {
      ssize_t n = write(fds[1], p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) _exit(1);
      p += n;
      left -= n;
    }
    _exit(0);
  }
  close(fds[1]);
  std::string result;
  const int64_t deadline = NowMs() + budget_ms;
  bool timed_out = false;
  char buf[1 << 16];
  for (;;) {
    int64_t left = deadline - NowMs();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd pfd{fds[0], POLLIN, 0};
    int r = poll(&pfd, 1, static_cast<int>(left));
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) {
      timed_out = true;
      break;
    }
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child is done.
    result.append(buf, n);
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return absl::DeadlineExceededError(
        absl::StrCat("layout with ", engine, " took longer than ", budget_ms, " ms"));
  }
  if (result.empty()) return absl::InternalError("graphviz exited without output");
  if (result[0] == 'E') return absl::InvalidArgumentError(result.substr(1));
  return result.substr(1);
}

}  // namespace

absl::StatusOr<Rendered> RenderDot(const std::string& dot, std::string_view format,
                                   const LayoutOptions& options) {
  if (!KnownEngine(options.engine)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown layout '", options.engine, "' (use dot, neato or sfdp)"));
  }
  if (!KnownFormat(format)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown diagram format '", std::string(format), "' (use svg, png, pdf, dot or html)"));
  }
  std::string fmt(format);
  auto first = RenderInChild(dot, fmt, options.engine, options.budget_ms);
  if (first.ok()) return Rendered{std::move(*first), options.engine};
  if (first.status().code() != absl::StatusCode::kDeadlineExceeded) return first.status();
  if (options.engine != "sfdp") {
    auto second = RenderInChild(dot, fmt, "sfdp", options.budget_ms);
    if (second.ok()) return Rendered{std::move(*second), "sfdp"};
    if (second.status().code() != absl::StatusCode::kDeadlineExceeded) return second.status();
  }
  return absl::DeadlineExceededError(absl::StrCat(
      "no layout finished within ", options.budget_ms, " ms (", options.engine,
      options.engine != "sfdp" ? ", then sfdp" : "",
      "); draw fewer nodes: narrow the query or --depth, lower --max-nodes, "
      "or raise --layout-budget"));
}

}  // namespace quiver::render
