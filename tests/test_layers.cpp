#define BOOST_TEST_MODULE layers
// The tree's structure, read from the files that declare it: src/layers.txt
// (the folders bottom up, which the build also reads), each public header's
// `// layer:` line and tests/README.md's map. No file includes a higher
// layer, no folder or header is left out, and every test file and every
// layer is in the map.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path root = fs::path(SHAPEGEN_TEST_DIR) / "..";

// src/layers.txt: one folder a line, bottom up; '#' starts a comment line.
std::vector<std::string> layers() {
  std::vector<std::string> out;
  std::ifstream in(root / "src/layers.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

std::ptrdiff_t rank(const std::vector<std::string>& order, const std::string& layer) {
  const auto it = std::find(order.begin(), order.end(), layer);
  return it == order.end() ? -1 : it - order.begin();
}

// The name a public header is included by (version.hpp is generated from
// version.hpp.in).
std::string header_name(const fs::path& file) {
  const std::string name = file.filename().string();
  return name.ends_with(".in") ? name.substr(0, name.size() - 3) : name;
}

// A public header's layer: its `// layer: <folder>` line, among the first
// five; "" when it has none.
std::string marked_layer(const fs::path& header) {
  std::ifstream in(header);
  std::string line;
  for (int n = 0; n < 5 && std::getline(in, line); ++n)
    if (line.rfind("// layer: ", 0) == 0) return line.substr(10);
  return "";
}

// Every public header by the name it is included as, with its marked layer.
std::map<std::string, std::string> public_headers() {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(root / "include/shapegen"))
    out[header_name(entry.path())] = marked_layer(entry.path());
  return out;
}

// The backquoted words of a Markdown table cell.
std::vector<std::string> quoted(const std::string& cell) {
  std::vector<std::string> out;
  for (auto open = cell.find('`'); open != std::string::npos; open = cell.find('`', open + 1)) {
    const auto close = cell.find('`', open + 1);
    if (close == std::string::npos) break;
    out.push_back(cell.substr(open + 1, close - open - 1));
    open = close;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(layers_txt_lists_every_src_folder_once) {
  const std::vector<std::string> order = layers();
  BOOST_TEST(order.size() >= 10u);
  BOOST_TEST(order.front() == "base");
  BOOST_TEST(order.back() == "cli");
  std::set<std::string> listed(order.begin(), order.end());
  BOOST_TEST(listed.size() == order.size(), "a folder is listed twice in src/layers.txt");
  for (const std::string& layer : order)
    BOOST_TEST(fs::is_directory(root / "src" / layer),
               "src/layers.txt lists " << layer << ", which is not a folder of src/");
  for (const auto& entry : fs::directory_iterator(root / "src"))
    if (entry.is_directory())
      BOOST_TEST(listed.count(entry.path().filename().string()) == 1u,
                 "src/" << entry.path().filename().string() << " is not in src/layers.txt");
}

BOOST_AUTO_TEST_CASE(every_public_header_declares_its_layer) {
  const std::vector<std::string> order = layers();
  const auto headers = public_headers();
  BOOST_TEST(headers.size() >= 20u);
  for (const auto& [name, layer] : headers)
    BOOST_TEST(rank(order, layer) >= 0,
               "include/shapegen/" << name << ": no `// layer: <folder of src/layers.txt>` line "
                                   << "among its first five (found '" << layer << "')");
}

// A file may include its own layer and the ones below it, never one above;
// every quoted include is a layer's file or a public header.
BOOST_AUTO_TEST_CASE(no_file_includes_a_higher_layer) {
  const std::vector<std::string> order = layers();
  const auto headers = public_headers();
  // The layer of an included path; "" when it is neither a layer's file nor
  // a marked public header.
  auto layer_of = [&](const std::string& path) -> std::string {
    const std::string top = path.substr(0, path.find('/'));
    if (top == "shapegen") {
      const auto it = headers.find(path.substr(path.find('/') + 1));
      return it == headers.end() ? "" : it->second;
    }
    return rank(order, top) >= 0 ? top : "";
  };
  std::vector<std::pair<fs::path, std::string>> files;  // file, its layer
  for (const std::string& layer : order)
    for (const auto& entry : fs::recursive_directory_iterator(root / "src" / layer))
      if (entry.is_regular_file()) files.emplace_back(entry.path(), layer);
  for (const auto& entry : fs::directory_iterator(root / "include/shapegen"))
    files.emplace_back(entry.path(), headers.at(header_name(entry.path())));
  BOOST_TEST(files.size() > 100u);
  std::size_t checked = 0;
  for (const auto& [file, layer] : files) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("#include \"", 0) != 0) continue;
      const std::string path = line.substr(10, line.find('"', 10) - 10);
      const std::string included = layer_of(path);
      BOOST_TEST_CONTEXT(file.lexically_relative(root).string()
                         << " (" << layer << ") includes " << path) {
        BOOST_TEST(!included.empty(), "not a file of a layer nor a marked public header");
        BOOST_TEST(rank(order, included) <= rank(order, layer));
      }
      ++checked;
    }
  }
  BOOST_TEST(checked > 300u);
}

// tests/README.md maps each test to the folders it covers: a table row per
// test (its path under tests/ in the first cell, backquoted), the folders as
// backquoted `src/<layer>/...` in the second.
BOOST_AUTO_TEST_CASE(tests_readme_maps_every_test_and_every_layer) {
  std::set<std::string> mapped, covered;
  std::ifstream in(root / "tests/README.md");
  BOOST_REQUIRE(in);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const auto second = line.find('|', 1), third = line.find('|', second + 1);
    const std::vector<std::string> tests = quoted(line.substr(1, second - 1));
    BOOST_REQUIRE(tests.size() == 1u);
    BOOST_TEST(fs::exists(root / "tests" / tests[0]),
               "tests/README.md maps " << tests[0] << ", which is not there");
    mapped.insert(tests[0]);
    for (const std::string& path : quoted(line.substr(second + 1, third - second - 1)))
      if (path.rfind("src/", 0) == 0) covered.insert(path.substr(4, path.find('/', 4) - 4));
  }
  for (const auto& entry : fs::directory_iterator(root / "tests")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("test_", 0) == 0 && entry.path().extension() == ".cpp")
      BOOST_TEST(mapped.count(name) == 1u, "tests/" << name << " is not in tests/README.md");
  }
  for (const std::string& layer : layers())
    BOOST_TEST(covered.count(layer) == 1u,
               "no test in tests/README.md covers src/" << layer << "/");
}
