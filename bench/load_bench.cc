// load_bench: bulk-load the 1M-edge benchmark graph into a fresh store and
// compare with raw RocksDB writing the same keys.
//
//   python3 ../shared/bench/gen_graph.py --out /tmp/quiver-bench
//   build/release/bench/load_bench /tmp/quiver-bench [--no-baseline] [--budget-mib N]
//
// Each phase runs in a child process so its peak memory is its own. The
// Quiver phase: stream entities.csv and edges.csv (a block at a time, never
// held whole) into a BulkLoader with a memory budget of N MiB (default: the
// loader's, 256), close; then a
// reopen verifies the counts and the one-hop answers of params.json. The
// baseline: the same out/in/by_type/edges/evidence keys written to a plain
// RocksDB with WriteBatch (WAL off), then flushed: what the store would cost
// without the sorted-SST path.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/bench_graph.h"
#include "graph/bulk_loader.h"
#include "graph/content_hash.h"
#include "graph/key_format.h"
#include "graph/reader.h"
#include "graph/store.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "util/status_macros.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU seconds (user + system) of this process so far: unlike wall time it
// does not grow when other work shares the machine's cores.
double CpuSeconds() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double PeakMiB() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}

using quiver::bench::CsvEdge;
using quiver::bench::ReadFileOrExit;

// Runs `phase` in a child; the child prints its own results.
void InChild(const char* name, const std::function<int()>& phase) {
  std::cout.flush();
  pid_t pid = fork();
  if (pid == 0) {
    int rc = phase();
    std::cout.flush();
    _exit(rc);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << name << " failed\n";
    std::exit(1);
  }
}

// Calls `fn(line)` for each line of the file at `path`, read a block at a
// time so that the input is never held whole; each block also goes to
// `hasher` when given. Exits with a hint when the file is missing.
template <typename Fn>
absl::Status ForEachLine(const std::string& path, quiver::graph::ContentHasher* hasher, Fn fn) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    std::cerr << "cannot read " << path
              << " (generate the data: python3 ../shared/bench/gen_graph.py --out DIR)\n";
    std::exit(2);
  }
  std::string buffer(size_t{4} << 20, '\0');
  size_t kept = 0;  // Bytes of an unfinished line carried to the next block.
  absl::Status status;
  while (status.ok()) {
    size_t n = std::fread(buffer.data() + kept, 1, buffer.size() - kept, f);
    if (n == 0) break;
    if (hasher) hasher->Update(std::string_view(buffer.data() + kept, n));
    std::string_view block(buffer.data(), kept + n);
    size_t pos = 0;
    for (size_t eol; status.ok() && (eol = block.find('\n', pos)) != block.npos; pos = eol + 1)
      status = fn(block.substr(pos, eol - pos));
    kept = block.size() - pos;
    std::memmove(buffer.data(), buffer.data() + pos, kept);
    if (kept == buffer.size()) buffer.resize(buffer.size() * 2);  // A very long line.
  }
  if (status.ok() && kept > 0) status = fn(std::string_view(buffer.data(), kept));
  std::fclose(f);
  return status;
}

// Streams entities.csv and edges.csv into the loader (edge i on line i + 1),
// as bench::BulkLoadBenchmarkGraph does from files held in memory, and
// hashes edges.csv as the document's content.
absl::StatusOr<quiver::AddResult> StreamBenchmarkGraph(quiver::graph::Store* store,
                                                      const std::string& data,
                                                      size_t budget, int64_t* edges,
                                                      size_t* runs) {
  quiver::graph::BulkLoadOptions options;
  options.memory_budget = budget;
  quiver::graph::BulkLoader loader(store, options);
  quiver::Document doc;
  doc.source = data + "/edges.csv";
  loader.SetDocument(doc, "");
  QUIVER_RETURN_IF_ERROR(ForEachLine(data + "/entities.csv", nullptr, [&](std::string_view l) {
    return l.empty() ? absl::OkStatus() : loader.AddNode(l);
  }));
  quiver::graph::ContentHasher hasher;
  uint32_t line = 0;
  QUIVER_RETURN_IF_ERROR(ForEachLine(data + "/edges.csv", &hasher, [&](std::string_view l) {
    size_t c1 = l.find(','), c2 = l.find(',', c1 + 1);
    if (c1 == l.npos || c2 == l.npos) return absl::OkStatus();
    ++line;
    return loader.AddStatement(l.substr(0, c1), l.substr(c2 + 1), l.substr(c1 + 1, c2 - c1 - 1),
                               line);
  }));
  loader.SetContentHash(hasher.Digest());
  *edges = line;
  auto result = loader.Finish();
  *runs = loader.spilled_runs();
  return result;
}

int QuiverPhase(const std::string& data, const std::string& store_path, size_t budget) {
  auto t0 = Clock::now();
  auto store = quiver::graph::Store::Open(store_path, {});
  if (!store.ok()) return std::cerr << store.status() << "\n", 1;
  int64_t edges = 0;
  size_t runs = 0;
  auto result = StreamBenchmarkGraph(store->get(), data, budget, &edges, &runs);
  if (!result.ok()) return std::cerr << result.status() << "\n", 1;
  store->reset();  // close: everything durable
  double s = Seconds(t0);
  std::printf("quiver bulk load: %lld edges, %lld nodes: read+parse+load+close %.3f s "
              "(%.0f edges/s; %.3f CPU s), peak %.0f MiB; budget %zu MiB, %zu runs spilled\n",
              (long long)edges, (long long)result->nodes_created, s, double(edges) / s,
              CpuSeconds(), PeakMiB(), budget >> 20, runs);
  return 0;
}

