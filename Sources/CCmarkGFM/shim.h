// Public headers only: /usr/include/cmark-gfm/ holds the library's private headers,
// which must stay off the include path (their struct layouts are not a stable API).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
