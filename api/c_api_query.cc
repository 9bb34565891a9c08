// The C API (quiver/c.h): parameters, queries and reading their rows.

#include "api/c_api_internal.h"

using quiver::Value;
using quiver::c_api::Guard;
using quiver::c_api::GuardVoid;
using quiver::c_api::NewResult;
using quiver::c_api::SaveError;
using quiver::c_api::Str;

// A prepared statement; quiver_statement_execute may run it on several
// threads at once, as PreparedStatement::Execute may be.
struct quiver_statement_t {
  quiver::PreparedStatement statement;
};

namespace quiver::c_api {

quiver_result_t* NewResult(absl::StatusOr<quiver::Result> result, char** errptr) {
  if (!result.ok()) {
    SaveError(errptr, result.status());
    return nullptr;
  }
  auto* out = new quiver_result_t;
  out->columns = result->columns();
  out->text.resize(out->columns.size());
  out->result = std::move(*result);
  return out;
}

}  // namespace quiver::c_api

namespace {

void SetParam(quiver_params_t* params, const char* name, Value value) {
  GuardVoid(nullptr, [&] { params->values[Str(name)] = std::move(value); });
}

// The current row's value in `column`, or null.
const Value& Cell(const quiver_result_t* result, size_t column) {
  static const Value kNull;
  if (!result->has_row || column >= result->row.size()) return kNull;
  return result->row[column];
}

}  // namespace

extern "C" {

quiver_params_t* quiver_params_create(void) {
  return Guard<quiver_params_t*>(nullptr, nullptr, [] { return new quiver_params_t; });
}
void quiver_params_destroy(quiver_params_t* params) { delete params; }
void quiver_params_set_null(quiver_params_t* params, const char* name) {
  SetParam(params, name, Value());
}
void quiver_params_set_bool(quiver_params_t* params, const char* name, unsigned char value) {
  SetParam(params, name, Value(value != 0));
}
void quiver_params_set_int(quiver_params_t* params, const char* name, int64_t value) {
  SetParam(params, name, Value(value));
}
void quiver_params_set_double(quiver_params_t* params, const char* name, double value) {
  SetParam(params, name, Value(value));
}
void quiver_params_set_string(quiver_params_t* params, const char* name, const char* value) {
  SetParam(params, name, value ? Value(value) : Value());
}

quiver_result_t* quiver_query(quiver_db_t* db, const char* statement,
                              const quiver_params_t* params, char** errptr) {
  return Guard<quiver_result_t*>(errptr, nullptr, [&]() -> quiver_result_t* {
    return NewResult(
        db->db->Query(Str(statement), params ? params->values : quiver::ValueMap()), errptr);
  });
}

quiver_statement_t* quiver_prepare(quiver_db_t* db, const char* statement, char** errptr) {
  return Guard<quiver_statement_t*>(errptr, nullptr, [&]() -> quiver_statement_t* {
    auto prepared = db->db->Prepare(Str(statement));
    if (!prepared.ok()) {
      SaveError(errptr, prepared.status());
      return nullptr;
    }
    return new quiver_statement_t{std::move(*prepared)};
  });
}

quiver_result_t* quiver_statement_execute(const quiver_statement_t* statement,
                                          const quiver_params_t* params, char** errptr) {
  return Guard<quiver_result_t*>(errptr, nullptr, [&]() -> quiver_result_t* {
    return NewResult(
        statement->statement.Execute(params ? params->values : quiver::ValueMap()), errptr);
  });
}

void quiver_statement_destroy(quiver_statement_t* statement) { delete statement; }

void quiver_result_destroy(quiver_result_t* result) { delete result; }

size_t quiver_result_column_count(const quiver_result_t* result) {
  return result->columns.size();
}

const char* quiver_result_column_name(const quiver_result_t* result, size_t column) {
  return column < result->columns.size() ? result->columns[column].c_str() : nullptr;
}

unsigned char quiver_result_next(quiver_result_t* result, char** errptr) {
  return Guard<unsigned char>(errptr, 0, [&]() -> unsigned char {
    result->has_row = result->result.Next(&result->row);
    if (!result->has_row && !result->result.status().ok()) {
      SaveError(errptr, result->result.status());
    }
    return result->has_row ? 1 : 0;
  });
}

quiver_type_t quiver_result_type(const quiver_result_t* result, size_t column) {
  // quiver_type_t mirrors Value::Type's numbers.
  return static_cast<quiver_type_t>(Cell(result, column).type());
}

unsigned char quiver_result_bool(const quiver_result_t* result, size_t column) {
  const Value& v = Cell(result, column);
  return v.is_bool() && v.AsBool() ? 1 : 0;
}

int64_t quiver_result_int(const quiver_result_t* result, size_t column) {
  const Value& v = Cell(result, column);
  return v.is_int() ? v.AsInt() : 0;
}

double quiver_result_double(const quiver_result_t* result, size_t column) {
  const Value& v = Cell(result, column);
  return v.is_number() ? v.AsNumber() : 0.0;
}

uint64_t quiver_result_id(const quiver_result_t* result, size_t column) {
  const Value& v = Cell(result, column);
  if (v.is_node()) return v.AsNode().id;
  if (v.is_relationship()) return v.AsRelationship().id;
  return 0;
}

const char* quiver_result_string(quiver_result_t* result, size_t column, size_t* len) {
  return Guard<const char*>(nullptr, nullptr, [&]() -> const char* {
    const Value& v = Cell(result, column);
    if (v.is_null()) {
      if (len) *len = 0;
      return nullptr;
    }
    const std::string* s;
    if (v.is_string()) {
      s = &v.AsString();
    } else {
      if (result->text.size() <= column) result->text.resize(column + 1);
      result->text[column] = v.ToString();
      s = &result->text[column];
    }
    if (len) *len = s->size();
    return s->c_str();
  });
}

}  // extern "C"
