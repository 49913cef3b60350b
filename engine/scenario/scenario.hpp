#pragma once
// A scenario: everything one simulated team needs, as plain, already-validated
// values. Built only by load_scenario (YAML) or by tests; the model reads it and
// never changes it, so one Scenario is shared read-only by every replication.
//
// Units are in the names. Defaults and their sources are documented in
// scenarios/baseline.yaml and docs/model.md. A default here is what a scenario
// gets when it leaves an optional field out; it is chosen to switch the
// mechanism off or to the plainest behaviour (no absence, no turnover, perfect
// triage), so a scenario states every effect it relies on.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/kernel/date.hpp"
#include "engine/scenario/timeline.hpp"

namespace casesim::scenario {

// One band of a banded distribution: whole numbers from `from` to `to`
// (inclusive), drawn with this share.
struct DurationBand {
  int from = 0;
  int to = 0;
  double share = 0.0;
  bool operator==(const DurationBand&) const = default;
};

// A distribution of a positive duration (the unit is in the field's name).
// Bands: a whole number, uniform within a band chosen by the bands' shares,
// the shape in which DfE publishes durations (for example assessments by
// working days taken: same day, 1-10, 11-20, ...).
struct DurationDistribution {
  enum class Kind { fixed, exponential, lognormal, gamma, bands };
  DurationDistribution() = default;
  DurationDistribution(Kind kind_, double mean_, double sd_ = 0.0) : kind(kind_), mean(mean_), sd(sd_) {}
  explicit DurationDistribution(std::vector<DurationBand> bands_) : kind(Kind::bands), bands(std::move(bands_)) {}

