// runtime_tests/bit_matrix/bit_dump.cpp: one variant of the bit-identity matrix
// (cmake/GradproofBitMatrix.cmake builds it with each compiler, flag set and consumption mode).
//
// For every gradproof::math function (exp, log, log1p, sigmoid, sigmoid_prime,
// sigmoid_and_prime, softplus), float and double, over a fixed grid of 2048 arguments per type,
// and for whole training runs (forward, backward, sgd_step, sgd_epoch over several epochs, loss,
// an epoch of train_many and of sgd_epoch_minibatch, a mean_gradient),
// this program computes each value twice:
//   - at compile time: constexpr variables, one per function and type (a fresh budget each);
//   - at run time: from the same inputs passed through opaque(), a round trip through volatile
//     memory that the optimiser cannot see through, so nothing is folded; once inline in a
//     loop (as a user's code calls it: the optimiser may inline, vectorise, contract) and once
//     through a function pointer read from a volatile (the out-of-line code).
// It checks, bit for bit (integers: -0.0 != 0.0, NaN payloads count), that both run-time
// values equal the compile-time value, prints each mismatch with the function and argument,
// and exits 1 if there is any. With a file name argument it also writes every value as a line
// "<function> <f32|f64> <argument bits or field> ct=<compile-time bits> rt=<run-time bits>":
// the same file, byte for byte, from every variant is the proof that g++ == clang++ across
// flags and modes.
//
// Self-contained on purpose (standard library and <gradproof/gradproof.hpp> only, one TU): the
// include-path-only variants compile it with a bare `c++ -std=c++20 -I include`.
//
// Macros for the matrix's known-bad twins (never set in a real variant):
//   GRADPROOF_BIT_DUMP_INJECT_MISMATCH  flips the last bit of one run-time exp<double> result,
//                                       so the check must fail naming it (and the dump differ);
//   GRADPROOF_BIT_DUMP_CONTRACTION_CANARY  instead checks only a polynomial written here,
//                                       outside gradproof's protection: built with FMA and
//                                       -ffp-contract=fast, its run-time bits must differ, which
//                                       shows that the -march=native variants really have FMA
//                                       contraction to defend against.
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <type_traits>

#include <gradproof/gradproof.hpp>
#include "../../static_tests/bits.hpp"

namespace {

// ---------------------------------------------------------------------------------------------
// Bits, hex, and the opaque round trip.

using gradproof::test::Bits;
using gradproof::test::bits;

template <class T>
constexpr const char* type_name() noexcept {
  return std::is_same_v<T, double> ? "f64" : "f32";
}

/// Room for the largest object passed through opaque().
volatile unsigned char opaque_buffer[1 << 15];

/// A copy of v that the optimiser must treat as unknown: every byte is stored to and loaded
/// back from volatile memory.
template <class T>
T opaque(const T& v) noexcept {
  static_assert(std::is_trivially_copyable_v<T> && sizeof(T) <= sizeof(opaque_buffer));
  const auto in = std::bit_cast<std::array<unsigned char, sizeof(T)>>(v);
  std::array<unsigned char, sizeof(T)> out{};
  for (std::size_t i = 0; i < sizeof(T); ++i) opaque_buffer[i] = in[i];
  for (std::size_t i = 0; i < sizeof(T); ++i) out[i] = opaque_buffer[i];
  return std::bit_cast<T>(out);
}

/// The report: mismatches go to stderr (the first 5 per quantity), every value to the dump.
struct Report {
  std::FILE* dump = nullptr;
  long mismatches = 0;
  long values = 0;

