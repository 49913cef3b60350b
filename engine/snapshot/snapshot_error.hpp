#pragma once
// Bad snapshot input: input::InputError, whose what() is
// "FILE:LINE: COLUMN: PROBLEM": FILE is the file's name as given in the
// snapshot directory, LINE the 1-based physical line where the row starts
// (":LINE" left out when no line applies, as for a missing file), and the
// field is the header as written in the file ("COLUMN: " left out when no
// column is to blame). input::input_error_text gives the same text for a
// problem a lenient load lists instead of throwing.
#include "engine/input/input_error.hpp"

namespace casesim::snapshot {

using SnapshotError = input::InputError;

}  // namespace casesim::snapshot
