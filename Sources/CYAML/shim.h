#include <yaml.h>

#if defined(__linux__)
/* syncfs(2) flushes one file system, so a report set can be made durable with one call instead of
   one fsync per file; Swift's Glibc module leaves this GNU extension out. */
int syncfs(int fd);
#endif
