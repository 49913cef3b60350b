# The casesim program links the libraries it can statically: a run of one
# replication was mostly start-up, and loading and binding shared libraries
# was most of that (benchmarks/README.md, issue 19). A target with the
# property CASESIM_STATIC_LIBRARIES (the casesim program) links:
#   - HDF5's static libraries, without the shared build's curl (cmake/hdf5.cmake);
#   - the static archive of each C library Debian installs one for (libcsv,
#     libsodium, szip, zlib), through casesim_link_static_where_asked below;
#   - the C++ library and GCC's runtime statically (-static-libstdc++
#     -static-libgcc), which fmt compiled in (cmake/fmt.cmake) allows;
# leaving glibc (libc, libm) and libgomp shared. Every other target (the tests, the
# Python module, which as a shared library cannot take the archives) links
# the shared libraries as before. -DCASESIM_STATIC_LIBRARIES=OFF links the
# shared ones everywhere.
option(CASESIM_STATIC_LIBRARIES "Link the casesim program's libraries statically where their static archives are installed" ON)
set(casesim_wants_static "$<BOOL:$<TARGET_PROPERTY:CASESIM_STATIC_LIBRARIES>>")

# Sets `out` to what to link for the shared libraries given by path: in a
# target that asks, each one's static archive where it is installed beside it
# (libz.so -> libz.a), the shared library otherwise. szip's archive needs the
# libaec archive its shared library loads.
function(casesim_link_static_where_asked out)
  set(links "")
  foreach(shared IN LISTS ARGN)
    string(REGEX REPLACE "\\.so(\\.[0-9.]+)?$" ".a" static "${shared}")
    string(REGEX REPLACE "/libsz\\.a$" "/libaec.a" aec "${static}")
    # glibc's own (libm, libdl...) stay shared whatever archives it installs.
    if(NOT CASESIM_STATIC_LIBRARIES OR static STREQUAL shared OR NOT EXISTS "${static}" OR NOT EXISTS "${aec}" OR
       static MATCHES "/lib(c|m|dl|pthread|rt|util|resolv)\\.a$")
      list(APPEND links "${shared}")
      continue()
    endif()
    list(APPEND links "$<${casesim_wants_static}:${static}>" "$<$<NOT:${casesim_wants_static}>:${shared}>")
    if(NOT aec STREQUAL static)
      list(APPEND links "$<${casesim_wants_static}:${aec}>")
    endif()
  endforeach()
  set(${out} "${links}" PARENT_SCOPE)
endfunction()

# The program's own link: the C++ library and GCC's runtime.
function(casesim_link_statically target)
  set_property(TARGET ${target} PROPERTY CASESIM_STATIC_LIBRARIES ON)
  if(CASESIM_STATIC_LIBRARIES)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  endif()
endfunction()