int VerifyPhase(const std::string& data, const std::string& store_path) {
  auto t0 = Clock::now();
  quiver::Options options;
  options.create_if_missing = false;
  auto store = quiver::graph::Store::Open(store_path, options);
  if (!store.ok()) return std::cerr << store.status() << "\n", 1;
  double open_s = Seconds(t0);
  auto params = nlohmann::json::parse(ReadFileOrExit(data + "/params.json"));
  auto c = (*store)->counters();
  bool ok = c.nodes == params["nodes"].get<int64_t>() && c.edges == params["edges"].get<int64_t>();
  // One-hop: name index seek, then the node's `out` prefix, neighbours'
  // ids collected. The first pass is cold (blocks read from the files); the
  // figure is the median of ten warm passes over the 100 start nodes.
  auto reader = (*store)->NewReader();
  std::vector<double> pass_us;
  int64_t rows = 0;
  for (int pass = 0; pass <= 10; ++pass) {
    rows = 0;
    auto t1 = Clock::now();
    for (const auto& name : params["onehop"]) {
      auto ids = reader->FindNodesByName(name.get<std::string>());
      if (!ids.ok() || ids->size() != 1) return std::cerr << "missing " << name << "\n", 1;
      std::vector<uint64_t> neighbours;
      auto s = reader->ScanAdjacent((*ids)[0], quiver::Direction::kOutgoing, std::nullopt,
                                    std::nullopt, [&](const quiver::graph::AdjEntry& e) {
                                      neighbours.push_back(e.dst);
                                      return true;
                                    });
      if (!s.ok()) return std::cerr << s << "\n", 1;
      rows += int64_t(neighbours.size());
    }
    pass_us.push_back(Seconds(t1) * 1e6 / double(params["onehop"].size()));
  }
  double cold_us = pass_us[0];
  std::sort(pass_us.begin() + 1, pass_us.end());
  double warm_us = pass_us[pass_us.size() / 2];
  ok = ok && rows == params["onehop_expected_rows"].get<int64_t>();
  std::printf("verify: reopen %.3f s; %lld nodes, %lld edges; one-hop rows %lld (expected %lld); "
              "one-hop via the store API: %.1f us cold, %.1f us warm (median): %s\n",
              open_s, (long long)c.nodes, (long long)c.edges, (long long)rows,
              (long long)params["onehop_expected_rows"].get<int64_t>(), cold_us, warm_us,
              ok ? "OK" : "MISMATCH");
  return ok ? 0 : 1;
}

int BaselinePhase(const std::string& data, const std::string& path) {
  std::string csv = ReadFileOrExit(data + "/edges.csv");
  std::vector<CsvEdge> edges = quiver::bench::ParseEdgesCsv(csv);
  auto t0 = Clock::now();
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const char* n : {"default", "out", "in", "by_type", "edges", "evidence"})
    cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> h;
  rocksdb::DB* db;
  if (!rocksdb::DB::Open(options, path, cfs, &h, &db).ok()) return 1;
  // Ids as a hash map would give them; the keys are what matters.
  std::unordered_map<std::string_view, uint64_t> ids;
  auto id_of = [&](std::string_view s) {
    auto [it, inserted] = ids.try_emplace(s, ids.size() + 1);
    return it->second;
  };
  rocksdb::WriteOptions wo;
  wo.disableWAL = true;
  rocksdb::WriteBatch batch;
  for (size_t i = 0; i < edges.size(); ++i) {
    quiver::graph::AdjEntry e{id_of(edges[i].src), uint32_t(id_of(edges[i].label)),
                              id_of(edges[i].dst), i + 1};
    batch.Put(h[1], quiver::graph::OutKey(e), "");
    batch.Put(h[2], quiver::graph::InKey(e), "");
    batch.Put(h[3], quiver::graph::ByTypeKey(e), "");
    batch.Put(h[4], quiver::graph::IdKey(i + 1), std::string(40, 'v'));
    batch.Put(h[5], quiver::graph::EvidenceKey(i + 1, 1, uint32_t(i)), "e");
    if (batch.Count() >= 50000) {
      db->Write(wo, &batch);
      batch.Clear();
    }
  }
  db->Write(wo, &batch);
  db->Flush(rocksdb::FlushOptions(), h);
  for (auto* x : h) db->DestroyColumnFamilyHandle(x);
  delete db;
  double s = Seconds(t0);
  std::printf("raw RocksDB baseline (WriteBatch, WAL off, then flush): %.3f s (%.0f edges/s), "
              "peak %.0f MiB\n", s, double(edges.size()) / s, PeakMiB());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = argc > 1 ? argv[1] : "/tmp/quiver-bench";
  bool baseline = true;
  size_t budget = quiver::graph::BulkLoadOptions().memory_budget;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--no-baseline") {
      baseline = false;
    } else if (arg == "--budget-mib" && i + 1 < argc) {
      budget = size_t(std::stoull(argv[++i])) << 20;
    } else {
      std::cerr << "usage: load_bench DIR [--no-baseline] [--budget-mib N]\n";
      return 2;
    }
  }
  char tmpl[] = "/tmp/quiver-load-bench-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  InChild("quiver load", [&] { return QuiverPhase(data, dir + "/store", budget); });
  InChild("verify", [&] { return VerifyPhase(data, dir + "/store"); });
  if (baseline) InChild("baseline", [&] { return BaselinePhase(data, dir + "/raw"); });
  std::string cmd = "rm -rf " + dir;
  return std::system(cmd.c_str()) == 0 ? 0 : 1;
}
