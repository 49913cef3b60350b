#pragma once
// `casesim whatif init SNAPSHOT_DIR`: a short, commented what-if for the team
// in a snapshot, to fill in. It builds on the shipped baseline (base:), runs
// from the snapshot's extract date, lists the team's workers in comments by
// pseudonym (never by name), and leaves a commented timeline to complete.
#include <ostream>
#include <string>

#include "engine/scenario/scenario.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::cli {

struct WhatIfInitOptions {
  std::string snapshot_directory;
  std::string output;  // the file to write; empty: standard output
  bool force = false;  // replace an existing file
  bool lenient = false;
  std::string salt_file;
  std::string team;
};

// The what-if's text. `base_path` is the baseline as the written file names
// it (relative to that file); `baseline` is that scenario, whose referral
// rate per FTE is scaled to the team's FTE.
std::string what_if_text(const snapshot::Snapshot& team, const WhatIfInitOptions& options, const std::string& base_path,
                         const scenario::Scenario& baseline);

// Throws UsageError for bad options, and the loaders' errors for a bad snapshot.
void whatif_init_command(const WhatIfInitOptions& options, std::ostream& out);

}  // namespace casesim::cli
