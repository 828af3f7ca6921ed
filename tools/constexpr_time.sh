#!/usr/bin/env bash
# Measures what one SGD step of the 3-4-1 network, and one math::exp, cost the compiler in
# wall time when it evaluates them in a constant expression, on g++ and
# clang++-19. Each figure is the difference of two compiles of the same probe
# (tools/constexpr_cost/*.cpp, -fsyntax-only) at two sizes, divided by the difference in
# work, so parsing and fixed costs cancel; the best of three runs of each, since the machine
# is shared. A floating-point calibration loop (one addition and one multiplication per
# iteration) is timed the same way: the evaluators do floating point in software (g++
# through its real.c emulation, clang through APFloat), which is what the figures are made of.
#   tools/constexpr_time.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
inc="$here/../include"
probe="$here/constexpr_cost"

best_time() {  # best_time <compiler and flags...> -- <args>: best wall seconds of three compiles
  local best=""
  for _ in 1 2 3; do
    local t0 t1 dt
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
    if [[ -z $best ]] || awk -v d="$dt" -v b="$best" 'BEGIN { exit !(d < b) }'; then best=$dt; fi
  done
  echo "$best"
}

per_unit() {  # per_unit <seconds small> <seconds large> <units between them>: ms per unit
  awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.4f", 1000 * (b - a) / n }'
}

calibration="$(mktemp --suffix=.cpp)"
trap 'rm -f "$calibration"' EXIT
echo 'constexpr double f(int n) { double s = 0; for (int i = 0; i < n; ++i) s += 0.001 * i; return s; }
constexpr double v = f(N);' >"$calibration"

for cxx in g++ clang++-19; do
  if [[ $cxx == g++ ]]; then
    limits=(-fconstexpr-ops-limit=4294967295 -fconstexpr-loop-limit=100000000)
  else
    limits=(-fconstexpr-steps=2147483647)
  fi
  run=("$cxx" -std=c++20 -fsyntax-only "${limits[@]}" -I"$inc")
  s1=$(best_time "${run[@]}" -DEPOCHS=1 "$probe/sgd_steps.cpp")
  s2=$(best_time "${run[@]}" -DEPOCHS=51 "$probe/sgd_steps.cpp")
  e1=$(best_time "${run[@]}" -DN=0 "$probe/exp_calls.cpp")
  e2=$(best_time "${run[@]}" -DN=20000 "$probe/exp_calls.cpp")
  c1=$(best_time "${run[@]}" -DN=0 "$calibration")
  c2=$(best_time "${run[@]}" -DN=200000 "$calibration")
  printf '%-11s %8s ms per SGD step   %8s ms per exp   %8s ms per loop iteration (1 add, 1 mul)\n' "$cxx:" \
    "$(per_unit "$s1" "$s2" 400)" "$(per_unit "$e1" "$e2" 20000)" "$(per_unit "$c1" "$c2" 200000)"
done
