#pragma once
// A children's social work team on the discrete-event kernel: referrals arrive
// and are decided (sometimes wrongly) by the duty worker; cases are allocated
// under a caseload cap or wait; assessments, section 47 enquiries, child
// protection and child in need plans and looked-after children each carry
// statutory clocks; each working day each worker does the due work their hours
// allow, in the order the prioritisation policy sets; workers take leave, fall
// sick, resign and are replaced (or covered by agency staff); a manager
// supervises, and escalates when queues or overdue work pass thresholds.
//
// One TeamModel is one replication: it owns its simulator, its random streams
// and its state, and reads the shared ModelSetup. docs/model.md describes every
// mechanism in a manager's words. The member functions are split by topic:
// team_model.cpp (events, referrals, allocation, case stages), daily_work.cpp
// (the working day's tasks), workforce.cpp (absence, turnover, manager,
// supervision, escalation), team_metrics.cpp (statutory-action records,
// weekly series, the summary).
#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#include "engine/kernel/fifo_queue.hpp"
#include "engine/kernel/random_streams.hpp"
#include "engine/kernel/simulator.hpp"
#include "engine/model/caseload_cap.hpp"
#include "engine/model/due_index.hpp"
#include "engine/model/duration_sampler.hpp"
#include "engine/model/durations.hpp"
#include "engine/model/least_loaded_index.hpp"
#include "engine/model/replication.hpp"
#include "engine/model/statutory_actions.hpp"
#include "engine/model/streams.hpp"
#include "engine/model/working_time.hpp"

namespace casesim::model {

class TeamModel {
 public:
  TeamModel(const ModelSetup& setup, std::uint64_t seed, std::uint64_t replication, TraceSink* trace);
  ReplicationResult run();
  // Before run(), from a snapshot: each child's worker (post, or -1 waiting)
  // and clocks as set from its real dates, in days from the extract date
  // (kernel::Day max: none running). The same in every replication.
  struct ChildClocks {
    std::int32_t worker = -1;
    std::array<kernel::Day, kActionCount> due{};
    kernel::Day due_of(Action action) const { return due[index(action)]; }
  };
  std::vector<ChildClocks> snapshot_clocks() const;
  // Cases held by each post.
  std::vector<std::size_t> caseloads() const;

  // The kernel calls this for every event.
  void operator()(const kernel::Event& event);

 private:
  using Day = kernel::Day;
  static constexpr Day kNever = std::numeric_limits<Day>::max();
  static constexpr std::int32_t kNoWorker = -1;
  // Gaps between visits longer than this count in the measures of children unvisited.
  static constexpr Day kSixWeeksDays = 42;

  enum EventKind : std::uint32_t { kReferralArrival, kWorkingDayStart, kPlanEnd, kWeekEnd, kAssessmentReady };

  struct PendingReferral {
    std::uint64_t index = 0;
    Day arrival_day = 0;
    bool counted = false;  // arrived after the warm-up
  };

  // One child's open case. Lives in a slot that is reused after closure, so
  // memory does not grow with the simulated horizon. A large team holds
  // thousands of cases, more than the cache does: what the day's passes read
  // (the due work's sweep, the weekly counts) comes first, in the first two
  // cache lines of a case aligned to them; the rest is read when something
  // happens to the case.
  struct alignas(64) Case {
    std::uint64_t due_stamp = 0;  // of its one live entry in its worker's DueIndex
    std::uint64_t referral = 0;   // keys the case's own random draws and breaks ties
    // The assessment's work: hours still to do, and when its information is in.
    double assessment_hours_left = 0.0;
    double assessment_ready_time = 0.0;
    std::int32_t worker = kNoWorker;
    Day due_filed_key = kNever;  // that entry's key (kNever: none)
    Day decision_day = 0;
    Day plan_start_day = 0;
    // Small fields fill the hot lines' spare bytes, so that a case takes three
    // lines, not four (a stride of four lines would use a quarter of the
    // cache's sets).
    bool reopened = false;  // opened for a child on recently_closed_
    bool urgent = false;    // true need called for a section 47 enquiry
    std::uint8_t need = 0;
    bool from_queue = false;  // allocated from a queue (false: handed straight on by a leaving worker)
    bool assessment_started = false;
    // Children on plans are tracked for gaps between visits.
    bool unvisited_6_weeks_counted = false;
    bool unvisited_3_months_counted = false;
    bool cp_unvisited_6_weeks_counted = false;
    std::uint8_t past_standard_counted = 0;  // bit per VisitStandardGroup: counted past its visit standard
    Day referral_day = 0;                    // when the referral came in: the assessment's clock runs from it

    // The second line: what the weekly counts over every case slot read.
    // The statutory actions the case owes (statutory_actions.hpp).
    StatutoryClocks clocks{};
    Stage stage = Stage::assessment;
    bool open = false;
    bool escalated = false;      // flagged overdue at supervision: done first
    bool missed_urgent = false;  // true need called for a section 47 enquiry and triage did not see it (until caught)

    std::uint64_t child = 0;
    Day strategy_day = 0;        // the last strategy discussion: the conference's clock runs from it
    std::uint32_t position = 0;  // index in its worker's case list
    double queued_working_time = 0.0;
    Day last_visit_day = 0;                // or the start of the stage's visiting
    std::int32_t snapshot_child = -1;      // index in the snapshot's children, for per-child results
    double assessment_planned_time = 0.0;  // the day the worker plans to complete it (its start)
    // Pending events, or none (cleared as each fires).
    kernel::EventHandle plan_end;
    kernel::EventHandle assessment_ready;
  };
  static_assert(sizeof(Case) == 3 * 64, "the hot lines and one more: see above");
  static_assert(sizeof(StatutoryClocks) <= 64 - 4, "the clocks, stage and flags share the second line");

