#include "shapegen/error.hpp"
// Error types are header-only; this unit anchors their vtables in the library.
namespace shapegen {}
