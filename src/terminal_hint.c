/* terminal_hint.c - The command line's did-you-mean for commands and options,
 * and the diagnostics left to print after a summary. Part of terminal.h. */
#include <string.h>

#include "messages.h"
#include "terminal.h"
#include "text.h"

/* The commands, as terminal_unknown_command() names them. */
static const char *const commands[] = {"run",  "check",   "compare", "explain",
                                       "init", "history", "diff",    "letters"};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

bool terminal_is_command(const char *word)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(word, commands[i]) == 0)
            return true;
    return false;
}

void terminal_unknown_command(FILE *f, const char *word)
{
    char list[256] = "";
    int k = text_suggest(word, commands, N_COMMANDS, NULL);

    for (size_t i = 0; i < N_COMMANDS; i++) {
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, "%s%s", commands[i],
                 i + 2 < N_COMMANDS ? ", " : i + 2 == N_COMMANDS ? msg_tr(" and ") : "");
    }
    fprintf(f, msg_tr("pulje: unknown command '%s'\n"), word);
    if (k >= 0)
        fprintf(f, msg_tr("  hint: did you mean %s? The commands are %s; see pulje --help\n"),
                commands[k], list);
    else
        fprintf(f, msg_tr("  hint: the commands are %s; see pulje --help\n"), list);
}

void terminal_option_hint(FILE *f, const struct option *longopts, const char *arg)
{
    const char *names[64];
    char word[TEXT_SUGGEST_MAX + 1];
    size_t n = 0;
    int k = -1;

    for (; longopts && longopts[n].name && n < 64; n++)
        names[n] = longopts[n].name;
    if (arg && strncmp(arg, "--", 2) == 0 && strcspn(arg + 2, "=") < sizeof word) {
        snprintf(word, sizeof word, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
        k = text_suggest(word, names, n, NULL);
        if (k >= 0 && strcmp(names[k], word) == 0)
            k = -1; /* the option is known; its argument was wrong or missing */
    }
    if (k >= 0)
        fprintf(f, msg_tr("  hint: did you mean --%s? See pulje --help\n"), names[k]);
    else
        fprintf(f, msg_tr("  hint: see pulje --help\n"));
}

void terminal_diags_from(FILE *f, diag_list *dl, size_t from)
{
    diag_list rest = *dl;

    if (from > rest.n)
        from = rest.n;
    rest.v += from;
    rest.n -= from;
    terminal_diags(f, &rest);
}
