#!/usr/bin/python3
"""xlsx_dump.py - print an .xlsx file as lines the C tests can compare exactly.

Run with /usr/bin/python3 (Debian's, which has openpyxl):

    /usr/bin/python3 tests/xlsx_dump.py file.xlsx

Lines, tab-separated (tabs, newlines and backslashes in values escaped as
\\t, \\n, \\r and \\\\):

    <sheet>  <cell>  <value>  <formula or empty>     one per non-empty cell
    prop     <name>  <value>                         document properties
    sheet    <index> <name>                          sheet order
    layout   <sheet> <key>  <value>                  frozen panes, autofilter,
                                                     page setup, header/footer,
                                                     column widths
    style    <sheet> <cell> <number format> <bold>   for cells with a number
                                                     format or bold font

<value> is the cached value (the workbook loaded with data_only=True): ints
as ints, floats with repr(), dates as ISO text. <formula> is the formula text
(loaded with data_only=False), empty for plain cells: a string that merely
looks like a formula is a value with an empty formula column.
"""
import sys

import openpyxl


def esc(v):
    s = str(v)
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
             .replace("\n", "\\n").replace("\r", "\\r"))


def show(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 2 ** 53:
            return str(int(v))
        return repr(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return esc(v)


def main(path):
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    out = []

    props = formulas.properties
    for key in ("title", "subject", "creator", "keywords", "description",
                "category", "lastModifiedBy"):
        v = getattr(props, key)
        if v:
            out.append(["prop", key, esc(v)])
    if props.created:
        out.append(["prop", "created", props.created.isoformat()])
    if props.modified:
        out.append(["prop", "modified", props.modified.isoformat()])

    for i, name in enumerate(formulas.sheetnames):
        out.append(["sheet", str(i), esc(name)])

    for name in formulas.sheetnames:
        wf, wv = formulas[name], values[name]
        for row in wf.iter_rows():
            for c in row:
                v = wv[c.coordinate].value
                f = c.value if c.data_type == "f" else None
                if v is None and f is None:
                    continue
                out.append([esc(name), c.coordinate, show(v), esc(f) if f else ""])
                fmt = c.number_format if c.number_format != "General" else ""
                bold = bool(c.font and c.font.b)
                if fmt or bold:
                    out.append(["style", esc(name), c.coordinate, esc(fmt),
                                "bold" if bold else ""])

        ps = wf.page_setup
        layout = [
            ("freeze", wf.freeze_panes or ""),
            ("autofilter", wf.auto_filter.ref or ""),
            ("orientation", ps.orientation or ""),
            ("paper", ps.paperSize or ""),
            ("fit", "%s" % bool(wf.sheet_properties.pageSetUpPr
                                and wf.sheet_properties.pageSetUpPr.fitToPage)),
            # absent attributes mean 1 (the OOXML default)
            ("fit_width", 1 if ps.fitToWidth is None else ps.fitToWidth),
            ("fit_height", 1 if ps.fitToHeight is None else ps.fitToHeight),
            ("print_titles", wf.print_title_rows or ""),
            ("header", wf.oddHeader.center.text or ""),
            ("footer", wf.oddFooter.center.text or ""),
        ]
        for letter, dim in sorted(wf.column_dimensions.items()):
            if dim.width:
                layout.append(("width_" + letter, "%g" % dim.width))
        for key, v in layout:
            out.append(["layout", esc(name), key, esc(v)])

    sys.stdout.write("".join("\t".join(line) + "\n" for line in out))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: xlsx_dump.py FILE.xlsx\n")
        sys.exit(2)
    main(sys.argv[1])
