# Writes the combined grammar: grammar/Quiver.g4 with the line
# "// @KEYWORD_RULES@" replaced by one case-insensitive lexer rule per line of
# keywords.txt (MATCH : M A T C H ;) plus the letter fragments they use, and
# "// @RESERVED_WORD_RULE@" by a parser rule matching any keyword (keywords
# may still name properties, labels and types: n.count, :END).
# Debian's ANTLR 4.7.2 has no caseInsensitive option, hence this step.
# Usage: cmake -DGRAMMAR=... -DKEYWORDS=... -DOUT=... -P gen_grammar.cmake
file(READ ${GRAMMAR} text)
file(STRINGS ${KEYWORDS} lines)
set(rules "")
set(alts "")
foreach(line IN LISTS lines)
  string(STRIP "${line}" kw)
  if(kw STREQUAL "" OR kw MATCHES "^#")
    continue()
  endif()
  string(TOUPPER "${kw}" kw)
  string(LENGTH "${kw}" n)
  math(EXPR last "${n} - 1")
  set(letters "")
  foreach(i RANGE ${last})
    string(SUBSTRING "${kw}" ${i} 1 c)
    if(c MATCHES "[A-Z]")
      string(APPEND letters " ${c}")
    else()
      string(APPEND letters " '${c}'")
    endif()
  endforeach()
  # Token names that ANTLR reserves (SKIP) or that C++ defines as a macro
  # (NULL) get a suffix in the generated code only.
  set(token "${kw}")
  if(kw STREQUAL "SKIP" OR kw STREQUAL "NULL")
    set(token "${kw}_")
  endif()
  string(APPEND rules "${token} :${letters} ;\n")
  if(alts STREQUAL "")
    set(alts "${token}")
  else()
    string(APPEND alts " | ${token}")
  endif()
endforeach()
foreach(c A B C D E F G H I J K L M N O P Q R S T U V W X Y Z)
  string(TOLOWER ${c} lc)
  string(APPEND rules "fragment ${c} : '${lc}' | '${c}' ;\n")
endforeach()
string(REPLACE "// @KEYWORD_RULES@" "${rules}" text "${text}")
string(REPLACE "// @RESERVED_WORD_RULE@" "reservedWord : ${alts} ;" text "${text}")
file(WRITE ${OUT}.tmp "${text}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
