#include "engine/model/statutory_actions.hpp"

namespace casesim::model {

namespace {

// A deadline set by law or procedure: 0 working days means the same day.
Interval deadline(int working_days) {
  return {Interval::Unit::working_days, working_days, 0};
}
// A local interval of 0 switches the action off (scenario-format.md).
Interval every(int working_days) {
  return working_days > 0 ? Interval{Interval::Unit::working_days, working_days, 0} : Interval{};
}
Interval every_months(int months) {
  return months > 0 ? Interval{Interval::Unit::months, months, 0} : Interval{};
}

}  // namespace

std::array<double, kStageCount> stage_weights(const scenario::PathwaySettings& p) {
  return {p.assessment.weight, p.assessment.weight, p.cp_plan.weight, p.cin_plan.weight, p.looked_after.weight};
}

StatutoryStandards::StatutoryStandards(const scenario::PathwaySettings& p) {
  auto set = [this](Stage stage, Action action, ActionStandard standard) {
    table_[index(stage)][index(action)] = standard;
  };

  // The assessment: its own 45-working-day clock from the referral, and one
  // visit early on, within a local standard of allocation.
  set(Stage::assessment, Action::assessment, {p.assessment.hours, deadline(p.assessment.standard_working_days), {}});
  set(Stage::assessment, Action::visit, {p.assessment.visit_hours, every(p.assessment.visit_within_working_days), {}});

  // A section 47 enquiry: the conference within 15 working days of the
  // strategy discussion; the child seen within a local standard, then at the
  // child protection visit interval until the conference.
  set(Stage::section_47, Action::icpc,
      {p.section_47.icpc_hours, deadline(p.section_47.icpc_standard_working_days), {}});
  set(Stage::section_47, Action::visit,
      {p.assessment.visit_hours, deadline(p.section_47.visit_within_working_days),
       every(p.cp_plan.visits.interval_working_days)});

  // A child protection plan: visits, core groups (the first within 10
  // working days of the conference) and review conferences (3 months, then 6).
  const auto& cp = p.cp_plan;
  set(Stage::cp_plan, Action::visit,
      {cp.visits.hours, every(cp.visits.interval_working_days), every(cp.visits.interval_working_days)});
  set(Stage::cp_plan, Action::core_group,
      {cp.core_group_hours, every(cp.first_core_group_working_days), every(cp.core_group_interval_working_days)});
  set(Stage::cp_plan, Action::review,
      {cp.review_hours, every_months(cp.first_review_months), every_months(cp.review_interval_months)});

  // A child in need plan: visits and reviews at local intervals.
  const auto& cin = p.cin_plan;
  set(Stage::cin_plan, Action::visit,
      {cin.visits.hours, every(cin.visits.interval_working_days), every(cin.visits.interval_working_days)});
  set(Stage::cin_plan, Action::review,
      {cin.review_hours, every(cin.review_interval_working_days), every(cin.review_interval_working_days)});

  // A looked-after child (regulation 28): within a week of placement, then at
  // most every 6 weeks in the placement's first year and 3 months after it.
  const auto& lac = p.looked_after;
  set(Stage::looked_after, Action::visit,
      {lac.visit_hours,
       every(lac.first_visit_working_days),
       {Interval::Unit::by_placement_year, lac.visit_interval_first_year_working_days,
        lac.visit_interval_later_working_days}});
}

}  // namespace casesim::model
