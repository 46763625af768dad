#include <libxml/xmlversion.h>
// libxml2's headers pull in the system ICU (<unicode/ucnv.h>) when it was built with ICU; that ICU's
// UErrorCode clashes with Foundation's bundled ICU in any Swift module importing both. No libxml2
// API used from Swift needs ICU types, so hide them.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
