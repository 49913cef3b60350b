# casesim's layers and the arrows allowed between them (docs/architecture.md).
# One table, checked twice: at configure time, that each library links only
# libraries of the layers it may use (casesim_check_layer_links, called at the
# end of the top-level CMakeLists.txt); and by the test
# layers.IncludesPointDownTheLayers, that each source includes only headers of
# its own layer and of the layers it may use (cmake/check_layer_includes.cmake).
#
# A layer's SOURCES are folders, or files named without their extension; a
# path belongs to the layer of the longest entry it falls under. USES lists
# every layer it may use, not only its neighbours.

set(CASESIM_LAYERS kernel statistics input snapshot_data snapshot scenario model results runner optimise analysis
                   report cli python)

# Event calendar, simulator, working-day calendar, random streams. No social work.
set(CASESIM_LAYER_kernel_SOURCES engine/kernel)
set(CASESIM_LAYER_kernel_USES "")
set(CASESIM_LAYER_kernel_TARGETS casesim_kernel)

# Plain numbers in, plain numbers out: means and intervals, paired differences,
# proportions, the counted thirds, constrained selection. No results file, no model.
set(CASESIM_LAYER_statistics_SOURCES analysis/statistics analysis/paired analysis/proportion analysis/counted_thirds
                                     analysis/constrained_selection)
set(CASESIM_LAYER_statistics_USES "")
set(CASESIM_LAYER_statistics_TARGETS casesim_statistics)

# Reading what people write: files, the safe YAML tree, numbers and dates as
# text, the one located bad-input error. The only libyaml code.
set(CASESIM_LAYER_input_SOURCES engine/input)
set(CASESIM_LAYER_input_USES kernel)
set(CASESIM_LAYER_input_TARGETS casesim_input)

# The Snapshot struct alone (a team's state on a date, already pseudonymised):
# plain data that scenario and model read without linking the loader.
set(CASESIM_LAYER_snapshot_data_SOURCES engine/snapshot/snapshot)
set(CASESIM_LAYER_snapshot_data_USES kernel)
set(CASESIM_LAYER_snapshot_data_TARGETS "")

# Loading a snapshot from a council's own data (Annex A CSV, workers.csv, the manifest).
set(CASESIM_LAYER_snapshot_SOURCES engine/snapshot)
set(CASESIM_LAYER_snapshot_USES kernel input snapshot_data)
set(CASESIM_LAYER_snapshot_TARGETS casesim_snapshot)

# Scenario, timeline and experiment structs, their loading and validation.
set(CASESIM_LAYER_scenario_SOURCES engine/scenario)
set(CASESIM_LAYER_scenario_USES kernel input snapshot_data)
set(CASESIM_LAYER_scenario_TARGETS casesim_scenario)

# The team: referrals, cases, workers, statutory actions, the metric catalogue. No files.
set(CASESIM_LAYER_model_SOURCES engine/model)
set(CASESIM_LAYER_model_USES kernel scenario snapshot_data)
set(CASESIM_LAYER_model_TARGETS casesim_model)

# The HDF5 results file: typed layer, writer, reader, layout checks. The only HDF5 code.
set(CASESIM_LAYER_results_SOURCES engine/results)
set(CASESIM_LAYER_results_USES kernel input)
set(CASESIM_LAYER_results_TARGETS casesim_results)

# The run: replications and experiments in parallel, recording, resume, precision.
set(CASESIM_LAYER_runner_SOURCES engine/runner)
set(CASESIM_LAYER_runner_USES kernel statistics input snapshot_data snapshot scenario model results)
set(CASESIM_LAYER_runner_TARGETS casesim_runner)
if(TARGET casesim_mpi)
  list(APPEND CASESIM_LAYER_runner_TARGETS casesim_mpi)  # the MPI module (CASESIM_WITH_MPI)
endif()

