#pragma once
// How long statutory work took, per replication, as a histogram: one bin per
// working day from 0 to 90 and a last bin for longer, finer than the bands of
// DfE's children in need census tables so that any of them can be formed.
#include <array>
#include <cstddef>
#include <string_view>

namespace casesim::model {

enum class Duration : std::size_t {
  assessment_working_days,  // referral to completed assessment
  icpc_working_days,        // strategy discussion to initial child protection conference
};
inline constexpr std::size_t kDurationCount = 2;
inline constexpr std::size_t kDurationBins = 92;  // 0..90 working days, then more than 90

constexpr std::size_t index(Duration d) {
  return static_cast<std::size_t>(d);
}

struct DurationDefinition {
  std::string_view name;
  std::string_view description;
};

inline constexpr std::array<DurationDefinition, kDurationCount> kDurationDefinitions{{
    {"assessment_working_days",
     "Assessments completed in the counted period, by working days from the referral to completion (DfE, children "
     "in need census: duration of assessment)."},
    {"icpc_working_days",
     "Initial child protection conferences held in the counted period, by working days from the strategy discussion "
     "(DfE, children in need census: section 47 enquiry to initial conference)."},
}};

}  // namespace casesim::model
