#define BOOST_TEST_MODULE rng
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <vector>

#include "base/rng.hpp"

using namespace shapegen;

BOOST_AUTO_TEST_CASE(same_seed_same_sequence_different_seed_different_sequence) {
  Rng a(42), b(42), c(43);
  int same_as_c = 0;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next_u64();
    BOOST_TEST(x == b.next_u64());
    same_as_c += x == c.next_u64();
  }
  BOOST_TEST(same_as_c == 0);
}

BOOST_AUTO_TEST_CASE(building_blocks_match_their_reference_values) {
  std::uint64_t state = 0;
  BOOST_TEST(splitmix64(state) == 0xe220a8397b1dcdafULL);
  BOOST_TEST(splitmix64(state) == 0x6e789e6aa1b965f4ULL);
  BOOST_TEST(hash_name("") == 0xcbf29ce484222325ULL);
  BOOST_TEST(hash_name("a") == 0xaf63dc4c8601ec8cULL);
}

BOOST_AUTO_TEST_CASE(sample_seeds_and_streams_are_distinct) {
  BOOST_TEST(sample_seed(1, 0) != sample_seed(1, 1));
  BOOST_TEST(sample_seed(1, 0) != sample_seed(2, 0));
  BOOST_TEST(sample_seed(1, 7) == sample_seed(1, 7));
  Rng scene = Rng::stream(99, "scene"), noise = Rng::stream(99, "noise");
  BOOST_TEST(scene.next_u64() != noise.next_u64());
}

BOOST_AUTO_TEST_CASE(uniform_has_the_moments_of_a_uniform) {
  Rng r(7);
  const int n = 200000;
  double sum = 0, sum2 = 0, lo = 1, hi = 0;
  for (int i = 0; i < n; ++i) {
    const double x = r.uniform01();
    sum += x, sum2 += x * x;
    lo = std::min(lo, x), hi = std::max(hi, x);
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  BOOST_TEST(std::abs(mean - 0.5) < 0.005);
  BOOST_TEST(std::abs(var - 1.0 / 12) < 0.002);
  BOOST_TEST(lo >= 0.0);
  BOOST_TEST(hi < 1.0);
  BOOST_TEST(r.uniform(3, 3) == 3.0);
}

BOOST_AUTO_TEST_CASE(uniform_int_is_inclusive_and_flat) {
  Rng r(11);
  std::vector<int> counts(7, 0);
  const int n = 70000;
  for (int i = 0; i < n; ++i) {
    const auto v = r.uniform_int(-3, 3);
    BOOST_REQUIRE(v >= -3);
    BOOST_REQUIRE(v <= 3);
    ++counts[v + 3];
  }
  double chi2 = 0;
  for (int c : counts) chi2 += (c - n / 7.0) * (c - n / 7.0) / (n / 7.0);
  BOOST_TEST(chi2 < 22.46);  // chi-square, 6 degrees of freedom, p = 0.001
}

BOOST_AUTO_TEST_CASE(normal_has_mean_zero_and_unit_variance) {
  Rng r(3);
  const int n = 200000;
  double sum = 0, sum2 = 0, beyond3 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = r.normal();
    sum += x, sum2 += x * x;
    beyond3 += std::abs(x) > 3;
  }
  BOOST_TEST(std::abs(sum / n) < 0.01);
  BOOST_TEST(std::abs(sum2 / n - 1) < 0.02);
  BOOST_TEST(beyond3 / n < 0.0035);  // 0.27% expected
}

BOOST_AUTO_TEST_CASE(choice_follows_weights_and_skips_zero_weights) {
  Rng r(5);
  const double weights[] = {1, 0, 3};
  int counts[3] = {0, 0, 0};
  const int n = 40000;
  for (int i = 0; i < n; ++i) ++counts[r.choice(weights)];
  BOOST_TEST(counts[1] == 0);
  BOOST_TEST(std::abs(counts[0] / double(n) - 0.25) < 0.01);
  BOOST_TEST(std::abs(counts[2] / double(n) - 0.75) < 0.01);
}

BOOST_AUTO_TEST_CASE(bernoulli_rate) {
  Rng r(9);
  int hits = 0;
  for (int i = 0; i < 50000; ++i) hits += r.bernoulli(0.2);
  BOOST_TEST(std::abs(hits / 50000.0 - 0.2) < 0.01);
  BOOST_TEST(!Rng(1).bernoulli(0.0));
}
