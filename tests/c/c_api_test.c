/* The C API (quiver/c.h) from C: every area once, and errors through errptr.
 * Usage: c_api_test WORK_DIR (a directory it may write into). */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiver/c.h"

static int failures = 0;

#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                      \
    }                                                                  \
  } while (0)

/* Fails the test and frees the message when *err is set. */
static int ok(char** err, int line) {
  if (*err == NULL) return 1;
  fprintf(stderr, "c_api_test.c:%d: unexpected error: %s\n", line, *err);
  quiver_free(*err);
  *err = NULL;
  failures++;
  return 0;
}
#define OK(err) ok(&(err), __LINE__)

static int starts_with(const char* s, const char* prefix) {
  return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

static char* read_file(const char* path) {
  FILE* f = fopen(path, "rb");
  if (f == NULL) return NULL;
  static char buf[1 << 16];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  return buf;
}

static void test_version(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.", quiver_major_version(), quiver_minor_version());
  CHECK(starts_with(quiver_version(), expected));
}

static void test_open_errors(const char* work) {
  char path[4096];
  char* err = NULL;
  quiver_options_t* options = quiver_options_create();
  quiver_options_set_create_if_missing(options, 0);
  snprintf(path, sizeof path, "%s/no-such-store", work);
  quiver_db_t* db = quiver_open(options, path, &err);
  CHECK(db == NULL);
  CHECK(starts_with(err, "NOT_FOUND: "));
  /* A second error replaces the first without leaking it. */
  db = quiver_open(options, path, &err);
  CHECK(db == NULL && err != NULL);
  quiver_free(err);
  quiver_options_destroy(options);
}

/* Ada knows Bob, Bob knows Cy, Cy admires Ada: one document. */
static void add_facts(quiver_db_t* db) {
  char* err = NULL;
  const char* text = "Ada knows Bob. Bob knows Cy. Cy admires Ada.";
  quiver_document_t* doc = quiver_document_create("people.txt", text, strlen(text));
  quiver_document_add_triple(doc, "Ada", "knows", "Bob", 0, "Ada knows Bob.");
  quiver_document_add_triple(doc, "Bob", "knows", "Cy", 1, "Bob knows Cy.");
  quiver_document_add_triple(doc, "Cy", "admires", "Ada", 2, "Cy admires Ada.");
  uint64_t id = quiver_add_document(db, doc, &err);
  OK(err);
  CHECK(id > 0);
  quiver_document_destroy(doc);

  /* A triple without a subject is refused, and nothing is stored. */
  doc = quiver_document_create("bad.txt", "x", 1);
  quiver_document_add_triple(doc, "", "knows", "Bob", 0, "knows Bob.");
  CHECK(quiver_add_document(db, doc, &err) == 0);
  CHECK(starts_with(err, "INVALID_ARGUMENT: "));
  quiver_free(err);
  quiver_document_destroy(doc);
}

static void test_ingest(quiver_db_t* db) {
  char* err = NULL;
  unsigned char duplicate = 9;
  const char* text = "Russia vetoed the resolution.";
  uint64_t doc = quiver_ingest(db, "news.txt", "Veto", "2016-10-08", text, strlen(text),
                               &duplicate, &err);
  if (!OK(err)) return;
  CHECK(doc > 0);
  CHECK(duplicate == 0);
  CHECK(quiver_ingest(db, "news.txt", NULL, NULL, text, strlen(text), &duplicate, &err) == doc);
  OK(err);
  CHECK(duplicate == 1);

  quiver_result_t* r = quiver_query(
      db, "MATCH (a {name: 'Russia'})-[r:veto]->(b) RETURN b.name AS object", NULL, &err);
  if (!OK(err)) return;
  CHECK(quiver_result_next(r, &err));
  CHECK(strcmp(quiver_result_string(r, 0, NULL), "resolution") == 0);
  quiver_result_destroy(r);
}

/* Extraction without a store: the triples of a text, with their evidence;
 * a bad date is an error through errptr. */
static void test_extract(void) {
  char* err = NULL;
  CHECK(quiver_extractor_create(0, &err) == NULL);
  CHECK(starts_with(err, "INVALID_ARGUMENT: "));
  quiver_free(err);
  err = NULL;
  quiver_extractor_t* extractor = quiver_extractor_create(1, &err);
  if (!OK(err)) return;
  const char* text = "Norway vetoed the plan. Finland did not sign the treaty.";
  quiver_triples_t* t = quiver_extract(extractor, "notes.txt", text, "2016-10-08", &err);
  if (OK(err)) {
    int veto = 0, sign = 0;
    for (size_t i = 0; i < quiver_triples_count(t); ++i) {
      if (strcmp(quiver_triples_subject(t, i), "Norway") == 0 &&
          strcmp(quiver_triples_relation(t, i), "veto") == 0 &&
          strcmp(quiver_triples_object(t, i), "plan") == 0) {
        veto = 1;
        CHECK(!quiver_triples_negated(t, i));
        CHECK(strcmp(quiver_triples_text(t, i), "vetoed") == 0);
        CHECK(strcmp(quiver_triples_sentence(t, i), "Norway vetoed the plan.") == 0);
        CHECK(quiver_triples_sentence_index(t, i) == 0);
      }
      if (strcmp(quiver_triples_subject(t, i), "Finland") == 0 &&
          strcmp(quiver_triples_relation(t, i), "sign") == 0) {
        sign = 1;
        CHECK(quiver_triples_negated(t, i));
        CHECK(quiver_triples_sentence_index(t, i) == 1);
      }
    }
    CHECK(veto && sign);
    quiver_triples_destroy(t);
  }
  CHECK(quiver_extract(extractor, "bad.txt", text, "not a date", &err) == NULL);
  CHECK(starts_with(err, "INVALID_ARGUMENT: "));
  quiver_free(err);
  quiver_extractor_destroy(extractor);
}

/* Returns the id of the edge Ada -knows-> Bob, found by a query with
 * parameters. */
static uint64_t test_query(quiver_db_t* db) {
  char* err = NULL;
  quiver_params_t* params = quiver_params_create();
  quiver_params_set_string(params, "who", "ADA");
  quiver_params_set_int(params, "min", 1);
  quiver_result_t* r = quiver_query(
      db,
      "MATCH (a {name: $who})-[r]-(b) WHERE r.count >= $min "
      "RETURN b.name AS other, type(r) AS type, r.count AS count, r, 1.5 AS half, "
      "null AS nothing ORDER BY other",
      params, &err);
  quiver_params_destroy(params);
  if (!OK(err)) return 0;

  CHECK(quiver_result_column_count(r) == 6);
  CHECK(strcmp(quiver_result_column_name(r, 0), "other") == 0);
  CHECK(strcmp(quiver_result_column_name(r, 3), "r") == 0);
  CHECK(quiver_result_column_name(r, 6) == NULL);

  uint64_t knows = 0;
  const char* expected[][2] = {{"Bob", "knows"}, {"Cy", "admires"}};
  int rows = 0;
  while (quiver_result_next(r, &err)) {
    size_t len = 0;
    const char* other = quiver_result_string(r, 0, &len);
    if (rows < 2) {
      CHECK(strcmp(other, expected[rows][0]) == 0);
      CHECK(len == strlen(expected[rows][0]));
      CHECK(strcmp(quiver_result_string(r, 1, NULL), expected[rows][1]) == 0);
    }
    CHECK(quiver_result_type(r, 2) == QUIVER_TYPE_INT);
    CHECK(quiver_result_int(r, 2) == 1);
    CHECK(quiver_result_type(r, 3) == QUIVER_TYPE_RELATIONSHIP);
    CHECK(quiver_result_id(r, 3) > 0);
    CHECK(quiver_result_type(r, 4) == QUIVER_TYPE_DOUBLE);
    CHECK(quiver_result_double(r, 4) == 1.5);
    CHECK(strcmp(quiver_result_string(r, 4, NULL), "1.5") == 0);
    CHECK(quiver_result_type(r, 5) == QUIVER_TYPE_NULL);
    CHECK(quiver_result_string(r, 5, NULL) == NULL);
    CHECK(quiver_result_type(r, 99) == QUIVER_TYPE_NULL);
    if (rows == 0) knows = quiver_result_id(r, 3);
    rows++;
  }
  OK(err);
  CHECK(rows == 2);
  quiver_result_destroy(r);

  /* A syntax error comes back typed, with its position. */
  r = quiver_query(db, "MATCH (n RETURN n", NULL, &err);
  CHECK(r == NULL);
  CHECK(starts_with(err, "INVALID_ARGUMENT: SyntaxError (compile time)"));
  quiver_free(err);
  err = NULL;
  /* A missing parameter is an error too. */
  r = quiver_query(db, "RETURN $absent", NULL, &err);
  CHECK(r == NULL && err != NULL);
  quiver_free(err);
  return knows;
}

/* A prepared statement: errors at prepare time, several runs with other
 * parameters, a missing parameter at execute time, an update. */
static void test_prepared(quiver_db_t* db) {
  char* err = NULL;
  CHECK(quiver_prepare(db, "MATCH (n RETURN n", &err) == NULL);
  CHECK(starts_with(err, "INVALID_ARGUMENT: SyntaxError (compile time): line 1, column 10"));
  quiver_free(err);
  err = NULL;

  quiver_statement_t* st = quiver_prepare(
      db, "MATCH (a {name: $who})-[r]-(b) RETURN count(b) AS n", &err);
  if (!OK(err)) return;
  const char* who[] = {"Ada", "Bob", "nobody"};
  int64_t counts[3];
  for (int i = 0; i < 3; i++) {
    quiver_params_t* params = quiver_params_create();
    quiver_params_set_string(params, "who", who[i]);
    quiver_result_t* r = quiver_statement_execute(st, params, &err);
    quiver_params_destroy(params);
    counts[i] = -1;
    if (!OK(err)) continue;
    if (quiver_result_next(r, &err)) counts[i] = quiver_result_int(r, 0);
    OK(err);
    quiver_result_destroy(r);
  }
  CHECK(counts[0] >= 2); /* Ada knows Bob, Cy admires Ada. */
  CHECK(counts[1] >= 1);
  CHECK(counts[2] == 0);
  /* No parameters: the statement needs $who. */
  CHECK(quiver_statement_execute(st, NULL, &err) == NULL);
  CHECK(err != NULL && strstr(err, "ParameterMissing") != NULL);
  quiver_free(err);
  err = NULL;
  quiver_statement_destroy(st);

  st = quiver_prepare(db, "CREATE (:Made {i: $i})", &err);
  if (!OK(err)) return;
  for (int64_t i = 0; i < 3; i++) {
    quiver_params_t* params = quiver_params_create();
    quiver_params_set_int(params, "i", i);
    quiver_result_destroy(quiver_statement_execute(st, params, &err));
    quiver_params_destroy(params);
    OK(err);
  }
  quiver_statement_destroy(st);
  quiver_result_t* r = quiver_query(db, "MATCH (m:Made) RETURN sum(m.i)", NULL, &err);
  if (!OK(err)) return;
  CHECK(quiver_result_next(r, &err) && quiver_result_int(r, 0) == 3);
  OK(err);
  quiver_result_destroy(r);
  /* The store as it was, for the checks after reopening. */
  quiver_result_destroy(quiver_query(db, "MATCH (m:Made) DELETE m", NULL, &err));
  OK(err);
}

static void test_evidence(quiver_db_t* db, uint64_t edge) {
  char* err = NULL;
  quiver_evidence_t* ev = quiver_evidence(db, edge, &err);
  if (!OK(err)) return;
  CHECK(quiver_evidence_count(ev) == 1);
  CHECK(strcmp(quiver_evidence_text(ev, 0), "Ada knows Bob.") == 0);
  CHECK(strcmp(quiver_evidence_source(ev, 0), "people.txt") == 0);
  CHECK(quiver_evidence_sentence(ev, 0) == 0);
  CHECK(quiver_evidence_document(ev, 0) > 0);
  CHECK(quiver_evidence_text(ev, 1) == NULL);
  quiver_evidence_destroy(ev);
}

static void test_algorithms(quiver_db_t* db) {
  char* err = NULL;
  quiver_scores_t* pr = quiver_pagerank(db, 20, 0.85, &err);
  if (!OK(err)) return;
  double sum = 0;
  for (size_t i = 0; i < quiver_scores_count(pr); i++) sum += quiver_scores_value(pr, i);
  CHECK(quiver_scores_count(pr) == 5); /* Ada, Bob, Cy, Russia, resolution */
  CHECK(fabs(sum - 1.0) < 1e-9);
  quiver_scores_destroy(pr);

  uint64_t bob = quiver_find_node(db, "bob", &err);
  OK(err);
  CHECK(bob > 0);
  CHECK(quiver_find_node(db, "nobody at all", &err) == 0);
  OK(err);
  char* name = quiver_node_name(db, bob, &err);
  OK(err);
  CHECK(name != NULL && strcmp(name, "Bob") == 0);
  quiver_free(name);
  CHECK(quiver_node_name(db, 999999, &err) == NULL);
  CHECK(starts_with(err, "NOT_FOUND: "));
  quiver_free(err);
  err = NULL;

  quiver_scores_t* degrees = quiver_degrees(db, 0, &err);
  OK(err);
  int found = 0;
  for (size_t i = 0; i < quiver_scores_count(degrees); i++) {
    if (quiver_scores_node(degrees, i) == bob) {
      CHECK(quiver_scores_value(degrees, i) == 2.0);
      found = 1;
    }
  }
  CHECK(found);
  quiver_scores_destroy(degrees);

  /* Bad options are errors, not crashes. */
  CHECK(quiver_pagerank(db, 20, 7.0, &err) == NULL);
  CHECK(starts_with(err, "INVALID_ARGUMENT: "));
  quiver_free(err);
}

static void test_diagram(quiver_db_t* db) {
  char* err = NULL;
  size_t len = 0;
  const char* names[] = {"Ada"};
  char* dot = quiver_diagram_around(db, names, 1, 1, "dot", &len, &err);
  if (!OK(err)) return;
  CHECK(len == strlen(dot));
  CHECK(strstr(dot, "digraph") != NULL);
  CHECK(strstr(dot, "Bob") != NULL);
  quiver_free(dot);

  dot = quiver_diagram_of_query(db, "MATCH (a)-[r:admires]->(b) RETURN a, r, b", "dot", &len,
                                &err);
  OK(err);
  CHECK(dot != NULL && strstr(dot, "admires") != NULL && strstr(dot, "knows") == NULL);
  quiver_free(dot);

  const char* unknown[] = {"Nobody Known"};
  CHECK(quiver_diagram_around(db, unknown, 1, 1, "dot", &len, &err) == NULL);
  CHECK(starts_with(err, "NOT_FOUND: "));
  quiver_free(err);
}

static void test_export(quiver_db_t* db, const char* work) {
  char* err = NULL;
  char path[4096];
  snprintf(path, sizeof path, "%s/graph.jsonl", work);
  quiver_export(db, "jsonl", path, &err);
  OK(err);
  const char* text = read_file(path);
  CHECK(text != NULL && strstr(text, "Cy admires Ada.") != NULL);

  quiver_export(db, "xlsx", path, &err);
  CHECK(starts_with(err, "INVALID_ARGUMENT: unknown export format"));
  quiver_free(err);
  err = NULL;
  snprintf(path, sizeof path, "%s/no/such/dir/graph.graphml", work);
  quiver_export(db, "graphml", path, &err);
  CHECK(starts_with(err, "UNAVAILABLE: "));
  quiver_free(err);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: c_api_test WORK_DIR\n");
    return 2;
  }
  const char* work = argv[1];
  char path[4096];
  char* err = NULL;

  test_version();
  test_open_errors(work);
  test_extract();

  snprintf(path, sizeof path, "%s/store", work);
  quiver_db_t* db = quiver_open(NULL, path, &err);
  if (!OK(err)) return 1;
  add_facts(db);
  test_ingest(db);
  uint64_t knows = test_query(db);
  CHECK(knows > 0);
  if (knows > 0) test_evidence(db, knows);
  test_algorithms(db);
  test_diagram(db);
  test_export(db, work);
  test_prepared(db);
  quiver_close(db);

  /* Reopened, the store still holds it all. */
  db = quiver_open(NULL, path, &err);
  if (!OK(err)) return 1;
  quiver_result_t* r = quiver_query(db, "MATCH (n) RETURN count(n) AS n", NULL, &err);
  if (OK(err)) {
    CHECK(quiver_result_next(r, &err) && quiver_result_int(r, 0) == 5);
    CHECK(!quiver_result_next(r, &err));
    OK(err);
    quiver_result_destroy(r);
  }
  quiver_close(db);
  quiver_close(NULL);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  else printf("c_api_test: all checks passed\n");
  return failures ? 1 : 0;
}
