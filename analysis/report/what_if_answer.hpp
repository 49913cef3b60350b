#pragma once
// The manager's answer to a what-if, first thing in `casesim run` and on the
// report's first screen: three or four plain sentences with numbers,
// percentages and dates ("If 2 agency workers leave on 1 March 2027, about 49
// more statutory visits will be late by mid-July 2027 (233 against 184, 27%
// more)."), computed from a paired what-if results file
// (results::Metadata::what_if). A difference is claimed only when its paired
// 95% interval excludes 0; otherwise the sentence says the change makes no
// clear difference. Intervals go in the footnotes, not the sentences.
#include <cstddef>
#include <string>
#include <vector>

#include "engine/results/results_file.hpp"

namespace casesim::analysis::report {

struct WhatIfAnswer {
  std::vector<std::string> sentences;
  std::vector<std::string> footnotes;  // the intervals and counts behind the sentences
  // For each sentence, the number (from 1) of the footnote behind it; 0: none.
  std::vector<std::size_t> footnote_of;
};

// Throws std::invalid_argument when `data` is not a paired what-if run.
WhatIfAnswer what_if_answer(const results::ResultsData& data);

// The timeline's dated changes in words, from the file: "2 agency workers
// leave on 1 March 2027 and ...".
std::string dated_changes_in_words(const results::Metadata& metadata);

// "mid-July 2027": roughly when a date falls, for sentences (early, mid- or
// late in its month); text that is not an ISO date is returned as it is.
std::string roughly_when(const std::string& iso_date);

// The last day of the run, as an ISO date.
std::string last_day_of_run(const results::Metadata& metadata);

}  // namespace casesim::analysis::report
