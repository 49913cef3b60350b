#!/usr/bin/env bash
# The code follows .clang-format: every C++ source and header git tracks is
# as clang-format would write it. To fix: clang-format -i FILE (or every file:
# git ls-files '*.cpp' '*.hpp' | xargs clang-format -i).
set -euo pipefail
cd "$1"
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.cpp.in')
clang-format --dry-run --Werror --style=file "${files[@]}"
echo "check_format: ${#files[@]} files follow .clang-format"
