/* Tests of the arena C interface: growth, alignment, bounded arenas, reset
 * and NULL handling. Run by capi/tests/c_examples.rs; exits 0 when every
 * check passes and prints each failed check otherwise. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "eshkol_arena.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                         \
    do {                                                                    \
        checks++;                                                           \
        if (!(cond)) {                                                      \
            failures++;                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                 \
        }                                                                   \
    } while (0)

#define CHECK_EQ(actual, expected)                                             \
    do {                                                                       \
        size_t a_ = (size_t)(actual), e_ = (size_t)(expected);                 \
        checks++;                                                              \
        if (a_ != e_) {                                                        \
            failures++;                                                        \
            fprintf(stderr, "%s:%d: %s is %zu, expected %zu\n", __FILE__,      \
                    __LINE__, #actual, a_, e_);                                \
        }                                                                      \
    } while (0)

static int is_aligned(const void *p) { return ((uintptr_t)p % 8) == 0; }

static int all_bytes(const unsigned char *p, size_t n, unsigned char value) {
    for (size_t i = 0; i < n; i++) {
        if (p[i] != value) return 0;
    }
    return 1;
}

static void test_new_arena(void) {
    Arena *a = create_arena(1024);
    CHECK(a != NULL);
    CHECK_EQ(arena_used_memory(a), 0);
    CHECK_EQ(arena_total_memory(a), 1024);
    CHECK_EQ(arena_block_count(a), 1);
    destroy_arena(a);

    /* A first block smaller than one aligned word is raised to 8 bytes. */
    Arena *tiny = create_arena(1);
    CHECK(tiny != NULL);
    CHECK_EQ(arena_total_memory(tiny), 8);
    destroy_arena(tiny);
}

static void test_growth_doubles(void) {
    Arena *a = create_arena(1024);
    unsigned char *first = arena_alloc(a, 1000);
    CHECK(first != NULL);
    CHECK_EQ(arena_block_count(a), 1);
    memset(first, 0xAA, 1000);

    /* 1000 + 100 does not fit in 1024: a second block of 2048 is added. */
    unsigned char *second = arena_alloc(a, 100);
    CHECK(second != NULL);
    CHECK_EQ(arena_block_count(a), 2);
    CHECK_EQ(arena_total_memory(a), 3072);
    CHECK_EQ(arena_used_memory(a), 1100);

    /* The next block doubles again: 4096. */
    CHECK(arena_alloc(a, 2000) != NULL);
    CHECK(arena_alloc(a, 2000) != NULL);
    CHECK_EQ(arena_block_count(a), 3);
    CHECK_EQ(arena_total_memory(a), 1024 + 2048 + 4096);

    /* A request larger than double the last block gets its own size,
     * rounded up to a multiple of 8. */
    CHECK(arena_alloc(a, 100001) != NULL);
    CHECK_EQ(arena_block_count(a), 4);
    CHECK_EQ(arena_total_memory(a), 1024 + 2048 + 4096 + 100008);

    /* Growing moved nothing: the first allocation is intact. */
    CHECK(all_bytes(first, 1000, 0xAA));
    destroy_arena(a);
}

static void test_alignment_and_zeroing(void) {
    enum { COUNT = 2000 };
    static unsigned char *ptrs[COUNT];
    static size_t sizes[COUNT];
    Arena *a = create_arena(64);
    size_t expected_used_min = 0;
    for (size_t i = 0; i < COUNT; i++) {
        sizes[i] = 1 + (i * 7) % 29;
        ptrs[i] = arena_alloc(a, sizes[i]);
        CHECK(ptrs[i] != NULL);
        CHECK(is_aligned(ptrs[i]));
        CHECK(all_bytes(ptrs[i], sizes[i], 0));
        /* Fill each allocation with its own byte to detect any overlap. */
        memset(ptrs[i], (int)(i % 251) + 1, sizes[i]);
        expected_used_min += sizes[i];
    }
    for (size_t i = 0; i < COUNT; i++) {
        CHECK(all_bytes(ptrs[i], sizes[i], (unsigned char)(i % 251) + 1));
    }
    CHECK(arena_used_memory(a) >= expected_used_min);
    CHECK(arena_block_count(a) > 1);

    /* Larger types can be stored directly. */
    double *d = arena_alloc(a, 10 * sizeof(double));
    uint64_t *u = arena_alloc(a, 3 * sizeof(uint64_t));
    CHECK(is_aligned(d) && is_aligned(u));
    d[9] = 2.5;
    u[2] = UINT64_MAX;
    CHECK(d[9] == 2.5 && u[2] == UINT64_MAX);

    /* A zero-size allocation is non-NULL, aligned and uses nothing. */
    size_t used = arena_used_memory(a);
    void *empty = arena_alloc(a, 0);
    CHECK(empty != NULL);
    CHECK(is_aligned(empty));
    CHECK_EQ(arena_used_memory(a), used);
    destroy_arena(a);
}

