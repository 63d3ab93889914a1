#define BOOST_TEST_MODULE augment
// Augmentation: labels stay exact under every geometric op, raster ops do
// what their parameters say (measured on pixels), streams are independent.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>

#include "augment/augment.hpp"
#include "render/raster.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/error.hpp"
#include "shapegen/generator.hpp"
#include "test_support.hpp"

using namespace shapegen;

namespace {

Generator generator(const Assignments& overrides, const std::string& preset = "basic") {
  return Generator(test::preset_config(preset, overrides));
}

const OpRecord* find_record(const Sample& s, const std::string& op) {
  for (const OpRecord& r : s.augment)
    if (r.op == op) return &r;
  return nullptr;
}

double record_number(const OpRecord& r, const std::string& name) {
  for (const auto& [key, value] : r.values)
    if (key == name) return std::get<double>(value);
  BOOST_FAIL("no value " + name + " in record of " + r.op);
  return 0;
}

// Mean squared difference between horizontal and vertical neighbours: high
// frequencies.
double gradient_energy(const Image& img) {
  double sum = 0;
  for (int y = 0; y + 1 < img.height; ++y)
    for (int x = 0; x + 1 < img.width; ++x) {
      const double dx = img.at(x + 1, y) - img.at(x, y), dy = img.at(x, y + 1) - img.at(x, y);
      sum += dx * dx + dy * dy;
    }
  return sum / (img.width * img.height);
}

double mean(const Image& img) {
  double s = 0;
  for (auto v : img.pixels) s += v;
  return s / img.pixels.size();
}

double stddev(const Image& img) {
  const double m = mean(img);
  double s = 0;
  for (auto v : img.pixels) s += (v - m) * (v - m);
  return std::sqrt(s / img.pixels.size());
}

// Each geometric op, strong enough to matter.
const std::vector<std::pair<std::string, Assignments>> kGeometric = {
    {"affine",
     {{"affine.p", "1"},
      {"affine.rotation", "0..360"},
      {"affine.scale", "0.6..1.3"},
      {"affine.aspect", "0.5..2"},
      {"affine.shear_x", "-30..30"},
      {"affine.shear_y", "-20..20"},
      {"affine.flip_h", "0.5"},
      {"affine.flip_v", "0.5"}}},
    {"perspective", {{"perspective.p", "1"}, {"perspective.tilt", "20..60"}}},
    {"elastic", {{"elastic.p", "1"}, {"elastic.amplitude", "1..3"}}},
    {"sketch",
     {{"sketch.p", "1"},
      {"sketch.gap", "2..8"},
      {"sketch.overshoot", "1..4"},
      {"sketch.dash_p", "0.5"},
      {"sketch.width_jitter", "0.3..0.6"}}},
};

}  // namespace

BOOST_AUTO_TEST_CASE(bbox_and_vertices_follow_every_geometric_op) {
  for (const auto& [op, overrides] : kGeometric)
    for (const char* fill : {"outline", "filled"}) {
      Assignments o = overrides;
      o.emplace_back("style.fill", std::string(fill) + ":1");
      o.emplace_back("style.stroke_width", "1..4");
      o.emplace_back("shape.size", "0.3..0.7");
      const Generator gen = generator(o);
      for (std::uint64_t i = 0; i < 30; ++i) {
        const Sample s = gen.make(i, 1);
        BOOST_TEST_CONTEXT(op << " " << fill << " sample " << i) {
          BOOST_REQUIRE(find_record(s, op));
          const ObjectLabel& l = s.objects.at(0);
          const Image mask =
              render_coverage(s.scene, l.object, 0, 0, s.scene.width, s.scene.height);
          const Box ink = test::mask_extents(mask);
          BOOST_TEST(std::abs(l.bbox.x0 - ink.x0) <= 1.0);
          BOOST_TEST(std::abs(l.bbox.y0 - ink.y0) <= 1.0);
          BOOST_TEST(std::abs(l.bbox.x1 - ink.x1) <= 1.0);
          BOOST_TEST(std::abs(l.bbox.y1 - ink.y1) <= 1.0);
          // The gap of a sketched stroke may fall on a vertex: skip those.
          if (l.object.shape != test::shape_class("circle") && op != "sketch")
            for (const VertexLabel& v : l.vertices)
              if (v.in_frame) BOOST_TEST(test::coverage_near(mask, v.point, 1) > 0);
          if (std::string(fill) == "filled") {
            // Polygon area (of the part in frame) against the coverage Cairo drew.
            const auto inside = clip_polygon(
                l.object.outline, Box{0, 0, double(s.scene.width), double(s.scene.height)});
            const double area = inside.size() >= 3 ? polygon_area(inside) : 0;
            BOOST_TEST(std::abs(coverage_area(mask) - area) <= 0.02 * area + 2);
          }
        }
      }
    }
}

