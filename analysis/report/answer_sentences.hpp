#pragma once
// The first screen of a report on a run or an experiment: three or four plain
// sentences that answer the question the file was made for, with numbers and
// percentages and no statistics in the way. Each sentence's intervals go in
// its `detail` (a hover and a footnote), never in its text; a difference
// whose paired 95% interval includes 0 is said to be not clear, and a measure
// with nothing to count is said not to apply.
#include <string>
#include <vector>

#include "analysis/report/report_input.hpp"
#include "analysis/statistics.hpp"

namespace casesim::analysis::report {

struct AnswerSentence {
  std::string text;
  std::string detail;   // the intervals behind the sentence; empty when it has none
  std::string metric;   // the measure it is about (catalogue name), for tests and hooks; may be empty
  std::string variant;  // the variant it is about; empty for the whole file
  bool chance = false;  // a chance across runs (of `metric` above a threshold), not the measure's average
};

// How a measure reads in a sentence.
enum class MeasureKind { count, level, share };
struct MeasureWords {
  MeasureKind kind = MeasureKind::level;
  std::string noun;    // "children past their visit standard", "the average wait for a social worker"
  std::string clause;  // counts, after a number: "children went past their visit standard"
  std::string unit;    // levels: "working days"
};
// The report's words for the catalogue's headline measures; for any other,
// words made from its name and unit.
MeasureWords measure_words(const results::Quantity& quantity);

// A number as a sentence gives it: whole above 10, one decimal above 1, two
// significant figures below ("41", "4.2", "0.35").
std::string plain_number(double value);

// One measure at the base, over the counted period:
// "Over 26 weeks, 15 January to 15 July 2027, about 41 children went past
// their visit standard, on average across 200 simulated runs." (runs 0:
// without the last clause, for a sentence after the first).
AnswerSentence level_sentence(const MeasureWords& words, const Summary& level, const std::string& period,
                              std::size_t runs, const std::string& base_label);

// A variant against the base on one measure, from their levels and the
// paired difference (variant minus base; null when there is none):
// "With cap-18 instead of cap-22, about 12 more children went past their
// visit standard (53 against 41, 29% more)."; "... the difference in
// children past their visit standard is not clear (41 against 40)." when the
// difference's interval includes 0 or there is none; "... does not apply"
// when either has nothing to count.
AnswerSentence comparison_sentence(const MeasureWords& words, const std::string& variant, const std::string& base,
                                   const Summary& base_level, const Summary& variant_level,
                                   const PairedDifference* difference);

// The first screen for a whole file: at most four sentences.
std::vector<AnswerSentence> answer_sentences(const ReportInput& input);

}  // namespace casesim::analysis::report
