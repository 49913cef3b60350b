# Every C++ source under engine/, analysis/, apps/ and python/ belongs to a layer of
# cmake/layers.cmake and includes only headers of its own layer and of the
# layers it may use. Run by the test layers.IncludesPointDownTheLayers:
#   cmake -DCASESIM_SOURCE_DIR=DIR -P cmake/check_layer_includes.cmake
# Prints each arrow that points the wrong way and fails if there is one.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/layers.cmake)
if(NOT CASESIM_SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DCASESIM_SOURCE_DIR=DIR -P check_layer_includes.cmake")
endif()

file(GLOB_RECURSE files RELATIVE ${CASESIM_SOURCE_DIR} ${CASESIM_SOURCE_DIR}/engine/*.cpp
     ${CASESIM_SOURCE_DIR}/engine/*.hpp ${CASESIM_SOURCE_DIR}/analysis/*.cpp ${CASESIM_SOURCE_DIR}/analysis/*.hpp
     ${CASESIM_SOURCE_DIR}/apps/*.cpp ${CASESIM_SOURCE_DIR}/apps/*.hpp ${CASESIM_SOURCE_DIR}/python/*.cpp
     ${CASESIM_SOURCE_DIR}/python/*.hpp)
list(SORT files)
set(problems "")
set(includes_checked 0)
foreach(file IN LISTS files)
  casesim_layer_of_path(${file} layer)
  if(NOT layer)
    list(APPEND problems "${file} is in no layer: give its folder one in cmake/layers.cmake")
    continue()
  endif()
  file(STRINGS ${CASESIM_SOURCE_DIR}/${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"(engine|analysis|apps)/")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
    math(EXPR includes_checked "${includes_checked} + 1")
    casesim_layer_of_path(${header} header_layer)
    if(NOT header_layer)
      list(APPEND problems "${file} (layer ${layer}) includes ${header}, which is in no layer")
    elseif(NOT header_layer STREQUAL layer AND NOT header_layer IN_LIST CASESIM_LAYER_${layer}_USES)
      list(APPEND problems "${file} (layer ${layer}) includes ${header} (layer ${header_layer}), which ${layer} may not use")
    endif()
  endforeach()
endforeach()

list(LENGTH files file_count)
if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "Includes against the layers (cmake/layers.cmake, docs/architecture.md):\n  ${text}")
endif()
message(STATUS "check_layer_includes: ${includes_checked} includes in ${file_count} files point down the layers")
