/* Reader internals that tests and fuzz harnesses reach. */
#ifndef SR_IO_READER_H
#define SR_IO_READER_H
#include "sitrep.h"

/* on: every JSON Lines record goes through cJSON, not the fast path for
 * flat objects of strings; the two must give the same articles. */
void sr_reader_full_parser_only(sr_reader *r, int on);

/* How many records the fast path has read. */
size_t sr_reader_fast_records(const sr_reader *r);

#endif
