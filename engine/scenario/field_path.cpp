#include "engine/scenario/field_path.hpp"

#include "engine/input/number_text.hpp"

namespace casesim::scenario {

std::optional<std::vector<FieldPathStep>> split_field_path(std::string_view path) {
  std::vector<FieldPathStep> steps;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    std::string segment(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    FieldPathStep step;
    if (const auto bracket = segment.find('['); bracket != std::string::npos) {
      if (segment.back() != ']') return std::nullopt;
      const std::string digits = segment.substr(bracket + 1, segment.size() - bracket - 2);
      if (digits.size() > 6 || !input::is_digits(digits)) return std::nullopt;
      step.index = std::stoul(digits);
      segment.resize(bracket);
    }
    if (segment.empty() || segment.find_first_of("[] \t") != std::string::npos) return std::nullopt;
    step.key = std::move(segment);
    steps.push_back(std::move(step));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return steps;
}

std::string last_segment(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

}  // namespace casesim::scenario
