#pragma once
// A TraceSink that keeps every record, for tests that follow one child.
#include <string>
#include <vector>

#include "engine/model/trace.hpp"

namespace casesim::testing {

struct KeptRecord {
  int day;
  std::string event;
  long long child;
  long long worker;
  int due_day;
  double value;
  std::string detail;
};

class TraceRecorder : public model::TraceSink {
 public:
  void record(const model::TraceRecord& r) override {
    records.push_back({r.day, std::string(r.event), r.child, r.worker, r.due_day, r.value, std::string(r.detail)});
  }
  std::vector<KeptRecord> of(const std::string& event, long long child = -2) const {
    std::vector<KeptRecord> out;
    for (const auto& r : records)
      if (r.event == event && (child == -2 || r.child == child)) out.push_back(r);
    return out;
  }
  std::vector<KeptRecord> records;
};

}  // namespace casesim::testing
