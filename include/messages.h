/* messages.h - The Danish text of every English message, diagnostic and hint.
 *
 * Messages are written in English at the call site; the English text is the
 * key. msg_tr() gives the Danish text from one compiled-in table when the
 * labels' language is Danish (the default), else the English text itself.
 * Not gettext: that needs an installed Danish locale and does not exist in
 * the WebAssembly build. tests/test_messages.c fails on any message in src/
 * without a Danish entry, and on a pair whose printf conversions differ. */
#ifndef PULJE_MESSAGES_H
#define PULJE_MESSAGES_H

#include <stddef.h>

/**
 * @brief The text of english in the current language: the Danish entry when
 * labels_language() is Danish and the table has one whose printf conversions
 * are the same, else english itself. english may be NULL (returns NULL).
 * The result lives as long as the program (or as english).
 */
const char *msg_tr(const char *english) __attribute__((format_arg(1)));

/** @brief Marks an English literal stored for msg_tr() later (a table's hint):
 * expands to s; tests/msg_scan.py collects it. */
#define MSG_N(s) (s)

/** @brief The Danish entry for english whatever the language, or NULL. */
const char *msg_danish(const char *english);

/** @brief Number of pairs in the table; msg_pair() gives pair i (0-based). */
size_t msg_count(void);
void msg_pair(size_t i, const char **english, const char **danish);

/**
 * @brief The printf conversions of fmt in order, as a string of their length
 * modifiers and letters separated by spaces ("%-5zu items, %s" -> "zu s";
 * "%%" is no conversion; a '*' width or precision counts as "*").
 * Truncated to size. Returns out.
 */
char *msg_conversions(const char *fmt, char *out, size_t size);

#endif