BOOST_AUTO_TEST_CASE(crop_visible_fraction_matches_independent_clipping) {
  const Generator gen =
      generator({{"crop.p", "1"}, {"crop.visible", "0.3..0.9"}, {"style.fill", "filled:1"}});
  for (std::uint64_t i = 0; i < 60; ++i) {
    const Sample s = gen.make(i, 1);
    const ObjectLabel& l = s.objects.at(0);
    const auto inside =
        clip_polygon(l.object.outline, Box{0, 0, double(s.scene.width), double(s.scene.height)});
    const double expected =
        inside.size() >= 3 ? polygon_area(inside) / polygon_area(l.object.outline) : 0;
    BOOST_TEST_CONTEXT("sample " << i) {
      BOOST_TEST(std::abs(l.visible_fraction - expected) <= 0.02);
      // The crop reached its target (whole-pixel shifts: within a few percent).
      const OpRecord* r = find_record(s, "crop");
      BOOST_REQUIRE(r);
      BOOST_TEST(std::abs(record_number(*r, "visible") - record_number(*r, "target_visible")) <=
                 0.06);
      BOOST_TEST(std::abs(record_number(*r, "visible") - l.visible_fraction) <= 0.01);
      for (const VertexLabel& v : l.vertices)
        BOOST_TEST(v.in_frame ==
                   (v.point.x >= 0 && v.point.y >= 0 && v.point.x < 64 && v.point.y < 64));
    }
  }
}

BOOST_AUTO_TEST_CASE(occluders_update_visible_fraction_bbox_and_vertices) {
  // White ink on black, occluders filled with the background: the image
  // itself shows exactly the visible ink.
  for (const char* fill : {"outline", "filled"}) {
    const Generator gen = generator({{"occlude.p", "1"},
                                     {"occlude.fill", "background:1"},
                                     {"occlude.hidden", "0.2..0.6"},
                                     {"style.fill", std::string(fill) + ":1"}});
    int hidden_vertices = 0;
    for (std::uint64_t i = 0; i < 60; ++i) {
      const Sample s = gen.make(i, 1);
      const ObjectLabel& l = s.objects.at(0);
      BOOST_TEST_CONTEXT(fill << " sample " << i) {
        const Image full = render_scene(s.scene);  // the same scene, before the occluder
        const double measured = mean(s.image) / mean(full);
        BOOST_TEST(std::abs(l.visible_fraction - measured) <= 0.02);
        const OpRecord* r = find_record(s, "occlude");
        BOOST_REQUIRE(r);
        BOOST_TEST(std::abs(l.visible_fraction - (1 - record_number(*r, "hidden"))) <= 0.02);
        // Pixels showing its ink: any ink the occluder covers less than half
        // of (it keeps more than half its value), else half a pixel's worth.
        Image showing = s.image;
        for (std::size_t k = 0; k < showing.pixels.size(); ++k)
          if (2 * showing.pixels[k] < full.pixels[k] && showing.pixels[k] < 128)
            showing.pixels[k] = 0;
        const Box shown = test::mask_extents(showing);
        BOOST_TEST(std::abs(l.bbox.x0 - shown.x0) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.y0 - shown.y0) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.x1 - shown.x1) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.y1 - shown.y1) <= 1.0);
        for (const VertexLabel& v : l.vertices) {
          if (l.object.shape == test::shape_class("circle")) continue;  // the centre holds no ink
          // A visible vertex still shows ink; a hidden one lost most of it.
          if (v.visible)
            BOOST_TEST(test::coverage_near(s.image, v.point, 1) > 0);
          else
            BOOST_TEST(test::coverage_near(s.image, v.point, 0) <
                       test::coverage_near(full, v.point, 0));
          hidden_vertices += !v.visible;
        }
      }
    }
    BOOST_TEST(hidden_vertices > 5);  // the case under test really happened
  }
}

