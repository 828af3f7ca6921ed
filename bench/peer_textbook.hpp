// bench/peer_textbook.hpp: the textbook peer (textbook.hpp) as a policy of bench/peer.hpp.
#ifndef GRADPROOF_BENCH_PEER_TEXTBOOK_HPP
#define GRADPROOF_BENCH_PEER_TEXTBOOK_HPP

#include <gradproof/gradproof.hpp>

#include <cstddef>

#include "bench_data.hpp"
#include "peer.hpp"
#include "textbook.hpp"

namespace gradproof_bench {

struct TextbookPeer : PerSamplePeer<TextbookPeer, textbook::Net, textbook::Sample> {
  static constexpr const char* name = "textbook";

  static void set_sample(Input& in, const GpSample& s) {
    for (std::size_t j = 0; j < Net::inputs; ++j) in.x[j] = s.x(j, 0);
    in.y = s.y;
  }
  [[gnu::always_inline]] static void step(State& net, const Input& s, double eta) {
    textbook::sgd_step(net, s.x, s.y, eta);
  }
  static double loss(double y_hat, double y) { return textbook::loss(y_hat, y); }
  [[gnu::always_inline]] static textbook::Forward forward(const State& net, const Input& s) {
    textbook::Forward f;
    textbook::forward(net, s.x, f);
    return f;
  }
  [[gnu::always_inline]] static textbook::Gradients backward(const State& net, const Input& s) {
    textbook::Gradients g;
    textbook::backward(net, s.x, s.y, g);
    return g;
  }
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_TEXTBOOK_HPP
