// Every export format parsed back: names and values survive.

#include "render/export.h"

#include <map>
#include <regex>
#include <set>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <nlohmann/json.hpp>

#include "graph/document_writer.h"
#include "graph/reader.h"
#include "gtest/gtest.h"
#include "util/temporal_parse.h"
#include "tests/render/tricky_store.h"
#include "tests/test_support.h"

namespace quiver::render {
namespace {

using ::quiver::testing::ReadFile;
using ::quiver::testing::TempDir;
using testing::TrickyNames;
using testing::TrickyStore;

std::string Export(const graph::Store& store, ExportFormat format, const std::string& path,
                   const std::string& base = "urn:quiver:") {
  ExportOptions options;
  options.format = format;
  options.base_iri = base;
  auto summary = ExportStore(*store.NewReader(), options, path);
  EXPECT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->nodes, 6);
  EXPECT_EQ(summary->edges, 4);
  return format == ExportFormat::kCsv ? "" : ReadFile(path);
}

std::set<std::string> AllNames() {
  return std::set<std::string>(TrickyNames().begin(), TrickyNames().end());
}

TEST(Export, JsonLinesRoundTripsNodesEdgesAndEvidence) {
  TempDir dir;
  auto store = TrickyStore("/export-jsonl");
  std::string text = Export(*store, ExportFormat::kJsonl, dir.Sub("g.jsonl"));
  std::set<std::string> names, sentences;
  std::map<uint64_t, std::string> by_id;
  int edges = 0;
  bool saw_empty = false, saw_negated = false, saw_count2 = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    auto j = nlohmann::json::parse(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (j["kind"] == "node") {
      names.insert(j["name"].get<std::string>());
      by_id[j["id"].get<uint64_t>()] = j["name"];
      EXPECT_TRUE(j["aliases"].is_array());
      EXPECT_TRUE(j["labels"].is_array());
    } else {
      ASSERT_EQ(j["kind"], "edge");
      ++edges;
      EXPECT_TRUE(by_id.count(j["src"].get<uint64_t>()));  // Nodes come first.
      EXPECT_EQ(j["text"], j["type"].get<std::string>() + " as written");
      for (const auto& ev : j["evidence"]) sentences.insert(ev["text"].get<std::string>());
      if (j["properties"].contains("note")) saw_empty = j["properties"]["note"] == "";
      saw_negated |= j["negated"].get<bool>();
      saw_count2 |= j["count"] == 2;
    }
  }
  EXPECT_EQ(names, AllNames());
  EXPECT_EQ(edges, 4);
  EXPECT_TRUE(saw_empty);
  EXPECT_TRUE(saw_negated);
  EXPECT_TRUE(saw_count2);
  EXPECT_TRUE(sentences.count("They said \"hi\" to the\nsecond line."));
  EXPECT_TRUE(sentences.count("Αθήνα και 東京 are cities."));
}

// Evidence is joined to edges in one merged scan: each edge must carry
// exactly its own sentences, in the order the store keeps them.
TEST(Export, JsonLinesEvidenceIsEachEdgesOwnAndCanBeLeftOut) {
  TempDir dir;
  auto store = TrickyStore("/export-jsonl-evidence");
  auto reader = store->NewReader();
  for (bool with_evidence : {true, false}) {
    ExportOptions options;
    options.evidence = with_evidence;
    std::string path = dir.Sub(with_evidence ? "with.jsonl" : "without.jsonl");
    ASSERT_TRUE(ExportStore(*reader, options, path).ok());
    std::string text = ReadFile(path);
    int edges = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      auto j = nlohmann::json::parse(text.substr(pos, eol - pos));
      pos = eol + 1;
      if (j["kind"] != "edge") continue;
      ++edges;
      if (!with_evidence) {
        EXPECT_FALSE(j.contains("evidence")) << j.dump();
        continue;
      }
      auto expected = reader->EvidenceFor(j["id"].get<uint64_t>());
      ASSERT_TRUE(expected.ok()) << expected.status();
      std::vector<std::string> want, got;
      for (const auto& ev : *expected) want.push_back(ev.text);
      for (const auto& ev : j["evidence"]) got.push_back(ev["text"].get<std::string>());
      EXPECT_FALSE(got.empty());
      EXPECT_EQ(got, want) << j.dump();
      EXPECT_EQ(got.size(), size_t(j["count"].get<int64_t>()));
    }
    EXPECT_EQ(edges, 4);
  }
}