BOOST_AUTO_TEST_CASE(noise_statistics_match_their_parameters) {
  // A flat mid-gray image (shape drawn in the background level) shows the
  // noise alone.
  const Assignments flat = {{"image.background", "128"}, {"style.foreground", "128"}};
  auto with = [&](Assignments extra) {
    Assignments o = flat;
    o.insert(o.end(), extra.begin(), extra.end());
    return generator(o);
  };
  for (std::uint64_t i = 0; i < 5; ++i) {
    const Sample g =
        with({{"gaussian_noise.p", "1"}, {"gaussian_noise.sigma", "4..20"}}).make(i, 1);
    const double sigma = record_number(*find_record(g, "gaussian_noise"), "sigma");
    BOOST_TEST(std::abs(stddev(g.image) - sigma) <= 0.1 * sigma, "gaussian sigma " << sigma);

    const Sample sp = with({{"speckle.p", "1"}, {"speckle.sigma", "0.05..0.2"}}).make(i, 1);
    const double rel = record_number(*find_record(sp, "speckle"), "sigma");
    BOOST_TEST(std::abs(stddev(sp.image) - 128 * rel) <= 0.1 * 128 * rel, "speckle sigma " << rel);

    const Sample sh = with({{"shot_noise.p", "1"}, {"shot_noise.peak", "30..200"}}).make(i, 1);
    const double peak = record_number(*find_record(sh, "shot_noise"), "peak");
    const double expected = 255 / peak * std::sqrt(128 / 255.0 * peak);  // Poisson: variance = mean
    BOOST_TEST(std::abs(stddev(sh.image) - expected) <= 0.1 * expected, "shot peak " << peak);

    const Sample salt =
        with({{"salt_pepper.p", "1"}, {"salt_pepper.amount", "0.02..0.1"}}).make(i, 1);
    const double amount = record_number(*find_record(salt, "salt_pepper"), "amount");
    double hit = 0;
    for (auto v : salt.image.pixels) hit += v == 0 || v == 255;
    BOOST_TEST(std::abs(hit / salt.image.pixels.size() - amount) <= 0.2 * amount + 0.005);
  }
}

BOOST_AUTO_TEST_CASE(sign_noise_never_exceeds_its_budget) {
  const Generator gen =
      generator({{"sign_noise.p", "1"}, {"sign_noise.epsilon", "0.007..0.05"}}, "augmented");
  for (std::uint64_t i = 0; i < 20; ++i) {
    // Everything else of the augmented preset stays on; compare against the
    // same variant with sign_noise off.
    const Sample with = gen.make(i, 1);
    const Sample without = generator({{"sign_noise.p", "0"}}, "augmented").make(i, 1);
    const OpRecord* r = find_record(with, "sign_noise");
    BOOST_REQUIRE(r);
    const double epsilon = record_number(*r, "epsilon");
    const int delta = int(std::floor(epsilon * 255 + 1e-9));
    for (std::size_t k = 0; k < with.image.pixels.size(); ++k) {
      const int change = std::abs(int(with.image.pixels[k]) - int(without.image.pixels[k]));
      BOOST_REQUIRE(change <= epsilon * 255);
      const int before = without.image.pixels[k];
      if (before >= delta && before <= 255 - delta) BOOST_REQUIRE(change == delta);
    }
  }
}

BOOST_AUTO_TEST_CASE(blur_removes_and_sharpen_adds_high_frequencies) {
  for (std::uint64_t i = 0; i < 5; ++i) {
    const double original = gradient_energy(generator({}).make(i, 0).image);
    for (const char* blur : {"gaussian_blur", "box_blur", "motion_blur"}) {
      const Sample s = generator({{std::string(blur) + ".p", "1"}}).make(i, 1);
      BOOST_TEST(gradient_energy(s.image) < 0.7 * original, blur);
      BOOST_TEST(std::abs(mean(s.image) - mean(generator({}).make(i, 0).image)) < 2.0, blur);
    }
    // Sharpening a soft image brings edges back.
    const Sample soft =
        generator({{"gaussian_blur.p", "1"}, {"gaussian_blur.sigma", "1"}}).make(i, 1);
    const Sample sharp = generator({{"gaussian_blur.p", "1"},
                                    {"gaussian_blur.sigma", "1"},
                                    {"sharpen.p", "1"},
                                    {"sharpen.amount", "1..1.5"},
                                    {"sharpen.radius", "1..1.5"}})
                             .make(i, 1);
    BOOST_TEST(gradient_energy(sharp.image) > 1.2 * gradient_energy(soft.image));
  }
}

