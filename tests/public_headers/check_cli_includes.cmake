# Fails when a source of the CLI (DIR) includes a header of a module other
# than the public API (quiver/), its own (cli/) and util/: the CLI is a
# client of include/quiver/ like any program. The include boundary makes
# such an include fail to compile; this names the file and line when a link
# is added back.
file(GLOB_RECURSE sources ${DIR}/*.cc ${DIR}/*.h)
set(bad)
foreach(source ${sources})
  file(STRINGS ${source} lines REGEX "^ *# *include *\"(api|graph|ingest|query|render)/")
  if(lines)
    list(APPEND bad "${source}: ${lines}")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "CLI sources include internal module headers:\n${bad}")
endif()
list(LENGTH sources count)
message(STATUS "checked ${count} CLI sources: only public, cli/ and util/ headers")
