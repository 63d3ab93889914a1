#define BOOST_TEST_MODULE params
// Parameters bound to fields: binding fills every field from its one
// declaration, mismatches fail when declared, and enum name tables agree
// with the keys that choose them. (The layers: test_layers.)
#include <boost/test/unit_test.hpp>
#include <iterator>
#include <stdexcept>

#include "augment/augment.hpp"
#include "dataset/layouts/layout.hpp"
#include "dataset/output_spec.hpp"
#include "params/bind.hpp"
#include "scene/scene_spec.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"

using namespace shapegen;

namespace {

enum class Flavour { sweet, sour };
constexpr std::array<EnumName<Flavour>, 2> enum_names(Flavour) {
  return {{{Flavour::sweet, "sweet"}, {Flavour::sour, "sour"}}};
}

struct Toy {
  int count = 0;
  double rate = 0;
  Range size;
  IntegerRange pieces;
  bool on = false;
  Flavour flavour = Flavour::sweet;
  Weighted<Flavour> mix;
  std::vector<std::string> order;
  int unbound = 0;  // no key fills it
};

const ParamList<Toy>& toy_params() {
  using namespace declare;
  static const ParamList<Toy> params = {
      field(&Toy::count, integer("count", "3", 0, 10, "doc")),
      field(&Toy::rate, real("rate", "0.5", {0, 1}, "doc")),
      field(&Toy::size, range("size", "1..2", {0, 5}, "doc")),
      field(&Toy::pieces, integer_range("pieces", "2..4", {1, 9}, "doc")),
      field(&Toy::on, boolean("on", "true", "doc")),
      field(&Toy::flavour, choice("flavour", "sour", names_of<Flavour>(), "doc")),
      field(&Toy::mix, weights("mix", "sour:3", names_of<Flavour>(), "doc")),
      field(&Toy::order, list("order", "b, a", {"a", "b"}, "doc")),
  };
  return params;
}

const Catalog& toy_catalog() {
  static const Catalog catalog = [] {
    Catalog c;
    c.add(declarations(toy_params(), "toy."));
    return c;
  }();
  return catalog;
}

// The names a declared key allows.
std::vector<std::string> declared_names(const std::string& key) {
  const OptionDecl* decl = find_option(key);
  BOOST_REQUIRE_MESSAGE(decl, key << " is declared");
  return decl->names;
}

template <class E>
void check_table_round_trips() {
  for (const std::string& name : names_of<E>()) {
    const auto value = value_named<E>(name);
    BOOST_REQUIRE(value.has_value());
    BOOST_TEST(name_of(*value) == name);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(bind_fills_every_field_from_its_prefixed_key) {
  Config config(toy_catalog());
  config.set("toy.count", "7", "test");
  config.set("toy.mix", "sweet:1, sour:2", "test");
  const Toy toy = bind_params(config, toy_params(), "toy.");
  BOOST_TEST(toy.count == 7);
  BOOST_TEST(toy.rate == 0.5);
  BOOST_TEST((toy.size == Range{1, 2}));
  BOOST_TEST((toy.pieces == IntegerRange{2, 4}));
  BOOST_TEST(toy.on);
  BOOST_TEST((toy.flavour == Flavour::sour));
  BOOST_TEST((toy.mix.values == std::vector<Flavour>{Flavour::sweet, Flavour::sour}));
  BOOST_TEST((toy.mix.weights == std::vector<double>{1, 2}));
  BOOST_TEST(toy.mix.of(Flavour::sour) == 2);
  BOOST_TEST((toy.order == std::vector<std::string>{"b", "a"}));
  BOOST_TEST(toy_catalog().options().at(0).key == "toy.count");
  // Code that must name a key finds it by the field it fills.
  BOOST_TEST(key_of(toy_params(), &Toy::mix) == "mix");
  BOOST_TEST(key_of(output_params(), &OutputSpec::split_mode) == "output.split_mode");
  BOOST_CHECK_THROW(key_of(toy_params(), &Toy::unbound), std::logic_error);
}

BOOST_AUTO_TEST_CASE(an_integer_range_takes_whole_ends_and_reads_as_a_range) {
  Config config(toy_catalog());
  config.set("toy.pieces", "3", "test");
  BOOST_TEST((bind_params(config, toy_params(), "toy.").pieces == IntegerRange{3, 3}));
  for (const char* bad : {"1.5", "2..3.5", "0..3", "1..10"})
    BOOST_CHECK_THROW(config.set("toy.pieces", bad, "test"), ConfigError);
  try {
    config.set("toy.pieces", "1..2.5", "test");
  } catch (const ConfigError& e) {
    // Its words are a range's: dataset.ini prints them, recipes keep their bytes.
    BOOST_TEST(std::string(e.what()) ==
               "test: key 'toy.pieces': value '1..2.5' is invalid (its ends must be whole "
               "numbers); allowed: a number or range lo..hi within [1, 9]");
  }
  BOOST_TEST(format_value(config.at("toy.pieces")) == "3");
  BOOST_TEST((find_option("objects.count")->kind == Kind::integer_range));
}

BOOST_AUTO_TEST_CASE(a_declaration_that_does_not_fit_its_field_fails_when_declared) {
  BOOST_CHECK_THROW(field(&Toy::rate, declare::range("rate", "0", {0, 1}, "doc")),
                    std::logic_error);
  BOOST_CHECK_THROW(field(&Toy::count, declare::real("count", "0", {0, 1}, "doc")),
                    std::logic_error);
  // Enum keys must name exactly the enum's table, in its order.
  BOOST_CHECK_THROW(field(&Toy::flavour, declare::choice("f", "sour", {"sour", "sweet"}, "doc")),
                    std::logic_error);
  BOOST_CHECK_THROW(field(&Toy::mix, declare::weights("m", "sweet:1", {"sweet"}, "doc")),
                    std::logic_error);
}

BOOST_AUTO_TEST_CASE(each_enum_name_table_matches_the_names_its_key_declares) {
  BOOST_TEST(declared_names("shape.classes") == names_of<ShapeClass>());
  BOOST_TEST(declared_names("style.fill") == names_of<FillMode>());
  // The triangle's kinds are private to shapes/triangle.cpp; field() compared
  // them with their key when the catalog was built.
  BOOST_TEST(declared_names("image.mode") == names_of<ImageMode>());
  BOOST_TEST(declared_names("background.kind") == names_of<Background::Kind>());
  BOOST_TEST(declared_names("output.split") == names_of<Split>());
  BOOST_TEST(declared_names("output.split_mode") == names_of<SplitMode>());
  BOOST_TEST(declared_names("output.yolo_task") == names_of<YoloTask>());
  BOOST_TEST(declared_names("output.link") == names_of<LinkMode>());
  // output.formats allows the layouts chosen by name, from the layout table.
  BOOST_TEST(declared_names("output.formats") == layouts::format_names());
  BOOST_TEST(declared_names("output.formats") ==
                 (std::vector<std::string>{"imagefolder", "coco", "yolo", "masks", "npy"}),
             boost::test_tools::per_element());
  // The occluder's tables are private to occlude.cpp; field() compared them
  // with their keys when the catalog was built, or find_option would have thrown.
  check_table_round_trips<ShapeClass>();
  check_table_round_trips<FillMode>();
  check_table_round_trips<ImageMode>();
  check_table_round_trips<Background::Kind>();
  check_table_round_trips<Split>();
  check_table_round_trips<SplitMode>();
  check_table_round_trips<YoloTask>();
  check_table_round_trips<LinkMode>();
  // Labels write class ids: the name table lists the classes by id.
  const auto classes = enum_names(ShapeClass{});
  for (std::size_t i = 0; i < classes.size(); ++i) BOOST_TEST(classes[i].value.id == int(i));
  BOOST_TEST(std::string(class_name(ShapeClass{2})) == "square");
  BOOST_TEST(std::string(fill_name(FillMode::both)) == "both");
}

BOOST_AUTO_TEST_CASE(specs_follow_the_config) {
  Config config = Config::defaults();
  config.set("image.mode", "rgb", "test");
  config.set("style.fill", "outline:0, filled:1, both:3", "test");
  config.set("shape.classes", "circle:1", "test");
  const SceneSpec spec = bind_scene_spec(config);
  BOOST_TEST((spec.image.mode == ImageMode::rgb));
  BOOST_TEST(spec.style.fill.of(FillMode::both) == 3);
  BOOST_TEST(spec.shape.classes.of(*value_named<ShapeClass>("circle")) == 1);
  BOOST_TEST(spec.shape.classes.of(*value_named<ShapeClass>("square")) == 0);
  BOOST_TEST(spec.makers.size() == shape_classes().size());  // each class bound its keys
  BOOST_TEST(spec.seed == 1u);
}

BOOST_AUTO_TEST_CASE(every_op_builds_from_its_keys_with_relative_names) {
  const Config config = Config::defaults();
  for (const OpDecl& op : op_table()) {
    BOOST_TEST_CONTEXT(op.name) {
      BOOST_TEST(op.make(config) != nullptr);
      for (const OptionDecl& param : op.params) {
        BOOST_TEST(param.key.find('.') == std::string::npos);  // the registry adds "<op>."
        BOOST_TEST(find_option(op.name + "." + param.key) != nullptr);
      }
      BOOST_TEST(find_option(op.name + ".p") != nullptr);
    }
  }
}
