#include "engine/results/layout_checks.hpp"

#include <sys/resource.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace casesim::results {

namespace {

// The datasets /series holds beside one per series.
constexpr std::array<std::string_view, 4> kSeriesGroupEntries{"names", "units", "descriptions", "week_start"};

bool is_identifier(const std::string& name) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return !name.empty() && letter(name.front()) &&
         std::all_of(name.begin(), name.end(), [&](char c) { return letter(c) || digit(c); });
}

// The byte offset of the first byte that breaks UTF-8, or npos if there is none.
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code_point = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07u;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0u) != 0x80u) return i;
      code_point = (code_point << 6) | (next & 0x3Fu);
    }
    const bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
    if (overlong || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

void require_utf8(const std::string& path, std::string_view field, std::string_view text) {
  if (const std::size_t at = first_invalid_utf8(text); at != std::string_view::npos)
    throw ResultsError("results file '" + path + "': " + std::string(field) + " is not valid UTF-8 (byte " +
                       std::to_string(at) + ")");
}

void validate_names(const std::string& path, std::string_view kind, const std::vector<Quantity>& quantities) {
  std::set<std::string> seen;
  for (const Quantity& q : quantities) {
    if (!is_identifier(q.name))
      throw std::invalid_argument("results file '" + path + "': " + std::string(kind) + " name '" + q.name +
                                  "' is not an identifier (letters, digits, _; not starting with a digit)");
    if (!seen.insert(q.name).second)
      throw std::invalid_argument("results file '" + path + "': " + std::string(kind) + " '" + q.name +
                                  "' appears twice");
  }
}

void validate_distributions(const std::string& path, const Distributions& distributions) {
  if (distributions.quantities.empty()) return;
  validate_names(path, "distribution", distributions.quantities);
  for (const Quantity& q : distributions.quantities)
    if (q.name == "names")
      throw std::invalid_argument("results file '" + path + "': distribution name 'names' is reserved");
  if (distributions.bins() == 0)
    throw std::invalid_argument("results file '" + path + "': distributions given but no bins");
  const std::vector<double>& edges = distributions.bin_edges;
  if (edges.size() != distributions.bins() + 1)
    throw std::invalid_argument("results file '" + path + "': " + std::to_string(edges.size()) + " bin edges for " +
                                std::to_string(distributions.bins()) + " bins (one more edge than bins)");
  for (std::size_t b = 0; b + 1 < edges.size(); ++b)
    if (!(edges[b] < edges[b + 1]))
      throw std::invalid_argument("results file '" + path + "': bin edges must ascend (edge " + std::to_string(b) +
                                  " is not below edge " + std::to_string(b + 1) + ")");
  for (const std::string& label : distributions.bin_labels) require_utf8(path, "bin label", label);
}

std::string mib_text(double bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", bytes / (1024.0 * 1024.0));
  return buffer;
}

}  // namespace

