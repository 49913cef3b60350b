// The caseload benchmark by a program written for this one model and nothing
// else, designed for speed: a bound on what running the model can cost.
//
// Written from the same spec (benchmarks/README.md, "The caseload benchmark")
// as the other peers, as a third one: where peer_heapq.py is what a modeller
// writes and peer_plain.cpp is that algorithm compiled, this is what a program
// built for the benchmark alone achieves, so that issue 19's bar (casesim at
// 25 times the Python peer) can be judged against what is possible at all. It
// is not casesim's code and takes none from it or anywhere else; it knows
// everything the spec fixes and uses it:
//   - the day is the loop: every worker's round falls at each integer time, so
//     rounds need no event list, and only the arrivals and closures inside a
//     day are put in time order;
//   - each worker's open cases sit in one list in visit order (due day, case
//     id), so a round looks at the head of its list and never at the rest;
//   - closures wait in a ring of day buckets, the next arrival in a variable;
//   - the least-loaded worker with room comes from a bitset of workers per
//     load, loads being small integers 0..cap;
//   - where chance decides (one visit or two in a round, which worker takes a
//     case), selects and bitsets rather than branches: a mispredicted branch
//     costs as much as the rest of a visit;
//   - open cases live in a pool of slots with room for all that can be open
//     (workers x cap), so the steady state allocates nothing but the waits
//     the report needs.
// It draws the same numbers in the same order as peer_plain.cpp (Boost's
// Mersenne Twister and exponential draws, the spec's rule 5), so given a seed
// it prints the same counts, which is how it is checked. Its report is
// peer_plain.cpp's (peer_report.hpp): the Python peer's lines, which the
// suite reads, with the events counted as the spec counts them (every
// worker's round one event).
//
//     casesim_caseload_peer_purpose_built [--days 20000] [--seed 12345] ...
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include "peer_report.hpp"

namespace {

using caseload_peer::Counts;
using caseload_peer::Spec;

constexpr std::int32_t kNone = -1;

// A worker's list head (slots 0..workers-1) or an open case (the rest).
struct Slot {
  double closes;     // its closure time
  std::uint64_t id;  // allocation sequence number: breaks ties of due day
  std::int32_t due;  // the due day of its next visit; a head's is never reached
  std::int32_t worker;
  std::int32_t prev, next;    // its worker's list, in visit order, circular through the head
  std::int32_t next_closing;  // its day bucket's list, or the free list while unused
};

// A closure due today, kept with its time so that ordering them reads no slot.
struct Closing {
  double time;
  std::int32_t slot;
};

// if_true if `choose`, else if_false, by arithmetic: for a choice that is a
// coin toss, on which the compiler would otherwise branch (and mispredict).
inline std::int32_t pick(bool choose, std::int32_t if_true, std::int32_t if_false) {
  return if_false ^ ((if_true ^ if_false) & -static_cast<std::int32_t>(choose));
}

class Run {
 public:
  explicit Run(const Spec& spec)
      : s_(spec),
        rng_(spec.seed),
        gap_(spec.rate),
        length_(1.0 / spec.duration),
        most_open_(static_cast<std::size_t>(spec.workers) * static_cast<std::size_t>(spec.cap)),
        load_(static_cast<std::size_t>(spec.workers), 0),
        words_((static_cast<std::size_t>(spec.workers) + 63) / 64),
        at_load_(words_ * (static_cast<std::size_t>(spec.cap) + 1), 0),
        workers_at_(static_cast<std::size_t>(spec.cap) + 1, 0),
        most_visits_(static_cast<std::size_t>(std::min(spec.visits_per_day, spec.cap))),
        queue_(16) {
    slots_.resize(static_cast<std::size_t>(s_.workers));
    for (int w = 0; w < s_.workers; ++w) {
      slots_[w].prev = slots_[w].next = w;
      slots_[w].due = std::numeric_limits<std::int32_t>::max();
      at_load_[static_cast<std::size_t>(w) / 64] |= std::uint64_t{1} << (w % 64);
    }
    workers_at_[0] = s_.workers;
    // Room for every case that can be open at once (workers x cap), unless
    // the options make that huge: then the pool grows when it must.
    grow_pool(std::min<std::size_t>(most_open_, 1 << 16));
    if (most_visits_ > 2) visited_.resize(most_visits_);
    // A case's time from allocation to closure: beyond a few means a bucket is
    // passed over whole laps, each one a test, so the ring spans 16 means.
    const double span = std::clamp(16.0 * spec.duration, 64.0, 65536.0);
    buckets_.assign(std::bit_ceil(std::min(static_cast<std::size_t>(span), static_cast<std::size_t>(spec.days))),
                    kNone);
    // Every allocated referral's wait is kept for the batch means; reserving
    // the expected number keeps the vector from growing during the run.
    waits_.reserve(static_cast<std::size_t>(std::min(1.1 * spec.rate * spec.days + 1000.0, 1e7)));
  }

