// The /optimise group: added to a file the results writer has finished (the
// writer lays out per-replication data; this is one table written once), with
// the same typed HDF5 layer and so the same conventions (UTF-8
// variable-length strings, little-endian numbers, ResultsError naming the file).
#include "engine/results/optimisation_record.hpp"

#include <stdexcept>

#include "engine/results/hdf5_file.hpp"

namespace casesim::results {

namespace {

constexpr const char* kOptimiseGroup = "/optimise";

std::string in_optimise_group(const std::string& name) {
  return std::string(kOptimiseGroup) + "/" + name;
}

}  // namespace

void write_optimisation_record(const std::string& path, const OptimisationRecord& record) {
  const std::size_t plans = record.cost_per_year.size(), targets = record.targets.size();
  if (record.replications.size() != plans || record.status.size() != plans || record.cost_over_period.size() != plans ||
      record.plan_words.size() != plans || record.target_estimate.size() != plans * targets ||
      record.target_ci_low.size() != plans * targets || record.target_ci_high.size() != plans * targets ||
      record.target_verdict.size() != plans * targets)
    throw std::invalid_argument("write_optimisation_record: the plan and target tables differ in size");
  Hdf5File file = Hdf5File::open_read_write(path);
  file.create_group(kOptimiseGroup);
  file.write_attribute(kOptimiseGroup, "confidence", record.confidence);
  file.write_attribute(kOptimiseGroup, "interval_confidence", record.interval_confidence);
  file.write_attribute(kOptimiseGroup, "end", record.end);
  file.write_attribute(kOptimiseGroup, "chosen_plan", record.chosen_plan);
  file.write_attribute(kOptimiseGroup, "currency", record.currency);
  file.write_attribute(kOptimiseGroup, "nearest_plan", record.nearest_plan);
  file.write_attribute(kOptimiseGroup, "period_weeks", record.period_weeks);
  file.write_attribute(kOptimiseGroup, "period", record.period);
  file.write_array(in_optimise_group("cost_per_year"), {plans}, record.cost_per_year);
  file.write_array(in_optimise_group("cost_over_period"), {plans}, record.cost_over_period);
  file.write_strings(in_optimise_group("plan_words"), record.plan_words);
  file.write_array(in_optimise_group("replications"), {plans}, record.replications);
  file.write_strings(in_optimise_group("status"), record.status);
  file.write_strings(in_optimise_group("targets"), record.targets);
  file.write_array(in_optimise_group("target_estimate"), {plans, targets}, record.target_estimate);
  file.write_array(in_optimise_group("target_ci_low"), {plans, targets}, record.target_ci_low);
  file.write_array(in_optimise_group("target_ci_high"), {plans, targets}, record.target_ci_high);
  file.write_strings(in_optimise_group("target_verdict"), record.target_verdict);
  file.flush();
  file.close();
}

bool has_optimisation_record(const std::string& path) {
  Hdf5File file = Hdf5File::open_read_only(path);
  const bool has = file.exists(kOptimiseGroup);
  file.close();
  return has;
}

OptimisationRecord read_optimisation_record(const std::string& path) {
  Hdf5File file = Hdf5File::open_read_only(path);
  if (!file.exists(kOptimiseGroup)) file.fail("no /optimise group: not written by casesim optimise");
  OptimisationRecord record;
  record.confidence = file.read_double_attribute(kOptimiseGroup, "confidence");
  record.interval_confidence = file.read_double_attribute(kOptimiseGroup, "interval_confidence");
  record.end = file.read_string_attribute(kOptimiseGroup, "end");
  record.chosen_plan = file.read_integer_attribute<std::int64_t>(kOptimiseGroup, "chosen_plan");
  record.currency = file.read_string_attribute(kOptimiseGroup, "currency");
  record.status = file.read_strings(in_optimise_group("status"));
  record.targets = file.read_strings(in_optimise_group("targets"));
  const std::size_t plans = record.status.size(), targets = record.targets.size();
  record.cost_per_year = file.read_numeric<double>(in_optimise_group("cost_per_year"), {plans});
  record.nearest_plan = file.read_integer_attribute<std::int64_t>(kOptimiseGroup, "nearest_plan");
  record.period_weeks = file.read_double_attribute(kOptimiseGroup, "period_weeks");
  record.period = file.read_string_attribute(kOptimiseGroup, "period");
  record.cost_over_period = file.read_numeric<double>(in_optimise_group("cost_over_period"), {plans});
  record.plan_words = file.read_strings(in_optimise_group("plan_words"));
  record.replications = file.read_numeric<std::uint64_t>(in_optimise_group("replications"), {plans});
  record.target_estimate = file.read_numeric<double>(in_optimise_group("target_estimate"), {plans, targets});
  record.target_ci_low = file.read_numeric<double>(in_optimise_group("target_ci_low"), {plans, targets});
  record.target_ci_high = file.read_numeric<double>(in_optimise_group("target_ci_high"), {plans, targets});
  record.target_verdict = file.read_strings(in_optimise_group("target_verdict"));
  if (record.target_verdict.size() != plans * targets || record.plan_words.size() != plans)
    file.fail("/optimise: target_verdict or plan_words does not match the plans and targets");
  file.close();
  return record;
}

}  // namespace casesim::results
