# fmt::fmt for the native build: fmt compiled into casesim (cmake/fmt_compiled.cpp)
# from the headers Debian's libfmt-dev installs, not Debian's libfmt.so, which
# needs the shared C++ library (fmt_compiled.cpp says why that matters). Every
# casesim library links fmt::fmt as before. The browser build defines fmt::fmt
# as headers only instead (cmake/web.cmake).
find_path(CASESIM_FMT_INCLUDE_DIR fmt/format-inl.h)
if(NOT CASESIM_FMT_INCLUDE_DIR)
  message(FATAL_ERROR "fmt's headers not found: install libfmt-dev (scripts/setup-machine)")
endif()
add_library(casesim_fmt STATIC ${CMAKE_CURRENT_LIST_DIR}/fmt_compiled.cpp)
target_include_directories(casesim_fmt SYSTEM PUBLIC ${CASESIM_FMT_INCLUDE_DIR})
add_library(fmt::fmt ALIAS casesim_fmt)
