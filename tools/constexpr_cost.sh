#!/usr/bin/env bash
# Measures what gradproof costs clang's constant evaluator, in -fconstexpr-steps: the smallest
# step limit under which a probe compiles, found by bisection, differenced between two probe
# sizes so that fixed costs cancel.
#   tools/constexpr_cost.sh [clang++-19]
# Prints the steps per math::exp call and per SGD step of the 3-4-1 network.
set -euo pipefail
cxx=${1:-clang++-19}
here=$(cd "$(dirname "$0")" && pwd)
inc="$here/../include"

min_steps() {  # min_steps <define> <file>: the least -fconstexpr-steps that compiles it
  local lo=10 hi=50000000 mid
  while ((hi - lo > lo / 200 + 1)); do
    mid=$(((lo + hi) / 2))
    if "$cxx" -std=c++20 -fsyntax-only "$1" -fconstexpr-steps="$mid" -I"$inc" "$2" 2>/dev/null; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
}

e0=$(min_steps -DN=0 "$here/constexpr_cost/exp_calls.cpp")
e1=$(min_steps -DN=1000 "$here/constexpr_cost/exp_calls.cpp")
s1=$(min_steps -DEPOCHS=1 "$here/constexpr_cost/sgd_steps.cpp")
s11=$(min_steps -DEPOCHS=11 "$here/constexpr_cost/sgd_steps.cpp")
echo "$cxx: $(((e1 - e0) / 1000)) steps per math::exp call (with its loop), $(((s11 - s1) / 80)) steps per SGD step"