  // A post in the team, held by one social worker at a time, or vacant. What
  // the day's passes over every post read comes first, in the first cache
  // line of a post aligned to them.
  struct alignas(64) Post {
    enum class Holder : std::uint8_t { vacant, permanent, agency };
    Holder holder = Holder::vacant;
    bool temporary = false;  // an agency post added by escalation, removed when it ends
    bool in_use = true;      // false: a freed temporary post slot
    bool newly_qualified = false;
    bool absent_today = false;  // on leave or sick
    bool works_today = true;    // a part-time worker works full days on a share of working days
    bool ramps_up = false;      // a new starter (WorkforceSettings::new_starter_ramp_up_weeks)
    bool reserved = false;      // kept for a worker a timeline event starts later
    double fte = 1.0;
    double load = 0.0;        // cases, or weighted cases under a weighted cap
    double work = 0.0;        // cases weighted by their pathway's weight, whatever the cap counts
    double hours_owed = 0.0;  // handover and strategy discussions, taken from the next days
    double overload = 0.0;    // smoothed work above a manageable caseload (SicknessSettings)
    Day started_day = 0;
    Day leaving_day = kNever;  // the last day of notice (or of an agency tenure)
    Day supervision_due = kNever;
    std::uint32_t serial = 0;  // the n-th worker to hold this post

    DueIndex due_index;  // which of `cases` may have work due, by day
    // The cases the worker holds, each with court_work_until(its case).
    struct HeldCase {
      std::uint32_t slot;
      Day court_work_until;
    };
    std::vector<HeldCase> cases;
    // Court work, counted by a pass over `cases` (not over the cases
    // themselves: a large team's do not fit in the cache): how many bring it,
    // and the day the count holds until (the earliest of their
    // court_work_until; Day min after a change to the list).
    std::uint32_t court_cases = 0;
    Day court_cases_until = std::numeric_limits<Day>::min();
    Day sick_until = 0;             // absent on days before this
    Day absent_until = 0;           // a dated absence (timeline or snapshot): absent on days before this
    std::uint64_t leave_weeks = 0;  // bit w: on leave in week w of the current leave year
    int leave_year = -1;
    Day permanent_starts = kNever;  // a recruit's first day, while recruiting
    Day agency_starts = kNever;     // an agency worker's first day, while waiting for one
    Day last_supervision = 0;
    double recent_sickness = 0.0;  // smoothed share of recent working days off sick
  };
  static_assert(sizeof(Post) == 3 * 64,
                "an odd number of lines: a stride of 4 would use a quarter of the cache's sets");

  struct Manager {
    bool in_post = true;
    bool interim = false;
    std::int8_t forced_interim = -1;  // a dated replacement says: 1 interim, 0 permanent; -1: drawn
    std::uint32_t serial = 0;
    Day sick_until = 0;
    Day leaving_day = kNever;
    Day starts = kNever;  // while the post is vacant
  };

  // A piece of due work considered on a working day.
  struct Task {
    Day due;
    std::uint8_t risk;  // lower is more serious
    // Done first, whatever the policy: 0 a booked conference on its day (the
    // worker must attend), 1 work flagged overdue at supervision, 2 the rest.
    std::uint8_t precedence;
    Action action;
    // The task holds its case's entry from the worker's DueIndex, taken out
    // of reach by the sweep: the day's work files it again (see
    // sweep_due_cases), so that a case visited today is not looked at
    // tomorrow only to be found beyond the horizon.
    bool holds_entry;
    std::uint64_t referral;
    std::uint32_t slot;
    Day workable_from;   // read only under first-in-first-out (else the due day)
    bool waiting_child;  // the case waits for a worker: the cover does it
    // The held entry's stamp, its low 32 bits: the case's own until it is
    // filed again, and far fewer than 2^32 filings happen in a day.
    std::uint32_t entry_stamp;
  };
  static_assert(sizeof(Task) == 32, "the day's list: a task fills the padding of the one before");

  // Who does a piece of work: a post's worker, or the team manager.
  static constexpr std::int32_t kTeamManager = -2;

  // Time-weighted mean over the measured window, in working time.
  struct TimeAverage {
    double from = 0.0, to = 0.0, last = 0.0, value = 0.0, area = 0.0;
    void advance(double working_time);
    void set(double working_time, double new_value) {
      advance(working_time);
      value = new_value;
    }
    double mean() const { return to > from ? area / (to - from) : 0.0; }
  };

  struct ActionTally {
    std::uint64_t due = 0, late = 0;
  };

  struct Tally {
    std::uint64_t referrals_received = 0, re_referrals = 0, decisions_late = 0, referrals_accepted = 0;
    std::uint64_t urgent_referrals = 0, urgent_not_identified = 0, urgent_caught = 0;
    double urgent_detection_delay_sum = 0.0;
    std::uint64_t cases_allocated = 0, cases_closed = 0, cases_stored = 0;
    double wait_sum = 0.0, wait_max = 0.0;
    std::uint64_t wait_count = 0;
    std::uint64_t waited = 0, queued_at_end = 0;  // allocations after a wait; counted cases still waiting
    double longest_current_wait = 0.0;            // of those still waiting at the end
    std::uint64_t concerns_on_open_cases = 0;
    std::uint64_t assessments_completed = 0, assessments_late = 0, assessments_on_time = 0;
    std::array<ActionTally, 5> actions{};
    double overdue_days_sum = 0.0, overdue_days_max = 0.0;
    double longest_visit_gap = 0.0;
    std::uint64_t unvisited_6_weeks = 0, unvisited_3_months = 0, cp_unvisited_6_weeks = 0;
    std::array<std::uint64_t, kVisitStandardGroups> past_visit_standard{};
    std::uint64_t past_visit_standard_any = 0;
    std::uint64_t visits_by_cover = 0, waiting_child_visits_missed = 0;
    double risk_exposure = 0.0;
    std::uint64_t drifted = 0;
    std::uint64_t cp_started = 0, cin_started = 0, looked_after_started = 0;
    double caseload_per_fte_sum = 0.0, caseload_per_fte_max = 0.0;
    std::uint64_t caseload_samples = 0;
    std::uint64_t worker_days = 0, worker_days_over_cap = 0;
    double sickness_days = 0.0;
    std::uint64_t leavers = 0, permanent_leavers = 0;
    double permanent_fte_days = 0.0, agency_fte_days = 0.0, all_fte_days = 0.0;
    std::uint64_t vacancy_days = 0;
    double post_days = 0.0, posts_without_permanent_days = 0.0;  // permanent (non-temporary) posts
    std::uint64_t manager_changes = 0;
    std::uint64_t supervision_due = 0, supervision_missed = 0;
    double longest_without_supervision = 0.0;
    std::uint64_t escalations = 0;
    double overtime_hours = 0.0;
    double agency_cover_weeks = 0.0;
  };

