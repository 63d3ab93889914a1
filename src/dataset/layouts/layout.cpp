#include "dataset/layouts/layout.hpp"

namespace shapegen::layouts {

int class_index(ShapeClass c) { return c.id; }

const std::vector<LayoutDecl>& all() {
  static const std::vector<LayoutDecl> decls = {imagefolder(), coco(), yolo(), masks(),
                                                webdataset()};
  return decls;
}

const LayoutDecl& decl(LayoutKind kind) {
  for (const LayoutDecl& d : all())
    if (d.kind == kind) return d;
  return all().front();  // unreachable: every kind is declared above
}

}  // namespace shapegen::layouts
