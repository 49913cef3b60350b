#pragma once
// The answer of `casesim optimise`, first: the recommended plan in words, its
// cost over the question's period, what it achieves against each target and
// with what confidence; when no plan meets the targets, that first, and the
// nearest plan. Read from the results file's /optimise group, so the terminal
// output and the report say the same sentences with the same numbers.
#include <string>
#include <vector>

#include "engine/results/optimisation_record.hpp"

namespace casesim::analysis::report {

// "£110,000".
std::string money_text(double amount, const std::string& currency);

// Three or four plain sentences.
std::vector<std::string> optimise_answer(const results::OptimisationRecord& record);

// The report's opening section, <section id="answer">.
std::string optimise_answer_html(const results::OptimisationRecord& record);

}  // namespace casesim::analysis::report