  // --- dated_changes.cpp: the scenario's timeline
  void apply_dated_changes(Day day);
  void close_post(std::size_t post, Day day, bool replaced);
  // A leaving the timeline dates: now, or on the retention date for one of
  // the first TeamSettings::retained_leavers leavers.
  void dated_leaving(std::size_t post, Day day, bool replaced);
  void close_retained_posts(Day day);

  // --- snapshot_start.cpp: the team and its children as on the extract date
  void start_from_snapshot(const snapshot::Snapshot& snapshot);
  void open_snapshot_case(const snapshot::Child& child, std::int32_t child_index);

  // --- team_model.cpp: events, referrals, allocation, case stages
  void on_referral_arrival();
  void on_working_day_start(Day day);
  void on_plan_end(std::uint32_t slot);
  void step_down_to_cin_plan(std::uint32_t slot, Day day);
  void on_assessment_ready(std::uint32_t slot);
  void on_week_end(std::uint32_t week);
  void schedule_next_arrival();
  bool start_arrival_day(std::int64_t k);
  void decide(const PendingReferral& referral);
  void enqueue(std::uint32_t slot, bool at_front);
  // What joining the queue sets on the case: its wait starts now.
  void mark_waiting(Case& c);
  // Enquiries and children on plans first, then assessments. Inline: called
  // at every closure and many referrals, often with nobody waiting, and each
  // queue tested here (often one is empty: no call for it).
  void allocate_waiting() {
    if (!unallocated_urgent_.empty() && !allocate_from(unallocated_urgent_)) return;
    if (!unallocated_.empty()) allocate_from(unallocated_);
  }
  // Allocates from the front of `queue` while someone has room; false when nobody has.
  bool allocate_from(kernel::FifoQueue<std::uint32_t>& queue);
  // The least-loaded worker (load per FTE, then the lower post) who is in post,
  // not working their notice, and under their cap (plus any escalation
  // allowance), for a case at `stage`. Under a soft cap, the least loaded
  // regardless. Inline: read at every allocation, nearly always from the index.
  std::int32_t choose_worker(Stage stage) const {
    const Day day = today();
    const double weight = cap_.weight(stage);
    if (allocation_index_day_ == day) {
      const std::size_t k = weight_index_[index(stage)];
      // Debug builds (and the sanitizer run of the suite) check every
      // answer of the index, built that day or kept from the day before.
      assert(case_weights_[k] == weight);
      assert(least_loaded_[k].best() == scan_for_worker(weight, day));
      return least_loaded_[k].best();
    }
    return scan_for_worker(weight, day);
  }
  std::int32_t scan_for_worker(double weight, Day day) const;  // choose_worker without the index
  // Whether the post's worker may be given a case of `weight` on `day`.
  bool can_take(const Post& post, double weight, Day day) const {
    return post.in_use && post.holder != Post::Holder::vacant && !working_notice(post, day) &&
           cap_.has_room(post.load, weight, post.fte, in_first_year_newly_qualified(post, day), ramp_share(post, day));
  }
  // A worker within their notice of leaving takes no new cases. An agency
  // worker's (or an agency cover's) end is known from its first day: only its
  // last weeks, as long as a permanent worker's notice, count as notice.
  bool working_notice(const Post& post, Day day) const {
    return post.leaving_day != kNever && post.leaving_day - day <= 7 * scenario_.workforce.turnover.notice_weeks;
  }
  // The allocation index holds, for each case weight, the posts that can take
  // such a case, by load per FTE. Built for one day once the day's staff
  // changes are made, kept up to date as caseloads change that day; any other
  // day (or while staff change) choose_worker scans the posts instead.
  void build_allocation_index(Day day);
  // Inline (defined in team_model.cpp, beside all its callers): called at
  // every caseload change, twice for each referral.
  [[gnu::always_inline]] inline void update_allocation_index(std::size_t post);
  // can_take as one comparison: the post's worker may take a case of weight
  // w on `day` if their load + w is at most this (-infinity: they take none;
  // +infinity: a soft cap). Nothing in it but the day changes without
  // staff_changed, so the index keeps it from its build.
  double most_load_taking_a_case(const Post& post, Day day) const;
  // Whatever a post's room depends on, beside its caseload, changed (a worker
  // starts or leaves, resigns, a post opens or closes, a dated change, the cap
  // or its allowance): the index must be built again before it is read.
  // (update_workforce's steady team, too, must be looked at again.)
  void staff_changed() {
    allocation_index_day_ = kNever;
    allocation_index_stale_ = true;
    steady_leave_year_ = kNoLeaveYear;
    ++staff_changes_;
  }
  void allocate(std::uint32_t slot, std::size_t post);
  // Puts a case on a worker's list, and takes it off (closure, or the
  // worker leaving). Out of line, for the workforce and the snapshot; the
  // referral's path (allocate, close_case) has their bodies inline (defined
  // in team_model.cpp): every referral comes through both, and the calls
  // with their register saves cost a sixth of the work.
  void attach(std::uint32_t slot, std::size_t post);
  void detach(std::uint32_t slot);
  [[gnu::always_inline]] inline void put_on_list(std::uint32_t slot, std::size_t post);
  [[gnu::always_inline]] inline void take_off_list(std::uint32_t slot);
  void begin_section_47(Case& c, std::uint32_t slot, Day day, bool strategy_by_worker);
  // Inline (defined in team_model.cpp, beside its callers): every plan starts here.
  [[gnu::always_inline]] inline void enter_stage(Case& c, std::uint32_t slot, Stage stage, Day day);
  // The day before which a case brings its worker court work every day (Day
  // min: none): a looked-after child's, in the placement's first weeks.
  Day court_work_until(const Case& c) const {
    if (c.stage != Stage::looked_after) return std::numeric_limits<Day>::min();
    const std::int64_t weeks = scenario_.pathways.looked_after.court_weeks;
    return static_cast<Day>(std::min<std::int64_t>(c.plan_start_day + 7 * weeks, kNever));
  }
  // Keeps the worker's Post::cases in step with the case: called
  // wherever its stage or the stage's start changes.
  void note_court_work(const Case& c) {
    if (c.worker == kNoWorker) return;
    Post& post = posts_[static_cast<std::size_t>(c.worker)];
    post.cases[c.position].court_work_until = court_work_until(c);
    post.court_cases_until = std::numeric_limits<Day>::min();
  }
  // The post's cases that bring court work on `day`.
  std::uint32_t court_cases(Post& post, Day day);
  void begin_cp_plan(std::uint32_t slot, Day day);
  void begin_cin_plan(std::uint32_t slot, Day day);
  void begin_looked_after(std::uint32_t slot, Day day);
  void close_case(std::uint32_t slot, Day day);
  void complete_assessment(std::uint32_t slot, Day day);
  void hold_icpc(std::uint32_t slot, Day day, std::int64_t held_by);
  void catch_missed_urgent(Case& c, Day day, std::string_view how);
  // Inline (defined in team_model.cpp, beside the three plans' starts that
  // call it): every plan's start ends in it.
  [[gnu::always_inline]] inline void schedule_plan_end(std::uint32_t slot, double duration_working_days);
  // Inline: start_clock's visits (every stage's start) come through here.
  void set_visit_due(Case& c, std::uint32_t slot, Day due) {
    if (!c.clocks.owed(Action::visit)) c.last_visit_day = today();
    start_action(c, slot, Action::visit, due);
    file_due_work(c);
  }
  // Every change to a case's clocks comes through these, which keep its
  // slot's earliest due date (earliest_due_by_slot_) in step. `slot` is the
  // case's (callers have it: working it out from the case divides by its size).
  void start_action(Case& c, std::uint32_t slot, Action action, Day due) {
    c.clocks.start(action, due);
    clocks_changed(c, slot);
  }
  void move_action(Case& c, std::uint32_t slot, Action action, Day due) {  // owed or not, as it was
    c.clocks.move(action, due);
    clocks_changed(c, slot);
  }
  void stop_action(Case& c, std::uint32_t slot, Action action) {
    c.clocks.stop(action);
    clocks_changed(c, slot);
  }
  void stop_all_actions(Case& c, std::uint32_t slot) {
    c.clocks.stop_all();
    clocks_changed(c, slot);
  }
  void clocks_changed(const Case& c, std::uint32_t slot) {
    assert(slot == slot_of(c));
    earliest_due_by_slot_[slot] = c.clocks.earliest_due();
  }
  void plan_assessment(Case& c);
  // What a case at this stage is as work, whatever the cap counts (the pathway's weight).
  double work_weight(Stage stage) const { return work_weights_[index(stage)]; }
  std::uint32_t slot_of(const Case& c) const { return static_cast<std::uint32_t>(&c - cases_.data()); }
  // Starts the action's clock at its stage's standard, counted from `from`;
  // an action the stage's standard switches off is not owed. Inline (forced:
  // GCC left a copy out of line for a new case's visit, which the caseload
  // benchmark's standard switches off): every stage starts several clocks,
  // and the call cost as much as the test.
  [[gnu::always_inline]] void start_clock(Case& c, std::uint32_t slot, Action action, Day from) {
    const Interval& first = standards_.of(c.stage, action).first;
    if (first.unit != Interval::Unit::none) start_clock_at(c, slot, action, due_after(first, from, c.plan_start_day));
  }
  // start_clock for a case with nobody yet (a new one), for any action but a
  // visit: there is nothing to file (allocation files it), so its clock
  // starts here rather than through start_clock_at's call.
  void start_unfiled_clock(Case& c, std::uint32_t slot, Action action, Day from) {
    assert(c.worker == kNoWorker && action != Action::visit);
    const Interval& first = standards_.of(c.stage, action).first;
    if (first.unit == Interval::Unit::none) return;
    const Day due = due_after(first, from, c.plan_start_day);
    if (due != kNever) start_action(c, slot, action, due);
  }
  // A stage starts every action it may owe, and many are switched off: kept
  // out of start_clock, whose test is then all those calls pay for (inlined
  // there, its register saves came first: 1.3 M more instructions).
  [[gnu::noinline]] void start_clock_at(Case& c, std::uint32_t slot, Action action, Day due);
  // Inline: the model calls it for every action done.
  [[gnu::always_inline]] Day due_after(const Interval& interval, Day from, Day placement_start) const {
    // Most standards count working days: tested first (GCC tested it last).
    if (interval.unit == Interval::Unit::working_days) return calendar_.add_working_days(from, interval.count);
    switch (interval.unit) {
      case Interval::Unit::none: return kNever;
      case Interval::Unit::working_days: return calendar_.add_working_days(from, interval.count);
      case Interval::Unit::months: return add_months(from, interval.count);
      case Interval::Unit::by_placement_year: {
        const int count = from - placement_start < 365 ? interval.count : interval.count_after_first_year;
        return count > 0 ? calendar_.add_working_days(from, count) : kNever;
      }
    }
    return kNever;
  }