// A store whose statements name their ends otherwise than the nodes' names:
// a pronoun and a title, each with the reason the extractor gave.
std::unique_ptr<graph::Store> ResolvedStore(const std::string& path) {
  Options options;
  options.in_memory = true;
  auto store = graph::Store::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status();
  DocumentInput doc;
  doc.source = "resolved.txt";
  doc.content = "resolved";
  Triple plain;
  plain.subject = "François Hollande";
  plain.relation = "visit";
  plain.object = "Moscow";
  plain.sentence_text = "François Hollande visited Moscow.";
  doc.triples.push_back(plain);
  Triple resolved;
  resolved.subject = "François Hollande";
  resolved.relation = "meet";
  resolved.object = "Vladimir Putin";
  resolved.sentence = 1;
  resolved.sentence_text = "He met the Russian president.";
  resolved.subject_mention = "He";
  resolved.subject_reason = "pronoun: the last person named";
  resolved.object_mention = "President Putin";
  resolved.object_reason = "title stripped";
  doc.triples.push_back(resolved);
  auto added = graph::AddDocument(**store, doc);
  EXPECT_TRUE(added.ok()) << added.status();
  return std::move(*store);
}

TEST(Export, JsonLinesEvidenceHasTheMentionsAsWrittenAndWhyTheyResolved) {
  TempDir dir;
  auto store = ResolvedStore("/export-jsonl-mentions");
  ExportOptions options;
  std::string path = dir.Sub("g.jsonl");
  ASSERT_TRUE(ExportStore(*store->NewReader(), options, path).ok());
  std::string text = ReadFile(path);
  std::map<std::string, nlohmann::json> evidence;  // By edge type.
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    auto j = nlohmann::json::parse(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (j["kind"] == "edge") evidence[j["type"].get<std::string>()] = j["evidence"];
  }
  ASSERT_EQ(evidence["meet"].size(), 1u);
  const auto& meet = evidence["meet"][0];
  EXPECT_EQ(meet["subject_mention"], "He");
  EXPECT_EQ(meet["subject_reason"], "pronoun: the last person named");
  EXPECT_EQ(meet["object_mention"], "President Putin");
  EXPECT_EQ(meet["object_reason"], "title stripped");
  ASSERT_EQ(evidence["visit"].size(), 1u);
  const auto& visit = evidence["visit"][0];  // Named by the nodes' own names.
  EXPECT_EQ(visit["subject_mention"], "");
  EXPECT_EQ(visit["subject_reason"], "");
  EXPECT_EQ(visit["text"], "François Hollande visited Moscow.");
}

