#!/usr/bin/python3
"""xlsx_check.py - recompute every formula of a workbook from the cached values
of the cells it refers to, and compare with the formula's own cached value.

A workbook whose cached values disagree with its formulas shows one thing on
paper and another after the first edit in Excel. Run with Debian's python3
(openpyxl). Exit 0 if every formula agrees, 1 otherwise; prints the count
checked and each disagreement. Supports what pulje writes: cell and range
references (also on other sheets), + - * /, comparisons, SUM, SUMIFS, INT, IF.
"""
import re
import sys

import openpyxl
from openpyxl.utils import column_index_from_string

TOKEN = re.compile(r"""\s*(?:
    (?P<num>\d+(?:\.\d+)?)
  | (?P<str>"[^"]*")
  | (?P<ref>(?:'(?:[^']|'')+'!|[A-Za-z0-9_]+!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)
  | (?P<func>[A-Z]+)\(
  | (?P<op><=|>=|<>|[-+*/=<>(),])
)""", re.X)


class Unsupported(Exception):
    pass


def tokens(text):
    pos, out = 0, []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == "":
                break
            raise Unsupported("cannot read %r" % text[pos:])
        pos = m.end()
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
    return out


class Book:
    def __init__(self, path):
        self.values = openpyxl.load_workbook(path, data_only=True)
        self.formulas = openpyxl.load_workbook(path, data_only=False)

    def cell(self, sheet, ref):
        v = self.values[sheet][ref].value
        return 0 if v is None else v

    def cells(self, sheet, ref):
        """The values of a range (or one cell), in row order."""
        if "!" in ref:
            sheet, ref = ref.rsplit("!", 1)
            sheet = sheet.strip("'").replace("''", "'")
        ref = ref.replace("$", "")
        if ":" not in ref:
            return [self.cell(sheet, ref)], sheet
        a, b = ref.split(":")
        ca, ra = re.match(r"([A-Z]+)(\d+)", a).groups()
        cb, rb = re.match(r"([A-Z]+)(\d+)", b).groups()
        ws = self.values[sheet]
        out = []
        for row in ws.iter_rows(min_row=int(ra), max_row=int(rb),
                                min_col=column_index_from_string(ca),
                                max_col=column_index_from_string(cb)):
            for c in row:
                out.append(0 if c.value is None else c.value)
        return out, sheet


class Parser:
    def __init__(self, book, sheet, toks):
        self.book, self.sheet, self.t, self.i = book, sheet, toks, 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self, want=None):
        tok = self.peek()
        if want is not None and tok[1] != want:
            raise Unsupported("expected %s, got %s" % (want, tok[1]))
        self.i += 1
        return tok

    def expr(self):
        left = self.additive()
        while self.peek()[1] in ("=", "<", ">", "<=", ">=", "<>"):
            op = self.take()[1]
            right = self.additive()
            left = {"=": left == right, "<": left < right, ">": left > right,
                    "<=": left <= right, ">=": left >= right, "<>": left != right}[op]
        return left

    def additive(self):
        left = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            right = self.term()
            left = left + right if op == "+" else left - right
        return left

    def term(self):
        left = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            right = self.unary()
            left = left * right if op == "*" else (left / right if right else float("nan"))
        return left

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.unary()
        return self.atom()

    def args(self):
        out = []
        while True:
            kind, text = self.peek()
            after = self.t[self.i + 1][1] if self.i + 1 < len(self.t) else None
            if kind == "ref" and after in (",", ")"):
                self.take()
                out.append(("range", text))
            else:
                out.append(("value", self.expr()))
            if self.peek()[1] == ",":
                self.take()
                continue
            self.take(")")
            return out

    def values_of(self, arg):
        if arg[0] == "range":
            return self.book.cells(self.sheet, arg[1])[0]
        return [arg[1]]

    def atom(self):
        kind, text = self.take()
        if kind == "num":
            return float(text)
        if kind == "str":
            return text[1:-1]
        if kind == "ref":
            vals, _ = self.book.cells(self.sheet, text)
            if len(vals) != 1:
                raise Unsupported("range outside a function")
            return vals[0]
        if text == "(":
            v = self.expr()
            self.take(")")
            return v
        if kind == "func":
            a = self.args()
            if text == "SUM":
                return sum(v for x in a for v in self.values_of(x) if isinstance(v, (int, float)))
            if text == "INT":
                import math
                return math.floor(a[0][1] if a[0][0] == "value" else self.values_of(a[0])[0])
            if text == "IF":
                cond = a[0][1] if a[0][0] == "value" else self.values_of(a[0])[0]
                pick = a[1] if cond else a[2]
                return pick[1] if pick[0] == "value" else self.values_of(pick)[0]
            if text == "SUMIFS":
                total = self.values_of(a[0])
                crit_range = self.values_of(a[1])
                crit = a[2][1]
                m = re.match(r"(>=|<=|<>|>|<|=)?(.*)", crit)
                op, num = m.group(1) or "=", float(m.group(2))
                ok = {"=": lambda v: v == num, ">": lambda v: v > num, "<": lambda v: v < num,
                      ">=": lambda v: v >= num, "<=": lambda v: v <= num,
                      "<>": lambda v: v != num}[op]
                return sum(t for t, c in zip(total, crit_range)
                           if isinstance(c, (int, float)) and ok(c))
            raise Unsupported("function %s" % text)
        raise Unsupported("token %r" % text)


def main(path):
    book = Book(path)
    checked, bad, unsupported = 0, 0, 0
    for ws in book.formulas.worksheets:
        for row in ws.iter_rows():
            for c in row:
                f = c.value
                if not (isinstance(f, str) and f.startswith("=")):
                    continue
                cached = book.cell(ws.title, c.coordinate)
                try:
                    p = Parser(book, ws.title, tokens(f[1:]))
                    got = p.expr()
                    if p.i != len(p.t):
                        raise Unsupported("trailing tokens")
                except (Unsupported, KeyError, ValueError, IndexError, ZeroDivisionError) as e:
                    unsupported += 1
                    print("%s!%s: cannot check %s (%s)" % (ws.title, c.coordinate, f, e))
                    continue
                checked += 1
                if isinstance(got, bool):
                    got = 1 if got else 0
                if isinstance(cached, bool):
                    cached = 1 if cached else 0
                if isinstance(got, (int, float)) and isinstance(cached, (int, float)):
                    same = abs(got - cached) <= 1e-9 * max(1.0, abs(got))
                else:
                    same = got == cached
                if not same:
                    bad += 1
                    print("%s!%s: %s gives %r, cached %r" % (ws.title, c.coordinate, f, got, cached))
    print("checked %d formulas, %d disagree, %d not checked" % (checked, bad, unsupported))
    return 1 if bad or unsupported else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