  // --- daily_work.cpp
  void do_daily_work(Day day);
  // The earliest day anything the case owes can be workable, for DueIndex: a
  // planned action's due date (work up to the planning window before it is
  // then workable), a booked day; while an assessment is owed, today if
  // hours of it are left, else the day its information is in (when it completes).
  static Day due_key(const Case& c) {
    Day key = std::min(c.clocks.earliest_planned_due(), c.clocks.earliest_booked());
    if (c.clocks.owes_unplanned()) {
      if (c.assessment_hours_left > 0.0) return std::numeric_limits<Day>::min();
      const double ready = std::ceil(c.assessment_ready_time);
      key = std::min(key, ready < static_cast<double>(kNever) ? static_cast<Day>(ready) : kNever);
    }
    return key;
  }
  // Files the case in its worker's DueIndex again (after any change that can
  // bring its work forward, or a move to another worker), unless its live
  // entry is filed no later than the new key: an early entry is harmless (the
  // day's collection checks each case exactly, and settling files it again
  // under its key then), so a visit done does not file its case twice.
  // Inline (forced: GCC left a copy out of line once DueIndex::wait grew):
  // most calls (every visit done) find the live entry early enough.
  [[gnu::always_inline]] void file_due_work(Case& c) {
    if (c.worker == kNoWorker) return;  // filed when allocated
    const Day key = due_key(c);
    if (c.due_filed_key > key) file_due_work_under(c, key);
  }
  void file_due_work_under(Case& c, Day key);
  // After a change that moves a case's work later (a new stage begun on the
  // day of its allocation, its first visit days ahead): its entry, filed
  // early today, is moved to its key now if it is still waiting, rather than
  // come into reach tomorrow only for the sweep to file it back, a rare
  // outcome the processor guessed wrong nearly every time.
  void file_due_work_later(Case& c, std::uint32_t slot) {
    if (c.worker == kNoWorker) return;
    DueIndex& index = posts_[static_cast<std::size_t>(c.worker)].due_index;
    if (!index.waits_first(slot, c.due_stamp)) return;  // (elsewhere, an early entry is harmless)
    const Day key = due_key(c);
    if (key <= c.due_filed_key || key == kNever) return;
    index.file_first_later(key);
    c.due_filed_key = key;
  }
  // How far ahead the post's worker works today: the planning window from
  // today (`planning_horizon`, the same for everyone), and further before
  // leave. Inline: read for every worker's working day.
  Day horizon_of_work(const Post& post, Day day, Day planning_horizon) const {
    // Leave is planned: in the week before it, a worker also does what falls
    // due while they are away.
    if (on_annual_leave(post, day + 7) && !on_annual_leave(post, day))
      return std::max(planning_horizon, (day / 7 + 2) * 7 - 1);
    return planning_horizon;
  }
  // The day's work of a post whose worker is at work, with `hours` for it;
  // returns the hours left. Inline (defined in daily_work.cpp, its only caller).
  [[gnu::always_inline]] inline double work_due_tasks(std::size_t post, Day day, Day horizon, Day planning_horizon,
                                                      double hours);
  bool covers_waiting_children(std::size_t post) const {
    return static_cast<std::int32_t>(post) == duty_post_ &&
           scenario_.policy.unallocated_cover == scenario::UnallocatedCover::duty;
  }
  bool children_waiting() const { return !(unallocated_urgent_.empty() && unallocated_.empty()); }
  // `hold`: the worker's own day, whose work files again the entries its tasks hold.
  bool sweep_due_cases(std::size_t post, Day day, Day horizon, bool hold);
  // Files again the entry a task held, once its work (if any) is done.
  [[gnu::always_inline]] inline void return_held_entry(const Task& task, std::int32_t post, Day horizon);
  // Every held entry of `tasks` (the day's list, or what is left of it), as it was.
  [[gnu::always_inline]] inline void return_held_entries(const Task* first, const Task* last, std::int32_t post,
                                                         Day horizon);
  // When the sweep finds an assessment ready to complete.
  void complete_ready_assessments(std::size_t post, Day day, Day horizon);
  // An assessment whose work is done and whose information is in.
  bool ready_to_complete(const Case& c) const {
    return c.clocks.owed(Action::assessment) && c.assessment_hours_left <= 0.0 && sim_.now() >= c.assessment_ready_time;
  }
  // The due work of children waiting for a worker, for whoever covers it.
  void collect_waiting_children_tasks(Day day, Day planning_horizon);
  // Inline (defined in daily_work.cpp, its only caller): called for every case with work in reach.
  // Returns whether the task pushed holds the case's entry (only if `hold`).
  [[gnu::always_inline]] inline bool push_due_tasks(const Case& c, std::uint32_t slot, Day day, Day horizon_of_work,
                                                    bool waiting_child, bool hold);
  void push_owed_tasks(const Case& c, std::uint32_t slot, Day day, Day horizon_of_work, bool waiting_child);
  // A task's precedence and when it became workable, for planned work not booked for a day.
  static std::uint8_t unbooked_precedence(const Case& c, Day due, Day day);
  Day planned_workable_from(Day due) const;
  // Inline (defined in daily_work.cpp), as work_tasks.
  [[gnu::always_inline]] inline void sort_tasks();
  // `doer`: a post, or kTeamManager. `absence_cover`: the duty worker doing
  // absent colleagues' due work. Inline (defined in daily_work.cpp; its
  // caller, do_daily_work, calls it for nearly every worker's working day).
  // `horizon`: the worker's, for the entries the tasks hold (none but on the worker's own day).
  [[gnu::always_inline]] inline double work_tasks(Day day, std::int32_t doer, double hours, bool absence_cover,
                                                  Day horizon);
  // Inline (defined in daily_work.cpp, its only caller): called for every task worked on.
  [[gnu::always_inline]] inline bool do_task(const Task& task, Day day, std::int32_t doer, double& hours);
  bool fits(double needed, double& hours, std::int32_t doer, bool booked);
  // sort_tasks and work_tasks, out of line: for the lists made at most once a day.
  double sort_and_work_tasks(Day day, std::int32_t doer, double hours, bool absence_cover);
  std::int64_t doer_id(std::int32_t doer) const {
    return doer == kTeamManager ? model::kTeamManagerId : worker_id(static_cast<std::size_t>(doer));
  }
  // Inline (defined in daily_work.cpp; do_task, its only caller, does every visit).
  // `standard`: the visit's at the case's stage.
  [[gnu::always_inline]] inline void do_visit(Case& c, std::uint32_t slot, const ActionStandard& standard, Day day);
  bool work_on_assessment(std::uint32_t slot, Day day, double& hours);
  // When the action falls due next after one done on `day`.
  // Inline, and due_after with it (a visit's next is worked out by do_visit itself).
  [[gnu::always_inline]] Day next_due_after(const Case& c, Action action, Day day) const {
    return due_after(standards_.of(c.stage, action).next, day, c.plan_start_day);
  }