# casesim optimise: its file, and the staffing search over the runner's replications.
set(CASESIM_LAYER_optimise_SOURCES engine/optimise)
set(CASESIM_LAYER_optimise_USES kernel statistics input snapshot_data snapshot scenario model results runner)
set(CASESIM_LAYER_optimise_TARGETS casesim_optimise)

# Analysis of results files (the model's catalogue names what is in them).
set(CASESIM_LAYER_analysis_SOURCES analysis)
set(CASESIM_LAYER_analysis_USES kernel statistics model results)
set(CASESIM_LAYER_analysis_TARGETS casesim_analysis)

# The HTML report.
set(CASESIM_LAYER_report_SOURCES analysis/report)
set(CASESIM_LAYER_report_USES kernel statistics model results analysis)
set(CASESIM_LAYER_report_TARGETS casesim_report)

# The program: parses, calls in, prints. May use every layer.
set(CASESIM_LAYER_cli_SOURCES apps/casesim)
set(CASESIM_LAYER_cli_USES kernel statistics input snapshot_data snapshot scenario model results runner optimise
                           analysis report)
set(CASESIM_LAYER_cli_TARGETS casesim_cli casesim)

# import casesim: loads and runs through the runner, as the program does, and
# hands the results file to Python. Re-implements nothing. Built only where
# pybind11 and Python's headers are (CASESIM_BUILD_PYTHON).
set(CASESIM_LAYER_python_SOURCES python)
set(CASESIM_LAYER_python_USES kernel statistics input snapshot_data snapshot scenario model results runner)
set(CASESIM_LAYER_python_TARGETS "")
if(TARGET casesim_python)
  set(CASESIM_LAYER_python_TARGETS casesim_python)
endif()

# OUT: the layer a path relative to the source tree belongs to ("" for none).
function(casesim_layer_of_path path out)
  set(best "")
  set(best_length 0)
  foreach(layer IN LISTS CASESIM_LAYERS)
    foreach(entry IN LISTS CASESIM_LAYER_${layer}_SOURCES)
      string(LENGTH "${entry}" length)
      string(FIND "${path}" "${entry}/" in_folder)
      string(FIND "${path}" "${entry}." is_file)
      if((in_folder EQUAL 0 OR is_file EQUAL 0) AND length GREATER best_length)
        set(best ${layer})
        set(best_length ${length})
      endif()
    endforeach()
  endforeach()
  set(${out} "${best}" PARENT_SCOPE)
endfunction()

# Fails the configure step naming each link between casesim libraries that the
# table does not allow.
function(casesim_check_layer_links)
  set(problems "")
  foreach(layer IN LISTS CASESIM_LAYERS)
    foreach(target IN LISTS CASESIM_LAYER_${layer}_TARGETS)
      if(NOT TARGET ${target})
        list(APPEND problems "${target} (layer ${layer}) is not a target: cmake/layers.cmake names it")
        continue()
      endif()
      get_target_property(links ${target} LINK_LIBRARIES)
      if(NOT links)
        set(links "")
      endif()
      foreach(link IN LISTS links)
        set(link_layer "")
        foreach(other IN LISTS CASESIM_LAYERS)
          if(link IN_LIST CASESIM_LAYER_${other}_TARGETS)
            set(link_layer ${other})
          endif()
        endforeach()
        # casesim_warnings and casesim_hdf5 (HDF5 itself, cmake/hdf5.cmake) are build settings, not code.
        if(link MATCHES "^casesim_" AND NOT link MATCHES "^casesim_(warnings|hdf5)$" AND link_layer STREQUAL "")
          list(APPEND problems "${target} (layer ${layer}) links ${link}, which is in no layer")
        elseif(link_layer AND NOT link_layer STREQUAL layer AND NOT link_layer IN_LIST CASESIM_LAYER_${layer}_USES)
          list(APPEND problems "${target} (layer ${layer}) links ${link} (layer ${link_layer}), which ${layer} may not use")
        endif()
      endforeach()
    endforeach()
  endforeach()
  if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "Links against the layers (cmake/layers.cmake, docs/architecture.md):\n  ${text}")
  endif()
endfunction()
