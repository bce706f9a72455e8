#ifndef STORYLINE_CLIBXML2_SHIM_H
#define STORYLINE_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its headers would then pull in a second copy of ICU's
   declarations that clashes with the one Foundation carries. Storyline never uses libxml2's
   ICU converters, so hide them (the converter struct is only ever used through pointers). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
#endif
