# Fails when a source file outside query/parser/ includes ANTLR's runtime or
# a header generated from grammar/Quiver.g4, or when a query/parser header
# (other than the private ast_builder.h) does.
file(GLOB_RECURSE files
  ${ROOT}/api/*.h ${ROOT}/api/*.cc ${ROOT}/cli/*.h ${ROOT}/cli/*.cc
  ${ROOT}/graph/*.h ${ROOT}/graph/*.cc ${ROOT}/include/*.h
  ${ROOT}/query/*.h ${ROOT}/query/*.cc ${ROOT}/util/*.h ${ROOT}/util/*.cc
  ${ROOT}/tests/*.h ${ROOT}/tests/*.cc ${ROOT}/bench/*.cc ${ROOT}/examples/*.cc)
set(bad)
foreach(f ${files})
  file(RELATIVE_PATH rel ${ROOT} ${f})
  if(rel MATCHES "^query/parser/.*\\.cc$" OR rel STREQUAL "query/parser/ast_builder.h")
    continue()
  endif()
  file(STRINGS ${f} lines REGEX "#include *[<\"](antlr4|antlr4-runtime|Quiver(Lexer|Parser|Visitor|BaseVisitor))")
  if(lines)
    list(APPEND bad "${rel}: ${lines}")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "ANTLR headers outside query/parser/*.cc:\n${bad}")
endif()
