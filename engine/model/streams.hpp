#pragma once
// The sources of randomness in the model, one stream each (see
// engine/kernel/random_streams.hpp). The numbers are part of the results'
// identity: never renumber; append new sources at the end.
#include <cstdint>

namespace casesim::model {

enum class Stream : std::uint32_t {
  referral_arrivals = 1,    // when referrals arrive
  referral_attributes = 2,  // keyed on the referral: triage outcome, need
  case_durations = 3,       // keyed on the referral: how long its case stays open
};

constexpr std::uint32_t stream_id(Stream s) { return static_cast<std::uint32_t>(s); }

}  // namespace casesim::model
