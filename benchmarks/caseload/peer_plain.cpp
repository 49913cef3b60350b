// The caseload benchmark in plain C++: benchmarks/caseload/peer_heapq.py, line
// for line, with the C++ standard library's heap in place of Python's heapq.
//
// Written from the same spec (benchmarks/README.md, "The caseload benchmark"),
// as a second peer: it says how much of casesim's lead over the Python peer is
// the language, by running the Python peer's own algorithm (every worker's
// daily visit round an event, each round a pass over the worker's cases)
// compiled. `--one-round-a-day` holds the workers' rounds in one event a day,
// as a C++ programmer might. It prints the Python peer's lines, so the suite
// compares it with casesim the same way (tests/validation).
//
//     casesim_caseload_peer_cpp [--days 20000] [--seed 12345] [--one-round-a-day] ...
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <queue>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include "peer_report.hpp"

namespace {

// The spec's parameters (peer_report.hpp), and how the rounds are held.
struct Spec : caseload_peer::Spec {
  bool one_round_a_day = false;
};

enum class Kind : std::uint8_t { arrival, closure, round };

struct Event {
  double time;
  std::uint64_t sequence;  // equal times in the order scheduled, as heapq's tuples
  Kind kind;
  std::uint32_t subject;  // a case (closure) or a worker (round)
};

struct Later {
  bool operator()(const Event& a, const Event& b) const {
    return a.time > b.time || (a.time == b.time && a.sequence > b.sequence);
  }
};

struct HeldCase {
  std::uint32_t id;
  int due;  // the due day of its next visit
};

using caseload_peer::Counts;

class Run {
 public:
  explicit Run(const Spec& spec)
      : s_(spec),
        rng_(spec.seed),
        gap_(spec.rate),
        length_(1.0 / spec.duration),
        load_(static_cast<std::size_t>(spec.workers), 0),
        caseload_(static_cast<std::size_t>(spec.workers)) {}

  void run() {
    push(gap_(rng_), Kind::arrival, 0);
    if (s_.one_round_a_day)
      push(0.0, Kind::round, 0);
    else
      for (int w = 0; w < s_.workers; ++w) push(0.0, Kind::round, static_cast<std::uint32_t>(w));

    while (!heap_.empty()) {
      const Event e = heap_.top();
      heap_.pop();
      if (e.time >= s_.days) break;
      switch (e.kind) {
        case Kind::arrival:
          ++c_.arrivals;
          if (queue_.empty() && allocate(e.time))
            waits_.push_back(0.0);
          else
            queue_.push_back(e.time);
          push(e.time + gap_(rng_), Kind::arrival, 0);
          break;
        case Kind::closure: close(e.subject, e.time); break;
        case Kind::round: {
          const int day = static_cast<int>(e.time);
          if (s_.one_round_a_day)
            for (int w = 0; w < s_.workers; ++w) visit_round(static_cast<std::size_t>(w), day);
          else
            visit_round(e.subject, day);
          if (day + 1 < s_.days) push(day + 1.0, Kind::round, e.subject);
          break;
        }
      }
    }
    // The spec's engine-neutral count, every worker's round one event, however
    // the rounds are held (with one round event a day, the heap pops fewer).
    c_.events = c_.arrivals + c_.closures + c_.rounds;
    c_.queue_at_end = queue_.size();
    for (int l : load_) c_.open_at_end += l;
  }

  const Counts& counts() const { return c_; }
  const std::vector<double>& waits() const { return waits_; }

 private:
  void push(double time, Kind kind, std::uint32_t subject) { heap_.push(Event{time, sequence_++, kind, subject}); }

  // The least-loaded worker with room (ties: the lowest index) takes a new case.
  bool allocate(double now) {
    int best = -1;
    for (int w = 0; w < s_.workers; ++w)
      if (load_[w] < s_.cap && (best < 0 || load_[w] < load_[best])) best = w;
    if (best < 0) return false;
    const auto id = static_cast<std::uint32_t>(worker_of_.size());
    auto& cases = caseload_[static_cast<std::size_t>(best)];
    ++load_[static_cast<std::size_t>(best)];
    worker_of_.push_back(best);
    position_.push_back(cases.size());
    cases.push_back(HeldCase{id, static_cast<int>(std::floor(now)) + s_.interval});
    const double closes = now + length_(rng_);
    if (closes < s_.days) push(closes, Kind::closure, id);
    return true;
  }

  void close(std::uint32_t id, double now) {
    ++c_.closures;
    const auto w = static_cast<std::size_t>(worker_of_[id]);
    auto& cases = caseload_[w];
    const std::size_t at = position_[id];
    cases[at] = cases.back();
    position_[cases[at].id] = at;
    cases.pop_back();
    --load_[w];
    if (!queue_.empty() && allocate(now)) {
      waits_.push_back(now - queue_.front());
      queue_.pop_front();
    }
  }

  void visit_round(std::size_t w, int day) {
    ++c_.rounds;
    auto& cases = caseload_[w];
    eligible_.clear();
    for (std::size_t i = 0; i < cases.size(); ++i)
      if (cases[i].due <= day + s_.lookahead) eligible_.push_back(cases[i]);
    std::sort(eligible_.begin(), eligible_.end(),
              [](const HeldCase& a, const HeldCase& b) { return a.due < b.due || (a.due == b.due && a.id < b.id); });
    const std::size_t visited = std::min(eligible_.size(), static_cast<std::size_t>(s_.visits_per_day));
    for (std::size_t i = 0; i < visited; ++i) {
      ++c_.visits;
      if (eligible_[i].due < day) ++c_.late_visits;
      cases[position_[eligible_[i].id]].due = day + s_.interval;
    }
    for (std::size_t i = visited; i < eligible_.size(); ++i)
      if (eligible_[i].due == day) ++c_.overdue;
  }

  const Spec s_;
  boost::random::mt19937_64 rng_;
  boost::random::exponential_distribution<double> gap_;
  boost::random::exponential_distribution<double> length_;
  std::priority_queue<Event, std::vector<Event>, Later> heap_;
  std::uint64_t sequence_ = 0;
  std::vector<int> load_;
  std::vector<std::vector<HeldCase>> caseload_;  // per worker: its open cases
  std::vector<int> worker_of_;                   // per case id
  std::vector<std::size_t> position_;            // per case id: its place in its worker's list
  std::deque<double> queue_;                     // arrival times of referrals waiting for a worker
  std::vector<double> waits_;
  std::vector<HeldCase> eligible_;
  Counts c_;
};

}  // namespace

int main(int argc, char** argv) {
  Spec spec;
  CLI::App app{"The caseload benchmark in plain C++ (benchmarks/caseload/peer_heapq.py, compiled)"};
  caseload_peer::add_spec_options(app, spec);
  app.add_flag("--one-round-a-day", spec.one_round_a_day, "every worker's round in one event a day");
  CLI11_PARSE(app, argc, argv);

  return caseload_peer::run_and_report<Run>(spec);
}