  // --- workforce.cpp
  void update_workforce(Day day);
  void update_workers(Day day, bool no_draws);
  // A worker for whom nothing is drawn (no resignations, sickness or odd
  // days' leave in the scenario): permanent, full-time, with no notice, no
  // leave in this leave year, no dated absence and no sickness past or
  // present, is at work, and nothing update_workforce does changes for them.
  bool steady_at_work(const Post& post, int leave_year, Day day) const {
    return post.holder == Post::Holder::permanent && post.leaving_day == kNever && post.leave_year == leave_year &&
           post.leave_weeks == 0 && post.sick_until <= day && post.absent_until <= day && post.fte >= 1.0 &&
           post.recent_sickness == 0.0;
  }
  void start_worker(std::size_t post, Post::Holder holder, Day day, bool newly_qualified);
  void worker_leaves(std::size_t post, Day day);
  // A new post, vacant and advertised on `day`: a recruit starts after the recruitment lag.
  void advertise_post(std::size_t post, Day day);
  void plan_annual_leave(std::size_t post, Day day);
  // Inline: read for every worker's working day.
  bool on_annual_leave(const Post& post, Day day) const {
    if (post.leave_weeks == 0) return false;  // no leave this year (or none modelled)
    return post.leave_weeks >> ((day / 7) % 52) & 1u;
  }
  void update_manager(Day day);
  void hold_supervision(Day day);
  void review_escalation(Day day);
  // The allowance over the cap until the next review: a change changes
  // every worker's room (the same allowance again changes nothing).
  void allow_over_cap(double cases) {
    if (cases == cap_.over_cap_allowance()) return;
    staff_changed();
    cap_.allow_over_cap(cases);
  }
  void choose_duty_worker(Day day);
  // Supervision not modelled has no effect; modelled, a worker who is never
  // supervised (no sessions, or a manager with no time for them) drifts further
  // every week. Inline: read for every worker's working day.
  double weeks_since_supervision(const Post& post, Day day) const {
    if (!scenario_.supervision.modelled) return 0.0;
    return (day - post.last_supervision) / 7.0;
  }
  // The cap in force (a timeline event can change it), for this worker.
  double worker_cap(const Post& post, Day day) const {
    return cap_.for_worker(post.fte, in_first_year_newly_qualified(post, day), ramp_share(post, day));
  }
  // The share of full capacity a worker has reached: below 1 only for a new
  // starter within the ramp-up (1.0 exactly otherwise, so no result moves
  // when there is none).
  double ramp_share(const Post& post, Day day) const {
    if (!post.ramps_up || ramp_up_days_ <= 0.0 || day - post.started_day >= ramp_up_days_) return 1.0;
    return std::max(0.0, static_cast<double>(day - post.started_day)) / ramp_up_days_;
  }
  bool in_first_year_newly_qualified(const Post& post, Day day) const {
    return post.newly_qualified && day - post.started_day < 365;
  }
  double worker_uniform(std::size_t post, std::uint32_t serial, Day day, std::uint32_t what) const;
  kernel::KeyedEngine worker_engine(std::size_t post, std::uint32_t serial, std::uint32_t what) const;