BOOST_AUTO_TEST_CASE(inversion_maps_v_to_255_minus_v) {
  const Generator gen = generator({{"contrast.p", "1"},
                                   {"contrast.invert", "1"},
                                   {"contrast.contrast", "1"},
                                   {"contrast.brightness", "0"},
                                   {"contrast.gamma", "1"}},
                                  "color");
  for (std::uint64_t i = 0; i < 10; ++i) {
    const Image original = gen.make(i, 0).image, inverted = gen.make(i, 1).image;
    for (std::size_t k = 0; k < original.pixels.size(); ++k)
      BOOST_REQUIRE(inverted.pixels[k] == 255 - original.pixels[k]);
  }
}

BOOST_AUTO_TEST_CASE(contrast_difference_reaches_its_target) {
  const Generator gen = generator({{"contrast.p", "1"},
                                   {"contrast.difference", "60..200"},
                                   {"contrast.contrast", "1"},
                                   {"contrast.brightness", "0"},
                                   {"contrast.gamma", "1"},
                                   {"style.fill", "filled:1"},
                                   {"image.background", "20"},
                                   {"style.foreground", "255"}});
  for (std::uint64_t i = 0; i < 10; ++i) {
    const Sample s = gen.make(i, 1);
    const double target = record_number(*find_record(s, "contrast"), "difference");
    const auto [lo, hi] = std::minmax_element(s.image.pixels.begin(), s.image.pixels.end());
    BOOST_TEST(std::abs((*hi - *lo) - target) <= 1.0);
  }
}

BOOST_AUTO_TEST_CASE(background_textures_vary_under_the_shapes) {
  for (const char* kind : {"gradient", "noise"}) {
    const Generator gen = generator({{"background.p", "1"},
                                     {"background.kind", std::string(kind) + ":1"},
                                     {"background.color", "200"},
                                     {"shape.size", "0.2"}});
    const Sample s = gen.make(0, 1);
    // Corners hold no ink: they show the texture, which is not flat.
    const int corners[] = {s.image.at(0, 0), s.image.at(63, 0), s.image.at(0, 63),
                           s.image.at(63, 63)};
    BOOST_TEST(
        *std::max_element(corners, corners + 4) - *std::min_element(corners, corners + 4) > 20,
        kind);
  }
}

// The one grouping of ops: every op once, by family in the families' order
// (each family's ops together, in the default order), every family used and
// each in one phase, so a family's section of the docs is all scene or all
// pixel ops.
BOOST_AUTO_TEST_CASE(ops_are_grouped_by_family_each_in_one_phase) {
  const std::vector<OpSummary> ops = op_summaries();
  BOOST_REQUIRE(ops.size() == op_table().size());
  std::vector<std::string> families;  // in the order they come
  std::map<std::string, std::string> phase_of;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const OpSummary& op = ops[i];
    BOOST_TEST_CONTEXT(op.name) {
      const auto decl = std::find_if(op_table().begin(), op_table().end(),
                                     [&](const OpDecl& d) { return d.name == op.name; });
      BOOST_REQUIRE(decl != op_table().end());
      BOOST_TEST(op.family == name_of(decl->family));
      BOOST_TEST(op.phase == name_of(decl->phase));
      if (families.empty() || families.back() != op.family) families.push_back(op.family);
      if (!phase_of.emplace(op.family, op.phase).second)
        BOOST_TEST(phase_of[op.family] == op.phase);
      if (i > 0 && ops[i - 1].family == op.family) {
        const auto prev = std::find_if(op_table().begin(), op_table().end(),
                                       [&](const OpDecl& d) { return d.name == ops[i - 1].name; });
        BOOST_TEST((prev < decl));  // the default order within a family
      }
    }
  }
  BOOST_TEST(families == names_of<OpFamily>(), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_disabled_op_changes_nothing) {
  // p = 0 with changed parameters: byte-identical to the preset without it.
  const Generator disabled =
      generator({{"occlude.p", "0"}, {"occlude.size", "1..2"}, {"speckle.p", "0"}}, "augmented");
  const Generator none = generator({{"occlude.p", "0"}, {"speckle.p", "0"}}, "augmented");
  for (std::uint64_t i = 0; i < 20; ++i) {
    BOOST_TEST((disabled.make(i, 1).image == none.make(i, 1).image));
  }
  // And with every op off, augmentation leaves the base image untouched.
  for (std::uint64_t i = 0; i < 5; ++i)
    BOOST_TEST((generator({}).make(i, 1).image == generator({}).make(i, 0).image));
}

