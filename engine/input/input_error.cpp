#include "engine/input/input_error.hpp"

#include <utility>

#include "engine/input/one_line.hpp"

namespace casesim::input {

std::string input_error_text(const std::string& file, int line, const std::string& field, const std::string& message) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on ":" + std::to_string(line).
  std::string text = one_line(file);
  if (line > 0) {
    text += ':';
    text += std::to_string(line);
  }
  if (!field.empty()) {
    text += ": ";
    text += one_line(field);
  }
  text += ": ";
  text += one_line(message);
  return text;
}

InputError::InputError(std::string file, int line, std::string field, std::string message)
    : std::runtime_error(input_error_text(file, line, field, message)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)),
      message_(std::move(message)) {}

}  // namespace casesim::input
