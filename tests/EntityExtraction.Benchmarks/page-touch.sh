#!/usr/bin/env bash
# What touching memory for the first time costs on this machine, which decides how the embedded data are loaded
# (docs/performance.md, "Start-up"): 100 MB of fresh anonymous memory (what a heap allocation gets), the same memory
# written a second time, and a 48 MB file in the page cache mapped and read page by page (what a resource in a mapped
# assembly costs). Needs gcc. Usage: bash tests/EntityExtraction.Benchmarks/page-touch.sh
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/touch.c" <<'C'
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
static double ms(struct timespec a, struct timespec b) { return (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6; }
int main(int argc, char **argv) {
  struct timespec a, b;
  size_t n = (size_t)100 << 20;
  char *p = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  clock_gettime(CLOCK_MONOTONIC, &a); memset(p, 1, n); clock_gettime(CLOCK_MONOTONIC, &b);
  printf("fresh anonymous memory, first write: %6.2f ms per MB\n", ms(a, b) / 100);
  clock_gettime(CLOCK_MONOTONIC, &a); memset(p, 2, n); clock_gettime(CLOCK_MONOTONIC, &b);
  printf("the same memory, second write:       %6.2f ms per MB\n", ms(a, b) / 100);
  int fd = open(argv[1], O_RDONLY); struct stat st; fstat(fd, &st);
  clock_gettime(CLOCK_MONOTONIC, &a);
  unsigned char *q = mmap(0, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0); long sum = 0;
  for (long i = 0; i < st.st_size; i += 4096) sum += q[i];
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("cached file, mapped and read:        %6.2f ms per MB (%ld)\n", ms(a, b) / (st.st_size >> 20), sum & 1);
  return 0;
}
C
gcc -O2 "$work/touch.c" -o "$work/touch"
head -c 50000000 /dev/urandom > "$work/file"
cat "$work/file" > /dev/null
"$work/touch" "$work/file"
