#ifndef SITREP_UTIL_PATH_H
#define SITREP_UTIL_PATH_H

#include <stddef.h>

/* The directory of the running program (from /proc/self/exe) into out;
 * returns 0, or -1 when it cannot be known. Default data and gazetteer
 * files are looked for next to it. */
int sr_exe_dir(char *out, size_t cap);

#endif