  /// One scalar of the quantity `what`; `key` says which one: an argument's bits (printed
  /// with its value) or, with arg == nullptr, a field name.
  template <class T>
  void value(const char* what, const char* key, const T* arg, T compile_time, T run_time_inline, T run_time_call,
             long& shown) {
    ++values;
    const auto ct = static_cast<unsigned long long>(bits(compile_time));
    const auto rt = static_cast<unsigned long long>(bits(run_time_inline));
    const auto rc = static_cast<unsigned long long>(bits(run_time_call));
    const int width = 2 * static_cast<int>(sizeof(T));
    if (rt != ct || rc != ct) {
      ++mismatches;
      if (shown++ < 5) {
        if (arg != nullptr)
          std::fprintf(stderr, "MISMATCH %s<%s>(%a = bits %s):", what, type_name<T>(), static_cast<double>(*arg), key);
        else
          std::fprintf(stderr, "MISMATCH %s<%s> %s:", what, type_name<T>(), key);
        std::fprintf(stderr, " compile time %0*llx (%a), run time inline %0*llx (%a), out of line %0*llx (%a)\n",
                     width, ct, static_cast<double>(compile_time), width, rt, static_cast<double>(run_time_inline),
                     width, rc, static_cast<double>(run_time_call));
      }
    }
    if (dump != nullptr)
      std::fprintf(dump, "%s %s %s ct=%0*llx rt=%0*llx\n", what, type_name<T>(), key, width, ct, width, rt);
  }

  template <class T>
  void value(const char* what, T arg, T compile_time, T run_time_inline, T run_time_call, long& shown) {
    char key[24];
    std::snprintf(key, sizeof key, "%0*llx", 2 * static_cast<int>(sizeof(T)),
                  static_cast<unsigned long long>(bits(arg)));
    value(what, key, &arg, compile_time, run_time_inline, run_time_call, shown);
  }

