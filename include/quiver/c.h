/* Quiver's C API: the C++ API (quiver/database.h and friends) for C and for
 * languages that bind to C.
 *
 * Modelled on LevelDB's c.h:
 *  - Every object is an opaque handle made by a quiver_..._create or
 *    returning function and released by the matching _destroy / close.
 *  - A function that can fail takes `char** errptr` last. On failure it
 *    stores a message in *errptr, allocated with malloc (an earlier message
 *    there is freed first), and returns NULL, 0 or nothing; on success it
 *    leaves *errptr alone. Set *errptr to NULL before the call and free the
 *    message with quiver_free. errptr must not be NULL.
 *  - Strings given are NUL-terminated UTF-8 unless a length comes with them;
 *    the library copies what it keeps. Strings returned as `const char*`
 *    belong to the handle they came from and stay valid until it changes
 *    (quiver_result_next) or is destroyed; `char*` results are the caller's,
 *    to release with quiver_free.
 *  - No C++ exception crosses this API.
 *
 * Threading: a quiver_db_t may be used from several threads at once, as
 * quiver::Database, and so may a quiver_statement_t (quiver_statement_execute);
 * every other handle is used by one thread at a time, not necessarily the
 * same one (a result may be read and destroyed on another thread than the
 * one that ran its query).
 * Ownership: a result of quiver_query reads from its database (a streaming
 * result keeps a snapshot open), so destroy it before closing the database;
 * a read snapshot's results and iterators keep what they read open and may
 * outlive it; evidence and scores are copies and may outlive it.
 * An extractor (quiver_extractor_t) turns text into triples without a
 * store; quiver_ingest stores what it extracts. */

#ifndef QUIVER_C_H_
#define QUIVER_C_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct quiver_db_t quiver_db_t;
typedef struct quiver_options_t quiver_options_t;
typedef struct quiver_document_t quiver_document_t;
typedef struct quiver_params_t quiver_params_t;
typedef struct quiver_result_t quiver_result_t;
typedef struct quiver_statement_t quiver_statement_t;
typedef struct quiver_evidence_t quiver_evidence_t;
typedef struct quiver_scores_t quiver_scores_t;
typedef struct quiver_extractor_t quiver_extractor_t;
typedef struct quiver_triples_t quiver_triples_t;
typedef struct quiver_snapshot_t quiver_snapshot_t;
typedef struct quiver_iterator_t quiver_iterator_t;

/* Releases a char* this API returned (messages, names, diagrams). */
void quiver_free(void* ptr);

/* "MAJOR.MINOR.PATCH" of the linked library (static storage). */
const char* quiver_version(void);
int quiver_major_version(void);
int quiver_minor_version(void);

/* ---- Opening a store (quiver/options.h explains each option) ---- */

quiver_options_t* quiver_options_create(void);
void quiver_options_destroy(quiver_options_t* options);
void quiver_options_set_create_if_missing(quiver_options_t* options, unsigned char on);
void quiver_options_set_error_if_exists(quiver_options_t* options, unsigned char on);
void quiver_options_set_read_only(quiver_options_t* options, unsigned char on);
void quiver_options_set_in_memory(quiver_options_t* options, unsigned char on);

/* `options` may be NULL (the defaults: create the store if missing). */
quiver_db_t* quiver_open(const quiver_options_t* options, const char* path, char** errptr);
/* Closes the store; NULL is ignored. */
void quiver_close(quiver_db_t* db);

/* ---- Adding documents ---- */

/* Extracts facts from plain `text` (sentences, link-grammar parses,
 * entities) and stores them with their evidence, atomically. `title` and
 * `date` may be NULL; a date is written as documents write them
 * ("2016-10-12", "October 12, 2016"). Returns the document's id (> 0), or 0
 * on error. *duplicate, when not NULL, is set to 1 when the same content was
 * already stored (nothing changed) and 0 otherwise. */
uint64_t quiver_ingest(quiver_db_t* db, const char* source, const char* title,
                       const char* date, const char* text, size_t text_len,
                       unsigned char* duplicate, char** errptr);

/* A document with facts extracted elsewhere: subject -relation-> object,
 * each with the sentence that states it. */
quiver_document_t* quiver_document_create(const char* source, const char* content,
                                          size_t content_len);
void quiver_document_destroy(quiver_document_t* document);
void quiver_document_add_triple(quiver_document_t* document, const char* subject,
                                const char* relation, const char* object,
                                uint32_t sentence, const char* sentence_text);
/* Stores the document and its facts atomically; returns its id, 0 on error. */
uint64_t quiver_add_document(quiver_db_t* db, const quiver_document_t* document,
                             char** errptr);

/* ---- Nodes ---- */

/* The lowest id of the nodes whose name or an alias matches `name` (ignoring
 * case, accents and runs of spaces); 0 when none does (not an error). */
uint64_t quiver_find_node(quiver_db_t* db, const char* name, char** errptr);
/* The node's name, to free with quiver_free; NULL and an error if no such node. */
char* quiver_node_name(quiver_db_t* db, uint64_t node, char** errptr);