TEST(Export, NtriplesStatementsHaveTheMentionsAsWrittenAndWhyTheyResolved) {
  TempDir dir;
  auto store = ResolvedStore("/export-nt-mentions");
  ExportOptions options;
  options.format = ExportFormat::kNtriples;
  options.base_iri = "http://ex.org/kg/";
  std::string path = dir.Sub("g.nt");
  ASSERT_TRUE(ExportStore(*store->NewReader(), options, path).ok());
  std::string text = ReadFile(path);
  // The meet edge is the second: its statement is document 1, sentence 1.
  const std::string st = "<http://ex.org/kg/statement/2-1-1> ";
  EXPECT_NE(text.find("<http://ex.org/kg/edge/2> <http://ex.org/kg/prop/statement> "
                      "<http://ex.org/kg/statement/2-1-1> .\n"),
            std::string::npos) << text;
  for (const std::string& line :
       {st + "<http://ex.org/kg/prop/subject_mention> \"He\" .\n",
        st + "<http://ex.org/kg/prop/subject_reason> \"pronoun: the last person named\" .\n",
        st + "<http://ex.org/kg/prop/object_mention> \"President Putin\" .\n",
        st + "<http://ex.org/kg/prop/object_reason> \"title stripped\" .\n",
        st + "<http://ex.org/kg/prop/sentence_text> \"He met the Russian president.\" .\n"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line;
  }
  // The visit statement named both ends by their names: no mention lines.
  EXPECT_EQ(text.find("<http://ex.org/kg/statement/1-1-0> <http://ex.org/kg/prop/subject_mention>"),
            std::string::npos);
  options.evidence = false;
  ASSERT_TRUE(ExportStore(*store->NewReader(), options, path).ok());
  EXPECT_EQ(ReadFile(path).find("prop/statement>"), std::string::npos);
}

TEST(Export, GraphmlDeclaresAKeyForEveryPropertyAndParsesBack) {
  TempDir dir;
  auto store = TrickyStore("/export-graphml");
  Export(*store, ExportFormat::kGraphml, dir.Sub("g.graphml"));
  boost::property_tree::ptree tree;
  boost::property_tree::read_xml(dir.Sub("g.graphml"), tree);
  const auto& root = tree.get_child("graphml");
  std::map<std::string, std::string> key_name;  // id -> attr.name
  std::map<std::string, std::string> key_type;
  for (const auto& [tag, child] : root) {
    if (tag != "key") continue;
    std::string id = child.get<std::string>("<xmlattr>.id");
    // attr.name holds the path separator '.': address it with '/'.
    using Path = boost::property_tree::ptree::path_type;
    key_name[id] = child.get<std::string>(Path("<xmlattr>/attr.name", '/'));
    key_type[key_name[id] + "@" + child.get<std::string>("<xmlattr>.for")] =
        child.get<std::string>(Path("<xmlattr>/attr.type", '/'));
  }
  EXPECT_EQ(key_type["name@node"], "string");
  EXPECT_EQ(key_type["mentions@node"], "long");
  EXPECT_EQ(key_type["type@edge"], "string");
  EXPECT_EQ(key_type["year@edge"], "long");
  EXPECT_EQ(key_type["negated@edge"], "boolean");
  EXPECT_EQ(key_type["note@edge"], "string");
  EXPECT_EQ(key_type["count@edge"], "long");
  EXPECT_EQ(key_type["confidence@edge"], "double");
  std::set<std::string> names;
  std::set<std::string> ids;
  bool saw_empty_note = false;
  const auto& graph = root.get_child("graph");
  EXPECT_EQ(graph.get<std::string>("<xmlattr>.edgedefault"), "directed");
  for (const auto& [tag, child] : graph) {
    if (tag == "node") ids.insert(child.get<std::string>("<xmlattr>.id"));
    for (const auto& [dtag, data] : child) {
      if (dtag != "data") continue;
      std::string key = data.get<std::string>("<xmlattr>.key");
      ASSERT_TRUE(key_name.count(key)) << "undeclared key " << key;
      if (tag == "node" && key_name[key] == "name") names.insert(data.data());
      if (tag == "edge" && key_name[key] == "note") saw_empty_note = data.data().empty();
    }
    if (tag == "edge") {
      EXPECT_TRUE(ids.count(child.get<std::string>("<xmlattr>.source")));
      EXPECT_TRUE(ids.count(child.get<std::string>("<xmlattr>.target")));
    }
  }
  EXPECT_EQ(names, AllNames());
  EXPECT_TRUE(saw_empty_note);
}

// RDF 1.1 N-Triples, the subset the exporter writes: IRIs and literals
// (plain or typed), one triple per line.
std::string Unescape(const std::string& lit) {
  std::string out;
  for (size_t i = 0; i < lit.size(); ++i) {
    if (lit[i] != '\\') {
      out += lit[i];
      continue;
    }
    char c = lit[++i];
    switch (c) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'u': out += char(std::stoi(lit.substr(i + 1, 4), nullptr, 16)); i += 4; break;
      default: ADD_FAILURE() << "bad escape \\" << c;
    }
  }
  return out;
}