static void test_bounded(void) {
    Arena *a = create_arena_bounded(256, 1024);
    CHECK(a != NULL);
    unsigned char *big = arena_alloc(a, 1000);
    CHECK(big != NULL);
    CHECK_EQ(arena_used_memory(a), 1000);

    /* Past the limit: NULL, and the arena is unchanged. */
    size_t blocks = arena_block_count(a);
    size_t total = arena_total_memory(a);
    CHECK(arena_alloc(a, 100) == NULL);
    CHECK(arena_alloc(a, 25) == NULL);
    CHECK_EQ(arena_used_memory(a), 1000);
    CHECK_EQ(arena_block_count(a), blocks);
    CHECK_EQ(arena_total_memory(a), total);

    /* Exactly up to the limit still works; then nothing more does. */
    CHECK(arena_alloc(a, 24) != NULL);
    CHECK_EQ(arena_used_memory(a), 1024);
    CHECK(arena_alloc(a, 1) == NULL);
    CHECK(arena_alloc(a, 0) != NULL);

    /* A reset gives the whole budget back. */
    arena_reset(a);
    CHECK(arena_alloc(a, 1024) != NULL);
    destroy_arena(a);

    /* A limit of 0 allows only zero-size allocations. */
    Arena *none = create_arena_bounded(64, 0);
    CHECK(none != NULL);
    CHECK(arena_alloc(none, 1) == NULL);
    CHECK(arena_alloc(none, 0) != NULL);
    destroy_arena(none);
}

static void test_reset(void) {
    Arena *a = create_arena(128);
    unsigned char *first = arena_alloc(a, 64);
    memset(first, 0xFF, 64);
    for (int i = 0; i < 50; i++) CHECK(arena_alloc(a, 100) != NULL);
    CHECK(arena_block_count(a) > 1);

    arena_reset(a);
    CHECK_EQ(arena_used_memory(a), 0);
    CHECK_EQ(arena_block_count(a), 1);
    CHECK_EQ(arena_total_memory(a), 128);

    /* The first block is reused, zeroed again. */
    unsigned char *again = arena_alloc(a, 64);
    CHECK(again == first);
    CHECK(all_bytes(again, 64, 0));
    CHECK_EQ(arena_used_memory(a), 64);

    /* Many reset cycles neither leak nor grow the arena. */
    for (int round = 0; round < 100; round++) {
        for (int i = 0; i < 20; i++) CHECK(arena_alloc(a, 50) != NULL);
        arena_reset(a);
    }
    CHECK_EQ(arena_block_count(a), 1);
    CHECK_EQ(arena_total_memory(a), 128);
    destroy_arena(a);
}

static void test_failures(void) {
    /* Invalid or impossible sizes are NULL, never an abort. */
    CHECK(create_arena(0) == NULL);
    CHECK(create_arena_bounded(0, 100) == NULL);
    CHECK(create_arena(SIZE_MAX) == NULL);
    CHECK(create_arena((size_t)1 << 62) == NULL);

    Arena *a = create_arena(1024);
    CHECK(arena_alloc(a, 16) != NULL);
    CHECK(arena_alloc(a, SIZE_MAX) == NULL);
    CHECK(arena_alloc(a, SIZE_MAX - 7) == NULL);
    CHECK(arena_alloc(a, (size_t)1 << 62) == NULL);
    CHECK_EQ(arena_used_memory(a), 16);
    CHECK_EQ(arena_block_count(a), 1);
    /* The arena still works after refusing. */
    CHECK(arena_alloc(a, 16) != NULL);
    destroy_arena(a);

    /* NULL arenas. */
    CHECK(arena_alloc(NULL, 16) == NULL);
    CHECK(arena_alloc(NULL, 0) == NULL);
    destroy_arena(NULL);
    arena_reset(NULL);
    CHECK_EQ(arena_used_memory(NULL), 0);
    CHECK_EQ(arena_total_memory(NULL), 0);
    CHECK_EQ(arena_block_count(NULL), 0);
}

static void test_many_arenas(void) {
    Arena *arenas[100];
    for (int i = 0; i < 100; i++) {
        arenas[i] = create_arena(256 + (size_t)i);
        CHECK(arenas[i] != NULL);
        char *s = arena_alloc(arenas[i], 32);
        snprintf(s, 32, "arena %d", i);
    }
    for (int i = 0; i < 100; i += 10) CHECK_EQ(arena_used_memory(arenas[i]), 32);
    for (int i = 0; i < 100; i++) destroy_arena(arenas[i]);
}

int main(void) {
    test_new_arena();
    test_growth_doubles();
    test_alignment_and_zeroing();
    test_bounded();
    test_reset();
    test_failures();
    test_many_arenas();
    if (failures != 0) {
        fprintf(stderr, "%d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("arena_test: %d checks passed\n", checks);
    return 0;
}
