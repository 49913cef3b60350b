# casesim_hdf5: HDF5 as a target that links casesim_results gets it.
#
# Debian's shared HDF5 needs curl (for its S3 driver, which casesim never
# uses), and curl some thirty TLS, LDAP and Kerberos libraries: loading and
# binding them was more than half of `casesim --version` (benchmarks/README.md,
# issue 19). Debian's libhdf5-dev also has the static libraries; linked from
# them, only the parts of HDF5 casesim calls come in, and --as-needed (GCC's
# default on Debian) leaves curl and its libraries out.
#
# A target that sets the property CASESIM_STATIC_HDF5 (the casesim program)
# links the static libraries; every other one (the tests, the Python module,
# which as a shared library cannot take them) links the shared HDF5 as before. -DCASESIM_STATIC_HDF5=OFF links the shared one
# everywhere.
option(CASESIM_STATIC_HDF5 "Link HDF5's static libraries into the casesim program where they are installed" ON)

add_library(casesim_hdf5 INTERFACE)
target_include_directories(casesim_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
target_compile_definitions(casesim_hdf5 INTERFACE ${HDF5_DEFINITIONS})

# The static twin of each shared HDF5 library (libhdf5.so -> libhdf5.a), or
# nothing when one is missing.
set(static_hdf5 "")
foreach(shared IN LISTS HDF5_HL_LIBRARIES HDF5_C_LIBRARIES)
  if(shared MATCHES "/libhdf5[^/]*\\.so$")
    string(REGEX REPLACE "\\.so$" ".a" static "${shared}")
    if(NOT EXISTS "${static}")
      set(static_hdf5 "")
      break()
    endif()
    list(APPEND static_hdf5 "${static}")
  else()
    list(APPEND static_hdf5 "${shared}")  # what HDF5 itself needs: zlib, szip, curl...
  endif()
endforeach()

if(CASESIM_STATIC_HDF5 AND static_hdf5)
  set(wants_static "$<BOOL:$<TARGET_PROPERTY:CASESIM_STATIC_HDF5>>")
  target_link_libraries(casesim_hdf5 INTERFACE "$<${wants_static}:${static_hdf5}>"
                                               "$<$<NOT:${wants_static}>:hdf5::hdf5_hl;HDF5::HDF5>")
else()
  if(CASESIM_STATIC_HDF5)
    message(STATUS "HDF5's static libraries are not installed: casesim links the shared ones")
  endif()
  target_link_libraries(casesim_hdf5 INTERFACE hdf5::hdf5_hl HDF5::HDF5)
endif()
