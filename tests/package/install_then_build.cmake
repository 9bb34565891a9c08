# Run by ctest (tests/package/CMakeLists.txt): install, then build and test
# examples/ against the installed package. Any failing step fails the test.

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${rc}): ${command}\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
run(${CMAKE_COMMAND} --install ${QUIVER_BUILD_DIR} --prefix ${prefix})

# What a user gets: the headers (no internal one), both libraries, the
# package files.
foreach(file include/quiver/quiver.h include/quiver/c.h lib/libquiver.a
             lib/cmake/Quiver/QuiverConfig.cmake lib/cmake/Quiver/QuiverConfigVersion.cmake
             lib/pkgconfig/quiver.pc)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "the install lacks ${file}")
  endif()
endforeach()
file(GLOB shared ${prefix}/lib/libquiver.so*)
if(NOT shared)
  message(FATAL_ERROR "the install lacks libquiver.so")
endif()
file(GLOB_RECURSE headers RELATIVE ${prefix}/include ${prefix}/include/*)
foreach(header IN LISTS headers)
  if(NOT header MATCHES "^quiver/[a-z_]+\\.h$")
    message(FATAL_ERROR "the install carries a header outside include/quiver/: ${header}")
  endif()
endforeach()

set(common -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
if(CXX_LAUNCHER)
  list(APPEND common -DCMAKE_CXX_COMPILER_LAUNCHER=${CXX_LAUNCHER})
endif()

# The shared library: every example, and their tests.
run(${CMAKE_COMMAND} -S ${EXAMPLES_DIR} -B ${WORK_DIR}/shared ${common})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/shared)
run(${CMAKE_CTEST_COMMAND} --test-dir ${WORK_DIR}/shared --output-on-failure)
message(STATUS "examples against libquiver.so:\n${last_output}")

# The static library: one example is enough to show its dependencies are
# found and linked.
run(${CMAKE_COMMAND} -S ${EXAMPLES_DIR} -B ${WORK_DIR}/static ${common}
    -DQuiver_USE_STATIC_LIBS=ON -DBUILD_TESTING=OFF)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/static --target embed)
run(${WORK_DIR}/static/embed)
if(NOT last_output MATCHES "Marta Lind chairs the harbour committee")
  message(FATAL_ERROR "the statically linked embed printed:\n${last_output}")
endif()

# pkg-config, by hand.
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
run(${PKG_CONFIG} --modversion quiver)
string(STRIP "${last_output}" version)
if(NOT version STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config says version '${version}', the build ${VERSION}")
endif()
run(${PKG_CONFIG} --cflags --libs quiver)
string(STRIP "${last_output}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX_COMPILER} -std=c++17 ${EXAMPLES_DIR}/embed.cc -o ${WORK_DIR}/embed_pkg_config ${flags}
    -Wl,-rpath,${prefix}/lib)
run(${WORK_DIR}/embed_pkg_config)
if(NOT last_output MATCHES "Marta Lind chairs the harbour committee")
  message(FATAL_ERROR "embed built with pkg-config printed:\n${last_output}")
endif()
