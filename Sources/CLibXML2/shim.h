// libxml2's headers pull in system ICU when LIBXML_ICU_ENABLED is set, which clashes with
// Foundation's bundled ICU. We never use libxml2's ICU API, so switch it off before the parser headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
