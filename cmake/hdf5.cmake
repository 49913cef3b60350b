# casesim_hdf5: HDF5 as a target that links casesim_results gets it.
#
# Debian's shared HDF5 needs curl (for its S3 driver, which casesim never
# uses), and curl some thirty TLS, LDAP and Kerberos libraries: loading and
# binding them was more than half of `casesim --version` (benchmarks/README.md,
# issue 19). Debian's libhdf5-dev also has the static libraries; linked from
# them, only the parts of HDF5 casesim calls come in, and --as-needed (GCC's
# default on Debian) leaves curl and its libraries out.
#
# A target with the property CASESIM_STATIC_LIBRARIES (the casesim program,
# cmake/static_libraries.cmake) links the static libraries, and those of what
# HDF5 needs (zlib, szip) where installed; every other one links the shared
# HDF5 as before.
add_library(casesim_hdf5 INTERFACE)
target_include_directories(casesim_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
target_compile_definitions(casesim_hdf5 INTERFACE ${HDF5_DEFINITIONS})

# The static twin of each shared HDF5 library (libhdf5.so -> libhdf5.a), or
# nothing when one is missing.
set(static_hdf5 "")
set(hdf5_needs "")
foreach(shared IN LISTS HDF5_HL_LIBRARIES HDF5_C_LIBRARIES)
  if(shared MATCHES "/libhdf5[^/]*\\.so$")
    string(REGEX REPLACE "\\.so$" ".a" static "${shared}")
    if(NOT EXISTS "${static}")
      set(static_hdf5 "")
      break()
    endif()
    list(APPEND static_hdf5 "${static}")
  else()
    list(APPEND hdf5_needs "${shared}")  # what HDF5 itself needs: zlib, szip, curl...
  endif()
endforeach()

if(CASESIM_STATIC_LIBRARIES AND static_hdf5)
  casesim_link_static_where_asked(hdf5_needs ${hdf5_needs})
  target_link_libraries(casesim_hdf5 INTERFACE "$<${casesim_wants_static}:${static_hdf5}>" ${hdf5_needs}
                                               "$<$<NOT:${casesim_wants_static}>:hdf5::hdf5_hl;HDF5::HDF5>")
else()
  if(CASESIM_STATIC_LIBRARIES)
    message(STATUS "HDF5's static libraries are not installed: casesim links the shared ones")
  endif()
  target_link_libraries(casesim_hdf5 INTERFACE hdf5::hdf5_hl HDF5::HDF5)
endif()