  void run() {
    next_arrival_ = gap_(rng_);
    for (day_ = 0; day_ < s_.days; ++day_) {
      // Rounds come first at time day_, and rounds of different workers are
      // independent, so their order does not matter. (An arrival or closure
      // at exactly an integer time, where the order of scheduling decides in
      // peer_plain.cpp, needs a sum of draws to round to one: about one run
      // in ten million.)
      for (int w = 0; w < s_.workers; ++w) visit_round(w);
      take_todays_closures();
      const double end = day_ + 1.0;
      for (;;) {
        if (todays_ > 0 && today_[todays_ - 1].time <= next_arrival_)
          close(today_[--todays_].slot);
        else if (next_arrival_ < end)
          arrive();
        else
          break;
      }
    }
    c_.rounds = static_cast<std::uint64_t>(s_.workers) * static_cast<std::uint64_t>(s_.days);
    c_.events = c_.arrivals + c_.closures + c_.rounds;
    c_.queue_at_end = queued_;
    for (int l : load_) c_.open_at_end += l;
  }

  const Counts& counts() const { return c_; }
  const std::vector<double>& waits() const { return waits_; }

 private:
  void arrive() {
    const double now = next_arrival_;
    ++c_.arrivals;
    // A referral queues behind any already waiting, even if a worker has room
    // (none has: the queue is only ever non-empty while every worker is full).
    if (queued_ == 0 && min_load_ < s_.cap) {
      const int w = least_loaded();
      add_load(w);
      open_case(w, now);
      waits_.push_back(0.0);
    } else {
      enqueue(now);
    }
    next_arrival_ = now + gap_(rng_);
  }

  void close(std::int32_t slot) {
    ++c_.closures;
    Slot& s = slots_[slot];
    const double now = s.closes;
    const int w = s.worker;
    link(s.prev, s.next);
    s.next_closing = free_;
    free_ = slot;
    if (queued_ > 0) {
      // A non-empty queue means every worker was full, so the closing worker
      // is the only one with room: the least-loaded rule picks it, and its
      // load is unchanged.
      open_case(w, now);
      waits_.push_back(now - dequeue());
    } else {
      drop_load(w);
    }
  }

  // The worker with the smallest load (ties: the lowest index); the caller
  // has checked that it is below the cap. A bitset of the workers at each
  // load finds it without a search whose length is a matter of chance.
  int least_loaded() const {
    const std::uint64_t* at = &at_load_[static_cast<std::size_t>(min_load_) * words_];
    std::size_t k = 0;
    while (at[k] == 0) ++k;
    return static_cast<int>(k * 64) + std::countr_zero(at[k]);
  }

  // Loads move by one, so the smallest load moves by at most one.
  void add_load(int w) {
    const int from = load_[w]++;
    std::uint64_t* at = &at_load_[static_cast<std::size_t>(from) * words_ + static_cast<std::size_t>(w) / 64];
    const std::uint64_t bit = std::uint64_t{1} << (w % 64);
    at[0] &= ~bit;
    at[words_] |= bit;
    --workers_at_[from];
    ++workers_at_[from + 1];
    min_load_ += (from == min_load_) & (workers_at_[from] == 0);
  }

