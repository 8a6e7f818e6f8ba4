/* Messages of the command line: article ids shown safely, dates checked. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "util/error.h"

/* An id as a message may show it (see sr_printable). */
const char *cli_id(const char *id, char *buf, size_t cap)
{
    return sr_printable(id, CLI_ID_SHOWN, buf, cap);
}

int cli_valid_date(const char *s)
{
    int y, m, d;
    char tail;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
        sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1)
        return 0;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}
