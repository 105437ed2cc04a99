#!/usr/bin/python3
"""msg_scan.py - every English text in src/ that the message catalogue must translate.

Finds the calls whose format or hint reaches people through msg_tr() (diag_add,
table_note, table_note_cell, inifile_error, text_set_err, xlsx_fail, book_fail,
run.c's say, init_from.c's note, msg_tr itself and the MSG_N() marker), takes the
string literals of those arguments (adjacent literals joined, both sides of a
?: each), decodes the C escapes and prints one line per text:

    file:line<TAB>hex of the UTF-8 bytes

test_messages.c reads these lines and fails on each text with no Danish entry.
Usage: msg_scan.py SRC-DIR...
"""
import os
import re
import sys

# function name -> indices (0-based) of the arguments that are texts
CALLS = {
    "diag_add": (5, 6),
    "table_note": (4, 5),
    "table_note_cell": (3, 4),
    "inifile_error": (3, 4),
    "text_set_err": (2,),
    "xlsx_fail": (2,),
    "book_fail": (1,),
    "say": (2, 3),
    "note": (2,),
    "msg_tr": (0,),
    "msg_printf": (1,),
    "MSG_N": (0,),
}

PRI = re.compile(r"PRI[diouxX](?:8|16|32|64|MAX|PTR)\b")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
SIMPLE = {"n": 10, "t": 9, "r": 13, "\\": 92, '"': 34, "'": 39, "?": 63, "a": 7,
          "b": 8, "f": 12, "v": 11, "0": 0}


def decode(body):
    """The bytes of a C string literal's body (between the quotes)."""
    out = bytearray()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out += ch.encode("utf-8")
            i += 1
            continue
        nxt = body[i + 1]
        if nxt in "01234567":
            j = i + 1
            while j < len(body) and j < i + 4 and body[j] in "01234567":
                j += 1
            out.append(int(body[i + 1:j], 8) & 0xFF)
            i = j
        elif nxt == "x":
            j = i + 2
            while j < len(body) and body[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(body[i + 2:j], 16) & 0xFF)
            i = j
        else:
            out.append(SIMPLE[nxt])
            i += 2
    return bytes(out)


def strip_comments(src):
    """Blank out comments (keeping newlines and string literals)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_args(src, i):
    """From the '(' at i: the list of (start, end) of each top-level argument."""
    depth, j, start, args, n = 0, i, i + 1, [], len(src)
    while j < n:
        c = src[j]
        if c == '"' or c == "'":
            k = j + 1
            while k < n and src[k] != c:
                k += 2 if src[k] == "\\" else 1
            j = k + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append((start, j))
                return args
        elif c == "," and depth == 1:
            args.append((start, j))
            start = j + 1
        j += 1
    return args


def literal_runs(arg):
    """Each run of adjacent string literals in arg, joined and decoded."""
    runs, cur, i, n = [], None, 0, len(arg)
    while i < n:
        c = arg[i]
        if c == '"':
            k = i + 1
            while arg[k] != '"':
                k += 2 if arg[k] == "\\" else 1
            cur = (cur or b"") + decode(arg[i + 1:k])
            i = k + 1
        elif c == "'":
            k = i + 1
            while arg[k] != "'":
                k += 2 if arg[k] == "\\" else 1
            i = k + 1
            if cur is not None:
                runs.append(cur)
                cur = None
        elif c.isspace():
            i += 1
        elif cur is not None and PRI.match(arg, i):
            # "%" PRId64 " kr.": the macro stays a marker, test_messages expands it
            m = PRI.match(arg, i)
            cur += b"\x01" + m.group(0).encode() + b"\x01"
            i = m.end()
        else:
            if cur is not None:
                runs.append(cur)
                cur = None
            i += 1
    if cur is not None:
        runs.append(cur)
    return runs


def scan_file(path):
    with open(path, encoding="utf-8") as f:
        src = strip_comments(f.read())
    found = []
    for m in IDENT.finditer(src):
        name = m.group(0)
        if name not in CALLS:
            continue
        j = m.end()
        while j < len(src) and src[j] in " \t\n":
            j += 1
        if j >= len(src) or src[j] != "(":
            continue
        # skip declarations and definitions: "void diag_add(" etc.
        before = src[:m.start()].rstrip()
        if re.search(r"(\bvoid|\bint|\bchar\s*\*|\bpulje_status|\bconst char\s*\*)$", before):
            continue
        args = split_args(src, j)
        line = src.count("\n", 0, m.start()) + 1
        for k in CALLS[name]:
            if k < len(args):
                a, b = args[k]
                for text in literal_runs(src[a:b]):
                    if text and text != b"%s":
                        found.append((line, text))
    return found


def main(argv):
    for d in argv[1:]:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".c") or name == "messages.c":
                continue
            path = os.path.join(d, name)
            for line, text in scan_file(path):
                print("%s:%d\t%s" % (path, line, text.hex()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