/* ---- Queries (docs/query-language.md) ---- */

/* Parameters, bound to $name in the statement. Setting a name again
 * replaces its value. */
quiver_params_t* quiver_params_create(void);
void quiver_params_destroy(quiver_params_t* params);
void quiver_params_set_null(quiver_params_t* params, const char* name);
void quiver_params_set_bool(quiver_params_t* params, const char* name, unsigned char value);
void quiver_params_set_int(quiver_params_t* params, const char* name, int64_t value);
void quiver_params_set_double(quiver_params_t* params, const char* name, double value);
void quiver_params_set_string(quiver_params_t* params, const char* name, const char* value);

/* Runs one statement; `params` may be NULL. The error message starts with
 * the error's type and phase (quiver/result.h): "SyntaxError (compile
 * time): line 1, column 10: ...". */
quiver_result_t* quiver_query(quiver_db_t* db, const char* statement,
                              const quiver_params_t* params, char** errptr);
void quiver_result_destroy(quiver_result_t* result);

/* Prepared statements (quiver/statement.h): parsed, checked and planned
 * once, run many times with different parameters. Compile-time errors come
 * from quiver_prepare; quiver_statement_execute reports a missing parameter
 * and runtime errors, and returns a result as quiver_query does. A
 * statement refers to its database: destroy it before closing the database.
 * Writes to the store leave it valid. */
quiver_statement_t* quiver_prepare(quiver_db_t* db, const char* statement, char** errptr);
quiver_result_t* quiver_statement_execute(const quiver_statement_t* statement,
                                          const quiver_params_t* params, char** errptr);
void quiver_statement_destroy(quiver_statement_t* statement);

size_t quiver_result_column_count(const quiver_result_t* result);
/* NULL when column >= quiver_result_column_count. */
const char* quiver_result_column_name(const quiver_result_t* result, size_t column);

/* Moves to the next row: 1 when there is one, 0 after the last row or on an
 * error (a runtime error on a later row ends the rows; errptr says so).
 * Call it once before reading the first row. */
unsigned char quiver_result_next(quiver_result_t* result, char** errptr);

/* The current row's values. Out-of-range columns read as null. */
typedef enum {
  QUIVER_TYPE_NULL = 0,
  QUIVER_TYPE_BOOL = 1,
  QUIVER_TYPE_INT = 2,
  QUIVER_TYPE_DOUBLE = 3,
  QUIVER_TYPE_STRING = 4,
  QUIVER_TYPE_LIST = 5,
  QUIVER_TYPE_MAP = 6,
  QUIVER_TYPE_NODE = 7,
  QUIVER_TYPE_RELATIONSHIP = 8,
  QUIVER_TYPE_PATH = 9,
  QUIVER_TYPE_TEMPORAL = 10
} quiver_type_t;
quiver_type_t quiver_result_type(const quiver_result_t* result, size_t column);
/* 0 / 0.0 unless the value has that type (an int reads as a double too). */
unsigned char quiver_result_bool(const quiver_result_t* result, size_t column);
int64_t quiver_result_int(const quiver_result_t* result, size_t column);
double quiver_result_double(const quiver_result_t* result, size_t column);
/* A node's or relationship's id; 0 for other types. */
uint64_t quiver_result_id(const quiver_result_t* result, size_t column);
/* A string's bytes; any other value as text (a number, [1, 2], a node as
 * (:Person {name: 'Ada'}), a date as 2016-10-11); NULL for null. *len, when
 * not NULL, receives the length. Valid until the next quiver_result_next. */
const char* quiver_result_string(quiver_result_t* result, size_t column, size_t* len);

/* ---- Evidence: every statement of an edge ---- */

quiver_evidence_t* quiver_evidence(quiver_db_t* db, uint64_t edge, char** errptr);
void quiver_evidence_destroy(quiver_evidence_t* evidence);
size_t quiver_evidence_count(const quiver_evidence_t* evidence);
/* For i < count: the sentence as written, the document it is in (its id and
 * source), and the sentence's index in it. */
const char* quiver_evidence_text(const quiver_evidence_t* evidence, size_t i);
const char* quiver_evidence_source(const quiver_evidence_t* evidence, size_t i);
uint64_t quiver_evidence_document(const quiver_evidence_t* evidence, size_t i);
uint32_t quiver_evidence_sentence(const quiver_evidence_t* evidence, size_t i);

/* ---- Read snapshots and iterators (quiver/read_snapshot.h) ---- */

/* The store as of now: queries and iterators made through the snapshot all
 * see this state, whatever is committed afterwards. The snapshot, its
 * iterators and its results may be destroyed in any order and may outlive
 * the database (the store stays open until the last of them is gone). On a
 * read-only store, quiver/database.h's CatchUp fails while one is open. */
quiver_snapshot_t* quiver_snapshot_create(quiver_db_t* db, char** errptr);
void quiver_snapshot_destroy(quiver_snapshot_t* snapshot);
/* As quiver_query, on the snapshot; a statement that writes fails. */
quiver_result_t* quiver_snapshot_query(const quiver_snapshot_t* snapshot, const char* statement,
                                       const quiver_params_t* params, char** errptr);

