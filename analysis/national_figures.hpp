#pragma once
// England's published figures that casesim's simulated durations are set
// beside: how long assessments take, and how long from a section 47 enquiry's
// strategy discussion to the initial child protection conference, as shares
// of completions in DfE's bands of working days and as quartiles. The one
// place these numbers live: the report draws them, and the calibration tests
// hold the baseline to them.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "engine/model/durations.hpp"

namespace casesim::analysis {

// A band's last working day when it has no upper end ("61+").
inline constexpr int kOpenEnded = -1;

struct DurationBand {
  std::string_view label;  // as DfE heads it: "same day", "1 to 10", "61 or more"
  int first_working_day;   // the band holds durations first..last working days, inclusive
  int last_working_day;    // kOpenEnded: and every longer one
  double share;            // of all completions, 0..1
  bool open_ended() const { return last_working_day == kOpenEnded; }
};

struct NationalDurations {
  model::Duration duration;
  std::string_view title;               // what is timed, in DfE's words
  std::string_view source;              // the publication and table, for a citation
  std::span<const DurationBand> bands;  // in order, covering 0 days and up
  std::array<double, 3> quartiles;      // lower quartile, median, upper quartile (working days)
  std::uint64_t completions;            // how many the figures count; 0 where the source does not say
};

// The national figures for one duration.
const NationalDurations& national_durations(model::Duration duration);

}  // namespace casesim::analysis
