// Probe for tools/constexpr_cost.sh: N calls of math::exp in one constant evaluation.
#include <gradproof/math.hpp>
constexpr double f(int n) { double s = 0; for (int i = 0; i < n; ++i) s += gradproof::math::exp(0.001 * i - 0.3); return s; }
constexpr double v = f(N);
