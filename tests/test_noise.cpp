#define BOOST_TEST_MODULE noise
// The per-value random ops drawn from tables or shared draws (shot_noise by
// inversion of a CDF per level, sign_noise 64 signs a draw, salt_pepper a
// draw per hit) keep their distributions.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>

#include "shapegen/generator.hpp"
#include "test_support.hpp"

using namespace shapegen;

namespace {

// Samples of a flat gray image at `level`, 128 x 128, with `op` at p = 1.
std::vector<Image> flat_samples(int level, const Assignments& op, int n = 4) {
  Assignments o = {{"image.width", "128"},
                   {"image.height", "128"},
                   {"image.background", std::to_string(level)},
                   {"style.foreground", std::to_string(level)}};
  o.insert(o.end(), op.begin(), op.end());
  const Generator generator(test::preset_config("basic", o));
  std::vector<Image> out;
  for (int i = 0; i < n; ++i) out.push_back(generator.make(std::uint64_t(i), 1).image);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(shot_noise_has_poisson_mean_and_variance_at_every_level) {
  for (int level : {3, 20, 64, 128, 250})
    for (double peak : {30.0, 100.0, 400.0}) {  // photon means from 0.35 to 392: table and normal
      // The output level's mean and variance when the photon count is
      // Poisson: levels are counts * 255 / peak, rounded and clamped.
      const double photons = level / 255.0 * peak;
      double want = 0, want2 = 0, p = std::exp(-photons);
      for (int k = 0; k < 2000; p *= photons / ++k) {
        const double v = std::min(255.0, std::floor(k * 255 / peak + 0.5));
        want += p * v, want2 += p * v * v;
      }
      const double want_var = want2 - want * want;
      double sum = 0, sum2 = 0, n = 0;
      for (const Image& img :
           flat_samples(level, {{"shot_noise.p", "1"}, {"shot_noise.peak", std::to_string(peak)}}))
        for (auto v : img.pixels) sum += v, sum2 += double(v) * v, ++n;
      const double mean = sum / n, var = sum2 / n - mean * mean;
      BOOST_TEST(std::abs(mean - want) <= 0.01 * want + 0.05,
                 "level " << level << " peak " << peak << ": mean " << mean << ", want " << want);
      BOOST_TEST(
          std::abs(var - want_var) <= 0.05 * want_var + 0.05,
          "level " << level << " peak " << peak << ": variance " << var << ", want " << want_var);
    }
}

BOOST_AUTO_TEST_CASE(salt_pepper_hits_its_fraction_half_salt_half_pepper) {
  for (const char* amount : {"0.01", "0.1", "0.5", "1"}) {
    double hit = 0, salt = 0, n = 0;
    for (const Image& img :
         flat_samples(100, {{"salt_pepper.p", "1"}, {"salt_pepper.amount", amount}}))
      for (auto v : img.pixels) hit += v == 0 || v == 255, salt += v == 255, ++n;
    const double a = std::stod(amount);
    BOOST_TEST(std::abs(hit / n - a) <= 0.05 * a, "amount " << a << ": " << hit / n);
    BOOST_TEST(std::abs(salt / hit - 0.5) <= 0.03, "amount " << a << ": salt " << salt / hit);
  }
  for (const Image& img : flat_samples(100, {{"salt_pepper.p", "1"}, {"salt_pepper.amount", "0"}}))
    for (auto v : img.pixels) BOOST_TEST(v == 100);
}

BOOST_AUTO_TEST_CASE(sign_noise_moves_every_value_by_delta_half_up_half_down) {
  double up = 0, n = 0;
  for (const Image& img :
       flat_samples(100, {{"sign_noise.p", "1"}, {"sign_noise.epsilon", "0.02"}}))
    for (auto v : img.pixels) {
      BOOST_TEST((v == 105 || v == 95));
      up += v == 105, ++n;
    }
  BOOST_TEST(std::abs(up / n - 0.5) <= 0.01);
}
