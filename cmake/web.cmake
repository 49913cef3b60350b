# The browser build (scripts/build-web, docs/web.md), configured with
# Emscripten's toolchain: the same engine, analysis and report libraries as the
# native build, compiled to WebAssembly, and web/ (the JavaScript binding and
# the page). No HDF5 (results stay in memory), no OpenMP (Web Workers run the
# replications), no MPI, no command-line program, tests or benchmarks.
set(CASESIM_WITH_HDF5 OFF CACHE BOOL "" FORCE)
set(CASESIM_WITH_OPENMP OFF CACHE BOOL "" FORCE)
set(CASESIM_WITH_MPI OFF)

# libyaml, libcsv and libsodium built for WebAssembly from Debian's sources
# by scripts/build-web-deps, which also links Debian's header-only libraries
# into include/ (the rest of /usr/include is glibc's and must stay out of reach).
set(CASESIM_WEB_DEPS ${PROJECT_SOURCE_DIR}/build-web-deps CACHE PATH "What scripts/build-web-deps built")
if(NOT EXISTS ${CASESIM_WEB_DEPS}/prefix/lib/libsodium.a)
  message(FATAL_ERROR "${CASESIM_WEB_DEPS}: no libraries built for WebAssembly; run scripts/build-web-deps")
endif()
list(APPEND CMAKE_FIND_ROOT_PATH ${CASESIM_WEB_DEPS}/prefix)
set(ENV{PKG_CONFIG_LIBDIR} ${CASESIM_WEB_DEPS}/prefix/lib/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")

add_library(Eigen3::Eigen INTERFACE IMPORTED)
target_include_directories(Eigen3::Eigen INTERFACE ${CASESIM_WEB_DEPS}/include/eigen3)
add_library(Boost::headers INTERFACE IMPORTED)
target_include_directories(Boost::headers INTERFACE ${CASESIM_WEB_DEPS}/include)
# fmt as headers only: Debian's libfmt.so is for the build machine.
add_library(fmt::fmt INTERFACE IMPORTED)
target_include_directories(fmt::fmt INTERFACE ${CASESIM_WEB_DEPS}/include)
target_compile_definitions(fmt::fmt INTERFACE FMT_HEADER_ONLY=1)

# Bad input is reported by exceptions, which Emscripten leaves out unless asked.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

add_library(casesim_warnings INTERFACE)
target_compile_options(casesim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)

add_subdirectory(engine)
add_subdirectory(analysis)
add_subdirectory(web)
