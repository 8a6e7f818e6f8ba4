#include "path.h"

#include <string.h>
#include <unistd.h>

int sr_exe_dir(char *out, size_t cap)
{
    if (cap < 2)
        return -1;
    ssize_t n = readlink("/proc/self/exe", out, cap - 1);
    if (n <= 0)
        return -1;
    out[n] = 0;
    char *slash = strrchr(out, '/');
    if (!slash)
        return -1;
    *slash = 0;
    return 0;
}
