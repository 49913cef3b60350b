#pragma once
// A plan as a manager would say it: "Recruit one permanent worker now (starts
// about November 2027, after the usual recruitment lag) and keep one leaving
// worker until 30 April 2027". The terminal output and the report open with it.
#include <string>

#include "engine/optimise/optimisation.hpp"

namespace casesim::optimise {

// "30 April 2027".
std::string long_date(kernel::Date date);

// "26 weeks, 15 January to 16 July 2027".
std::string period_in_words(const Period& period);

// The plan's options in words, in the file's order; "Change nothing" when it
// adds nothing.
std::string plan_in_words(const Optimisation& optimisation, const Plan& plan);

}  // namespace casesim::optimise