TEST(Export, NtriplesFollowTheGrammarAndRoundTripLiterals) {
  TempDir dir;
  auto store = TrickyStore("/export-nt");
  std::string text = Export(*store, ExportFormat::kNtriples, dir.Sub("g.nt"), "http://ex.org/kg/");
  const std::regex iri(R"(<([^\x00-\x20<>"{}|^`\\]*)>)");
  const std::regex line(
      R"re(^(<[^>]*>) (<[^>]*>) (<[^>]*>|"((?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-F]{4})*)"(\^\^<[^>]*>)?) \.$)re");
  std::set<std::string> labels, evidence;
  size_t pos = 0;
  int lines = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    std::string l = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++lines;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(l, m, line)) << l;
    for (int g : {1, 2}) EXPECT_TRUE(std::regex_match(m[g].str(), iri)) << m[g];
    EXPECT_EQ(m[1].str().rfind("<http://ex.org/kg/", 0), 0u) << l;
    if (m[2] == "<http://www.w3.org/2000/01/rdf-schema#label>") labels.insert(Unescape(m[4]));
    if (m[2] == "<http://ex.org/kg/prop/evidence>") evidence.insert(Unescape(m[4]));
  }
  EXPECT_GT(lines, 30);
  EXPECT_EQ(labels, AllNames());
  EXPECT_TRUE(evidence.count("They said \"hi\" to the\nsecond line."));
  EXPECT_NE(text.find("<http://ex.org/kg/prop/year> \"2024\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
            std::string::npos);
  EXPECT_NE(text.find("<http://ex.org/kg/prop/note> \"\" ."), std::string::npos);
  EXPECT_NE(text.find("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/kg/label/Person>"),
            std::string::npos);
}

TEST(Export, NtriplesRejectsABadBaseIri) {
  TempDir dir;
  auto store = TrickyStore("/export-nt-bad");
  ExportOptions options;
  options.format = ExportFormat::kNtriples;
  options.base_iri = "no scheme here";
  auto summary = ExportStore(*store->NewReader(), options, dir.Sub("x.nt"));
  EXPECT_EQ(summary.status().code(), absl::StatusCode::kInvalidArgument);
}

// RFC 4180 as neo4j-admin reads it: quoted fields may hold commas, quotes
// ("") and newlines. A quoted empty field is an empty string; an unquoted
// empty one is missing (nullopt).
std::vector<std::vector<std::optional<std::string>>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::optional<std::string>>> rows(1);
  std::optional<std::string> field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        *field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        *field += c;
      }
    } else if (c == '"') {
      quoted = true;
      field = field.value_or("");
    } else if (c == ',' || c == '\n') {
      rows.back().push_back(field);
      field.reset();
      if (c == '\n') rows.emplace_back();
    } else {
      field = field.value_or("") + c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(Export, CsvUsesNeo4jHeadersAndRoundTrips) {
  TempDir dir;
  auto store = TrickyStore("/export-csv");
  Export(*store, ExportFormat::kCsv, dir.Sub("csv"));
  auto nodes = ParseCsv(ReadFile(dir.Sub("csv/nodes.csv")));
  auto rels = ParseCsv(ReadFile(dir.Sub("csv/relationships.csv")));
  ASSERT_EQ(nodes.size(), 7u);
  EXPECT_EQ(*nodes[0][0], "id:ID");
  EXPECT_EQ(*nodes[0][1], "name");
  EXPECT_EQ(*nodes[0][2], ":LABEL");
  std::set<std::string> names, ids;
  for (size_t i = 1; i < nodes.size(); ++i) {
    ASSERT_EQ(nodes[i].size(), nodes[0].size());
    names.insert(*nodes[i][1]);
    ids.insert(*nodes[i][0]);
  }
  EXPECT_EQ(names, AllNames());
  ASSERT_EQ(rels.size(), 5u);
  std::vector<std::string> header;
  for (const auto& h : rels[0]) header.push_back(*h);
  EXPECT_EQ(std::vector<std::string>(header.begin(), header.begin() + 3),
            (std::vector<std::string>{":START_ID", ":END_ID", ":TYPE"}));
  auto col = [&](const std::string& name) {
    return std::find(header.begin(), header.end(), name) - header.begin();
  };
  ASSERT_LT(col("year:long"), long(header.size()));
  ASSERT_LT(col("note"), long(header.size()));
  ASSERT_LT(col("negated:boolean"), long(header.size()));
  int with_note = 0, without_note = 0;
  for (size_t i = 1; i < rels.size(); ++i) {
    ASSERT_EQ(rels[i].size(), header.size());
    EXPECT_TRUE(ids.count(*rels[i][0]));
    EXPECT_TRUE(ids.count(*rels[i][1]));
    const auto& note = rels[i][col("note")];
    if (note) {
      EXPECT_EQ(*note, "");  // Empty string, kept distinct from missing.
      EXPECT_EQ(*rels[i][col("year:long")], "2024");
      EXPECT_EQ(*rels[i][col("negated:boolean")], "true");
      ++with_note;
    } else {
      ++without_note;
    }
  }
  EXPECT_EQ(with_note, 1);
  EXPECT_EQ(without_note, 3);
}

TEST(Export, TemporalPropertiesAreIsoTextTypedWhereTheFormatCan) {
  Options options;
  options.in_memory = true;
  auto store = graph::Store::Open("/export-temporal", options);
  ASSERT_TRUE(store.ok()) << store.status();
  DocumentInput doc;
  doc.content = "dates";
  doc.source = "dates.txt";
  Triple t;
  t.subject = "Marta Lind";
  t.relation = "met";
  t.object = "Erik Dahl";
  auto value = [](TemporalValue::Kind kind, const char* text) {
    auto v = temporal::Parse(kind, text);
    EXPECT_TRUE(v.ok()) << text;
    return Value(*v);
  };
  t.qualifiers["on"] = value(TemporalValue::Kind::kDate, "2015-07-21");
  t.qualifiers["at"] = value(TemporalValue::Kind::kDateTime, "2015-07-21T21:40[Europe/Stockholm]");
  t.qualifiers["for"] = value(TemporalValue::Kind::kDuration, "PT1H30M");
  doc.triples.push_back(t);
  ASSERT_TRUE(graph::AddDocument(**store, doc).ok());

  TempDir dir;
  ExportOptions csv;
  csv.format = ExportFormat::kCsv;
  ASSERT_TRUE(ExportStore(*(*store)->NewReader(), csv, dir.Sub("csv")).ok());
  auto rels = ParseCsv(ReadFile(dir.Sub("csv/relationships.csv")));
  ASSERT_EQ(rels.size(), 2u);
  std::map<std::string, std::string> row;
  for (size_t i = 0; i < rels[0].size(); ++i)
    if (rels[0][i] && rels[1][i]) row[*rels[0][i]] = *rels[1][i];
  EXPECT_EQ(row["on:date"], "2015-07-21");
  EXPECT_EQ(row["at:datetime"], "2015-07-21T21:40+02:00[Europe/Stockholm]");
  EXPECT_EQ(row["for:duration"], "PT1H30M");

  ExportOptions nt;
  nt.format = ExportFormat::kNtriples;
  nt.base_iri = "urn:quiver:";
  ASSERT_TRUE(ExportStore(*(*store)->NewReader(), nt, dir.Sub("g.nt")).ok());
  std::string triples = ReadFile(dir.Sub("g.nt"));
  EXPECT_NE(triples.find("\"2015-07-21\"^^<http://www.w3.org/2001/XMLSchema#date>"),
            std::string::npos);
  EXPECT_NE(triples.find("\"2015-07-21T21:40+02:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>"),
            std::string::npos);

  ExportOptions jsonl;
  jsonl.format = ExportFormat::kJsonl;
  ASSERT_TRUE(ExportStore(*(*store)->NewReader(), jsonl, dir.Sub("g.jsonl")).ok());
  EXPECT_NE(ReadFile(dir.Sub("g.jsonl")).find("\"for\":\"PT1H30M\""), std::string::npos);
}

TEST(Export, DotHoldsEveryNodeAndEdge) {
  TempDir dir;
  auto store = TrickyStore("/export-dot");
  std::string dot = Export(*store, ExportFormat::kDot, dir.Sub("g.dot"));
  EXPECT_EQ(dot.rfind("digraph quiver {", 0), 0u);
  EXPECT_NE(dot.find("\"Say \\\"hi\\\", <friend> & 'co'\""), std::string::npos);
  EXPECT_NE(dot.find("\"line one\\nline two\""), std::string::npos);
  EXPECT_NE(dot.find("東京"), std::string::npos);
  size_t arrows = 0;
  for (size_t at = dot.find(" -> "); at != std::string::npos; at = dot.find(" -> ", at + 1)) ++arrows;
  EXPECT_EQ(arrows, 4u) << dot;
}

TEST(Export, UnknownFormatAndUnwritablePathAreClearErrors) {
  EXPECT_EQ(ParseExportFormat("xml").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(*ParseExportFormat("nt"), ExportFormat::kNtriples);
  auto store = TrickyStore("/export-bad-path");
  ExportOptions options;
  auto summary = ExportStore(*store->NewReader(), options, "/nonexistent-dir/x/y.jsonl");
  EXPECT_EQ(summary.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(summary.status().message().find("/nonexistent-dir/x/y.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace quiver::render