BOOST_AUTO_TEST_CASE(enabling_an_op_does_not_change_what_others_draw) {
  const Generator one = generator({{"affine.p", "0.7"}, {"gaussian_noise.p", "0.7"}});
  const Generator more = generator({{"affine.p", "0.7"},
                                    {"gaussian_noise.p", "0.7"},
                                    {"elastic.p", "1"},
                                    {"contrast.p", "1"},
                                    {"occlude.p", "1"}});
  for (std::uint64_t i = 0; i < 30; ++i) {
    const Sample a = one.make(i, 1), b = more.make(i, 1);
    for (const char* op : {"affine", "gaussian_noise"}) {
      const OpRecord* ra = find_record(a, op);
      const OpRecord* rb = find_record(b, op);
      BOOST_TEST((ra == nullptr) == (rb == nullptr), op);  // fired in both or in neither
      if (ra && rb) BOOST_TEST((ra->values == rb->values), op);
    }
  }
}

BOOST_AUTO_TEST_CASE(order_is_configurable_and_checked) {
  const Assignments both = {{"gaussian_blur.p", "1"}, {"gaussian_noise.p", "1"}};
  Assignments reversed = both;
  reversed.emplace_back("augment.order", "gaussian_noise, gaussian_blur");
  const Sample a = generator(both).make(0, 1), b = generator(reversed).make(0, 1);
  BOOST_TEST(a.augment[0].op == "gaussian_blur");
  BOOST_TEST(b.augment[0].op == "gaussian_noise");
  BOOST_TEST(!(a.image == b.image));
  // Blurring after the noise smooths it.
  BOOST_TEST(gradient_energy(b.image) < gradient_energy(a.image));

  auto error = [](const Assignments& o) {
    try {
      test::preset_config("basic", o);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  BOOST_TEST(
      error(
          {{"augment.order", "gaussian_blur, affine"}, {"affine.p", "1"}, {"gaussian_blur.p", "1"}})
          .find("scene op 'affine' is listed after pixel op 'gaussian_blur'") != std::string::npos);
  BOOST_TEST(error({{"augment.order", "affine"}, {"gaussian_blur.p", "0.5"}})
                 .find("enabled op 'gaussian_blur' (gaussian_blur.p > 0) is not listed") !=
             std::string::npos);
  BOOST_TEST(error({{"augment.order", "affine, affine"}}).find("given twice") != std::string::npos);
  BOOST_TEST(error({{"augment.order", "affine, twirl"}}).find("unknown name 'twirl'") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(variants_share_their_base_and_variant_1_is_the_plain_row) {
  const Config config =
      test::preset_config("augmented", {{"dataset.variants", "3"}, {"dataset.count", "5"}});
  const Generator with_variants(config);
  const Generator plain(test::preset_config("augmented", {{"dataset.count", "5"}}));
  BOOST_TEST(with_variants.row_count() == 20u);
  for (std::uint64_t row = 0; row < 20; ++row) {
    const Sample s = with_variants.make_row(row);
    BOOST_TEST(s.index == row);
    BOOST_TEST(s.base_index == row / 4);
    BOOST_REQUIRE(s.variant.has_value());
    BOOST_TEST(*s.variant == int(row % 4));
    if (*s.variant == 0) BOOST_TEST(s.augment.empty());
    if (*s.variant == 1) BOOST_TEST((s.image == plain.make_row(s.base_index).image));
    // Same base shape: same class and the same sampled size in every variant.
    const Sample original = with_variants.make_row(s.base_index * 4);
    BOOST_TEST(class_name(s.objects[0].object.shape) ==
               class_name(original.objects[0].object.shape));
    BOOST_TEST(s.objects[0].object.size == original.objects[0].object.size);
  }
}
