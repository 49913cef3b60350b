// TeamModel: events, referrals, the duty decision, allocation and case stages.
#include "engine/model/team_model.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include <boost/random/exponential_distribution.hpp>

namespace casesim::model {

using kernel::Day;

namespace {

// Which of `shares` (in order, summing to 1) a uniform draw `u` picks.
template <std::size_t N>
std::size_t share_picked(const std::array<double, N>& shares, double u) {
  std::size_t k = 0;
  while (k + 1 < N && u >= shares[k]) u -= shares[k++];
  return k;
}

// Which outcome of an assessment (in AssessmentOutcomes' order) a uniform draw `u` picks.
std::size_t outcome_picked(const scenario::AssessmentOutcomes& o, double u) {
  if (u < o.no_further_action) return 0;
  if (u < o.no_further_action + o.cin_plan) return 1;
  if (u < o.no_further_action + o.cin_plan + o.cp_plan) return 2;
  return 3;
}

// What every uniform draw picks, or `drawn` if draws can pick differently. A
// pick never goes down as the draw goes up (shares are not negative, and
// rounding keeps order), so the lowest draw and the largest below 1 decide.
template <class Pick>
std::size_t certain_pick(Pick pick, std::size_t drawn) {
  const std::size_t lowest = pick(0.0);
  return lowest == pick(std::nextafter(1.0, 0.0)) ? lowest : drawn;
}

}  // namespace

void TeamModel::TimeAverage::advance(double working_time) {
  const double lo = std::max(last, from);
  const double hi = std::min(working_time, to);
  if (hi > lo) area += value * (hi - lo);
  last = working_time;
}

TeamModel::TeamModel(const ModelSetup& setup, std::uint64_t seed, std::uint64_t replication, TraceSink* trace)
    : setup_(setup),
      scenario_(setup.scenario()),
      calendar_(setup.calendar()),
      seed_(seed),
      replication_(replication),
      trace_(trace),
      arrivals_rng_(kernel::make_stream(seed, replication, stream_id(Stream::referral_arrivals))),
      standards_(setup.standards()),
      cap_(setup.scenario()),
      assessment_duration_(setup.scenario().pathways.assessment.duration_working_days),
      assessment_plan_(
          setup.scenario().pathways.assessment.planned_working_days.value_or(scenario::DurationDistribution{})),
      icpc_booking_(
          setup.scenario().pathways.section_47.booked_working_days.value_or(scenario::DurationDistribution{})),
      cp_duration_(setup.scenario().pathways.cp_plan.duration_working_days),
      cin_duration_(setup.scenario().pathways.cin_plan.duration_working_days),
      looked_after_duration_(setup.scenario().pathways.looked_after.duration_working_days),
      sickness_duration_(setup.scenario().workforce.sickness.duration_working_days),
      recruitment_lag_(setup.scenario().workforce.turnover.recruitment_lag_weeks),
      agency_tenure_(setup.scenario().workforce.turnover.agency_tenure_weeks),
      interim_tenure_(setup.scenario().workforce.manager.interim_tenure_weeks) {
  const double window_start = calendar_.working_time_at(setup_.warm_up_days());
  const double window_end = calendar_.working_time_at(setup_.horizon_days());
  caseload_average_ = TimeAverage{window_start, window_end, 0.0, 0.0, 0.0};
  queue_average_ = TimeAverage{window_start, window_end, 0.0, 0.0, 0.0};
  result_.weekly.assign(kSeriesCount * static_cast<std::size_t>(setup_.weeks()), 0.0);

  certain_need_ = certain_pick([&](double u) { return share_picked(scenario_.referrals.need_mix, u); }, kDrawn);
  for (std::size_t need = 0; need < scenario::kNeedLevels; ++need)
    certain_response_[need] =
        certain_pick([&](double u) { return share_picked(scenario_.triage.response_by_need[need], u); }, kDrawn);
  certain_assessment_outcome_ =
      certain_pick([&](double u) { return outcome_picked(scenario_.pathways.assessment.outcomes, u); }, kDrawn);
  supervision_interval_weeks_ = scenario_.supervision.interval_weeks;
  work_weights_ = stage_weights(scenario_.pathways);
  posts_.resize(setup_.initial_posts() + setup_.posts_for_starts());
  ramp_up_days_ = 7.0 * scenario_.workforce.new_starter_ramp_up_weeks;
  retentions_left_ = scenario_.team.retained_leavers;
  if (scenario_.team.retained_until) retained_until_day_ = calendar_.day_of(*scenario_.team.retained_until);
  // The additional workers (those ModelSetup has not made dated starters).
  const auto& team = setup_.scenario().team;
  const std::size_t agency_from = setup_.initial_posts() - static_cast<std::size_t>(team.additional_agency_workers);
  const snapshot::Snapshot* snapshot = setup_.snapshot();
  const std::size_t listed = snapshot ? snapshot->workers.size() : scenario_.team.social_workers.size();
  for (std::size_t p = 0; p < setup_.initial_posts(); ++p) {
    if (p < listed && snapshot) continue;  // start_from_snapshot starts them
    if (p < listed) {
      const auto& worker = scenario_.team.social_workers[p];
      posts_[p].fte = worker.fte;
      start_worker(p, worker.agency ? Post::Holder::agency : Post::Holder::permanent, 0, worker.newly_qualified);
      posts_[p].ramps_up = false;  // the team as it is, not new starters
    } else if (p < agency_from && team.additional_permanent_recruited) {
      // A post advertised when the counted period starts, filled after a
      // recruitment lag drawn as for any vacancy; no agency cover meanwhile,
      // as the plan pays for the post, not for cover.
      advertise_post(p, setup_.warm_up_days());
    } else {
      start_worker(p, p >= agency_from ? Post::Holder::agency : Post::Holder::permanent, 0, false);
    }
  }
  for (std::size_t p = setup_.initial_posts(); p < posts_.size(); ++p) {
    posts_[p].in_use = false;
    posts_[p].reserved = true;
  }
  if (snapshot) {
    start_from_snapshot(*snapshot);
    // The snapshot sets clocks after it allocates: file every case as it stands.
    for (Case& c : cases_)
      if (c.open) file_due_work(c);
  }
  whole_ftes_ = std::all_of(posts_.begin(), posts_.end(), [](const Post& post) { return whole_1024ths(post.fte); }) &&
                std::all_of(scenario_.timeline.begin(), scenario_.timeline.end(),
                            [](const scenario::TimelineEvent& event) { return whole_1024ths(event.fte); });
  // A large team holds thousands of cases: growing to them by doubling
  // copies them over and over and touches twice the memory (about a tenth
  // of a 512-worker team's first replication). Room from the start for a
  // full-time caseload in every post and a quarter more (children waiting, a
  // soft cap); beyond that the slots grow as before.
  const auto expected_cases =
      static_cast<std::size_t>(1.25 * cap_.for_worker(1.0, false) * static_cast<double>(posts_.size()));
  cases_.reserve(std::max(cases_.size(), expected_cases));
  earliest_due_by_slot_.reserve(cases_.capacity() + kSlotBlock);
  sim_.reserve(64);
  tasks_.reserve(256);
}

ReplicationResult TeamModel::run() {
  const Day horizon = setup_.horizon_days();
  if (start_arrival_day(calendar_.working_days_before(0))) schedule_next_arrival();
  const Day first_working_day = calendar_.add_working_days(-1, 1);
  if (first_working_day < horizon) sim_.schedule_at(first_working_day, {kWorkingDayStart, 0});
  if (7 < horizon) sim_.schedule_at(7, {kWeekEnd, 0});

  sim_.run_until(horizon, *this);
  sample_week(static_cast<std::size_t>(setup_.weeks() - 1));
  finish();
  result_.events = sim_.events_processed();
  return std::move(result_);
}

void TeamModel::operator()(const kernel::Event& event) {
  switch (event.kind) {
    case kReferralArrival: on_referral_arrival(); break;
    case kWorkingDayStart: on_working_day_start(today()); break;
    case kPlanEnd: on_plan_end(event.subject); break;
    case kAssessmentReady: on_assessment_ready(event.subject); break;
    case kWeekEnd: on_week_end(event.subject); break;
  }
}

// A handler of its own, as the others are: with its scheduling written into
// the dispatch, every event paid for the registers it needed (and the
// dispatch was too large to inline into the simulator's loop).
void TeamModel::on_week_end(std::uint32_t week) {
  sample_week(week);
  const Day next = 7 * static_cast<Day>(week + 2);
  if (next < setup_.horizon_days()) sim_.schedule_at(next, {kWeekEnd, week + 1});
}

// Referrals are a Poisson process in working time whose rate varies by working
// day (weekday and month profiles): an exponential amount of "expected
// referrals" is used up day by day. A regular process uses up exactly one.
void TeamModel::schedule_next_arrival() {
  double need = 1.0;
  if (scenario_.referrals.arrival_process == scenario::ReferralSettings::ArrivalProcess::poisson) {
    boost::random::exponential_distribution<double> unit(1.0);
    need = unit(arrivals_rng_);
  }
  for (;;) {
    const double available = arrival_rate_ * (1.0 - arrival_day_fraction_);
    if (need < available) {
      arrival_day_fraction_ += need / arrival_rate_;
      break;
    }
    need -= available;
    arrival_day_fraction_ = 0.0;
    if (!start_arrival_day(arrival_working_day_ + 1)) return;
  }
  const double time = arrival_day_ + arrival_day_fraction_;
  if (time < setup_.horizon_days()) sim_.schedule_at(time, {kReferralArrival, 0});
}

// The arrival process moves on to working day k: its day and rate, looked up
// once for the day's referrals. False if that day is past the horizon.
bool TeamModel::start_arrival_day(std::int64_t k) {
  arrival_working_day_ = k;
  arrival_day_ = calendar_.working_day(k);
  if (arrival_day_ >= setup_.horizon_days()) return false;
  arrival_rate_ = setup_.referral_rate_on_working_day(k);
  return true;
}

double TeamModel::referral_uniform(std::uint64_t referral, ReferralDraw what) const {
  kernel::KeyedEngine engine = referral_engine(referral, what);
  return kernel::uniform01(engine);
}

kernel::KeyedEngine TeamModel::referral_engine(std::uint64_t referral, ReferralDraw what) const {
  const auto draws = static_cast<std::uint64_t>(ReferralDraw::count);
  return referral_keys_.engine(referral * draws + static_cast<std::uint64_t>(what));
}

void TeamModel::on_referral_arrival() {
  PendingReferral referral{referrals_++, today(), counting()};
  ++result_.ledger.received;
  if (referral.counted) ++tally_.referrals_received;
  trace("referral", -1, -1, -1, static_cast<double>(referral.index));
  const bool unlimited_duty = scenario_.triage.duty_decisions_per_working_day == 0;
  if (duty_post_ != kNoWorker && awaiting_decision_.empty() && (unlimited_duty || duty_decisions_left_ > 0)) {
    if (!unlimited_duty) --duty_decisions_left_;
    decide(referral);
  } else {
    awaiting_decision_.push(referral);
  }
  schedule_next_arrival();
}

// The duty worker's decision. The referral's true need and the right response
// are drawn from its own keyed streams, so they are the same under every policy;
// whether triage misses an urgent case depends on the duty worker's state.
void TeamModel::decide(const PendingReferral& referral) {
  const Day day = today();
  const auto& triage = scenario_.triage;
  // The standard is a whole number of working days from the day the referral
  // came in, so one decided that day (nearly every one) is on time: its due
  // day is worked out only for one held over, or for the trace.
  const bool held_over = day > referral.arrival_day;
  const Day due = held_over || trace_ != nullptr
                      ? calendar_.add_working_days(referral.arrival_day, triage.decision_standard_working_days)
                      : referral.arrival_day;
  if (referral.counted && day > due) ++tally_.decisions_late;

  const std::size_t need = certain_need_ != kDrawn ? certain_need_
                                                   : share_picked(scenario_.referrals.need_mix,
                                                                  referral_uniform(referral.index, ReferralDraw::need));
  const std::size_t response =
      certain_response_[need] != kDrawn
          ? certain_response_[need]
          : share_picked(triage.response_by_need[need], referral_uniform(referral.index, ReferralDraw::response));

  // A re-referral concerns a child whose case closed recently; if that child's
  // case has been opened again since, the referral is a new concern on it.
  // A uniform draw is never below a share of 0 (the default): not drawn then.
  // Each draw has its own keyed stream, so skipping it changes no other.
  const double re_referral_share = scenario_.referrals.re_referral_share;
  const bool re_referral =
      re_referral_share > 0.0 && referral_uniform(referral.index, ReferralDraw::re_referral) < re_referral_share;
  std::uint64_t child = children_;
  RecentClosure* closure = nullptr;
  if (re_referral && recently_closed_count_ > 0) {
    const std::size_t n = std::min(recently_closed_count_, recently_closed_.size());
    closure = &recently_closed_[static_cast<std::size_t>(referral.index % n)];
    child = closure->child;
    if (referral.counted) ++tally_.re_referrals;
  } else {
    ++children_;
  }
  const bool child_open = closure && closure->reopened_slot != kNoSlot && cases_[closure->reopened_slot].open &&
                          cases_[closure->reopened_slot].child == child;

  const bool urgent = response == static_cast<std::size_t>(scenario::Response::section_47);
  bool missed = false;
  if (urgent) {
    if (referral.counted) ++tally_.urgent_referrals;
    const Post& duty = posts_[static_cast<std::size_t>(duty_post_)];
    const auto& e = triage.error;
    const double p = std::min(e.max, e.base + e.per_overload * duty.overload +
                                         e.per_week_since_supervision * weeks_since_supervision(duty, day));
    missed = referral_uniform(referral.index, ReferralDraw::triage_error) < p;
    if (missed && referral.counted) ++tally_.urgent_not_identified;
  }
  if (tracing())
    trace("decision", static_cast<std::int64_t>(child), worker_id(static_cast<std::size_t>(duty_post_)), due,
          day > due ? calendar_.working_days_between(due, day) : 0,
          response == 0 ? "no further action"
                        : (urgent && !missed ? "section 47" : (missed ? "assessment (urgent missed)" : "assessment")));

  if (response == static_cast<std::size_t>(scenario::Response::no_further_action)) {
    ++result_.ledger.no_further_action;
    return;
  }
  if (referral.counted) ++tally_.referrals_accepted;
  if (child_open) {
    // One child, one open case: the concern goes to the case already open.
    ++result_.ledger.joined_open_case;
    if (referral.counted) ++tally_.concerns_on_open_cases;
    if (tracing())
      trace("concern_on_open_case", static_cast<std::int64_t>(child), case_worker_id(cases_[closure->reopened_slot]));
    return;
  }

  const std::uint32_t slot = new_case_slot();
  if (closure) {
    // Every record of this child's closures now points at the open case.
    for (std::size_t i = 0; i < std::min(recently_closed_count_, recently_closed_.size()); ++i)
      if (recently_closed_[i].child == child) recently_closed_[i].reopened_slot = slot;
  }
  Case& c = cases_[slot];
  // Copied from a constant: `c = Case{}` built one on the stack field by
  // field, then copied it.
  static constexpr Case kNewCase{};
  c = kNewCase;
  c.open = true;
  c.referral = referral.index;
  c.child = child;
  c.reopened = closure != nullptr;
  c.need = static_cast<std::uint8_t>(need);
  c.urgent = urgent;
  c.missed_urgent = missed;
  c.referral_day = referral.arrival_day;
  c.decision_day = day;
  trace("case_opened", static_cast<std::int64_t>(child), -1);
  c.stage = Stage::assessment;
  start_unfiled_clock(c, slot, Action::assessment, referral.arrival_day);
  c.assessment_hours_left = scenario_.pathways.assessment.hours;
  plan_assessment(c);
  if (urgent && !missed) {
    // The strategy discussion is held on the day of the decision, by the duty worker.
    posts_[static_cast<std::size_t>(duty_post_)].hours_owed += scenario_.pathways.section_47.strategy_discussion_hours;
    begin_section_47(c, slot, day, false);
  } else {
    // The child is seen within the assessment's standard of the decision,
    // whether or not a worker is free to take the case.
    start_clock(c, slot, Action::visit, day);
  }
  // With nobody waiting, allocate_waiting would take the case off the queue
  // as soon as it joined it (a wait of 0 counted, the queue's time average
  // unmoved): it goes straight to the chosen worker, as queued and taken off.
  if (unallocated_.empty() && unallocated_urgent_.empty()) {
    const std::int32_t post = choose_worker(c.stage);
    if (post != kNoWorker) {
      mark_waiting(c);
      allocate(slot, static_cast<std::size_t>(post));
    } else {
      enqueue(slot, false);  // nobody has room: it waits
    }
    return;
  }
  enqueue(slot, false);
  allocate_waiting();
}

// When the worker plans to complete the assessment, from the referral: its
// earliest completion (its information must be in as well, from allocation).
void TeamModel::plan_assessment(Case& c) {
  const auto& planned = scenario_.pathways.assessment.planned_working_days;
  c.assessment_planned_time = 0.0;
  if (!planned) return;
  c.assessment_planned_time = working_days_later(
      c.referral_day, referral_duration(assessment_plan_, c.referral, ReferralDraw::assessment_plan));
}

// The strategy discussion starts the enquiry: the assessment's own clock
// lapses (the enquiry's conference takes over), the rest of the case stands.
void TeamModel::begin_section_47(Case& c, std::uint32_t slot, Day day, bool strategy_by_worker) {
  const auto& s47 = scenario_.pathways.section_47;
  open_cp_cases_ -= c.stage == Stage::cp_plan;
  c.stage = Stage::section_47;
  note_court_work(c);
  c.strategy_day = day;
  stop_action(c, slot, Action::assessment);
  start_clock(c, slot, Action::icpc, day);
  if (s47.booked_working_days) {
    // Conferences are booked, near the deadline; the report is written for that day.
    c.clocks.book(Action::icpc,
                  working_days_later(day, referral_duration(icpc_booking_, c.referral, ReferralDraw::icpc_booking)));
    file_due_work(c);
  }
  if (strategy_by_worker && c.worker != kNoWorker)
    posts_[static_cast<std::size_t>(c.worker)].hours_owed += s47.strategy_discussion_hours;
  // The child is seen within the enquiry's standard, allocated or not.
  start_clock(c, slot, Action::visit, day);
  if (tracing())
    trace("strategy_discussion", static_cast<std::int64_t>(c.child), case_worker_id(c), c.clocks.due(Action::icpc));
}

void TeamModel::start_clock_at(Case& c, std::uint32_t slot, Action action, Day due) {
  if (due == kNever) return;
  if (action == Action::visit) {
    set_visit_due(c, slot, due);
    return;
  }
  start_action(c, slot, action, due);
  file_due_work(c);
}

std::uint32_t TeamModel::new_case_slot() {
  if (!free_case_slots_.empty()) {
    const std::uint32_t slot = free_case_slots_.back();
    free_case_slots_.pop_back();
    return slot;
  }
  return add_case_slot();
}

std::uint32_t TeamModel::add_case_slot() {
  cases_.emplace_back();
  if (cases_.size() > earliest_due_by_slot_.size())
    earliest_due_by_slot_.resize(earliest_due_by_slot_.size() + kSlotBlock, kNever);
  return static_cast<std::uint32_t>(cases_.size() - 1);
}

// Enquiries under section 47 and children already on plans are allocated
// before new assessments; within each, first come first served.
void TeamModel::mark_waiting(Case& c) {
  c.worker = kNoWorker;
  c.due_filed_key = kNever;  // an entry in a former worker's DueIndex is stale
  c.queued_working_time = working_now();
  c.from_queue = true;
}

void TeamModel::enqueue(std::uint32_t slot, bool at_front) {
  Case& c = cases_[slot];
  mark_waiting(c);
  auto& queue = c.stage == Stage::assessment ? unallocated_ : unallocated_urgent_;
  if (at_front)
    queue.push_front(slot);
  else
    queue.push(slot);
  queue_average_.set(working_now(), count_value(unallocated_.size() + unallocated_urgent_.size()));
}

std::int32_t TeamModel::scan_for_worker(double weight, Day day) const {
  std::int32_t best = kNoWorker;
  double best_load = std::numeric_limits<double>::infinity();
  for (std::size_t p = 0; p < posts_.size(); ++p) {
    const Post& post = posts_[p];
    if (!can_take(post, weight, day)) continue;
    const double load = post.load / post.fte;
    if (load < best_load) {
      best_load = load;
      best = static_cast<std::int32_t>(p);
    }
  }
  return best;
}

void TeamModel::build_allocation_index(Day day) {
  if (allocation_index_day_ == day && !allocation_index_stale_) return;  // yesterday's holds
  if (case_weights_.empty()) {
    for (std::size_t s = 0; s < kStageCount; ++s) {
      const double w = cap_.weight(static_cast<Stage>(s));
      const auto found = std::find(case_weights_.begin(), case_weights_.end(), w);
      weight_index_[s] = static_cast<std::uint8_t>(found - case_weights_.begin());
      if (found == case_weights_.end()) case_weights_.push_back(w);
    }
    least_loaded_.resize(case_weights_.size());
  }
  allocation_index_day_ = day;
  most_load_in_index_.resize(posts_.size());
  cap_in_index_.resize(posts_.size());
  for (std::size_t p = 0; p < posts_.size(); ++p) {
    most_load_in_index_[p] = most_load_taking_a_case(posts_[p], day);
    cap_in_index_[p] = worker_cap(posts_[p], day);
  }
  for (std::size_t k = 0; k < case_weights_.size(); ++k) {
    LeastLoadedIndex& index = least_loaded_[k];
    index.reset(posts_.size());
    for (std::size_t p = 0; p < posts_.size(); ++p) {
      const Post& post = posts_[p];
      assert((post.load + case_weights_[k] <= most_load_in_index_[p]) == can_take(post, case_weights_[k], day));
      index.set(p, post.load + case_weights_[k] <= most_load_in_index_[p], post.load / post.fte, true);
    }
    index.finish_build();
  }
  allocation_index_stale_ = false;
  room_changes_until_ = std::numeric_limits<Day>::min();
  for (const Post& post : posts_) {
    if (!post.in_use || post.holder == Post::Holder::vacant) continue;
    Day until = std::numeric_limits<Day>::min();
    if (post.leaving_day != kNever) until = kNever;  // notice: working_notice reads the day
    if (post.newly_qualified) until = std::max(until, post.started_day + 366);
    if (post.ramps_up && ramp_up_days_ > 0.0)
      until = std::max(until, post.started_day + static_cast<Day>(std::ceil(ramp_up_days_)) + 1);
    room_changes_until_ = std::max(room_changes_until_, until);
  }
}

void TeamModel::update_allocation_index(std::size_t p) {
  if (allocation_index_day_ == kNever) {
    allocation_index_stale_ = true;  // the caseload changed behind the index
    return;
  }
  // can_take for every weight: only the caseload has changed since the build.
  const Post& post = posts_[p];
  const double load_per_fte = post.load / post.fte;
  const double most_load = most_load_in_index_[p];
  for (std::size_t k = 0; k < case_weights_.size(); ++k)
    least_loaded_[k].set(p, post.load + case_weights_[k] <= most_load, load_per_fte);
}

double TeamModel::most_load_taking_a_case(const Post& post, Day day) const {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  if (!post.in_use || post.holder == Post::Holder::vacant || working_notice(post, day)) return -kInfinity;
  if (!cap_.hard()) return kInfinity;
  return cap_.most_load(post.fte, in_first_year_newly_qualified(post, day), ramp_share(post, day));
}

bool TeamModel::allocate_from(kernel::FifoQueue<std::uint32_t>& queue) {
  while (!queue.empty()) {
    const std::int32_t post = choose_worker(cases_[queue.front()].stage);
    if (post == kNoWorker) return false;  // nobody has room: the rest wait
    allocate(queue.pop(), static_cast<std::size_t>(post));
    queue_average_.set(working_now(), count_value(unallocated_.size() + unallocated_urgent_.size()));
  }
  return true;
}

void TeamModel::allocate(std::uint32_t slot, std::size_t post_index) {
  Case& c = cases_[slot];
  const double now_working = working_now();
  const Day day = today();
  const double wait = now_working - c.queued_working_time;
  // Every wait that ends in the counted period counts, however long ago it began.
  if (c.from_queue && counting()) {
    tally_.wait_sum += wait;
    ++tally_.wait_count;
    if (wait > 0.0) ++tally_.waited;
    tally_.wait_max = std::max(tally_.wait_max, wait);
    if (wait > scenario_.metrics.unallocated_wait_threshold_working_days) ++tally_.cases_stored;
  }
  if (counting()) ++tally_.cases_allocated;

  put_on_list(slot, post_index);
  const Post& post = posts_[post_index];
  if (cap_.hard()) {
    const double cap = allocation_index_day_ == day ? cap_in_index_[post_index] : worker_cap(post, day);
    assert(cap == worker_cap(post, day));
    result_.most_over_cap = std::max(result_.most_over_cap, post.load - cap - cap_.over_cap_allowance());
  }
  if (tracing()) trace("allocated", static_cast<std::int64_t>(c.child), worker_id(post_index), -1, wait);

  // Statutory clocks run from the child's statutory start, allocated or not:
  // allocation starts none of them.
  if (c.stage == Stage::assessment && !c.assessment_started) {
    // The information an assessment needs is in after a drawn time; it
    // completes then (not before its planned day), or when its worker
    // finishes the work, whichever is later.
    c.assessment_started = true;
    const double duration = referral_duration(assessment_duration_, c.referral, ReferralDraw::assessment_duration);
    const double ready_at =
        std::max(c.assessment_planned_time, calendar_day_.time_at_working_time(now_working + duration));
    c.assessment_ready_time = ready_at;
    if (ready_at < setup_.horizon_days()) c.assessment_ready = sim_.schedule_at(ready_at, {kAssessmentReady, slot});
  }
}

void TeamModel::attach(std::uint32_t slot, std::size_t post_index) {
  put_on_list(slot, post_index);
}

void TeamModel::detach(std::uint32_t slot) {
  take_off_list(slot);
}

inline void TeamModel::put_on_list(std::uint32_t slot, std::size_t post_index) {
  Case& c = cases_[slot];
  Post& post = posts_[post_index];
  c.worker = static_cast<std::int32_t>(post_index);
  c.position = static_cast<std::uint32_t>(post.cases.size());
  post.cases.push_back({slot, court_work_until(c)});
  post.court_cases_until = std::numeric_limits<Day>::min();
  file_due_work(c);
  post.load += cap_.weight(c.stage);
  post.work += work_weight(c.stage);
  update_allocation_index(post_index);
  ++open_allocated_;
  caseload_average_.set(working_now(), count_value(open_allocated_));
}

inline void TeamModel::take_off_list(std::uint32_t slot) {
  Case& c = cases_[slot];
  if (c.worker == kNoWorker) return;
  Post& post = posts_[static_cast<std::size_t>(c.worker)];
  const Post::HeldCase moved = post.cases.back();
  post.cases[c.position] = moved;
  cases_[moved.slot].position = c.position;
  post.cases.pop_back();
  post.court_cases_until = std::numeric_limits<Day>::min();
  post.load -= cap_.weight(c.stage);
  post.work -= work_weight(c.stage);
  if (post.cases.empty()) post.load = post.work = 0.0;  // no drift from adding and subtracting weights
  update_allocation_index(static_cast<std::size_t>(c.worker));
  c.worker = kNoWorker;
  c.due_filed_key = kNever;  // its entry in the DueIndex is stale
  --open_allocated_;
  caseload_average_.set(working_now(), count_value(open_allocated_));
}

void TeamModel::complete_assessment(std::uint32_t slot, Day day) {
  Case& c = cases_[slot];
  const Day due = c.clocks.due(Action::assessment);
  if (in_window(day)) {
    ++tally_.assessments_completed;
    if (day > due)
      ++tally_.assessments_late;
    else
      ++tally_.assessments_on_time;
    count_duration(Duration::assessment_working_days, calendar_.working_days_between(c.referral_day, day));
  }
  if (tracing())
    trace("assessment_completed", static_cast<std::int64_t>(c.child), case_worker_id(c), due,
          day > due ? calendar_.working_days_between(due, day) : 0);
  if (c.missed_urgent) {
    catch_missed_urgent(c, day, "at the end of the assessment");
    return;
  }
  const std::size_t outcome = certain_assessment_outcome_ != kDrawn
                                  ? certain_assessment_outcome_
                                  : outcome_picked(scenario_.pathways.assessment.outcomes,
                                                   referral_uniform(c.referral, ReferralDraw::assessment_outcome));
  switch (outcome) {
    case 0: close_case(slot, day); break;
    case 1: begin_cin_plan(slot, day); break;
    // A child protection plan only follows a strategy discussion and a conference.
    case 2: begin_section_47(c, slot, day, true); break;
    default: begin_looked_after(slot, day);
  }
}

void TeamModel::hold_icpc(std::uint32_t slot, Day day, std::int64_t held_by) {
  Case& c = cases_[slot];
  const Day due = c.clocks.due(Action::icpc);
  stop_action(c, slot, Action::icpc);
  record_action(Action::icpc, due, day);
  if (in_window(day)) count_duration(Duration::icpc_working_days, calendar_.working_days_between(c.strategy_day, day));
  if (tracing())
    trace("icpc", static_cast<std::int64_t>(c.child), held_by, due,
          day > due ? calendar_.working_days_between(due, day) : 0);
  const auto& s47 = scenario_.pathways.section_47;
  if (referral_uniform(c.referral, ReferralDraw::icpc_outcome) < s47.cp_plan_share) {
    begin_cp_plan(slot, day);
  } else if (referral_uniform(c.referral, ReferralDraw::icpc_otherwise) < s47.cin_plan_share_otherwise) {
    begin_cin_plan(slot, day);
  } else {
    close_case(slot, day);
  }
}

// A missed urgent case, once recognised, gets the strategy discussion it
// should have had, and its conference clock starts then.
void TeamModel::catch_missed_urgent(Case& c, Day day, std::string_view how) {
  c.missed_urgent = false;
  const double delay = calendar_.working_days_between(c.decision_day, day);
  if (c.decision_day >= setup_.warm_up_days()) {
    ++tally_.urgent_caught;
    tally_.urgent_detection_delay_sum += delay;
  }
  if (tracing()) trace("urgent_recognised", static_cast<std::int64_t>(c.child), case_worker_id(c), -1, delay, how);
  const Stage was = c.stage;
  begin_section_47(c, slot_of(c), day, true);
  if (c.worker != kNoWorker) {
    Post& post = posts_[static_cast<std::size_t>(c.worker)];
    post.load += cap_.weight(Stage::section_47) - cap_.weight(was);
    post.work += work_weight(Stage::section_47) - work_weight(was);
    update_allocation_index(static_cast<std::size_t>(c.worker));
  } else if (was == Stage::assessment && unallocated_.erase(slot_of(c))) {
    // A waiting child now under an enquiry waits with the enquiries, ahead of assessments.
    unallocated_urgent_.push(slot_of(c));
  }
}

inline void TeamModel::schedule_plan_end(std::uint32_t slot, double duration_working_days) {
  const double at = calendar_day_.time_at_working_time(working_now() + duration_working_days);
  cases_[slot].plan_end = at < setup_.horizon_days() ? sim_.schedule_at(at, {kPlanEnd, slot}) : kernel::EventHandle{};
}

// Moves a case into a plan: its weight on its worker's caseload follows it,
// the previous stage's actions lapse, and visiting starts afresh.
void TeamModel::enter_stage(Case& c, std::uint32_t slot, Stage stage, Day day) {
  if (c.worker != kNoWorker) {
    Post& post = posts_[static_cast<std::size_t>(c.worker)];
    const double load_change = cap_.weight(stage) - cap_.weight(c.stage);
    post.load += load_change;
    post.work += work_weight(stage) - work_weight(c.stage);
    // Under an unweighted cap a stage change leaves the load, and so the index, as it was.
    if (load_change != 0.0) update_allocation_index(static_cast<std::size_t>(c.worker));
  }
  stop_all_actions(c, slot);
  c.assessment_hours_left = 0.0;
  open_cp_cases_ += static_cast<std::size_t>(stage == Stage::cp_plan) - (c.stage == Stage::cp_plan);
  c.stage = stage;
  c.plan_start_day = day;
  note_court_work(c);
}

void TeamModel::begin_cp_plan(std::uint32_t slot, Day day) {
  Case& c = cases_[slot];
  enter_stage(c, slot, Stage::cp_plan, day);
  if (in_window(day)) ++tally_.cp_started;
  start_clock(c, slot, Action::visit, day);
  start_clock(c, slot, Action::core_group, day);
  start_clock(c, slot, Action::review, day);
  if (tracing()) trace("cp_plan", static_cast<std::int64_t>(c.child), case_worker_id(c));
  schedule_plan_end(slot, referral_duration(cp_duration_, c.referral, ReferralDraw::cp_duration));
}

void TeamModel::begin_cin_plan(std::uint32_t slot, Day day) {
  Case& c = cases_[slot];
  enter_stage(c, slot, Stage::cin_plan, day);
  if (in_window(day)) ++tally_.cin_started;
  start_clock(c, slot, Action::visit, day);
  start_clock(c, slot, Action::review, day);
  file_due_work_later(c, slot);
  if (tracing()) trace("cin_plan", static_cast<std::int64_t>(c.child), case_worker_id(c));
  schedule_plan_end(slot, referral_duration(cin_duration_, c.referral, ReferralDraw::cin_duration));
}

void TeamModel::begin_looked_after(std::uint32_t slot, Day day) {
  Case& c = cases_[slot];
  enter_stage(c, slot, Stage::looked_after, day);
  if (in_window(day)) ++tally_.looked_after_started;
  start_clock(c, slot, Action::visit, day);
  file_due_work_later(c, slot);
  if (tracing()) trace("looked_after", static_cast<std::int64_t>(c.child), case_worker_id(c));
  schedule_plan_end(slot, referral_duration(looked_after_duration_, c.referral, ReferralDraw::looked_after_duration));
}

// The start of a working day: staff changes and absence, the duty decisions
// held over, allocation, the manager's reviews, the day's work, and the
// day's measurements, in that order.
void TeamModel::on_working_day_start(Day day) {
  const Day next = calendar_.add_working_days(day, 1);
  if (next < setup_.horizon_days()) sim_.schedule_at(next, {kWorkingDayStart, 0});

  // Staff and caps change now (each change sets it aside: choose_worker scans
  // until it is built again); unless the index is stale or some worker's room
  // depended on the day when it last held, the one kept up to date through
  // the last working day holds today. (That day, not today, is compared: a
  // room that changes on a weekend or holiday, such as a newly qualified
  // worker's first year ending then, is not in an index last held before it.)
  const bool index_holds =
      !allocation_index_stale_ && allocation_index_day_ != kNever && allocation_index_day_ > room_changes_until_;
  allocation_index_day_ = index_holds ? day : kNever;
  apply_dated_changes(day);
  update_workforce(day);
  update_manager(day);
  choose_duty_worker(day);
  build_allocation_index(day);
  const int capacity = scenario_.triage.duty_decisions_per_working_day;
  duty_decisions_left_ = capacity;
  while (duty_post_ != kNoWorker && !awaiting_decision_.empty() && (capacity == 0 || duty_decisions_left_ > 0)) {
    if (capacity > 0) --duty_decisions_left_;
    decide(awaiting_decision_.pop());
  }
  allocate_waiting();

  const int interval = std::max(1, scenario_.policy.escalation.review_interval_weeks);
  const int week = day / 7;
  if (week != last_escalation_week_ && week % interval == 0) {
    last_escalation_week_ = week;
    // The allowance over the cap may change, and the review allocates under
    // it: allow_over_cap sets the index aside only if it does change (most
    // reviews grant what the last one did), and build_allocation_index then
    // builds it again.
    review_escalation(day);
    build_allocation_index(day);
  }
  hold_supervision(day);
  do_daily_work(day);
  sample_day(day);
}

void TeamModel::on_plan_end(std::uint32_t slot) {
  Case& c = cases_[slot];
  c.plan_end = {};  // this event: close_case has nothing to cancel
  const Day day = today();
  if (c.stage == Stage::cp_plan &&
      referral_uniform(c.referral, ReferralDraw::cp_step_down) < scenario_.pathways.cp_plan.step_down_to_cin_share) {
    step_down_to_cin_plan(slot, day);
    return;
  }
  close_case(slot, day);
}

// Outstanding child protection actions lapse with the plan, counted late if
// overdue; an overdue visit carries over. Out of on_plan_end, whose usual
// end, a closure, is then a plain jump (the clocks carried over, whose
// address the lambdas take, kept it a call).
void TeamModel::step_down_to_cin_plan(std::uint32_t slot, Day day) {
  Case& c = cases_[slot];
  StatutoryClocks carried;
  c.clocks.for_each_owed([&](Action action, Day due) {
    if (due >= day) return;
    if (kind_of(action).carried_over_on_step_down)
      carried.start(action, due);
    else if (kind_of(action).recorded_by_due_date)
      record_overdue_at(action, due, day);
  });
  begin_cin_plan(slot, day);
  carried.for_each_owed([&](Action action, Day due) { move_action(c, slot, action, due); });
  file_due_work(c);
}

void TeamModel::on_assessment_ready(std::uint32_t slot) {
  Case& c = cases_[slot];
  c.assessment_ready = {};  // this event: close_case has nothing to cancel
  if (c.open && c.clocks.owed(Action::assessment) && c.assessment_hours_left <= 0.0 && c.worker != kNoWorker)
    complete_assessment(slot, today());
}

void TeamModel::close_case(std::uint32_t slot, Day day) {
  Case& c = cases_[slot];
  // A case's events are cleared as they fire (and a plan past the horizon
  // has none): most cases close from their own last event, with nothing
  // left to cancel.
  if (c.plan_end.valid()) sim_.cancel(c.plan_end);
  if (c.assessment_ready.valid()) sim_.cancel(c.assessment_ready);
  record_owed_actions(c, day);
  if (tracing()) trace("closed", static_cast<std::int64_t>(c.child), case_worker_id(c));
  if (c.worker == kNoWorker) {
    // A plan can end while its child waits for a new worker.
    const bool removed = unallocated_urgent_.erase(slot) || unallocated_.erase(slot);
    (void)removed;
    assert(removed);
    queue_average_.set(working_now(), count_value(unallocated_.size() + unallocated_urgent_.size()));
  }
  take_off_list(slot);
  ++result_.ledger.closed;
  if (in_window(day)) ++tally_.cases_closed;
  recently_closed_[recently_closed_count_++ % recently_closed_.size()] = RecentClosure{c.child, kNoSlot};
  // Only a case opened from that list has records pointing at it.
  if (c.reopened)
    for (std::size_t i = 0; i < std::min(recently_closed_count_, recently_closed_.size()); ++i)
      if (recently_closed_[i].child == c.child) recently_closed_[i].reopened_slot = kNoSlot;
  c.open = false;
  earliest_due_by_slot_[slot] = kNever;
  open_cp_cases_ -= c.stage == Stage::cp_plan;
  free_case_slots_.push_back(slot);
  allocate_waiting();
}

Day TeamModel::working_days_later(Day from, double working_days) const {
  const Day end = setup_.horizon_days();
  if (from >= end || !(working_days < calendar_.working_days_between(from, end))) return end;
  return calendar_.add_working_days(from, static_cast<int>(std::lround(working_days)));
}

Day TeamModel::days_later(Day from, double days) const {
  const Day end = setup_.horizon_days();
  if (from >= end || !(days < static_cast<double>(end - from))) return end;
  return from + static_cast<Day>(std::lround(days));
}

Day TeamModel::add_months(Day day, int months) const {
  using namespace std::chrono;
  const kernel::Date date = calendar_.date_of(day);
  year_month_day target = date + std::chrono::months(months);
  if (!target.ok()) target = year_month_day_last(target.year(), month_day_last(target.month()));
  // "Within 3 months": the deadline is that date, so the last working day on or before it.
  const Day deadline = calendar_.day_of(target);
  return calendar_.add_working_days(deadline + 1, -1);
}

void TeamModel::write_trace(std::string_view event, std::int64_t child, std::int64_t worker, Day due, double value,
                            std::string_view detail) {
  trace_->record(TraceRecord{today(), sim_.now(), event, child, worker, due, value, detail});
}

ReplicationResult run_replication(const ModelSetup& setup, std::uint64_t seed, std::uint64_t replication,
                                  TraceSink* trace) {
  TeamModel model(setup, seed, replication, trace);
  return model.run();
}

}  // namespace casesim::model
