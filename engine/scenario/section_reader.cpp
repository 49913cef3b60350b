#include "engine/scenario/section_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "engine/scenario/load_scenario.hpp"

namespace casesim::scenario::detail {

namespace {

using input::fail;
using input::NumberRange;
using input::YamlNode;

constexpr NumberRange kAnyPositive{0.0, true, std::numeric_limits<double>::infinity(), true};
// A typo guard that also keeps the sum of a profile finite when rescaling.
constexpr NumberRange kProfileMultiplier = positive_up_to(1000.0);
// Shares that must sum to 1 may be off by rounding in the last digits.
constexpr double kShareSumTolerance = 1e-6;
// Banded durations: a typo guard (about 40 years of working days) and a table size.
constexpr int kMaxBandValue = 10'000;
constexpr std::size_t kMaxBands = 1'000;

// Bands of whole numbers, in order and not overlapping, with shares summing to 1.
std::vector<DurationBand> read_bands(const YamlNode& node, const std::string& path) {
  const auto& items = input::read_list(node, path);
  if (items.empty()) fail(node, path, "must list at least one band");
  if (items.size() > kMaxBands) fail(node, path, "must list at most " + std::to_string(kMaxBands) + " bands");
  std::vector<DurationBand> bands;
  double sum = 0.0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    const input::MappingFields band = fields_of(items[i], at, kDurationBand);
    DurationBand b;
    const int earliest = bands.empty() ? 0 : bands.back().to + 1;
    const YamlNode& from = band.required("from");
    b.from = read_int(from, at + ".from", 0, kMaxBandValue);
    // Each band starts after the one before, so the bands read as a table.
    if (b.from < earliest)
      fail(from, at + ".from",
           "must be at least " + std::to_string(earliest) + " (after the band before), got " + from.text);
    b.to = read_int(band.required("to"), at + ".to", b.from, kMaxBandValue);
    b.share = input::read_number(band.required("share"), at + ".share", kShare);
    sum += b.share;
    bands.push_back(b);
  }
  if (std::abs(sum - 1.0) > kShareSumTolerance) fail(node, path, "shares must sum to 1, got " + format_sum(sum));
  return bands;
}

DurationDistribution read_duration(const YamlNode& node, const std::string& path, double max_mean) {
  const input::MappingFields fields = fields_of(node, path, kDistribution);
  using Kind = DurationDistribution::Kind;
  static const Choices<Kind> kKinds = {{"fixed", Kind::fixed},
                                       {"exponential", Kind::exponential},
                                       {"lognormal", Kind::lognormal},
                                       {"gamma", Kind::gamma}};
  DurationDistribution duration;
  duration.kind = read_enum(fields.required("distribution"), path + ".distribution", kKinds);
  const std::string& kind_name =
      std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& c) { return c.second == duration.kind; })->first;
  duration.mean = input::read_number(fields.required("mean"), path + ".mean",
                                     NumberRange{kMinDurationMean, false, max_mean, false});
  const bool has_sd = duration.kind == Kind::lognormal || duration.kind == Kind::gamma;
  const YamlNode* sd = fields.optional("sd");
  if (has_sd) {
    if (!sd) throw ScenarioError(node.file, node.holder_line, path + ".sd", "required for distribution " + kind_name);
    duration.sd = input::read_number(*sd, path + ".sd", kAnyPositive);
    const NumberRange spread{kMinSdToMean * duration.mean, false, kMaxSdToMean * duration.mean, false};
    if (!spread.contains(duration.sd)) {
      fail(*sd, path + ".sd",
           "must be " + spread.to_string() + " (from a thousandth of the mean to ten times it), got " +
               input::shown(sd->text));
    }
  } else if (sd) {
    fail(*sd, path + ".sd", "not allowed for distribution " + kind_name);
  }
  return duration;
}

}  // namespace

int read_int(const YamlNode& node, const std::string& field, int min, int max) {
  return static_cast<int>(input::read_whole_number(node, field, min, max));
}

std::string format_sum(double sum) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", sum);
  return buffer;
}

Section::Section(const YamlNode& node, std::string path, std::string schema_key)
    : fields_(fields_of(node, path, schema_key)), path_(std::move(path)), schema_key_(std::move(schema_key)) {}

std::optional<Section> Section::section(std::string_view name) const {
  const YamlNode* value = find(name);
  if (!value) return std::nullopt;
  return Section(*value, path_of(name), child_schema(schema_key_, field_shape(schema_key_, name)));
}

void Section::number(std::string_view name, double& out, NumberRange range) const {
  if (const YamlNode* value = find(name)) out = input::read_number(*value, path_of(name), range);
}

void Section::whole(std::string_view name, int& out, int min, int max) const {
  if (const YamlNode* value = find(name)) out = read_int(*value, path_of(name), min, max);
}

void Section::boolean(std::string_view name, bool& out) const {
  if (const YamlNode* value = find(name)) out = input::read_bool(*value, path_of(name));
}

void Section::duration(std::string_view name, DurationDistribution& out, double max_mean) const {
  if (const YamlNode* value = find(name)) out = read_duration(*value, path_of(name), max_mean);
}

void Section::banded_duration(std::string_view name, std::optional<DurationDistribution>& out) const {
  if (const YamlNode* value = find(name)) out = DurationDistribution(read_bands(*value, path_of(name)));
}

void Section::read_shares(std::span<double> values) const {
  const auto& fields = schema().fields;
  if (fields.size() != values.size()) throw std::logic_error("load_scenario: share schema size mismatch at " + path_);
  double sum = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    number(fields[i].name, values[i], kShare);
    sum += values[i];
  }
  if (std::abs(sum - 1.0) > kShareSumTolerance) fail(node(), path_, "shares must sum to 1, got " + format_sum(sum));
}

void Section::read_profile(std::span<double> values) const {
  const auto& fields = schema().fields;
  if (fields.size() != values.size()) throw std::logic_error("load_scenario: profile schema size mismatch at " + path_);
  double sum = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = input::read_number(required(fields[i].name), path_of(fields[i].name), kProfileMultiplier);
    sum += values[i];
  }
  const double mean = sum / static_cast<double>(values.size());
  for (double& value : values) value /= mean;
}

}  // namespace casesim::scenario::detail
