#include "analysis/national_figures.hpp"

namespace casesim::analysis {

namespace {

// DfE, "Children in need", reporting year 2025 (England), table C2: duration
// of assessments completed in the year, in working days from the referral;
// 648,830 assessments. The bands are DfE's.
constexpr std::array<DurationBand, 9> kAssessmentBands{{
    {"same day", 0, 0, 0.018},
    {"1-10", 1, 10, 0.117},
    {"11-20", 11, 20, 0.173},
    {"21-30", 21, 30, 0.158},
    {"31-40", 31, 40, 0.202},
    {"41-45", 41, 45, 0.189},
    {"46-50", 46, 50, 0.058},
    {"51-60", 51, 60, 0.043},
    {"61+", 61, kOpenEnded, 0.042},
}};

// DfE, children in need census 2023 (England): working days from the strategy
// discussion that starts a section 47 enquiry to the initial child protection
// conference (the standard is 15). The shares add to 99.9% as published.
constexpr std::array<DurationBand, 4> kIcpcBands{{
    {"0-10", 0, 10, 0.092},
    {"11-15", 11, 15, 0.692},
    {"16-20", 16, 20, 0.095},
    {"21+", 21, kOpenEnded, 0.120},
}};

const NationalDurations kAssessments{
    model::Duration::assessment_working_days,
    "Duration of assessments, from referral to completion",
    "DfE, Children in need 2025, table C2: duration of assessment, England (648,830 assessments)",
    kAssessmentBands,
    {17, 33, 43},
    648'830};

const NationalDurations kIcpcs{
    model::Duration::icpc_working_days,
    "Section 47 enquiry to initial child protection conference",
    "DfE, children in need census 2023, England: section 47 enquiry to initial child protection conference",
    kIcpcBands,
    {13, 14, 15},
    0};

}  // namespace

const NationalDurations& national_durations(model::Duration duration) {
  switch (duration) {
    case model::Duration::assessment_working_days: return kAssessments;
    case model::Duration::icpc_working_days: return kIcpcs;
  }
  return kAssessments;
}

}  // namespace casesim::analysis
