#define BOOST_TEST_MODULE coverage
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <thread>

#include "render/raster.hpp"
#include "shapegen/generator.hpp"
#include "test_support.hpp"

using namespace shapegen;

namespace {

struct Window {
  int x0, y0, width, height;
};

// The pixel-aligned window of all the scene's ink, grown by `margin`.
Window ink_window(const Scene& scene, int margin = 0) {
  const Box ink = scene_ink_box(scene);
  const int x0 = int(std::floor(ink.x0)) - margin, y0 = int(std::floor(ink.y0)) - margin;
  return {x0, y0, int(std::ceil(ink.x1)) - x0 + 1 + margin,
          int(std::ceil(ink.y1)) - y0 + 1 + margin};
}

// A render on a thread of its own: nothing kept from earlier renders.
Image fresh(const Scene& scene, Window w, const Object* only = nullptr) {
  Image out;
  std::thread([&] {
    out = only ? render_coverage(scene, *only, w.x0, w.y0, w.width, w.height)
               : render_ink_coverage(scene, w.x0, w.y0, w.width, w.height);
  }).join();
  return out;
}

// Pixels of `a` (over window wa) and `b` (over wb) agree where both are.
bool agree(const Image& a, Window wa, const Image& b, Window wb) {
  for (int y = std::max(wa.y0, wb.y0); y < std::min(wa.y0 + wa.height, wb.y0 + wb.height); ++y)
    for (int x = std::max(wa.x0, wb.x0); x < std::min(wa.x0 + wa.width, wb.x0 + wb.width); ++x)
      if (a.at(x - wa.x0, y - wa.y0) != b.at(x - wb.x0, y - wb.y0)) return false;
  return true;
}

std::vector<Sample> samples(const char* preset, int n) {
  const Generator generator(test::preset_config(preset));
  std::vector<Sample> out;
  for (int i = 0; i < n; ++i) out.push_back(generator.make_row(i));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_render_holding_all_the_ink_does_not_depend_on_its_window) {
  // What lets a kept render serve another window.
  for (const char* preset : {"augmented", "sketch", "detection"})
    for (const Sample& s : samples(preset, 60)) {
      const Window tight = ink_window(s.scene),
                   wide{tight.x0 - 7, tight.y0 - 3, tight.width + 20, tight.height + 11};
      BOOST_TEST(agree(fresh(s.scene, tight), tight, fresh(s.scene, wide), wide));
    }
}

BOOST_AUTO_TEST_CASE(a_kept_render_serves_exactly_what_a_render_would_give) {
  for (const Sample& s : samples("augmented", 80)) {
    const Scene& scene = s.scene;
    const Window frame{0, 0, scene.width, scene.height}, tight = ink_window(scene);
    std::thread([&] {
      render_ink_coverage(scene, tight.x0, tight.y0, tight.width, tight.height);  // kept
      BOOST_TEST((render_ink_coverage(scene, frame.x0, frame.y0, frame.width, frame.height) ==
                  fresh(scene, frame)));
      const Object& o = scene.objects[0];
      BOOST_TEST((render_coverage(scene, o, frame.x0, frame.y0, frame.width, frame.height) ==
                  fresh(scene, frame, &o)));
      BOOST_TEST((render_coverage(scene, o, tight.x0, tight.y0, tight.width, tight.height) ==
                  fresh(scene, tight, &o)));
      // Moved by whole pixels, as crop does: the kept render moves along.
      Scene moved = scene;
      const Point by{3, -2};
      transform_points(moved, [by](Point p) { return translate(p, by); });
      ink_coverage_moved(moved, by);
      const Window there{tight.x0 + 3, tight.y0 - 2, tight.width, tight.height};
      BOOST_TEST((render_ink_coverage(moved, there.x0, there.y0, there.width, there.height) ==
                  fresh(moved, there)));
      // Any change to the objects is a miss.
      Scene wider = moved;
      wider.objects[0].style.stroke_width += 1;
      BOOST_TEST((render_ink_coverage(wider, there.x0, there.y0, there.width, there.height) ==
                  fresh(wider, there)));
    }).join();
  }
}
