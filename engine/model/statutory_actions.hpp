#pragma once
// The statutory actions a child's case can owe, one row each. A case holds one
// clock per action; the places that collect, do, record and count due work
// loop over the rows. Adding an action is a row here, its standards in
// StatutoryStandards, and the stage that starts it: not a pair of fields in
// seven places.
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "engine/kernel/working_calendar.hpp"
#include "engine/model/metrics.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::model {

// Where a case is on its pathway.
enum class Stage : std::uint8_t { assessment, section_47, cp_plan, cin_plan, looked_after };
inline constexpr std::size_t kStageCount = 5;

// Children are held to their own visit standard; the measures of children
// past it are split by the standard they are held to.
enum class VisitStandardGroup : std::uint8_t {
  assessment,  // seen within the local standard of the decision
  section_47,  // an enquiry: seen within the local standard, then at the CP interval
  cp_plan,
  cin_plan,
  looked_after_first_year,  // regulation 28: not more than 6 weeks in the placement's first year
  looked_after_later,       // then not more than 3 months
};
inline constexpr std::size_t kVisitStandardGroups = 6;

enum class Action : std::uint8_t { visit, assessment, icpc, core_group, review };
inline constexpr std::size_t kActionCount = 5;
inline constexpr std::array<Action, kActionCount> kActions{Action::visit, Action::assessment, Action::icpc,
                                                           Action::core_group, Action::review};

constexpr std::size_t index(Action a) {
  return static_cast<std::size_t>(a);
}
constexpr std::size_t index(Stage s) {
  return static_cast<std::size_t>(s);
}

// What is fixed about each kind of action, whatever the scenario.
struct ActionKind {
  std::string_view name;  // as in the trace
  // Planned: workable from the planning window before its due date. An
  // assessment is instead worked on from the decision, a little every day.
  bool planned;
  // Its hours can be spread over several days (an assessment's are).
  bool split_over_days;
  // Recorded by its due date: due and late counts in `due_metric` and
  // `late_metric` (an assessment is counted by its completion instead).
  bool recorded_by_due_date;
  Metric due_metric;
  Metric late_metric;
  // Carried over when a plan steps down to another while it is overdue (a
  // visit owed is still owed); everything else lapses with the stage, and is
  // recorded late if it was overdue.
  bool carried_over_on_step_down;
};

inline constexpr std::array<ActionKind, kActionCount> kActionKinds{{
    {"visit", true, false, true, Metric::visits_due, Metric::visits_overdue, true},
    {"assessment", false, true, false, Metric::assessments_completed, Metric::assessments_late, false},
    {"icpc", true, false, true, Metric::icpcs_held, Metric::icpcs_late, false},
    {"core_group", true, false, true, Metric::core_groups_due, Metric::core_groups_late, false},
    {"review", true, false, true, Metric::reviews_due, Metric::reviews_late, false},
}};

constexpr const ActionKind& kind_of(Action a) {
  return kActionKinds[index(a)];
}

// The actions whose kind has a property, as bits of a constant: asking is a
// shift and a test where the table's row is a multiply and a load, for every
// task of every working day.
constexpr unsigned actions_where(bool ActionKind::*property) {
  unsigned mask = 0;
  for (const Action a : kActions)
    if (kind_of(a).*property) mask |= 1u << index(a);
  return mask;
}
inline constexpr unsigned kPlannedActions = actions_where(&ActionKind::planned);
inline constexpr unsigned kSplitOverDaysActions = actions_where(&ActionKind::split_over_days);
constexpr bool is_planned(Action a) {
  return (kPlannedActions >> index(a)) & 1u;
}
constexpr bool is_split_over_days(Action a) {
  return (kSplitOverDaysActions >> index(a)) & 1u;
}

// The statutory clocks of one case: for each action, its due date and
// whether it is owed at all. A clock that stops being owed keeps its date (a
// snapshot's clocks are reported from it). What is owed is a bit mask, so the
// daily scan of a caseload visits only the actions a case owes.
class StatutoryClocks {
 public:
  bool owed(Action a) const { return (owed_ >> index(a)) & 1u; }
  bool any_owed() const { return owed_ != 0; }
  kernel::Day due(Action a) const { return due_[index(a)]; }
  // The earliest due date of the planned actions owed (kernel day max when
  // none), and whether an unplanned one (an assessment's work) is owed: a
  // worker's daily scan passes over a case with nothing near due in one test.
  kernel::Day earliest_planned_due() const { return earliest_planned_due_; }
  kernel::Day earliest_due() const { return earliest_due_; }  // of every action owed
  bool owes_unplanned() const { return (owed_ & kUnplanned) != 0; }
  bool owes_only(Action a) const { return owed_ == bit(a); }