  // --- team_metrics.cpp
  void record_action(Action action, Day due, Day done_day);
  // Inline for its first step: nothing owed has passed its date at most
  // closures (a plan ends between visits), so nothing is late and no child
  // is past a standard, and only the gap since the last visit runs to then.
  void record_owed_actions(Case& c, Day as_of_day) {
    if (c.clocks.earliest_due() < as_of_day) {
      record_overdue_actions(c, as_of_day);
    } else if (c.clocks.owed(Action::visit)) {
      record_visit_gap(c, c.last_visit_day, as_of_day);
    }
  }
  void record_overdue_actions(Case& c, Day as_of_day);
  void record_overdue_at(Action action, Day due, Day as_of_day);
  // Inline: a visit on time (nearly every one) has a gap too short to count
  // that cannot be the longest, and records nothing.
  void record_visit_gap(Case& c, Day from, Day to) {
    if (to - from >= gap_worth_recording_) record_counted_visit_gap(c, from, to);
  }
  void record_counted_visit_gap(Case& c, Day from, Day to);
  // Working days are weekdays (WorkingCalendar): at most 5 in each whole
  // week from `from` to `to`, and 5 in the rest.
  static constexpr double most_working_days(Day from, Day to) {
    const Day days = std::max(to - from, 0);
    return days / 7 * kWorkingDaysPerWeek + std::min(days % 7, kWorkingDaysPerWeek);
  }
  // The shortest gap, in days, that can count (longer than six weeks) or be
  // longer in working days than `longest`: most_working_days grows with the
  // gap, so every longer gap can too, and no shorter one.
  static constexpr Day shortest_gap_worth_recording(double longest) {
    Day days = 0;
    while (days <= kSixWeeksDays && most_working_days(0, days) <= longest) ++days;
    return days;
  }
  void record_past_standard(Case& c, Day due, Day until);
  // Inline for its first step: a visit made on time (nearly every one) meets
  // the one visit owed, without the walk over intervals missed.
  void record_visits_owed(const Case& c, Day due, Day until, bool made) {
    if (due < until) {
      record_missed_visits(c, due, until, made);
    } else if (made && in_window(due)) {
      // On time: all record_action would do.
      ++tally_.actions[index(Action::visit)].due;
    }  // none owed before `until` is overdue at it
  }
  void record_missed_visits(const Case& c, Day due, Day until, bool made);
  void count_duration(Duration d, int working_days) {
    const auto bin = static_cast<std::size_t>(std::clamp(working_days, 0, static_cast<int>(kDurationBins) - 1));
    ++result_.durations[index(d) * kDurationBins + bin];
  }
  void record_exposure(const Case& c, Day due, Day until);
  void sample_day(Day day);
  template <bool kNoteStaff>
  void sample_day_post_by_post(Day day);
  void sample_day_of_steady_staff(Day day);
  // One held post's working day in the caseload measures, whichever way the
  // day is counted: whether it is over `cap` (its cap today), and its
  // caseload per FTE against the most so far.
  static void count_caseload_day(const Post& post, double cap, std::uint64_t& over_cap, double& most_per_fte) {
    over_cap += post.load > cap + 1e-9;
    most_per_fte = std::max(most_per_fte, count_value(post.cases.size()) / post.fte);
  }
  static bool whole_1024ths(double x);
  void update_overload();
  double visit_standard_days(const Case& c, Day day) const;
  VisitStandardGroup visit_standard_group(const Case& c, Day due) const;
  void sample_week(std::size_t week);
  void sample_workers(std::size_t week);  // worker_series.cpp
  void finish();
  // The actions open cases owe that are overdue on `as_of_day`, and the
  // visits among them.
  struct Overdue {
    std::size_t actions = 0, visits = 0;
  };
  Overdue overdue_actions(Day as_of_day) const;
  // Calls f(case) for each open case whose slot's earliest due date
  // (earliest_due_by_slot_) is before `day`: every one owing anything before
  // it. Few slots do: their dates are compared a block at a time, then four
  // at a time, and only four with one before the day are looked at slot by slot.
  template <class F>
  void for_each_case_owing_before(Day day, F&& f) const {
    const Day* const earliest = earliest_due_by_slot_.data();
    assert(earliest_due_by_slot_.size() % kSlotBlock == 0);
    for (std::size_t block = 0; block < earliest_due_by_slot_.size(); block += kSlotBlock) {
      if (!any_due_before<kSlotBlock>(earliest + block, day)) continue;
      for (std::size_t four = block; four < block + kSlotBlock; four += 4) {
        if (!any_due_before<4>(earliest + four, day)) continue;
        for (std::size_t slot = four; slot < four + 4; ++slot)
          if (earliest[slot] < day && cases_[slot].open) f(cases_[slot]);
      }
    }
    assert(std::equal(cases_.begin(), cases_.end(), earliest_due_by_slot_.begin(),
                      [](const Case& c, Day due) { return !c.open || due == c.clocks.earliest_due(); }));
    assert(std::all_of(earliest_due_by_slot_.begin() + static_cast<std::ptrdiff_t>(cases_.size()),
                       earliest_due_by_slot_.end(), [](Day due) { return due == kNever; }));
  }
  // Whether any of the `slots` dates from `first` is before `day`: four
  // compared at once, in a vector register (GCC's and Clang's vector types).
  // The answer is read through memcpy, not std::bit_cast, which the
  // browser build's C++ library (Emscripten 3.1.6's) does not have.
  template <std::size_t slots>
  static bool any_due_before(const Day* first, Day day) {
    using FourDays = Day __attribute__((vector_size(4 * sizeof(Day))));
    static_assert(slots % 4 == 0);
    FourDays before{};
    for (std::size_t k = 0; k < slots; k += 4) {
      FourDays days;
      std::memcpy(&days, first + k, sizeof days);
      before |= days < day;
    }
    std::int64_t halves[2];
    static_assert(sizeof halves == sizeof before);
    std::memcpy(halves, &before, sizeof halves);
    return (halves[0] | halves[1]) != 0;
  }
  // The case's statutory actions overdue on `as_of_day`, and whether its visit is among them.
  static std::size_t overdue_actions(const Case& c, Day as_of_day);
  static bool visit_overdue(const Case& c, Day as_of_day) {
    return c.clocks.owed(Action::visit) && c.clocks.due(Action::visit) < as_of_day;
  }

