/* What the writers of src/io/ share among themselves. */
#ifndef SR_IO_IO_H
#define SR_IO_IO_H
#include "../util/buf.h"
#include "sitrep.h"

/* Stored events as JSON Lines or GeoJSON (write_store.c): the opening, a
 * row (index 0 for the first: GeoJSON's commas), the closing. */
void sr_io_stored_begin(sr_buf *b, sr_format fmt);
void sr_io_stored_json(sr_buf *b, sr_format fmt, const sr_stored_event *e, size_t index);
void sr_io_stored_end(sr_buf *b, sr_format fmt);

#endif
