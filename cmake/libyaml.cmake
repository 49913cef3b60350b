# libyaml, the C parser engine/input reads every YAML file with (Debian's
# libyaml-dev; for the browser, scripts/build-web-deps builds it from Debian's
# source package). Its static library where installed, the shared one
# otherwise: a static libyaml is one shared library fewer for casesim to load
# at start-up (docs/architecture.md). Defines the target libyaml::yaml.
if(TARGET libyaml::yaml)
  return()
endif()
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_LIBYAML QUIET yaml-0.1)
endif()
find_path(LIBYAML_INCLUDE_DIR yaml.h HINTS ${PC_LIBYAML_INCLUDE_DIRS})
find_library(LIBYAML_LIBRARY NAMES libyaml.a yaml HINTS ${PC_LIBYAML_LIBRARY_DIRS})
if(NOT LIBYAML_INCLUDE_DIR OR NOT LIBYAML_LIBRARY)
  message(FATAL_ERROR "libyaml not found: install libyaml-dev (scripts/setup-machine), or for the browser build "
                      "run scripts/build-web-deps")
endif()
add_library(libyaml::yaml UNKNOWN IMPORTED)
set_target_properties(libyaml::yaml PROPERTIES IMPORTED_LOCATION ${LIBYAML_LIBRARY}
                                               INTERFACE_INCLUDE_DIRECTORIES ${LIBYAML_INCLUDE_DIR})
if(LIBYAML_LIBRARY MATCHES "\\.a$")
  # yaml.h declares its functions for a DLL unless told the library is static (Windows only).
  set_property(TARGET libyaml::yaml PROPERTY INTERFACE_COMPILE_DEFINITIONS YAML_DECLARE_STATIC)
endif()
message(STATUS "libyaml: ${LIBYAML_LIBRARY}")