  template <class T>
  void summary(const char* what, long shown) const {
    if (shown > 5) std::fprintf(stderr, "MISMATCH %s<%s>: %ld mismatches in all (5 shown)\n", what, type_name<T>(), shown);
  }
};

// ---------------------------------------------------------------------------------------------
// The argument grid: 2048 per type. Special values, every branch point of gradproof::math and
// its neighbours, log-uniform magnitudes over the whole range, evenly spaced points where the
// functions change, and pseudo-random bit patterns. Quiet NaNs only: what happens to a
// signalling NaN is up to the optimiser, not a property of gradproof.

constexpr std::size_t kGridSize = 2048;

/// v moved by k representable steps, away from zero for k > 0 (on the bits; v finite).
template <class T>
constexpr T bits_plus(T v, int k) noexcept {
  return std::bit_cast<T>(static_cast<Bits<T>>(bits(v) + static_cast<Bits<T>>(static_cast<long long>(k))));
}

/// splitmix64: a fixed pseudo-random sequence, the same on every compiler.
constexpr std::uint64_t splitmix(std::uint64_t& state) noexcept {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

template <class T>
struct Grid {
  std::array<T, kGridSize> x{};
  std::size_t fixed = 0;  // entries before the pseudo-random part
};

template <class T>
constexpr Grid<T> make_grid() {
  using L = std::numeric_limits<T>;
  Grid<T> g{};
  std::size_t n = 0;
  const auto put = [&](T v) {
    if (n < kGridSize) g.x[n++] = v;
  };
  const auto put_both_signs = [&](T v) {
    put(v);
    put(-v);
  };
  // Specials (NaNs by bit pattern: a constant evaluation may not compute one).
  put_both_signs(T(0));
  put_both_signs(L::infinity());
  put(L::quiet_NaN());
  put(-L::quiet_NaN());
  put(std::bit_cast<T>(static_cast<Bits<T>>(bits(L::quiet_NaN()) | 0x2aU)));
  for (const T v : {L::denorm_min(), bits_plus(L::denorm_min(), 1), bits_plus(L::min(), -1), L::min(),
                    bits_plus(L::min(), 1), L::max(), bits_plus(L::max(), -1), L::epsilon(), L::epsilon() / T(2),
                    T(0.5), T(1), T(2)})
    put_both_signs(v);
  // Branch points and thresholds, each with two neighbours on either side, both signs:
  // exp's overflow and underflow limits, the |x| < 704 fast-scaling range and the limits of
  // ldexp_small's one-multiplication case (k = 1023, k = -1021), where exp's result turns
  // subnormal (log DBL_MIN) and tiny (log of the smallest subnormal); the logistic left tail
  // (-40); log's split at sqrt(2) and sqrt(2)/2 (and log1p's at sqrt(2) - 1, sqrt(2)/2 - 1);
  // log1p's 2^-54 shortcut and its -1 pole; exp's reduction interval ln2/64; and float's own
  // limits (log FLT_MAX, log FLT_MIN, log of the smallest float subnormal and of half of it).
  constexpr double thresholds[] = {gradproof::detail::exp_overflow_x,
                                   gradproof::detail::exp_underflow_x,
                                   704.0,
                                   709.0895657128241,    // 1023 ln 2
                                   707.7032713517042,    // 1021 ln 2
                                   708.3964185322641,    // -log DBL_MIN
                                   744.4400719213812,    // -log(2^-1074)
                                   40.0,
                                   gradproof::detail::sqrt2,
                                   0.7071067811865476,   // sqrt(2) / 2
                                   0.41421356237309503,  // sqrt(2) - 1
                                   0.2928932188134524,   // 1 - sqrt(2) / 2
                                   0x1p-54,
                                   1.0,
                                   0.010830424696249145,  // ln 2 / 64
                                   88.72283905206835,     // log FLT_MAX
                                   87.33654475055310,     // -log FLT_MIN
                                   103.27892990343184,    // -log(2^-149)
                                   103.97207708399179};   // -log(2^-150)
  for (const double t : thresholds) {
    const T v = static_cast<T>(t);
    for (const int k : {-2, -1, 0, 1, 2}) put_both_signs(bits_plus(v, k));
  }
  // Log-uniform: one value in every 8th binade (double) or every 2nd (float), from the smallest
  // subnormal to the largest finite value, with a fixed non-round significand, both signs.
  constexpr int mantissa_bits = L::digits - 1;
  constexpr int subnormal_binades = mantissa_bits;  // binades below L::min(), one bit each
  constexpr int binades = 2 * L::max_exponent - 2 + subnormal_binades;
  constexpr int binade_step = std::is_same_v<T, double> ? 8 : 2;
  for (int b = 0; b < binades; b += binade_step) {
    const Bits<T> pattern = b < subnormal_binades
                                ? static_cast<Bits<T>>(Bits<T>(1) << b)  // 2^(min_exponent - digits + b)
                                : static_cast<Bits<T>>((Bits<T>(b - subnormal_binades + 1) << mantissa_bits) |
                                                       (Bits<T>(0x5) << (mantissa_bits - 4)));  // 1.3125 * 2^e
    put_both_signs(std::bit_cast<T>(pattern));
  }
  // Evenly spaced, not on round numbers: over exp's whole finite range, densely over the
  // logistic's interesting range [-45, 45] and over [-1, 1].
  constexpr T wide = std::is_same_v<T, double> ? T(760) : T(110);
  for (int i = 0; i < 256; ++i) put(-wide + static_cast<T>(i) * (T(2) * wide / T(255.5)));
  for (int i = 0; i < 256; ++i) put(T(-45) + static_cast<T>(i) * (T(90) / T(255.25)));
  for (int i = 0; i < 128; ++i) put(T(-1) + static_cast<T>(i) * (T(2) / T(127.5)));
  g.fixed = n;
  // The rest: pseudo-random bit patterns, every 4th of any exponent (quiet NaNs, infinities,
  // subnormals), the others with a magnitude below 2^12.
  std::uint64_t s = 0x5eed0000ULL + sizeof(T);
  for (int i = 0; n < kGridSize; ++i) {
    T v = std::bit_cast<T>(static_cast<Bits<T>>(splitmix(s)));
    if (v != v) v = std::bit_cast<T>(static_cast<Bits<T>>(bits(v) | bits(L::quiet_NaN())));
    if (i % 4 != 0) {
      constexpr auto exponent_mask = static_cast<Bits<T>>(Bits<T>(2 * L::max_exponent - 1) << mantissa_bits);
      constexpr auto below_2_12 = static_cast<Bits<T>>(Bits<T>(L::max_exponent - 1 + 11) << mantissa_bits);
      Bits<T> b = bits(v);
      if ((b & exponent_mask) > below_2_12) b = static_cast<Bits<T>>((b & ~exponent_mask) | below_2_12);
      v = std::bit_cast<T>(b);
    }
    put(v);
  }
  return g;
}

template <class T>
constexpr Grid<T> kGrid = make_grid<T>();

/// The grid reaches what it is meant to reach: NaNs, both infinities, subnormals of both signs,
/// arguments past exp's two limits and into exp's subnormal results, the logistic's left tail,
/// many points in [-45, 45]; and its fixed part leaves room for the random part.
template <class T>
constexpr bool grid_covers() {
  using L = std::numeric_limits<T>;
  const T overflow = std::is_same_v<T, double> ? T(709.79) : T(88.73);
  const T underflow = std::is_same_v<T, double> ? T(-745.14) : T(-103.98);
  const T subnormal_result = std::is_same_v<T, double> ? T(-708.4) : T(-87.34);
  int nans = 0, infinities = 0, positive_subnormals = 0, negative_subnormals = 0, past_overflow = 0,
      past_underflow = 0, subnormal_results = 0, left_tail = 0, central = 0;
  for (const T x : kGrid<T>.x) {  // one pass: cheap for the constant evaluator
    if (x != x) {
      ++nans;
    } else if (x == L::infinity() || x == -L::infinity()) {
      ++infinities;
    } else {
      positive_subnormals += x > T(0) && x < L::min();
      negative_subnormals += x < T(0) && x > -L::min();
      past_overflow += x > overflow;
      past_underflow += x < underflow;
      subnormal_results += x < subnormal_result && x > underflow;
      left_tail += x < T(-40) && x > T(-45);
      central += x >= T(-45) && x <= T(45);
    }
  }
  return kGrid<T>.fixed < kGridSize - 256 && nans >= 3 && infinities == 2 && positive_subnormals >= 10 &&
         negative_subnormals >= 10 && past_overflow >= 10 && past_underflow >= 10 && subnormal_results >= 5 &&
         left_tail >= 5 && central >= 600;
}
static_assert(grid_covers<double>(), "the double grid misses a region it must cover");
static_assert(grid_covers<float>(), "the float grid misses a region it must cover");

// ---------------------------------------------------------------------------------------------
// The math functions.

namespace gm = gradproof::math;

template <class T>
using Fn = T (*)(T) noexcept;

template <class T, Fn<T> F>
constexpr std::array<T, kGridSize> apply_at_compile_time() {
  std::array<T, kGridSize> out{};
  for (std::size_t i = 0; i < kGridSize; ++i) out[i] = F(kGrid<T>.x[i]);
  return out;
}

#if defined(GRADPROOF_BIT_DUMP_INJECT_MISMATCH)
constexpr std::size_t kInjectAt = 7;  // the grid's smallest subnormal: exp is 1 there
#endif

template <class T, Fn<T> F>
void check_function(Report& report, const char* name) {
  static constexpr std::array<T, kGridSize> compile_time = apply_at_compile_time<T, F>();
  const auto args = opaque(kGrid<T>.x);
  std::array<T, kGridSize> inline_rt{};
  for (std::size_t i = 0; i < kGridSize; ++i) inline_rt[i] = F(args[i]);
#if defined(GRADPROOF_BIT_DUMP_INJECT_MISMATCH)
  if constexpr (std::is_same_v<T, double>)
    if (F == static_cast<Fn<double>>(gm::exp))
      inline_rt[kInjectAt] = std::bit_cast<double>(bits(inline_rt[kInjectAt]) ^ 1U);
#endif
  static Fn<T> volatile pointer = F;
  const Fn<T> call = pointer;
  long shown = 0;
  for (std::size_t i = 0; i < kGridSize; ++i)
    report.value(name, args[i], compile_time[i], inline_rt[i], call(args[i]), shown);
  report.summary<T>(name, shown);
}

template <class T>
constexpr std::array<gradproof::SigmoidPair<T>, kGridSize> sigmoid_and_prime_at_compile_time() {
  std::array<gradproof::SigmoidPair<T>, kGridSize> out{};
  for (std::size_t i = 0; i < kGridSize; ++i) out[i] = gm::sigmoid_and_prime(kGrid<T>.x[i]);
  return out;
}

template <class T>
void check_sigmoid_and_prime(Report& report) {
  static constexpr auto compile_time = sigmoid_and_prime_at_compile_time<T>();
  const auto args = opaque(kGrid<T>.x);
  std::array<gradproof::SigmoidPair<T>, kGridSize> inline_rt{};
  for (std::size_t i = 0; i < kGridSize; ++i) inline_rt[i] = gm::sigmoid_and_prime(args[i]);
  static gradproof::SigmoidPair<T> (*volatile pointer)(T) noexcept = gm::sigmoid_and_prime;
  const auto call = pointer;
  long shown_sigma = 0;
  long shown_prime = 0;
  for (std::size_t i = 0; i < kGridSize; ++i) {
    const auto out_of_line = call(args[i]);
    report.value("sigmoid_and_prime.sigma", args[i], compile_time[i].sigma, inline_rt[i].sigma,
                 out_of_line.sigma, shown_sigma);
    report.value("sigmoid_and_prime.sigma_prime", args[i], compile_time[i].sigma_prime,
                 inline_rt[i].sigma_prime, out_of_line.sigma_prime, shown_prime);
  }
  report.summary<T>("sigmoid_and_prime.sigma", shown_sigma);
  report.summary<T>("sigmoid_and_prime.sigma_prime", shown_prime);
}

template <class T>
void check_math(Report& report) {
  check_function<T, gm::exp>(report, "exp");
  check_function<T, gm::log>(report, "log");
  check_function<T, gm::log1p>(report, "log1p");
  check_function<T, gm::sigmoid>(report, "sigmoid");
  check_function<T, gm::sigmoid_prime>(report, "sigmoid_prime");
  check_sigmoid_and_prime<T>(report);
  check_function<T, gm::softplus>(report, "softplus");
}

// ---------------------------------------------------------------------------------------------
// Training runs: 3-4 networks with pseudo-random parameters, 8 samples, and what a training
// loop computes: forward, backward, one sgd_step, and `epochs` epochs of sgd_epoch, then the
// loss of the trained network on every sample.

constexpr std::size_t kSamples = 8;

template <class T>
struct TrainingCase {
  gradproof::Network<T, 3, 4> net;
  std::array<gradproof::Sample<T, 3>, kSamples> samples;
  T eta;
};

/// A value in [-scale, scale] on a grid of 1/1000 (not hand-picked round numbers).
template <class T>
constexpr T pseudo_random(std::uint64_t& state, T scale) {
  const int k = static_cast<int>(splitmix(state) % 2001U) - 1000;
  return scale * static_cast<T>(k) / T(1000);
}

template <class T>
constexpr TrainingCase<T> make_case(std::uint64_t seed, T weight_scale, T input_scale, T eta) {
  TrainingCase<T> c{};
  std::uint64_t s = seed;
  for (T& v : c.net.W.data) v = pseudo_random(s, weight_scale);
  for (T& v : c.net.b1.data) v = pseudo_random(s, weight_scale);
  for (T& v : c.net.U.data) v = pseudo_random(s, weight_scale);
  c.net.b2 = pseudo_random(s, weight_scale);
  for (std::size_t i = 0; i < kSamples; ++i) {
    for (T& v : c.samples[i].x.data) v = pseudo_random(s, input_scale);
    c.samples[i].y = i % 4 == 3 ? T(0.25) : static_cast<T>(i % 2);  // one soft label in four
  }
  c.eta = eta;
  return c;
}

/// Everything one training run computes, as one flat object of T (no padding: checked).
template <class T>
struct TrainingResult {
  gradproof::ForwardPass<T, 3, 4> forward;
  gradproof::Gradients<T, 3, 4> backward;
  gradproof::Network<T, 3, 4> one_step;
  gradproof::Network<T, 3, 4> trained;
  std::array<T, kSamples> trained_loss;
  gradproof::Network<T, 3, 4> lockstep;   // train_many's second network (eta / 2), one epoch
  gradproof::Network<T, 3, 4> minibatch;  // sgd_epoch_minibatch<4>, one epoch
  gradproof::Gradients<T, 3, 4> mean;     // mean_gradient of the first 4 samples
};

/// "trained.W[5]": the name of scalar i of a TrainingResult, for the report and the dump.
template <class T>
std::array<char, 32> field_name(std::size_t i) {
  struct Field {
    const char* name;
    std::size_t count;
  };
  static constexpr Field fields[] = {
      {"forward.z", 4},        {"forward.h", 4},         {"forward.sigma_prime", 4}, {"forward.theta", 1},
      {"forward.y_hat", 1},    {"forward.one_minus_y_hat", 1}, {"backward.delta1", 1},   {"backward.delta2", 4},     {"backward.dW", 12},
      {"backward.db1", 4},     {"backward.dU", 4},       {"backward.db2", 1},        {"sgd_step.W", 12},
      {"sgd_step.b1", 4},      {"sgd_step.U", 4},        {"sgd_step.b2", 1},         {"trained.W", 12},
      {"trained.b1", 4},       {"trained.U", 4},         {"trained.b2", 1},          {"trained_loss", kSamples},
      {"lockstep.W", 12},      {"lockstep.b1", 4},       {"lockstep.U", 4},          {"lockstep.b2", 1},
      {"minibatch.W", 12},     {"minibatch.b1", 4},      {"minibatch.U", 4},         {"minibatch.b2", 1},
      {"mean.delta1", 1},      {"mean.delta2", 4},       {"mean.dW", 12},            {"mean.db1", 4},
      {"mean.dU", 4},          {"mean.db2", 1}};
  std::array<char, 32> out{};
  std::size_t first = 0;
  for (const Field& f : fields) {
    if (i < first + f.count) {
      std::snprintf(out.data(), out.size(), "%s[%zu]", f.name, i - first);
      return out;
    }
    first += f.count;
  }
  std::snprintf(out.data(), out.size(), "unnamed[%zu]", i);
  return out;
}

template <class T>
constexpr TrainingResult<T> train(const TrainingCase<T>& c, int epochs) {
  TrainingResult<T> r{};
  r.forward = gradproof::forward(c.net, c.samples[0].x);
  r.backward = gradproof::backward(c.net, c.samples[0].x, c.samples[0].y);
  r.one_step = gradproof::sgd_step(c.net, c.samples[0].x, c.samples[0].y, c.eta);
  r.trained = c.net;
  for (int e = 0; e < epochs; ++e) r.trained = gradproof::sgd_epoch(r.trained, c.samples, c.eta);
  for (std::size_t i = 0; i < kSamples; ++i) r.trained_loss[i] = gradproof::loss(r.trained, c.samples[i].x, c.samples[i].y);
  const std::array<gradproof::Network<T, 3, 4>, 2> nets{c.net, c.net};
  r.lockstep = gradproof::train_many(nets, c.samples, std::array<T, 2>{c.eta, c.eta / T(2)})[1];
  r.minibatch = gradproof::sgd_epoch_minibatch<4>(c.net, c.samples, c.eta);
  const std::array<gradproof::Sample<T, 3>, 4> first{c.samples[0], c.samples[1], c.samples[2], c.samples[3]};
  r.mean = gradproof::mean_gradient(c.net, first);
  return r;
}

// Ordinary (weights in [-1.5, 1.5]) and saturated (some |z| > 20: the logistic's tails run),
// float and double; 5 epochs of 8 samples each (40 SGD steps per run).
constexpr int kEpochs = 5;
[[maybe_unused]] constexpr auto kDoubleCase = make_case<double>(1, 1.5, 1.0, 0.5);
[[maybe_unused]] constexpr auto kFloatCase = make_case<float>(2, 1.5F, 1.0F, 0.5F);
[[maybe_unused]] constexpr auto kDoubleSaturated = make_case<double>(11, 12.0, 4.0, 1.0);
[[maybe_unused]] constexpr auto kFloatSaturated = make_case<float>(13, 12.0F, 4.0F, 1.0F);

template <const auto& C>
void check_training(Report& report, const char* name) {
  using T = decltype(C.eta);
  using R = TrainingResult<T>;
  static_assert(sizeof(R) % sizeof(T) == 0 && std::is_trivially_copyable_v<R>);
  constexpr std::size_t n = sizeof(R) / sizeof(T);
  static_assert(n == 15 + 26 + 21 + 21 + kSamples + 21 + 21 + 26, "field_name() does not know every field of TrainingResult");
  static constexpr R compile_time = train(C, kEpochs);
  const auto c = opaque(C);
  const R inline_rt = train(c, kEpochs);
  static R (*volatile pointer)(const TrainingCase<T>&, int) = train<T>;
  const R out_of_line = pointer(c, kEpochs);
  const auto ct = std::bit_cast<std::array<T, n>>(compile_time);
  const auto rt = std::bit_cast<std::array<T, n>>(inline_rt);
  const auto rc = std::bit_cast<std::array<T, n>>(out_of_line);
  // Not vacuous: the run moved the network.
  if (compile_time.trained == C.net || compile_time.one_step == C.net) {
    std::fprintf(stderr, "FAILED %s: the training run left the network as it was\n", name);
    ++report.mismatches;
  }
  long shown = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto key = field_name<T>(i);
    report.value(name, key.data(), static_cast<const T*>(nullptr), ct[i], rt[i], rc[i], shown);
  }
  report.summary<T>(name, shown);
}

#if defined(GRADPROOF_BIT_DUMP_CONTRACTION_CANARY)
// A degree-7 polynomial written here, outside gradproof's headers and their protection: built
// with FMA and -ffp-contract=fast (and -O2), the run-time a * x + b becomes one fused operation.
constexpr double unprotected_horner(double x) noexcept {
  return ((((((0.1 * x + 0.2) * x + 0.3) * x + 0.5) * x + 0.7) * x + 1.1) * x + 1.3) * x + 1.7;
}

/// unprotected_horner at 1024 points of [-1, 1): compile time against run time.
void check_canary(Report& report) {
  constexpr std::size_t n = 1024;
  static constexpr auto args = [] {
    std::array<double, n> a{};
    for (std::size_t i = 0; i < n; ++i) a[i] = -1.0 + static_cast<double>(i) * (2.0 / 1024.5);
    return a;
  }();
  static constexpr auto compile_time = [] {
    std::array<double, n> out{};
    for (std::size_t i = 0; i < n; ++i) out[i] = unprotected_horner(args[i]);
    return out;
  }();
  const auto x = opaque(args);
  static Fn<double> volatile pointer = unprotected_horner;
  const Fn<double> call = pointer;
  long shown = 0;
  for (std::size_t i = 0; i < n; ++i)
    report.value("unprotected_horner", x[i], compile_time[i], unprotected_horner(x[i]), call(x[i]), shown);
  report.summary<double>("unprotected_horner", shown);
}
#endif

}  // namespace

int main(int argc, char** argv) {
  Report report;
  if (argc > 1) {
    report.dump = std::fopen(argv[1], "w");
    if (report.dump == nullptr) {
      std::fprintf(stderr, "bit_dump: cannot write %s\n", argv[1]);
      return 2;
    }
  }
#if defined(GRADPROOF_BIT_DUMP_CONTRACTION_CANARY)
  check_canary(report);
#else
  check_math<double>(report);
  check_math<float>(report);
  check_training<kDoubleCase>(report, "training.ordinary");
  check_training<kFloatCase>(report, "training.ordinary");
  check_training<kDoubleSaturated>(report, "training.saturated");
  check_training<kFloatSaturated>(report, "training.saturated");
#endif
  if (report.dump != nullptr && std::fclose(report.dump) != 0) {
    std::fprintf(stderr, "bit_dump: error writing %s\n", argv[1]);
    return 2;
  }
  if (report.mismatches != 0) {
    std::printf("bit_dump: FAILED: %ld of %ld run-time values differ from their compile-time values\n",
                report.mismatches, report.values);
    return 1;
  }
  std::printf("bit_dump: %ld values, run time == compile time bit for bit\n", report.values);
  return 0;
}