void validate_layout(const std::string& path, const Metadata& metadata, const Layout& layout) {
  if (layout.variants.empty()) throw std::invalid_argument("results file '" + path + "': no variants");
  if (layout.replications == 0) throw std::invalid_argument("results file '" + path + "': no replications");
  validate_names(path, "metric", layout.metrics);
  validate_names(path, "series", layout.series);
  for (const Quantity& s : layout.series)
    if (std::find(kSeriesGroupEntries.begin(), kSeriesGroupEntries.end(), s.name) != kSeriesGroupEntries.end())
      throw std::invalid_argument("results file '" + path + "': series name '" + s.name + "' is reserved in /series");
  if (!layout.series.empty() && layout.week_start_dates.empty())
    throw std::invalid_argument("results file '" + path + "': series given but no weeks");
  validate_distributions(path, layout.distributions);

  const std::pair<std::string_view, const std::string*> fields[] = {
      {"casesim_version", &metadata.casesim_version}, {"scenario_name", &metadata.scenario_name},
      {"scenario_file", &metadata.scenario_file},     {"scenario_text", &metadata.scenario_text},
      {"start_date", &metadata.start_date},           {"boost_version", &metadata.boost_version},
      {"command_line", &metadata.command_line},       {"created_utc", &metadata.created_utc}};
  for (const auto& [field, text] : fields) require_utf8(path, field, *text);
  for (const std::string& v : layout.variants) require_utf8(path, "variant name '" + v + "'", v);
  if (const auto& e = metadata.experiment) {
    if (e->variant_overrides.size() != layout.variants.size())
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(e->variant_overrides.size()) +
                                  " variant overrides for " + std::to_string(layout.variants.size()) + " variants");
    if (e->parameter_values.size() != layout.variants.size() * e->parameter_names.size())
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(e->parameter_values.size()) +
                                  " parameter values for " + std::to_string(layout.variants.size()) + " variants x " +
                                  std::to_string(e->parameter_names.size()) + " parameters");
    const std::pair<std::string_view, const std::string*> texts[] = {{"experiment name", &e->name},
                                                                     {"experiment file", &e->file},
                                                                     {"experiment text", &e->text},
                                                                     {"precision metric", &e->precision_metric}};
    for (const auto& [field, text] : texts) require_utf8(path, field, *text);
    for (const auto* entries : {&e->metrics, &e->variant_overrides, &e->parameter_names})
      for (const std::string& t : *entries) require_utf8(path, "experiment entry '" + t + "'", t);
  }
  for (const std::string& d : layout.week_start_dates) require_utf8(path, "week start date", d);
  if (metadata.timeline_events.size() != metadata.timeline_dates.size())
    throw std::invalid_argument("results file '" + path + "': timeline dates and events differ in length");
  for (const std::string& t : metadata.timeline_events) require_utf8(path, "timeline event '" + t + "'", t);
  if (layout.child_stages.size() != layout.children.size() ||
      layout.child_overdue_at_start.size() != layout.children.size())
    throw std::invalid_argument("results file '" + path + "': children's ids, stages and flags differ in length");
  if (!layout.child_workers.empty() && layout.child_workers.size() != layout.children.size())
    throw std::invalid_argument("results file '" + path + "': children's ids and allocated workers differ in length");
  if (layout.workers.empty() != layout.worker_series.empty())
    throw std::invalid_argument("results file '" + path +
                                "': workers without worker series, or series without workers");
  for (const Quantity& q : layout.worker_series)
    if (!is_identifier(q.name) || q.name == "ids" || q.name == "series")
      throw std::invalid_argument("results file '" + path + "': worker series name '" + q.name +
                                  "' is not an identifier or is reserved in /workers");
  for (const std::string& id : layout.workers) require_utf8(path, "worker id '" + id + "'", id);
  for (const auto* quantities : {&layout.metrics, &layout.series, &layout.distributions.quantities})
    for (const Quantity& q : *quantities) {
      require_utf8(path, "unit of " + q.name, q.unit);
      require_utf8(path, "description of " + q.name, q.description);
    }
}

double laid_out_bytes(std::size_t variants, std::size_t replications, std::size_t metrics, std::size_t series_values,
                      std::size_t distribution_counts, std::size_t children) {
  const double slots = static_cast<double>(variants) * static_cast<double>(replications);
  const double per_slot = 8.0 * static_cast<double>(metrics + series_values) +
                          4.0 * static_cast<double>(distribution_counts) + 1.0 + static_cast<double>(children);
  return slots * per_slot;
}

void check_room(const std::string& path, double bytes) {
  rlimit limit{};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      bytes > static_cast<double>(limit.rlim_cur))
    throw ResultsError("results file '" + path + "': needs about " + mib_text(bytes) +
                       " MiB, more than the file size limit of " + mib_text(static_cast<double>(limit.rlim_cur)) +
                       " MiB (ulimit -f); raise the limit or run fewer replications");
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (directory.empty()) directory = ".";
  struct statvfs disk {};
  if (statvfs(directory.c_str(), &disk) == 0) {
    const double free_bytes = static_cast<double>(disk.f_bavail) * static_cast<double>(disk.f_frsize);
    if (bytes > free_bytes)
      throw ResultsError("results file '" + path + "': needs about " + mib_text(bytes) + " MiB, but only " +
                         mib_text(free_bytes) + " MiB are free on its disk");
  }
}

}  // namespace casesim::results
