# mobility_embed(<target> SYMBOL <function name> BASE_DIR <dir> GLOB <patterns...>)
# Compiles the matching files into <target> as mobility::embedded::<function name>(), which
# returns them as EmbeddedFile values sorted by path. Adding, removing or editing a file
# re-runs the embedding.
function(mobility_embed target)
  cmake_parse_arguments(ARG "" "SYMBOL;BASE_DIR" "GLOB" ${ARGN})
  set(patterns "")
  foreach(pattern IN LISTS ARG_GLOB)
    list(APPEND patterns "${ARG_BASE_DIR}/${pattern}")
  endforeach()
  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${patterns})
  list(SORT files)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded_${ARG_SYMBOL}.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${output}" "-DSYMBOL=${ARG_SYMBOL}" "-DBASE_DIR=${ARG_BASE_DIR}"
            "-DFILES=${files}" -P "${PROJECT_SOURCE_DIR}/ops/cmake/embed_files.cmake"
    DEPENDS ${files} "${PROJECT_SOURCE_DIR}/ops/cmake/embed_files.cmake"
    COMMENT "Embedding ${ARG_SYMBOL}"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()
