# Quiver as an installed library: `cmake --install` writes the public headers
# (include/quiver/), libquiver.a and libquiver.so, a CMake package
# (QuiverConfig.cmake, its version file and targets) and quiver.pc.
#
# Why one library and not the ten module libraries: the modules are the
# build's way to keep code apart (the include boundary), not something users
# choose from, and their headers are not installed. libquiver is packed from
# the modules' object files (compiled once, position-independent), so the
# static and the shared library hold exactly what Quiver::quiver links in
# the build tree.
#
# The shared library is what `Quiver::quiver` means to a consumer: it
# carries its dependencies (RocksDB, link-grammar, ANTLR, Graphviz, ICU...)
# itself, so a consumer needs only Abseil, whose Status types the headers
# use. The static one (Quiver::quiver_static, or Quiver::quiver when
# Quiver_USE_STATIC_LIBS is set before find_package) makes the consumer
# link all of them; QuiverConfig.cmake finds them then and only then.

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(quiver_module_libraries quiver_util quiver_graph quiver_algo quiver_render quiver_export
    quiver_grammar quiver_query_parser quiver_query quiver_ingest quiver_api)
set(quiver_objects)
foreach(module IN LISTS quiver_module_libraries)
  list(APPEND quiver_objects $<TARGET_OBJECTS:${module}>)
endforeach()

# The pkg-config targets the modules made are local to their directories.
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)

# Everything the modules' objects call outside Quiver. Keep in step with the
# modules' target_link_libraries (the shared library is linked with
# --no-undefined, so a missing one fails the build).
set(quiver_link_dependencies
  ICU::uc ICU::i18n Threads::Threads
  absl::status absl::statusor absl::strings absl::str_format absl::synchronization
  absl::flat_hash_map absl::flat_hash_set absl::function_ref absl::time)
set(quiver_build_only_dependencies
  PkgConfig::XXHASH PkgConfig::GVC PkgConfig::GUMBO
  ${LINK_GRAMMAR_LIBRARY} ${WORDNET_LIBRARY} ${ANTLR4_RUNTIME})
# Their installed names: imported targets QuiverConfig.cmake defines.
set(quiver_install_only_dependencies
  Quiver::xxhash Quiver::gvc Quiver::gumbo Quiver::link_grammar Quiver::wordnet
  Quiver::antlr4_runtime)

add_library(quiver_shared SHARED ${quiver_objects})
# Debian's RocksDB package makes RocksDB::rocksdb the static archive, which
# is compiled for programs (PIE), not for a shared library: libquiver.so
# links librocksdb.so.
if(TARGET RocksDB::rocksdb-shared)
  set(quiver_shared_rocksdb RocksDB::rocksdb-shared)
else()
  set(quiver_shared_rocksdb RocksDB::rocksdb)
endif()
target_link_libraries(quiver_shared
  PUBLIC absl::status absl::statusor
  PRIVATE ${quiver_shared_rocksdb} ${quiver_link_dependencies} ${quiver_build_only_dependencies})
target_link_options(quiver_shared PRIVATE -Wl,--no-undefined)

add_library(quiver_static STATIC ${quiver_objects})
target_link_libraries(quiver_static PUBLIC
  RocksDB::rocksdb ${quiver_link_dependencies}
  "$<BUILD_INTERFACE:${quiver_build_only_dependencies}>"
  "$<INSTALL_INTERFACE:${quiver_install_only_dependencies}>")

foreach(target quiver_shared quiver_static)
  target_include_directories(${target} INTERFACE
    $<BUILD_INTERFACE:${Quiver_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
endforeach()
set_target_properties(quiver_shared PROPERTIES
  OUTPUT_NAME quiver EXPORT_NAME quiver_shared
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
set_target_properties(quiver_static PROPERTIES OUTPUT_NAME quiver EXPORT_NAME quiver_static)

install(DIRECTORY ${Quiver_SOURCE_DIR}/include/quiver
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(TARGETS quiver_shared EXPORT QuiverTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS quiver_static EXPORT QuiverStaticTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})

set(quiver_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/Quiver)
install(EXPORT QuiverTargets NAMESPACE Quiver:: DESTINATION ${quiver_cmake_dir})
install(EXPORT QuiverStaticTargets NAMESPACE Quiver:: DESTINATION ${quiver_cmake_dir})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/QuiverConfig.cmake.in
  ${Quiver_BINARY_DIR}/QuiverConfig.cmake INSTALL_DESTINATION ${quiver_cmake_dir})
# The version policy (include/quiver/version.h): before 1.0 a minor release
# may change the API, so only the same minor version is compatible; from 1.0
# the same major version is.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(quiver_compatibility SameMinorVersion)
else()
  set(quiver_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${Quiver_BINARY_DIR}/QuiverConfigVersion.cmake
  COMPATIBILITY ${quiver_compatibility})
install(FILES ${Quiver_BINARY_DIR}/QuiverConfig.cmake ${Quiver_BINARY_DIR}/QuiverConfigVersion.cmake
        DESTINATION ${quiver_cmake_dir})

# pkg-config: `pkg-config --cflags --libs quiver` for the shared library,
# `--static` adds what the static one needs.
# Relocatable: the prefix is found from where the file is installed.
file(RELATIVE_PATH quiver_pc_to_prefix /p/${CMAKE_INSTALL_LIBDIR}/pkgconfig /p)
configure_file(${CMAKE_CURRENT_LIST_DIR}/quiver.pc.in ${Quiver_BINARY_DIR}/quiver.pc @ONLY)
install(FILES ${Quiver_BINARY_DIR}/quiver.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
