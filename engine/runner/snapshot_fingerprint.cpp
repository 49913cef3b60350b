#include "engine/runner/snapshot_fingerprint.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

#include <fmt/format.h>

namespace casesim::runner {

namespace {

// FNV-1a over every field, each followed by a separator so that two fields
// cannot run into one another.
class Fingerprint {
 public:
  void add(std::string_view text) {
    for (const char c : text) mix(static_cast<unsigned char>(c));
    mix(0x1F);
  }
  void add(double number) { add(fmt::format("{}", number)); }
  void add(std::int64_t number) { add(std::to_string(number)); }
  void add(const kernel::Date& date) { add(kernel::format_iso_date(date)); }
  void add(const std::optional<kernel::Date>& date) { add(date ? kernel::format_iso_date(*date) : "-"); }
  std::string hex() const { return fmt::format("{:016x}", state_); }

 private:
  void mix(unsigned char byte) {
    state_ ^= byte;
    state_ *= 0x100000001b3ULL;
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string snapshot_fingerprint(const snapshot::Snapshot& snapshot) {
  Fingerprint f;
  f.add(snapshot.extract_date);
  for (const snapshot::Worker& w : snapshot.workers) {
    f.add(w.pseudonym);
    f.add(w.team);
    f.add(w.fte);
    f.add(std::int64_t{w.agency});
    f.add(std::int64_t{w.newly_qualified});
    f.add(w.started);
    f.add(w.absent_until);
  }
  f.add("children");
  for (const snapshot::Child& c : snapshot.children) {
    f.add(c.pseudonym);
    f.add(static_cast<std::int64_t>(c.stage));
    f.add(std::int64_t{c.worker});
    f.add(c.referral_date);
    f.add(c.stage_start);
    f.add(c.last_visit);
    f.add(c.last_review);
  }
  f.add("problems");
  for (const snapshot::Problem& p : snapshot.problems) {
    f.add(p.file);
    f.add(std::int64_t{p.line});
    f.add(p.column);
    f.add(p.problem);
  }
  return f.hex();
}

}  // namespace casesim::runner
