/*
 * eshkol_arena.h - C interface to Eshkol's arena allocator.
 *
 * An arena is a region of memory you allocate from many times and free all
 * at once. It is the same runtime the Eshkol interpreter uses for
 * make-arena / arena-alloc / destroy-arena.
 *
 * Link with the static library built by `cargo build --release -p eshkol-capi`:
 *
 *     cc -I capi/include prog.c target/release/libeshkol_capi.a \
 *        -lpthread -ldl -lm
 *
 * (or with the shared library libeshkol_capi.so from the same directory).
 *
 * Growth. An arena holds a list of blocks. The first block has the size
 * given to create_arena (raised to 8 bytes if smaller). Allocations are taken
 * from the newest block one after another. When one does not fit, a new
 * block is added that is twice the size of the previous block, or the
 * request rounded up to a multiple of 8 if that is larger. So an arena
 * created with 1024 bytes that outgrows its first block holds 2 blocks and
 * 1024 + 2048 = 3072 bytes in total. Blocks are never moved or resized.
 *
 * Pointers. A pointer returned by arena_alloc stays valid, and keeps its
 * contents, until arena_reset or destroy_arena is called on its arena,
 * however much the arena grows in between. After either call, every pointer
 * the arena handed out is invalid: reading or writing through it is
 * undefined behaviour (copy data you need to keep elsewhere first). Memory
 * from an arena must never be passed to free() or realloc().
 *
 * Alignment and contents. Every pointer returned by arena_alloc is aligned
 * to 8 bytes and points to zeroed bytes. Between two allocations the arena
 * may skip up to 7 bytes of padding to keep the next one aligned.
 *
 * Failure. No function aborts or exits: failures return NULL (or 0), and a
 * failed allocation leaves the arena unchanged. Every function accepts a
 * NULL arena: the creators never see one, arena_alloc returns NULL,
 * destroy_arena and arena_reset do nothing, and the statistics return 0.
 *
 * Threads. An arena has no locking. Each arena must be used by one thread
 * at a time; different arenas may be used by different threads at once.
 */
#ifndef ESHKOL_ARENA_H
#define ESHKOL_ARENA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An arena. Opaque: only ever handled through a pointer. */
typedef struct Arena Arena;

/*
 * Creates an arena whose first block holds initial_block_size bytes, with no
 * limit on what it may hand out. Returns NULL if initial_block_size is 0 or
 * the memory cannot be allocated. Free it with destroy_arena.
 */
Arena *create_arena(size_t initial_block_size);

/*
 * Creates an arena like create_arena that hands out at most `limit` bytes in
 * all, counting the alignment padding between allocations (but not unused
 * room in blocks, so the first block may be larger than the limit). An
 * allocation that would pass the limit returns NULL. Returns NULL if
 * initial_block_size is 0 or the memory cannot be allocated.
 */
Arena *create_arena_bounded(size_t initial_block_size, size_t limit);

/*
 * Allocates `size` bytes from the arena: 8-byte aligned, zeroed, valid until
 * the arena is reset or destroyed. Returns NULL if `arena` is NULL, if the
 * allocation would pass a bounded arena's limit, or if memory is exhausted;
 * the arena is unchanged then.
 *
 * A `size` of 0 returns a non-NULL, 8-byte aligned pointer that must not be
 * read or written through and is not unique: it may equal the pointer of
 * another allocation. It uses no memory, so it succeeds even at the limit.
 */
void *arena_alloc(Arena *arena, size_t size);

/*
 * Frees every block of the arena and the arena itself. All pointers the
 * arena handed out, and `arena` itself, are invalid afterwards; destroying
 * an arena twice is undefined behaviour. NULL is a no-op.
 */
void destroy_arena(Arena *arena);

/*
 * Frees everything allocated from the arena but keeps its first block (with
 * its bytes zeroed again), so the arena can be reused without going back to
 * the system allocator. All pointers the arena handed out are invalid
 * afterwards. NULL is a no-op.
 */
void arena_reset(Arena *arena);

/*
 * Bytes handed out since the arena was created or last reset, including
 * alignment padding between allocations. 0 for NULL.
 */
size_t arena_used_memory(const Arena *arena);

/*
 * Bytes reserved by the arena: the sum of its blocks' sizes, used or not.
 * 0 for NULL.
 */
size_t arena_total_memory(const Arena *arena);

/* The number of blocks the arena holds (at least 1). 0 for NULL. */
size_t arena_block_count(const Arena *arena);

#ifdef __cplusplus
}
#endif

#endif /* ESHKOL_ARENA_H */