  void drop_load(int w) {
    const int from = load_[w]--;
    std::uint64_t* at = &at_load_[static_cast<std::size_t>(from) * words_ + static_cast<std::size_t>(w) / 64];
    const std::uint64_t bit = std::uint64_t{1} << (w % 64);
    at[0] &= ~bit;
    at[-static_cast<std::ptrdiff_t>(words_)] |= bit;
    --workers_at_[from];
    ++workers_at_[from - 1];
    min_load_ = std::min(min_load_, from - 1);
  }

  // Opens a case for worker w, its load already counted.
  void open_case(int w, double now) {
    if (free_ == kNone) grow_pool(std::min(slots_.size(), most_open_));
    const std::int32_t slot = free_;
    Slot& s = slots_[slot];
    free_ = s.next_closing;
    s.id = next_id_++;
    // now >= 0, so truncation is floor (and needs no call to floor).
    s.due = static_cast<int>(now) + s_.interval;
    s.worker = w;
    // Its due day is the latest any of w's cases can have (a visit today sets
    // the same one, and those cases were opened earlier), and its id the
    // highest: it goes last.
    const std::int32_t tail = slots_[w].prev;
    link(tail, slot);
    link(slot, w);
    const double closes = now + length_(rng_);
    if (closes < s_.days) {
      s.closes = closes;
      const auto day = static_cast<int>(closes);
      if (day == day_) {
        insert_today(closes, slot);
      } else {
        std::int32_t& bucket = buckets_[static_cast<std::size_t>(day) & (buckets_.size() - 1)];
        s.next_closing = bucket;
        bucket = slot;
      }
    }
  }

  void grow_pool(std::size_t more) {
    const std::size_t from = slots_.size(), to = from + more;
    slots_.resize(to);
    today_.resize(to);  // today's closures are at most the open cases
    for (std::size_t i = from; i < to; ++i)
      slots_[i].next_closing = i + 1 < to ? static_cast<std::int32_t>(i + 1) : kNone;
    free_ = static_cast<std::int32_t>(from);
  }

  void link(std::int32_t before, std::int32_t after) {
    slots_[before].next = after;
    slots_[after].prev = before;
  }

  // Moves today's closures from their bucket, which may also hold closures a
  // whole number of laps later, into today_.
  void take_todays_closures() {
    const double end = day_ + 1.0;
    std::int32_t* at = &buckets_[static_cast<std::size_t>(day_) & (buckets_.size() - 1)];
    while (*at != kNone) {
      const std::int32_t slot = *at;
      Slot& s = slots_[slot];
      if (s.closes < end) {
        *at = s.next_closing;
        insert_today(s.closes, slot);
      } else {
        at = &s.next_closing;
      }
    }
  }

  // today_ holds today's closures still to come, latest first. A day has
  // about three: an insertion into a sorted array beats a heap.
  void insert_today(double time, std::int32_t slot) {
    std::size_t i = todays_++;
    for (; i > 0 && today_[i - 1].time < time; --i) today_[i] = today_[i - 1];
    today_[i] = Closing{time, slot};
  }

  // Eligible cases not visited, due today: they are the next in the list
  // from `at`, after any already overdue from earlier days.
  void count_overdue(std::int32_t at) {
    for (; slots_[at].due <= day_; at = slots_[at].next)
      if (slots_[at].due == day_) ++c_.overdue;
  }

