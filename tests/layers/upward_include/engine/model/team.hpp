#pragma once
// The model header the kernel should not know (tests/layers/CMakeLists.txt).
#include "engine/kernel/clock.hpp"