/* Every node, or every edge, of the snapshot by id, one at a time. A new
 * iterator is at its first record; quiver_iterator_valid is 0 past the last
 * one or after an error, which quiver_iterator_error then reports. */
quiver_iterator_t* quiver_snapshot_nodes(const quiver_snapshot_t* snapshot, char** errptr);
quiver_iterator_t* quiver_snapshot_edges(const quiver_snapshot_t* snapshot, char** errptr);
void quiver_iterator_destroy(quiver_iterator_t* iterator);
unsigned char quiver_iterator_valid(const quiver_iterator_t* iterator);
/* Moves to the next record (nothing when not valid). */
void quiver_iterator_next(quiver_iterator_t* iterator);
/* Moves to the first record whose id is at least `id`. */
void quiver_iterator_seek(quiver_iterator_t* iterator, uint64_t id);
/* Stores the error that ended the iteration in *errptr; nothing when none did. */
void quiver_iterator_error(const quiver_iterator_t* iterator, char** errptr);
/* The current record (0 or NULL when not valid): its id; a node's name or
 * an edge's relationship type, valid until the iterator moves; an edge's
 * source and target nodes (0 for a node). */
uint64_t quiver_iterator_id(const quiver_iterator_t* iterator);
const char* quiver_iterator_name(const quiver_iterator_t* iterator);
uint64_t quiver_iterator_source(const quiver_iterator_t* iterator);
uint64_t quiver_iterator_target(const quiver_iterator_t* iterator);

/* ---- Algorithms (quiver/algorithms.h), over every edge type ---- */

/* Every node with its score, by node id. `directed` 0 treats the graph as
 * undirected. */
quiver_scores_t* quiver_pagerank(quiver_db_t* db, int iterations, double damping,
                                 char** errptr);
quiver_scores_t* quiver_betweenness(quiver_db_t* db, unsigned char directed,
                                    unsigned char normalized, char** errptr);
quiver_scores_t* quiver_degrees(quiver_db_t* db, unsigned char directed, char** errptr);
void quiver_scores_destroy(quiver_scores_t* scores);
size_t quiver_scores_count(const quiver_scores_t* scores);
uint64_t quiver_scores_node(const quiver_scores_t* scores, size_t i);
double quiver_scores_value(const quiver_scores_t* scores, size_t i);

/* ---- Diagrams (quiver/diagram.h) and exports (quiver/export.h) ---- */

/* The nodes within `depth` hops of the nodes named `names[0..count)`, drawn
 * in `format` ("svg", "png", "pdf", "dot" or "html"; NULL: "svg"). Returns
 * the file's bytes (NUL-terminated too), to free with quiver_free; *len
 * receives their number. */
char* quiver_diagram_around(quiver_db_t* db, const char* const* names, size_t count,
                            int depth, const char* format, size_t* len, char** errptr);
/* What `statement` returns (its nodes, relationships and paths), drawn. */
char* quiver_diagram_of_query(quiver_db_t* db, const char* statement, const char* format,
                              size_t* len, char** errptr);

/* Writes the whole graph to `path` in `format` ("graphml", "dot",
 * "ntriples", "csv" (then `path` is a directory) or "jsonl"), with evidence
 * where the format carries it. */
void quiver_export(quiver_db_t* db, const char* format, const char* path, char** errptr);

/* ---- Extraction without a store (quiver/extractor.h) ---- */

/* An extractor with `jobs` parser threads (1 to 256); it loads
 * link-grammar's English dictionary once (an error when it is missing).
 * One thread at a time per extractor. */
quiver_extractor_t* quiver_extractor_create(int jobs, char** errptr);
void quiver_extractor_destroy(quiver_extractor_t* extractor);
/* The triples `content` (plain text) states, with their evidence; `date`
 * (NULL: none) is the document's publication date, which dates the time
 * expressions of its statements. The same text always gives the same
 * triples. */
quiver_triples_t* quiver_extract(quiver_extractor_t* extractor, const char* source,
                                 const char* content, const char* date, char** errptr);
void quiver_triples_destroy(quiver_triples_t* triples);
size_t quiver_triples_count(const quiver_triples_t* triples);
/* For i < count: subject, relation type, object, whether it is denied, the
 * relation as written, the sentence that states it, and its index. */
const char* quiver_triples_subject(const quiver_triples_t* triples, size_t i);
const char* quiver_triples_relation(const quiver_triples_t* triples, size_t i);
const char* quiver_triples_object(const quiver_triples_t* triples, size_t i);
unsigned char quiver_triples_negated(const quiver_triples_t* triples, size_t i);
const char* quiver_triples_text(const quiver_triples_t* triples, size_t i);
const char* quiver_triples_sentence(const quiver_triples_t* triples, size_t i);
uint32_t quiver_triples_sentence_index(const quiver_triples_t* triples, size_t i);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* QUIVER_C_H_ */