  // Helpers.
  // A count as a double, by way of a signed integer: the same value (counts
  // are far below 2^63) without the test of the top bit that converting an
  // unsigned one takes, on every caseload change and every post each day.
  static double count_value(std::size_t n) { return static_cast<double>(static_cast<std::int64_t>(n)); }
  double referral_uniform(std::uint64_t referral, ReferralDraw what) const;
  kernel::KeyedEngine referral_engine(std::uint64_t referral, ReferralDraw what) const;
  // A duration drawn from the referral's own keyed stream. A fixed one draws
  // nothing: the engine's mixing (which GCC did anyway) is left out then.
  double referral_duration(DurationSampler& duration, std::uint64_t referral, ReferralDraw what) const {
    if (duration.fixed()) return duration.mean();
    kernel::KeyedEngine engine = referral_engine(referral, what);
    return duration(engine);
  }
  std::uint32_t new_case_slot();
  // Out of line: most new cases reuse a closed case's slot.
  [[gnu::noinline]] std::uint32_t add_case_slot();
  // Read at every change of a queue or caseload: worked out once per moment.
  double working_now() const {
    if (sim_.now() != working_now_at_) {
      working_now_at_ = sim_.now();
      working_now_ = calendar_day_.working_time_at(working_now_at_);
    }
    return working_now_;
  }
  Day today() const { return static_cast<Day>(sim_.now()); }
  bool in_window(Day day) const { return day >= setup_.counting_from_day() && day < setup_.horizon_days(); }
  bool counting() const { return sim_.now() >= setup_.warm_up_days(); }
  bool present(const Post& post) const {
    return post.holder != Post::Holder::vacant && !post.absent_today && post.works_today;
  }
  Day add_months(Day day, int months) const;
  // A drawn number of working days (or calendar days) after `from`, or the end
  // of the run if that is sooner: a long draw from a heavy-tailed
  // distribution (a sickness episode, a recruitment lag) never leaves the
  // working calendar or overflows a day number.
  Day working_days_later(Day from, double working_days) const;
  Day days_later(Day from, double days) const;
  std::int64_t worker_id(std::size_t post) const {
    return static_cast<std::int64_t>(post) * 1000 + posts_[post].serial;
  }
  std::int64_t case_worker_id(const Case& c) const {
    return c.worker == kNoWorker ? -1 : worker_id(static_cast<std::size_t>(c.worker));
  }
  // Whether the run is traced (no benchmark is). A call whose arguments cost
  // something to work out (a worker's id, days late) tests it first: GCC
  // works them out before trace's own test, and cannot put off one that may
  // throw (a count of working days) until after it.
  bool tracing() const { return trace_ != nullptr; }
  // Inline, so that without a trace the arguments of the model's many calls
  // (days late, say) are not worked out.
  void trace(std::string_view event, std::int64_t child, std::int64_t worker, Day due = -1, double value = 0.0,
             std::string_view detail = {}) {
    if (trace_ != nullptr) write_trace(event, child, worker, due, value, detail);
  }
  void write_trace(std::string_view event, std::int64_t child, std::int64_t worker, Day due, double value,
                   std::string_view detail);

  const ModelSetup& setup_;
  const scenario::Scenario& scenario_;
  const kernel::WorkingCalendar& calendar_;
  std::uint64_t seed_;
  std::uint64_t replication_;
  TraceSink* trace_;
  // Keyed streams drawn for every worker on every working day, and several
  // times for every referral: their key-independent mixing is done once per
  // replication.
  kernel::KeyedStream worker_day_keys_{seed_, replication_, stream_id(Stream::worker_days)};
  kernel::KeyedStream case_drift_keys_{seed_, replication_, stream_id(Stream::case_drift)};
  kernel::KeyedStream referral_keys_{seed_, replication_, stream_id(Stream::referral_attributes)};

  // Time is in days, and a day's events are a handful among months of
  // pending ones (plans ending): the queue keeps them apart in buckets of two
  // days (half as many buckets to open as of one, each still a handful of
  // events: about 1 % faster on the caseload, baseline and council
  // benchmarks; the order of events is the same whatever the width).
  kernel::Simulator sim_{2.0};
  mutable double working_now_at_ = std::numeric_limits<double>::quiet_NaN();  // working_now's moment
  mutable double working_now_ = 0.0;
  // The calendar's conversions for the day of the events being handled (a
  // day has several), looked up once for it.
  mutable kernel::WorkingDayCache calendar_day_{calendar_};
  kernel::StreamEngine arrivals_rng_;
  std::int64_t arrival_working_day_ = 0;  // where the arrival process has got to
  Day arrival_day_ = 0;                   // that working day's day
  double arrival_rate_ = 0.0;             // and its rate of referrals
  double arrival_day_fraction_ = 0.0;