  // Every visit done restarts its clock, and each stage's start starts its
  // clocks: the walk over every clock is needed only when this one was running
  // and its old date or booking may have set an earliest date (a new date can
  // only lower them), and then not when it ran alone.
  void start(Action a, kernel::Day due) {
    const kernel::Day was_due = due_[index(a)];
    const bool was_booked = booked_[index(a)] != kNotBooked;
    const unsigned was_owed = owed_;
    due_[index(a)] = due;
    booked_[index(a)] = kNotBooked;
    owed_ = static_cast<std::uint8_t>(owed_ | bit(a));
    if (was_owed == bit(a)) {  // it ran alone: its dates are the earliest
      earliest_due_ = due;
      earliest_planned_due_ = planned(a) ? due : std::numeric_limits<kernel::Day>::max();
      earliest_booked_ = kNotBooked;
      any_booked_ = false;
      return;
    }
    // earliest_due_ <= earliest_planned_due_: a date at or before the latter
    // may be either earliest (for an unplanned action, perhaps neither).
    if ((was_owed & bit(a)) != 0 && (was_due <= earliest_planned_due_ || was_booked)) {
      refresh();
      return;
    }
    earliest_due_ = std::min(earliest_due_, due);
    if (planned(a)) earliest_planned_due_ = std::min(earliest_planned_due_, due);
  }
  void move(Action a, kernel::Day due) {  // owed or not, as it was
    due_[index(a)] = due;
    refresh();
  }
  void stop(Action a) {
    owed_ = static_cast<std::uint8_t>(owed_ & ~bit(a));
    booked_[index(a)] = kNotBooked;
    refresh();
  }
  // Booked for a day (a conference): not workable before it, whatever its
  // due date; the planning window does not apply. Starting the clock again
  // clears the booking.
  void book(Action a, kernel::Day day) {
    booked_[index(a)] = day;
    refresh();
  }
  kernel::Day booked(Action a) const { return booked_[index(a)]; }
  bool any_booked() const { return any_booked_; }
  kernel::Day earliest_booked() const { return earliest_booked_; }  // of the actions owed (kNotBooked: none)
  static constexpr kernel::Day kNotBooked = std::numeric_limits<kernel::Day>::max();
  void stop_all() {
    owed_ = 0;
    booked_.fill(kNotBooked);
    refresh();
  }

  // Calls f(action, due) for each action owed, in Action order.
  template <class F>
  void for_each_owed(F&& f) const {
    for (unsigned mask = owed_; mask != 0; mask &= mask - 1) {
      const auto a = static_cast<Action>(std::countr_zero(mask));
      f(a, due_[index(a)]);
    }
  }

 private:
  static constexpr unsigned bit(Action a) { return 1u << index(a); }
  static constexpr bool planned(Action a) { return is_planned(a); }
  static constexpr unsigned kUnplanned = ((1u << kActionCount) - 1) & ~kPlannedActions;

  void refresh() {
    earliest_planned_due_ = earliest_due_ = std::numeric_limits<kernel::Day>::max();
    earliest_booked_ = kNotBooked;
    for_each_owed([this](Action a, kernel::Day due) {
      earliest_due_ = std::min(earliest_due_, due);
      if (planned(a)) earliest_planned_due_ = std::min(earliest_planned_due_, due);
      earliest_booked_ = std::min(earliest_booked_, booked_[index(a)]);
    });
    any_booked_ = earliest_booked_ != kNotBooked;
  }

  // What a pass over many cases reads first (the due dates next, the bookings last).
  kernel::Day earliest_planned_due_ = std::numeric_limits<kernel::Day>::max();
  kernel::Day earliest_due_ = std::numeric_limits<kernel::Day>::max();
  kernel::Day earliest_booked_ = kNotBooked;
  std::uint8_t owed_ = 0;
  bool any_booked_ = false;
  std::array<kernel::Day, kActionCount> due_{};
  std::array<kernel::Day, kActionCount> booked_{kNotBooked, kNotBooked, kNotBooked, kNotBooked, kNotBooked};
};

// When an action falls due, counted from a day: a number of working days (0:
// that day), of calendar months ("within 3 months": the last working day on or
// before that date), or, for a looked-after child's visits (regulation 28), one
// number of working days in the placement's first year and another after it (0
// in either: none then). None: not due (again).
struct Interval {
  enum class Unit : std::uint8_t { none, working_days, months, by_placement_year };
  Unit unit = Unit::none;
  int count = 0;
  int count_after_first_year = 0;  // by_placement_year only
};

// How one action is done in one stage: the hours it takes, when it first falls
// due after its clock starts (the stage's start; for an assessment, the
// referral; for an assessment's visit, the allocation), and when the next falls
// due after one is done.
struct ActionStandard {
  double hours = 0.0;
  Interval first;
  Interval next;
};

// What a case at each stage counts for as work (the pathways' weights; an
// enquiry counts as the assessment it came from).
std::array<double, kStageCount> stage_weights(const scenario::PathwaySettings& pathways);

// Every (stage, action) standard of a scenario, worked out once.
class StatutoryStandards {
 public:
  explicit StatutoryStandards(const scenario::PathwaySettings& pathways);
  const ActionStandard& of(Stage stage, Action action) const { return table_[index(stage)][index(action)]; }

 private:
  std::array<std::array<ActionStandard, kActionCount>, kStageCount> table_{};
};

}  // namespace casesim::model
