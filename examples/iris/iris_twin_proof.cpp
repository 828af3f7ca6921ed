// examples/iris/iris_twin_proof.cpp: the known-bad twin of iris_proof.cpp. The same network,
// the same start, rate, epochs and samples, but the training labels permuted among the flowers
// (iris_training.hpp's with_shuffled_labels): 40 of each class, no longer following the
// measurements. Compiling this file proves that the bounds of iris_proof.cpp are not met by
// merely training: the network cannot fit labels that do not follow the flowers, neither the
// labels it was trained on nor the true ones.
//
// Cost: another 8,000 SGD steps (20 constexpr variables of 400); a translation unit of its
// own, so that it builds in parallel with iris_proof.cpp. No constexpr limit is raised.
#include "iris_training.hpp"

namespace gradproof::iris {
namespace {

constexpr const Net& twin = compile_time_training<ShuffledLabels>[epochs];

// On the labels it was trained on: far from the training bounds (about 0.69 and 45 of 80).
static_assert(!(mean_loss(twin, shuffled_train) < max_train_loss));
static_assert(!(correct(twin, shuffled_train) >= min_train_correct));
static_assert(!meets_bounds(twin, shuffled_train, split.test));

// On the flowers' own labels it is no better than a coin (about 0.71 and 25 of 80).
static_assert(!(mean_loss(twin, split.train) < max_train_loss));
static_assert(!(correct(twin, split.train) >= min_train_correct));
static_assert(!meets_bounds(twin, split.train, split.test));

}  // namespace
}  // namespace gradproof::iris