  std::uint64_t referrals_ = 0;
  std::uint64_t children_ = 0;
  int duty_decisions_left_ = 0;
  std::int32_t duty_post_ = kNoWorker;
  kernel::FifoQueue<PendingReferral> awaiting_decision_;
  kernel::FifoQueue<std::uint32_t> unallocated_urgent_;
  kernel::FifoQueue<std::uint32_t> unallocated_;
  std::vector<Case> cases_;
  // For the counts of overdue actions, the earliest due date of each
  // slot's case, if open (kNever: no case yet, or closed, unless a task left
  // in the day's list reached its clocks after), so that the weekly series
  // read a kilobyte for a team of ten, and the cases of the few slots before
  // the week's end, not a line of every case. Slots come in whole blocks of
  // kSlotBlock, as they are read.
  static constexpr std::size_t kSlotBlock = 32;
  std::vector<Day> earliest_due_by_slot_;
  std::vector<std::uint32_t> free_case_slots_;
  std::size_t open_allocated_ = 0;
  std::size_t open_cp_cases_ = 0;  // open cases on a child protection plan, for the weekly series
  std::vector<Post> posts_;
  Manager manager_;
  // Children whose cases closed recently, for re-referrals: the child, and the
  // slot of the case opened for them since (kNoSlot: none), so a child is
  // never open twice.
  struct RecentClosure {
    std::uint64_t child = 0;
    std::uint32_t reopened_slot = kNoSlot;
  };
  static constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();
  std::array<RecentClosure, 64> recently_closed_{};
  std::size_t recently_closed_count_ = 0;

  // What the timeline has changed so far (the cap too, in cap_).
  std::size_t next_dated_change_ = 0;
  int retentions_left_ = 0;
  Day retained_until_day_ = kNever;
  struct RetainedLeaver {
    std::size_t post = 0;
    std::uint32_t serial = 0;  // the holder retained: one who has left meanwhile is not closed again
    bool replaced = false;
  };
  std::vector<RetainedLeaver> retained_;  // leaving on retained_until_day_
  double ramp_up_days_ = 0.0;
  int supervision_interval_weeks_ = 0;
  // A mix with all its weight on one choice needs no draw: the choice every
  // draw makes, or kDrawn. Each referral draw has its own keyed stream, so a
  // draw not made moves no other.
  static constexpr std::size_t kDrawn = std::numeric_limits<std::size_t>::max();
  std::size_t certain_need_ = kDrawn;
  std::array<std::size_t, scenario::kNeedLevels> certain_response_{};
  std::size_t certain_assessment_outcome_ = kDrawn;
  const StatutoryStandards& standards_;
  CaseloadCapInForce cap_;
  std::array<double, kStageCount> work_weights_{};

  // Escalation in force until the next review (and its allowance over the cap, in cap_).
  double overtime_hours_per_day_ = 0.0;
  bool agency_requested_ = false;
  Day agency_request_arrives_ = kNever;
  int last_escalation_week_ = -1;

  DurationSampler assessment_duration_;
  DurationSampler assessment_plan_;
  DurationSampler icpc_booking_;
  DurationSampler cp_duration_;
  DurationSampler cin_duration_;
  DurationSampler looked_after_duration_;
  DurationSampler sickness_duration_;
  DurationSampler recruitment_lag_;
  DurationSampler agency_tenure_;
  DurationSampler interim_tenure_;

  std::vector<double> case_weights_;            // the distinct weights a case can have
  std::vector<LeastLoadedIndex> least_loaded_;  // one per weight in case_weights_
  // The index in case_weights_ of each stage's weight (weights do not change
  // in a run): looked up at every allocation.
  std::array<std::uint8_t, kStageCount> weight_index_{};
  std::vector<double> most_load_in_index_;  // each post's most_load_taking_a_case, as the index was built
  std::vector<double> cap_in_index_;        // and its worker_cap, which holds as long as the index does
  Day allocation_index_day_ = kNever;       // kNever: no valid index
  // The index may not match the posts (a staff change, or a caseload change
  // while it was not valid): the next build is a whole one. Otherwise, on a
  // day after room_changes_until_ (while no worker's room depends on the day:
  // no notice running, no newly qualified first year, no ramp-up), the index
  // kept up to date through the day before holds for the new day as it is.
  bool allocation_index_stale_ = true;
  Day room_changes_until_ = kNever;

  // The leave year through which every post in use is steady_at_work, as
  // update_workforce last found them, while no staff change has been made
  // since: each day of it finds them so again (a day only moves their
  // sickness and absence further into the past).
  static constexpr int kNoLeaveYear = std::numeric_limits<int>::min();
  int steady_leave_year_ = kNoLeaveYear;
  std::uint64_t staff_changes_ = 0;  // staff_changed() calls so far

  // What each working day's measures count of the staff in post, the same
  // every day from one staff change to the next (sample_day).
  struct StaffDay {
    std::uint64_t staff_changes = ~std::uint64_t{0};    // staff_changes_ when worked out
    std::vector<std::uint32_t> held_posts;              // in use and not vacant, in order
    double posts = 0.0, posts_without_permanent = 0.0;  // permanent posts in use: whole numbers
    double fte = 0.0;                                   // of held_posts, summed in their order
    double agency_fte = 0.0, permanent_fte = 0.0;
    // Whether adding a day's FTE at once gives each FTE tally what adding
    // each post's in turn does (see whole_1024ths).
    bool fte_days_at_once = false;
  };
  StaffDay staff_day_;
  // Every FTE the run can have (the team's, a timeline starter's, agency
  // cover's 1) is a whole number of 1/1024ths: the staff's daily FTE
  // tallies can be kept from one staff change to the next.
  bool whole_ftes_ = false;

  // Reused each working day so daily work allocates nothing.
  std::vector<Task> tasks_;
  std::vector<std::pair<std::size_t, Day>> absent_posts_;  // and their horizons of work
  std::uint64_t due_stamps_ = 0;
  std::vector<std::pair<Day, std::uint32_t>> supervision_order_;  // (due, post)

  Tally tally_;
  // shortest_gap_worth_recording(tally_.longest_visit_gap), kept with it.
  Day gap_worth_recording_ = shortest_gap_worth_recording(0.0);
  TimeAverage caseload_average_;
  TimeAverage queue_average_;
  ReplicationResult result_;
};

}  // namespace casesim::model
