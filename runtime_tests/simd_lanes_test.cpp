// runtime_tests/simd_lanes_test.cpp: the 4-lane mirrors of detail/simd.hpp are a second body of
// code beside the scalar functions of math.hpp, which the constant evaluation runs. This test
// proves them bit-identical, lane by lane, at run time:
//   - the lane-wise sigmoid_and_prime and sigmoid_and_complement (4 lanes at a time) against the
//     scalar functions, and the mirrored logistic parts (E, its tail, 1 + E as d + d_lo, 1/d)
//     against detail::logistic, over every edge and branch boundary with their neighbours
//     and 10^6 random doubles (label runtime); over 10^8 random doubles plus the edges (label
//     accuracy_full) and over every one of the 2^32 floats (label exhaustive), in the long presets;
//   - the fused step (sgd_step, whose hidden layer runs in the 4 lanes and whose output unit
//     follows) against the same step assembled from the scalar functions alone, and against its
//     compile-time value, on the AD battery's networks and on random ones.
// A lane may take the scalar path (a chunk with a lane outside the common range); both paths
// must give the scalar's bits. Known-bad twins: a mirror with one lane's last bit flipped, and a
// step assembled with σ in place of σ′, are found. Where GRADPROOF_SIMD is 0 (not x86-64 with
// g++ or clang++), the lane-wise functions are the scalar ones and the test still runs.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gradproof/gradproof.hpp>

#include "../static_tests/ad_networks.hpp"

#ifndef GRADPROOF_SIMD_LANES_RANDOM
#define GRADPROOF_SIMD_LANES_RANDOM 1000000
#endif

