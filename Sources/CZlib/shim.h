#ifndef STORYLINE_CZLIB_SHIM_H
#define STORYLINE_CZLIB_SHIM_H
#include <zlib.h>
#endif
