#pragma once
// A folder the layer table does not name (tests/layers/CMakeLists.txt).