namespace {

namespace gm = gradproof::math;

std::uint64_t bits(double v) { return std::bit_cast<std::uint64_t>(v); }

/// The arguments every run checks: specials, the branch points of the logistic functions and of
/// exp (each with 3 neighbours on either side, both signs), and a sweep of [-50, 50].
std::vector<double> edge_arguments() {
  using L = std::numeric_limits<double>;
  std::vector<double> v;
  const auto both = [&v](double x) {
    v.push_back(x);
    v.push_back(-x);
  };
  for (const double x : {0.0, L::denorm_min(), L::min(), L::max(), L::infinity(), L::epsilon(), 0.5, 1.0, 2.0})
    both(x);
  v.push_back(L::quiet_NaN());
  v.push_back(-L::quiet_NaN());
  const double points[] = {gradproof::detail::logistic_left_tail, gradproof::detail::exp_normal_range,
                           gradproof::detail::exp_overflow_x,     gradproof::detail::exp_underflow_x,
                           708.3964185322641,              744.4400719213812,
                           0.010830424696249145,  // ln 2 / 64: the reduction's interval
                           0.021660849392498290,  // ln 2 / 32: a table step
                           36.7368005696771,      // where e^-x drops below 2^-53
                           19.0};
  for (const double p : points) {
    for (int k = -3; k <= 3; ++k) {
      const auto b = static_cast<std::int64_t>(bits(p)) + k;
      both(std::bit_cast<double>(static_cast<std::uint64_t>(b)));
    }
  }
  for (int i = 0; i <= 4000; ++i) v.push_back(-50.0 + 0.025 * i + 1e-9 * i);
  return v;
}

/// splitmix64: the i-th value of a fixed pseudo-random sequence, without state.
std::uint64_t splitmix(std::uint64_t i) {
  std::uint64_t z = i * 0x9e3779b97f4a7c15ULL + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// The i-th random argument: half uniform over the logistic's interesting range [-60, 60], a
/// quarter over [-800, 800], a quarter arbitrary bit patterns (NaNs, infinities, subnormals).
double random_argument(std::uint64_t i) {
  const std::uint64_t r = splitmix(2 * i);
  const double unit = static_cast<double>(r >> 11) * 0x1p-53;
  switch (r & 3U) {
    case 0:
    case 1:
      return -60.0 + 120.0 * unit;
    case 2:
      return -800.0 + 1600.0 * unit;
    default:
      return std::bit_cast<double>(splitmix(2 * i + 1));
  }
}

/// Mismatches of the lane-wise functions against the scalar ones, on consecutive chunks of 4 of
/// `args` (a last partial chunk padded with 0). `flip_lane` >= 0: the known-bad twin, which
/// flips the last bit of that lane's σ in every chunk before comparing.
struct LaneReport {
  long compared = 0;
  long mismatches = 0;
  std::string first;
};
void check_lanes(const double* args, std::size_t n, LaneReport& report, int flip_lane = -1) {
  for (std::size_t c = 0; c < n; c += 4) {
    std::array<double, 4> x{};
    for (std::size_t i = 0; i < 4 && c + i < n; ++i) x[i] = args[c + i];
    std::array<double, 4> s{}, sp{}, cs{}, cc{};
    gm::sigmoid_and_prime(x, s, sp);
    gm::sigmoid_and_complement(x, cs, cc);
    if (flip_lane >= 0) s[static_cast<std::size_t>(flip_lane)] = std::bit_cast<double>(bits(s[static_cast<std::size_t>(flip_lane)]) ^ 1U);
    for (std::size_t i = 0; i < 4; ++i) {
      const auto p = gm::sigmoid_and_prime(x[i]);
      const auto q = gm::sigmoid_and_complement(x[i]);
      const bool same = bits(s[i]) == bits(p.sigma) && bits(sp[i]) == bits(p.sigma_prime) &&
                        bits(cs[i]) == bits(q.sigma) && bits(cc[i]) == bits(q.complement);
      ++report.compared;
      if (!same) {
        if (report.mismatches == 0) {
          char line[160];
          std::snprintf(line, sizeof line, "lane %zu of the chunk at x = %a (bits %016llx)", i, x[i],
                        static_cast<unsigned long long>(bits(x[i])));
          report.first = line;
        }
        ++report.mismatches;
      }
    }
  }
}

#if GRADPROOF_SIMD
/// The mirrored logistic parts on the lanes L (Lanes4, or BaselineLanes4: two SSE2 halves in a
/// build without AVX), lane by lane, against detail::logistic (x in the common range only: that
/// is the mirrors' domain; the callers test the range first).
template <class L>
long logistic_parts_mismatches(const std::vector<double>& args) {
  long mismatches = 0;
  std::vector<double> in_range;
  for (const double x : args)
    if (x >= gradproof::detail::logistic_left_tail && x < gradproof::detail::exp_normal_range) in_range.push_back(x);
  for (std::size_t c = 0; c + 4 <= in_range.size(); c += 4) {
    const auto p4 = gradproof::detail::logistic_common(L::load(in_range.data() + c));
    for (std::size_t i = 0; i < 4; ++i) {
      const auto p = gradproof::detail::logistic(in_range[c + i]);
      const int lane = static_cast<int>(i);
      mismatches += bits(p4.e.hi[lane]) != bits(p.e.hi) || bits(p4.e.lo[lane]) != bits(p.e.lo) ||
                    bits(p4.d[lane]) != bits(p.d) || bits(p4.d_lo[lane]) != bits(p.d_lo) ||
                    bits(p4.q[lane]) != bits(p.q);
    }
  }
  return mismatches;
}
#endif

TEST(simd_lanes, lane_wise_functions_are_the_scalar_ones) {
  std::vector<double> args = edge_arguments();
  for (std::uint64_t i = 0; i < GRADPROOF_SIMD_LANES_RANDOM; ++i) args.push_back(random_argument(i));
  LaneReport report;
  check_lanes(args.data(), args.size(), report);
  // The same arguments shifted by one, two and three lanes: every argument in every lane.
  for (std::size_t shift = 1; shift < 4; ++shift) check_lanes(args.data() + shift, args.size() - shift, report);
  EXPECT_EQ(report.mismatches, 0) << report.mismatches << " of " << report.compared << " lanes differ; first: " << report.first;
  std::printf("compared %ld lanes (4 values each) of the lane-wise functions with the scalar ones: %ld differ\n",
              report.compared, report.mismatches);
#if GRADPROOF_SIMD
  EXPECT_EQ(logistic_parts_mismatches<gradproof::detail::Lanes4>(args), 0);
  EXPECT_EQ(logistic_parts_mismatches<gradproof::detail::BaselineLanes4>(args), 0);
#endif
}

TEST(simd_lanes, known_bad_twin_a_flipped_lane_is_found) {
  const std::vector<double> args = edge_arguments();
  for (int lane = 0; lane < 4; ++lane) {
    LaneReport report;
    check_lanes(args.data(), args.size(), report, lane);
    EXPECT_GT(report.mismatches, 0) << "a flipped bit in lane " << lane << " went unnoticed";
  }
}

// ---- The fused step ---------------------------------------------------------------------------

/// The fused step assembled from the scalar functions only (one sigmoid_and_prime(double) per
/// hidden unit, never the lane-wise overload), in sgd_step_scalar's order. `sigma_for_prime`:
/// the known-bad twin, σ where σ′ belongs.
template <std::size_t In, std::size_t H>
gradproof::Network<double, In, H> scalar_step(const gradproof::Network<double, In, H>& net,
                                              const gradproof::ColVector<double, In>& x, double y, double eta,
                                              bool sigma_for_prime = false) {
  auto next = net;
  const auto z = net.W * x + net.b1;
  gradproof::ColVector<double, H> h, sp;
  for (std::size_t i = 0; i < H; ++i) {
    const auto p = gm::sigmoid_and_prime(z.data[i]);
    h.data[i] = p.sigma;
    sp.data[i] = sigma_for_prime ? p.sigma : p.sigma_prime;
  }
  gradproof::detail::sgd_update_in_place(next, x, y, eta, h, sp, gradproof::detail::logit(net, h));
  return next;
}

template <std::size_t In, std::size_t H>
bool same_network(const gradproof::Network<double, In, H>& a, const gradproof::Network<double, In, H>& b) {
  return std::bit_cast<std::array<unsigned char, sizeof a>>(a) == std::bit_cast<std::array<unsigned char, sizeof b>>(b);
}

namespace nets = gradproof::test::nets;

TEST(simd_lanes, fused_step_is_the_scalar_step_on_the_ad_battery) {
  struct Case {
    const char* name;
    gradproof::Network<double> net;
    gradproof::ColVector<double, 3> x;
  };
  const Case cases[] = {{"everyday", nets::everyday<double>, nets::everyday_x<double>},
                        {"hidden_saturated", nets::hidden_saturated<double>, nets::saturating_x<double>},
                        {"output_saturated(+)", nets::output_saturated(1.0), nets::everyday_x<double>},
                        {"output_saturated(-)", nets::output_saturated(-1.0), nets::everyday_x<double>},
                        {"both_saturated", nets::both_saturated<double>, nets::saturating_x<double>},
                        {"zero", gradproof::Network<double>{}, nets::everyday_x<double>}};
  for (const Case& c : cases) {
    for (const double y : {0.0, 1.0, 0.25}) {
      for (const double eta : {0.5, 0.0625}) {
        const auto simd = gradproof::sgd_step(c.net, c.x, y, eta);
        EXPECT_TRUE(same_network(simd, scalar_step(c.net, c.x, y, eta))) << c.name << " y " << y << " eta " << eta;
        auto in_place = c.net;
        gradproof::sgd_step_in_place(in_place, c.x, y, eta);
        EXPECT_TRUE(same_network(in_place, simd)) << c.name << " (in place) y " << y << " eta " << eta;
      }
    }
  }
  // Known-bad twin: the same comparison tells a step with σ for σ′ apart.
  EXPECT_FALSE(same_network(gradproof::sgd_step(nets::everyday<double>, nets::everyday_x<double>, 1.0, 0.5),
                            scalar_step(nets::everyday<double>, nets::everyday_x<double>, 1.0, 0.5, true)));
}

// The compile-time value of the fused step on the battery (the constant evaluation's scalar path).
constexpr auto kEverydayStep = gradproof::sgd_step(nets::everyday<double>, nets::everyday_x<double>, 1.0, 0.5);
constexpr auto kSaturatedStep = gradproof::sgd_step(nets::both_saturated<double>, nets::saturating_x<double>, 0.0, 0.5);
volatile double opaque_one = 1.0;

TEST(simd_lanes, fused_step_run_time_is_compile_time) {
  const double one = opaque_one;  // the optimiser cannot fold the run-time steps
  EXPECT_TRUE(same_network(gradproof::sgd_step(nets::everyday<double>, nets::everyday_x<double>, one, 0.5 * one),
                           kEverydayStep));
  EXPECT_TRUE(same_network(gradproof::sgd_step(nets::both_saturated<double>, nets::saturating_x<double>, 0.0 * one, 0.5 * one),
                           kSaturatedStep));
}

TEST(simd_lanes, fused_step_is_the_scalar_step_on_random_networks) {
  std::mt19937_64 rng(0x66757365645f7374ULL);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  long differ = 0;
  constexpr int count = 20000;
  for (int n = 0; n < count; ++n) {
    // Weights up to 1.5, every third network up to 20 (saturating some hidden units), every fifth
    // with |U| up to 30 (saturating the output).
    const double w = n % 3 == 0 ? 20.0 : 1.5;
    gradproof::Network<double> net;
    for (double& v : net.W.data) v = w * unit(rng);
    for (double& v : net.b1.data) v = w * unit(rng);
    for (double& v : net.U.data) v = (n % 5 == 0 ? 30.0 : 1.5) * unit(rng);
    net.b2 = unit(rng);
    gradproof::ColVector<double, 3> x;
    for (double& v : x.data) v = 2.0 * unit(rng);
    const double y = n % 4 == 3 ? 0.5 + 0.5 * unit(rng) : static_cast<double>(n % 2);
    differ += !same_network(gradproof::sgd_step(net, x, y, 0.25), scalar_step(net, x, y, 0.25));
  }
  EXPECT_EQ(differ, 0) << differ << " of " << count << " random steps differ";
}

// Other input sizes with 4 hidden units: W's columns are read and written entry by entry there
// (the 3-input network's go by shuffles where AVX is on).
template <std::size_t In>
long other_inputs_differ(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  long differ = 0;
  for (int n = 0; n < 2000; ++n) {
    gradproof::Network<double, In, 4> net;
    for (double& v : net.W.data) v = (n % 3 == 0 ? 20.0 : 1.5) * unit(rng);
    for (double& v : net.b1.data) v = unit(rng);
    for (double& v : net.U.data) v = 1.5 * unit(rng);
    net.b2 = unit(rng);
    gradproof::ColVector<double, In> x;
    for (double& v : x.data) v = 2.0 * unit(rng);
    const double y = static_cast<double>(n % 2);
    differ += !same_network(gradproof::sgd_step(net, x, y, 0.25), scalar_step(net, x, y, 0.25));
  }
  return differ;
}
TEST(simd_lanes, fused_step_with_1_2_and_5_inputs) {
  std::mt19937_64 rng(0x696e70757473ULL);
  EXPECT_EQ(other_inputs_differ<1>(rng), 0);
  EXPECT_EQ(other_inputs_differ<2>(rng), 0);
  EXPECT_EQ(other_inputs_differ<5>(rng), 0);
}

/// sgd_epoch assembled from the scalar functions only, in sgd_epoch's order: each next z from the
/// network before the update and the correction (detail::sgd_update_in_place with next_x).
template <std::size_t N>
gradproof::Network<double> scalar_epoch(gradproof::Network<double> net,
                                        const std::array<gradproof::Sample<double>, N>& samples, double eta) {
  auto z = net.W * samples[0].x + net.b1;
  for (std::size_t k = 0; k < N; ++k) {
    gradproof::ColVector<double, 4> h, sp;
    for (std::size_t i = 0; i < 4; ++i) {
      const auto p = gm::sigmoid_and_prime(z.data[i]);
      h.data[i] = p.sigma;
      sp.data[i] = p.sigma_prime;
    }
    gradproof::ColVector<double, 4> next_z;
    const bool more = k + 1 < N;
    gradproof::detail::sgd_update_in_place(net, samples[k].x, samples[k].y, eta, h, sp, gradproof::detail::logit(net, h),
                                           more ? &samples[k + 1].x : nullptr, more ? &next_z : nullptr);
    z = next_z;
  }
  return net;
}

TEST(simd_lanes, epoch_is_the_scalar_epoch) {
  std::mt19937_64 rng(0x65706f6368ULL);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  long differ = 0;
  constexpr int count = 500;
  for (int n = 0; n < count; ++n) {
    const double w = n % 3 == 0 ? 20.0 : 1.5;
    gradproof::Network<double> net;
    for (double& v : net.W.data) v = w * unit(rng);
    for (double& v : net.b1.data) v = w * unit(rng);
    for (double& v : net.U.data) v = (n % 5 == 0 ? 30.0 : 1.5) * unit(rng);
    net.b2 = unit(rng);
    std::array<gradproof::Sample<double>, 32> samples{};
    for (auto& s : samples) {
      for (double& v : s.x.data) v = 2.0 * unit(rng);
      s.y = n % 4 == 3 ? 0.5 + 0.5 * unit(rng) : static_cast<double>(rng() & 1U);
    }
    differ += !same_network(gradproof::sgd_epoch(net, samples, 0.25), scalar_epoch(net, samples, 0.25));
  }
  EXPECT_EQ(differ, 0) << differ << " of " << count << " random epochs differ";
}

/// A random network: weights up to 1.5, every third up to 20, every fifth with |U| up to 30.
gradproof::Network<double> random_network(std::mt19937_64& rng, int n) {
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  const double w = n % 3 == 0 ? 20.0 : 1.5;
  gradproof::Network<double> net;
  for (double& v : net.W.data) v = w * unit(rng);
  for (double& v : net.b1.data) v = w * unit(rng);
  for (double& v : net.U.data) v = (n % 5 == 0 ? 30.0 : 1.5) * unit(rng);
  net.b2 = unit(rng);
  return net;
}

template <std::size_t N>
std::array<gradproof::Sample<double>, N> random_samples(std::mt19937_64& rng, bool soft) {
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  std::array<gradproof::Sample<double>, N> samples{};
  for (auto& s : samples) {
    for (double& v : s.x.data) v = 2.0 * unit(rng);
    s.y = soft ? 0.5 + 0.5 * unit(rng) : static_cast<double>(rng() & 1U);
  }
  return samples;
}

// Lockstep: at run time K networks share each stage's vectors (step_many4); each must still get
// what sgd_step and sgd_epoch give it alone.
TEST(simd_lanes, lockstep_is_each_network_alone) {
  std::mt19937_64 rng(0x6c6f636b73746570ULL);
  long differ = 0;
  for (int round = 0; round < 200; ++round) {
    std::array<gradproof::Network<double>, 6> nets{};  // 6: a group of 4 output units and 2 alone
    std::array<double, 6> etas{};
    for (std::size_t k = 0; k < 6; ++k) {
      nets[k] = random_network(rng, round + static_cast<int>(k));
      etas[k] = 0.05 * static_cast<double>(k + 1);
    }
    const auto samples = random_samples<16>(rng, round % 4 == 3);
    auto stepped = nets;
    gradproof::sgd_step_many(stepped, samples[0].x, samples[0].y, etas);
    const auto trained = gradproof::train_many(nets, samples, etas);
    for (std::size_t k = 0; k < 6; ++k) {
      differ += !same_network(stepped[k], gradproof::sgd_step(nets[k], samples[0].x, samples[0].y, etas[k]));
      differ += !same_network(trained[k], gradproof::sgd_epoch(nets[k], samples, etas[k]));
    }
  }
  EXPECT_EQ(differ, 0);
}

// Mini-batch: at run time the batch's forward and backward passes run on 4 lanes (mean_gradient4);
// the mean must be the composed one: backward() per sample, summed in sample order, times 1/count.
TEST(simd_lanes, minibatch_is_its_scalar_assembly) {
  std::mt19937_64 rng(0x6d696e6962617463ULL);
  long differ = 0;
  for (int round = 0; round < 300; ++round) {
    const auto net = random_network(rng, round);
    const auto batch = random_samples<13>(rng, round % 4 == 3);  // 13: three groups of 4 and one alone
    const auto mean = gradproof::mean_gradient(net, batch);
    auto sum = gradproof::backward(net, batch[0].x, batch[0].y);
    for (std::size_t b = 1; b < batch.size(); ++b) {
      const auto g = gradproof::backward(net, batch[b].x, batch[b].y);
      sum.delta1 += g.delta1;
      sum.db2 += g.db2;
      for (std::size_t e = 0; e < 12; ++e) sum.dW.data[e] += g.dW.data[e];
      for (std::size_t i = 0; i < 4; ++i) {
        sum.delta2.data[i] += g.delta2.data[i];
        sum.db1.data[i] += g.db1.data[i];
        sum.dU.data[i] += g.dU.data[i];
      }
    }
    const double inv = 1.0 / 13.0;
    bool same = bits(mean.delta1) == bits(sum.delta1 * inv) && bits(mean.db2) == bits(sum.db2 * inv);
    for (std::size_t e = 0; e < 12; ++e) same = same && bits(mean.dW.data[e]) == bits(sum.dW.data[e] * inv);
    for (std::size_t i = 0; i < 4; ++i)
      same = same && bits(mean.delta2.data[i]) == bits(sum.delta2.data[i] * inv) &&
             bits(mean.db1.data[i]) == bits(sum.db1.data[i] * inv) && bits(mean.dU.data[i]) == bits(sum.dU.data[i] * inv);
    differ += !same;
  }
  EXPECT_EQ(differ, 0);
}

// ---- The long presets ---------------------------------------------------------------------------

/// Threads: GRADPROOF_TEST_THREADS or every core.
unsigned thread_count() {
  if (const char* env = std::getenv("GRADPROOF_TEST_THREADS")) return static_cast<unsigned>(std::max(1, std::atoi(env)));
  return std::max(1U, std::thread::hardware_concurrency());
}

/// Runs check_lanes over [0, total) arguments made by make(i), split over the threads in blocks.
template <class Make>
LaneReport check_in_parallel(std::uint64_t total, Make make) {
  const unsigned threads = thread_count();
  std::vector<LaneReport> reports(threads);
  std::atomic<std::uint64_t> next{0};
  constexpr std::uint64_t block = 1U << 16;
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      std::vector<double> args(block);
      for (;;) {
        const std::uint64_t first = next.fetch_add(block);
        if (first >= total) return;
        const std::uint64_t n = std::min(block, total - first);
        for (std::uint64_t i = 0; i < n; ++i) args[i] = make(first + i);
        check_lanes(args.data(), n, reports[t]);
      }
    });
  }
  for (std::thread& th : pool) th.join();
  LaneReport all;
  for (const LaneReport& r : reports) {
    all.compared += r.compared;
    if (all.mismatches == 0 && r.mismatches > 0) all.first = r.first;
    all.mismatches += r.mismatches;
  }
  return all;
}

TEST(simd_lanes_long, every_float) {
  const LaneReport r = check_in_parallel(std::uint64_t{1} << 32, [](std::uint64_t i) {
    return static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(i)));
  });
  EXPECT_EQ(r.compared, std::int64_t{1} << 32);
  EXPECT_EQ(r.mismatches, 0) << "first: " << r.first;
  std::printf("every float: %ld lanes compared, %ld differ\n", r.compared, r.mismatches);
}

TEST(simd_lanes_long, random_doubles_and_edges) {
  const std::vector<double> edges = edge_arguments();
  LaneReport r;
  check_lanes(edges.data(), edges.size(), r);
  constexpr std::uint64_t total = 100000000;  // 10^8
  const LaneReport random = check_in_parallel(total, [](std::uint64_t i) { return random_argument(i + (1U << 30)); });
  EXPECT_EQ(r.mismatches + random.mismatches, 0) << "first: " << (r.mismatches ? r.first : random.first);
  std::printf("10^8 random doubles and %zu edges: %ld lanes compared, %ld differ\n", edges.size(),
              r.compared + random.compared, r.mismatches + random.mismatches);
}

}  // namespace
