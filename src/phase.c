/* phase.c - Phase marks: the library says where a run is, the hook decides what to do. */
#include "phase.h"

#include <stddef.h>

static phase_hook_fn hook_fn;
static void *hook_ctx;
static phase_progress_fn progress_fn;
static void *progress_ctx;

void phase_set_progress(phase_progress_fn fn, void *ctx)
{
    progress_fn = fn;
    progress_ctx = ctx;
}

void phase_progress(size_t done, size_t total)
{
    if (progress_fn)
        progress_fn(progress_ctx, done, total);
}

void phase_set_hook(phase_hook_fn fn, void *ctx)
{
    hook_fn = fn;
    hook_ctx = ctx;
}

void phase_enter(phase_id next)
{
    if (hook_fn)
        hook_fn(hook_ctx, next);
}

const char *phase_name(phase_id id)
{
    static const char *const names[PHASE__COUNT] = {
        "read", "validate", "model", "solve", "round", "verify", "write",
    };
    return (unsigned)id < PHASE__COUNT ? names[id] : "?";
}
