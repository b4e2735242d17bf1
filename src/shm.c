/* shm.c - the shared region of shm.h: one anonymous shared mapping. */
#include <sys/mman.h>

#include "shm.h"

struct shm *
shm_new(void)
{
	/* Anonymous pages come zeroed, which is every counter's start. */
	void *p = mmap(NULL, sizeof(struct shm), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void
shm_free(struct shm *s)
{
	if (s)
		munmap(s, sizeof *s);
}
