// examples/iris/iris_main.cpp: gradproof-iris. The compiler trained the 3-4-1 network on
// Fisher's Iris data (iris_proof.cpp, linked into this program as proven_checkpoints, the
// network after every epoch, constant data in the binary); this program does the same training
// again at run time, from the CSV's numbers, and exits non-zero unless every bit agrees: the
// prepared samples, the initial network and the network after each of the 100 epochs.
//
//   gradproof-iris              the comparison, then accuracy and loss of the trained network
//   gradproof-iris --csv        the comparison, then epoch,train_loss,train_accuracy,test_loss,
//                               test_accuracy for epochs 0 ... 100 (tools/plot-iris-loss reads it)
//   gradproof-iris --self-test  proves the comparison can fail: one bit of one weight changed
//                               in a copy of the compile-time checkpoints must be found, at its
//                               epoch and under its name
//
// Exit status: 0 all bits equal (or the self-test passed), 1 a difference (or the self-test
// failed), 2 bad arguments.
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

#include "iris_training.hpp"

namespace {

using namespace gradproof::iris;

/// A copy of v made byte by byte through volatile reads: the optimiser cannot know the bytes, so
/// everything computed from the copy is computed at run time, even at -O2.
template <class T>
T opaque(const T& v) noexcept {
  static_assert(std::is_trivially_copyable_v<T>, "opaque copies bytes");
  T out{};
  const volatile unsigned char* src = reinterpret_cast<const volatile unsigned char*>(&v);
  unsigned char* dst = reinterpret_cast<unsigned char*>(&out);
  for (std::size_t i = 0; i < sizeof(T); ++i) dst[i] = src[i];
  return out;
}

template <class T>
bool same_bits(const T& a, const T& b) noexcept {
  using Bytes = std::array<unsigned char, sizeof(T)>;
  return std::bit_cast<Bytes>(a) == std::bit_cast<Bytes>(b);
}

/// The first parameter whose bits differ between two networks, by its slide name ("" if none).
std::string first_difference(const Net& a, const Net& b) {
  const auto differs = [](double x, double y) { return std::bit_cast<std::uint64_t>(x) != std::bit_cast<std::uint64_t>(y); };
  for (std::size_t i = 0; i < Net::hidden; ++i)
    for (std::size_t j = 0; j < Net::inputs; ++j)
      if (differs(a.W(i, j), b.W(i, j))) return "W(" + std::to_string(i) + "," + std::to_string(j) + ")";
  for (std::size_t i = 0; i < Net::hidden; ++i)
    if (differs(a.b1(i, 0), b.b1(i, 0))) return "b1(" + std::to_string(i) + ")";
  for (std::size_t i = 0; i < Net::hidden; ++i)
    if (differs(a.U(0, i), b.U(0, i))) return "U(" + std::to_string(i) + ")";
  if (differs(a.b2, b.b2)) return "b2";
  return "";
}

struct Difference {
  std::size_t epoch;
  std::string parameter;  ///< empty: no difference
};

/// The first epoch (and parameter) at which two runs differ.
Difference compare(const Checkpoints& run_time, const Checkpoints& compile_time) {
  for (std::size_t e = 0; e <= epochs; ++e) {
    std::string p = first_difference(run_time[e], compile_time[e]);
    if (!p.empty()) return {e, p};
    if (!same_bits(run_time[e], compile_time[e])) return {e, "(padding?)"};
  }
  return {0, ""};
}

struct RunTimeTraining {
  Split data;
  Checkpoints checkpoints;
  double milliseconds;
};

/// The whole pipeline at run time, from an opaque copy of the CSV's table, seed and rate.
RunTimeTraining train_at_run_time() {
  const auto rows = opaque(table);
  const auto seed = opaque(init_seed);
  const auto rate = opaque(eta);
  const auto t0 = std::chrono::steady_clock::now();
  RunTimeTraining r{prepare(rows), {}, 0.0};
  r.checkpoints = train(initial_network(seed), r.data.train, rate);
  const auto t1 = std::chrono::steady_clock::now();
  r.milliseconds = std::chrono::duration<double, std::milli>(t1 - t0).count();
  return r;
}

/// The comparison every mode starts with; prints what differs to stderr.
bool bits_agree(const RunTimeTraining& r) {
  if (!same_bits(r.data, split)) {
    std::fprintf(stderr, "gradproof-iris: the samples prepared at run time differ from the compile-time ones\n");
    return false;
  }
  const Difference d = compare(r.checkpoints, proven_checkpoints);
  if (!d.parameter.empty()) {
    std::fprintf(stderr, "gradproof-iris: run time and compile time differ at epoch %zu, parameter %s\n", d.epoch,
                 d.parameter.c_str());
    return false;
  }
  return true;
}

double accuracy(std::size_t right, std::size_t n) { return static_cast<double>(right) / static_cast<double>(n); }

int print_csv() {
  std::printf("epoch,train_loss,train_accuracy,test_loss,test_accuracy\n");
  for (std::size_t e = 0; e <= epochs; ++e) {
    const Net& net = proven_checkpoints[e];
    std::printf("%zu,%.17g,%.4f,%.17g,%.4f\n", e, mean_loss(net, split.train),
                accuracy(correct(net, split.train), n_train), mean_loss(net, split.test),
                accuracy(correct(net, split.test), n_test));
  }
  return 0;
}

int print_summary(const RunTimeTraining& r) {
  const Net& start = proven_checkpoints[0];
  const Net& net = proven_checkpoints[epochs];
  std::printf("gradproof-iris: Iris versicolor (0) vs virginica (1) from sepal length, petal length, petal width\n");
  std::printf("  data: %zu training and %zu test samples (every 5th held out), scaled by the training mean and "
              "mean absolute deviation\n", n_train, n_test);
  std::printf("  training: per-sample SGD, eta = %g, %zu epochs = %zu SGD steps, done by the compiler\n", eta, epochs,
              sgd_steps);
  std::printf("  compile time == run time, bit for bit: the samples, the initial network and all %zu epochs' "
              "networks (run time: %.1f ms)\n", epochs, r.milliseconds);
  std::printf("                 loss      accuracy\n");
  std::printf("  untrained  train %.4f  %zu/%zu = %.2f%%\n", mean_loss(start, split.train),
              correct(start, split.train), n_train, 100 * accuracy(correct(start, split.train), n_train));
  std::printf("             test  %.4f  %zu/%zu = %.2f%%\n", mean_loss(start, split.test), correct(start, split.test),
              n_test, 100 * accuracy(correct(start, split.test), n_test));
  std::printf("  trained    train %.4f  %zu/%zu = %.2f%%\n", mean_loss(net, split.train), correct(net, split.train),
              n_train, 100 * accuracy(correct(net, split.train), n_train));
  std::printf("             test  %.4f  %zu/%zu = %.2f%%\n", mean_loss(net, split.test), correct(net, split.test),
              n_test, 100 * accuracy(correct(net, split.test), n_test));
  std::printf("  proven bounds (iris_proof.cpp): train loss < %g, train right >= %zu, test loss < %g, test right "
              ">= %zu: %s\n", max_train_loss, min_train_correct, max_test_loss, min_test_correct,
              meets_bounds(net, split.train, split.test) ? "met" : "NOT met");
  return 0;
}

/// The comparison must see a one-bit change of any checkpoint: change one weight in a copy of
/// the compile-time checkpoints (the next double up) and expect that epoch and that name.
int self_test(const RunTimeTraining& r) {
  struct Case {
    std::size_t epoch;
    const char* name;
    double& (*entry)(Net&);
  };
  const Case cases[] = {
      {0, "W(0,0)", [](Net& n) -> double& { return n.W(0, 0); }},
      {37, "W(2,1)", [](Net& n) -> double& { return n.W(2, 1); }},
      {64, "U(3)", [](Net& n) -> double& { return n.U(0, 3); }},
      {epochs, "b2", [](Net& n) -> double& { return n.b2; }},
  };
  bool ok = compare(r.checkpoints, proven_checkpoints).parameter.empty();
  std::printf("self-test: unchanged checkpoints: %s\n", ok ? "no difference (right)" : "a difference (wrong)");
  for (const Case& c : cases) {
    Checkpoints changed = proven_checkpoints;
    double& w = c.entry(changed[c.epoch]);
    w = std::nextafter(w, std::numeric_limits<double>::infinity());
    const Difference d = compare(r.checkpoints, changed);
    const bool found = d.epoch == c.epoch && d.parameter == c.name;
    std::printf("self-test: %s at epoch %zu one ulp up: %s (reported: epoch %zu, %s)\n", c.name, c.epoch,
                found ? "found" : "NOT found", d.epoch, d.parameter.empty() ? "nothing" : d.parameter.c_str());
    ok = ok && found;
  }
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (argc > 2 || (mode != "" && mode != "--csv" && mode != "--self-test")) {
    std::fprintf(stderr, "usage: gradproof-iris [--csv | --self-test]\n");
    return 2;
  }
  const RunTimeTraining r = train_at_run_time();
  if (mode == "--self-test") return self_test(r);
  if (!bits_agree(r)) return 1;
  return mode == "--csv" ? print_csv() : print_summary(r);
}
