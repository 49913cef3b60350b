#pragma once
// The sources of randomness in the model, one stream each (see
// engine/kernel/random_streams.hpp). The numbers are part of the results'
// identity: never renumber; append new sources at the end.
#include <cstdint>

namespace casesim::model {

enum class Stream : std::uint32_t {
  referral_arrivals = 1,    // when referrals arrive
  referral_attributes = 2,  // keyed on the referral and what is drawn: need, response, outcomes, durations
  case_durations = 3,       // (first slice; kept so its number is not reused)
  worker_days = 4,          // keyed on the post, the worker and the day: sickness, resignation
  worker_events = 5,        // keyed on the post and the worker: durations of absence, recruitment, tenure
  annual_leave = 6,         // keyed on the post, the worker and the leave year
  case_drift = 7,           // keyed on the worker and the day
  manager = 8,              // keyed on the manager and the day
};

constexpr std::uint32_t stream_id(Stream s) {
  return static_cast<std::uint32_t>(s);
}

// What is drawn for a referral, each from its own keyed sub-stream so that
// adding a draw never shifts another.
enum class ReferralDraw : std::uint32_t {
  need = 0,
  response,
  triage_error,
  re_referral,
  caught_at_visit,
  assessment_duration,
  assessment_outcome,
  icpc_outcome,
  icpc_otherwise,
  cp_duration,
  cp_step_down,
  cin_duration,
  looked_after_duration,
  assessment_plan,
  icpc_booking,
  count
};

}  // namespace casesim::model
