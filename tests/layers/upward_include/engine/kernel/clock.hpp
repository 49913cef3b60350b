#pragma once
// A kernel header that reaches up into the model: the arrow the layer check
// must refuse (tests/layers/CMakeLists.txt).
#include "engine/model/team.hpp"