  Kind kind = Kind::exponential;
  double mean = 1.0;
  double sd = 0.0;                  // lognormal and gamma only
  std::vector<DurationBand> bands;  // bands only: in order, not overlapping, shares summing to 1
};

// What the loader accepts for a duration, so that the model's arithmetic on it
// stays finite: a lognormal's and a gamma's parameters come from mean^2, sd^2
// and their ratio (engine/model/duration_sampler.hpp), which overflow or
// vanish for a huge mean or a tiny sd (a lognormal with mean 1e200 gave NaN
// durations), and the model turns draws into whole days. The mean is at least
// kMinDurationMean and at most the field's own bound; sd (lognormal, gamma)
// lies from kMinSdToMean to kMaxSdToMean times the mean. Within these, every
// parameter is finite and positive (tests/unit/scenario/test_duration_bounds.cpp).
inline constexpr double kMinDurationMean = 0.001;
inline constexpr double kMinSdToMean = 0.001;  // narrower is a fixed duration
inline constexpr double kMaxSdToMean = 10.0;   // a lognormal's sigma is then 2.15
// Ten years: a case, plan or placement, in working days, and a tenure or a
// recruitment lag, in weeks.
inline constexpr double kMaxCaseDurationWorkingDays = 2600.0;
inline constexpr double kMaxStaffingDurationWeeks = 520.0;
// A working year: the model counts a sickness episode's working days on a
// calendar that runs five years past the run, so longer would not fit.
inline constexpr double kMaxSicknessWorkingDays = 260.0;

struct RunSettings {
  kernel::Date start_date{std::chrono::year{2025}, std::chrono::month{4}, std::chrono::day{1}};
  int horizon_weeks = 52;
  // Metrics ignore what happens before this (an empty office is not typical).
  int warm_up_weeks = 0;
  int replications = 100;
  std::uint64_t seed = 1;
};

struct CalendarSettings {
  // Bank holidays: the named shipped list (england-and-wales) plus any extra
  // dates, or only the listed dates when `bank_holidays` is "none".
  std::string bank_holidays = "england-and-wales";
  std::vector<kernel::Date> extra_holidays;
  // Resolved by the loader: the named list's dates plus extra_holidays, sorted,
  // unique. The model uses only this.
  std::vector<kernel::Date> holidays;
};

// The true level of need of a referral. Urgent = immediate_risk or high.
enum class Need { immediate_risk, high, medium, low };
inline constexpr std::size_t kNeedLevels = 4;

// What the duty decision sends a referral to.
enum class Response { no_further_action, assessment, section_47 };
inline constexpr std::size_t kResponses = 3;

struct ReferralSettings {
  // poisson: a Poisson process in working time (the default: referrals come
  // independently of each other). regular: exactly one every
  // 1/rate_per_working_day working days (before the profiles), for what-ifs
  // with fixed demand and for tests whose dates are worked out by hand.
  enum class ArrivalProcess { poisson, regular };
  ArrivalProcess arrival_process = ArrivalProcess::poisson;
  double rate_per_working_day = 1.0;
  // Multipliers of the rate by weekday (Monday..Friday) and by month
  // (January..December). The loader rescales each to average 1, so the mean
  // rate stays rate_per_working_day.
  std::array<double, 5> weekday_profile{1, 1, 1, 1, 1};
  std::array<double, 12> month_profile{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  // Shares of referrals by true need, in Need order; sums to 1.
  std::array<double, kNeedLevels> need_mix{0, 0, 1, 0};
  // Share of referrals that concern a child whose case closed in the last 12
  // months (a re-referral).
  double re_referral_share = 0.0;
};

// How likely a triaging worker is to miss that an urgent referral is urgent
// (and send it for an assessment instead of a section 47 enquiry):
//   base + per_overload * (the worker's overload: see SicknessSettings)
//        + per_week_since_supervision * (weeks since their last supervision)
// capped at `max`. All zero: perfect triage.
struct TriageErrorSettings {
  double base = 0.0;
  double per_overload = 0.0;
  double per_week_since_supervision = 0.0;
  double max = 0.0;
};

struct TriageSettings {
  // The duty worker decides referrals as they arrive, up to this many a working
  // day; the rest wait for the next working day. 0 means unlimited.
  int duty_decisions_per_working_day = 0;
  double decision_hours = 0.0;  // taken from the duty worker's day
  // Working Together: a decision within 1 working day of receipt.
  int decision_standard_working_days = 1;
  // The right response to each level of need: shares of no_further_action,
  // assessment and section_47 (in Response order), each row summing to 1.
  std::array<std::array<double, kResponses>, kNeedLevels> response_by_need{
      {{0, 1, 0}, {0, 1, 0}, {0, 1, 0}, {0, 1, 0}}};
  TriageErrorSettings error;
  // A missed urgent case is caught at its first visit with this probability,
  // otherwise when its assessment ends or at its worker's next supervision.
  double caught_at_first_visit_share = 0.0;
};

// Shares of the outcomes of an assessment; sums to 1.
struct AssessmentOutcomes {
  double no_further_action = 1.0;
  double cin_plan = 0.0;
  double cp_plan = 0.0;  // via a strategy discussion and an initial child protection conference
  double looked_after = 0.0;
};

struct AssessmentSettings {
  // The earliest an assessment can be completed (information from other
  // agencies takes time), from allocation.
  DurationDistribution duration_working_days{DurationDistribution::Kind::fixed, 1.0, 0.0};
  // When the worker plans to complete it, in working days from the referral:
  // work runs to deadlines, so many are planned for the week before the 45th
  // day. It completes then, or later if its information or its hours are not
  // in by then. Not set: as soon as both are in.
  std::optional<DurationDistribution> planned_working_days;
  double hours = 0.0;              // worker hours to complete it
  int standard_working_days = 45;  // from the referral (Working Together)
  AssessmentOutcomes outcomes;
  double visit_hours = 0.0;           // seeing the child, early in the assessment
  int visit_within_working_days = 5;  // local: the child is seen within this of the decision
  double weight = 1.0;                // caseload weight
};

struct Section47Settings {
  double strategy_discussion_hours = 0.0;
  int icpc_standard_working_days = 15;  // from the strategy discussion (Working Together)
  double icpc_hours = 0.0;              // report and attendance
  double cp_plan_share = 1.0;           // ICPCs that result in a plan
  // Children not made subject to a plan: share given a CIN plan (the rest close).
  double cin_plan_share_otherwise = 0.0;
  // local: a child subject to an enquiry is seen within this of the strategy
  // discussion, and then at the child protection visit interval until the conference.
  int visit_within_working_days = 1;
  // When the conference is booked, in working days from the strategy
  // discussion (conferences are booked near the 15-day deadline). Not set:
  // held as soon as the worker gets to it in the planning window.
  std::optional<DurationDistribution> booked_working_days;
};

// A plan's statutory visits and reviews. Intervals of 0 switch that action off.
struct VisitStandard {
  int interval_working_days = 0;
  double hours = 0.0;
};

struct CpPlanSettings {
  VisitStandard visits{10, 0.0};             // local: commonly every 10 working days
  int first_core_group_working_days = 10;    // Working Together: within 10 working days of the ICPC
  int core_group_interval_working_days = 0;  // local: commonly every 4-6 weeks
  double core_group_hours = 0.0;
  int first_review_months = 3;     // Working Together: within 3 months of the ICPC
  int review_interval_months = 6;  // then at most every 6 months
  double review_hours = 0.0;
  DurationDistribution duration_working_days{DurationDistribution::Kind::fixed, 1.0, 0.0};
  double step_down_to_cin_share = 0.0;  // plans that end in a CIN plan; the rest close
  double weight = 1.0;
};

struct CinPlanSettings {
  VisitStandard visits{20, 0.0};         // local: commonly every 4-6 weeks
  int review_interval_working_days = 0;  // local: about every 3 months
  double review_hours = 0.0;
  DurationDistribution duration_working_days{DurationDistribution::Kind::fixed, 1.0, 0.0};
  double weight = 1.0;
};

struct LookedAfterSettings {
  // Care Planning, Placement and Case Review (England) Regulations 2010, reg. 28:
  // within 1 week of placement, then at most every 6 weeks in the first year,
  // then at most every 3 months where the placement is long-term.
  int first_visit_working_days = 5;
  int visit_interval_first_year_working_days = 30;
  int visit_interval_later_working_days = 60;
  double visit_hours = 0.0;
  // Court work for children in care proceedings: hours a week for the first
  // `court_weeks` of the placement (local: proceedings commonly run about 26 weeks).
  double court_hours_per_week = 0.0;
  int court_weeks = 26;
  // Time the child's case stays with this team before it transfers or closes.
  DurationDistribution duration_working_days{DurationDistribution::Kind::fixed, 1.0, 0.0};
  double weight = 1.0;
};

struct PathwaySettings {
  AssessmentSettings assessment;
  Section47Settings section_47;
  CpPlanSettings cp_plan;
  CinPlanSettings cin_plan;
  LookedAfterSettings looked_after;
  // Work becomes doable this many working days before it is due: a worker
  // plans a visit ahead rather than on its last day.
  int planning_window_working_days = 0;
};

struct SocialWorker {
  std::string name;
  double fte = 1.0;
  bool agency = false;
  bool newly_qualified = false;  // in the Assessed and Supported Year in Employment
};

struct ManagerSettings {
  std::string name = "manager";
  // Manager hours a week for supervision (the rest of their week is other work).
  double supervision_hours_per_week = 0.0;
  // Manager hours a week for the due work of children waiting for a worker,
  // when policy.unallocated_cover is manager.
  double unallocated_work_hours_per_week = 0.0;
};

struct TeamSettings {
  double full_time_hours_per_week = 37.0;
  // Share of contracted hours not available for case work (training, team
  // meetings, duty not modelled elsewhere, general admin).
  double non_case_share = 0.0;
  std::vector<SocialWorker> social_workers;
  // Experienced full-time workers added to those listed (or to a snapshot's
  // team) from the first day: a staffing decision as one number.
  int additional_permanent_workers = 0;
  int additional_agency_workers = 0;
  // When the additional workers start. A plan a manager can carry out cannot
  // have staff on day one: unset, they start on the first day of the run (a
  // what-if's "had we had them"); otherwise this many weeks after the counted
  // period starts (the end of any warm-up), or, for permanent posts
  // `additional_permanent_recruited`, once a recruitment lag drawn as for any
  // vacancy has passed.
  std::optional<int> additional_permanent_start_after_weeks;
  bool additional_permanent_recruited = false;
  std::optional<int> additional_agency_start_after_weeks;
  // The first `retained_leavers` workers whom the timeline has leave (by
  // worker_leaves or agency_workers_leave, in date order) stay until
  // `retained_until` instead, when that is later: a contract extended.
  int retained_leavers = 0;
  std::optional<kernel::Date> retained_until;
  ManagerSettings manager;
};

struct SicknessSettings {
  double episodes_per_fte_year = 0.0;
  DurationDistribution duration_working_days{DurationDistribution::Kind::fixed, 1.0, 0.0};
  // Rate multiplier per unit of sustained overload (WorkforceSettings::
  // manageable_cases_per_fte): stress-related sickness rises with overload.
  double overload_multiplier = 0.0;
};

struct TurnoverSettings {
  double annual_rate = 0.0;          // leavers per FTE-year, permanent staff
  double overload_multiplier = 0.0;  // as for sickness
  // Rate multiplier per unit of recent sickness (the share of the last three
  // months off sick): workers who have been off sick are likelier to leave.
  double sickness_multiplier = 0.0;
  int notice_weeks = 4;
  DurationDistribution recruitment_lag_weeks{DurationDistribution::Kind::fixed, 12.0, 0.0};
  double newly_qualified_recruit_share = 0.0;
  double agency_fill_share = 0.0;  // vacancies covered by agency staff while recruiting
  int agency_start_delay_weeks = 2;
  DurationDistribution agency_tenure_weeks{DurationDistribution::Kind::fixed, 26.0, 0.0};
  double handover_hours_per_case = 0.0;  // taken from the receiving worker
};

struct ManagerWorkforceSettings {
  double annual_turnover = 0.0;
  int replacement_lag_weeks = 4;  // before an interim manager starts
  DurationDistribution interim_tenure_weeks{DurationDistribution::Kind::fixed, 26.0, 0.0};
  double interim_share = 0.0;  // replacements that are interim (temporary) managers
};

struct WorkforceSettings {
  double annual_leave_days_per_fte = 0.0;  // taken in blocks of a working week
  // Other leave (compassionate, carer's, training away from the team), taken
  // as single days at random.
  double other_leave_days_per_fte = 0.0;
  SicknessSettings sickness;
  TurnoverSettings turnover;
  ManagerWorkforceSettings manager;
  // Newly qualified workers' cap is this share of the full cap in their first year.
  double newly_qualified_cap_share = 1.0;
  // The caseload a worker can manage, in cases per FTE weighted by their
  // pathway's weight. A worker's overload is the share of it they hold above
  // it (and, when the duty worker covers the children waiting for a worker,
  // their FTE's share of those children too), averaged over about four weeks:
  // it follows the work, not the cap, so a lower cap lowers it only where the
  // waiting children's work does not land on the same people. It drives
  // stress-related sickness, resignations and triage errors. 0: no overload.
  double manageable_cases_per_fte = 0.0;
  // A new starter's capacity (case hours and caseload cap) rises linearly from
  // nothing to full over this many weeks. Applies to every worker who starts
  // during the run (recruits, agency staff, timeline starters, additional
  // workers) and to a snapshot's workers by their start date, not to the
  // scenario's listed team. 0: everyone works at full capacity from day one.
  double new_starter_ramp_up_weeks = 0.0;
};

struct SupervisionSettings {
  // false: supervision is not modelled at all (no sessions, no drift, no
  // effect on triage). When modelled, an interval of 0 or a manager with no
  // supervision hours means no sessions are held, and drift follows.
  bool modelled = false;
  int interval_weeks = 0;
  double hours = 1.5;
  // Chance that a due action slips by a day, per week since the worker's last supervision.
  double drift_per_week_since_supervision = 0.0;
  double drift_max = 0.0;
};

struct CaseloadCap {
  enum class Basis { per_fte, per_worker };
  enum class Kind { hard, soft };
  Basis basis = Basis::per_fte;
  // Cases per FTE (per_fte) or per worker (per_worker). A worker's cap is
  // floor(cases * fte) for per_fte.
  double cases = 18.0;
  Kind kind = Kind::hard;
  bool weighted = false;  // count cases by their pathway's weight
};

enum class Prioritisation { earliest_deadline, highest_risk, first_in_first_out };
enum class AbsenceCover { none, duty };
// Who does the due work (visits, conferences, reviews) of children waiting for
// a worker: the day's duty worker, from their own hours; the team manager,
// from team.manager.unallocated_work_hours_per_week; or nobody, so all of it is missed.
enum class UnallocatedCover { none, duty, manager };

struct EscalationSettings {
  bool enabled = false;
  int unallocated_threshold = 0;  // cases waiting (0: not used)
  int overdue_threshold = 0;      // overdue statutory actions (0: not used)
  bool request_agency = false;
  int agency_lag_weeks = 4;
  int agency_weeks = 12;
  double overtime_hours_per_worker_per_week = 0.0;
  int over_cap_cases = 0;         // allocate up to this many over the cap
  int review_interval_weeks = 1;  // how often the manager checks the thresholds
};

struct PolicySettings {
  CaseloadCap caseload_cap;
  Prioritisation prioritisation = Prioritisation::earliest_deadline;
  AbsenceCover absence_cover = AbsenceCover::none;
  UnallocatedCover unallocated_cover = UnallocatedCover::none;
  EscalationSettings escalation;
};

struct MetricSettings {
  // A case waiting longer than this unallocated counts as "stored".
  int unallocated_wait_threshold_working_days = 5;
};

struct Scenario {
  std::string name = "scenario";
  std::string description;
  RunSettings run;
  CalendarSettings calendar;
  ReferralSettings referrals;
  TriageSettings triage;
  PathwaySettings pathways;
  TeamSettings team;
  WorkforceSettings workforce;
  SupervisionSettings supervision;
  PolicySettings policy;
  MetricSettings metrics;
  // Dated changes, in date order (events on the same date in file order).
  std::vector<TimelineEvent> timeline;
};

}  // namespace casesim::scenario
