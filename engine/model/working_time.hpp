#pragma once
// The working year and week the model's rates and sessions are counted in.
namespace casesim::model {

// Working days in a year (52 weeks of 5, less 8 bank holidays), for turning
// annual rates into daily hazards and day counts back into years.
inline constexpr double kWorkingDaysPerYear = 253.0;
inline constexpr int kWorkingDaysPerWeek = 5;

// A supervision session is held in the working week before its due date, and
// counted missed if not held within a working week after it.
inline constexpr int kSupervisionWindowWorkingDays = 5;

}  // namespace casesim::model
