#!/usr/bin/env python
"Convert a percent-format .py script (cells split by '# %%' / '# %% [markdown]') into a Jupyter notebook."
import sys, re, json
from pathlib import Path
from fastcore.nbio import new_nb, mk_cell, write_nb

def convert(src, dst=None):
    src = Path(src); dst = Path(dst) if dst else src.with_suffix('.ipynb')
    cells, cur, kind = [], [], None
    def flush():
        if kind is None: return
        txt = '\n'.join(cur).strip('\n')
        if kind == 'markdown':
            txt = '\n'.join(l[2:] if l.startswith('# ') else (l[1:] if l.startswith('#') else l) for l in txt.split('\n'))
        if txt.strip(): cells.append(mk_cell(txt, cell_type=kind))
    for line in src.read_text().split('\n'):
        m = re.match(r'^# %%( \[markdown\])?\s*$', line)
        if m:
            flush(); cur = []; kind = 'markdown' if m.group(1) else 'code'
        else: cur.append(line)
    flush()
    nb = new_nb(cells)
    nb['metadata'] = {"kernelspec": {"display_name": "python3", "language": "python", "name": "python3"}}
    write_nb(nb, dst)
    print(f'{src} -> {dst} ({len(cells)} cells)')

if __name__ == '__main__':
    for f in sys.argv[1:]: convert(f)
