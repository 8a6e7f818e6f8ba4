/* Fuzz the HTML extractor (libxml2 in recover mode underneath). */
#include <stdlib.h>
#include <string.h>

#include "sitrep.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t n = 0;
    char *title = NULL;
    char *t = sr_html_to_text((const char *)data, size, &n, &title);
    if (t && strlen(t) != n)
        abort(); /* the text is a proper C string of the length told */
    free(t);
    free(title);
    return 0;
}