  void visit_round(int w) {
    Slot* const slots = slots_.data();
    const int day = day_;
    const int reach = day + s_.lookahead;
    // The list is in (due day, id) order, so the eligible cases are its first
    // ones and the visited the first of those; the head's due day is never
    // reached, so it ends every walk.
    const std::int32_t first = slots[w].next;
    if (slots[first].due > reach) return;
    if (most_visits_ == 0) {  // --visits 0
      count_overdue(first);
      return;
    }
    const int due_next = day + s_.interval;
    // Whether a worker visits one case or two is a coin toss, which a branch
    // would mispredict half the time: the first eligible case is visited, and
    // the second is visited or not by selects, not by a branch.
    std::int32_t last = first, at = slots[first].next;
    c_.late_visits += slots[first].due < day;
    slots[first].due = due_next;
    std::size_t visited = 1;
    if (most_visits_ > 1) {
      Slot& s = slots[at];
      const bool take = s.due <= reach;
      c_.late_visits += take & (s.due < day);
      s.due = pick(take, due_next, s.due);
      last = pick(take, at, last);
      at = pick(take, s.next, at);
      visited += take;
      // --visits above 2: the rest by a plain loop.
      for (; most_visits_ > 2 && visited >= 2 && visited < most_visits_ && slots[at].due <= reach; ++visited) {
        c_.late_visits += slots[at].due < day;
        slots[at].due = due_next;
        last = at;
        at = slots[at].next;
      }
    }
    c_.visits += visited;
    count_overdue(at);
    // The visited are due again on day + interval, later than every other
    // case of w's, so they go last, among themselves by id: they are taken
    // out and put back in at the end. They are mostly in id order already
    // (always, if their due days were the same).
    link(w, at);
    const std::int32_t tail = slots[w].prev;
    if (visited <= 2) {
      // One or two, put in order by selects too (with one, lo == hi).
      const bool swap = slots[last].id < slots[first].id;
      const std::int32_t lo = pick(swap, last, first), hi = pick(swap, first, last);
      link(lo, hi);
      link(tail, lo);
      link(hi, w);
      return;
    }
    std::int32_t v = first;
    for (std::size_t i = 0; i < visited; ++i, v = slots[v].next) {
      std::size_t j = i;
      for (; j > 0 && slots[visited_[j - 1]].id > slots[v].id; --j) visited_[j] = visited_[j - 1];
      visited_[j] = v;
    }
    link(tail, visited_[0]);
    for (std::size_t i = 1; i < visited; ++i) link(visited_[i - 1], visited_[i]);
    link(visited_[visited - 1], w);
  }

  // The unallocated queue: arrival times in a ring that grows by doubling, so
  // it stops allocating once it has reached the longest queue of the run.
  void enqueue(double arrived) {
    if (queued_ == queue_.size()) {
      std::vector<double> bigger(2 * queue_.size());
      for (std::size_t i = 0; i < queued_; ++i) bigger[i] = queue_[(queue_head_ + i) & (queue_.size() - 1)];
      queue_ = std::move(bigger);
      queue_head_ = 0;
    }
    queue_[(queue_head_ + queued_) & (queue_.size() - 1)] = arrived;
    ++queued_;
  }

  double dequeue() {
    const double arrived = queue_[queue_head_];
    queue_head_ = (queue_head_ + 1) & (queue_.size() - 1);
    --queued_;
    return arrived;
  }

  const Spec s_;
  boost::random::mt19937_64 rng_;
  boost::random::exponential_distribution<double> gap_;
  boost::random::exponential_distribution<double> length_;
  std::size_t most_open_;      // workers x cap
  std::vector<Slot> slots_;    // each worker's list head, then the cases
  std::int32_t free_ = kNone;  // unused slots, through next_closing
  std::uint64_t next_id_ = 0;
  std::vector<int> load_;
  std::size_t words_;                   // in a bitset of workers
  std::vector<std::uint64_t> at_load_;  // per load 0..cap: a bitset of the workers with it
  std::vector<int> workers_at_;         // per load: how many workers have it
  int min_load_ = 0;
  std::size_t most_visits_;            // in a round
  std::vector<std::int32_t> visited_;  // a round's visited, with --visits above 2
  std::vector<std::int32_t> buckets_;  // per day modulo its size: the closures that day, through next_closing
  std::vector<Closing> today_;
  std::size_t todays_ = 0;
  double next_arrival_ = 0.0;
  int day_ = 0;
  std::vector<double> queue_;
  std::size_t queue_head_ = 0, queued_ = 0;
  std::vector<double> waits_;
  Counts c_;
};

}  // namespace

int main(int argc, char** argv) {
  Spec spec;
  CLI::App app{"The caseload benchmark by a program written for it alone"};
  caseload_peer::add_spec_options(app, spec);
  CLI11_PARSE(app, argc, argv);

  return caseload_peer::run_and_report<Run>(spec);
}
