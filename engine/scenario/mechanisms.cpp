#include "engine/scenario/mechanisms.hpp"

#include <algorithm>

namespace casesim::scenario {

namespace {

// A plan whose duration was left out lasts one working day (scenario.hpp's
// default), so none of its visits ever falls due.
bool lasts_a_day(const DurationDistribution& duration) {
  return duration.kind == DurationDistribution::Kind::fixed && duration.mean <= 1.0;
}

// The plans whose statutory visits never happen, as "pathways.cp_plan (...)".
std::vector<std::string> plans_without_visits(const PathwaySettings& p) {
  std::vector<std::string> out;
  const auto check = [&](std::string_view plan, const DurationDistribution& duration, bool no_visits) {
    if (lasts_a_day(duration)) {
      out.push_back("pathways." + std::string(plan) + ".duration_working_days left out (the plan lasts a day)");
    } else if (no_visits) {
      out.push_back("pathways." + std::string(plan) + " has no visit interval");
    }
  };
  check("cp_plan", p.cp_plan.duration_working_days, p.cp_plan.visits.interval_working_days == 0);
  check("cin_plan", p.cin_plan.duration_working_days, p.cin_plan.visits.interval_working_days == 0);
  const LookedAfterSettings& la = p.looked_after;
  check("looked_after", la.duration_working_days,
        la.first_visit_working_days == 0 && la.visit_interval_first_year_working_days == 0 &&
            la.visit_interval_later_working_days == 0);
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

}  // namespace

std::string_view mechanism_name(Mechanism mechanism) {
  switch (mechanism) {
    case Mechanism::statutory_visits: return "statutory_visits";
    case Mechanism::absence: return "absence";
    case Mechanism::turnover: return "turnover";
    case Mechanism::supervision: return "supervision";
    case Mechanism::triage_errors: return "triage_errors";
  }
  return "";
}

std::optional<Mechanism> mechanism_named(std::string_view name) {
  for (const Mechanism m : kMechanisms)
    if (mechanism_name(m) == name) return m;
  return std::nullopt;
}

std::string mechanism_names() {
  std::string out;
  for (const Mechanism m : kMechanisms) out += (out.empty() ? "" : ", ") + std::string(mechanism_name(m));
  return out;
}

std::optional<std::string> why_off(const Scenario& s, Mechanism mechanism) {
  const WorkforceSettings& w = s.workforce;
  switch (mechanism) {
    case Mechanism::statutory_visits: {
      const std::vector<std::string> plans = plans_without_visits(s.pathways);
      if (plans.empty()) return std::nullopt;
      return "no statutory visits for some plans: " + joined(plans);
    }
    case Mechanism::absence:
      if (w.annual_leave_days_per_fte > 0 || w.other_leave_days_per_fte > 0 || w.sickness.episodes_per_fte_year > 0)
        return std::nullopt;
      return "no leave and no sickness (workforce.annual_leave_days_per_fte, other_leave_days_per_fte and "
             "sickness.episodes_per_fte_year are 0 or left out)";
    case Mechanism::turnover:
      if (w.turnover.annual_rate > 0) return std::nullopt;
      return "no worker ever leaves (workforce.turnover.annual_rate is 0 or left out)";
    case Mechanism::supervision:
      if (s.supervision.modelled) return std::nullopt;
      return "no supervision and no drift without it (supervision.modelled is false or left out)";
    case Mechanism::triage_errors:
      if (s.triage.error.base > 0 || s.triage.error.per_overload > 0 || s.triage.error.per_week_since_supervision > 0)
        return std::nullopt;
      return "triage never misses an urgent referral (triage.error is 0 or left out)";
  }
  return std::nullopt;
}

std::vector<std::string> undeclared_mechanisms_off(const Scenario& scenario) {
  std::vector<std::string> out;
  for (const Mechanism m : kMechanisms) {
    if (std::find(scenario.mechanisms_off.begin(), scenario.mechanisms_off.end(), m) != scenario.mechanisms_off.end())
      continue;
    if (const auto why = why_off(scenario, m)) {
      out.push_back(std::string(mechanism_name(m)) + " is off: " + *why +
                    ". The results leave that work or that risk out; if that is meant, say so with mechanisms_off: [" +
                    std::string(mechanism_name(m)) + "]");
    }
  }
  return out;
}

}  // namespace casesim::scenario
